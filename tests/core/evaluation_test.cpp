// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "samkoll/index/evaluation.hpp"

using namespace samkoll::core;

namespace {

Target atLeast(std::int64_t pct)
{
    return {Target::Type::AtLeast, pct * 100, 0};
}
Target atMost(std::int64_t pct)
{
    return {Target::Type::AtMost, pct * 100, 0};
}

/// An outcome share "work / positive exits" with the given counts of women's exits.
UnitInputs exits(std::int64_t work, std::int64_t otherPositive, std::int64_t negative = 0,
                 Gender gender = Gender::Woman)
{
    UnitInputs in;
    const auto g = static_cast<std::size_t>(gender);
    in.cases.exits[g][static_cast<std::size_t>(ExitOutcome::Work)] = work;
    in.cases.exits[g][static_cast<std::size_t>(ExitOutcome::Studies)] = otherPositive;
    in.cases.exits[g][static_cast<std::size_t>(ExitOutcome::OtherDropout)] = negative;
    in.cases.participants[g] = work + otherPositive + negative + 10;
    return in;
}

IndicatorSpec workShare(Target t)
{
    IndicatorSpec s;
    s.code = "1.2.2";
    s.kind = IndicatorKind::OutcomeShare;
    s.weight = 10;
    s.target = t;
    s.numerator = {CasePopulation::Exits, static_cast<std::uint8_t>(1u << static_cast<int>(ExitOutcome::Work))};
    s.denominator = {CasePopulation::Exits, CaseFilter::positiveOutcomes()};
    return s;
}

IndicatorSpec surveySpec(Target t, std::vector<int> options)
{
    IndicatorSpec s;
    s.code = "3.4.1";
    s.kind = IndicatorKind::SurveyShare;
    s.weight = 2;
    s.target = t;
    s.survey = SurveySelector{"q", {RespondentGroup::ParticipantsExit}, std::move(options)};
    return s;
}

const IndexSettings kSettings;

}  // namespace

TEST_CASE("outcome_share compares exactly on integers", "[core][index][evaluation]")
{
    // 76 of 95 is exactly 80 %: achieved. 75 of 95 is 78.9 %: not.
    auto r = evaluateIndicator(workShare(atLeast(80)), exits(76, 19), kSettings);
    CHECK(r.signal == Signal::Achieved);
    CHECK(r.count.n == 76);
    CHECK(r.count.N == 95);
    CHECK(r.resultText() == "80 % (76 av 95)");
    r = evaluateIndicator(workShare(atLeast(80)), exits(75, 20), kSettings);
    CHECK(r.signal == Signal::NotAchieved);
    CHECK(r.resultText() == "79 % (75 av 95)");

    SECTION("negative exits are outside a positive-exits denominator")
    {
        auto in = exits(76, 19, 50);
        CHECK(evaluateIndicator(workShare(atLeast(80)), in, kSettings).count.N == 95);
    }
    SECTION("an at-most target")
    {
        CHECK(evaluateIndicator(workShare(atMost(80)), exits(76, 19), kSettings).signal == Signal::Achieved);
        CHECK(evaluateIndicator(workShare(atMost(80)), exits(77, 18), kSettings).signal == Signal::NotAchieved);
    }
    SECTION("gender split")
    {
        auto in = exits(6, 4);
        const auto m = static_cast<std::size_t>(Gender::Man);
        in.cases.exits[m][static_cast<std::size_t>(ExitOutcome::Work)] = 1;
        in.cases.exits[m][static_cast<std::size_t>(ExitOutcome::Studies)] = 3;
        auto res = evaluateIndicator(workShare(atLeast(50)), in, kSettings);
        REQUIRE(res.women);
        REQUIRE(res.men);
        CHECK(res.women->n == 6);
        CHECK(res.women->N == 10);
        CHECK(res.men->n == 1);
        CHECK(res.men->N == 4);
        CHECK(res.count.N == 14);
    }
    SECTION("no exits: not assessable")
    {
        auto res = evaluateIndicator(workShare(atLeast(80)), UnitInputs{}, kSettings);
        CHECK(res.signal == Signal::NotAssessable);
        CHECK_FALSE(res.assessable());
        CHECK(res.resultText() == "utfall saknas");
    }
}

