// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixtures.hpp"

#include <nlohmann/json.hpp>

#include "samkoll/index/index_engine.hpp"
#include "samkoll/io/importers.hpp"
#include "samkoll/report/index_report.hpp"

using namespace samkoll::test;

namespace {

const IndicatorResult& find(const UnitIndex& u, const std::string& code, const std::string& kommun = {})
{
    for (const auto& r : u.indicators)
        if (r.code == code && (kommun.empty() || r.kommun == kommun))
            return r;
    FAIL("indicator " << code << " missing in " << u.unitName);
    throw std::logic_error("unreachable");
}

int countCode(const UnitIndex& u, const std::string& code)
{
    int n = 0;
    for (const auto& r : u.indicators)
        n += r.code == code ? 1 : 0;
    return n;
}

/// Team A: 10 participants (5 women, 5 men), 4 exits; Team B: 5 participants, 1 exit.
void seedCases(Fixture& fx)
{
    for (int i = 0; i < 5; ++i)
        fx.save(fx.startedCase(fx.teamA, Gender::Woman, {2021, 2, 1}, i < 2 ? std::optional<Date>(Date{2021, 9, 1}) : std::nullopt,
                               i < 2 ? std::optional<ExitOutcome>(ExitOutcome::Work) : std::nullopt));
    fx.save(fx.startedCase(fx.teamA, Gender::Man, {2020, 6, 1}, Date{2021, 1, 1}, ExitOutcome::Studies));  // boundary
    fx.save(fx.startedCase(fx.teamA, Gender::Man, {2021, 3, 1}, Date{2021, 11, 1}, ExitOutcome::HealthDropout));
    for (int i = 0; i < 3; ++i)
        fx.save(fx.startedCase(fx.teamA, Gender::Man, {2021, 12, 31}));  // boundary: new on the last day
    for (int i = 0; i < 5; ++i)
        fx.save(fx.startedCase(fx.teamB, i < 2 ? Gender::Woman : Gender::Man, {2021, 4, 1},
                               i == 0 ? std::optional<Date>(Date{2021, 10, 1}) : std::nullopt,
                               i == 0 ? std::optional<ExitOutcome>(ExitOutcome::Work) : std::nullopt));
    // Not participants in 2021:
    fx.save(fx.startedCase(fx.teamA, Gender::Woman, {2020, 1, 1}, Date{2020, 12, 31}, ExitOutcome::Work));
    fx.save(fx.startedCase(fx.teamA, Gender::Woman, {2022, 1, 1}));
    Case referralOnly = fx.startedCase(fx.teamB, Gender::Woman, {2021, 5, 1});
    referralOnly.startDate.reset();
    referralOnly.decision.reset();
    referralOnly.decisionDate.reset();
    fx.save(referralOnly);
    Case deleted = fx.startedCase(fx.teamB, Gender::Woman, {2021, 5, 1}, Date{2021, 6, 1}, ExitOutcome::Work);
    REQUIRE(fx.repo->deleteCase(fx.save(deleted)));
}

}  // namespace

TEST_CASE("Case indicators per team and pooled for the förbund", "[core][index][engine]")
{
    Fixture fx;
    seedCases(fx);
    auto idx = computeFederationIndex(*fx.db, fx.fed, Period::year(2021));
    INFO((idx ? "" : idx.error().describe()));
    REQUIRE(idx);
    const auto& a = *idx->team("ta");
    const auto& b = *idx->team("tb");
    const auto& f = idx->federationIndex;

    const auto& ta = find(a, "1.1.1");
    CHECK(ta.count.n == 4);
    CHECK(ta.count.N == 10);
    CHECK(ta.signal == Signal::Achieved);  // 40 %
    CHECK(find(b, "1.1.1").count.n == 1);
    CHECK(find(b, "1.1.1").count.N == 5);
    const auto& tf = find(f, "1.1.1");
    CHECK(tf.count.n == 5);
    CHECK(tf.count.N == 15);  // pooled, not an average of 40 % and 20 %
    CHECK(tf.signal == Signal::NotAchieved);

    // 1.2.1 positive / all exits: A 3 of 4.
    CHECK(find(a, "1.2.1").count.n == 3);
    CHECK(find(a, "1.2.1").count.N == 4);
    // 1.2.2 work / positive exits: A 2 of 3, B 1 of 1, förbund 3 of 4.
    CHECK(find(f, "1.2.2").count.n == 3);
    CHECK(find(f, "1.2.2").count.N == 4);
    // 2.1.1 women among participants: A 5 of 10.
    CHECK(find(a, "2.1.1").count.n == 5);
    CHECK(find(a, "2.1.1").count.N == 10);
    CHECK(find(a, "2.1.1").signal == Signal::Achieved);
    // 2.5.3 women among exits to work: förbund 3 of 3 → outside 40–60.
    CHECK(find(f, "2.5.3").count.n == 3);
    CHECK(find(f, "2.5.3").signal == Signal::NotAchieved);

    SECTION("a tertial counts only its own events")
    {
        auto t3 = computeFederationIndex(*fx.db, fx.fed, Period::tertial(2021, 3));
        REQUIRE(t3);
        const auto& r = find(*t3->team("ta"), "1.1.1");
        CHECK(r.count.n == 3);   // exits in Sep–Dec: 2 work, 1 dropout
        CHECK(r.count.N == 9);   // the Jan-1 exit is gone
        CHECK(t3->federationIndex.period.label == "2021 T3");
    }
}

