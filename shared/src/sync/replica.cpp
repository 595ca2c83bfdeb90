// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/sync/replica.hpp"

#include <future>
#include <set>

#include "samkoll/io/budget_json.hpp"
#include "samkoll/io/importers.hpp"
#include "samkoll/store/repository.hpp"

namespace samkoll::core {

using nlohmann::json;

json exportConfiguration(Database& db, Id federationId)
{
    // Read errors throw StoreError: callers run this inside guarded() or a handler that maps it to 503.
    Repository repo(db);
    json out;
    auto st = db.prepare("SELECT code, name FROM federation WHERE id = ?");
    st.bind(1, federationId);
    if (st.step())
        out["federation"] = {{"code", st.text(0)}, {"name", st.text(1)}};
    json members = json::array();
    std::map<Id, std::string> memberCodes;
    for (const auto& m : valueOrThrow(repo.members(federationId))) {
        members.push_back({{"code", m.code}, {"name", m.name}, {"kind", codeOf(m.kind)}});
        memberCodes[m.id] = m.code;
    }
    json teams = json::array();
    for (const auto& t : valueOrThrow(repo.teams(federationId)))
        teams.push_back({{"code", t.code},
                         {"name", t.name},
                         {"kommun", t.kommunId ? json(memberCodes[*t.kommunId]) : json(nullptr)}});
    json budgets = json::array();
    for (int year : valueOrThrow(repo.budgetYears(federationId)))
        if (auto doc = repo.budgetDocument(federationId, year))
            budgets.push_back(budgetDocumentToJson(*doc));
    // What the local index needs besides a team's own rows: the kommuner's HÅE
    // statistics and the central office's judgments of manual indicators.
    json hae = json::array();
    auto h = db.prepare(
        "SELECT m.code, h.year, h.total, h.illness, h.unemployment, h.assistance, h.population FROM hae_statistic h "
        "JOIN member m ON m.id = h.kommun_id WHERE m.federation_id = ? ORDER BY m.code, h.year");
    h.bind(1, federationId);
    while (h.step())
        hae.push_back({{"kommun", h.text(0)},
                       {"year", h.integer(1)},
                       {"total", h.real(2)},
                       {"illness", h.real(3)},
                       {"unemployment", h.real(4)},
                       {"assistance", h.real(5)},
                       {"population", h.integer(6)}});
    json assessments = json::array();
    auto a = db.prepare(
        "SELECT a.indicator_code, t.code, a.year, a.achieved, a.motivation FROM manual_assessment a "
        "LEFT JOIN team t ON t.id = a.team_id WHERE a.federation_id = ? ORDER BY a.id");
    a.bind(1, federationId);
    while (a.step())
        assessments.push_back({{"indicator", a.text(0)},
                               {"team", a.isNull(1) ? json(nullptr) : json(a.text(1))},
                               {"year", a.integer(2)},
                               {"achieved", a.integer(3) != 0},
                               {"motivation", a.text(4)}});
    out["members"] = members;
    out["teams"] = teams;
    out["budgets"] = budgets;
    out["hae"] = hae;
    out["assessments"] = assessments;
    return out;
}

std::optional<Operation> Replica::outboxOperation(std::int64_t seq, const std::string& stored)
{
    auto j = json::parse(stored, nullptr, false);
    if (!j.is_object())
        return std::nullopt;
    j["seq"] = seq;  // the outbox key is the operation's sequence number
    auto op = parseOperation(j, "outbox");
    if (!op)
        return std::nullopt;
    return std::move(*op);
}

Replica::Replica(Database& db, std::string node, std::function<std::int64_t()> clockMs)
    : m_db(db), m_clock(std::move(node)), m_clockMs(clockMs ? std::move(clockMs) : std::function<std::int64_t()>(systemMillis))
{
    if (auto last = state("hlc"))
        if (auto h = Hlc::decode(*last))
            m_clock.observe(*h, 0);
}

std::optional<std::string> Replica::state(const std::string& key)
{
    auto& st = m_db.cached("SELECT value FROM sync_state WHERE key = ?");
    st.bind(1, key);
    std::optional<std::string> out;
    if (st.step())
        out = st.text(0);
    st.reset();
    return out;
}

Status Replica::setState(const std::string& key, const std::string& value)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        m_db.prepare("INSERT INTO sync_state (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2")
            .bind(1, key)
            .bind(2, value)
            .run();
        return {};
    });
}

