// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/store/repository.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "samkoll/domain/personnummer.hpp"

namespace samkoll::core {

std::string newUid()
{
    // 48 bits of milliseconds, then 80 random bits (the layout of a UUIDv7):
    // uids made close in time sort together, so the indexes on uid grow at
    // their end instead of touching a random page for every new row.
    thread_local std::mt19937_64 rng{[] {
        std::random_device rd;
        std::seed_seq seq{rd(), rd(), rd(), rd()};
        return std::mt19937_64(seq);
    }()};
    static constexpr char kHex[] = "0123456789abcdef";
    const auto ms = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
    std::string out(32, '0');
    auto put = [&](std::size_t at, std::uint64_t v, int digits) {
        for (int i = digits - 1; i >= 0; --i) {
            out[at + static_cast<std::size_t>(i)] = kHex[v & 0xF];
            v >>= 4;
        }
    };
    put(0, ms, 12);
    put(12, rng(), 16);
    put(28, rng(), 4);
    return out;
}

Error lockedError(int year, const std::string& field)
{
    return makeError("locked_period", field,
                     std::to_string(year) +
                         " är fastställt och låst av kansliet – ändringen sparas inte i det låsta året. "
                         "Kontakta kansliet om perioden behöver öppnas igen.");
}

namespace {

bool isUniqueViolation(const StoreError& e)
{
    return e.code() == SQLITE_CONSTRAINT_UNIQUE || e.code() == SQLITE_CONSTRAINT_PRIMARYKEY;
}

std::optional<Date> optionalDate(const Statement& st, int column)
{
    auto t = st.optionalText(column);
    if (!t)
        return std::nullopt;
    auto d = Date::parse(*t);
    return d ? std::optional<Date>(*d) : std::nullopt;
}

template <typename E>
std::optional<E> optionalTerm(const Statement& st, int column)
{
    auto t = st.optionalText(column);
    return t ? parseCode<E>(*t) : std::nullopt;
}

std::optional<std::string> isoOrNull(const std::optional<Date>& d)
{
    return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

template <typename E>
std::optional<std::string> codeOrNull(const std::optional<E>& e)
{
    return e ? std::optional<std::string>(std::string(codeOf(*e))) : std::nullopt;
}

std::string joinIncome(const std::vector<IncomeSupport>& v)
{
    std::string out;
    for (auto s : v) {
        if (!out.empty())
            out += ',';
        out += codeOf(s);
    }
    return out;
}

std::vector<IncomeSupport> splitIncome(const std::string& text)
{
    std::vector<IncomeSupport> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto comma = text.find(',', pos);
        if (comma == std::string::npos)
            comma = text.size();
        if (auto v = parseCode<IncomeSupport>(text.substr(pos, comma - pos)))
            out.push_back(*v);
        pos = comma + 1;
    }
    return out;
}

constexpr const char* kCaseColumns =
    "uid, team_id, code, gender, birth_year, referral_date, referring_party, decision, decision_date, "
    "start_date, exit_date, exit_outcome, income_support, education, support_duration";

Case readCase(const Statement& st)
{
    Case c;
    c.uid = st.text(0);
    c.teamId = st.integer(1);
    c.code = st.text(2);
    c.gender = parseCode<Gender>(st.text(3)).value_or(Gender::Other);
    if (auto by = st.optionalInteger(4))
        c.birthYear = static_cast<int>(*by);
    c.referralDate = optionalDate(st, 5).value_or(Date{});
    c.referringParty = optionalTerm<ReferringParty>(st, 6);
    c.decision = optionalTerm<Decision>(st, 7);
    c.decisionDate = optionalDate(st, 8);
    c.startDate = optionalDate(st, 9);
    c.exitDate = optionalDate(st, 10);
    c.exitOutcome = optionalTerm<ExitOutcome>(st, 11);
    c.incomeSupport = splitIncome(st.text(12));
    c.education = optionalTerm<Education>(st, 13);
    c.supportDuration = optionalTerm<SupportDuration>(st, 14);
    return c;
}

/// What a case contributes to the figures of `year`: the case as it stood at
/// the year's end (events after it are not yet known then). Equal footprints
/// mean an edit leaves that year's statistics and index unchanged, so a case
/// that ran in a locked year can still be exited the next year. Empty = no
/// contribution.
std::string footprint(const Case& c, int year)
{
    const Period p = Period::year(year);
    auto happened = [&](const std::optional<Date>& d) { return d && *d <= p.to; };
    const bool participant = happened(c.startDate) && (!c.exitDate || *c.exitDate >= p.from);
    const bool referred = p.contains(c.referralDate);
    const bool decided = happened(c.decisionDate) && p.contains(*c.decisionDate);
    if (!participant && !referred && !decided)
        return {};
    auto clip = [&](const std::optional<Date>& d) -> std::string {
        if (!happened(d))
            return "-";
        return *d < p.from ? "<" : d->iso();
    };
    std::string f = std::string(codeOf(c.gender)) + "|" + (c.birthYear ? std::to_string(*c.birthYear) : "-") + "|" +
                    clip(c.referralDate) + "|" + codeOrNull(c.referringParty).value_or("-") + "|" +
                    clip(c.decisionDate) + "|" + (happened(c.decisionDate) ? codeOrNull(c.decision).value_or("-") : "-") +
                    "|" + clip(c.startDate) + "|" + clip(c.exitDate) + "|" +
                    (happened(c.exitDate) ? codeOrNull(c.exitOutcome).value_or("-") : "-");
    if (participant)
        f += "|" + joinIncome(c.incomeSupport) + "|" + codeOrNull(c.education).value_or("-") + "|" +
             codeOrNull(c.supportDuration).value_or("-");
    return f;
}

std::set<int> yearsTouched(const Case& c)
{
    std::set<int> years{c.referralDate.year};
    for (const auto& d : {c.decisionDate, c.startDate, c.exitDate})
        if (d)
            years.insert(d->year);
    if (c.startDate) {
        const int last = c.exitDate ? c.exitDate->year : Date::today().year;
        for (int y = c.startDate->year; y <= last; ++y)
            years.insert(y);
    }
    return years;
}

}  // namespace

// --- Organisation -----------------------------------------------------------------

Result<Id> Repository::addFederation(const std::string& code, const std::string& name)
{
    if (code.empty())
        return makeError("required", "code", "ange en kort kod för förbundet, t.ex. umea");
    if (name.empty())
        return makeError("required", "name", "ange förbundets namn");
    return inTransaction<Id>(m_db, [&]() -> Result<Id> {
        try {
            m_db.prepare("INSERT INTO federation (code, name) VALUES (?, ?)").bind(1, code).bind(2, name).run();
        } catch (const StoreError& e) {
            if (isUniqueViolation(e))
                return makeError("duplicate", "code", "det finns redan ett förbund med koden '" + code + "'");
            throw;
        }
        return m_db.lastInsertId();
    });
}

Result<std::vector<Federation>> Repository::federations()
{
    return guarded<std::vector<Federation>>([&]() -> Result<std::vector<Federation>> {
        std::vector<Federation> out;
        auto st = m_db.prepare("SELECT id, code, name FROM federation ORDER BY code");
        while (st.step())
            out.push_back({st.integer(0), st.text(1), st.text(2)});
        return out;
    });
}

Result<Federation> Repository::federation(const std::string& code)
{
    auto all = federations();
    if (!all)
        return all.error();
    if (code.empty()) {
        if (all->size() == 1)
            return all->front();
        if (all->empty())
            return makeError("not_found", "federation", "databasen har inget förbund – skapa ett med 'samkolld federation add'");
        std::string codes;
        for (const auto& f : *all)
            codes += (codes.empty() ? "" : ", ") + f.code;
        return makeError("ambiguous", "federation", "databasen har flera förbund (" + codes + ") – ange --federation");
    }
    for (const auto& f : *all)
        if (f.code == code)
            return f;
    return makeError("not_found", "federation", "förbundet '" + code + "' finns inte");
}

Result<Id> Repository::addMember(Id federationId, const std::string& code, const std::string& name, MemberKind kind)
{
    if (code.empty() || name.empty())
        return makeError("required", code.empty() ? "code" : "name", "ange medlemmens kod och namn");
    return inTransaction<Id>(m_db, [&]() -> Result<Id> {
        try {
            m_db.prepare("INSERT INTO member (federation_id, code, name, kind) VALUES (?, ?, ?, ?)")
                .bind(1, federationId)
                .bind(2, code)
                .bind(3, name)
                .bind(4, codeOf(kind))
                .run();
        } catch (const StoreError& e) {
            if (isUniqueViolation(e))
                return makeError("duplicate", "code", "det finns redan en medlem med koden '" + code + "'");
            throw;
        }
        return m_db.lastInsertId();
    });
}

Result<std::vector<Member>> Repository::members(Id federationId)
{
    return guarded<std::vector<Member>>([&]() -> Result<std::vector<Member>> {
        std::vector<Member> out;
        auto st = m_db.prepare("SELECT id, code, name, kind FROM member WHERE federation_id = ? ORDER BY id");
        st.bind(1, federationId);
        while (st.step())
            out.push_back({st.integer(0), federationId, st.text(1), st.text(2),
                           parseCode<MemberKind>(st.text(3)).value_or(MemberKind::Kommun)});
        return out;
    });
}

Result<Id> Repository::addTeam(Id federationId, const std::string& code, const std::string& name,
                               const std::optional<std::string>& kommunCode)
{
    m_federationOfTeam.clear();  // a rolled-back team's id may be given to this one
    if (code.empty() || name.empty())
        return makeError("required", code.empty() ? "code" : "name", "ange teamets kod och namn");
    return inTransaction<Id>(m_db, [&]() -> Result<Id> {
        std::optional<Id> kommunId;
        if (kommunCode) {
            auto st = m_db.prepare("SELECT id, kind FROM member WHERE federation_id = ? AND code = ?");
            st.bind(1, federationId).bind(2, *kommunCode);
            if (!st.step())
                return makeError("not_found", "kommun", "kommunen '" + *kommunCode + "' är inte medlem i förbundet");
            if (st.text(1) != "kommun")
                return makeError("invalid_value", "kommun", "'" + *kommunCode + "' är ingen kommun");
            kommunId = st.integer(0);
        }
        try {
            m_db.prepare("INSERT INTO team (federation_id, code, name, kommun_id) VALUES (?, ?, ?, ?)")
                .bind(1, federationId)
                .bind(2, code)
                .bind(3, name)
                .bind(4, kommunId)
                .run();
        } catch (const StoreError& e) {
            if (isUniqueViolation(e))
                return makeError("duplicate", "code", "det finns redan ett team med koden '" + code + "'");
            throw;
        }
        return m_db.lastInsertId();
    });
}

Result<std::vector<Team>> Repository::teams(Id federationId)
{
    return guarded<std::vector<Team>>([&]() -> Result<std::vector<Team>> {
        std::vector<Team> out;
        auto st = m_db.prepare("SELECT id, code, name, kommun_id FROM team WHERE federation_id = ? ORDER BY id");
        st.bind(1, federationId);
        while (st.step())
            out.push_back({st.integer(0), federationId, st.text(1), st.text(2), st.optionalInteger(3)});
        return out;
    });
}

Result<Team> Repository::team(Id federationId, const std::string& code)
{
    auto all = teams(federationId);
    if (!all)
        return all.error();
    for (const auto& t : *all)
        if (t.code == code || foldCase(t.name) == foldCase(code))
            return t;
    std::string codes;
    for (const auto& t : *all)
        codes += (codes.empty() ? "" : ", ") + t.code;
    return makeError("not_found", "team", "teamet '" + code + "' finns inte (finns: " + codes + ")");
}

Id Repository::federationOfTeam(Id teamId)
{
    if (auto known = m_federationOfTeam.find(teamId); known != m_federationOfTeam.end())
        return known->second;
    auto& st = m_db.cached("SELECT federation_id FROM team WHERE id = ?");
    st.bind(1, teamId);
    const Id id = st.step() ? st.integer(0) : 0;
    st.reset();
    if (id != 0)
        m_federationOfTeam.emplace(teamId, id);
    return id;
}

// --- Period locks -----------------------------------------------------------------

bool Repository::isLocked(Id federationId, int year)
{
    auto& st = m_db.cached("SELECT 1 FROM period_lock WHERE federation_id = ? AND year = ?");
    st.bind(1, federationId).bind(2, year);
    const bool locked = st.step();
    st.reset();
    return locked;
}

Status Repository::checkUnlocked(Id federationId, int year, const std::string& field)
{
    if (isLocked(federationId, year))
        return lockedError(year, field);
    return {};
}

Status Repository::checkTeam(Id federationId, const std::optional<Id>& teamId)
{
    if (teamId && federationOfTeam(*teamId) != federationId)
        return makeError("not_found", "team", "teamet hör inte till förbundet");
    return {};
}

Status Repository::lockYear(Id federationId, int year, const std::string& lockedBy, const std::string& snapshotJson)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        if (isLocked(federationId, year))
            return makeError("already_locked", "year", std::to_string(year) + " är redan låst");
        m_db.prepare("INSERT INTO period_lock (federation_id, year, locked_by, snapshot) VALUES (?, ?, ?, ?)")
            .bind(1, federationId)
            .bind(2, year)
            .bind(3, lockedBy)
            .bind(4, snapshotJson)
            .run();
        return {};
    });
}