TEST_CASE("Förbund-level answers count for every team and once for the förbund", "[core][index][engine]")
{
    Fixture fx;
    auto board = fx.repo->ensureRound(fx.fed, "styrelse", RespondentGroup::Board, std::nullopt, Period::year(2021), 6);
    REQUIRE(board);
    fx.tally(*board, "uu_strategi", 1, Gender::Woman, 4);
    fx.tally(*board, "uu_strategi", 2, Gender::Man, 1);
    auto staffA = fx.repo->ensureRound(fx.fed, "personal", RespondentGroup::Staff, fx.teamA, Period::year(2021), 10);
    auto staffB = fx.repo->ensureRound(fx.fed, "personal", RespondentGroup::Staff, fx.teamB, Period::year(2021), 10);
    fx.tally(*staffA, "p_trivs", 6, Gender::Woman, 8);  // Helt och hållet
    fx.tally(*staffA, "p_trivs", 1, Gender::Man, 2);    // Inte alls
    fx.tally(*staffB, "p_trivs", 3, Gender::Woman, 5);  // Delvis
    REQUIRE(fx.repo->setComposition({fx.fed, std::nullopt, CompositionBody::Board, 2021, 3, 2}));
    REQUIRE(fx.repo->setComposition({fx.fed, fx.teamA, CompositionBody::Staff, 2021, 6, 4}));
    REQUIRE(fx.repo->setComposition({fx.fed, fx.teamB, CompositionBody::Staff, 2021, 5, 0}));

    auto idx = computeFederationIndex(*fx.db, fx.fed, Period::year(2021));
    REQUIRE(idx);
    for (const UnitIndex* u : std::vector<const UnitIndex*>{idx->team("ta"), idx->team("tb"), &idx->federationIndex}) {
        INFO(u->unitName);
        const auto& r = find(*u, "4.1.1");
        CHECK(r.count.n == 4);
        CHECK(r.count.N == 5);
        CHECK(r.signal == Signal::Achieved);
        CHECK(find(*u, "2.1.4").count.N == 5);  // the board's composition
    }
    CHECK(find(*idx->team("ta"), "5.1.1").count.n == 8);
    CHECK(find(*idx->team("ta"), "5.1.1").count.N == 10);
    CHECK(find(*idx->team("tb"), "5.1.1").count.n == 0);
    CHECK(find(idx->federationIndex, "5.1.1").count.N == 15);
    CHECK(find(idx->federationIndex, "2.1.2").count.n == 11);  // staff pooled: 11 women of 15
    CHECK(find(idx->federationIndex, "2.1.2").count.N == 15);
    CHECK(find(*idx->team("tb"), "2.1.2").signal == Signal::NotAchieved);  // 5 of 5 women

    SECTION("a survey with no answers for a question leaves it not assessable")
    {
        CHECK(find(idx->federationIndex, "2.2.1").signal == Signal::NotAssessable);
        CHECK(find(idx->federationIndex, "3.4.1").signal == Signal::NotAssessable);
        CHECK(idx->federationIndex.total.notAssessable > 0);
    }
    SECTION("a year round does not count in a tertial, a tertial round counts in its year")
    {
        auto t1round = fx.repo->ensureRound(fx.fed, "personal", RespondentGroup::Staff, fx.teamB,
                                            Period::tertial(2021, 1), 10);
        fx.tally(*t1round, "p_trivs", 5, Gender::Man, 2);
        auto t1 = computeFederationIndex(*fx.db, fx.fed, Period::tertial(2021, 1));
        REQUIRE(t1);
        CHECK(find(*t1->team("tb"), "5.1.1").count.N == 2);
        CHECK(find(*t1->team("tb"), "4.1.1").signal == Signal::NotAssessable);
        auto year = computeFederationIndex(*fx.db, fx.fed, Period::year(2021));
        CHECK(find(*year->team("tb"), "5.1.1").count.N == 7);
    }
}

