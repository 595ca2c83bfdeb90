// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/sync/replica.hpp"

#include <set>

#include "samkoll/io/importers.hpp"
#include "samkoll/store/repository.hpp"
#include "samkoll/sync/finance_edits.hpp"
#include "samkoll/sync/judgments.hpp"

namespace samkoll::core {

using nlohmann::json;

Status Replica::applyPull(const PullResult& pull)
{
    // Ids found in a page that did not commit are not kept.
    m_roundIds.clear();
    m_questionIds.clear();
    const auto table = [&](const char* entity) -> const PullTable* {
        for (const auto& t : pull.tables)
            if (t.entity == entity)
                return &t;
        return nullptr;
    };
    auto applied = inTransaction<void>(m_db, [&]() -> Status {
        // Cases first (a conflict names its case), then the changes in cursor
        // order, then the tally rows (their rounds are made when missing).
        if (const auto* cases = table("case"))
            for (const auto& row : cases->rows) {
                CaseFields fields;
                const bool deleted = row[3].get<bool>();
                if (!deleted)
                    for (std::size_t i = 4; i < row.size(); ++i)
                        fields[cases->columns[i]] =
                            row[i].is_null() ? std::nullopt : std::optional<std::string>(row[i].get<std::string>());
                if (auto s = applyCaseState(row[1].get_ref<const std::string&>(), row[2].get_ref<const std::string&>(), deleted,
                                            std::move(fields));
                    !s)
                    return s;
            }
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
            else if (change.entity == "judgment")
                s = applyJudgments(change.uid, change.data);
            else if (change.entity == "configuration")
                s = setState("configuration_changed", "1");  // synchronise() fetches it after the download
            if (!s)
                return s;
        }
        if (const auto* tallies = table("tally"); tallies && !tallies->rows.empty()) {
            // The page's totals in one grouped statement instead of one upsert
            // per row; the marker lives only inside this transaction.
            auto last = m_db.cached("SELECT ifnull(max(id), 0) FROM tally_delta");
            last->step();
            const std::int64_t before = last->integer(0);
            last->reset();
            m_db.cached("INSERT INTO sync_state (key, value) VALUES ('totals_deferred', '1')")->run();
            for (const auto& row : tallies->rows) {
                PulledTally t;
                t.uid = row[1].get_ref<const std::string&>();
                t.questionnaire = row[2].get_ref<const std::string&>();
                t.group = row[3].get_ref<const std::string&>();
                if (row[4].is_string())
                    t.team = row[4].get_ref<const std::string&>();
                t.period = row[5].get_ref<const std::string&>();
                t.question = row[6].get_ref<const std::string&>();
                t.option = row[7].get<int>();
                t.gender = row[8].get_ref<const std::string&>();
                t.delta = row[9].get<std::int64_t>();
                t.enteredBy = row[10].get_ref<const std::string&>();
                t.enteredAt = row[11].get_ref<const std::string&>();
                t.batch = row[12].get_ref<const std::string&>();
                if (auto s = applyTallyRecord(t); !s)
                    return s;
            }
            m_db.cached("DELETE FROM sync_state WHERE key = 'totals_deferred'")->run();
            m_db.cached(
                    "INSERT INTO tally_total (round_id, question_id, option_no, gender, total) "
                    "SELECT round_id, question_id, option_no, gender, sum(delta) FROM tally_delta WHERE id > ? "
                    "GROUP BY round_id, question_id, option_no, gender "
                    "ON CONFLICT (round_id, question_id, option_no, gender) DO UPDATE SET total = total + excluded.total")
                ->bind(1, before)
                .run();
        }
        m_db.cached("INSERT INTO sync_state (key, value) VALUES ('cursor', ?1) ON CONFLICT (key) DO UPDATE SET value = ?1")
            ->bind(1, std::to_string(pull.cursor))
            .run();
        return {};
    });
    if (!applied) {
        m_roundIds.clear();
        m_questionIds.clear();
    }
    return applied;
}