Status Repository::unlockYear(Id federationId, int year)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        m_db.prepare("DELETE FROM period_lock WHERE federation_id = ? AND year = ?").bind(1, federationId).bind(2, year).run();
        if (m_db.changes() == 0)
            return makeError("not_locked", "year", std::to_string(year) + " är inte låst");
        return {};
    });
}

Result<std::string> Repository::lockedSnapshot(Id federationId, int year)
{
    return guarded<std::string>([&]() -> Result<std::string> {
        auto st = m_db.prepare("SELECT snapshot FROM period_lock WHERE federation_id = ? AND year = ?");
        st.bind(1, federationId).bind(2, year);
        if (!st.step())
            return makeError("not_locked", "year", std::to_string(year) + " är inte låst");
        return st.text(0);
    });
}

// --- Cases ------------------------------------------------------------------------

Result<std::string> Repository::saveCase(Case c, Date today, std::optional<std::string_view> syncClocks)
{
    if (auto s = validateCase(c, today); !s)
        return s.error();
    return inTransaction<std::string>(m_db, [&]() -> Result<std::string> {
        const Id federationId = federationOfTeam(c.teamId);
        if (federationId == 0)
            return makeError("not_found", "team", "teamet finns inte");

        std::optional<Case> old;
        if (!c.uid.empty()) {
            auto& st = m_db.cached(std::string("SELECT ") + kCaseColumns + " FROM cases WHERE uid = ? AND deleted = 0");
            st.bind(1, c.uid);
            if (st.step())
                old = readCase(st);
            st.reset();
        } else {
            c.uid = newUid();
        }
        if (old && old->teamId != c.teamId)
            return makeError("team_change", "team", "ett ärendes team kan inte ändras – skapa ett nytt ärende i det andra teamet");

        // A change is allowed in a locked year only if that year's figures stay the same.
        std::set<int> years = yearsTouched(c);
        if (old)
            years.merge(yearsTouched(*old));
        for (int y : years) {
            if (!isLocked(federationId, y))
                continue;
            if (!old || footprint(*old, y) != footprint(c, y))
                return lockedError(y, "case");
        }

        auto bindAll = [&](Statement& st) {
            st.bind(1, c.uid)
                .bind(2, c.teamId)
                .bind(3, c.code)
                .bind(4, codeOf(c.gender))
                .bind(5, c.birthYear)
                .bind(6, c.referralDate.iso())
                .bind(7, codeOrNull(c.referringParty))
                .bind(8, codeOrNull(c.decision))
                .bind(9, isoOrNull(c.decisionDate))
                .bind(10, isoOrNull(c.startDate))
                .bind(11, isoOrNull(c.exitDate))
                .bind(12, codeOrNull(c.exitOutcome))
                .bind(13, joinIncome(c.incomeSupport))
                .bind(14, codeOrNull(c.education))
                .bind(15, codeOrNull(c.supportDuration))
                .bind(16, federationId);
            if (syncClocks)
                st.bind(17, *syncClocks);
            else
                st.bindNull(17);
        };
        try {
            if (old) {
                auto& st = m_db.cached(
                    "UPDATE cases SET uid = ?1, team_id = ?2, code = ?3, gender = ?4, birth_year = ?5, referral_date = ?6, "
                    "referring_party = ?7, decision = ?8, decision_date = ?9, start_date = ?10, exit_date = ?11, "
                    "exit_outcome = ?12, income_support = ?13, education = ?14, support_duration = ?15, "
                    "federation_id = ?16, clocks = coalesce(?17, clocks) WHERE uid = ?1");
                bindAll(st);
                st.run();
            } else {
                auto& st = m_db.cached(std::string("INSERT INTO cases (") + kCaseColumns +
                                       ", federation_id, clocks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                                       "?12, ?13, ?14, ?15, ?16, coalesce(?17, '{}'))");
                bindAll(st);
                st.run();
            }
        } catch (const StoreError& e) {
            if (isUniqueViolation(e))
                return makeError("duplicate", "code",
                                 "teamet har redan ett ärende med koden '" + c.code + "' – välj en annan kod");
            throw;
        }
        return c.uid;
    });
}