TEST_CASE("Kommun-bound indicators: once per kommun förbund-wide, own kommun per team", "[core][index][engine]")
{
    Fixture fx;
    for (auto [k, prev, cur] : {std::tuple{fx.kommunA, 1200.0, 1100.0}, std::tuple{fx.kommunB, 900.0, 950.0},
                                std::tuple{fx.kommunC, 500.0, 400.0}}) {
        REQUIRE(fx.repo->setHaeStatistic({k, 2020, prev, 0, 0, 0, 10000}));
        REQUIRE(fx.repo->setHaeStatistic({k, 2021, cur, 0, 0, 0, 10000}));
    }
    auto idx = computeFederationIndex(*fx.db, fx.fed, Period::year(2021));
    REQUIRE(idx);
    CHECK(countCode(idx->federationIndex, "1.4.1") == 3);
    CHECK(countCode(*idx->team("ta"), "1.4.1") == 1);
    CHECK(find(*idx->team("ta"), "1.4.1").kommun == "Kommun A");
    CHECK(find(*idx->team("ta"), "1.4.1").signal == Signal::Achieved);
    CHECK(find(*idx->team("tb"), "1.4.1").signal == Signal::NotAchieved);
    CHECK(find(idx->federationIndex, "1.4.1", "Kommun C").signal == Signal::Achieved);

    // Area 1 maximum: förbund counts three HÅE instances, a team one.
    const auto area1 = [](const UnitIndex& u) { return u.areas[0].figures; };
    CHECK(area1(idx->federationIndex).notAssessable + area1(idx->federationIndex).assessable == 9);
    CHECK(area1(*idx->team("ta")).notAssessable + area1(*idx->team("ta")).assessable == 7);
}

TEST_CASE("Scope decides which units an indicator applies to", "[core][index][engine]")
{
    Fixture fx;
    auto j = nlohmann::json::parse(socialBudgetTemplate2021());
    j["areas"][3]["goals"][0]["indicators"][2]["scope"] = "federation";  // 4.1.3
    j["areas"][0]["goals"][1]["indicators"][3]["scope"] = "team";        // 1.2.4
    auto doc = parseBudgetDocument(j.dump());
    REQUIRE(doc);
    REQUIRE(fx.repo->saveBudget(fx.fed, *doc, true));
    REQUIRE(fx.repo->setManualAssessment({fx.fed, "4.1.3", std::nullopt, 2021, true, "Fallstudie finns."}));
    REQUIRE(fx.repo->setManualAssessment({fx.fed, "1.2.4", fx.teamA, 2021, false, "Saknas."}));
    auto idx = computeFederationIndex(*fx.db, fx.fed, Period::year(2021));
    REQUIRE(idx);
    CHECK(countCode(idx->federationIndex, "4.1.3") == 1);
    CHECK(countCode(*idx->team("ta"), "4.1.3") == 0);
    CHECK(countCode(idx->federationIndex, "1.2.4") == 0);
    CHECK(find(*idx->team("ta"), "1.2.4").signal == Signal::NotAchieved);
    CHECK(find(*idx->team("tb"), "1.2.4").signal == Signal::NotAssessable);
    CHECK(find(idx->federationIndex, "4.1.3").signal == Signal::Achieved);
    CHECK(find(idx->federationIndex, "4.1.3").note == "Fallstudie finns.");
}

TEST_CASE("Stories count for their team and pooled for the förbund", "[core][index][engine]")
{
    Fixture fx;
    auto story = [&](std::optional<Id> team, StoryCategory c, Date d) {
        Story s;
        s.federationId = fx.fed;
        s.teamId = team;
        s.category = c;
        s.date = d;
        s.title = "Rubrik";
        s.text = "Avidentifierad text.";
        REQUIRE(fx.repo->saveStory(s));
    };
    story(fx.teamA, StoryCategory::PositiveSolution, {2021, 3, 1});
    story(fx.teamA, StoryCategory::PositiveSolution, {2021, 9, 1});
    story(fx.teamB, StoryCategory::PositiveSolution, {2021, 3, 1});
    story(fx.teamB, StoryCategory::PositiveSolution, {2020, 3, 1});  // other year
    story(std::nullopt, StoryCategory::OtherActors, {2021, 3, 1});
    auto idx = computeFederationIndex(*fx.db, fx.fed, Period::year(2021));
    REQUIRE(idx);
    CHECK(find(*idx->team("ta"), "1.2.5").signal == Signal::Achieved);
    CHECK(find(*idx->team("tb"), "1.2.5").signal == Signal::NotAchieved);
    CHECK(find(idx->federationIndex, "1.2.5").count.n == 3);
    CHECK(find(idx->federationIndex, "4.2.4").count.n == 1);
    CHECK(find(*idx->team("ta"), "4.2.4").count.n == 0);

    Story pnr;
    pnr.federationId = fx.fed;
    pnr.date = {2021, 1, 1};
    pnr.title = "Rubrik";
    pnr.text = "Deltagaren 850101-1234 fick jobb.";
    auto r = fx.repo->saveStory(pnr);
    REQUIRE_FALSE(r);
    CHECK(r.error().field == "text");
}

