// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixtures.hpp"

#include <nlohmann/json.hpp>

#include "samkoll/report/participant_stats.hpp"

using namespace samkoll::test;

TEST_CASE("Participant statistics by gender, background and referring party", "[core][report][stats]")
{
    Fixture fx(false);
    Case a = fx.startedCase(fx.teamA, Gender::Woman, {2021, 2, 1}, Date{2021, 8, 1}, ExitOutcome::Work);
    a.education = Education::UpperSecondary;
    a.supportDuration = SupportDuration::Y3;
    a.incomeSupport = {IncomeSupport::SicknessBenefit, IncomeSupport::SocialAssistance};
    fx.save(a);
    Case b = fx.startedCase(fx.teamA, Gender::Man, {2020, 5, 1});  // continuing, not new
    b.education = Education::Compulsory;
    fx.save(b);
    Case c = fx.startedCase(fx.teamB, Gender::Man, {2021, 3, 1}, Date{2021, 4, 1}, ExitOutcome::OtherDropout);
    c.birthYear = 2003;  // 18 at start
    c.referringParty = ReferringParty::SocialServices;
    fx.save(c);
    Case refused = fx.startedCase(fx.teamA, Gender::Woman, {2021, 6, 1});
    refused.startDate.reset();
    refused.decision = Decision::No;
    refused.referringParty = ReferringParty::SocialServices;
    fx.save(refused);

    auto s = computeParticipantStatistics(*fx.db, fx.fed, std::nullopt, Period::year(2021));
    REQUIRE(s);
    CHECK(s->unitName == "Testförbundet");
    CHECK(s->volume[0].total() == 3);  // participants
    CHECK(s->volume[1].total() == 2);  // new
    CHECK(s->volume[2].total() == 2);  // exits
    CHECK(s->volume[3].total() == 1);  // remaining
    CHECK(s->volume[0].byGender[0] == 1);
    CHECK(s->volume[0].byGender[1] == 2);
    CHECK(s->outcomes[static_cast<std::size_t>(ExitOutcome::Work)].byGender[0] == 1);
    CHECK(s->education[static_cast<std::size_t>(Education::UpperSecondary)].total() == 1);
    CHECK(s->education[static_cast<std::size_t>(Education::Compulsory)].total() == 0);  // b is not new
    CHECK(s->incomeSupport[static_cast<std::size_t>(IncomeSupport::SicknessBenefit)].total() == 1);
    CHECK(s->incomeSupport[static_cast<std::size_t>(IncomeSupport::SocialAssistance)].total() == 1);
    CHECK(s->ageGroups[0].total() == 1);  // 16–19
    const auto& social = s->parties[static_cast<std::size_t>(ReferringParty::SocialServices)];
    CHECK(social.referred == 2);
    CHECK(social.yes == 1);
    CHECK(social.no == 1);

    auto team = computeParticipantStatistics(*fx.db, fx.fed, fx.teamB, Period::year(2021));
    REQUIRE(team);
    CHECK(team->unitName == "Team B");
    CHECK(team->volume[0].total() == 1);

    CHECK(s->responseRates.empty());

    SECTION("response rates: the most answers any question got, against the invited")
    {
        Fixture withSurveys;
        auto round = withSurveys.repo->ensureRound(withSurveys.fed, "deltagare_avslut", RespondentGroup::ParticipantsExit,
                                                   withSurveys.teamA, Period::year(2021), 40);
        withSurveys.tally(*round, "d_bemott", 1, Gender::Woman, 9);
        withSurveys.tally(*round, "d_bemott", 2, Gender::Man, 4);
        withSurveys.tally(*round, "d_person", 1, Gender::Man, 10);  // a question some skipped
        auto board = withSurveys.repo->ensureRound(withSurveys.fed, "styrelse", RespondentGroup::Board, std::nullopt,
                                                   Period::year(2021), 10);
        withSurveys.tally(*board, "uu_strategi", 1, Gender::Woman, 8);
        auto other = withSurveys.repo->ensureRound(withSurveys.fed, "personal", RespondentGroup::Staff, withSurveys.teamB,
                                                   Period::year(2021), 12);
        REQUIRE(other);
        auto forA = computeParticipantStatistics(*withSurveys.db, withSurveys.fed, withSurveys.teamA, Period::year(2021));
        REQUIRE(forA);
        REQUIRE(forA->responseRates.size() == 2);  // its own round and the board's, not team B's
        CHECK(forA->responseRates[0].respondents == 13);
        CHECK(forA->responseRates[0].invited == 40);
        CHECK(forA->responseRates[1].team.empty());
        CHECK(forA->responseRates[1].respondents == 8);
        CHECK(renderParticipantStatisticsText(*forA).find("33 %") != std::string::npos);
        auto all = computeParticipantStatistics(*withSurveys.db, withSurveys.fed, std::nullopt, Period::year(2021));
        CHECK(all->responseRates.size() == 3);
    }

    const auto text = renderParticipantStatisticsText(*s);
    CHECK(text.find("Deltagare under perioden") != std::string::npos);
    CHECK(text.find("Socialtjänsten") != std::string::npos);
    CHECK(participantStatisticsToJson(*s)["volume"][0]["total"] == 3);
}

TEST_CASE("Small cells are hidden, and one more where a hidden one could be worked out", "[core][stats]")
{
    using samkoll::core::GenderRow;
    using samkoll::core::PartyRow;
    auto hidden = [](std::int64_t w, std::int64_t m, std::int64_t o) {
        GenderRow r;
        r.byGender = {w, m, o, 0};
        return samkoll::core::hiddenCells(r, samkoll::core::kSmallCell);
    };
    // [women, men, other, the fourth gender slot (tallies' "vill ej svara"), total]
    using H = std::array<bool, samkoll::core::kGenderCount + 1>;
    CHECK(hidden(10, 20, 0) == H{false, false, false, false, false});
    CHECK(hidden(0, 0, 0) == H{false, false, false, false, false});   // nobody: nothing to hide
    CHECK(hidden(3, 20, 0) == H{true, true, false, false, false});    // 3 hidden, so 20 too (total − 20 = 3)
    CHECK(hidden(3, 20, 7) == H{true, false, true, false, false});    // the smallest other cell goes with it
    CHECK(hidden(3, 4, 12) == H{true, true, false, false, false});    // two hidden: neither can be worked out
    CHECK(hidden(2, 1, 0) == H{true, true, false, false, true});      // a small total is hidden as well
    GenderRow exact;
    exact.byGender = {3, 20, 0, 0};
    CHECK(samkoll::core::hiddenCells(exact, 0) == H{false, false, false, false, false});  // exact readers

    PartyRow p;
    p.referred = 12;
    p.yes = 9;
    p.no = 3;
    p.pending = 0;
    CHECK(samkoll::core::hiddenCells(p, samkoll::core::kSmallCell) == std::array<bool, 4>{false, true, true, false});
}
