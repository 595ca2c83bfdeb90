// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <cmath>

#include "samkoll/index/impact_index.hpp"
#include "samkoll/io/budget_json.hpp"

using namespace samkoll::core;

namespace {

SocialBudget fiveAreas()
{
    SocialBudget b;
    b.year = 2021;
    const std::pair<const char*, int> areas[] = {{"Samhälls- och medlemsnytta", 40},
                                                 {"Jämlik samverkan", 25},
                                                 {"Deltagarnöjdhet", 15},
                                                 {"Samordning", 10},
                                                 {"Medarbetarnöjdhet", 10}};
    int n = 0;
    for (auto [name, ideal] : areas)
        b.areas.push_back(GoalArea{++n, name, ideal, {}});
    return b;
}

IndicatorResult result(int area, int weight, Signal s)
{
    IndicatorResult r;
    r.area = area;
    r.weight = weight;
    r.signal = s;
    r.gradedCredit = s == Signal::Achieved ? weight : 0;
    return r;
}

/// Indicators of weight 1 and 2 in `area` giving exactly `max` and `achieved`.
void addArea(std::vector<IndicatorResult>& out, int area, int max, int achieved)
{
    for (int i = 0; i < achieved; ++i)
        out.push_back(result(area, 1, Signal::Achieved));
    for (int i = achieved; i < max; ++i)
        out.push_back(result(area, 1, Signal::NotAchieved));
}

}  // namespace

TEST_CASE("The published 2021 förbund-wide example", "[core][index]")
{
    // Areas (max / achieved): 68/28 → 41, 44/35 → 80, 26/22 → 85, 18/13 → 72,
    // 21/16 → 76; total 177/114 → 64 (red); weighting 38, 25, 15, 10, 12 %.
    std::vector<IndicatorResult> results;
    addArea(results, 1, 68, 28);
    addArea(results, 2, 44, 35);
    addArea(results, 3, 26, 22);
    addArea(results, 4, 18, 13);
    addArea(results, 5, 21, 16);
    // 2.2.1 was not in the questionnaire: shown, but in neither sum.
    results.push_back(result(2, 3, Signal::NotAssessable));

    const auto u = aggregateIndex(fiveAreas(), results);
    const int expectedIndex[] = {41, 80, 85, 72, 76};
    const int expectedWeighting[] = {38, 25, 15, 10, 12};
    const std::int64_t expectedMax[] = {68, 44, 26, 18, 21};
    for (std::size_t i = 0; i < 5; ++i) {
        INFO("area " << i + 1);
        CHECK(u.areas[i].figures.max == expectedMax[i]);
        CHECK(u.areas[i].figures.index == expectedIndex[i]);
        CHECK(std::lround(u.areas[i].actualSharePct) == expectedWeighting[i]);
        CHECK_FALSE(u.areas[i].weightingOff);
    }
    CHECK(u.total.max == 177);
    CHECK(u.total.achieved == 114);
    CHECK(u.total.index == 64);
    CHECK(u.total.colour == Colour::Red);
    CHECK(u.areas[1].figures.notAssessable == 1);
    CHECK(u.total.notAssessable == 1);
    CHECK(u.areas[0].figures.colour == Colour::Red);
    CHECK(u.areas[3].figures.colour == Colour::Green);
}

TEST_CASE("The example holds with the shipped template's weights", "[core][index]")
{
    // Mark a subset of the real template's indicators achieved so that each
    // area reaches the published achieved value; 1.4.1 appears six times
    // förbund-wide and 2.2.1 is not assessable.
    auto doc = parseBudgetDocument(socialBudgetTemplate2021());
    REQUIRE(doc);
    const int targetAchieved[] = {28, 35, 22, 13, 16};
    std::vector<IndicatorResult> results;
    for (const auto& area : doc->budget.areas) {
        std::vector<int> weights;
        for (const auto& goal : area.goals)
            for (const auto& spec : goal.indicators) {
                if (spec.code == "2.2.1") {
                    results.push_back(result(area.number, spec.weight, Signal::NotAssessable));
                    continue;
                }
                for (int k = 0; k < (spec.kommunBound() ? 6 : 1); ++k)
                    weights.push_back(spec.weight);
            }
        // Subset sum: reachable[s] = index of the weight that first reached sum s.
        const int goal = targetAchieved[area.number - 1];
        std::vector<int> via(static_cast<std::size_t>(goal + 1), -1);
        std::vector<bool> reachable(static_cast<std::size_t>(goal + 1), false);
        reachable[0] = true;
        for (std::size_t i = 0; i < weights.size(); ++i)
            for (int sum = goal; sum >= weights[i]; --sum)
                if (!reachable[static_cast<std::size_t>(sum)] && reachable[static_cast<std::size_t>(sum - weights[i])]) {
                    reachable[static_cast<std::size_t>(sum)] = true;
                    via[static_cast<std::size_t>(sum)] = static_cast<int>(i);
                }
        REQUIRE(reachable[static_cast<std::size_t>(goal)]);
        std::vector<bool> taken(weights.size(), false);
        for (int sum = goal; sum > 0;) {
            const auto i = static_cast<std::size_t>(via[static_cast<std::size_t>(sum)]);
            taken[i] = true;
            sum -= weights[i];
        }
        for (std::size_t i = 0; i < weights.size(); ++i)
            results.push_back(result(area.number, weights[i], taken[i] ? Signal::Achieved : Signal::NotAchieved));
    }
    const auto u = aggregateIndex(doc->budget, results);
    CHECK(u.total.max == 177);
    CHECK(u.total.achieved == 114);
    CHECK(u.total.index == 64);
    CHECK(u.areas[0].figures.index == 41);
    CHECK(u.areas[1].figures.index == 80);
    CHECK(u.areas[2].figures.index == 85);
    CHECK(u.areas[3].figures.index == 72);
    CHECK(u.areas[4].figures.index == 76);
}