TEST_CASE("throughput is exits over participants during the period", "[core][index][evaluation]")
{
    IndicatorSpec s;
    s.kind = IndicatorKind::Throughput;
    s.weight = 10;
    s.target = atLeast(40);
    UnitInputs in;
    in.cases.participants = {50, 50, 0, 0};
    in.cases.exits[0][0] = 20;
    in.cases.exits[1][5] = 20;  // a dropout still counts as an exit
    auto r = evaluateIndicator(s, in, kSettings);
    CHECK(r.signal == Signal::Achieved);
    CHECK(r.count.n == 40);
    CHECK(r.count.N == 100);
    in.cases.exits[1][5] = 19;
    CHECK(evaluateIndicator(s, in, kSettings).signal == Signal::NotAchieved);
}

TEST_CASE("gender_balance: women / (women + men), bounds inclusive, 'other' outside", "[core][index][evaluation]")
{
    IndicatorSpec s;
    s.kind = IndicatorKind::GenderBalance;
    s.weight = 2;
    s.target = {Target::Type::Between, 4000, 6000};
    s.casePopulation = CaseFilter{CasePopulation::Participants, CaseFilter::kAllOutcomes};
    UnitInputs in;
    auto with = [&](std::int64_t w, std::int64_t m, std::int64_t other) {
        in.cases.participants = {w, m, other, 0};
        return evaluateIndicator(s, in, kSettings);
    };
    CHECK(with(40, 60, 0).signal == Signal::Achieved);
    CHECK(with(60, 40, 0).signal == Signal::Achieved);
    CHECK(with(39, 61, 0).signal == Signal::NotAchieved);
    CHECK(with(61, 39, 0).signal == Signal::NotAchieved);
    auto r = with(40, 60, 25);
    CHECK(r.signal == Signal::Achieved);
    CHECK(r.count.N == 100);
    CHECK(with(0, 0, 5).signal == Signal::NotAssessable);

    SECTION("of a composition body")
    {
        IndicatorSpec staff = s;
        staff.casePopulation.reset();
        staff.body = CompositionBody::Staff;
        UnitInputs c;
        CHECK(evaluateIndicator(staff, c, kSettings).signal == Signal::NotAssessable);
        c.composition[CompositionBody::Staff] = {7, 3};
        CHECK(evaluateIndicator(staff, c, kSettings).signal == Signal::NotAchieved);
        c.composition[CompositionBody::Staff] = {6, 4};
        CHECK(evaluateIndicator(staff, c, kSettings).signal == Signal::Achieved);
    }
}

TEST_CASE("survey_share counts respondents who answered the question", "[core][index][evaluation]")
{
    UnitInputs in;
    // 5-step treatment scale: Mycket bra, Bra, Varken, Dålig, Mycket dålig.
    in.tallies.add(RespondentGroup::ParticipantsExit, "q", 1, Gender::Woman, 30);
    in.tallies.add(RespondentGroup::ParticipantsExit, "q", 2, Gender::Man, 40);
    in.tallies.add(RespondentGroup::ParticipantsExit, "q", 3, Gender::Declined, 20);
    in.tallies.add(RespondentGroup::ParticipantsExit, "q", 5, Gender::Man, 10);
    in.tallies.add(RespondentGroup::Staff, "q", 5, Gender::Man, 100);  // another group: not counted

    auto r = evaluateIndicator(surveySpec(atLeast(70), {1, 2}), in, kSettings);
    CHECK(r.signal == Signal::Achieved);
    CHECK(r.count.n == 70);
    CHECK(r.count.N == 100);
    CHECK(evaluateIndicator(surveySpec(atMost(10), {5}), in, kSettings).signal == Signal::Achieved);
    CHECK(evaluateIndicator(surveySpec(atMost(9), {5}), in, kSettings).signal == Signal::NotAchieved);

    SECTION("a negative correction row lowers the total")
    {
        in.tallies.add(RespondentGroup::ParticipantsExit, "q", 2, Gender::Man, -1);
        auto c = evaluateIndicator(surveySpec(atLeast(70), {1, 2}), in, kSettings);
        CHECK(c.count.n == 69);
        CHECK(c.count.N == 99);
        CHECK(c.signal == Signal::NotAchieved);  // 69/99 = 69.7 %
    }
    SECTION("a question nobody was asked is not assessable")
    {
        auto spec = surveySpec(atLeast(70), {1});
        spec.survey->question = "other";
        auto nr = evaluateIndicator(spec, in, kSettings);
        CHECK(nr.signal == Signal::NotAssessable);
        CHECK_FALSE(nr.noteText().empty());
    }
}

