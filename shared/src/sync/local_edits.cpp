// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/sync/replica.hpp"

#include "samkoll/sync/finance_edits.hpp"
#include "samkoll/sync/judgments.hpp"

#include <set>

#include "samkoll/io/importers.hpp"
#include "samkoll/store/repository.hpp"
#include "samkoll/store/survey_view.hpp"

namespace samkoll::core {

using nlohmann::json;

Result<std::string> Replica::createCase(Case c)
{
    return inTransaction<std::string>(m_db, [&]() -> Result<std::string> {
        c.uid = c.uid.empty() ? newUid() : c.uid;
        auto saved = Repository(m_db).saveCase(c, Date::today());
        if (!saved)
            return saved.error();
        Operation op;
        op.kind = OperationKind::CaseUpsert;
        op.uid = *saved;
        op.team = teamCodeOf(c.teamId);
        op.create = true;
        op.fields = caseToFields(c);
        if (auto s = enqueue(op); !s)
            return s.error();
        return *saved;
    });
}

Status Replica::editCase(const Case& updated)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        Repository repo(m_db);
        auto current = repo.caseByUid(updated.uid);
        if (!current)
            return current.error();
        if (auto saved = repo.saveCase(updated, Date::today()); !saved)
            return saved.error();
        const auto before = caseToFields(*current);
        const auto after = caseToFields(updated);
        // A creation the server has not applied yet (never sent, or refused) is
        // rewritten with the new values rather than followed by an edit it could not apply.
        auto pendingCreate = m_db.prepare(
            "SELECT seq, operation FROM outbox WHERE uid = ? AND (sent = 0 OR refused_code IS NOT NULL) ORDER BY seq");
        pendingCreate.bind(1, updated.uid);
        while (pendingCreate.step()) {
            const auto seq = pendingCreate.integer(0);
            auto create = outboxOperation(seq, pendingCreate.text(1));
            if (!create || create->kind != OperationKind::CaseUpsert || !create->create)
                continue;
            pendingCreate.reset();
            create->fields = after;
            create->hlc = nextHlc();
            m_db.prepare("UPDATE outbox SET operation = ?, refused_code = NULL, refused_message = NULL WHERE seq = ?")
                .bind(1, operationToJson(*create).dump())
                .bind(2, seq)
                .run();
            // Edits queued after it that the server has not applied either are
            // now part of the creation: drop them, so nothing is applied twice.
            auto later = m_db.prepare(
                "SELECT seq, operation FROM outbox WHERE uid = ? AND seq > ? AND (sent = 0 OR refused_code IS NOT NULL)");
            later.bind(1, updated.uid).bind(2, seq);
            std::vector<std::int64_t> folded;
            while (later.step()) {
                if (auto edit = outboxOperation(later.integer(0), later.text(1)); edit && edit->kind == OperationKind::CaseUpsert)
                    folded.push_back(later.integer(0));
            }
            for (auto f : folded)
                m_db.prepare("DELETE FROM outbox WHERE seq = ?").bind(1, f).run();
            return {};
        }
        Operation op;
        op.kind = OperationKind::CaseUpsert;
        op.uid = updated.uid;
        for (const auto& [field, value] : after) {
            if (before.at(field) == value)
                continue;
            op.fields[field] = value;
            op.base[field] = before.at(field);
        }
        if (op.fields.empty())
            return {};
        return enqueue(op);
    });
}

Status Replica::deleteCase(const std::string& uid)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        if (auto s = Repository(m_db).deleteCase(uid); !s)
            return s;
        Operation op;
        op.kind = OperationKind::CaseDelete;
        op.uid = uid;
        return enqueue(op);
    });
}

Status Replica::undoDelete(const std::string& uid)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        auto st = m_db.prepare("SELECT seq, operation, sent FROM outbox WHERE uid = ? ORDER BY seq DESC");
        st.bind(1, uid);
        while (st.step()) {
            auto op = outboxOperation(st.integer(0), st.text(1));
            if (!op || op->kind != OperationKind::CaseDelete)
                continue;
            if (st.integer(2) != 0)
                return makeError("already_sent", "uid",
                                 "borttagningen har redan skickats till servern och kan inte längre ångras");
            const auto seq = st.integer(0);
            st.reset();
            m_db.prepare("DELETE FROM outbox WHERE seq = ?").bind(1, seq).run();
            return Repository(m_db).restoreCase(uid);
        }
        return makeError("not_found", "uid", "det finns ingen borttagning av ärendet att ångra");
    });
}