Result<Case> Repository::caseByUid(const std::string& uid)
{
    return guarded<Case>([&]() -> Result<Case> {
        auto& st = m_db.cached(std::string("SELECT ") + kCaseColumns + " FROM cases WHERE uid = ? AND deleted = 0");
        st.bind(1, uid);
        if (!st.step())
            return makeError("not_found", "uid", "ärendet finns inte");
        Case c = readCase(st);
        st.reset();
        return c;
    });
}

Result<std::vector<Case>> Repository::casesOfTeam(Id teamId)
{
    return guarded<std::vector<Case>>([&]() -> Result<std::vector<Case>> {
        std::vector<Case> out;
        auto st = m_db.prepare(std::string("SELECT ") + kCaseColumns +
                               " FROM cases WHERE team_id = ? AND deleted = 0 ORDER BY code");
        st.bind(1, teamId);
        while (st.step())
            out.push_back(readCase(st));
        return out;
    });
}

Status Repository::deleteCase(const std::string& uid)
{
    auto existing = caseByUid(uid);
    if (!existing)
        return existing.error();
    return inTransaction<void>(m_db, [&]() -> Status {
        const Id federationId = federationOfTeam(existing->teamId);
        for (int y : yearsTouched(*existing))
            if (isLocked(federationId, y) && !footprint(*existing, y).empty())
                return lockedError(y, "case");
        m_db.prepare("UPDATE cases SET deleted = 1 WHERE uid = ?").bind(1, uid).run();
        return {};
    });
}

