// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace samkoll::core::finance {

/// Money in öre, signed as Samkoll keeps it (domain.md §6): income positive,
/// costs negative. Every sum is taken on these integers; tkr appear only when
/// presented (`toTkr`).
using Amount = std::int64_t;

inline constexpr Amount kKrona = 100;

/// Kronor as öre.
constexpr Amount kronor(std::int64_t kr)
{
    return kr * kKrona;
}

/// Rounds an amount to whole tkr, halves away from zero (−1 500 kr → −2 tkr).
std::int64_t toTkr(Amount amount);
/// Rounds an amount to whole kronor, halves away from zero.
std::int64_t toKronor(Amount amount);
/// Whole kronor with Swedish grouping ("1 234 567", "−12 500"), as screens and papers show an amount.
std::string kronorText(Amount amount);

/// The groups of a driftredovisning, in the order the årsredovisning shows them.
enum class LineGroup {
    Income,          ///< Intäkter (medlemsavgifter, övriga intäkter)
    Administration,  ///< Kansli, styrelse och administration
    Operations,      ///< Verksamhetsnära kostnader
    Interventions,   ///< Insatser (a line may be linked to a team)
    Financial,       ///< Finansiella poster
};
inline constexpr int kLineGroupCount = 5;

/// A budget line's figures for one year, as the follow-up needs them.
struct LineFigures {
    std::string code;
    std::string name;
    LineGroup group = LineGroup::Administration;
    std::string unit;                                ///< budget unit (e.g. "SAMO", an ESF project)
    Amount budgetYear = 0;                           ///< the year's budget (the version in force)
    std::optional<std::array<Amount, 12>> budgetMonths;  ///< a monthly budget, when given
    std::array<Amount, 12> outcome{};                ///< utfall per month
    std::array<Amount, 12> outcomePriorYear{};       ///< last year's utfall per month
    std::optional<Amount> forecast;                  ///< prognos for the full year entered by the kansli
};

/// Months 1–12 of a follow-up: a tertial to date is 1–4, 1–8 or 1–12.
struct MonthRange {
    int first = 1;
    int last = 12;
    [[nodiscard]] int months() const { return last - first + 1; }
    /// T1 = Jan–Apr, T2 = Jan–Aug, T3 = Jan–Dec (year to date, as the kansli follows up).
    static MonthRange tertialToDate(int tertial);
};

/// One line (or a sum of lines) of a driftredovisning for a month range.
struct Figures {
    Amount budgetYear = 0;
    Amount budgetPeriod = 0;      ///< monthly budget of the range, or the year's × months / 12
    Amount outcome = 0;           ///< utfall in the range
    Amount outcomePriorYear = 0;  ///< the same months a year earlier
    Amount deviation = 0;         ///< utfall − budget: positive is favourable for income and costs alike
    Amount forecast = 0;          ///< prognos for the full year
    Amount forecastDeviation = 0; ///< prognos − budget for the year
    bool forecastComputed = false;///< no prognos entered (for some line): utfall to date + the remaining months' budget

    /// Förbrukning: utfall / budget for the period, in tenths of a percent
    /// (rounded half away from zero); nullopt when the budget is 0.
    [[nodiscard]] std::optional<std::int64_t> consumptionPermille() const;
    Figures& operator+=(const Figures& other);
};

struct LineReport {
    std::string code;
    std::string name;
    LineGroup group = LineGroup::Administration;
    std::string unit;
    Figures figures;
};

struct GroupReport {
    LineGroup group = LineGroup::Administration;
    Figures figures;
};

struct UnitReport {
    std::string unit;
    std::vector<GroupReport> groups;  ///< groups that have lines, in LineGroup order
    Figures result;                   ///< the unit's result
};

/// Budget against outcome for a month range: per line, per group and unit,
/// and *verksamhetens resultat* (the sum over units).
struct OperatingReport {
    MonthRange range;
    std::vector<LineReport> lines;
    std::vector<UnitReport> units;
    Figures result;
};

