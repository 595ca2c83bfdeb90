// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/sync/replica.hpp"

#include <set>

#include "samkoll/io/importers.hpp"
#include "samkoll/store/repository.hpp"
#include "samkoll/sync/finance_edits.hpp"

namespace samkoll::core {

using nlohmann::json;

Status Replica::applyPull(const PullResult& pull)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        for (const auto& change : pull.changes) {
            Status s;
            if (change.data.is_null())
                continue;
            if (change.entity == "case")
                s = applyCase(change);
            else if (change.entity == "tally")
                s = applyTally(change);
            else if (change.entity == "story")
                s = applyStory(change);
            else if (change.entity == "conflict")
                s = applyConflict(change);
            else if (change.entity == "round")
                s = applyRound(change);
            else if (change.entity == "composition")
                s = applyComposition(change);
            else if (change.entity == "finance")
                s = applyFinance(change);
            if (!s)
                return s;
        }
        m_db.prepare("INSERT INTO sync_state (key, value) VALUES ('cursor', ?1) ON CONFLICT (key) DO UPDATE SET value = ?1")
            .bind(1, std::to_string(pull.cursor))
            .run();
        return {};
    });
}

Status Replica::applyFinance(const Change& change)
{
    auto fed = federationId();
    if (!fed)
        return fed.error();
    if (auto s = applyFinanceSnapshot(m_db, *fed, change.uid, change.data); !s)
        return s;
    // Edits made here and not yet acknowledged stay on top of the server's state.
    // A year's part carries the line definitions too, so their edits are replayed with it.
    const bool year = change.uid != "finance:definitions" && change.uid != "finance:settings";
    finance::FinanceStore store(m_db);
    auto ops = m_db.prepare("SELECT seq, operation FROM outbox WHERE uid = ? OR (? AND uid = 'finance:definitions') ORDER BY seq");
    ops.bind(1, change.uid).bind(2, year ? 1 : 0);
    while (ops.step()) {
        const auto op = outboxOperation(ops.integer(0), ops.text(1));
        if (op && isFinance(op->kind))
            (void)applyFinanceEdit(store, *fed, op->kind, op->finance);  // a refusal stays in the outbox, as the server will say
    }
    return {};
}

Status Replica::applyCase(const Change& change)
{
    const auto& d = change.data;
    auto team = teamIdOf(d.at("team").get<std::string>());
    if (!team)
        return makeError("not_found", "team", "teamet '" + d["team"].get<std::string>() + "' saknas lokalt – hämta konfigurationen");
    if (d.value("deleted", false)) {
        m_db.prepare("UPDATE cases SET deleted = 1 WHERE uid = ? AND deleted = 0").bind(1, change.uid).run();
        return {};
    }
    // Fields changed locally and not yet acknowledged keep their local value.
    std::set<std::string> pendingFields;
    bool pendingDelete = false;
    auto ops = m_db.cached("SELECT operation FROM outbox WHERE uid = ?");
    ops->bind(1, change.uid);
    while (ops->step()) {
        const auto op = json::parse(ops->text(0));
        if (op.value("kind", "") == "case.delete")
            pendingDelete = true;
        if (op.contains("fields"))
            for (const auto& [k, v] : op["fields"].items())
                pendingFields.insert(k);
    }
    ops->reset();
    auto deleted = m_db.cached("SELECT deleted FROM cases WHERE uid = ?");
    deleted->bind(1, change.uid);
    const bool exists = deleted->step();
    const bool tombstoned = exists && deleted->integer(0) != 0;
    deleted->reset();
    if (pendingDelete || tombstoned)
        return {};

    CaseFields server;
    for (const auto& [k, v] : d.at("fields").items())
        server[k] = v.is_null() ? std::nullopt : std::optional<std::string>(v.get<std::string>());
    if (!exists && server.count("code") && server["code"])
        if (auto s = moveAsideLocalCode(*team, *server["code"], change.uid); !s)
            return s;
    Repository repo(m_db);
    Case base;
    base.uid = change.uid;
    base.teamId = *team;
    if (exists)
        base = valueOrThrow(repo.caseByUid(change.uid));
    // The device's own changes come back as echoes: nothing to write when the
    // server's state is already the local one.
    if (exists && pendingFields.empty() && caseToFields(base) == server)
        return {};
    CaseFields keepLocal = server;
    for (const auto& f : pendingFields)
        keepLocal.erase(f);
    auto merged = applyCaseFields(base, keepLocal);
    if (merged) {
        if (repo.saveCase(*merged, Date::today()))
            return {};
    }
    // The local change no longer fits the server's version: take the server's
    // whole; the pending operation is still sent and merged on the server.
    Case fresh;
    fresh.uid = change.uid;
    fresh.teamId = *team;
    auto full = applyCaseFields(exists ? base : fresh, server);
    if (!full)
        return full.error();
    auto saved = repo.saveCase(*full, Date::today());
    if (!saved)
        return saved.error();
    return {};
}

