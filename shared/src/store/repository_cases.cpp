// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/store/repository.hpp"

#include "rows.hpp"

#include "samkoll/domain/personnummer.hpp"

namespace samkoll::core {

using namespace rows;

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
            auto st = m_db.cached(std::string("SELECT ") + kCaseColumns + " FROM cases WHERE uid = ? AND deleted = 0");
            st->bind(1, c.uid);
            if (st->step())
                old = readCase(*st);
            st->reset();
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
            if (!old || caseFootprint(*old, y) != caseFootprint(c, y))
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
                .bind(13, joinIncomeSupport(c.incomeSupport))
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
                auto st = m_db.cached(
                    "UPDATE cases SET uid = ?1, team_id = ?2, code = ?3, gender = ?4, birth_year = ?5, referral_date = ?6, "
                    "referring_party = ?7, decision = ?8, decision_date = ?9, start_date = ?10, exit_date = ?11, "
                    "exit_outcome = ?12, income_support = ?13, education = ?14, support_duration = ?15, "
                    "federation_id = ?16, clocks = coalesce(?17, clocks) WHERE uid = ?1");
                bindAll(*st);
                st->run();
            } else {
                auto st = m_db.cached(std::string("INSERT INTO cases (") + kCaseColumns +
                                       ", federation_id, clocks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                                       "?12, ?13, ?14, ?15, ?16, coalesce(?17, '{}'))");
                bindAll(*st);
                st->run();
            }
        } catch (const StoreError& e) {
            if (e.isUniqueViolation())
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
        auto st = m_db.cached(std::string("SELECT ") + kCaseColumns + " FROM cases WHERE uid = ? AND deleted = 0");
        st->bind(1, uid);
        if (!st->step())
            return makeError("not_found", "uid", "ärendet finns inte");
        Case c = readCase(*st);
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
            if (isLocked(federationId, y) && !caseFootprint(*existing, y).empty())
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

}  // namespace samkoll::core