TEST_CASE("gender_gap: |share women − share men| ≤ target, exactly", "[core][index][evaluation]")
{
    IndicatorSpec s = surveySpec(atMost(20), {1});
    s.kind = IndicatorKind::GenderGap;
    UnitInputs in;
    auto set = [&](std::int64_t wYes, std::int64_t wNo, std::int64_t mYes, std::int64_t mNo) {
        in = UnitInputs{};
        in.tallies.add(RespondentGroup::ParticipantsExit, "q", 1, Gender::Woman, wYes);
        in.tallies.add(RespondentGroup::ParticipantsExit, "q", 2, Gender::Woman, wNo);
        in.tallies.add(RespondentGroup::ParticipantsExit, "q", 1, Gender::Man, mYes);
        in.tallies.add(RespondentGroup::ParticipantsExit, "q", 2, Gender::Man, mNo);
        return evaluateIndicator(s, in, kSettings);
    };
    auto r = set(80, 20, 60, 40);  // exactly 20 pp
    CHECK(r.signal == Signal::Achieved);
    CHECK(*r.value == Approx(20.0));
    CHECK(set(81, 19, 60, 40).signal == Signal::NotAchieved);
    CHECK(set(60, 40, 80, 20).signal == Signal::Achieved);  // men ahead counts the same
    CHECK(set(3, 0, 0, 0).signal == Signal::NotAssessable);  // no men answered

    SECTION("on an outcome share")
    {
        IndicatorSpec g = workShare(atMost(20));
        g.kind = IndicatorKind::GenderGap;
        auto e = exits(5, 5);  // women 50 %
        const auto m = static_cast<std::size_t>(Gender::Man);
        e.cases.exits[m][static_cast<std::size_t>(ExitOutcome::Work)] = 3;
        e.cases.exits[m][static_cast<std::size_t>(ExitOutcome::Studies)] = 7;  // men 30 %
        CHECK(evaluateIndicator(g, e, kSettings).signal == Signal::Achieved);
        e.cases.exits[m][static_cast<std::size_t>(ExitOutcome::Work)] = 2;
        e.cases.exits[m][static_cast<std::size_t>(ExitOutcome::Studies)] = 8;  // men 20 %
        CHECK(evaluateIndicator(g, e, kSettings).signal == Signal::NotAchieved);
    }
}

TEST_CASE("story_count, statistic_trend and manual", "[core][index][evaluation]")
{
    SECTION("stories")
    {
        IndicatorSpec s;
        s.kind = IndicatorKind::StoryCount;
        s.weight = 10;
        s.target = {Target::Type::AtLeast, 200, 0};
        s.storyCategory = StoryCategory::OtherActors;
        UnitInputs in;
        auto r = evaluateIndicator(s, in, kSettings);
        CHECK(r.signal == Signal::NotAchieved);  // zero stories is a result, not missing data
        in.stories[static_cast<std::size_t>(StoryCategory::OtherActors)] = 1;
        r = evaluateIndicator(s, in, kSettings);
        CHECK(r.signal == Signal::NotAchieved);
        CHECK(r.swing);
        CHECK(r.gradedCredit == Approx(5.0));
        in.stories[static_cast<std::size_t>(StoryCategory::OtherActors)] = 2;
        CHECK(evaluateIndicator(s, in, kSettings).signal == Signal::Achieved);
        in.stories[static_cast<std::size_t>(StoryCategory::PositiveSolution)] = 9;
        in.stories[static_cast<std::size_t>(StoryCategory::OtherActors)] = 0;
        CHECK(evaluateIndicator(s, in, kSettings).signal == Signal::NotAchieved);
    }
    SECTION("HÅE share must fall")
    {
        IndicatorSpec s;
        s.kind = IndicatorKind::StatisticTrend;
        s.weight = 2;
        s.target = {Target::Type::Decrease, 0, 0};
        KommunStatistics k{"ka", "Kommun A", std::nullopt, std::nullopt};
        UnitInputs in;
        CHECK(evaluateIndicator(s, in, kSettings, &k).signal == Signal::NotAssessable);
        k.previous = HaeStatistic{1, 2020, 1200, 0, 0, 0, 10000};  // 12 %
        CHECK(evaluateIndicator(s, in, kSettings, &k).signal == Signal::NotAssessable);
        k.current = HaeStatistic{1, 2021, 1188, 0, 0, 0, 9900};  // 12 % exactly: not a decrease
        CHECK(evaluateIndicator(s, in, kSettings, &k).signal == Signal::NotAchieved);
        k.current = HaeStatistic{1, 2021, 1187, 0, 0, 0, 9900};
        auto r = evaluateIndicator(s, in, kSettings, &k);
        CHECK(r.signal == Signal::Achieved);
        CHECK(r.kommun == "Kommun A");
        CHECK(*r.value < 0);
        SECTION("by at least one percentage point")
        {
            s.target.a = 100;
            k.current = HaeStatistic{1, 2021, 1100, 0, 0, 0, 10000};  // −1.0 pp
            CHECK(evaluateIndicator(s, in, kSettings, &k).signal == Signal::Achieved);
            k.current = HaeStatistic{1, 2021, 1101, 0, 0, 0, 10000};  // −0.99 pp
            CHECK(evaluateIndicator(s, in, kSettings, &k).signal == Signal::NotAchieved);
        }
    }
    SECTION("manual")
    {
        IndicatorSpec s;
        s.code = "4.1.3";
        s.kind = IndicatorKind::Manual;
        s.weight = 2;
        UnitInputs in;
        CHECK(evaluateIndicator(s, in, kSettings).signal == Signal::NotAssessable);
        in.manual["4.1.3"] = {true, "Fallstudien finns."};
        auto r = evaluateIndicator(s, in, kSettings);
        CHECK(r.signal == Signal::Achieved);
        CHECK(r.note == "Fallstudien finns.");
        in.manual["4.1.3"] = {false, "Saknas."};
        CHECK(evaluateIndicator(s, in, kSettings).signal == Signal::NotAchieved);
    }
}