/// The driftredovisning of `lines` for `range` (pure: figures in, figures out;
/// pass the lines by move when they are not needed afterwards).
OperatingReport operatingReport(std::vector<LineFigures> lines, MonthRange range);

/// One tier of Nationella rådet's recommended maximum equity ("trappan"):
/// `percent` of the allocation between `from` and `to` (nullopt = no upper end).
struct EquityTier {
    Amount from = 0;
    std::optional<Amount> to;
    int percent = 0;
};

/// The recommendation as the kansli has set it: the tiers, and the largest
/// allocation it applies to (15 mkr today).
struct EquityRule {
    std::vector<EquityTier> tiers;
    Amount appliesUpTo = 0;
    /// The rule of 2024: 20 % of the allocation up to 7 000 tkr and 15 % of the rest, for up to 15 mkr.
    static EquityRule nationalCouncil2024();
};

/// The recommended maximum equity for an allocation; nullopt when the rule
/// does not apply to an allocation that large. Rounded to whole kronor.
std::optional<Amount> recommendedMaximumEquity(Amount allocation, const EquityRule& rule);

/// Equity over the year against the recommended maximum.
struct EquityReport {
    Amount opening = 0;
    bool openingKnown = true;        ///< false: no opening equity entered, counted from 0
    Amount resultToDate = 0;         ///< utfall of the period
    Amount closingForecast = 0;      ///< opening + the year's prognos
    Amount closingBudget = 0;        ///< opening + the year's budgeted result
    std::optional<Amount> maximum;   ///< the recommended maximum (nullopt: does not apply)
    bool overMaximum = false;        ///< the forecast closing equity is above it
    /// maximum − closingForecast: negative = what the förbund must at least spend
    /// beyond the forecast to end under the maximum; positive = the most it may save.
    std::optional<Amount> room;
};

EquityReport equityReport(Amount opening, const OperatingReport& year, Amount allocation, const EquityRule& rule);

/// A member's part of the year's allocation.
struct MemberShare {
    std::string member;
    Amount amount = 0;  ///< whole kronor (as öre)
};

/// The members' contributions (domain.md §6): the state half (paid by
/// Försäkringskassan, also for Arbetsförmedlingen), the region(s) a quarter
/// split by `regionWeights` (equal when all 1), the kommuner a quarter split
/// by `kommunPopulation` (aged 20–64 by default). Whole kronor, largest
/// remainder at each step, so every sum adds up exactly to `allocation`.
std::vector<MemberShare> memberContributions(Amount allocation, const std::vector<std::pair<std::string, std::int64_t>>& regionWeights,
                                             const std::vector<std::pair<std::string, std::int64_t>>& kommunPopulation,
                                             const std::string& stateName = "Staten (Försäkringskassan)");

/// Cost per person or outcome: a (negative) cost divided by a count, as a
/// positive amount in whole kronor; nullopt when the count is 0.
std::optional<Amount> costPer(Amount cost, std::int64_t count);

/// Budget against outcome of one tertial on its own — T1 January–April, T2
/// May–August, T3 September–December — for the board's chart: income (the
/// income lines) and costs (every line but income and financial ones,
/// negative), as the five-year overview counts them.
struct TertialFigures {
    int tertial = 1;
    Amount budgetIncome = 0;
    Amount outcomeIncome = 0;
    Amount budgetCosts = 0;
    Amount outcomeCosts = 0;
    bool hasOutcome = false;  ///< some line has an utfall in one of the tertial's months
};
/// The three tertials of a year's lines.
std::vector<TertialFigures> tertialFigures(const std::vector<LineFigures>& lines);

/// One year of the five-year overview (as in the årsredovisning).
struct YearSummary {
    int year = 0;
    Amount income = 0;    ///< sum of positive lines' utfall (intäkter and financial income)
    Amount costs = 0;     ///< sum of the cost lines' utfall (negative)
    Amount result = 0;    ///< income + costs
    Amount equity = 0;    ///< closing equity
};

/// The year's summary from its full-year operating report and opening equity.
YearSummary yearSummary(int year, const OperatingReport& fullYear, Amount openingEquity);

}  // namespace samkoll::core::finance
