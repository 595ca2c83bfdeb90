// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/sync/sync_service.hpp"

#include "batch_applier.hpp"

namespace samkoll::core {

using nlohmann::json;
using detail::Applier;
using detail::forbidden;

std::string_view codeOf(Role r)
{
    switch (r) {
    case Role::Coordinator:
        return "coordinator";
    case Role::CentralOffice:
        return "central_office";
    case Role::Board:
        return "board";
    }
    return {};
}

std::optional<Role> parseRole(std::string_view text)
{
    for (auto r : {Role::Coordinator, Role::CentralOffice, Role::Board})
        if (codeOf(r) == text)
            return r;
    return std::nullopt;
}

namespace {

/// The operation with its clock no further ahead than the server allows
/// (kMaxFutureClockMs): a clock beyond it is taken as the server's now.
const Operation& withServerBoundClock(const Operation& op, std::int64_t serverMs, Operation& scratch)
{
    auto hlc = Hlc::decode(op.hlc);
    if (!hlc || hlc->wallMs <= serverMs + kMaxFutureClockMs)
        return op;
    scratch = op;
    scratch.hlc = Hlc{serverMs, 0, hlc->node}.encode();
    return scratch;
}

}  // namespace

SyncService::SyncService(Database& db, std::function<std::int64_t()> clockMs)
    : m_db(db), m_clockMs(clockMs ? std::move(clockMs) : std::function<std::int64_t()>(systemMillis))
{
}

Result<BatchResult> SyncService::push(const DeviceContext& ctx, const Batch& batch, Date today)
{
    // Outside the window: say who must update. Nothing is lost either way —
    // the device keeps its changes and sends them after the update.
    if (batch.schemaVersion < kOldestAcceptedProtocolVersion)
        return makeError("unsupported_version", "schema_version",
                         "den här Samkoll-klienten är för gammal för servern (protokollversion " +
                             std::to_string(batch.schemaVersion) + ", servern tar " +
                             std::to_string(kOldestAcceptedProtocolVersion) + "–" + std::to_string(kProtocolVersion) +
                             "). Uppdatera Samkoll på den här datorn – inget har gått förlorat, ändringarna ligger "
                             "kvar och skickas efter uppdateringen.");
    if (batch.schemaVersion > kProtocolVersion)
        return makeError("unsupported_version", "schema_version",
                         "servern är äldre än den här Samkoll-klienten (protokollversion " +
                             std::to_string(batch.schemaVersion) + ", servern tar " +
                             std::to_string(kOldestAcceptedProtocolVersion) + "–" + std::to_string(kProtocolVersion) +
                             "). Be kansliet uppdatera servern – inget har gått förlorat, ändringarna ligger kvar "
                             "och skickas när servern är uppdaterad.");
    if (batch.deviceId != ctx.deviceId)
        return forbidden("device_id", "satsen kommer från en annan enhet än den som är inloggad");
    if (ctx.role == Role::Board)
        return forbidden("", "styrelsen ser bara sammanställningar och kan inte skicka ändringar");

    BatchResult result;
    result.serverTimeMs = m_clockMs();
    if (batch.clientTimeMs > 0 && std::llabs(batch.clientTimeMs - result.serverTimeMs) > kMaxClockSkewMs)
        result.clockSkewMs = batch.clientTimeMs - result.serverTimeMs;

    return inTransaction<BatchResult>(m_db, [&]() -> Result<BatchResult> {
        Applier applier(m_db, ctx, today);
        auto last = m_db.cached("SELECT ifnull(max(cursor), 0) FROM change_log");
        last->step();
        const std::int64_t cursorBefore = last->integer(0);
        last->reset();
        // The operations of this batch the server applied before (a resent
        // batch), in one range read instead of one lookup per operation.
        std::set<std::int64_t> appliedBefore;
        if (!batch.operations.empty()) {
            auto [lo, hi] = std::minmax_element(batch.operations.begin(), batch.operations.end(),
                                                [](const Operation& a, const Operation& b) { return a.seq < b.seq; });
            auto seen = m_db.cached("SELECT seq FROM applied_operation WHERE device_id = ? AND seq BETWEEN ? AND ?");
            seen->bind(1, ctx.deviceId).bind(2, lo->seq).bind(3, hi->seq);
            while (seen->step())
                appliedBefore.insert(seen->integer(0));
        }
        auto isApplied = [&](std::int64_t seq) { return appliedBefore.count(seq) != 0; };
        json appliedNow = json::array();

        // Deleting more than a fifth of a team's cases in one batch needs the
        // user's explicit confirmation (a single delete is its own confirmation).
        std::set<std::int64_t> refusedDeletes;
        if (!batch.confirmMassDelete) {
            std::map<Id, std::vector<std::int64_t>> deletesByTeam;
            for (const auto& op : batch.operations) {
                if (op.kind != OperationKind::CaseDelete || isApplied(op.seq))
                    continue;
                if (auto stored = applier.load(op.uid); stored && !stored->deleted)
                    deletesByTeam[stored->value.teamId].push_back(op.seq);
            }
            for (const auto& [team, seqs] : deletesByTeam) {
                auto live = m_db.prepare("SELECT count(*) FROM cases WHERE team_id = ? AND deleted = 0");
                live.bind(1, team);
                live.step();
                if (seqs.size() > 1 && static_cast<std::int64_t>(seqs.size()) * 5 > live.integer(0))
                    refusedDeletes.insert(seqs.begin(), seqs.end());
            }
        }

        Operation scratch;
        for (const auto& op : batch.operations) {
            OperationResult r{op.seq, OperationStatus::Applied, std::nullopt};
            if (isApplied(op.seq)) {
                r.status = OperationStatus::Duplicate;
            } else {
                Transaction one(m_db);  // a savepoint: a refused operation leaves nothing behind
                const int conflictsBefore = applier.conflicts;
                auto s = applier.apply(withServerBoundClock(op, result.serverTimeMs, scratch), batch.schemaVersion, refusedDeletes);
                // A storage failure is no refusal: the whole batch fails and is resent.
                if (!s && s.error().code == "storage")
                    throw StoreError(SQLITE_IOERR, s.error().message);
                if (!s) {
                    r.status = OperationStatus::Refused;
                    r.error = s.error();
                    applier.conflicts = conflictsBefore;
                } else {
                    one.commit();
                    appliedNow.push_back(op.seq);
                    appliedBefore.insert(op.seq);  // the same operation twice in one batch counts once
                }
            }
            if (r.status != OperationStatus::Refused)
                result.highestAcknowledged = std::max(result.highestAcknowledged.value_or(0), op.seq);
            result.results.push_back(std::move(r));
        }
        // Remembered with the batch's changes, in the same transaction.
        m_db.cached("INSERT INTO applied_operation (device_id, seq) SELECT ?, value FROM json_each(?)")
            ->bind(1, ctx.deviceId)
            .bind(2, appliedNow.dump())
            .run();
        result.conflicts = applier.conflicts;
        result.foreignIds = applier.foreignIds;
        // The changes this batch made are the device's own: its download skips
        // them (it already has that state), unless a merge kept another value.
        m_db.cached("UPDATE change_log SET device_id = ? WHERE cursor > ? AND entity <> 'conflict'")
            ->bind(1, ctx.deviceId)
            .bind(2, cursorBefore)
            .run();
        for (const auto& uid : applier.conflictedUids)
            m_db.cached("UPDATE change_log SET device_id = NULL WHERE cursor > ? AND uid = ?")->bind(1, cursorBefore).bind(2, uid).run();
        return result;
    });
}

}  // namespace samkoll::core
