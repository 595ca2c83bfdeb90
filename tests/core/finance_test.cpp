// SPDX-License-Identifier: GPL-3.0-or-later
// The financial follow-up's pure computations (domain.md §6) with figures
// checked by hand.
#include <catch2/catch.hpp>

#include <numeric>

#include "samkoll/domain/arithmetic.hpp"
#include "samkoll/finance/follow_up.hpp"

using namespace samkoll::core;
using namespace samkoll::core::finance;

namespace {

LineFigures line(std::string code, LineGroup group, std::string unit, Amount budgetYear)
{
    LineFigures l;
    l.code = code;
    l.name = code;
    l.group = group;
    l.unit = std::move(unit);
    l.budgetYear = budgetYear;
    return l;
}

}  // namespace

TEST_CASE("tkr are rounded per cell from kronor, half away from zero, sums from kronor", "[core][finance]")
{
    CHECK(toTkr(kronor(1'499)) == 1);
    CHECK(toTkr(kronor(1'500)) == 2);
    CHECK(toTkr(kronor(-1'500)) == -2);
    CHECK(toTkr(kronor(-1'499)) == -1);
    CHECK(toTkr(kronor(1'499) + 99) == 1);  // 1 499,99 kr
    // Three cells of 1 400 kr each show 1 tkr, but their sum is 4 tkr, not 3.
    const Amount cell = kronor(1'400);
    CHECK(toTkr(cell) + toTkr(cell) + toTkr(cell) == 3);
    CHECK(toTkr(cell + cell + cell) == 4);
    CHECK(toKronor(250) == 3);     // 2,50 kr
    CHECK(toKronor(-250) == -3);
}

TEST_CASE("Largest-remainder splits add up exactly", "[core][finance]")
{
    CHECK(splitLargestRemainder(100, {1, 1, 1}) == std::vector<std::int64_t>{34, 33, 33});  // ties: the earlier
    CHECK(splitLargestRemainder(10, {0, 3, 0, 1}) == std::vector<std::int64_t>{0, 8, 0, 2});  // 7,5 and 2,5 → 8 and 2
    CHECK(splitLargestRemainder(0, {1, 2}) == std::vector<std::int64_t>{0, 0});
    const std::vector<std::int64_t> populations{80'000, 5'000, 3'000, 4'000, 4'200, 1'400};
    for (std::int64_t total : {1, 7, 999'999, 2'845'000, 2'845'001}) {
        const auto parts = splitLargestRemainder(total, populations);
        CHECK(std::accumulate(parts.begin(), parts.end(), std::int64_t{0}) == total);
    }
}

TEST_CASE("Driftredovisning per tertial: deviations, förbrukning, computed and entered prognos", "[core][finance]")
{
    // Member fees budgeted per quarter (a monthly budget), 12 000 000 kr a year.
    auto fees = line("medlemsavgifter", LineGroup::Income, "SAMO", kronor(12'000'000));
    fees.budgetMonths = std::array<Amount, 12>{};
    for (int m : {0, 3, 6, 9})
        (*fees.budgetMonths)[static_cast<std::size_t>(m)] = kronor(3'000'000);
    fees.outcome[0] = kronor(3'000'000);
    fees.outcome[3] = kronor(3'000'000);
    fees.outcome[6] = kronor(2'500'000);
    fees.outcomePriorYear[0] = kronor(2'900'000);
    fees.forecast = kronor(11'500'000);  // entered by the kansli
    // Staff: −1 200 000 kr a year, no monthly budget; 100 000 kr a month
    // spent, 150 000 kr in August.
    auto staff = line("kanslipersonal", LineGroup::Administration, "SAMO", kronor(-1'200'000));
    for (int m = 0; m < 8; ++m)
        staff.outcome[static_cast<std::size_t>(m)] = kronor(m == 7 ? -150'000 : -100'000);

    const auto t2 = operatingReport({fees, staff}, MonthRange::tertialToDate(2));
    REQUIRE(t2.lines.size() == 2);
    const auto& f = t2.lines[0].figures;
    CHECK(f.budgetYear == kronor(12'000'000));
    CHECK(f.budgetPeriod == kronor(9'000'000));  // Jan, Apr, Jul
    CHECK(f.outcome == kronor(8'500'000));
    CHECK(f.deviation == kronor(-500'000));      // less income than budgeted: unfavourable
    CHECK(f.consumptionPermille() == 944);       // 94,4 %
    CHECK(f.outcomePriorYear == kronor(2'900'000));
    CHECK(f.forecast == kronor(11'500'000));
    CHECK_FALSE(f.forecastComputed);
    CHECK(f.forecastDeviation == kronor(-500'000));

    const auto& s = t2.lines[1].figures;
    CHECK(s.budgetPeriod == kronor(-800'000));   // 8/12 of the year
    CHECK(s.outcome == kronor(-850'000));
    CHECK(s.deviation == kronor(-50'000));       // spent more than budgeted: unfavourable
    CHECK(s.consumptionPermille() == 1063);      // 106,25 % rounded half away
    CHECK(s.forecastComputed);
    CHECK(s.forecast == kronor(-1'250'000));     // −850 000 to date + 4/12 of −1 200 000
    CHECK(s.forecastDeviation == kronor(-50'000));

    REQUIRE(t2.units.size() == 1);
    CHECK(t2.units[0].groups.size() == 2);
    CHECK(t2.result.budgetPeriod == kronor(8'200'000));
    CHECK(t2.result.outcome == kronor(7'650'000));
    CHECK(t2.result.deviation == kronor(-550'000));
    CHECK(t2.result.forecast == kronor(10'250'000));
    CHECK(t2.result.forecastComputed);  // one of its lines is computed: the total says so

    SECTION("T1 and the whole year")
    {
        const auto t1 = operatingReport({fees, staff}, MonthRange::tertialToDate(1));
        CHECK(t1.result.budgetPeriod == kronor(6'000'000 - 400'000));
        const auto year = operatingReport({fees, staff}, MonthRange::tertialToDate(3));
        CHECK(year.lines[1].figures.budgetPeriod == kronor(-1'200'000));
        CHECK(year.lines[1].figures.forecast == kronor(-850'000));  // nothing left to budget
    }
}

TEST_CASE("A net-budgeted project: only its result has a budget", "[core][finance]")
{
    auto net = line("esf-netto", LineGroup::Financial, "ESF Steget", kronor(20'000));
    auto income = line("esf-intakter", LineGroup::Income, "ESF Steget", 0);
    auto costs = line("esf-kostnader", LineGroup::Interventions, "ESF Steget", 0);
    for (int m = 0; m < 12; ++m) {
        income.outcome[static_cast<std::size_t>(m)] = kronor(50'000);
        costs.outcome[static_cast<std::size_t>(m)] = kronor(-48'000);
    }
    auto samo = line("kansli", LineGroup::Administration, "SAMO", kronor(-120'000));
    for (int m = 0; m < 12; ++m)
        samo.outcome[static_cast<std::size_t>(m)] = kronor(-10'000);
    const auto year = operatingReport({samo, income, costs, net}, MonthRange::tertialToDate(3));
    CHECK_FALSE(year.lines[1].figures.consumptionPermille());  // no budget on the project's lines
    REQUIRE(year.units.size() == 2);
    CHECK(year.units[0].unit == "SAMO");
    const auto& project = year.units[1];
    CHECK(project.unit == "ESF Steget");
    CHECK(project.result.budgetYear == kronor(20'000));
    CHECK(project.result.outcome == kronor(24'000));  // 600 000 − 576 000
    CHECK(project.result.deviation == kronor(4'000));
    // Verksamhetens resultat = the sum over units.
    CHECK(year.result.outcome == kronor(-120'000 + 24'000));
    CHECK(year.result.budgetYear == kronor(-120'000 + 20'000));
}

TEST_CASE("The recommended maximum equity (trappan) and equity over the year", "[core][finance]")
{
    const auto rule = EquityRule::nationalCouncil2024();
    CHECK(recommendedMaximumEquity(kronor(11'380'000), rule) == kronor(2'057'000));  // 1 400 + 657 tkr
    CHECK(recommendedMaximumEquity(kronor(6'000'000), rule) == kronor(1'200'000));
    CHECK(recommendedMaximumEquity(kronor(7'000'000), rule) == kronor(1'400'000));
    CHECK(recommendedMaximumEquity(kronor(15'000'000), rule) == kronor(2'600'000));
    CHECK_FALSE(recommendedMaximumEquity(kronor(15'000'001), rule));  // the rule does not apply
    CHECK(recommendedMaximumEquity(kronor(1) + 50, rule) == kronor(0));  // 1,50 kr × 20 % = 0,30 kr → 0 kr

    // Opening 2 500 tkr; the year's prognos −300 tkr; budget −100 tkr.
    auto admin = line("kansli", LineGroup::Administration, "SAMO", kronor(-100'000));
    admin.forecast = kronor(-300'000);
    admin.outcome[0] = kronor(-120'000);
    const auto year = operatingReport({admin}, MonthRange::tertialToDate(1));
    const auto e = equityReport(kronor(2'500'000), year, kronor(11'380'000), rule);
    CHECK(e.resultToDate == kronor(-120'000));
    CHECK(e.closingForecast == kronor(2'200'000));
    CHECK(e.closingBudget == kronor(2'400'000));
    CHECK(e.maximum == kronor(2'057'000));
    CHECK(e.overMaximum);
    CHECK(e.room == kronor(-143'000));  // spend at least 143 tkr more to end under the maximum

    const auto under = equityReport(kronor(1'000'000), year, kronor(11'380'000), rule);
    CHECK_FALSE(under.overMaximum);
    CHECK(under.room == kronor(2'057'000 - 700'000));  // the most it may save
}

TEST_CASE("Member contributions: half, a quarter, a quarter by population, adding up exactly", "[core][finance]")
{
    const std::vector<std::pair<std::string, std::int64_t>> kommuner{
        {"Umeå", 80'000}, {"Vännäs", 5'000}, {"Vindeln", 3'000}, {"Robertsfors", 4'000}, {"Nordmaling", 4'200}, {"Bjurholm", 1'400}};
    const auto shares = memberContributions(kronor(11'380'001), {{"Region Västerbotten", 1}}, kommuner);
    REQUIRE(shares.size() == 8);
    CHECK(shares[0].amount == kronor(5'690'001));  // half of an odd total: the largest remainder
    CHECK(shares[1].member == "Region Västerbotten");
    CHECK(shares[1].amount == kronor(2'845'000));
    Amount kommunSum = 0, total = 0;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        total += shares[i].amount;
        CHECK(shares[i].amount % kKrona == 0);  // whole kronor
        if (i >= 2)
            kommunSum += shares[i].amount;
    }
    CHECK(total == kronor(11'380'001));
    CHECK(kommunSum == kronor(2'845'000));
    CHECK(shares[2].amount == kronor(2'331'967));  // Umeå: 2 845 000 × 80 000 / 97 600 = 2 331 967,2
    SECTION("two regions share their quarter")
    {
        // 1 000 002 kr: 500 001 to the state; the two quarters are 250 000,5
        // each, and the tie in the remainder goes to the earlier (the regions).
        const auto two = memberContributions(kronor(1'000'002), {{"Region A", 1}, {"Region B", 1}}, kommuner);
        CHECK(two[0].amount == kronor(500'001));
        CHECK(two[1].amount + two[2].amount == kronor(250'001));
        CHECK(two[1].amount == kronor(125'001));
        CHECK(two[2].amount == kronor(125'000));
    }
}

TEST_CASE("Cost per participant and outcome, and the year's summary", "[core][finance]")
{
    CHECK(costPer(kronor(-1'250'000), 37) == kronor(33'784));  // 33 783,78
    CHECK(costPer(kronor(-1'250'000), 0) == std::nullopt);
    auto fees = line("medlemsavgifter", LineGroup::Income, "SAMO", kronor(1'000'000));
    fees.outcome[0] = kronor(1'000'000);
    auto grant = line("insats-vannas", LineGroup::Interventions, "SAMO", kronor(-900'000));
    grant.outcome[5] = kronor(-950'000);
    auto interest = line("ranta", LineGroup::Financial, "SAMO", 0);
    interest.outcome[11] = kronor(2'000);
    const auto year = operatingReport({fees, grant, interest}, MonthRange::tertialToDate(3));
    const auto s = yearSummary(2021, year, kronor(500'000));
    CHECK(s.income == kronor(1'000'000));
    CHECK(s.costs == kronor(-950'000));
    CHECK(s.result == kronor(52'000));
    CHECK(s.equity == kronor(552'000));
}