Status Repository::restoreCase(const std::string& uid)
{
    return guarded<void>([&]() -> Status {
        auto st = m_db.prepare("UPDATE cases SET deleted = 0 WHERE uid = ? AND deleted = 1");
        st.bind(1, uid).run();
        if (m_db.changes() == 0)
            return makeError("not_found", "uid", "det finns inget borttaget ärende att återställa");
        return {};
    });
}

std::string_view caseStatusCode(CaseStatus s)
{
    static constexpr std::string_view kCodes[] = {"referred", "accepted", "declined", "active", "exited"};
    return kCodes[static_cast<int>(s)];
}

std::optional<CaseStatus> parseCaseStatus(std::string_view code)
{
    for (int i = 0; i <= static_cast<int>(CaseStatus::Exited); ++i)
        if (caseStatusCode(static_cast<CaseStatus>(i)) == code)
            return static_cast<CaseStatus>(i);
    return std::nullopt;
}

CaseStatus statusOf(const Case& c)
{
    if (c.exitDate)
        return CaseStatus::Exited;
    if (c.startDate)
        return CaseStatus::Active;
    if (!c.decision)
        return CaseStatus::Referred;
    return *c.decision == Decision::Yes ? CaseStatus::Accepted : CaseStatus::Declined;
}

namespace {
/// The WHERE clause of a case list query; binds from parameter 1 on.
std::string caseFilter(const CaseQuery& q)
{
    std::string where = " WHERE c.team_id = ?1 AND c.deleted = 0";
    if (q.status) {
        switch (*q.status) {
        case CaseStatus::Referred: where += " AND c.decision IS NULL AND c.start_date IS NULL AND c.exit_date IS NULL"; break;
        case CaseStatus::Accepted: where += " AND c.decision = 'yes' AND c.start_date IS NULL AND c.exit_date IS NULL"; break;
        case CaseStatus::Declined: where += " AND c.decision = 'no' AND c.start_date IS NULL AND c.exit_date IS NULL"; break;
        case CaseStatus::Active: where += " AND c.start_date IS NOT NULL AND c.exit_date IS NULL"; break;
        case CaseStatus::Exited: where += " AND c.exit_date IS NOT NULL"; break;
        }
    }
    if (q.year)
        where += " AND c.referral_date <= ?2 AND (c.exit_date IS NULL OR c.exit_date >= ?3)";
    if (!q.search.empty())
        where += " AND c.code LIKE ?4 ESCAPE '\\'";
    if (!q.uid.empty())
        where += " AND c.uid = ?8";
    return where;
}

void bindCaseFilter(Statement& st, const CaseQuery& q)
{
    st.bind(1, q.teamId);
    if (q.year) {
        st.bind(2, Date{*q.year, 12, 31}.iso());
        st.bind(3, Date{*q.year, 1, 1}.iso());
    }
    if (!q.search.empty()) {
        std::string pattern = "%";
        for (char ch : q.search) {
            if (ch == '%' || ch == '_' || ch == '\\')
                pattern += '\\';
            pattern += ch;
        }
        st.bind(4, pattern + "%");
    }
    if (!q.uid.empty())
        st.bind(8, q.uid);
}
}  // namespace

Result<std::vector<CaseListRow>> Repository::casePage(const CaseQuery& query, int limit)
{
    return guarded<std::vector<CaseListRow>>([&]() -> Result<std::vector<CaseListRow>> {
        std::string sql = std::string("SELECT ") + kCaseColumns +
                          ", EXISTS (SELECT 1 FROM outbox o WHERE o.uid = c.uid) FROM cases c" + caseFilter(query);
        if (query.afterReferral)
            sql += " AND (c.referral_date < ?5 OR (c.referral_date = ?5 AND c.code > ?6))";
        sql += " ORDER BY c.referral_date DESC, c.code ASC LIMIT ?7";
        auto st = m_db.prepare(sql);
        bindCaseFilter(st, query);
        if (query.afterReferral) {
            st.bind(5, query.afterReferral->iso());
            st.bind(6, query.afterCode);
        }
        st.bind(7, limit);
        std::vector<CaseListRow> out;
        while (st.step())
            out.push_back({readCase(st), st.integer(15) != 0});
        return out;
    });
}

Result<std::int64_t> Repository::caseCount(const CaseQuery& query)
{
    return guarded<std::int64_t>([&]() -> Result<std::int64_t> {
        auto st = m_db.prepare("SELECT count(*) FROM cases c" + caseFilter(query));
        bindCaseFilter(st, query);
        st.step();
        return st.integer(0);
    });
}

// --- Surveys ----------------------------------------------------------------------