TEST_CASE("Reports: text and JSON carry every indicator row", "[core][index][report]")
{
    Fixture fx;
    seedCases(fx);
    auto idx = computeFederationIndex(*fx.db, fx.fed, Period::year(2021));
    REQUIRE(idx);
    const auto text = renderFederationIndexText(*idx);
    CHECK(text.find("Impactindex 2021 – Testförbundet") != std::string::npos);
    CHECK(text.find("33 % (5 av 15)") != std::string::npos);
    CHECK(text.find("Rangordning av teamen") != std::string::npos);
    CHECK(text.find("Utöver den fastställda metoden") != std::string::npos);
    const auto json = federationIndexToJson(*idx);
    CHECK(json["index"]["indicators"].size() == idx->federationIndex.indicators.size());
    CHECK(json["teams"].size() == 2);
    CHECK(json["index"]["total"]["max"] == idx->federationIndex.total.max);
    const auto team = federationIndexToJson(*idx, "tb");
    CHECK(team["index"]["unit"]["code"] == "tb");  // the same shape for a team: its unit under "index"
    CHECK(team["teams"].empty());

    SECTION("in English: the core's words follow the client's language, the figures do not")
    {
        const auto en = federationIndexToJson(*idx, "", Language::English);
        const auto& sv = json["index"]["indicators"];
        const auto& rows = en["index"]["indicators"];
        REQUIRE(rows.size() == sv.size());
        int atLeast = 0;
        int notAssessable = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            CHECK(rows[i]["n"] == sv[i]["n"]);
            CHECK(rows[i]["N"] == sv[i]["N"]);
            CHECK(rows[i]["signal"] == sv[i]["signal"]);
            CHECK(rows[i]["text"] == sv[i]["text"]);  // the budget's own words stay as written
            if (rows[i]["target"]["type"] == "at_least") {
                ++atLeast;
                CHECK(rows[i]["target"]["text"].get<std::string>().rfind("at least ", 0) == 0);
                CHECK(sv[i]["target"]["text"].get<std::string>().rfind("minst ", 0) == 0);
            }
            if (rows[i]["signal"] == "not_assessable") {
                ++notAssessable;
                CHECK(rows[i]["result"] == "no result");
                CHECK(rows[i]["note"] != sv[i]["note"]);  // "… during the period", not Swedish
            }
        }
        CHECK(atLeast > 0);
        CHECK(notAssessable > 0);
        CHECK(en["index"]["beyond_published_method"]["graded"]["name"] == "Graded index");
        CHECK(text.find("33 % (5 av 15)") != std::string::npos);
        CHECK(en.dump().find("(5 of 15)") != std::string::npos);
    }

    auto missing = computeFederationIndex(*fx.db, fx.fed, Period::year(2019));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.find("2019") != std::string::npos);
}

TEST_CASE("The partner managers' composition is förbund-level like the board's: it counts for the förbund and every team",
          "[core][index][engine]")
{
    Fixture fx;
    // 2022's budget: the template with 2.1.4 asking for the partner managers' gender balance.
    auto budget = nlohmann::json::parse(socialBudgetTemplate2021());
    budget["year"] = 2022;
    bool changed = false;
    for (auto& a : budget["areas"])
        for (auto& g : a["goals"])
            for (auto& i : g["indicators"])
                if (i["code"] == "2.1.4") {
                    i["body"] = "partner_managers";
                    changed = true;
                }
    REQUIRE(changed);
    REQUIRE(importBudget(*fx.repo, fx.fed, budget.dump(), "budget-2022.json", false));
    // A team's partner managers do not exist: the group is the förbund's.
    auto onTeam = fx.repo->setComposition({fx.fed, fx.teamA, CompositionBody::PartnerManagers, 2022, 3, 4});
    REQUIRE_FALSE(onTeam);
    CHECK(onTeam.error().field == "team");
    REQUIRE(fx.repo->setComposition({fx.fed, std::nullopt, CompositionBody::PartnerManagers, 2022, 3, 4}));
    REQUIRE(fx.repo->setComposition({fx.fed, std::nullopt, CompositionBody::Board, 2022, 9, 1}));  // not this indicator's

    auto idx = computeFederationIndex(*fx.db, fx.fed, Period::year(2022));
    REQUIRE(idx);
    for (const UnitIndex* u : std::vector<const UnitIndex*>{idx->team("ta"), idx->team("tb"), &idx->federationIndex}) {
        INFO(u->unitName);
        const auto& r = find(*u, "2.1.4");
        CHECK(r.count.N == 7);
        CHECK(r.count.n == 3);
        CHECK(r.signal == Signal::Achieved);  // 3 of 7 women: within 40–60 %
    }
}