TEST_CASE("Index rounding is half up on exact integers", "[core][index]")
{
    auto idx = [](int max, int achieved) {
        std::vector<IndicatorResult> r;
        addArea(r, 1, max, achieved);
        return aggregateIndex(fiveAreas(), r).total.index.value();
    };
    CHECK(idx(8, 1) == 13);   // 12.5 → 13
    CHECK(idx(8, 5) == 63);   // 62.5 → 63
    CHECK(idx(3, 1) == 33);   // 33.33 → 33
    CHECK(idx(3, 2) == 67);   // 66.67 → 67
    CHECK(idx(200, 129) == 65);  // 64.5 → 65
    CHECK(idx(1, 1) == 100);
    CHECK(idx(5, 0) == 0);
}

TEST_CASE("Colours follow the thresholds of the rounded index", "[core][index]")
{
    IndexSettings s;
    CHECK(colourOf(70, s) == Colour::Green);
    CHECK(colourOf(69, s) == Colour::Orange);
    CHECK(colourOf(65, s) == Colour::Orange);
    CHECK(colourOf(64, s) == Colour::Red);
    CHECK(colourOf(std::nullopt, s) == Colour::None);
    s.greenFrom = 80;
    s.orangeFrom = 75;
    CHECK(colourOf(79, s) == Colour::Orange);
    CHECK(colourOf(74, s) == Colour::Red);

    // 129 of 200 is 64.5 %, shown as 65: orange, by the value shown.
    std::vector<IndicatorResult> r;
    addArea(r, 1, 200, 129);
    CHECK(aggregateIndex(fiveAreas(), r).total.colour == Colour::Orange);
}

TEST_CASE("Not assessable indicators leave both sums – nothing assessable gives no index", "[core][index]")
{
    std::vector<IndicatorResult> r{result(1, 10, Signal::NotAssessable), result(1, 5, Signal::Achieved),
                                   result(1, 5, Signal::NotAchieved)};
    auto u = aggregateIndex(fiveAreas(), r);
    CHECK(u.total.max == 10);
    CHECK(u.total.achieved == 5);
    CHECK(u.total.index == 50);
    CHECK(u.areas[1].figures.index == std::nullopt);
    CHECK(u.areas[1].figures.colour == Colour::None);

    auto empty = aggregateIndex(fiveAreas(), {result(3, 4, Signal::NotAssessable)});
    CHECK_FALSE(empty.total.index);
}

TEST_CASE("Actual area weighting more than 5 pp off the ideal is flagged", "[core][index]")
{
    std::vector<IndicatorResult> r;
    addArea(r, 1, 45, 0);  // 45 % vs ideal 40 %: exactly 5 pp, not flagged
    addArea(r, 2, 25, 0);
    addArea(r, 3, 10, 0);  // 10 % vs 15 %: exactly 5 pp
    addArea(r, 4, 10, 0);
    addArea(r, 5, 10, 0);
    auto u = aggregateIndex(fiveAreas(), r);
    for (const auto& a : u.areas)
        CHECK_FALSE(a.weightingOff);
    r.push_back(result(1, 1, Signal::Achieved));  // 46/101 = 45.5 % vs 40 %
    u = aggregateIndex(fiveAreas(), r);
    CHECK(u.areas[0].weightingOff);
}

TEST_CASE("Volume-adjusted and graded indices beside the official one", "[core][index][fairness]")
{
    std::vector<IndicatorResult> r{result(1, 10, Signal::Achieved), result(1, 10, Signal::NotAchieved),
                                   result(2, 5, Signal::NotAchieved), result(3, 5, Signal::NotAssessable)};
    r[1].inconclusive = true;
    r[1].gradedCredit = 7.5;
    r[1].swing = true;
    r[2].lowVolume = true;
    auto u = aggregateIndex(fiveAreas(), r);
    CHECK(u.total.index == 40);  // 10 / 25
    CHECK(u.volumeAdjusted.max == Approx(15));
    CHECK(u.volumeAdjusted.leftOut == 1);
    CHECK(u.volumeAdjusted.index == 67);  // 10 / 15
    CHECK(u.graded.achieved == Approx(17.5));
    CHECK(u.graded.index == 70);  // 17.5 / 25
    CHECK(u.graded.partlyCredited == 1);  // given partial credit …
    CHECK(u.graded.leftOut == 0);         // … and none left out, as its explanation says
    CHECK(u.graded.explanation().find("inga indikatorer lämnas utanför") != std::string::npos);
    CHECK(u.inconclusiveCount == 1);
    CHECK(u.swingCount == 1);
    CHECK(u.lowVolumeCount == 1);
    CHECK(u.volumeAdjusted.explanation().find("1 ej uppnådda") != std::string::npos);
}