Status Repository::saveSurveyDefinitions(Id federationId, const BudgetDocument& doc)
{
    return inTransaction<void>(m_db, [&]() -> Status {
        for (const auto& s : doc.scales) {
            auto st = m_db.prepare("SELECT id FROM scale WHERE federation_id = ? AND code = ?");
            st.bind(1, federationId).bind(2, s.code);
            if (st.step()) {
                const Id id = st.integer(0);
                std::vector<std::string> existing;
                auto opts = m_db.prepare("SELECT label FROM scale_option WHERE scale_id = ? ORDER BY position");
                opts.bind(1, id);
                while (opts.step())
                    existing.push_back(opts.text(0));
                if (existing != s.options)
                    return makeError("conflict", "scales." + s.code,
                                     "skalan '" + s.code +
                                         "' finns redan med andra svarsalternativ – ge den ändrade skalan en ny kod så "
                                         "att tidigare svar behåller sin betydelse");
                continue;
            }
            m_db.prepare("INSERT INTO scale (federation_id, code, name) VALUES (?, ?, ?)")
                .bind(1, federationId)
                .bind(2, s.code)
                .bind(3, s.name)
                .run();
            const Id id = m_db.lastInsertId();
            auto ins = m_db.prepare("INSERT INTO scale_option (scale_id, position, label) VALUES (?, ?, ?)");
            for (std::size_t i = 0; i < s.options.size(); ++i) {
                ins.bind(1, id).bind(2, static_cast<std::int64_t>(i + 1)).bind(3, s.options[i]);
                ins.run();
            }
        }
        for (const auto& q : doc.questions) {
            auto sc = m_db.prepare("SELECT id FROM scale WHERE federation_id = ? AND code = ?");
            sc.bind(1, federationId).bind(2, q.scale);
            if (!sc.step())
                return makeError("not_found", "questions." + q.code + ".scale", "skalan '" + q.scale + "' finns inte");
            const Id scaleId = sc.integer(0);
            auto st = m_db.prepare("SELECT text, scale_id FROM question WHERE federation_id = ? AND code = ?");
            st.bind(1, federationId).bind(2, q.code);
            if (st.step()) {
                if (st.text(0) != q.text || st.integer(1) != scaleId)
                    return makeError("conflict", "questions." + q.code,
                                     "frågan '" + q.code +
                                         "' finns redan med en annan formulering eller skala – frågor behåller sin "
                                         "ordalydelse; ge den nya frågan en ny kod");
                continue;
            }
            m_db.prepare("INSERT INTO question (federation_id, code, text, scale_id) VALUES (?, ?, ?, ?)")
                .bind(1, federationId)
                .bind(2, q.code)
                .bind(3, q.text)
                .bind(4, scaleId)
                .run();
        }
        for (const auto& qn : doc.questionnaires) {
            auto st = m_db.prepare("SELECT id FROM questionnaire WHERE federation_id = ? AND code = ?");
            st.bind(1, federationId).bind(2, qn.code);
            Id id = 0;
            if (st.step()) {
                id = st.integer(0);
                m_db.prepare("UPDATE questionnaire SET title = ? WHERE id = ?").bind(1, qn.title).bind(2, id).run();
                // Questions may be added to a questionnaire; existing answers stay valid.
                m_db.prepare("DELETE FROM questionnaire_question WHERE questionnaire_id = ?").bind(1, id).run();
            } else {
                m_db.prepare("INSERT INTO questionnaire (federation_id, code, title) VALUES (?, ?, ?)")
                    .bind(1, federationId)
                    .bind(2, qn.code)
                    .bind(3, qn.title)
                    .run();
                id = m_db.lastInsertId();
            }
            auto ins = m_db.prepare(
                "INSERT INTO questionnaire_question (questionnaire_id, position, question_id) "
                "SELECT ?, ?, id FROM question WHERE federation_id = ? AND code = ?");
            for (std::size_t i = 0; i < qn.questions.size(); ++i) {
                ins.bind(1, id).bind(2, static_cast<std::int64_t>(i + 1)).bind(3, federationId).bind(4, qn.questions[i]);
                ins.run();
                if (m_db.changes() == 0)
                    return makeError("not_found", "questionnaires." + qn.code,
                                     "frågan '" + qn.questions[i] + "' finns inte");
            }
        }
        return {};
    });
}

std::optional<std::vector<std::string>> Repository::questionOptions(Id federationId, const std::string& questionCode)
{
    try {
        auto st = m_db.prepare(
            "SELECT o.label FROM question q JOIN scale_option o ON o.scale_id = q.scale_id "
            "WHERE q.federation_id = ? AND q.code = ? ORDER BY o.position");
        st.bind(1, federationId).bind(2, questionCode);
        std::vector<std::string> out;
        while (st.step())
            out.push_back(st.text(0));
        if (out.empty())
            return std::nullopt;
        return out;
    } catch (const StoreError&) {
        return std::nullopt;
    }
}

