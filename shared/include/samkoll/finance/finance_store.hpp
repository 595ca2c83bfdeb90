// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "samkoll/domain/date.hpp"
#include "samkoll/domain/entities.hpp"
#include "samkoll/domain/language.hpp"
#include "samkoll/domain/result.hpp"
#include "samkoll/finance/account_mapping.hpp"
#include "samkoll/finance/follow_up.hpp"
#include "samkoll/store/database.hpp"

namespace samkoll::core::finance {

std::string_view codeOf(LineGroup g);
std::optional<LineGroup> parseLineGroup(std::string_view text);
/// "Intäkter", "Kansli, styrelse och administration", …
std::string_view labelOf(LineGroup g, Language language = Language::Swedish);

/// A budget line as the kansli defines it.
struct LineDefinition {
    std::string code;
    std::string name;
    LineGroup group = LineGroup::Administration;
    std::string unit;    ///< the budget unit's code
    std::string team;    ///< an insats linked to a team (code), or empty
    std::string member;  ///< a member contribution line's member (code), or empty
};

/// Where an amount of utfall came from; a re-import replaces its own source
/// only. A month's utfall of a line is the entered amount when there is one
/// (the kansli's correction), else the SIE import's, else the CSV import's —
/// never their sum.
enum class OutcomeSource { Entered, Csv, Sie };

/// The recommended maximum equity's tiers (JSON, kronor):
/// {"tiers":[{"from":0,"to":7000000,"percent":20},{"from":7000000,"percent":15}],"applies_up_to":15000000}
inline constexpr const char* kEquityRuleSetting = "equity_rule";
/// How the kommuner's quarter of the member contributions is split:
/// "population_20_64" (default: aged 20–64 on 31 December two years before,
/// from the HÅE statistics) or "equal".
inline constexpr const char* kMemberKeySetting = "member_key";

/// Reads an equity rule as kEquityRuleSetting writes it; an error names what is wrong.
Result<EquityRule> parseEquityRule(std::string_view json);
std::string equityRuleToJson(const EquityRule& rule);

/// One line's utfall for one month.
struct OutcomeCell {
    std::string line;
    int year = 0;
    int month = 0;
    Amount amount = 0;
};

/// What an import changed (or would change) of a line's imported utfall for a month.
struct OutcomeChange {
    std::string line;
    int year = 0;
    int month = 0;
    Amount before = 0;
    Amount after = 0;
};

/// A year-month, as (year, month).
using YearMonth = std::pair<int, int>;

/// The förbund's money in the store (domain.md §6): units, lines, budgets
/// with versions, monthly utfall, prognos, opening equity. Every function
/// returns a Result; writes into a year the kansli has locked are refused with
/// the reason. One FinanceStore per Database, on that Database's thread.
class FinanceStore {
public:
    explicit FinanceStore(Database& db) : m_db(db) {}
    [[nodiscard]] Database& database() { return m_db; }

    Result<Id> addUnit(Id federationId, const std::string& code, const std::string& name, bool netBudgeted);
    Result<Id> addLine(Id federationId, const LineDefinition& line);
    /// Creates the line, or changes an existing line's name, group, unit and
    /// links; a unit that does not exist is created with its code as name.
    Status saveLine(Id federationId, const LineDefinition& line);
    Result<std::vector<LineDefinition>> lines(Id federationId);

    /// Sets the year's budget of a line (version 1 if the line has none for
    /// the year, else the version in force): a year amount, or twelve monthly
    /// amounts (the year is then their sum).
    Status setBudget(Id federationId, const std::string& lineCode, int year, Amount yearAmount,
                     const std::optional<std::array<Amount, 12>>& months = std::nullopt);
    /// A revised budget: a new version; the earlier ones stay.
    Status reviseBudget(Id federationId, const std::string& lineCode, int year, Amount yearAmount,
                        const std::optional<std::array<Amount, 12>>& months = std::nullopt);
    Status setOutcome(Id federationId, const std::string& lineCode, int year, int month, Amount amount,
                      OutcomeSource source = OutcomeSource::Entered);
    /// Clears what `source` gave for a line's month (the month's utfall falls back to the other sources).
    Status clearOutcome(Id federationId, const std::string& lineCode, int year, int month,
                        OutcomeSource source = OutcomeSource::Entered);
    /// The prognos for the full year; nullopt clears it (it is computed again).
    Status setForecast(Id federationId, const std::string& lineCode, int year, std::optional<Amount> amount);
    Status setOpeningEquity(Id federationId, int year, Amount amount);

