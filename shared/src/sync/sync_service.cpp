// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/sync/sync_service.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <set>

#include "samkoll/io/importers.hpp"
#include "samkoll/store/repository.hpp"
#include "samkoll/sync/hlc.hpp"

namespace samkoll::core {

using nlohmann::json;

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

Error forbidden(const std::string& field, const std::string& message)
{
    return makeError("forbidden", field, message);
}

/// A stored case with what the merge needs besides its fields.
struct StoredCase {
    Case value;
    Id federationId = 0;
    bool deleted = false;
    json clocks = json::object();
};

class Applier {
public:
    Applier(Database& db, const DeviceContext& ctx, Date today) : m_db(db), m_repo(db), m_ctx(ctx), m_today(today)
    {
        auto teams = m_repo.teams(ctx.federationId);
        if (!teams)
            throw StoreError(SQLITE_IOERR, teams.error().message);
        for (const auto& t : *teams)
            m_teams[t.code] = t;
    }

    int conflicts = 0;
    /// Cases whose stored state may differ from what the device sent (a field
    /// went to another device's value): their change is sent back to it.
    std::set<std::string> conflictedUids;

    Status apply(const Operation& op, int schemaVersion, const std::set<std::int64_t>& refusedDeletes)
    {
        if (introducedIn(op.kind) > schemaVersion)
            return makeError("unsupported_operation", "kind",
                             "operationen finns först i protokollversion " + std::to_string(introducedIn(op.kind)));
        switch (op.kind) {
        case OperationKind::ConflictResolve:
            return resolveConflict(op);
        case OperationKind::StoryUpsert:
            return upsertStory(op);
        case OperationKind::CompositionSet:
            return setComposition(op);
        case OperationKind::RoundInvited:
            return setInvited(op);
        case OperationKind::CaseUpsert:
            return upsertCase(op);
        case OperationKind::CaseDelete:
            if (refusedDeletes.count(op.seq))
                return makeError("mass_delete", "operations",
                                 "satsen tar bort mer än en femtedel av teamets ärenden – bekräfta borttagningen");
            return deleteCase(op);
        case OperationKind::TallyAdd:
            return addTally(op);
        }
        return {};
    }

    std::optional<StoredCase> load(const std::string& uid)
    {
        auto& st = m_db.cached("SELECT federation_id, deleted, clocks, team_id FROM cases WHERE uid = ?");
        st.bind(1, uid);
        if (!st.step())
            return std::nullopt;
        StoredCase s;
        s.federationId = st.integer(0);
        s.deleted = st.integer(1) != 0;
        s.clocks = json::parse(st.text(2), nullptr, false);
        const Id teamId = st.integer(3);
        st.reset();
        if (!s.clocks.is_object())
            s.clocks = json::object();
        if (!s.deleted)
            s.value = valueOrThrow(m_repo.caseByUid(uid));
        else
            s.value.teamId = teamId;
        return s;
    }

    Status mayWriteTeam(std::optional<Id> team, const std::string& field)
    {
        if (m_ctx.role == Role::CentralOffice)
            return {};
        if (m_ctx.role == Role::Coordinator && team && m_ctx.teamId == team)
            return {};
        return forbidden(field, "enheten får bara ändra sitt eget teams uppgifter");
    }

private:
    std::optional<Id> teamId(const std::string& code)
    {
        auto it = m_teams.find(code);
        return it == m_teams.end() ? std::nullopt : std::optional<Id>(it->second.id);
    }

    std::string teamCode(Id id)
    {
        for (const auto& [code, t] : m_teams)
            if (t.id == id)
                return code;
        return {};
    }