Result<Id> Repository::ensureRound(Id federationId, const std::string& questionnaireCode, RespondentGroup group,
                                   std::optional<Id> teamId, const Period& period, std::optional<std::int64_t> invited)
{
    if (isFederationLevel(group) && teamId)
        return makeError("invalid_value", "team",
                         std::string(labelOf(group)) + " besvaras på förbundsnivå – ange inget team");
    if (!isFederationLevel(group) && !teamId)
        return makeError("required", "team", std::string(labelOf(group)) + " hör till ett team – ange teamet");
    if (invited && *invited < 0)
        return makeError("invalid_value", "invited", "antalet tillfrågade kan inte vara negativt");
    return inTransaction<Id>(m_db, [&]() -> Result<Id> {
        if (auto s = checkTeam(federationId, teamId); !s)
            return s.error();
        auto q = m_db.prepare("SELECT id FROM questionnaire WHERE federation_id = ? AND code = ?");
        q.bind(1, federationId).bind(2, questionnaireCode);
        if (!q.step())
            return makeError("not_found", "questionnaire", "enkäten '" + questionnaireCode + "' finns inte");
        const Id questionnaireId = q.integer(0);
        auto& find = m_db.cached(
            "SELECT id, invited FROM survey_round WHERE federation_id = ? AND questionnaire_id = ? AND "
            "respondent_group = ? AND ifnull(team_id, 0) = ? AND period_start = ? AND period_end = ?");
        find.bind(1, federationId)
            .bind(2, questionnaireId)
            .bind(3, codeOf(group))
            .bind(4, teamId.value_or(0))
            .bind(5, period.from.iso())
            .bind(6, period.to.iso());
        if (find.step()) {
            const Id id = find.integer(0);
            const auto oldInvited = find.integer(1);
            find.reset();
            if (invited && *invited != oldInvited) {
                if (auto s = checkUnlocked(federationId, period.to.year, "invited"); !s)
                    return s.error();
                m_db.prepare("UPDATE survey_round SET invited = ? WHERE id = ?").bind(1, *invited).bind(2, id).run();
            }
            return id;
        }
        find.reset();
        if (auto s = checkUnlocked(federationId, period.to.year, "period"); !s)
            return s.error();
        m_db.prepare(
                "INSERT INTO survey_round (federation_id, questionnaire_id, respondent_group, team_id, period_start, "
                "period_end, invited) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(1, federationId)
            .bind(2, questionnaireId)
            .bind(3, codeOf(group))
            .bind(4, teamId)
            .bind(5, period.from.iso())
            .bind(6, period.to.iso())
            .bind(7, invited.value_or(0))
            .run();
        return m_db.lastInsertId();
    });
}

Result<std::string> Repository::addTally(TallyDelta t)
{
    if (t.delta == 0)
        return makeError("invalid_value", "count", "antalet kan inte vara 0");
    if (t.uid.empty())
        t.uid = newUid();
    return inTransaction<std::string>(m_db, [&]() -> Result<std::string> {
        auto& round = m_db.cached("SELECT federation_id, questionnaire_id, period_end FROM survey_round WHERE id = ?");
        round.bind(1, t.roundId);
        if (!round.step())
            return makeError("not_found", "round", "enkätomgången finns inte");
        const Id federationId = round.integer(0);
        const Id questionnaireId = round.integer(1);
        const int year = valueOrThrow(Date::parse(round.text(2))).year;
        round.reset();
        if (auto s = checkUnlocked(federationId, year, "round"); !s)
            return s.error();

        auto& q = m_db.cached(
            "SELECT (SELECT count(*) FROM scale_option o JOIN question q ON o.scale_id = q.scale_id WHERE q.id = ?1), "
            "EXISTS (SELECT 1 FROM questionnaire_question WHERE questionnaire_id = ?2 AND question_id = ?1)");
        q.bind(1, t.questionId).bind(2, questionnaireId);
        q.step();
        const auto options = q.integer(0);
        const bool inQuestionnaire = q.integer(1) != 0;
        q.reset();
        if (options == 0)
            return makeError("not_found", "question", "frågan finns inte");
        if (!inQuestionnaire)
            return makeError("invalid_value", "question", "frågan ingår inte i enkätomgångens enkät");
        if (t.option < 1 || t.option > options)
            return makeError("invalid_value", "option",
                             "svarsalternativ " + std::to_string(t.option) + " finns inte (frågan har " +
                                 std::to_string(options) + " alternativ)");
        if (t.delta < 0) {
            auto& sum = m_db.cached(
                "SELECT ifnull(sum(total), 0) FROM tally_total WHERE round_id = ? AND question_id = ? AND option_no = ? "
                "AND gender = ?");
            sum.bind(1, t.roundId).bind(2, t.questionId).bind(3, t.option).bind(4, codeOf(t.gender));
            sum.step();
            const auto current = sum.integer(0);
            sum.reset();
            if (current + t.delta < 0)
                return makeError("negative_total", "count",
                                 "rättelsen (" + std::to_string(t.delta) + ") skulle ge ett negativt antal – summan är " +
                                     std::to_string(current));
        }
        try {
            auto& ins = m_db.cached(
                "INSERT INTO tally_delta (uid, round_id, question_id, option_no, gender, delta, entered_by, batch) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            ins.bind(1, t.uid)
                .bind(2, t.roundId)
                .bind(3, t.questionId)
                .bind(4, t.option)
                .bind(5, codeOf(t.gender))
                .bind(6, t.delta)
                .bind(7, t.enteredBy)
                .bind(8, t.batch);
            ins.run();
        } catch (const StoreError& e) {
            if (isUniqueViolation(e))
                return makeError("duplicate", "uid", "raden finns redan");
            throw;
        }
        return t.uid;
    });
}

// --- Other inputs -----------------------------------------------------------------

Result<std::string> Repository::saveStory(Story s)
{
    if (s.title.empty())
        return makeError("required", "title", "ge framgångsbeskrivningen en rubrik");
    if (s.text.empty())
        return makeError("required", "text", "skriv framgångsbeskrivningen");
    // Characters, not bytes: å, ä and ö are two bytes in UTF-8.
    auto characters = [](std::string_view t) {
        return static_cast<std::size_t>(
            std::count_if(t.begin(), t.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    };
    if (characters(s.title) > kMaxStoryTitle)
        return makeError("too_long", "title", "rubriken får vara högst " + std::to_string(kMaxStoryTitle) + " tecken – korta den");
    if (characters(s.text) > kMaxStoryText)
        return makeError("too_long", "text",
                         "texten får vara högst " + std::to_string(kMaxStoryText) + " tecken – korta den eller dela upp den");
    if (looksLikePersonnummer(s.title) || looksLikePersonnummer(s.text))
        return makeError("personnummer", looksLikePersonnummer(s.title) ? "title" : "text",
                         "texten innehåller något som ser ut som ett personnummer – avidentifiera texten");
    if (s.uid.empty())
        s.uid = newUid();
    return inTransaction<std::string>(m_db, [&]() -> Result<std::string> {
        if (auto st = checkTeam(s.federationId, s.teamId); !st)
            return st.error();
        if (auto st = checkUnlocked(s.federationId, s.date.year, "date"); !st)
            return st.error();
        auto old = m_db.prepare("SELECT story_date FROM story WHERE uid = ?");
        old.bind(1, s.uid);
        if (old.step()) {
            const int oldYear = valueOrThrow(Date::parse(old.text(0))).year;
            if (auto st = checkUnlocked(s.federationId, oldYear, "date"); !st)
                return st.error();
        }
        m_db.prepare(
                "INSERT INTO story (uid, federation_id, team_id, category, story_date, title, body) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (uid) DO UPDATE SET category = ?4, story_date = ?5, "
                "title = ?6, body = ?7")
            .bind(1, s.uid)
            .bind(2, s.federationId)
            .bind(3, s.teamId)
            .bind(4, codeOf(s.category))
            .bind(5, s.date.iso())
            .bind(6, s.title)
            .bind(7, s.text)
            .run();
        return s.uid;
    });
}

Status Repository::setComposition(const Composition& c)
{
    if (c.women < 0 || c.men < 0)
        return makeError("invalid_value", c.women < 0 ? "women" : "men", "antalet kan inte vara negativt");
    if (c.body == CompositionBody::Board && c.teamId)
        return makeError("invalid_value", "team", "styrelsen hör till förbundet, inte ett team");
    if (c.body != CompositionBody::Board && !c.teamId)
        return makeError("required", "team", "ange vilket team personalen eller styrgruppen hör till");
    return inTransaction<void>(m_db, [&]() -> Status {
        if (auto s = checkTeam(c.federationId, c.teamId); !s)
            return s;
        if (auto s = checkUnlocked(c.federationId, c.year, "year"); !s)
            return s;
        m_db.prepare("DELETE FROM composition WHERE federation_id = ? AND ifnull(team_id, 0) = ? AND body = ? AND year = ?")
            .bind(1, c.federationId)
            .bind(2, c.teamId.value_or(0))
            .bind(3, codeOf(c.body))
            .bind(4, c.year)
            .run();
        m_db.prepare("INSERT INTO composition (federation_id, team_id, body, year, women, men) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(1, c.federationId)
            .bind(2, c.teamId)
            .bind(3, codeOf(c.body))
            .bind(4, c.year)
            .bind(5, c.women)
            .bind(6, c.men)
            .run();
        return {};
    });
}

Status Repository::setHaeStatistic(const HaeStatistic& s)
{
    if (s.population <= 0)
        return makeError("invalid_value", "population_20_64", "befolkningen 20–64 år måste vara större än 0");
    if (s.total < 0 || s.illness < 0 || s.unemployment < 0 || s.assistance < 0)
        return makeError("invalid_value", "hae_total", "helårsekvivalenter kan inte vara negativa");
    return inTransaction<void>(m_db, [&]() -> Status {
        auto st = m_db.prepare("SELECT federation_id FROM member WHERE id = ? AND kind = 'kommun'");
        st.bind(1, s.kommunId);
        if (!st.step())
            return makeError("not_found", "kommun", "kommunen finns inte");
        if (auto l = checkUnlocked(st.integer(0), s.year, "year"); !l)
            return l;
        m_db.prepare(
                "INSERT INTO hae_statistic (kommun_id, year, total, illness, unemployment, assistance, population) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (kommun_id, year) DO UPDATE SET total = ?3, "
                "illness = ?4, unemployment = ?5, assistance = ?6, population = ?7")
            .bind(1, s.kommunId)
            .bind(2, s.year)
            .bind(3, s.total)
            .bind(4, s.illness)
            .bind(5, s.unemployment)
            .bind(6, s.assistance)
            .bind(7, s.population)
            .run();
        return {};
    });
}

Status Repository::setManualAssessment(const ManualAssessment& m)
{
    if (m.motivation.empty())
        return makeError("required", "motivation", "motivera bedömningen");
    if (looksLikePersonnummer(m.motivation))
        return makeError("personnummer", "motivation", "motiveringen innehåller något som ser ut som ett personnummer");
    return inTransaction<void>(m_db, [&]() -> Status {
        if (auto s = checkTeam(m.federationId, m.teamId); !s)
            return s;
        if (auto s = checkUnlocked(m.federationId, m.year, "year"); !s)
            return s;
        m_db.prepare(
                "DELETE FROM manual_assessment WHERE federation_id = ? AND indicator_code = ? AND ifnull(team_id, 0) = ? "
                "AND year = ?")
            .bind(1, m.federationId)
            .bind(2, m.indicatorCode)
            .bind(3, m.teamId.value_or(0))
            .bind(4, m.year)
            .run();
        m_db.prepare(
                "INSERT INTO manual_assessment (federation_id, indicator_code, team_id, year, achieved, motivation) "
                "VALUES (?, ?, ?, ?, ?, ?)")
            .bind(1, m.federationId)
            .bind(2, m.indicatorCode)
            .bind(3, m.teamId)
            .bind(4, m.year)
            .bind(5, m.achieved ? 1 : 0)
            .bind(6, m.motivation)
            .run();
        return {};
    });
}

// --- Social budget ----------------------------------------------------------------

Result<Id> Repository::saveBudget(Id federationId, const BudgetDocument& doc, bool replace)
{
    const auto& b = doc.budget;
    return inTransaction<Id>(m_db, [&]() -> Result<Id> {
        if (auto s = checkUnlocked(federationId, b.year, "year"); !s)
            return s.error();
        if (auto s = saveSurveyDefinitions(federationId, doc); !s)
            return s.error();
        // Every survey indicator must point at a stored question with options in range.
        for (const auto& area : b.areas)
            for (const auto& goal : area.goals)
                for (const auto& spec : goal.indicators) {
                    if (!spec.survey)
                        continue;
                    auto opts = questionOptions(federationId, spec.survey->question);
                    if (!opts)
                        return makeError("not_found", "indicators." + spec.code + ".survey.question",
                                         "frågan '" + spec.survey->question + "' finns inte");
                    for (int o : spec.survey->options)
                        if (o > static_cast<int>(opts->size()))
                            return makeError("invalid_value", "indicators." + spec.code + ".survey.options",
                                             "svarsalternativ " + std::to_string(o) + " finns inte på frågans skala");
                }

        auto existing = m_db.prepare("SELECT id FROM social_budget WHERE federation_id = ? AND year = ?");
        existing.bind(1, federationId).bind(2, b.year);
        if (existing.step()) {
            if (!replace)
                return makeError("duplicate", "year",
                                 "det finns redan en social budget för " + std::to_string(b.year) +
                                     " – använd --replace för att ersätta den");
            m_db.prepare("DELETE FROM social_budget WHERE id = ?").bind(1, existing.integer(0)).run();
        }
        m_db.prepare("INSERT INTO social_budget (federation_id, year, name, settings) VALUES (?, ?, ?, ?)")
            .bind(1, federationId)
            .bind(2, b.year)
            .bind(3, b.name)
            .bind(4, settingsToJson(b.settings).dump())
            .run();
        const Id budgetId = m_db.lastInsertId();
        auto insArea = m_db.prepare("INSERT INTO goal_area (budget_id, number, name, ideal_share) VALUES (?, ?, ?, ?)");
        auto insGoal = m_db.prepare("INSERT INTO goal (area_id, position, code, text) VALUES (?, ?, ?, ?)");
        auto insInd = m_db.prepare(
            "INSERT INTO indicator (goal_id, position, code, text, kind, weight, scope, definition) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        static constexpr const char* kScope[] = {"federation", "team", "both"};
        for (const auto& area : b.areas) {
            insArea.bind(1, budgetId).bind(2, area.number).bind(3, area.name).bind(4, area.idealSharePct);
            insArea.run();
            const Id areaId = m_db.lastInsertId();
            int goalPos = 0;
            for (const auto& goal : area.goals) {
                insGoal.bind(1, areaId).bind(2, ++goalPos).bind(3, goal.code).bind(4, goal.text);
                insGoal.run();
                const Id goalId = m_db.lastInsertId();
                int indPos = 0;
                for (const auto& spec : goal.indicators) {
                    insInd.bind(1, goalId)
                        .bind(2, ++indPos)
                        .bind(3, spec.code)
                        .bind(4, spec.text)
                        .bind(5, codeOf(spec.kind))
                        .bind(6, spec.weight)
                        .bind(7, kScope[static_cast<int>(spec.scope)])
                        .bind(8, indicatorDefinitionJson(spec));
                    insInd.run();
                }
            }
        }
        return budgetId;
    });
}

Result<SocialBudget> Repository::budget(Id federationId, int year)
{
    return guarded<SocialBudget>([&]() -> Result<SocialBudget> {
        auto st = m_db.prepare("SELECT id, name, settings FROM social_budget WHERE federation_id = ? AND year = ?");
        st.bind(1, federationId).bind(2, year);
        if (!st.step())
            return makeError("not_found", "year",
                             "det finns ingen social budget för " + std::to_string(year) +
                                 " – importera en med 'samkolld import budget'");
        SocialBudget b;
        b.id = st.integer(0);
        b.federationId = federationId;
        b.year = year;
        b.name = st.text(1);
        b.settings = settingsFromJson(st.text(2));
        auto rows = m_db.prepare(
            "SELECT a.number, a.name, a.ideal_share, g.id, g.code, g.text, i.definition "
            "FROM goal_area a LEFT JOIN goal g ON g.area_id = a.id LEFT JOIN indicator i ON i.goal_id = g.id "
            "WHERE a.budget_id = ? ORDER BY a.number, g.position, i.position");
        rows.bind(1, b.id);
        Id lastGoal = -1;
        while (rows.step()) {
            const int number = static_cast<int>(rows.integer(0));
            if (b.areas.empty() || b.areas.back().number != number) {
                b.areas.push_back(GoalArea{number, rows.text(1), static_cast<int>(rows.integer(2)), {}});
                lastGoal = -1;
            }
            if (rows.isNull(3))
                continue;
            auto& area = b.areas.back();
            if (rows.integer(3) != lastGoal) {
                area.goals.push_back(Goal{rows.text(4), rows.text(5), {}});
                lastGoal = rows.integer(3);
            }
            if (rows.isNull(6))
                continue;
            auto spec = parseIndicatorDefinition(rows.text(6));
            if (!spec)
                return spec.error();
            area.goals.back().indicators.push_back(std::move(*spec));
        }
        return b;
    });
}

}  // namespace samkoll::core

namespace samkoll::core {

Result<std::vector<int>> Repository::budgetYears(Id federationId)
{
    return guarded<std::vector<int>>([&]() -> Result<std::vector<int>> {
        std::vector<int> out;
        auto st = m_db.prepare("SELECT year FROM social_budget WHERE federation_id = ? ORDER BY year");
        st.bind(1, federationId);
        while (st.step())
            out.push_back(static_cast<int>(st.integer(0)));
        return out;
    });
}

Result<BudgetDocument> Repository::budgetDocument(Id federationId, int year)
{
    auto b = budget(federationId, year);
    if (!b)
        return b.error();
    return guarded<BudgetDocument>([&]() -> Result<BudgetDocument> {
        BudgetDocument doc;
        doc.budget = std::move(*b);
        auto scales = m_db.prepare("SELECT id, code, name FROM scale WHERE federation_id = ? ORDER BY id");
        scales.bind(1, federationId);
        while (scales.step()) {
            ScaleDefinition s{scales.text(1), scales.text(2), {}};
            auto opts = m_db.prepare("SELECT label FROM scale_option WHERE scale_id = ? ORDER BY position");
            opts.bind(1, scales.integer(0));
            while (opts.step())
                s.options.push_back(opts.text(0));
            doc.scales.push_back(std::move(s));
        }
        auto qs = m_db.prepare(
            "SELECT q.code, q.text, s.code FROM question q JOIN scale s ON s.id = q.scale_id WHERE q.federation_id = ? "
            "ORDER BY q.id");
        qs.bind(1, federationId);
        while (qs.step())
            doc.questions.push_back({qs.text(0), qs.text(1), qs.text(2)});
        auto qns = m_db.prepare("SELECT id, code, title FROM questionnaire WHERE federation_id = ? ORDER BY id");
        qns.bind(1, federationId);
        while (qns.step()) {
            QuestionnaireDefinition q{qns.text(1), qns.text(2), {}};
            auto list = m_db.prepare(
                "SELECT q.code FROM questionnaire_question qq JOIN question q ON q.id = qq.question_id "
                "WHERE qq.questionnaire_id = ? ORDER BY qq.position");
            list.bind(1, qns.integer(0));
            while (list.step())
                q.questions.push_back(list.text(0));
            doc.questionnaires.push_back(std::move(q));
        }
        return doc;
    });
}

}  // namespace samkoll::core