std::int64_t Replica::cursor()
{
    auto c = state("cursor");
    return c ? std::stoll(*c) : 0;
}

Result<Id> Replica::federationId()
{
    if (m_federation)
        return *m_federation;
    auto code = state("federation");
    auto f = Repository(m_db).federation(code.value_or(""));
    if (!f)
        return f.error();
    if (code)
        m_federation = f->id;
    return f->id;
}

Status Replica::applyConfiguration(const json& config)
{
    m_federation.reset();
    m_teamIds.clear();
    try {
        return inTransaction<void>(m_db, [&]() -> Status {
            Repository repo(m_db);
            const auto code = config.at("federation").at("code").get<std::string>();
            Id fed = 0;
            if (auto f = repo.federation(code))
                fed = f->id;
            else if (auto created = repo.addFederation(code, config["federation"].at("name").get<std::string>()))
                fed = *created;
            else
                return created.error();
            std::set<std::string> members;
            for (const auto& m : valueOrThrow(repo.members(fed)))
                members.insert(m.code);
            for (const auto& m : config.at("members")) {
                const auto mc = m.at("code").get<std::string>();
                if (members.count(mc))
                    continue;
                auto kind = parseCode<MemberKind>(m.at("kind").get<std::string>()).value_or(MemberKind::Kommun);
                if (auto r = repo.addMember(fed, mc, m.at("name").get<std::string>(), kind); !r)
                    return r.error();
            }
            for (const auto& t : config.at("teams")) {
                const auto tc = t.at("code").get<std::string>();
                if (repo.team(fed, tc))
                    continue;
                std::optional<std::string> kommun;
                if (t.contains("kommun") && t["kommun"].is_string())
                    kommun = t["kommun"].get<std::string>();
                if (auto r = repo.addTeam(fed, tc, t.at("name").get<std::string>(), kommun); !r)
                    return r.error();
            }
            for (const auto& b : config.at("budgets")) {
                auto doc = parseBudgetDocument(b.dump(), [&](const std::string& q) { return repo.questionOptions(fed, q); });
                if (!doc)
                    return doc.error();
                if (auto r = repo.saveBudget(fed, *doc, true); !r)
                    return r.error();
            }
            for (const auto& h : config.value("hae", json::array())) {
                auto kommun = m_db.prepare("SELECT id FROM member WHERE federation_id = ? AND code = ?");
                kommun.bind(1, fed).bind(2, h.at("kommun").get<std::string>());
                if (!kommun.step())
                    continue;
                HaeStatistic stat;
                stat.kommunId = kommun.integer(0);
                stat.year = h.at("year").get<int>();
                stat.total = h.at("total").get<double>();
                stat.illness = h.at("illness").get<double>();
                stat.unemployment = h.at("unemployment").get<double>();
                stat.assistance = h.at("assistance").get<double>();
                stat.population = h.at("population").get<std::int64_t>();
                if (auto r = repo.setHaeStatistic(stat); !r)
                    return r.error();
            }
            for (const auto& a : config.value("assessments", json::array())) {
                ManualAssessment m;
                m.federationId = fed;
                m.indicatorCode = a.at("indicator").get<std::string>();
                if (a.at("team").is_string()) {
                    auto t = repo.team(fed, a["team"].get<std::string>());
                    if (!t)
                        continue;
                    m.teamId = t->id;
                }
                m.year = a.at("year").get<int>();
                m.achieved = a.at("achieved").get<bool>();
                m.motivation = a.at("motivation").get<std::string>();
                if (auto r = repo.setManualAssessment(m); !r)
                    return r.error();
            }
            m_db.prepare("INSERT INTO sync_state (key, value) VALUES ('federation', ?1) "
                         "ON CONFLICT (key) DO UPDATE SET value = ?1")
                .bind(1, code)
                .run();
            return {};
        });
    } catch (const json::exception& e) {
        return makeError("invalid_response", "config", std::string("oväntad konfiguration från servern: ") + e.what());
    }
}

