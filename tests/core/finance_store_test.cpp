// SPDX-License-Identifier: GPL-3.0-or-later
// The finance store: units, lines, budgets with versions, utfall, prognos,
// equity roll-forward and period locks, read back as the follow-up's figures.
#include "fixtures.hpp"

#include "samkoll/finance/finance_store.hpp"
#include "samkoll/io/csv.hpp"

using namespace samkoll::test;
using namespace samkoll::core::finance;

namespace {

struct FinanceFixture : Fixture {
    FinanceStore store{*db};
    FinanceFixture() : Fixture(false)
    {
        REQUIRE(store.addUnit(fed, "SAMO", "Ordinarie verksamhet", false));
        REQUIRE(store.addLine(fed, {"avgift-ka", "Medlemsavgift Kommun A", LineGroup::Income, "SAMO", "", "ka"}));
        REQUIRE(store.addLine(fed, {"kansli", "Kanslipersonal", LineGroup::Administration, "SAMO", "", ""}));
        REQUIRE(store.addLine(fed, {"insats-ta", "Samordningsteamet A", LineGroup::Interventions, "SAMO", "ta", ""}));
    }
};

}  // namespace

TEST_CASE("Finance store: lines, budgets with versions, utfall and prognos read back as figures", "[core][finance][store]")
{
    FinanceFixture fx;
    REQUIRE(fx.store.setBudget(fx.fed, "avgift-ka", 2021, kronor(2'000'000)));
    REQUIRE(fx.store.setBudget(fx.fed, "kansli", 2021, kronor(-1'200'000)));
    REQUIRE(fx.store.setBudget(fx.fed, "insats-ta", 2021, kronor(-600'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "kansli", 2021, 1, kronor(-100'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "kansli", 2021, 1, kronor(-90'000)));  // a correction replaces it
    REQUIRE(fx.store.setOutcome(fx.fed, "kansli", 2020, 1, kronor(-80'000)));
    REQUIRE(fx.store.setForecast(fx.fed, "kansli", 2021, kronor(-1'150'000)));

    auto figures = fx.store.yearFigures(fx.fed, 2021);
    REQUIRE(figures);
    REQUIRE(figures->size() == 3);
    const auto& kansli = (*figures)[1];
    CHECK(kansli.code == "kansli");
    CHECK(kansli.group == LineGroup::Administration);
    CHECK(kansli.budgetYear == kronor(-1'200'000));
    CHECK(kansli.outcome[0] == kronor(-90'000));
    CHECK(kansli.outcomePriorYear[0] == kronor(-80'000));
    CHECK(kansli.forecast == kronor(-1'150'000));
    CHECK(fx.store.allocation(fx.fed, 2021).value() == kronor(2'000'000));  // the member line

    SECTION("a revised budget is a new version; the original stays")
    {
        REQUIRE(fx.store.reviseBudget(fx.fed, "kansli", 2021, kronor(-1'300'000)));
        CHECK(fx.store.yearFigures(fx.fed, 2021)->at(1).budgetYear == kronor(-1'300'000));
        CHECK(fx.count("line_budget") == 4);
    }
    SECTION("a monthly budget: the year is its sum")
    {
        std::array<Amount, 12> months{};
        months[0] = kronor(-50'000);
        months[6] = kronor(-70'000);
        REQUIRE(fx.store.setBudget(fx.fed, "insats-ta", 2021, 0, months));
        const auto f = fx.store.yearFigures(fx.fed, 2021)->at(2);
        CHECK(f.budgetYear == kronor(-120'000));
        REQUIRE(f.budgetMonths);
        CHECK((*f.budgetMonths)[6] == kronor(-70'000));
    }
    SECTION("unknown lines, units and teams are named")
    {
        auto line = fx.store.setOutcome(fx.fed, "nope", 2021, 1, 1);
        REQUIRE_FALSE(line);
        CHECK(line.error().field == "line");
        auto unit = fx.store.addLine(fx.fed, {"x", "X", LineGroup::Operations, "NOPE", "", ""});
        REQUIRE_FALSE(unit);
        CHECK(unit.error().field == "unit");
        auto dup = fx.store.addLine(fx.fed, {"kansli", "Igen", LineGroup::Operations, "SAMO", "", ""});
        REQUIRE_FALSE(dup);
        CHECK(dup.error().code == "duplicate");
        CHECK_FALSE(fx.store.setOutcome(fx.fed, "kansli", 2021, 13, 1));
    }
}

TEST_CASE("Finance store: opening equity rolls forward, and a locked year refuses changes", "[core][finance][store]")
{
    FinanceFixture fx;
    CHECK_FALSE(fx.store.openingEquity(fx.fed, 2020));  // nothing entered yet: says so
    REQUIRE(fx.store.setOpeningEquity(fx.fed, 2020, kronor(2'500'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "avgift-ka", 2020, 3, kronor(1'000'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "kansli", 2020, 6, kronor(-1'300'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "kansli", 2021, 6, kronor(-100'000)));
    CHECK(fx.store.openingEquity(fx.fed, 2020).value() == kronor(2'500'000));
    CHECK(fx.store.openingEquity(fx.fed, 2021).value() == kronor(2'200'000));  // 2 500 + 1 000 − 1 300
    CHECK(fx.store.openingEquity(fx.fed, 2022).value() == kronor(2'100'000));

    REQUIRE(fx.repo->lockYear(fx.fed, 2021, "kansliet", "{}"));
    auto refused = fx.store.setOutcome(fx.fed, "kansli", 2021, 7, kronor(-1));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "locked_period");
    CHECK(refused.error().message.find("2021") != std::string::npos);
    CHECK_FALSE(fx.store.setBudget(fx.fed, "kansli", 2021, 1));
    CHECK_FALSE(fx.store.setForecast(fx.fed, "kansli", 2021, 1));
    CHECK(fx.store.setOutcome(fx.fed, "kansli", 2022, 1, kronor(-1)));  // the next year is open
}

TEST_CASE("Kronor as typed: grouping, decimal comma, minus signs, exact öre", "[core][finance]")
{
    using samkoll::core::parseKronor;
    CHECK(parseKronor("125000") == 12'500'000);
    CHECK(parseKronor("-1 234 567,50") == -123'456'750);
    CHECK(parseKronor("\u2212" "12,5") == -1'250);
    CHECK(parseKronor("0,05") == 5);
    CHECK(parseKronor("1.5") == 150);
    CHECK_FALSE(parseKronor("1,234"));  // three decimals: not kronor and öre
    CHECK_FALSE(parseKronor("tio"));
    CHECK_FALSE(parseKronor(""));
    CHECK_FALSE(parseKronor("-"));
}
