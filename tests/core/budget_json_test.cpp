// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>

#include "samkoll/io/budget_json.hpp"

using namespace samkoll::core;
using nlohmann::json;

namespace {
json templateJson()
{
    return json::parse(socialBudgetTemplate2021());
}

Error parseError(const json& j)
{
    auto r = parseBudgetDocument(j.dump());
    REQUIRE_FALSE(r);
    return r.error();
}
}  // namespace

TEST_CASE("The 2021 template has the published structure and area maxima", "[core][budget]")
{
    auto doc = parseBudgetDocument(socialBudgetTemplate2021());
    REQUIRE(doc);
    const auto& b = doc->budget;
    CHECK(b.year == 2021);
    REQUIRE(b.areas.size() == 5);
    std::size_t goals = 0;
    for (const auto& a : b.areas)
        goals += a.goals.size();
    CHECK(goals == 21);
    CHECK(b.indicatorCount() == 65);  // 70 förbund-wide once 1.4.1 expands to six kommuner

    // Area maxima with everything assessable: förbund-wide 68 (1.4.1 six times),
    // per team 58 (own kommun only); 2.2.1 is not in the 2021 questionnaire so
    // area 2 counts 44 of its 47.
    std::vector<int> weights;
    int hae = 0;
    for (const auto& a : b.areas) {
        int sum = 0;
        for (const auto& g : a.goals)
            for (const auto& i : g.indicators) {
                sum += i.weight;
                if (i.kommunBound())
                    hae = i.weight;
            }
        weights.push_back(sum);
    }
    CHECK(weights[0] + 5 * hae == 68);
    CHECK(weights[0] == 58);
    CHECK(weights[1] - 3 == 44);
    CHECK(weights[2] == 26);
    CHECK(weights[3] == 18);
    CHECK(weights[4] == 21);
    CHECK(b.areas[0].idealSharePct == 40);

    SECTION("NNS statements are verbatim")
    {
        bool found = false;
        for (const auto& q : doc->questions)
            found = found || q.text == "Jag har fått stödet på ett sätt som är till nytta för mig.";
        CHECK(found);
    }
    SECTION("option labels are resolved to scale positions")
    {
        const auto& spec = b.areas[2].goals[3].indicators[0];  // 3.4.1 Mycket bra / Bra
        REQUIRE(spec.code == "3.4.1");
        REQUIRE(spec.survey);
        CHECK(spec.survey->options == std::vector<int>{1, 2});
    }
}

TEST_CASE("A stored indicator definition round-trips", "[core][budget]")
{
    auto doc = parseBudgetDocument(socialBudgetTemplate2021());
    REQUIRE(doc);
    for (const auto& area : doc->budget.areas)
        for (const auto& goal : area.goals)
            for (const auto& spec : goal.indicators) {
                auto back = parseIndicatorDefinition(indicatorDefinitionJson(spec));
                REQUIRE(back);
                CHECK(indicatorDefinitionJson(*back) == indicatorDefinitionJson(spec));
                CHECK(back->target.a == spec.target.a);
                CHECK(back->kind == spec.kind);
            }
}