TEST_CASE("Fairness markers: swing, low volume, Wilson interval, inconclusive, graded credit", "[core][index][fairness]")
{
    SECTION("Wilson 90 % interval")
    {
        auto iv = wilsonInterval(8, 10);
        CHECK(iv.lo == Approx(54.0793).epsilon(1e-4));
        CHECK(iv.hi == Approx(93.1442).epsilon(1e-4));
        auto zero = wilsonInterval(0, 10);
        CHECK(zero.lo == Approx(0.0).margin(1e-9));
        CHECK(zero.hi == Approx(21.2942).epsilon(1e-4));
    }
    SECTION("one person from the target")
    {
        auto r = evaluateIndicator(workShare(atLeast(80)), exits(75, 20), kSettings);
        CHECK(r.swing);  // 76 of 95 would meet it
        r = evaluateIndicator(workShare(atLeast(80)), exits(76, 19), kSettings);
        CHECK(r.swing);  // 75 of 95 would miss it
        r = evaluateIndicator(workShare(atLeast(80)), exits(90, 5), kSettings);
        CHECK_FALSE(r.swing);
    }
    SECTION("low volume below the setting")
    {
        CHECK(evaluateIndicator(workShare(atLeast(50)), exits(5, 4), kSettings).lowVolume);
        CHECK_FALSE(evaluateIndicator(workShare(atLeast(50)), exits(5, 5), kSettings).lowVolume);
        IndexSettings strict;
        strict.lowVolumeBelow = 20;
        CHECK(evaluateIndicator(workShare(atLeast(50)), exits(5, 5), strict).lowVolume);
    }
    SECTION("inconclusive: not achieved but the interval reaches the target")
    {
        auto small = evaluateIndicator(workShare(atLeast(80)), exits(6, 4), kSettings);  // 60 %, N = 10
        CHECK(small.signal == Signal::NotAchieved);
        CHECK(small.inconclusive);
        auto large = evaluateIndicator(workShare(atLeast(80)), exits(600, 400), kSettings);  // 60 %, N = 1000
        CHECK(large.signal == Signal::NotAchieved);
        CHECK_FALSE(large.inconclusive);
        auto achieved = evaluateIndicator(workShare(atLeast(50)), exits(6, 4), kSettings);
        CHECK_FALSE(achieved.inconclusive);
    }
    SECTION("graded credit is weight × value / target for at-least targets")
    {
        auto r = evaluateIndicator(workShare(atLeast(80)), exits(60, 40), kSettings);  // 60 % of 80 %
        CHECK(r.gradedCredit == Approx(10 * 60.0 / 80.0));
        auto ok = evaluateIndicator(workShare(atLeast(50)), exits(60, 40), kSettings);
        CHECK(ok.gradedCredit == Approx(10.0));
        auto atMostMiss = evaluateIndicator(workShare(atMost(50)), exits(60, 40), kSettings);
        CHECK(atMostMiss.gradedCredit == Approx(0.0));
    }
}
