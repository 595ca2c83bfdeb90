// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/io/budget_json.hpp"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "samkoll/domain/json_reader.hpp"
#include "samkoll/index/definition_json.hpp"

namespace samkoll::core {

using nlohmann::json;

namespace {

using json_reader::fail;
using json_reader::member;
using json_reader::term;
using json_reader::smallInteger;
using ParseFailure = json_reader::PathError;

Result<BudgetDocument> toError(const ParseFailure& f)
{
    return makeError("invalid_budget", f.path, f.message);
}

}  // namespace

json budgetDocumentToJson(const BudgetDocument& doc)
{
    json scales = json::array();
    for (const auto& s : doc.scales)
        scales.push_back({{"code", s.code}, {"name", s.name}, {"options", s.options}});
    json questions = json::array();
    for (const auto& q : doc.questions)
        questions.push_back({{"code", q.code}, {"text", q.text}, {"scale", q.scale}});
    json questionnaires = json::array();
    for (const auto& q : doc.questionnaires)
        questionnaires.push_back({{"code", q.code}, {"title", q.title}, {"questions", q.questions}});
    json areas = json::array();
    for (const auto& a : doc.budget.areas) {
        json goals = json::array();
        for (const auto& g : a.goals) {
            json indicators = json::array();
            for (const auto& i : g.indicators)
                indicators.push_back(indicatorToJson(i));
            goals.push_back({{"code", g.code}, {"text", g.text}, {"indicators", indicators}});
        }
        areas.push_back({{"number", a.number}, {"name", a.name}, {"ideal_share", a.idealSharePct}, {"goals", goals}});
    }
    return {{"format", "samkoll.social_budget/1"},
            {"year", doc.budget.year},
            {"name", doc.budget.name},
            {"settings", settingsToJson(doc.budget.settings)},
            {"scales", scales},
            {"questions", questions},
            {"questionnaires", questionnaires},
            {"areas", areas}};
}

Result<BudgetDocument> parseBudgetDocument(std::string_view text, const QuestionOptionsLookup& known)
{
    try {
        const json root = json::parse(text);
        if (!root.is_object())
            fail("", "filen ska innehålla ett JSON-objekt");
        if (root.contains("format") && root["format"] != "samkoll.social_budget/1")
            fail("format", "okänt format – filen ska ha \"format\": \"samkoll.social_budget/1\"");
        BudgetDocument doc;
        auto& b = doc.budget;
        b.year = smallInteger(root, "", "year", 1990, 2200);
        b.name = root.contains("name") ? json_reader::text(root, "", "name") : "Social budget " + std::to_string(b.year);
        b.settings = parseSettingsJson(root.value("settings", json()), "settings");

        std::map<std::string, std::vector<std::string>> scaleOptions;
        if (root.contains("scales")) {
            const auto& scales = root["scales"];
            if (!scales.is_array())
                fail("scales", "ska vara en lista");
            for (std::size_t i = 0; i < scales.size(); ++i) {
                const std::string p = "scales[" + std::to_string(i) + "]";
                ScaleDefinition s;
                s.code = json_reader::text(scales[i], p, "code");
                s.name = scales[i].contains("name") ? json_reader::text(scales[i], p, "name") : s.code;
                const auto& opts = member(scales[i], p, "options");
                if (!opts.is_array() || opts.size() < 2)
                    fail(p + ".options", "en skala behöver minst två svarsalternativ");
                std::set<std::string> seen;
                for (std::size_t k = 0; k < opts.size(); ++k) {
                    if (!opts[k].is_string() || opts[k].get_ref<const std::string&>().empty())
                        fail(p + ".options[" + std::to_string(k) + "]", "ska vara en icke-tom text");
                    if (!seen.insert(foldCase(opts[k].get<std::string>())).second)
                        fail(p + ".options[" + std::to_string(k) + "]", "svarsalternativet finns två gånger");
                    s.options.push_back(opts[k].get<std::string>());
                }
                if (!scaleOptions.emplace(s.code, s.options).second)
                    fail(p + ".code", "skalan '" + s.code + "' finns två gånger");
                doc.scales.push_back(std::move(s));
            }
        }
        std::map<std::string, std::vector<std::string>> questionOptions;
        if (root.contains("questions")) {
            const auto& qs = root["questions"];
            if (!qs.is_array())
                fail("questions", "ska vara en lista");
            for (std::size_t i = 0; i < qs.size(); ++i) {
                const std::string p = "questions[" + std::to_string(i) + "]";
                QuestionDefinition q;
                q.code = json_reader::text(qs[i], p, "code");
                q.text = json_reader::text(qs[i], p, "text");
                q.scale = json_reader::text(qs[i], p, "scale");
                auto sc = scaleOptions.find(q.scale);
                if (sc == scaleOptions.end())
                    fail(p + ".scale", "skalan '" + q.scale + "' finns inte under scales");
                if (!questionOptions.emplace(q.code, sc->second).second)
                    fail(p + ".code", "frågan '" + q.code + "' finns två gånger");
                doc.questions.push_back(std::move(q));
            }
        }
        if (root.contains("questionnaires")) {
            const auto& qs = root["questionnaires"];
            if (!qs.is_array())
                fail("questionnaires", "ska vara en lista");
            for (std::size_t i = 0; i < qs.size(); ++i) {
                const std::string p = "questionnaires[" + std::to_string(i) + "]";
                QuestionnaireDefinition q;
                q.code = json_reader::text(qs[i], p, "code");
                q.title = json_reader::text(qs[i], p, "title");
                const auto& list = member(qs[i], p, "questions");
                if (!list.is_array() || list.empty())
                    fail(p + ".questions", "ska vara en icke-tom lista av frågekoder");
                for (std::size_t k = 0; k < list.size(); ++k) {
                    const std::string qp = p + ".questions[" + std::to_string(k) + "]";
                    if (!list[k].is_string())
                        fail(qp, "ska vara en frågekod");
                    const auto code = list[k].get<std::string>();
                    if (!questionOptions.count(code) && !(known && known(code)))
                        fail(qp, "frågan '" + code + "' finns inte under questions");
                    q.questions.push_back(code);
                }
                doc.questionnaires.push_back(std::move(q));
            }
        }

        const QuestionOptionsLookup lookup = [&](const std::string& code) -> std::optional<std::vector<std::string>> {
            auto it = questionOptions.find(code);
            if (it != questionOptions.end())
                return it->second;
            if (known)
                return known(code);
            return std::nullopt;
        };

        const auto& areas = member(root, "", "areas");
        if (!areas.is_array() || areas.empty())
            fail("areas", "ska vara en icke-tom lista av målområden");
        std::set<std::string> indicatorCodes;
        std::set<int> areaNumbers;
        int idealSum = 0;
        for (std::size_t i = 0; i < areas.size(); ++i) {
            const std::string p = "areas[" + std::to_string(i) + "]";
            GoalArea area;
            area.number = smallInteger(areas[i], p, "number", 1, 99);
            if (!areaNumbers.insert(area.number).second)
                fail(p + ".number", "målområde " + std::to_string(area.number) + " finns två gånger");
            area.name = json_reader::text(areas[i], p, "name");
            area.idealSharePct = smallInteger(areas[i], p, "ideal_share", 0, 100);
            idealSum += area.idealSharePct;
            const auto& goals = member(areas[i], p, "goals");
            if (!goals.is_array())
                fail(p + ".goals", "ska vara en lista av mål");
            for (std::size_t g = 0; g < goals.size(); ++g) {
                const std::string gp = p + ".goals[" + std::to_string(g) + "]";
                Goal goal;
                goal.code = json_reader::text(goals[g], gp, "code");
                goal.text = json_reader::text(goals[g], gp, "text");
                const auto& inds = member(goals[g], gp, "indicators");
                if (!inds.is_array())
                    fail(gp + ".indicators", "ska vara en lista av indikatorer");
                for (std::size_t k = 0; k < inds.size(); ++k) {
                    auto spec = parseIndicatorJson(inds[k], gp + ".indicators[" + std::to_string(k) + "]", lookup);
                    if (!indicatorCodes.insert(spec.code).second)
                        fail(gp + ".indicators[" + std::to_string(k) + "].code",
                             "indikatorkoden '" + spec.code + "' finns två gånger");
                    goal.indicators.push_back(std::move(spec));
                }
                area.goals.push_back(std::move(goal));
            }
            b.areas.push_back(std::move(area));
        }
        if (idealSum != 100)
            fail("areas", "målområdenas idealandelar (ideal_share) ska summera till 100 %, inte " +
                              std::to_string(idealSum) + " %");
        return doc;
    } catch (const ParseFailure& f) {
        return toError(f);
    } catch (const json::parse_error& e) {
        return makeError("invalid_json", "", std::string("filen är inte giltig JSON (byte ") + std::to_string(e.byte) +
                                                 "): " + e.what());
    } catch (const json::exception& e) {
        return makeError("invalid_budget", "", std::string("fel typ i filen: ") + e.what());
    }
}

}  // namespace samkoll::core
