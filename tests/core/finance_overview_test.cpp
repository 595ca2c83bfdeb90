// SPDX-License-Identifier: GPL-3.0-or-later
// The year's financial follow-up as the CLI, the server and the reports show
// it: member contributions by the HÅE population key (hand-checked), cost per
// participant and outcome from the team's own cases, the board's suppression,
// dated settings, the five-year overview and the CSV tables.
#include "fixtures.hpp"

#include <nlohmann/json.hpp>

#include "samkoll/finance/finance_store.hpp"
#include "samkoll/report/document.hpp"
#include "samkoll/report/finance_report.hpp"
#include "samkoll/report/participant_stats.hpp"

using namespace samkoll::test;
using namespace samkoll::core::finance;

namespace {

struct OverviewFixture : Fixture {
    FinanceStore store{*db};
    OverviewFixture() : Fixture(false)
    {
        REQUIRE(repo->addMember(fed, "rv", "Region V", MemberKind::Region));
        REQUIRE(store.addUnit(fed, "SAMO", "Ordinarie verksamhet", false));
        REQUIRE(store.addLine(fed, {"avgift-staten", "Medlemsavgift staten", LineGroup::Income, "SAMO", "", "af"}));
        REQUIRE(store.addLine(fed, {"avgift-ka", "Medlemsavgift Kommun A", LineGroup::Income, "SAMO", "", "ka"}));
        REQUIRE(store.addLine(fed, {"kansli", "Kanslipersonal", LineGroup::Administration, "SAMO", "", ""}));
        REQUIRE(store.addLine(fed, {"insats-ta", "Insats Team A", LineGroup::Interventions, "SAMO", "ta", ""}));
        // Allocation 2025: 3 000 000 + 1 000 000 kr.
        REQUIRE(store.setBudget(fed, "avgift-staten", 2025, kronor(3'000'000)));
        REQUIRE(store.setBudget(fed, "avgift-ka", 2025, kronor(1'000'000)));
        REQUIRE(store.setBudget(fed, "kansli", 2025, kronor(-1'200'000)));
        REQUIRE(store.setBudget(fed, "insats-ta", 2025, kronor(-2'000'000)));
        for (int m = 1; m <= 8; ++m)
            REQUIRE(store.setOutcome(fed, "insats-ta", 2025, m, kronor(-15'000)));  // 120 000 kr Jan–Aug
        // Population aged 20–64 on 31 December 2023, two years before 2025.
        REQUIRE(repo->setHaeStatistic({kommunA, 2023, 1000, 0, 0, 0, 30'000}));
        REQUIRE(repo->setHaeStatistic({kommunB, 2023, 300, 0, 0, 0, 10'000}));
        REQUIRE(repo->setHaeStatistic({kommunC, 2023, 600, 0, 0, 0, 20'000}));
    }

    FinanceOverview overview(std::optional<int> tertial = 2, int suppressBelow = 0)
    {
        auto o = computeFinanceOverview(*db, fed, 2025, tertial, suppressBelow);
        INFO((o ? std::string() : o.error().describe()));
        REQUIRE(o);
        return *o;
    }
};

Amount shareOf(const FinanceOverview& o, const std::string& member)
{
    for (const auto& m : o.contributions)
        if (m.member == member)
            return m.amount;
    FAIL("no share for " << member);
    return 0;
}

}  // namespace

TEST_CASE("Finance overview: the driftredovisning's labels follow the language, the cells do not", "[core][finance][report]")
{
    OverviewFixture fx;
    const auto o = fx.overview();
    const auto sv = operatingReportRows(o.followUp.report);
    const auto en = operatingReportRows(o.followUp.report, Language::English);
    REQUIRE(sv.size() == en.size());
    bool sawSum = false;
    for (std::size_t i = 0; i < sv.size(); ++i) {
        CHECK(sv[i].cells == en[i].cells);
        CHECK(sv[i].kind == en[i].kind);
        if (sv[i].kind == OperatingReportRow::Kind::Line)
            CHECK(sv[i].label == en[i].label);  // the förbund's own line names stay as written
        if (sv[i].kind == OperatingReportRow::Kind::GroupSum && sv[i].label == "Summa Intäkter") {
            CHECK(en[i].label == "Total Income");
            sawSum = true;
        }
    }
    CHECK(sawSum);
    CHECK(en.back().label == "Operating result");
    const auto eqSv = equityText(o.followUp.equity);
    const auto eqEn = equityText(o.followUp.equity, Language::English);
    REQUIRE(eqSv.rows.size() == eqEn.rows.size());
    CHECK(eqEn.rows[0].label == "Opening equity");
    CHECK(eqEn.rows[0].tkr == eqSv.rows[0].tkr);
    CHECK(eqEn.verdict != eqSv.verdict);
    CHECK(FinanceReportHeader::of("F", 2025, 2, Language::English).periodLabel == "2025 T2 (Jan–Aug)");
    CHECK(FinanceReportHeader::of("F", 2025, 2).periodLabel == "2025 T2 (jan–aug)");
}

TEST_CASE("Finance overview: member contributions split 2:1:1 and the kommuner by population, adding up exactly",
          "[core][finance][overview]")
{
    OverviewFixture fx;
    const auto o = fx.overview();
    CHECK(o.allocation == kronor(4'000'000));
    REQUIRE(o.contributions.size() == 5);  // the state, the region, three kommuner
    CHECK(shareOf(o, "Staten (Arbetsförmedlingen)") == kronor(2'000'000));
    CHECK(shareOf(o, "Region V") == kronor(1'000'000));
    // 1 000 000 kr by 30 000 : 10 000 : 20 000 = 500 000, 166 666,67, 333 333,33;
    // whole kronor by largest remainder: the extra krona goes to Kommun B (0,67).
    CHECK(shareOf(o, "Kommun A") == kronor(500'000));
    CHECK(shareOf(o, "Kommun B") == kronor(166'667));
    CHECK(shareOf(o, "Kommun C") == kronor(333'333));
    Amount sum = 0;
    for (const auto& m : o.contributions)
        sum += m.amount;
    CHECK(sum == o.allocation);
    CHECK_THAT(o.contributionKey, Catch::Contains("31 december 2023"));

    SECTION("a missing population says what to import and splits nothing")
    {
        fx.db->prepare("DELETE FROM hae_statistic WHERE kommun_id = ?").bind(1, fx.kommunC).run();
        const auto missing = fx.overview();
        CHECK(missing.contributions.empty());
        REQUIRE(missing.notes.size() == 1);
        CHECK_THAT(missing.notes[0], Catch::Contains("Kommun C") && Catch::Contains("samkolld import hae"));
    }
    SECTION("the key is a dated setting: equal shares from 2025")
    {
        REQUIRE(fx.store.setSetting(fx.fed, kMemberKeySetting, Date{2025, 1, 1}, "equal"));
        const auto equal = fx.overview();
        CHECK(shareOf(equal, "Kommun A") + shareOf(equal, "Kommun B") + shareOf(equal, "Kommun C") == kronor(1'000'000));
        for (const char* k : {"Kommun A", "Kommun B", "Kommun C"})
            CHECK((shareOf(equal, k) == kronor(333'333) || shareOf(equal, k) == kronor(333'334)));
        // A setting from 2026 does not reach back.
        REQUIRE(fx.store.setSetting(fx.fed, kMemberKeySetting, Date{2026, 1, 1}, "population_20_64"));
        CHECK(shareOf(fx.overview(), "Kommun A") == shareOf(equal, "Kommun A"));
        auto bad = fx.store.setSetting(fx.fed, kMemberKeySetting, Date{2025, 1, 1}, "per capita");
        REQUIRE_FALSE(bad);
        CHECK(bad.error().field == "value");
    }
}

TEST_CASE("Finance overview: cost per participant and outcome from the team's cases, hidden for the board when small",
          "[core][finance][overview]")
{
    OverviewFixture fx;
    // Team A, 2025 Jan–Aug: six participants; exits: work, studies (positive), a health dropout.
    fx.save(fx.startedCase(fx.teamA, Gender::Woman, Date{2025, 1, 10}, Date{2025, 5, 1}, ExitOutcome::Work));
    fx.save(fx.startedCase(fx.teamA, Gender::Man, Date{2025, 2, 10}, Date{2025, 6, 1}, ExitOutcome::Studies));
    fx.save(fx.startedCase(fx.teamA, Gender::Man, Date{2025, 3, 10}, Date{2025, 7, 1}, ExitOutcome::HealthDropout));
    for (int i = 0; i < 3; ++i)
        fx.save(fx.startedCase(fx.teamA, Gender::Woman, Date{2025, 4, 1 + i}));
    fx.save(fx.startedCase(fx.teamB, Gender::Woman, Date{2025, 4, 1}));  // another team: not counted

    const auto o = fx.overview();
    REQUIRE(o.costs.size() == 1);
    const auto& c = o.costs[0];
    CHECK(c.line == "insats-ta");
    CHECK(c.team == "Team A");
    CHECK(c.cost == kronor(-120'000));
    CHECK(c.participants == 6);
    CHECK(c.exits == 3);
    CHECK(c.positiveExits == 2);
    CHECK(c.perParticipant == kronor(20'000));
    CHECK(c.perExit == kronor(40'000));
    CHECK(c.perPositiveExit == kronor(60'000));

    // The board: 3 exits and 2 positive ones are small cells: no figure per person, counts as "<5".
    const auto board = fx.overview(2, kSmallCell);
    CHECK(board.costs[0].suppressed);
    CHECK_FALSE(board.costs[0].perExit);
    const auto j = financeOverviewToJson(board);
    CHECK(j["cost_per_outcome"][0]["exits"] == "<5");
    CHECK(j["cost_per_outcome"][0]["participants"] == 6);
    CHECK(j["cost_per_outcome"][0]["per_participant"].is_null());
    CHECK(j["suppressed_below"] == 5);
    const auto csv = financeOverviewCsv(board, "kostnad");
    REQUIRE(csv);
    CHECK_THAT(*csv, Catch::Contains("insats-ta;Insats Team A;Team A;-120000,00;6;<5;<5;;;"));
}

TEST_CASE("Finance overview: the equity rule and the five years come from the store, the CSV opens in Excel",
          "[core][finance][overview]")
{
    OverviewFixture fx;
    REQUIRE(fx.store.setOpeningEquity(fx.fed, 2024, kronor(1'000'000)));
    REQUIRE(fx.store.setBudget(fx.fed, "kansli", 2024, kronor(-1'000'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "kansli", 2024, 12, kronor(-900'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "avgift-staten", 2024, 1, kronor(1'100'000)));

    auto o = fx.overview(std::nullopt);
    // 4 000 000 kr allocation: 20 % = 800 000 kr under the rule of 2024.
    CHECK(o.followUp.equity.maximum == kronor(800'000));
    REQUIRE(o.fiveYears.size() == 2);
    CHECK(o.fiveYears[0].year == 2024);
    CHECK(o.fiveYears[0].income == kronor(1'100'000));
    CHECK(o.fiveYears[0].costs == kronor(-900'000));
    CHECK(o.fiveYears[0].equity == kronor(1'200'000));
    CHECK(o.fiveYears[1].year == 2025);
    CHECK(o.fiveYears[1].equity == kronor(1'200'000) + o.fiveYears[1].result);

    // The kansli sets another rule from 2025: 10 % of every krona, for allocations up to 20 mkr.
    REQUIRE(fx.store.setSetting(fx.fed, kEquityRuleSetting, Date{2025, 1, 1},
                                R"({"tiers":[{"from":0,"percent":10}],"applies_up_to":20000000})"));
    CHECK(fx.overview(std::nullopt).followUp.equity.maximum == kronor(400'000));
    auto bad = fx.store.setSetting(fx.fed, kEquityRuleSetting, Date{2025, 1, 1}, R"({"tiers":[{"from":0,"percent":120}]})");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().field == "equity_rule");

    const auto csv = financeOverviewCsv(o, "drift");
    REQUIRE(csv);
    CHECK(csv->rfind("\xEF\xBB\xBF" "Budgetenhet;Grupp;Rad;Namn;", 0) == 0);  // BOM, semicolons
    CHECK_THAT(*csv, Catch::Contains("SAMO;Insatser;insats-ta;Insats Team A;-2000000,00;-2000000,00;-120000,00;"));
    CHECK_THAT(*csv, Catch::Contains("\r\n"));
    CHECK_FALSE(financeOverviewCsv(o, "okänd"));
    const auto text = renderFinanceOverviewText(o);
    CHECK_THAT(text, Catch::Contains("Femårsöversikt") && Catch::Contains("Medlemsavgifter 2025"));
}

TEST_CASE("Finance overview: each tertial on its own, summing to the year, in the JSON and the document alike",
          "[core][finance][report]")
{
    OverviewFixture fx;
    const auto o = fx.overview(std::nullopt);
    REQUIRE(o.tertials.size() == 3);
    // Budgets by the year's third (no monthly budget): 1 200 000 + 2 000 000 kr of costs, 4 000 000 of income.
    Amount budgetCosts = 0, outcomeCosts = 0, budgetIncome = 0;
    for (const auto& t : o.tertials) {
        budgetCosts += t.budgetCosts;
        outcomeCosts += t.outcomeCosts;
        budgetIncome += t.budgetIncome;
    }
    CHECK(budgetCosts == kronor(-3'200'000));
    CHECK(budgetIncome == kronor(4'000'000));
    // Utfall: 15 000 kr a month January–August: 60 000 in T1 and in T2, none yet in T3.
    CHECK(o.tertials[0].outcomeCosts == kronor(-60'000));
    CHECK(o.tertials[1].outcomeCosts == kronor(-60'000));
    CHECK(o.tertials[0].hasOutcome);
    CHECK(o.tertials[1].hasOutcome);
    CHECK_FALSE(o.tertials[2].hasOutcome);
    // The three add up to the year's costs as the five-year overview counts them.
    REQUIRE_FALSE(o.fiveYears.empty());
    CHECK(outcomeCosts == o.fiveYears.back().costs);

    const auto j = financeOverviewToJson(o);
    REQUIRE(j.at("tertials").size() == 3);
    CHECK(j.at("tertials")[1].at("outcome_costs") == o.tertials[1].outcomeCosts);
    CHECK(j.at("tertials")[2].at("has_outcome") == false);

    // The document's table (what the PDF prints and the screen shows): T3 without utfall shows "–".
    auto d = driftredovisning(o, "nu");
    REQUIRE(d);
    const DocTable* table = nullptr;
    for (const auto& s : d->sections)
        for (const auto& t : s.tables)
            if (t.name == "tertialer")
                table = &t;
    REQUIRE(table);
    REQUIRE(table->rows.size() == 3);
    CHECK(table->rows[1][2].number == std::optional<std::string>("-60000,00"));
    CHECK(table->rows[2][2].text == "–");
    CHECK(table->rows[2][3].text == "–");
}