Result<std::pair<Id, std::string>> Replica::roundOf(const RoundKey& key, std::optional<std::int64_t> invited)
{
    auto fed = federationId();
    if (!fed)
        return fed.error();
    std::optional<Id> team;
    if (!key.team.empty()) {
        team = teamIdOf(key.team);
        if (!team)
            return makeError("not_found", "team", "teamet '" + key.team + "' finns inte");
    }
    auto p = parsePeriod(key.period);
    if (!p)
        return p.error();
    auto round = Repository(m_db).ensureRound(*fed, key.questionnaire, key.group, team, *p, invited);
    if (!round)
        return round.error();
    return std::pair<Id, std::string>{*round, p->from.iso() + "/" + p->to.iso()};
}

Result<std::string> Replica::addTallyBatch(const RoundKey& key, const std::vector<TallyEntry>& entries,
                                           const std::string& enteredBy)
{
    for (const auto& e : entries)
        if (e.delta < 1)
            return makeError("invalid_value", "count",
                             "fråga " + e.question + ": ett antal svar är 1 eller fler – för att ta tillbaka ett svar, "
                             "skriv −1 i rutan (det sparas som en rättelse)");
    auto saved = insertTallyBatch(key, entries, enteredBy);
    if (!saved)
        return saved.error();
    return saved->batch;
}

Result<std::string> Replica::correctCells(const RoundKey& key, const std::vector<TallyEntry>& cells,
                                          const std::string& enteredBy)
{
    auto saved = insertTallyBatch(key, cells, enteredBy, newTallyBatchId(TallyBatchKind::Correction));
    if (!saved)
        return saved.error();
    return saved->batch;
}

Result<Replica::SavedBatch> Replica::insertTallyBatch(const RoundKey& key, const std::vector<TallyEntry>& entries,
                                                      const std::string& enteredBy, const std::string& batchId)
{
    if (entries.empty())
        return makeError("required", "count", "inget att spara – fyll i minst ett antal");
    return inTransaction<SavedBatch>(m_db, [&]() -> Result<SavedBatch> {
        auto round = roundOf(key, std::nullopt);
        if (!round)
            return round.error();
        auto fed = federationId();
        Repository repo(m_db);
        SavedBatch saved{batchId.empty() ? newUid() : batchId, {}};
        const std::string& batch = saved.batch;
        for (const auto& e : entries) {
            auto q = m_db.cached("SELECT id FROM question WHERE federation_id = ? AND code = ?");
            q->bind(1, *fed).bind(2, e.question);
            const bool found = q->step();
            const Id questionId = found ? q->integer(0) : 0;
            q->reset();
            if (!found)
                return makeError("not_found", "question", "frågan '" + e.question + "' finns inte");
            TallyDelta d;
            d.roundId = round->first;
            d.questionId = questionId;
            d.option = e.option;
            d.gender = e.gender;
            d.delta = e.delta;
            d.enteredBy = enteredBy;
            d.batch = batch;
            auto uid = repo.addTally(d);
            if (!uid)
                return uid.error();
            Operation op;
            op.kind = OperationKind::TallyAdd;
            op.uid = *uid;
            op.questionnaire = key.questionnaire;
            op.group = key.group;
            op.roundTeam = key.team;
            op.period = round->second;
            op.question = e.question;
            op.option = e.option;
            op.gender = e.gender;
            op.delta = e.delta;
            op.enteredBy = enteredBy;
            op.batch = batch;
            if (auto s = enqueue(op); !s)
                return s.error();
            saved.uids.push_back(*uid);
        }
        return saved;
    });
}

Result<std::string> Replica::correctBatch(const RoundKey& key, const std::string& batch, const std::string& enteredBy)
{
    auto round = roundOf(key, std::nullopt);
    if (!round)
        return round.error();
    if (tallyBatchKind(batch) != TallyBatchKind::Entry)
        return makeError("invalid_value", "batch", "en rättelse eller motbokning kan inte motbokas – rätta de rutor som blev fel");
    auto already = m_db.prepare("SELECT 1 FROM tally_delta WHERE round_id = ? AND batch >= ? AND batch < ? LIMIT 1");
    const std::string prefix = counterEntryPrefix(batch);
    already.bind(1, round->first).bind(2, prefix).bind(3, prefix.substr(0, prefix.size() - 1) + ";");
    if (already.step())
        return makeError("already_counter_entered", "batch", "inmatningen är redan motbokad");
    std::vector<TallyEntry> reversed;
    auto st = m_db.prepare(
        "SELECT q.code, t.option_no, t.gender, sum(t.delta) FROM tally_delta t JOIN question q ON q.id = t.question_id "
        "WHERE t.round_id = ? AND t.batch = ? GROUP BY q.code, t.option_no, t.gender HAVING sum(t.delta) <> 0");
    st.bind(1, round->first).bind(2, batch);
    while (st.step())
        reversed.push_back({st.text(0), static_cast<int>(st.integer(1)),
                            parseCode<Gender>(st.text(2)).value_or(Gender::Other), -st.integer(3)});
    if (reversed.empty())
        return makeError("not_found", "batch", "inmatningen finns inte i den här enkätomgången");
    auto saved = insertTallyBatch(key, reversed, enteredBy, newTallyBatchId(TallyBatchKind::CounterEntry, batch));
    if (!saved)
        return saved.error();
    return saved->batch;
}