    /// A figure the kansli enters, as it is stored now — what an edit of it
    /// would replace (the sync's conflict check compares it with what the
    /// editor saw): a line's own utfall for a month, its prognos, its budget
    /// for the year (the version in force), the year's opening equity.
    enum class Entered { Outcome, Forecast, Budget, OpeningEquity };
    /// nullopt when nothing is entered; `line` and `month` as the figure needs.
    Result<std::optional<Amount>> entered(Id federationId, Entered what, const std::string& lineCode, int year, int month = 0);

    /// A dated setting (domain.md §6): `value` applies from `validFrom` until a
    /// later one. Keys: kEquityRuleSetting, kMemberKeySetting.
    Status setSetting(Id federationId, const std::string& key, const Date& validFrom, const std::string& value);
    /// The setting in force on `day`, if any has been made.
    Result<std::optional<std::string>> setting(Id federationId, const std::string& key, const Date& day);
    /// Nationella rådet's recommendation as set for the year (in force on 31
    /// December), else the rule of 2024.
    Result<EquityRule> equityRule(Id federationId, int year);

    /// Replaces the förbund's account mapping (every rule's line must exist).
    Status setMapping(Id federationId, const std::vector<MappingRule>& rules);
    Result<std::vector<MappingRule>> mapping(Id federationId);

    /// An import of utfall: replaces everything `source` gave for `months`
    /// (every line) by `cells`, so importing the same period again changes
    /// nothing. Refused when a month lies in a locked year. With `apply`
    /// false nothing is written (a preview). Returns what changed, by line and month.
    Result<std::vector<OutcomeChange>> replaceImportedOutcome(Id federationId, OutcomeSource source,
                                                              const std::set<YearMonth>& months,
                                                              const std::vector<OutcomeCell>& cells,
                                                              const std::string& fileName, bool apply = true);

    /// The years that have a budget or utfall, newest first.
    Result<std::vector<int>> years(Id federationId);

    /// Every line with its figures for `year` (and last year's utfall), in one
    /// query per table.
    Result<std::vector<LineFigures>> yearFigures(Id federationId, int year);
    /// The same for every year from `firstYear` to `lastYear` (one element per
    /// year, in order), reading each table once: a year's utfall is also the
    /// next year's "last year".
    Result<std::vector<std::vector<LineFigures>>> yearsFigures(Id federationId, int firstYear, int lastYear);
    /// Opening equity: entered for the year, or the previous year's closing
    /// (its opening + its utfall), rolled forward from the last entered year.
    Result<Amount> openingEquity(Id federationId, int year);
    /// The opening equities entered, by year.
    Result<std::map<int, Amount>> enteredOpeningEquity(Id federationId);
    /// The year's allocation: the sum of the budgeted member contribution
    /// lines (income lines linked to a member).
    Result<Amount> allocation(Id federationId, int year);

private:
    Status writeBudget(Id federationId, const std::string& lineCode, int year, Amount yearAmount,
                       const std::optional<std::array<Amount, 12>>& months, bool newVersion);
    /// A line's unit, team and member as ids; a code that does not exist is a not_found error naming it.
    struct LineRefs {
        Id unit = 0;
        std::optional<Id> team;
        std::optional<Id> member;
    };
    Result<LineRefs> lineRefs(Id federationId, const LineDefinition& line);
    /// The line's id in the förbund, or a not_found error naming `field`.
    Result<Id> lineId(Id federationId, const std::string& code, const std::string& field = "line");
    Status checkUnlocked(Id federationId, int year, const std::string& field);
    /// Records in the change log that the förbund's finance `part` changed
    /// ("definitions", "settings" or a year), so devices download it again.
    void touch(Id federationId, const std::string& part);

    Database& m_db;
};

/// A year's follow-up for a month range, as the CLI, the server and the
/// reports show it: the driftredovisning and equity against the maximum.
struct FollowUp {
    OperatingReport report;
    EquityReport equity;  ///< its openingKnown says whether an opening equity was entered
    bool hasFigures = false;  ///< some line has a budget or utfall in the year
};

/// The equity rule is the one set for the year (FinanceStore::equityRule).
Result<FollowUp> followUp(FinanceStore& store, Id federationId, int year, MonthRange range);
/// The follow-up of every year from `firstYear` to `lastYear` for the same
/// month range, from one read of the figures, the equity rolled forward from
/// year to year (an entered opening equity wins) — the five-year overview and
/// a national set use this rather than a year at a time.
Result<std::vector<FollowUp>> followUpYears(FinanceStore& store, Id federationId, int firstYear, int lastYear,
                                            MonthRange range);

}  // namespace samkoll::core::finance
