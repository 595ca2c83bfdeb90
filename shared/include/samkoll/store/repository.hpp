// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "samkoll/domain/case.hpp"
#include "samkoll/domain/case_status.hpp"
#include "samkoll/domain/entities.hpp"
#include "samkoll/domain/result.hpp"
#include "samkoll/index/indicator.hpp"
#include "samkoll/index/budget_document.hpp"
#include "samkoll/store/database.hpp"
#include "samkoll/store/uid.hpp"

namespace samkoll::core {

/// Filters of the coordinator's case list.
/// A fastställt (locked) year.
struct PeriodLock {
    int year = 0;
    std::string lockedAt;  ///< "2022-03-15T09:12:00Z"
    std::string lockedBy;  ///< who approved it ("Styrelsen 2022-03-14 § 12")
    std::string snapshot;  ///< the index as approved (index_snapshot.hpp)
};

struct CaseQuery {
    Id teamId = 0;
    std::optional<CaseStatus> status;
    std::optional<int> year;        ///< cases open at some point during the year
    std::string search;             ///< part of the code, case-insensitive
    std::optional<Date> afterReferral;  ///< keyset: the last row seen
    std::string afterCode;
    std::string uid;                ///< only this case (re-reading one row of the list)
};

/// A case as listed, with whether it still has changes waiting to be synced.
struct CaseListRow {
    Case c;
    bool pendingSync = false;
};

/// The domain's reads and writes over one Database. Every write validates its
/// input, checks period locks and runs in a transaction (a savepoint when the
/// caller already holds one, so imports stay all-or-nothing). Every public
/// function returns a Result; no exception leaves this class (isLocked, used
/// inside transactions, is the one documented exception: it throws StoreError).
///
/// One store file per group of tables (shared/src/store/): repository_organisation
/// (förbund, members, teams), repository_cases (cases and the case list),
/// repository_surveys (definitions, rounds, tallies), repository_inputs (stories,
/// composition, HÅE, judgments), repository_budget (social budget), period_locks.
/// Threads: a Repository and its Database belong to the thread that uses them
/// (one connection per thread; the client's database thread, a server I/O thread).
class Repository {
public:
    explicit Repository(Database& db) : m_db(db) {}

    [[nodiscard]] Database& database() { return m_db; }

    // --- Organisation ---------------------------------------------------------
    Result<Id> addFederation(const std::string& code, const std::string& name);
    Result<std::vector<Federation>> federations();
    /// By code; with an empty code, the only förbund (an error names the choices when there are several).
    Result<Federation> federation(const std::string& code);
    Result<Id> addMember(Id federationId, const std::string& code, const std::string& name, MemberKind kind);
    Result<std::vector<Member>> members(Id federationId);
    Result<Id> addTeam(Id federationId, const std::string& code, const std::string& name,
                       const std::optional<std::string>& kommunCode);
    Result<std::vector<Team>> teams(Id federationId);
    Result<Team> team(Id federationId, const std::string& code);

    // --- Cases -----------------------------------------------------------------
    /// Creates (empty or unknown uid) or updates a case. Validates the lifecycle
    /// against `today`, refuses a team change and changes to locked years.
    /// `syncClocks` (the server's per-field clocks, JSON) is written with the
    /// row when given; otherwise the stored clocks stay as they are.
    Result<std::string> saveCase(Case c, Date today, std::optional<std::string_view> syncClocks = std::nullopt);
    Result<Case> caseByUid(const std::string& uid);
    Result<std::vector<Case>> casesOfTeam(Id teamId);
    /// Tombstones the case (it stays for sync, out of every count).
    Status deleteCase(const std::string& uid);
    /// Brings a tombstoned case back (undo of a delete that has not left the device).
    Status restoreCase(const std::string& uid);
    /// One page of a team's case list, newest referral first (keyset paging:
    /// pass the last row's referral date and code to get the next page).
    Result<std::vector<CaseListRow>> casePage(const CaseQuery& query, int limit);
    /// How many cases match, for "1 234 ärenden".
    Result<std::int64_t> caseCount(const CaseQuery& query);