Status Replica::setInvited(const RoundKey& key, std::int64_t invited)
{
    if (invited < 0)
        return makeError("invalid_value", "invited", "antalet tillfrågade kan inte vara negativt");
    return inTransaction<void>(m_db, [&]() -> Status {
        auto round = roundOf(key, invited);
        if (!round)
            return round.error();
        Operation op;
        op.kind = OperationKind::RoundInvited;
        op.uid = "round:" + std::to_string(round->first);
        op.questionnaire = key.questionnaire;
        op.group = key.group;
        op.roundTeam = key.team;
        op.period = round->second;
        op.invited = invited;
        return enqueue(op);
    });
}

Result<std::string> Replica::saveStory(Story story)
{
    return inTransaction<std::string>(m_db, [&]() -> Result<std::string> {
        auto fed = federationId();
        if (!fed)
            return fed.error();
        story.federationId = *fed;
        story.uid = story.uid.empty() ? newUid() : story.uid;
        auto saved = Repository(m_db).saveStory(story);
        if (!saved)
            return saved.error();
        Operation op;
        op.kind = OperationKind::StoryUpsert;
        op.uid = *saved;
        op.team = story.teamId ? teamCodeOf(*story.teamId) : std::string();
        op.category = story.category;
        op.date = story.date.iso();
        op.title = story.title;
        op.text = story.text;
        if (auto s = enqueue(op); !s)
            return s.error();
        return *saved;
    });
}

Status Replica::setComposition(const Composition& composition)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        auto fed = federationId();
        if (!fed)
            return fed.error();
        Composition c = composition;
        c.federationId = *fed;
        if (auto s = Repository(m_db).setComposition(c); !s)
            return s;
        Operation op;
        op.kind = OperationKind::CompositionSet;
        op.team = c.teamId ? teamCodeOf(*c.teamId) : std::string();
        op.uid = "composition:" + op.team + ":" + std::string(codeOf(c.body)) + ":" + std::to_string(c.year);
        op.body = c.body;
        op.year = c.year;
        op.women = c.women;
        op.men = c.men;
        return enqueue(op);
    });
}

namespace {

/// Whether two finance operations set the same figure (a revision is a new
/// version of the budget each time and is never folded into another).
bool sameFigure(const Operation& a, const Operation& b)
{
    return a.kind == b.kind && enteredFigure(a.kind) && !a.finance.revise && !b.finance.revise &&
           a.finance.line == b.finance.line && a.finance.year == b.finance.year && a.finance.month == b.finance.month;
}

/// The figure `op` changes as it is in the server's last snapshot of its year
/// (kept by applyFinance); none when nothing is entered there.
std::optional<std::int64_t> serverFigure(const nlohmann::json& snapshot, const Operation& op)
{
    const auto& f = op.finance;
    auto number = [](const nlohmann::json& v) {
        return v.is_number_integer() ? std::optional<std::int64_t>(v.get<std::int64_t>()) : std::nullopt;
    };
    auto rows = [&](const char* key) { return snapshot.value(key, nlohmann::json::array()); };
    switch (op.kind) {
    case OperationKind::FinanceOutcome:
        for (const auto& o : rows("outcome"))
            if (o.value("line", std::string()) == f.line && o.value("month", 0) == f.month)
                return number(o.value("entered", nlohmann::json()));
        return std::nullopt;
    case OperationKind::FinanceForecast:
        for (const auto& o : rows("forecast"))
            if (o.value("line", std::string()) == f.line)
                return number(o.value("amount", nlohmann::json()));
        return std::nullopt;
    case OperationKind::FinanceBudget: {
        std::optional<std::int64_t> amount;
        std::int64_t version = 0;
        for (const auto& b : rows("budgets"))
            if (b.value("line", std::string()) == f.line && b.value("month", -1) == 0 && b.value("version", 0) > version) {
                version = b.value("version", 0);
                amount = number(b.value("amount", nlohmann::json()));
            }
        return amount;
    }
    case OperationKind::FinanceEquity:
        return number(snapshot.value("opening_equity", nlohmann::json()));
    default:
        return std::nullopt;
    }
}

}  // namespace