void Replica::observeServerTime(std::int64_t serverMs)
{
    m_clock.observe(Hlc{serverMs, 0, ""}, m_clockMs());
}

std::string Replica::nextHlc()
{
    const auto h = m_clock.now(m_clockMs()).encode();
    m_db.prepare("INSERT INTO sync_state (key, value) VALUES ('hlc', ?1) ON CONFLICT (key) DO UPDATE SET value = ?1")
        .bind(1, h)
        .run();
    return h;
}

Status Replica::enqueue(Operation op)
{
    op.hlc = nextHlc();
    m_db.prepare("INSERT INTO outbox (uid, operation) VALUES (?, ?)").bind(1, op.uid).bind(2, operationToJson(op).dump()).run();
    return {};
}

std::optional<Id> Replica::teamIdOf(const std::string& code)
{
    if (auto it = m_teamIds.find(code); it != m_teamIds.end())
        return it->second;
    auto fed = federationId();
    if (!fed)
        return std::nullopt;
    auto t = Repository(m_db).team(*fed, code);
    if (!t)
        return std::nullopt;
    m_teamIds[code] = t->id;
    return t->id;
}

std::string Replica::teamCodeOf(Id teamId)
{
    auto st = m_db.prepare("SELECT code FROM team WHERE id = ?");
    st.bind(1, teamId);
    return st.step() ? st.text(0) : std::string();
}

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
    auto saved = insertTallyBatch(key, entries, enteredBy);
    if (!saved)
        return saved.error();
    return saved->batch;
}

Result<Replica::SavedBatch> Replica::insertTallyBatch(const RoundKey& key, const std::vector<TallyEntry>& entries,
                                                      const std::string& enteredBy)
{
    if (entries.empty())
        return makeError("required", "count", "inget att spara – fyll i minst ett antal");
    return inTransaction<SavedBatch>(m_db, [&]() -> Result<SavedBatch> {
        auto round = roundOf(key, std::nullopt);
        if (!round)
            return round.error();
        auto fed = federationId();
        Repository repo(m_db);
        SavedBatch saved{newUid(), {}};
        const std::string& batch = saved.batch;
        for (const auto& e : entries) {
            auto& q = m_db.cached("SELECT id FROM question WHERE federation_id = ? AND code = ?");
            q.bind(1, *fed).bind(2, e.question);
            const bool found = q.step();
            const Id questionId = found ? q.integer(0) : 0;
            q.reset();
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
    return addTallyBatch(key, reversed, enteredBy);
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

Result<std::string> Replica::addTally(const std::string& questionnaire, RespondentGroup group, const std::string& teamCode,
                                      const std::string& period, const std::string& question, int option, Gender gender,
                                      std::int64_t delta, const std::string& enteredBy)
{
    auto saved = insertTallyBatch({questionnaire, group, teamCode, period}, {{question, option, gender, delta}}, enteredBy);
    if (!saved)
        return saved.error();
    return saved->uids.front();
}

std::vector<Operation> Replica::pending(std::int64_t afterSeq, int limit, std::size_t maxBytes)
{
    std::vector<Operation> out;
    std::size_t bytes = 0;
    auto& st = m_db.cached("SELECT seq, operation FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?");
    st.bind(1, afterSeq).bind(2, limit);
    while (st.step()) {
        const auto text = st.text(1);
        bytes += text.size();
        if (!out.empty() && bytes > maxBytes)
            break;
        auto op = outboxOperation(st.integer(0), text);
        if (!op)
            continue;  // cannot happen for rows this class wrote; never block the queue
        out.push_back(std::move(*op));
    }
    st.reset();
    return out;
}

int Replica::pendingCount()
{
    auto st = m_db.prepare("SELECT count(*) FROM outbox");
    st.step();
    return static_cast<int>(st.integer(0));
}

std::vector<RefusedOperation> Replica::refused()
{
    std::vector<RefusedOperation> out;
    auto st = m_db.prepare(
        "SELECT seq, uid, refused_code, refused_message, operation FROM outbox WHERE refused_code IS NOT NULL ORDER BY seq");
    while (st.step()) {
        RefusedOperation r{st.integer(0), st.text(1), st.text(2), st.text(3)};
        if (auto op = outboxOperation(r.seq, st.text(4)))
            r.kind = op->kind;
        out.push_back(std::move(r));
    }
    return out;
}

Status Replica::acknowledge(const BatchResult& result)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        for (const auto& r : result.results) {
            // An edit of a case that was deleted elsewhere can never apply: drop it.
            const bool final = r.status == OperationStatus::Refused && r.error && r.error->code == "deleted";
            if (r.status == OperationStatus::Refused && !final) {
                m_db.cached("UPDATE outbox SET refused_code = ?, refused_message = ? WHERE seq = ?")
                    .bind(1, r.error ? r.error->code : std::string("refused"))
                    .bind(2, r.error ? r.error->describe() : std::string())
                    .bind(3, r.seq)
                    .run();
            } else {
                m_db.cached("DELETE FROM outbox WHERE seq = ?").bind(1, r.seq).run();
            }
        }
        return {};
    });
}

std::vector<ConflictInfo> Replica::conflicts()
{
    std::vector<ConflictInfo> out;
    auto st = m_db.prepare(
        "SELECT k.uid, k.case_uid, c.code, k.field, k.kept_value, k.other_value, k.other_device "
        "FROM sync_conflict k JOIN cases c ON c.uid = k.case_uid AND c.deleted = 0 WHERE k.resolved = 0 ORDER BY k.id");
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.optionalText(4), st.optionalText(5), st.text(6)});
    return out;
}