TEST_CASE("Budget errors name the JSON path and the indicator", "[core][budget]")
{
    SECTION("not JSON")
    {
        auto r = parseBudgetDocument("{ not json");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "invalid_json");
    }
    SECTION("weight out of range")
    {
        auto j = templateJson();
        j["areas"][1]["goals"][3]["indicators"][0]["weight"] = 11;
        auto e = parseError(j);
        CHECK(e.field == "areas[1].goals[3].indicators[0] (2.4.1).weight");
        CHECK(e.message.find("1 och 10") != std::string::npos);
    }
    SECTION("unknown kind")
    {
        auto j = templateJson();
        j["areas"][0]["goals"][0]["indicators"][0]["kind"] = "magic";
        CHECK(parseError(j).field == "areas[0].goals[0].indicators[0] (1.1.1).kind");
    }
    SECTION("a target that does not fit the kind")
    {
        auto j = templateJson();
        j["areas"][1]["goals"][0]["indicators"][0]["target"] = {{"at_least", 40}};
        CHECK(parseError(j).field == "areas[1].goals[0].indicators[0] (2.1.1).target");
    }
    SECTION("an option that is not on the scale")
    {
        auto j = templateJson();
        j["areas"][2]["goals"][3]["indicators"][0]["survey"]["options"] = {"Jättebra"};
        auto e = parseError(j);
        CHECK(e.field == "areas[2].goals[3].indicators[0] (3.4.1).survey.options[0]");
        CHECK(e.message.find("Mycket bra") != std::string::npos);
    }
    SECTION("an unknown question")
    {
        auto j = templateJson();
        j["areas"][2]["goals"][3]["indicators"][0]["survey"]["question"] = "nope";
        CHECK(parseError(j).field == "areas[2].goals[3].indicators[0] (3.4.1).survey.question");
    }
    SECTION("ideal shares must sum to 100")
    {
        auto j = templateJson();
        j["areas"][0]["ideal_share"] = 50;
        CHECK(parseError(j).field == "areas");
    }
    SECTION("duplicate indicator codes")
    {
        auto j = templateJson();
        j["areas"][0]["goals"][1]["indicators"][1]["code"] = "1.2.1";
        CHECK(parseError(j).message.find("1.2.1") != std::string::npos);
    }
    SECTION("a share above 100 %")
    {
        auto j = templateJson();
        j["areas"][0]["goals"][0]["indicators"][0]["target"] = {{"at_least", 140}};
        CHECK(parseError(j).field == "areas[0].goals[0].indicators[0] (1.1.1).target");
    }
}

TEST_CASE("The NNS template: 15 core indicators, 26 measuring points, the statements on the agreement scale",
          "[core][budget][nns]")
{
    auto doc = parseBudgetDocument(socialBudgetTemplateNns());
    INFO((doc ? std::string() : doc.error().describe()));
    REQUIRE(doc);
    const auto& b = doc->budget;
    int goals = 0, idealShares = 0, survey = 0, manual = 0;
    std::set<std::string> nnsNumbers;
    for (const auto& a : b.areas) {
        idealShares += a.idealSharePct;
        for (const auto& g : a.goals) {
            ++goals;
            nnsNumbers.insert(g.text.substr(0, g.text.find(':')));  // "NNS 7"
            for (const auto& i : g.indicators) {
                survey += i.kind == IndicatorKind::SurveyShare;
                manual += i.kind == IndicatorKind::Manual;
                CHECK(i.weight >= 1);
                CHECK(i.weight <= 10);
            }
        }
    }
    CHECK(goals == 15);
    CHECK(nnsNumbers.size() == 15);  // NNS 1 … NNS 15, each once
    CHECK(b.indicatorCount() == 26);
    CHECK(survey == 25);  // one per statement and respondent phase
    CHECK(manual == 1);   // NNS 11: register data, the kansli's judgment
    CHECK(idealShares == 100);

    // Every statement on the 1–5 agreement scale "Instämmer inte alls – Instämmer helt".
    REQUIRE(doc->scales.size() == 1);
    CHECK(doc->scales[0].options ==
          std::vector<std::string>{"Instämmer inte alls", "Instämmer i liten grad", "Instämmer delvis",
                                   "Instämmer i hög grad", "Instämmer helt"});
    CHECK(doc->questions.size() == 25);
    for (const auto& q : doc->questions)
        CHECK(q.scale == doc->scales[0].code);

    // The statements the förbund may not reword, the same as in the 2021 template where both have them.
    auto older = parseBudgetDocument(socialBudgetTemplate2021());
    REQUIRE(older);
    int shared = 0;
    for (const auto& q : doc->questions)
        for (const auto& o : older->questions)
            if (o.code == q.code) {
                CHECK(o.text == q.text);
                ++shared;
            }
    CHECK(shared == 14);
    auto text = [&](const std::string& code) {
        for (const auto& q : doc->questions)
            if (q.code == code)
                return q.text;
        return std::string();
    };
    CHECK(text("nns_tid_personal") == "Stödet vi ger får ta den tid som deltagaren behöver.");
    CHECK(text("nns_forebyggande") == "Erfarenheter från vår samverkan har lett till att förebyggande insatser utvecklats.");
}