Status Replica::financeEdit(OperationKind kind, const FinanceEdit& edit)
{
    if (!isFinance(kind))
        return makeError("invalid_operation", "kind", "ingen ekonomioperation");
    return inTransaction<void>(m_db, [&]() -> Status {
        auto fed = federationId();
        if (!fed)
            return fed.error();
        finance::FinanceStore store(m_db);
        Operation op;
        op.kind = kind;
        op.uid = financeUid(kind, edit.year);
        op.finance = edit;
        // A figure's edit says what this device had of it — the server's
        // figure with this device's earlier edits on top, which is what the
        // server has once those arrive — so that an edit made elsewhere in the
        // meantime is refused as a conflict instead of overwritten. A second
        // edit of the figure before the first was sent replaces it in the queue.
        std::optional<std::int64_t> queued;
        if (const auto figure = enteredFigure(kind)) {
            auto seen = store.entered(*fed, *figure, edit.line, edit.year, edit.month);
            if (!seen)
                return seen.error();
            op.finance.checked = true;
            op.finance.base = *seen;
            auto q = m_db.prepare("SELECT seq, operation FROM outbox WHERE uid = ? AND sent = 0 AND refused_code IS NULL");
            q.bind(1, op.uid);
            while (q.step()) {
                const auto other = outboxOperation(q.integer(0), q.text(1));
                if (other && sameFigure(*other, op)) {
                    queued = other->seq;
                    op.finance.checked = other->finance.checked;
                    op.finance.base = other->finance.base;
                }
            }
        }
        if (auto s = applyFinanceEdit(store, *fed, kind, edit); !s)
            return s;
        if (!queued)
            return enqueue(op);
        op.seq = *queued;
        op.hlc = nextHlc();
        m_db.prepare("UPDATE outbox SET operation = ? WHERE seq = ?").bind(1, operationToJson(op).dump()).bind(2, *queued).run();
        return {};
    });
}

namespace {

/// The version of a judgment in the server's last snapshot of its year, kept by applyJudgments.
std::string serverVersion(const std::optional<std::string>& snapshot, const JudgmentEdit& e)
{
    if (!snapshot)
        return {};
    const auto data = nlohmann::json::parse(*snapshot, nullptr, false);
    if (!data.is_object())
        return {};
    for (const auto& j : data.value("judgments", nlohmann::json::array())) {
        const std::string team = j.value("team", nlohmann::json()).is_string() ? j["team"].get<std::string>() : "";
        if (j.value("indicator", std::string()) == e.indicator && team == e.team)
            return j.value("version", std::string());
    }
    return {};
}

}  // namespace

Status Replica::judgmentEdit(JudgmentEdit edit, const std::string& by)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        auto fed = federationId();
        if (!fed)
            return fed.error();
        if (edit.achieved && edit.motivation.empty())
            return makeError("required", "motivation", "motivera bedömningen");
        const std::string uid = judgmentUid(edit.year);
        // The edit is made against the version of the judgment the server
        // has: the stored one while nothing of this device's is on its way
        // (it came from the server), else the server's last snapshot; a
        // second edit before the first was sent replaces it in the queue.
        std::optional<std::int64_t> queued;
        bool pending = false;
        auto q = m_db.prepare("SELECT seq, operation, sent, refused_code IS NOT NULL FROM outbox WHERE uid = ?");
        q.bind(1, uid);
        while (q.step()) {
            const auto op = outboxOperation(q.integer(0), q.text(1));
            if (!op || op->kind != OperationKind::JudgmentSet || op->judgment.indicator != edit.indicator ||
                op->judgment.team != edit.team)
                continue;
            pending = true;
            if (q.integer(2) == 0 && q.integer(3) == 0) {
                queued = op->seq;
                edit.base = op->judgment.base;
            }
        }
        q.reset();
        if (!queued) {
            edit.base = serverVersion(state("judgments:" + uid), edit);
            if (!pending) {
                auto stored = Repository(m_db).manualAssessments(*fed, edit.year);
                if (!stored)
                    return stored.error();
                edit.base.clear();
                for (const auto& m : *stored)
                    if (m.indicatorCode == edit.indicator && m.teamCode == edit.team)
                        edit.base = m.version;
            }
        }
        // The edit's clock is the judgment's new version, here and on the server.
        Operation op;
        op.kind = OperationKind::JudgmentSet;
        op.uid = uid;
        op.judgment = edit;
        op.hlc = nextHlc();
        if (auto s = applyJudgmentEdit(m_db, *fed, edit, by, op.hlc, false); !s)
            return s;
        if (queued) {
            op.seq = *queued;
            m_db.prepare("UPDATE outbox SET operation = ? WHERE seq = ?")
                .bind(1, operationToJson(op).dump())
                .bind(2, *queued)
                .run();
        } else {
            m_db.prepare("INSERT INTO outbox (uid, operation) VALUES (?, ?)")
                .bind(1, op.uid)
                .bind(2, operationToJson(op).dump())
                .run();
        }
        return {};
    });
}