    // --- Surveys ---------------------------------------------------------------
    /// Stores scales, questions and questionnaires; an existing definition with
    /// the same code must be identical (question wording is kept verbatim).
    Status saveSurveyDefinitions(Id federationId, const BudgetDocument& doc);
    /// Options of a stored question, by code; nullopt when there is no such
    /// question (a storage failure is an error, never "not found").
    Result<std::optional<std::vector<std::string>>> questionOptions(Id federationId, const std::string& questionCode);
    /// Finds or creates the round; sets `invited` when given.
    Result<Id> ensureRound(Id federationId, const std::string& questionnaireCode, RespondentGroup group,
                           std::optional<Id> teamId, const Period& period, std::optional<std::int64_t> invited);
    /// Appends one immutable tally delta. Refuses unknown options, questions
    /// outside the questionnaire, a total that would fall below zero and locked years.
    Result<std::string> addTally(TallyDelta t);

    // --- Other inputs ----------------------------------------------------------
    Result<std::string> saveStory(Story s);
    /// The stories dated in the period, oldest first: one team's, or (no team)
    /// every team's and the förbund's own.
    Result<std::vector<Story>> stories(Id federationId, std::optional<Id> teamId, const Period& period);
    Status setComposition(const Composition& c);
    Status setHaeStatistic(const HaeStatistic& s);
    /// The förbund's kommuner's HÅE statistics for a year (those that have one).
    Result<std::vector<HaeStatistic>> haeStatistics(Id federationId, int year);
    /// Sets a judgment (replacing the unit's earlier one for the indicator and
    /// year), with who made it and when — now, to the millisecond, unless given.
    Status setManualAssessment(const ManualAssessment& m);
    /// Writes a judgment as it is, without the checks (the server's copy arriving on a device).
    Status storeManualAssessment(const ManualAssessment& m);
    /// Takes a judgment away: the unit is not assessable on the indicator again.
    Status clearManualAssessment(Id federationId, const std::string& indicatorCode, std::optional<Id> teamId, int year);
    /// The year's judgments, by indicator and then unit (the förbund first).
    Result<std::vector<ManualAssessment>> manualAssessments(Id federationId, int year);

    // --- Social budget ---------------------------------------------------------
    /// Stores the survey definitions and the budget; replaces an existing budget
    /// of the same year only when `replace` (and the year is not locked).
    Result<Id> saveBudget(Id federationId, const BudgetDocument& doc, bool replace);
    Result<SocialBudget> budget(Id federationId, int year);
    /// Years that have a social budget.
    Result<std::vector<int>> budgetYears(Id federationId);
    /// Tells the devices (through the change log: entity "configuration") that
    /// the förbund's configuration — its social budgets, teams, questions —
    /// changed, so that each fetches it again at its next sync.
    Status noteConfigurationChanged(Id federationId);
    /// The latest year up to `notAfter` that has a social budget and cases of
    /// the team (or the förbund) going on in it — where the Översikt opens.
    Result<std::optional<int>> latestYearWithData(Id federationId, std::optional<Id> teamId, int notAfter);
    /// The förbund's survey definitions (all scales, questions, questionnaires)
    /// with the budget of `year`, as a document that importBudget accepts.
    Result<BudgetDocument> budgetDocument(Id federationId, int year);

    // --- Period locks ----------------------------------------------------------
    bool isLocked(Id federationId, int year);
    Status lockYear(Id federationId, int year, const std::string& lockedBy, const std::string& snapshotJson);
    Status unlockYear(Id federationId, int year);
    /// The lock of a year: when, by whom, and the index as approved
    /// (index_snapshot.hpp). not_locked when the year is open.
    Result<PeriodLock> periodLock(Id federationId, int year);

private:
    Status checkUnlocked(Id federationId, int year, const std::string& field);
    /// A team given with a förbund's data must belong to that förbund.
    Status checkTeam(Id federationId, const std::optional<Id>& teamId);
    Id federationOfTeam(Id teamId);

    Database& m_db;
    /// A team never moves to another förbund: looked up once per Repository.
    std::map<Id, Id> m_federationOfTeam;
};

/// "2021 är fastställt och låst …" — the refusal for a write into a locked year.
Error lockedError(int year, const std::string& field);

}  // namespace samkoll::core