    Status upsertCase(const Operation& op)
    {
        auto stored = load(op.uid);
        if (stored && stored->federationId != m_ctx.federationId)
            stored.reset();  // never reveal another förbund's case
        if (!stored) {
            if (!op.create)
                return makeError("not_found", "uid", "ärendet finns inte på servern – det kan ha tagits bort");
            auto team = teamId(op.team);
            if (!team)
                return makeError("not_found", "team", "teamet '" + op.team + "' finns inte");
            if (auto s = mayWriteTeam(team, "team"); !s)
                return s;
            Case c;
            c.uid = op.uid;
            c.teamId = *team;
            auto filled = applyCaseFields(c, op.fields);
            if (!filled)
                return filled.error();
            json clocks = json::object();
            for (const auto& [f, v] : op.fields)
                clocks[f] = op.hlc;
            if (auto saved = m_repo.saveCase(*filled, m_today, clocks.dump()); !saved)
                return saved.error();
            return {};
        }
        if (auto s = mayWriteTeam(stored->value.teamId, "team"); !s)
            return s;
        if (!op.team.empty() && op.team != teamCode(stored->value.teamId))
            return makeError("team_change", "team", "ett ärendes team kan inte ändras");
        if (stored->deleted)
            return makeError("deleted", "uid", "ärendet har tagits bort på en annan enhet");

        const CaseFields current = caseToFields(stored->value);
        CaseFields merged;
        std::vector<json> newConflicts;
        for (const auto& [field, value] : op.fields) {
            const auto cur = current.count(field) ? current.at(field) : std::nullopt;
            const std::string clock = stored->clocks.value(field, std::string());
            if (cur == value) {
                if (op.hlc > clock)
                    stored->clocks[field] = op.hlc;
                continue;
            }
            const auto base = op.base.find(field);
            const bool sawCurrent = base != op.base.end() && base->second == cur;
            if (sawCurrent) {
                merged[field] = value;
                stored->clocks[field] = op.hlc;
                continue;
            }
            // Both sides changed the field: the later clock wins for now, and
            // the coordinator sees both values.
            const bool incomingWins = op.hlc > clock;
            if (incomingWins) {
                merged[field] = value;
                stored->clocks[field] = op.hlc;
            }
            newConflicts.push_back({{"field", field},
                                    {"kept", incomingWins ? json(value ? json(*value) : json(nullptr)) : json(cur ? json(*cur) : json(nullptr))},
                                    {"other", incomingWins ? json(cur ? json(*cur) : json(nullptr)) : json(value ? json(*value) : json(nullptr))},
                                    {"kept_hlc", incomingWins ? op.hlc : clock},
                                    {"other_hlc", incomingWins ? clock : op.hlc}});
        }
        if (!merged.empty()) {
            auto next = applyCaseFields(stored->value, merged);
            if (!next)
                return next.error();
            if (auto saved = m_repo.saveCase(*next, m_today, stored->clocks.dump()); !saved)
                return saved.error();
        } else {
            saveClocks(op.uid, stored->clocks);
        }
        for (const auto& c : newConflicts) {
            auto value = [](const json& v) { return v.is_null() ? std::optional<std::string>() : v.get<std::string>(); };
            m_db.prepare(
                    "INSERT INTO sync_conflict (uid, federation_id, team_id, case_uid, field, kept_value, other_value, "
                    "kept_hlc, other_hlc, other_device) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(1, newUid())
                .bind(2, m_ctx.federationId)
                .bind(3, stored->value.teamId)
                .bind(4, op.uid)
                .bind(5, c["field"].get<std::string>())
                .bind(6, value(c["kept"]))
                .bind(7, value(c["other"]))
                .bind(8, c["kept_hlc"].get<std::string>())
                .bind(9, c["other_hlc"].get<std::string>())
                .bind(10, m_ctx.deviceId)
                .run();
            ++conflicts;
        }
        if (!newConflicts.empty())
            conflictedUids.insert(op.uid);
        return {};
    }

    void saveClocks(const std::string& uid, const json& clocks)
    {
        const auto text = clocks.dump();
        m_db.cached("UPDATE cases SET clocks = ?1 WHERE uid = ?2 AND clocks <> ?1").bind(1, text).bind(2, uid).run();
    }

    Status deleteCase(const Operation& op)
    {
        auto stored = load(op.uid);
        if (!stored || stored->federationId != m_ctx.federationId || stored->deleted)
            return {};  // nothing (left) to delete: deleting is idempotent
        if (auto s = mayWriteTeam(stored->value.teamId, "team"); !s)
            return s;
        return m_repo.deleteCase(op.uid);
    }

    /// The team of an operation (empty code = the förbund), or an error naming `field`.
    Result<std::optional<Id>> teamOf(const std::string& code, const std::string& field)
    {
        if (code.empty())
            return std::optional<Id>();
        auto id = teamId(code);
        if (!id)
            return makeError("not_found", field, "teamet '" + code + "' finns inte");
        return std::optional<Id>(*id);
    }

    Status upsertStory(const Operation& op)
    {
        auto team = teamOf(op.team, "team");
        if (!team)
            return team.error();
        if (auto s = mayWriteTeam(*team, "team"); !s)
            return s;
        auto& existing = m_db.cached("SELECT federation_id, team_id FROM story WHERE uid = ?");
        existing.bind(1, op.uid);
        if (existing.step()) {
            const bool sameOwner = existing.integer(0) == m_ctx.federationId && existing.optionalInteger(1) == *team;
            existing.reset();
            if (!sameOwner)
                return forbidden("uid", "framgångsbeskrivningen hör till ett annat team");
        } else {
            existing.reset();
        }
        auto date = Date::parse(op.date, "date");
        if (!date)
            return date.error();
        Story story;
        story.uid = op.uid;
        story.federationId = m_ctx.federationId;
        story.teamId = *team;
        story.category = op.category;
        story.date = *date;
        story.title = op.title;
        story.text = op.text;
        auto saved = m_repo.saveStory(story);
        if (!saved)
            return saved.error();
        return {};
    }

    Status setComposition(const Operation& op)
    {
        auto team = teamOf(op.team, "team");
        if (!team)
            return team.error();
        if (auto s = mayWriteTeam(*team, "team"); !s)
            return s;
        Composition c;
        c.federationId = m_ctx.federationId;
        c.teamId = *team;
        c.body = op.body;
        c.year = op.year;
        c.women = op.women;
        c.men = op.men;
        return m_repo.setComposition(c);
    }

    Status setInvited(const Operation& op)
    {
        auto team = teamOf(op.roundTeam, "round.team");
        if (!team)
            return team.error();
        if (auto s = mayWriteTeam(*team, "round.team"); !s)
            return s;
        auto period = parsePeriod(op.period);
        if (!period)
            return period.error();
        auto round = m_repo.ensureRound(m_ctx.federationId, op.questionnaire, op.group, *team, *period, op.invited);
        if (!round)
            return round.error();
        return {};
    }

    /// Marks a conflict as seen and settled by the coordinator; the value they
    /// picked arrived as an ordinary edit before this operation.
    Status resolveConflict(const Operation& op)
    {
        auto& st = m_db.cached("SELECT federation_id, team_id, resolved FROM sync_conflict WHERE uid = ?");
        st.bind(1, op.uid);
        if (!st.step()) {
            st.reset();
            return makeError("not_found", "uid", "konflikten finns inte");
        }
        const Id federation = st.integer(0);
        const auto team = st.optionalInteger(1);
        const bool resolved = st.integer(2) != 0;
        st.reset();
        if (federation != m_ctx.federationId)
            return makeError("not_found", "uid", "konflikten finns inte");
        if (auto s = mayWriteTeam(team, "team"); !s)
            return s;
        if (resolved)
            return {};  // settled on another device already
        m_db.cached("UPDATE sync_conflict SET resolved = 1 WHERE uid = ?").bind(1, op.uid).run();
        return {};
    }

    Status addTally(const Operation& op)
    {
        std::optional<Id> team;
        if (!op.roundTeam.empty()) {
            team = teamId(op.roundTeam);
            if (!team)
                return makeError("not_found", "round.team", "teamet '" + op.roundTeam + "' finns inte");
        }
        if (auto s = mayWriteTeam(team, "round.team"); !s)
            return s;
        auto period = parsePeriod(op.period);
        if (!period)
            return period.error();
        auto round = m_repo.ensureRound(m_ctx.federationId, op.questionnaire, op.group, team, *period, std::nullopt);
        if (!round)
            return round.error();
        auto& q = m_db.cached("SELECT id FROM question WHERE federation_id = ? AND code = ?");
        q.bind(1, m_ctx.federationId).bind(2, op.question);
        if (!q.step())
            return makeError("not_found", "question", "frågan '" + op.question + "' finns inte");
        const Id questionId = q.integer(0);
        q.reset();
        auto& exists = m_db.cached("SELECT 1 FROM tally_delta WHERE uid = ?");
        exists.bind(1, op.uid);
        const bool known = exists.step();
        exists.reset();
        if (known)
            return {};  // the same entry through another path: counted once
        TallyDelta d;
        d.uid = op.uid;
        d.roundId = *round;
        d.questionId = questionId;
        d.option = op.option;
        d.gender = op.gender;
        d.delta = op.delta;
        d.enteredBy = op.enteredBy;
        d.batch = op.batch;
        auto added = m_repo.addTally(d);
        if (!added)
            return added.error();
        return {};
    }

    Database& m_db;
    Repository m_repo;
    const DeviceContext& m_ctx;
    Date m_today;
    std::map<std::string, Team> m_teams;
};

}  // namespace

SyncService::SyncService(Database& db, std::function<std::int64_t()> clockMs)
    : m_db(db), m_clockMs(clockMs ? std::move(clockMs) : std::function<std::int64_t()>(systemMillis))
{
}

Result<BatchResult> SyncService::push(const DeviceContext& ctx, const Batch& batch, Date today)
{
    if (batch.schemaVersion < kOldestAcceptedProtocolVersion || batch.schemaVersion > kProtocolVersion)
        return makeError("unsupported_version", "schema_version",
                         "klienten använder protokollversion " + std::to_string(batch.schemaVersion) +
                             " men servern stöder " + std::to_string(kOldestAcceptedProtocolVersion) + "–" +
                             std::to_string(kProtocolVersion) +
                             ". Uppdatera Samkoll – inget har gått förlorat, ändringarna ligger kvar och skickas efter uppdateringen.");
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
        auto& last = m_db.cached("SELECT ifnull(max(cursor), 0) FROM change_log");
        last.step();
        const std::int64_t cursorBefore = last.integer(0);
        last.reset();
        // The operations of this batch the server applied before (a resent
        // batch), in one range read instead of one lookup per operation.
        std::set<std::int64_t> appliedBefore;
        if (!batch.operations.empty()) {
            auto [lo, hi] = std::minmax_element(batch.operations.begin(), batch.operations.end(),
                                                [](const Operation& a, const Operation& b) { return a.seq < b.seq; });
            auto& seen = m_db.cached("SELECT seq FROM applied_operation WHERE device_id = ? AND seq BETWEEN ? AND ?");
            seen.bind(1, ctx.deviceId).bind(2, lo->seq).bind(3, hi->seq);
            while (seen.step())
                appliedBefore.insert(seen.integer(0));
            seen.reset();
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

        for (const auto& op : batch.operations) {
            OperationResult r{op.seq, OperationStatus::Applied, std::nullopt};
            if (isApplied(op.seq)) {
                r.status = OperationStatus::Duplicate;
            } else {
                Transaction one(m_db);  // a savepoint: a refused operation leaves nothing behind
                const int conflictsBefore = applier.conflicts;
                auto s = applier.apply(op, batch.schemaVersion, refusedDeletes);
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
            .bind(1, ctx.deviceId)
            .bind(2, appliedNow.dump())
            .run();
        result.conflicts = applier.conflicts;
        // The changes this batch made are the device's own: its download skips
        // them (it already has that state), unless a merge kept another value.
        m_db.cached("UPDATE change_log SET device_id = ? WHERE cursor > ? AND entity <> 'conflict'")
            .bind(1, ctx.deviceId)
            .bind(2, cursorBefore)
            .run();
        for (const auto& uid : applier.conflictedUids)
            m_db.cached("UPDATE change_log SET device_id = NULL WHERE cursor > ? AND uid = ?").bind(1, cursorBefore).bind(2, uid).run();
        return result;
    });
}

namespace {

json caseData(Database& db, Repository& repo, const std::string& uid)
{
    auto& st = db.cached("SELECT c.deleted, t.code FROM cases c JOIN team t ON t.id = c.team_id WHERE c.uid = ?");
    st.bind(1, uid);
    if (!st.step()) {
        st.reset();
        return nullptr;
    }
    const bool deleted = st.integer(0) != 0;
    json data{{"team", st.text(1)}, {"deleted", deleted}};
    st.reset();
    if (!deleted) {
        json fields = json::object();
        for (const auto& [k, v] : caseToFields(valueOrThrow(repo.caseByUid(uid))))
            fields[k] = v ? json(*v) : json(nullptr);
        data["fields"] = fields;
    }
    return data;
}

json tallyData(Database& db, const std::string& uid)
{
    auto st = db.prepare(
        "SELECT qn.code, r.respondent_group, t2.code, r.period_start, r.period_end, q.code, t.option_no, t.gender, t.delta, "
        "       t.entered_by, t.entered_at, t.batch "
        "FROM tally_delta t JOIN survey_round r ON r.id = t.round_id JOIN questionnaire qn ON qn.id = r.questionnaire_id "
        "JOIN question q ON q.id = t.question_id LEFT JOIN team t2 ON t2.id = r.team_id WHERE t.uid = ?");
    st.bind(1, uid);
    if (!st.step())
        return nullptr;
    return {{"round",
             {{"questionnaire", st.text(0)},
              {"group", st.text(1)},
              {"team", st.isNull(2) ? json(nullptr) : json(st.text(2))},
              {"period", st.text(3) + "/" + st.text(4)}}},
            {"question", st.text(5)},
            {"option", st.integer(6)},
            {"gender", st.text(7)},
            {"delta", st.integer(8)},
            {"entered_by", st.text(9)},
            {"entered_at", st.text(10)},
            {"batch", st.text(11)}};
}

json storyData(Database& db, const std::string& uid)
{
    auto st = db.prepare(
        "SELECT t.code, s.category, s.story_date, s.title, s.body FROM story s LEFT JOIN team t ON t.id = s.team_id "
        "WHERE s.uid = ?");
    st.bind(1, uid);
    if (!st.step())
        return nullptr;
    return {{"team", st.isNull(0) ? json(nullptr) : json(st.text(0))},
            {"category", st.text(1)},
            {"date", st.text(2)},
            {"title", st.text(3)},
            {"text", st.text(4)}};
}

json conflictData(Database& db, const std::string& uid)
{
    auto st = db.prepare(
        "SELECT case_uid, field, kept_value, other_value, kept_hlc, other_hlc, other_device, resolved, created_at "
        "FROM sync_conflict WHERE uid = ?");
    st.bind(1, uid);
    if (!st.step())
        return nullptr;
    auto opt = [&](int c) { return st.isNull(c) ? json(nullptr) : json(st.text(c)); };
    return {{"case_uid", st.text(0)}, {"field", st.text(1)},       {"kept", opt(2)},
            {"other", opt(3)},        {"kept_hlc", st.text(4)},    {"other_hlc", st.text(5)},
            {"other_device", st.text(6)}, {"resolved", st.integer(7) != 0}, {"created_at", st.text(8)}};
}

json roundData(Database& db, const std::string& id)
{
    auto st = db.prepare(
        "SELECT qn.code, r.respondent_group, t.code, r.period_start, r.period_end, r.invited FROM survey_round r "
        "JOIN questionnaire qn ON qn.id = r.questionnaire_id LEFT JOIN team t ON t.id = r.team_id WHERE r.id = ?");
    st.bind(1, static_cast<std::int64_t>(std::stoll(id)));
    if (!st.step())
        return nullptr;
    return {{"round",
             {{"questionnaire", st.text(0)},
              {"group", st.text(1)},
              {"team", st.isNull(2) ? json(nullptr) : json(st.text(2))},
              {"period", st.text(3) + "/" + st.text(4)}}},
            {"invited", st.integer(5)}};
}

json compositionData(Database& db, const std::string& id)
{
    auto st = db.prepare(
        "SELECT t.code, c.body, c.year, c.women, c.men FROM composition c LEFT JOIN team t ON t.id = c.team_id "
        "WHERE c.id = ?");
    st.bind(1, static_cast<std::int64_t>(std::stoll(id)));
    if (!st.step())
        return nullptr;
    return {{"team", st.isNull(0) ? json(nullptr) : json(st.text(0))},
            {"body", st.text(1)},
            {"year", st.integer(2)},
            {"women", st.integer(3)},
            {"men", st.integer(4)}};
}

}  // namespace

Result<PullResult> SyncService::pull(const DeviceContext& ctx, std::int64_t cursor, int limit)
{
    if (ctx.role == Role::Board)
        return forbidden("", "styrelsen ser bara sammanställningar, inte ärenden");
    if (limit < 1)
        limit = 1;
    return guarded<PullResult>([&]() -> Result<PullResult> {
        // One read transaction: the max cursor and the rows are the same snapshot.
        ReadTransaction snapshot(m_db);
        auto& maxSt = m_db.cached("SELECT ifnull(max(cursor), 0) FROM change_log");
        maxSt.step();
        const std::int64_t max = maxSt.integer(0);
        maxSt.reset();
        if (cursor < 0 || cursor > max)
            return makeError("invalid_cursor", "cursor",
                             "servern känner inte igen synkpositionen " + std::to_string(cursor) +
                                 " – allt hämtas på nytt; inget lokalt går förlorat");
        const Id team = ctx.role == Role::Coordinator ? ctx.teamId.value_or(-1) : 0;
        auto& st = m_db.cached(
            "SELECT entity, uid, max(cursor) AS c FROM change_log "
            "WHERE federation_id = ?1 AND cursor > ?2 AND cursor <= ?3 AND (?4 = 0 OR team_id IS NULL OR team_id = ?4) "
            "GROUP BY entity, uid HAVING sum(device_id IS ?6) < count(*) ORDER BY c LIMIT ?5");
        st.bind(1, ctx.federationId).bind(2, cursor).bind(3, max).bind(4, team).bind(5, limit + 1).bind(6, ctx.deviceId);
        PullResult out;
        Repository repo(m_db);
        while (st.step()) {
            if (static_cast<int>(out.changes.size()) == limit) {
                out.more = true;
                break;
            }
            Change c;
            c.entity = st.text(0);
            c.uid = st.text(1);
            c.cursor = st.integer(2);
            if (c.entity == "case")
                c.data = caseData(m_db, repo, c.uid);
            else if (c.entity == "tally")
                c.data = tallyData(m_db, c.uid);
            else if (c.entity == "story")
                c.data = storyData(m_db, c.uid);
            else if (c.entity == "conflict")
                c.data = conflictData(m_db, c.uid);
            else if (c.entity == "round")
                c.data = roundData(m_db, c.uid);
            else if (c.entity == "composition")
                c.data = compositionData(m_db, c.uid);
            out.changes.push_back(std::move(c));
        }
        st.reset();
        out.cursor = out.more ? out.changes.back().cursor : max;
        return out;
    });
}

}  // namespace samkoll::core