Status Replica::resolveConflict(const std::string& uid, bool takeOther)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        auto st = m_db.prepare("SELECT case_uid, field, other_value, resolved FROM sync_conflict WHERE uid = ?");
        st.bind(1, uid);
        if (!st.step())
            return makeError("not_found", "uid", "konflikten finns inte");
        if (st.integer(3) != 0)
            return {};
        const auto caseUid = st.text(0);
        const auto field = st.text(1);
        const auto other = st.optionalText(2);
        st.reset();
        if (takeOther) {
            auto current = Repository(m_db).caseByUid(caseUid);
            if (!current)
                return current.error();
            auto updated = applyCaseFields(*current, CaseFields{{field, other}});
            if (!updated)
                return updated.error();
            if (auto s = editCase(*updated); !s)
                return s;
        }
        m_db.prepare("UPDATE sync_conflict SET resolved = 1 WHERE uid = ?").bind(1, uid).run();
        Operation op;
        op.kind = OperationKind::ConflictResolve;
        op.uid = uid;
        return enqueue(op);
    });
}

Status Replica::markSent(std::int64_t seq)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        m_db.prepare("UPDATE outbox SET sent = 1 WHERE seq <= ? AND sent = 0").bind(1, seq).run();
        return {};
    });
}

Status Replica::resetCursor()
{
    return setState("cursor", "0");
}

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
            if (!s)
                return s;
        }
        m_db.prepare("INSERT INTO sync_state (key, value) VALUES ('cursor', ?1) ON CONFLICT (key) DO UPDATE SET value = ?1")
            .bind(1, std::to_string(pull.cursor))
            .run();
        return {};
    });
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
    auto& ops = m_db.cached("SELECT operation FROM outbox WHERE uid = ?");
    ops.bind(1, change.uid);
    while (ops.step()) {
        const auto op = json::parse(ops.text(0));
        if (op.value("kind", "") == "case.delete")
            pendingDelete = true;
        if (op.contains("fields"))
            for (const auto& [k, v] : op["fields"].items())
                pendingFields.insert(k);
    }
    ops.reset();
    auto& deleted = m_db.cached("SELECT deleted FROM cases WHERE uid = ?");
    deleted.bind(1, change.uid);
    const bool exists = deleted.step();
    const bool tombstoned = exists && deleted.integer(0) != 0;
    deleted.reset();
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
    auto& exists = m_db.cached("SELECT 1 FROM tally_delta WHERE uid = ?");
    exists.bind(1, change.uid);
    const bool known = exists.step();
    exists.reset();
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

