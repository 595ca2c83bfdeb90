// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The server's application of one upload batch (SyncService::push): per
// operation authorisation, validation, field merge with clocks, conflicts and
// period locks. Internal to the core's sync files; one Applier per batch, on
// the thread that holds the batch's transaction.

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <set>

#include "samkoll/io/importers.hpp"
#include "samkoll/store/repository.hpp"
#include "samkoll/sync/finance_edits.hpp"
#include "samkoll/sync/judgments.hpp"
#include "samkoll/sync/hlc.hpp"
#include "samkoll/sync/sync_service.hpp"

namespace samkoll::core::detail {

using nlohmann::json;

inline Error forbidden(const std::string& field, const std::string& message)
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
    /// Creates that named an id another förbund already uses: answered as a
    /// fresh id's create would be (checked, then taken), nothing stored — so an
    /// answer never tells whether an id exists elsewhere. The server logs them.
    int foreignIds = 0;
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
        case OperationKind::FinanceLine:
        case OperationKind::FinanceBudget:
        case OperationKind::FinanceOutcome:
        case OperationKind::FinanceForecast:
        case OperationKind::FinanceEquity:
        case OperationKind::FinanceSetting: {
            if (m_ctx.role != Role::CentralOffice)
                return forbidden("kind", "bara kansliet för in förbundets ekonomi");
            finance::FinanceStore store(m_db);
            return applyFinanceEdit(store, m_ctx.federationId, op.kind, op.finance, true);
        }
        case OperationKind::JudgmentSet:
            if (m_ctx.role != Role::CentralOffice)
                return forbidden("kind", "bara kansliet bedömer indikatorerna – be kansliet göra bedömningen");
            return applyJudgmentEdit(m_db, m_ctx.federationId, op.judgment, loginOfDevice(), op.hlc, true);
        }
        return {};
    }

    /// Who the uploading device belongs to (the login), for what it writes in its name.
    std::string loginOfDevice()
    {
        auto st = m_db.cached("SELECT u.login FROM device d JOIN app_user u ON u.id = d.user_id WHERE d.id = ?");
        st->bind(1, m_ctx.deviceId);
        std::string login = st->step() ? st->text(0) : std::string();
        st->reset();
        return login;
    }

    std::optional<StoredCase> load(const std::string& uid)
    {
        auto st = m_db.cached("SELECT federation_id, deleted, clocks, team_id FROM cases WHERE uid = ?");
        st->bind(1, uid);
        if (!st->step())
            return std::nullopt;
        StoredCase s;
        s.federationId = st->integer(0);
        s.deleted = st->integer(1) != 0;
        s.clocks = json::parse(st->text(2), nullptr, false);
        const Id teamId = st->integer(3);
        st->reset();
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
        const bool foreign = stored && stored->federationId != m_ctx.federationId;
        if (foreign)
            stored.reset();  // never reveal another förbund's case: answer as if the id were free
        if (!stored) {
            if (!op.create)
                return makeError("not_found", "uid", "ärendet finns inte på servern – det kan ha tagits bort");
            auto team = teamId(op.team);
            if (!team)
                return makeError("not_found", "team", "teamet '" + op.team + "' finns inte");
            if (auto s = mayWriteTeam(team, "team"); !s)
                return s;
            Case c;
            // Another förbund's id: every rule of saving is checked as for a
            // fresh id (under one, in a savepoint rolled back), then the create
            // is answered as taken with nothing stored.
            std::optional<Transaction> dryRun;
            if (foreign)
                dryRun.emplace(m_db);
            c.uid = foreign ? newUid() : op.uid;
            c.teamId = *team;
            auto filled = applyCaseFields(c, op.fields);
            if (!filled)
                return filled.error();
            json clocks = json::object();
            for (const auto& [f, v] : op.fields)
                clocks[f] = op.hlc;
            if (auto saved = m_repo.saveCase(*filled, m_today, clocks.dump()); !saved)
                return saved.error();
            foreignIds += foreign ? 1 : 0;
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
        m_db.cached("UPDATE cases SET clocks = ?1 WHERE uid = ?2 AND clocks <> ?1")->bind(1, text).bind(2, uid).run();
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
        auto existing = m_db.cached("SELECT federation_id, team_id FROM story WHERE uid = ?");
        existing->bind(1, op.uid);
        bool foreign = false;
        if (existing->step()) {
            foreign = existing->integer(0) != m_ctx.federationId;  // answered as if the id were free
            const bool sameTeam = existing->optionalInteger(1) == *team;
            existing->reset();
            if (!foreign && !sameTeam)
                return forbidden("uid", "framgångsbeskrivningen hör till ett annat team");
        }
        auto date = Date::parse(op.date, "date");
        if (!date)
            return date.error();
        std::optional<Transaction> dryRun;  // another förbund's id: checked as a fresh one, not stored
        if (foreign)
            dryRun.emplace(m_db);
        Story story;
        story.uid = foreign ? newUid() : op.uid;
        story.federationId = m_ctx.federationId;
        story.teamId = *team;
        story.category = op.category;
        story.date = *date;
        story.title = op.title;
        story.text = op.text;
        auto saved = m_repo.saveStory(story);
        if (!saved)
            return saved.error();
        foreignIds += foreign ? 1 : 0;
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
        auto st = m_db.cached("SELECT federation_id, team_id, resolved FROM sync_conflict WHERE uid = ?");
        st->bind(1, op.uid);
        if (!st->step()) {
            return makeError("not_found", "uid", "konflikten finns inte");
        }
        const Id federation = st->integer(0);
        const auto team = st->optionalInteger(1);
        const bool resolved = st->integer(2) != 0;
        st->reset();
        if (federation != m_ctx.federationId)
            return makeError("not_found", "uid", "konflikten finns inte");
        if (auto s = mayWriteTeam(team, "team"); !s)
            return s;
        if (resolved)
            return {};  // settled on another device already
        m_db.cached("UPDATE sync_conflict SET resolved = 1 WHERE uid = ?")->bind(1, op.uid).run();
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
        auto q = m_db.cached("SELECT id FROM question WHERE federation_id = ? AND code = ?");
        q->bind(1, m_ctx.federationId).bind(2, op.question);
        if (!q->step())
            return makeError("not_found", "question", "frågan '" + op.question + "' finns inte");
        const Id questionId = q->integer(0);
        q->reset();
        auto exists = m_db.cached("SELECT 1 FROM tally_delta WHERE uid = ?");
        exists->bind(1, op.uid);
        const bool known = exists->step();
        exists->reset();
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

}  // namespace samkoll::core::detail
