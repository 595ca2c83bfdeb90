// SPDX-License-Identifier: GPL-3.0-or-later
// The kansli's changes to a social budget before it is saved (budget_draft.hpp).
#include "samkoll/io/budget_draft.hpp"

#include <cmath>

#include "samkoll/io/csv.hpp"
#include "samkoll/report/format.hpp"

namespace samkoll::core::budget_draft {

using nlohmann::json;

namespace {

std::string trimmed(std::string_view s)
{
    return std::string(trim(s));
}

/// "80" → 80, "12,5" → 12.5 (hundredths at most), as the file writes a target.
std::optional<json> number(std::string_view text)
{
    const auto centi = parseKronor(trim(text));  // hundredths, exactly
    if (!centi)
        return std::nullopt;
    if (*centi % 100 == 0)
        return json(*centi / 100);
    return json(static_cast<double>(*centi) / 100.0);
}

json* findIndicator(json& draft, const std::string& code)
{
    if (!draft.is_object() || !draft.contains("areas") || !draft["areas"].is_array())
        return nullptr;
    for (auto& area : draft["areas"]) {
        if (!area.is_object() || !area.contains("goals") || !area["goals"].is_array())
            continue;
        for (auto& goal : area["goals"]) {
            if (!goal.is_object() || !goal.contains("indicators") || !goal["indicators"].is_array())
                continue;
            for (auto& indicator : goal["indicators"])
                if (indicator.is_object() && indicator.contains("code") && indicator["code"] == code)
                    return &indicator;
        }
    }
    return nullptr;
}

std::string numberText(const json& v)
{
    if (v.is_number_integer())
        return std::to_string(v.get<long long>());
    if (v.is_number())
        return formatCenti(std::llround(v.get<double>() * 100.0));
    return {};
}

}  // namespace

Status setYear(json& draft, int year)
{
    if (year < 1990 || year > 2200)
        return makeError("invalid_value", "year", "året ska vara mellan 1990 och 2200");
    const int before = draft.contains("year") && draft["year"].is_number_integer() ? draft["year"].get<int>() : 0;
    if (!draft.contains("name") || draft["name"] == "Social budget " + std::to_string(before))
        draft["name"] = "Social budget " + std::to_string(year);
    draft["year"] = year;
    return {};
}

Status setIdealShare(json& draft, int area, std::string_view text)
{
    const auto pct = parseInteger(trimmed(text));
    if (!pct)
        return makeError("invalid_value", "ideal_share", "skriv idealandelen i hela procent, t.ex. 40");
    if (!draft.contains("areas") || !draft["areas"].is_array())
        return makeError("not_found", "area", "budgeten har inga områden");
    for (auto& a : draft["areas"])
        if (a.is_object() && a.contains("number") && a["number"].is_number_integer() && a["number"].get<int>() == area) {
            a["ideal_share"] = *pct;
            return {};
        }
    return makeError("not_found", "area", "området " + std::to_string(area) + " finns inte i budgeten");
}

Status setWeight(json& draft, const std::string& indicator, std::string_view text)
{
    const auto weight = parseInteger(trimmed(text));
    if (!weight)
        return makeError("invalid_value", "weight", "skriv vikten som ett heltal 1–10");
    auto* i = findIndicator(draft, indicator);
    if (!i)
        return makeError("not_found", "indicator", "indikatorn " + indicator + " finns inte i budgeten");
    (*i)["weight"] = *weight;
    return {};
}

Status setTarget(json& draft, const std::string& indicator, std::string_view type, std::string_view value)
{
    auto* i = findIndicator(draft, indicator);
    if (!i)
        return makeError("not_found", "indicator", "indikatorn " + indicator + " finns inte i budgeten");
    if (type == "none") {
        i->erase("target");
        return {};
    }
    if (type == "between") {
        const std::string v = trimmed(value);
        std::size_t dash = v.find("–");
        std::size_t width = 3;  // the en dash is three bytes in UTF-8
        if (dash == std::string::npos) {
            dash = v.find('-', 1);
            width = 1;
        }
        if (dash == std::string::npos)
            return makeError("invalid_value", "target", "skriv ett intervall som 40–60");
        const auto low = number(std::string_view(v).substr(0, dash));
        const auto high = number(std::string_view(v).substr(dash + width));
        if (!low || !high)
            return makeError("invalid_value", "target", "skriv ett intervall som 40–60");
        (*i)["target"] = json{{"between", json::array({*low, *high})}};
        return {};
    }
    if (type != "at_least" && type != "at_most" && type != "decrease")
        return makeError("invalid_value", "target_type", "målet ska vara minst, högst, mellan, minskning eller inget");
    const auto n = number(value);
    if (!n)
        return makeError("invalid_value", "target", "skriv målet som ett tal, t.ex. 80 eller 12,5");
    (*i)["target"] = json{{std::string(type), *n}};
    return {};
}

std::string targetType(const json& indicator)
{
    const auto t = indicator.find("target");
    if (t == indicator.end() || !t->is_object() || t->empty())
        return "none";
    return t->begin().key();
}

std::string targetValue(const json& indicator)
{
    const auto t = indicator.find("target");
    if (t == indicator.end() || !t->is_object() || t->empty())
        return {};
    const auto& v = t->begin().value();
    if (v.is_array() && v.size() == 2)
        return numberText(v[0]) + "–" + numberText(v[1]);
    return numberText(v);
}

}  // namespace samkoll::core::budget_draft