Status Replica::moveAsideLocalCode(Id team, const std::string& code, const std::string& incomingUid)
{
    auto clash = m_db.prepare("SELECT uid FROM cases WHERE team_id = ? AND code = ? AND uid <> ?");
    clash.bind(1, team).bind(2, code).bind(3, incomingUid);
    if (!clash.step())
        return {};
    const auto localUid = clash.text(0);
    clash.reset();
    // Another computer created a case with this code first: the server's case
    // keeps it, and the local case (created here, not yet on the server) gets a
    // free code with "-dubblett" so nothing is lost; the coordinator renames it.
    std::string renamed;
    for (int n = 1;; ++n) {
        renamed = code + "-dubblett" + (n > 1 ? std::to_string(n) : std::string());
        auto taken = m_db.prepare("SELECT 1 FROM cases WHERE team_id = ? AND code = ?");
        taken.bind(1, team).bind(2, renamed);
        if (!taken.step())
            break;
    }
    m_db.prepare("UPDATE cases SET code = ? WHERE uid = ?").bind(1, renamed).bind(2, localUid).run();
    auto ops = m_db.prepare("SELECT seq, operation FROM outbox WHERE uid = ?");
    ops.bind(1, localUid);
    std::vector<std::pair<std::int64_t, std::string>> rewritten;
    while (ops.step()) {
        auto j = json::parse(ops.text(1));
        if (j.contains("fields") && j["fields"].contains("code")) {
            j["fields"]["code"] = renamed;
            rewritten.emplace_back(ops.integer(0), j.dump());
        }
    }
    // Shown under refused changes until the coordinator picks a code (the
    // rename folds into the queued creation and clears this).
    for (const auto& [seq, op] : rewritten)
        m_db.prepare("UPDATE outbox SET operation = ?, refused_code = 'duplicate', refused_message = ? WHERE seq = ?")
            .bind(1, op)
            .bind(2, "koden " + code + " har redan ett ärende från en annan dator – ärendet heter nu " + renamed +
                         " tills du ger det en egen kod")
            .bind(3, seq)
            .run();
    return {};
}