namespace samkoll::core {

namespace {

Result<SyncReport> synchroniseSteps(Replica& replica, SyncTransport& transport, const std::string& deviceId,
                                    bool refreshConfiguration, bool confirmMassDelete)
{
    // Up to 2 000 operations or 1 MiB per batch: few commits on a good link,
    // and far below the server's body limit even for long success stories.
    constexpr int kBatchSize = 2000;
    constexpr std::size_t kBatchBytes = 1024 * 1024;
    constexpr int kPullLimit = 1000;
    SyncReport report;
    if (refreshConfiguration || !replica.state("federation")) {
        auto config = transport.configuration();
        if (!config)
            return config.error();
        if (auto s = replica.applyConfiguration(*config); !s)
            return s.error();
    }
    // Upload with one batch in flight: while the server applies a batch, the
    // next one is read from the outbox and the previous answer is recorded. A
    // batch is sent only after the one before it was answered, so the server
    // sees them in order and nothing more is sent after a failure.
    struct Prepared {
        std::int64_t lastSeq = 0;
        int size = 0;
        std::function<Result<BatchResult>()> send;
    };
    auto prepare = [&](std::int64_t after) -> Result<std::optional<Prepared>> {
        auto ops = replica.pending(after, kBatchSize, kBatchBytes);
        if (ops.empty())
            return std::optional<Prepared>();
        Batch batch;
        batch.deviceId = deviceId;
        batch.clientTimeMs = replica.nowMs();
        batch.confirmMassDelete = confirmMassDelete;
        batch.operations = std::move(ops);
        // Before it can reach the server: later edits no longer fold into it.
        if (auto s = replica.markSent(batch.operations.back().seq); !s)
            return s.error();
        return std::optional<Prepared>(
            Prepared{batch.operations.back().seq, static_cast<int>(batch.operations.size()), transport.preparePush(batch)});
    };
    auto next = prepare(0);
    if (!next)
        return next.error();
    std::future<Result<BatchResult>> inFlight;
    while (*next || inFlight.valid()) {
        std::optional<Result<BatchResult>> answer;
        if (inFlight.valid()) {
            answer = inFlight.get();
            if (!*answer)
                return answer->error();
        }
        std::int64_t after = 0;
        if (*next) {
            after = (*next)->lastSeq;
            report.pushed += (*next)->size;
            inFlight = std::async(std::launch::async, std::move((*next)->send));
        }
        if (answer) {
            const BatchResult& result = **answer;
            if (auto s = replica.acknowledge(result); !s)
                return s.error();
            replica.observeServerTime(result.serverTimeMs);
            for (const auto& r : result.results)
                (r.status == OperationStatus::Refused ? report.refused : report.acknowledged)++;
            report.conflicts += result.conflicts;
            if (result.clockSkewMs)
                report.clockSkewMs = result.clockSkewMs;
        }
        if (!inFlight.valid())
            break;
        next = prepare(after);
        if (!next)
            return next.error();
    }
    bool resynced = false;
    for (;;) {
        auto pull = transport.pull(replica.cursor(), kPullLimit);
        if (!pull && pull.error().code == "invalid_cursor" && !resynced) {
            resynced = true;
            if (auto s = replica.resetCursor(); !s)
                return s.error();
            continue;
        }
        if (!pull)
            return pull.error();
        if (auto s = replica.applyPull(*pull); !s)
            return s.error();
        report.pulled += static_cast<int>(pull->changes.size());
        if (!pull->more)
            break;
    }
    return report;
}

}  // namespace

Result<SyncReport> synchronise(Replica& replica, SyncTransport& transport, const std::string& deviceId,
                               bool refreshConfiguration, bool confirmMassDelete)
{
    // A failing statement on the device (a full disk, a broken file) ends this
    // sync with an error; every step below commits on its own, so the outbox
    // and the cursor stay consistent and the next sync continues.
    return guarded<SyncReport>([&] { return synchroniseSteps(replica, transport, deviceId, refreshConfiguration, confirmMassDelete); });
}

}  // namespace samkoll::core
