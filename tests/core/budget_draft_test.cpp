// SPDX-License-Identifier: GPL-3.0-or-later
// The kansli's changes to a social budget before it is saved: each change
// reads its value or names the field, and the whole is checked by the
// import's own validation (parseBudgetDocument).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "samkoll/io/budget_draft.hpp"
#include "samkoll/io/budget_json.hpp"

using namespace samkoll::core;
using nlohmann::json;

namespace {

const json* indicator(const json& draft, const std::string& code)
{
    for (const auto& a : draft["areas"])
        for (const auto& g : a["goals"])
            for (const auto& i : g["indicators"])
                if (i["code"] == code)
                    return &i;
    return nullptr;
}

}  // namespace

TEST_CASE("Social budget draft: next year from this year's, weights, targets and ideal shares, checked as an import",
          "[core][budget][draft]")
{
    json draft = json::parse(socialBudgetTemplate2021());
    const auto original = draft;
    const std::string first = draft["areas"][0]["goals"][0]["indicators"][0]["code"];

    // Next year: the year and the default name follow; the rest is this year's.
    REQUIRE(budget_draft::setYear(draft, 2027));
    CHECK(draft["year"] == 2027);
    CHECK(draft["areas"] == original["areas"]);
    auto doc = parseBudgetDocument(draft.dump());
    REQUIRE(doc);
    CHECK(doc->budget.year == 2027);
    CHECK(budget_draft::setYear(draft, 3000).error().field == "year");

    // A weight: read as a number; out of range is the import's refusal, naming the indicator.
    REQUIRE(budget_draft::setWeight(draft, first, " 7 "));
    CHECK((*indicator(draft, first))["weight"] == 7);
    CHECK(parseBudgetDocument(draft.dump()));
    const auto before = draft;
    CHECK(budget_draft::setWeight(draft, first, "sju").error().field == "weight");
    CHECK(draft == before);  // nothing changed by a value that is no number
    CHECK(budget_draft::setWeight(draft, "9.9.9", "2").error().field == "indicator");
    REQUIRE(budget_draft::setWeight(draft, first, "11"));
    auto bad = parseBudgetDocument(draft.dump());
    REQUIRE_FALSE(bad);
    CHECK(bad.error().field.find("(" + first + ").weight") != std::string::npos);
    REQUIRE(budget_draft::setWeight(draft, first, "3"));

    // Targets: Swedish decimals, an interval, a decrease, none; read back as written.
    REQUIRE(budget_draft::setTarget(draft, first, "at_least", "72,5"));
    CHECK(budget_draft::targetType(*indicator(draft, first)) == "at_least");
    CHECK(budget_draft::targetValue(*indicator(draft, first)) == "72,5");
    REQUIRE(parseBudgetDocument(draft.dump()));
    CHECK(parseBudgetDocument(draft.dump())->budget.areas[0].goals[0].indicators[0].target.a == 7250);
    REQUIRE(budget_draft::setTarget(draft, first, "between", "40–60"));
    CHECK(budget_draft::targetValue(*indicator(draft, first)) == "40–60");
    REQUIRE(budget_draft::setTarget(draft, first, "between", "40-60"));
    CHECK((*indicator(draft, first))["target"]["between"] == json::array({40, 60}));
    CHECK(budget_draft::setTarget(draft, first, "between", "40").error().field == "target");
    CHECK(budget_draft::setTarget(draft, first, "at_most", "mycket").error().field == "target");
    CHECK(budget_draft::setTarget(draft, first, "roughly", "5").error().field == "target_type");
    REQUIRE(budget_draft::setTarget(draft, first, "none", ""));
    CHECK(budget_draft::targetType(*indicator(draft, first)) == "none");
    CHECK(budget_draft::targetValue(*indicator(draft, first)).empty());
    REQUIRE(budget_draft::setTarget(draft, first, "at_least", "80"));

    // Ideal shares: the areas must add up to 100 — the import says so, naming the field.
    const int area1 = draft["areas"][0]["number"];
    const int share1 = draft["areas"][0]["ideal_share"];
    REQUIRE(budget_draft::setIdealShare(draft, area1, std::to_string(share1 + 5)));
    auto shares = parseBudgetDocument(draft.dump());
    REQUIRE_FALSE(shares);
    INFO(shares.error().field << ": " << shares.error().message);
    CHECK(shares.error().message.find("100") != std::string::npos);
    const int area2 = draft["areas"][1]["number"];
    const int share2 = draft["areas"][1]["ideal_share"];
    REQUIRE(budget_draft::setIdealShare(draft, area2, std::to_string(share2 - 5)));
    CHECK(parseBudgetDocument(draft.dump()));
    CHECK(budget_draft::setIdealShare(draft, 99, "10").error().field == "area");
    CHECK(budget_draft::setIdealShare(draft, area1, "fyrtio").error().field == "ideal_share");

    // A damaged file's draft does not crash a change: it is named.
    json broken = json::parse(R"({"year": 2027, "areas": [{"number": "ett", "goals": 5}]})");
    CHECK(budget_draft::setWeight(broken, "1.1.1", "2").error().field == "indicator");
    CHECK(budget_draft::setIdealShare(broken, 1, "40").error().field == "area");
}