Status Replica::applyFinance(const Change& change)
{
    auto fed = federationId();
    if (!fed)
        return fed.error();
    if (auto s = applyFinanceSnapshot(m_db, *fed, change.uid, change.data); !s)
        return s;
    const bool year = change.uid != "finance:definitions" && change.uid != "finance:settings";
    // The server's year as it sent it, for settling a conflict of this device's edits (settle()).
    if (year)
        if (auto s = setState("snapshot:" + change.uid, change.data.dump()); !s)
            return s;
    // Edits made here and not yet acknowledged stay on top of the server's state.
    // A year's part carries the line definitions too, so their edits are replayed with it.
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

Status Replica::applyJudgments(const std::string& uid, const nlohmann::json& data)
{
    auto fed = federationId();
    if (!fed)
        return fed.error();
    if (auto s = applyJudgmentSnapshot(m_db, *fed, uid, data); !s)
        return s;
    if (auto s = setState("judgments:" + uid, data.dump()); !s)
        return s;
    // Edits made here and not yet acknowledged stay on top of the server's state
    // (a refused one too, until the kansli settles it).
    auto ops = m_db.prepare("SELECT seq, operation FROM outbox WHERE uid = ? ORDER BY seq");
    ops.bind(1, uid);
    const auto login = state("login").value_or("");
    while (ops.step()) {
        const auto op = outboxOperation(ops.integer(0), ops.text(1));
        if (op && op->kind == OperationKind::JudgmentSet)
            (void)applyJudgmentEdit(m_db, *fed, op->judgment, login, op->hlc, false);
    }
    return {};
}

Status Replica::applyCase(const Change& change)
{
    const auto& d = change.data;
    const bool deleted = d.value("deleted", false);
    CaseFields server;
    if (!deleted)
        for (const auto& [k, v] : d.at("fields").items())
            server[k] = v.is_null() ? std::nullopt : std::optional<std::string>(v.get<std::string>());
    return applyCaseState(change.uid, d.at("team").get<std::string>(), deleted, std::move(server));
}

Status Replica::applyCaseState(const std::string& uid, const std::string& teamCode, bool deleted, CaseFields server)
{
    auto team = teamIdOf(teamCode);
    if (!team)
        return makeError("not_found", "team", "teamet '" + teamCode + "' saknas lokalt – hämta konfigurationen");
    if (deleted) {
        m_db.cached("UPDATE cases SET deleted = 1 WHERE uid = ? AND deleted = 0")->bind(1, uid).run();
        return {};
    }
    // Fields changed locally and not yet acknowledged keep their local value.
    std::set<std::string> pendingFields;
    bool pendingDelete = false;
    auto ops = m_db.cached("SELECT operation FROM outbox WHERE uid = ?");
    ops->bind(1, uid);
    while (ops->step()) {
        const auto op = json::parse(ops->text(0));
        if (op.value("kind", "") == "case.delete")
            pendingDelete = true;
        if (op.contains("fields"))
            for (const auto& [k, v] : op["fields"].items())
                pendingFields.insert(k);
    }
    ops->reset();
    auto local = m_db.cached("SELECT deleted FROM cases WHERE uid = ?");
    local->bind(1, uid);
    const bool exists = local->step();
    const bool tombstoned = exists && local->integer(0) != 0;
    local->reset();
    if (pendingDelete || tombstoned)
        return {};

    if (!exists && server.count("code") && server["code"])
        if (auto s = moveAsideLocalCode(*team, *server["code"], uid); !s)
            return s;
    Repository repo(m_db);
    Case base;
    base.uid = uid;
    base.teamId = *team;
    if (exists)
        base = valueOrThrow(repo.caseByUid(uid));
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
    fresh.uid = uid;
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
    auto clash = m_db.cached("SELECT uid FROM cases WHERE team_id = ? AND code = ? AND uid <> ?");
    clash->bind(1, team).bind(2, code).bind(3, incomingUid);
    if (!clash->step()) {
        clash->reset();
        return {};
    }
    const auto localUid = clash->text(0);
    clash->reset();
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
    const auto& d = change.data;
    const auto& round = d.at("round");
    PulledTally t;
    t.uid = change.uid;
    t.questionnaire = round.at("questionnaire").get_ref<const std::string&>();
    t.group = round.at("group").get_ref<const std::string&>();
    if (round.at("team").is_string())
        t.team = round["team"].get_ref<const std::string&>();
    t.period = round.at("period").get_ref<const std::string&>();
    t.question = d.at("question").get_ref<const std::string&>();
    t.option = d.at("option").get<int>();
    t.gender = d.at("gender").get_ref<const std::string&>();
    t.delta = d.at("delta").get<std::int64_t>();
    const auto text = [&](const char* key) -> std::string_view {
        const auto it = d.find(key);
        return it != d.end() && it->is_string() ? std::string_view(it->get_ref<const std::string&>()) : std::string_view();
    };
    t.enteredBy = text("entered_by");
    t.enteredAt = text("entered_at");
    t.batch = text("batch");
    return applyTallyRecord(t);
}

Status Replica::applyTallyRecord(const PulledTally& t)
{
    // A page's tallies share a few rounds and questions: each is resolved once
    // per page (the caches are cleared when a page does not commit).
    std::string key(t.questionnaire);
    key += '\x1f';
    key += t.group;
    key += '\x1f';
    key += t.team.value_or(std::string_view());
    key += '\x1f';
    key += t.period;
    Id roundId = 0;
    if (auto it = m_roundIds.find(key); it != m_roundIds.end()) {
        roundId = it->second;
    } else {
        auto fed = federationId();
        if (!fed)
            return fed.error();
        std::optional<Id> team;
        if (t.team) {
            team = teamIdOf(std::string(*t.team));
            if (!team)
                return makeError("not_found", "team", "teamet saknas lokalt");
        }
        auto period = parsePeriod(std::string(t.period));
        auto group = parseCode<RespondentGroup>(t.group);
        if (!period || !group)
            return makeError("invalid_response", "round", "oväntad enkätomgång från servern");
        auto id = Repository(m_db).ensureRound(*fed, std::string(t.questionnaire), *group, team, *period, std::nullopt);
        if (!id)
            return id.error();
        roundId = *id;
        m_roundIds.emplace(std::move(key), roundId);
    }
    Id questionId = 0;
    if (auto it = m_questionIds.find(t.question); it != m_questionIds.end()) {
        questionId = it->second;
    } else {
        auto fed = federationId();
        if (!fed)
            return fed.error();
        auto q = m_db.cached("SELECT id FROM question WHERE federation_id = ? AND code = ?");
        q->bind(1, *fed).bind(2, t.question);
        if (!q->step())
            return makeError("not_found", "question", "frågan saknas lokalt – hämta konfigurationen");
        questionId = q->integer(0);
        q->reset();
        m_questionIds.emplace(std::string(t.question), questionId);
    }
    const auto gender = parseCode<Gender>(t.gender).value_or(Gender::Other);
    // Local validation is skipped for totals: the server's order of rows is
    // authoritative. A row the device already has (its own, or a download
    // repeated after a lost answer) is left as it is.
    m_db.cached(
            "INSERT INTO tally_delta (uid, round_id, question_id, option_no, gender, delta, entered_by, entered_at, batch) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING")
        ->bind(1, t.uid)
        .bind(2, roundId)
        .bind(3, questionId)
        .bind(4, t.option)
        .bind(5, codeOf(gender))
        .bind(6, t.delta)
        .bind(7, t.enteredBy)
        .bind(8, t.enteredAt)
        .bind(9, t.batch)
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