Status Replica::applyTally(const Change& change)
{
    auto exists = m_db.cached("SELECT 1 FROM tally_delta WHERE uid = ?");
    exists->bind(1, change.uid);
    const bool known = exists->step();
    exists->reset();
    if (known)
        return {};
    const auto& d = change.data;
    const auto& round = d.at("round");
    auto fed = federationId();
    if (!fed)
        return fed.error();
    std::optional<Id> team;
    if (round.at("team").is_string()) {
        team = teamIdOf(round["team"].get<std::string>());
        if (!team)
            return makeError("not_found", "team", "teamet saknas lokalt");
    }
    auto period = parsePeriod(round.at("period").get<std::string>());
    auto group = parseCode<RespondentGroup>(round.at("group").get<std::string>());
    if (!period || !group)
        return makeError("invalid_response", "round", "oväntad enkätomgång från servern");
    Repository repo(m_db);
    auto roundId = repo.ensureRound(*fed, round.at("questionnaire").get<std::string>(), *group, team, *period, std::nullopt);
    if (!roundId)
        return roundId.error();
    auto q = m_db.prepare("SELECT id FROM question WHERE federation_id = ? AND code = ?");
    q.bind(1, *fed).bind(2, d.at("question").get<std::string>());
    if (!q.step())
        return makeError("not_found", "question", "frågan saknas lokalt – hämta konfigurationen");
    TallyDelta t;
    t.uid = change.uid;
    t.roundId = *roundId;
    t.questionId = q.integer(0);
    t.option = d.at("option").get<int>();
    t.gender = parseCode<Gender>(d.at("gender").get<std::string>()).value_or(Gender::Other);
    t.delta = d.at("delta").get<std::int64_t>();
    t.enteredBy = d.value("entered_by", "");
    // Local validation is skipped for totals: the server's order of rows is authoritative.
    m_db.prepare(
            "INSERT INTO tally_delta (uid, round_id, question_id, option_no, gender, delta, entered_by, entered_at, batch) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, t.uid)
        .bind(2, t.roundId)
        .bind(3, t.questionId)
        .bind(4, t.option)
        .bind(5, codeOf(t.gender))
        .bind(6, t.delta)
        .bind(7, t.enteredBy)
        .bind(8, d.value("entered_at", ""))
        .bind(9, d.value("batch", ""))
        .run();
    return {};
}

Status Replica::applyStory(const Change& change)
{
    const auto& d = change.data;
    auto fed = federationId();
    if (!fed)
        return fed.error();
    Story s;
    s.uid = change.uid;
    s.federationId = *fed;
    if (d.at("team").is_string())
        s.teamId = teamIdOf(d["team"].get<std::string>());
    s.category = parseCode<StoryCategory>(d.at("category").get<std::string>()).value_or(StoryCategory::PositiveSolution);
    auto date = Date::parse(d.at("date").get<std::string>());
    if (!date)
        return date.error();
    s.date = *date;
    s.title = d.at("title").get<std::string>();
    s.text = d.at("text").get<std::string>();
    auto saved = Repository(m_db).saveStory(s);
    if (!saved)
        return saved.error();
    return {};
}

Status Replica::applyRound(const Change& change)
{
    const auto& d = change.data;
    const auto& r = d.at("round");
    RoundKey key;
    key.questionnaire = r.at("questionnaire").get<std::string>();
    key.group = parseCode<RespondentGroup>(r.at("group").get<std::string>()).value_or(RespondentGroup::ParticipantsExit);
    key.team = r.at("team").is_string() ? r["team"].get<std::string>() : std::string();
    key.period = r.at("period").get<std::string>();
    auto round = roundOf(key, d.at("invited").get<std::int64_t>());
    if (!round)
        return round.error();
    return {};
}

Status Replica::applyComposition(const Change& change)
{
    const auto& d = change.data;
    auto fed = federationId();
    if (!fed)
        return fed.error();
    std::optional<Id> team;
    if (d.at("team").is_string())
        team = teamIdOf(d["team"].get<std::string>());
    // The server's value, trusted as it stands (a lock on the server has already been checked there).
    m_db.prepare("DELETE FROM composition WHERE federation_id = ? AND ifnull(team_id, 0) = ? AND body = ? AND year = ?")
        .bind(1, *fed)
        .bind(2, team.value_or(0))
        .bind(3, d.at("body").get<std::string>())
        .bind(4, d.at("year").get<std::int64_t>())
        .run();
    m_db.prepare("INSERT INTO composition (federation_id, team_id, body, year, women, men) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, *fed)
        .bind(2, team)
        .bind(3, d.at("body").get<std::string>())
        .bind(4, d.at("year").get<std::int64_t>())
        .bind(5, d.at("women").get<std::int64_t>())
        .bind(6, d.at("men").get<std::int64_t>())
        .run();
    return {};
}

Status Replica::applyConflict(const Change& change)
{
    const auto& d = change.data;
    auto fed = federationId();
    if (!fed)
        return fed.error();
    auto team = m_db.prepare("SELECT team_id FROM cases WHERE uid = ?");
    team.bind(1, d.at("case_uid").get<std::string>());
    const auto teamId = team.step() ? team.optionalInteger(0) : std::nullopt;
    auto text = [&](const char* key) {
        return d.at(key).is_null() ? std::optional<std::string>() : std::optional<std::string>(d[key].get<std::string>());
    };
    m_db.prepare(
            "INSERT INTO sync_conflict (uid, federation_id, team_id, case_uid, field, kept_value, other_value, kept_hlc, "
            "other_hlc, other_device, resolved) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
            "ON CONFLICT (uid) DO UPDATE SET resolved = max(resolved, ?11)")  // settled stays settled
        .bind(1, change.uid)
        .bind(2, *fed)
        .bind(3, teamId)
        .bind(4, d.at("case_uid").get<std::string>())
        .bind(5, d.at("field").get<std::string>())
        .bind(6, text("kept"))
        .bind(7, text("other"))
        .bind(8, d.at("kept_hlc").get<std::string>())
        .bind(9, d.at("other_hlc").get<std::string>())
        .bind(10, d.at("other_device").get<std::string>())
        .bind(11, d.value("resolved", false) ? 1 : 0)
        .run();
    return {};
}

}  // namespace samkoll::core