Result<std::vector<PendingJudgment>> Replica::pendingJudgments(int year)
{
    return guarded<std::vector<PendingJudgment>>([&]() -> Result<std::vector<PendingJudgment>> {
        std::vector<PendingJudgment> out;
        auto st = m_db.prepare(
            "SELECT seq, operation, ifnull(refused_code, ''), ifnull(refused_message, '') FROM outbox WHERE uid = ? "
            "ORDER BY seq");
        st.bind(1, judgmentUid(year));
        while (st.step()) {
            const auto op = outboxOperation(st.integer(0), st.text(1));
            if (op && op->kind == OperationKind::JudgmentSet)
                out.push_back({op->seq, op->judgment, st.text(2), st.text(3)});
        }
        return out;
    });
}

Status Replica::settle(std::int64_t seq, bool keepMine)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        auto st = m_db.prepare("SELECT operation, refused_code FROM outbox WHERE seq = ?");
        st.bind(1, seq);
        if (!st.step())
            return makeError("not_found", "seq", "ändringen finns inte längre – den är redan avgjord");
        auto op = outboxOperation(seq, st.text(0));
        const bool conflict = !st.isNull(1) && st.text(1) == "conflict";
        st.reset();
        const bool judgment = op && op->kind == OperationKind::JudgmentSet;
        const bool figure = op && enteredFigure(op->kind).has_value();
        if (!conflict || (!judgment && !figure))
            return makeError("invalid_value", "seq", "ändringen väntar inte på ett val mellan två versioner");
        auto fed = federationId();
        if (!fed)
            return fed.error();
        const auto snapshot = judgment ? state("judgments:" + op->uid) : state("snapshot:" + op->uid);
        const auto data = snapshot ? nlohmann::json::parse(*snapshot, nullptr, false) : nlohmann::json();
        if (keepMine) {
            // Sent again over what the server has now.
            if (judgment) {
                op->judgment.base = serverVersion(snapshot, op->judgment);
                op->hlc = nextHlc();
                if (auto s = applyJudgmentEdit(m_db, *fed, op->judgment, state("login").value_or(""), op->hlc, false); !s)
                    return s;
            } else {
                // Without the server's snapshot (a download from before it was
                // kept) the edit goes without a check: the choice was made.
                op->finance.checked = data.is_object();
                op->finance.base = data.is_object() ? serverFigure(data, *op) : std::nullopt;
                finance::FinanceStore store(m_db);
                if (auto s = applyFinanceEdit(store, *fed, op->kind, op->finance); !s)
                    return s;
            }
            m_db.prepare("UPDATE outbox SET operation = ?, refused_code = NULL, refused_message = NULL, sent = 0 "
                         "WHERE seq = ?")
                .bind(1, operationToJson(*op).dump())
                .bind(2, seq)
                .run();
            return {};
        }
        // The other stands: this device's edit is dropped and the server's shown again.
        m_db.prepare("DELETE FROM outbox WHERE seq = ?").bind(1, seq).run();
        if (!data.is_object())
            return resetCursor();  // nothing kept to show: the next sync downloads everything again
        if (judgment)
            return applyJudgments(op->uid, data);
        Change change;
        change.entity = "finance";
        change.uid = op->uid;
        change.data = data;
        return applyFinance(change);
    });
}

Result<std::string> Replica::addTally(const std::string& questionnaire, RespondentGroup group, const std::string& teamCode,
                                      const std::string& period, const std::string& question, int option, Gender gender,
                                      std::int64_t delta, const std::string& enteredBy)
{
    auto saved = insertTallyBatch({questionnaire, group, teamCode, period}, {{question, option, gender, delta}}, enteredBy);
    if (!saved)
        return saved.error();
    return saved->uids.front();
}

}  // namespace samkoll::core
