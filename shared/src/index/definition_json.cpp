// SPDX-License-Identifier: GPL-3.0-or-later
// The index's definitions as JSON: one indicator (its kind, target, case
// filter or survey selector, scope) and the index settings. The same form is
// stored in the database, carried by the sync protocol and written in a
// budget file's indicators, so the store, the protocol and the file import
// all read and write it here.
#include "samkoll/index/definition_json.hpp"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "samkoll/domain/json_reader.hpp"

namespace samkoll::core {

using nlohmann::json;

namespace {

using json_reader::fail;
using json_reader::member;
using json_reader::term;
using json_reader::text;
using json_reader::smallInteger;
using ParseFailure = json_reader::PathError;

/// A number given in the file (percent, count, percentage points) as hundredths.
std::int64_t centi(const json& v, const std::string& path)
{
    if (!v.is_number())
        fail(path, "ska vara ett tal");
    const double d = v.get<double>();
    const double scaled = d * 100.0;
    const double rounded = std::round(scaled);
    if (std::fabs(scaled - rounded) > 1e-6)
        fail(path, "högst två decimaler");
    if (d < 0 || d > 1e9)
        fail(path, "ska vara ett icke-negativt tal");
    return static_cast<std::int64_t>(rounded);
}

Target parseTarget(const json& spec, const std::string& path, IndicatorKind kind)
{
    const std::string p = path + ".target";
    if (kind == IndicatorKind::Manual) {
        if (spec.contains("target"))
            fail(p, "en manuell indikator har inget mål – kansliet bedömer uppnått eller inte");
        return {};
    }
    const auto& t = member(spec, path, "target");
    if (!t.is_object() || t.size() != 1)
        fail(p, "ange exakt ett av at_least, at_most, between, decrease");
    Target out;
    if (t.contains("at_least")) {
        out.type = Target::Type::AtLeast;
        out.a = centi(t["at_least"], p + ".at_least");
    } else if (t.contains("at_most")) {
        out.type = Target::Type::AtMost;
        out.a = centi(t["at_most"], p + ".at_most");
    } else if (t.contains("between")) {
        const auto& b = t["between"];
        if (!b.is_array() || b.size() != 2)
            fail(p + ".between", "ska vara [lägst, högst], t.ex. [40, 60]");
        out.type = Target::Type::Between;
        out.a = centi(b[0], p + ".between[0]");
        out.b = centi(b[1], p + ".between[1]");
        if (out.a > out.b)
            fail(p + ".between", "lägsta värdet är större än högsta");
    } else if (t.contains("decrease")) {
        out.type = Target::Type::Decrease;
        out.a = centi(t["decrease"], p + ".decrease");
    } else {
        fail(p, "ange exakt ett av at_least, at_most, between, decrease");
    }

    const bool percentKind = kind == IndicatorKind::OutcomeShare || kind == IndicatorKind::Throughput ||
                             kind == IndicatorKind::SurveyShare || kind == IndicatorKind::GenderBalance;
    if (percentKind && (out.a > 10000 || out.b > 10000))
        fail(p, "en andel kan inte överstiga 100 %");
    auto allowed = [&](std::initializer_list<Target::Type> types) {
        for (auto ty : types)
            if (out.type == ty)
                return;
        fail(p, "målet passar inte indikatortypen " + std::string(codeOf(kind)));
    };
    switch (kind) {
    case IndicatorKind::OutcomeShare:
    case IndicatorKind::SurveyShare:
        allowed({Target::Type::AtLeast, Target::Type::AtMost});
        break;
    case IndicatorKind::Throughput:
    case IndicatorKind::StoryCount:
        allowed({Target::Type::AtLeast});
        break;
    case IndicatorKind::GenderBalance:
        allowed({Target::Type::Between});
        break;
    case IndicatorKind::GenderGap:
        allowed({Target::Type::AtMost});
        break;
    case IndicatorKind::StatisticTrend:
        allowed({Target::Type::Decrease});
        break;
    case IndicatorKind::Manual:
        break;
    }
    return out;
}

CaseFilter parseCaseFilter(const json& v, const std::string& path)
{
    if (!v.is_object())
        fail(path, "ska vara ett objekt, t.ex. {\"population\": \"exits\", \"outcomes\": \"positive\"}");
    CaseFilter f;
    const auto pop = text(v, path, "population");
    if (pop == "participants")
        f.population = CasePopulation::Participants;
    else if (pop == "new")
        f.population = CasePopulation::New;
    else if (pop == "exits")
        f.population = CasePopulation::Exits;
    else if (pop == "remaining")
        f.population = CasePopulation::Remaining;
    else
        fail(path + ".population", "okänt värde '" + pop + "' – tillåtna: participants, new, exits, remaining");

    auto it = v.find("outcomes");
    if (it == v.end())
        return f;
    if (f.population != CasePopulation::Exits)
        fail(path + ".outcomes", "avslutsorsaker kan bara väljas för population exits");
    if (it->is_string()) {
        const auto s = it->get<std::string>();
        if (s == "positive")
            f.outcomes = CaseFilter::positiveOutcomes();
        else if (s == "negative")
            f.outcomes = CaseFilter::negativeOutcomes();
        else if (s == "all")
            f.outcomes = CaseFilter::kAllOutcomes;
        else
            fail(path + ".outcomes", "ange \"positive\", \"negative\", \"all\" eller en lista av avslutsorsaker");
        return f;
    }
    if (!it->is_array() || it->empty())
        fail(path + ".outcomes", "ska vara en icke-tom lista av avslutsorsaker");
    f.outcomes = 0;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const auto o = term<ExitOutcome>((*it)[i], path + ".outcomes[" + std::to_string(i) + "]");
        f.outcomes = static_cast<std::uint8_t>(f.outcomes | (1u << static_cast<unsigned>(o)));
    }
    return f;
}

json caseFilterToJson(const CaseFilter& f)
{
    static constexpr const char* kPop[] = {"participants", "new", "exits", "remaining"};
    json j{{"population", kPop[static_cast<int>(f.population)]}};
    if (f.population == CasePopulation::Exits && f.outcomes != CaseFilter::kAllOutcomes) {
        if (f.outcomes == CaseFilter::positiveOutcomes()) {
            j["outcomes"] = "positive";
        } else if (f.outcomes == CaseFilter::negativeOutcomes()) {
            j["outcomes"] = "negative";
        } else {
            json list = json::array();
            for (std::size_t o = 0; o < kOutcomeCount; ++o)
                if (f.outcomes & (1u << o))
                    list.push_back(codeOf(static_cast<ExitOutcome>(o)));
            j["outcomes"] = list;
        }
    }
    return j;
}

SurveySelector parseSurvey(const json& v, const std::string& path, const QuestionOptionsLookup& lookup)
{
    if (!v.is_object())
        fail(path, "ska vara ett objekt med question, groups och options");
    SurveySelector s;
    s.question = text(v, path, "question");
    const auto& groups = member(v, path, "groups");
    if (!groups.is_array() || groups.empty())
        fail(path + ".groups", "ska vara en icke-tom lista av respondentgrupper");
    for (std::size_t i = 0; i < groups.size(); ++i)
        s.groups.push_back(term<RespondentGroup>(groups[i], path + ".groups[" + std::to_string(i) + "]"));

    std::optional<std::vector<std::string>> options;
    if (lookup)
        options = lookup(s.question);
    if (lookup && !options)
        fail(path + ".question", "frågan '" + s.question + "' finns inte – definiera den under questions");

    const auto& opts = member(v, path, "options");
    if (!opts.is_array() || opts.empty())
        fail(path + ".options", "ska vara en icke-tom lista av svarsalternativ");
    for (std::size_t i = 0; i < opts.size(); ++i) {
        const std::string p = path + ".options[" + std::to_string(i) + "]";
        int position = 0;
        if (opts[i].is_number_integer()) {
            position = opts[i].get<int>();
            if (position < 1 || (options && position > static_cast<int>(options->size())))
                fail(p, "svarsalternativ " + std::to_string(position) + " finns inte på frågans skala");
        } else if (opts[i].is_string() && options) {
            const auto label = foldCase(opts[i].get<std::string>());
            for (std::size_t k = 0; k < options->size(); ++k)
                if (foldCase((*options)[k]) == label)
                    position = static_cast<int>(k + 1);
            if (position == 0) {
                std::string all;
                for (const auto& o : *options)
                    all += (all.empty() ? "" : ", ") + o;
                fail(p, "svarsalternativet '" + opts[i].get<std::string>() + "' finns inte på frågans skala (" + all +
                            ")");
            }
        } else {
            fail(p, "ska vara ett svarsalternativ (text) eller dess nummer på skalan");
        }
        s.options.push_back(position);
    }
    return s;
}

IndicatorSpec parseIndicator(const json& v, const std::string& path, const QuestionOptionsLookup& lookup)
{
    IndicatorSpec s;
    s.code = text(v, path, "code");
    const std::string p = path + " (" + s.code + ")";
    s.text = text(v, p, "text");
    const auto kindText = text(v, p, "kind");
    auto kind = findTerm(indicatorKindTerms(), kindText);
    if (!kind)
        fail(p + ".kind", "okänd indikatortyp '" + kindText + "' – tillåtna: " + listCodes(indicatorKindTerms()));
    s.kind = static_cast<IndicatorKind>(*kind);
    s.weight = smallInteger(v, p, "weight", 1, 10);
    const auto scope = v.contains("scope") ? text(v, p, "scope") : std::string("both");
    if (scope == "federation")
        s.scope = Scope::Federation;
    else if (scope == "team")
        s.scope = Scope::Team;
    else if (scope == "both")
        s.scope = Scope::Both;
    else
        fail(p + ".scope", "okänt värde '" + scope + "' – tillåtna: federation, team, both");
    s.target = parseTarget(v, p, s.kind);

    switch (s.kind) {
    case IndicatorKind::OutcomeShare:
        s.numerator = parseCaseFilter(member(v, p, "numerator"), p + ".numerator");
        s.denominator = parseCaseFilter(member(v, p, "denominator"), p + ".denominator");
        break;
    case IndicatorKind::Throughput:
        break;
    case IndicatorKind::GenderBalance:
        if (v.contains("cases"))
            s.casePopulation = parseCaseFilter(v["cases"], p + ".cases");
        else if (v.contains("body"))
            s.body = term<CompositionBody>(v["body"], p + ".body");
        else
            fail(p, "ange cases (en ärendepopulation) eller body (staff, steering_group, board)");
        break;
    case IndicatorKind::SurveyShare:
        s.survey = parseSurvey(member(v, p, "survey"), p + ".survey", lookup);
        break;
    case IndicatorKind::GenderGap:
        if (v.contains("survey")) {
            s.survey = parseSurvey(v["survey"], p + ".survey", lookup);
        } else if (v.contains("numerator")) {
            s.numerator = parseCaseFilter(v["numerator"], p + ".numerator");
            s.denominator = parseCaseFilter(member(v, p, "denominator"), p + ".denominator");
        } else {
            fail(p, "ange survey (en enkätandel) eller numerator och denominator (en utfallsandel)");
        }
        break;
    case IndicatorKind::StoryCount:
        s.storyCategory = term<StoryCategory>(member(v, p, "category"), p + ".category");
        break;
    case IndicatorKind::StatisticTrend: {
        const auto stat = v.contains("statistic") ? text(v, p, "statistic") : std::string("hae_total");
        if (stat == "hae_total")
            s.statistic = HaeMeasure::Total;
        else if (stat == "hae_illness")
            s.statistic = HaeMeasure::Illness;
        else if (stat == "hae_unemployment")
            s.statistic = HaeMeasure::Unemployment;
        else if (stat == "hae_assistance")
            s.statistic = HaeMeasure::Assistance;
        else
            fail(p + ".statistic", "okänd statistik '" + stat +
                                       "' – tillåtna: hae_total, hae_illness, hae_unemployment, hae_assistance");
        break;
    }
    case IndicatorKind::Manual:
        break;
    }
    return s;
}

json targetToJson(const Target& t)
{
    auto num = [](std::int64_t c) -> json {
        if (c % 100 == 0)
            return c / 100;
        return static_cast<double>(c) / 100.0;
    };
    switch (t.type) {
    case Target::Type::AtLeast:
        return {{"at_least", num(t.a)}};
    case Target::Type::AtMost:
        return {{"at_most", num(t.a)}};
    case Target::Type::Between:
        return {{"between", {num(t.a), num(t.b)}}};
    case Target::Type::Decrease:
        return {{"decrease", num(t.a)}};
    case Target::Type::None:
        break;
    }
    return nullptr;
}

json surveyToJson(const SurveySelector& s)
{
    json groups = json::array();
    for (auto g : s.groups)
        groups.push_back(codeOf(g));
    return {{"question", s.question}, {"groups", groups}, {"options", s.options}};
}

}  // namespace

json indicatorToJson(const IndicatorSpec& s)
{
    static constexpr const char* kScope[] = {"federation", "team", "both"};
    json j{{"code", s.code}, {"text", s.text}, {"kind", codeOf(s.kind)}, {"weight", s.weight},
           {"scope", kScope[static_cast<int>(s.scope)]}};
    if (s.target.type != Target::Type::None)
        j["target"] = targetToJson(s.target);
    switch (s.kind) {
    case IndicatorKind::OutcomeShare:
        j["numerator"] = caseFilterToJson(s.numerator);
        j["denominator"] = caseFilterToJson(s.denominator);
        break;
    case IndicatorKind::GenderBalance:
        if (s.casePopulation)
            j["cases"] = caseFilterToJson(*s.casePopulation);
        else if (s.body)
            j["body"] = codeOf(*s.body);
        break;
    case IndicatorKind::SurveyShare:
        j["survey"] = surveyToJson(*s.survey);
        break;
    case IndicatorKind::GenderGap:
        if (s.survey) {
            j["survey"] = surveyToJson(*s.survey);
        } else {
            j["numerator"] = caseFilterToJson(s.numerator);
            j["denominator"] = caseFilterToJson(s.denominator);
        }
        break;
    case IndicatorKind::StoryCount:
        j["category"] = codeOf(*s.storyCategory);
        break;
    case IndicatorKind::StatisticTrend: {
        static constexpr const char* kStat[] = {"hae_total", "hae_illness", "hae_unemployment", "hae_assistance"};
        j["statistic"] = kStat[static_cast<int>(s.statistic)];
        break;
    }
    case IndicatorKind::Throughput:
    case IndicatorKind::Manual:
        break;
    }
    return j;
}

std::string indicatorDefinitionJson(const IndicatorSpec& spec)
{
    return indicatorToJson(spec).dump();
}

Result<IndicatorSpec> parseIndicatorDefinition(std::string_view text)
{
    try {
        return parseIndicator(json::parse(text), "indicator", {});
    } catch (const ParseFailure& f) {
        return makeError("invalid_indicator", f.path, f.message);
    } catch (const json::exception& e) {
        return makeError("invalid_indicator", "definition", std::string("trasig indikatordefinition: ") + e.what());
    }
}

json settingsToJson(const IndexSettings& s)
{
    return {{"green_from", s.greenFrom},
            {"orange_from", s.orangeFrom},
            {"low_volume_below", s.lowVolumeBelow},
            {"weighting_tolerance_pp", s.weightingTolerancePp}};
}

IndexSettings parseSettingsJson(const json& j, const std::string& path)
{
    IndexSettings s;
    if (j.is_null())
        return s;
    if (!j.is_object())
        fail(path, "ska vara ett JSON-objekt");
    if (j.contains("green_from"))
        s.greenFrom = smallInteger(j, path, "green_from", 0, 100);
    if (j.contains("orange_from"))
        s.orangeFrom = smallInteger(j, path, "orange_from", 0, 100);
    if (j.contains("low_volume_below"))
        s.lowVolumeBelow = smallInteger(j, path, "low_volume_below", 0, 1000000);
    if (j.contains("weighting_tolerance_pp"))
        s.weightingTolerancePp = smallInteger(j, path, "weighting_tolerance_pp", 0, 100);
    if (s.orangeFrom > s.greenFrom)
        fail(path + ".orange_from", "orange gräns kan inte ligga över grön gräns");
    return s;
}

IndexSettings settingsFromJson(std::string_view text)
{
    try {
        return parseSettingsJson(json::parse(text), "settings");
    } catch (...) {
        return {};
    }
}

IndicatorSpec parseIndicatorJson(const json& v, const std::string& path, const QuestionOptionsLookup& lookup)
{
    return parseIndicator(v, path, lookup);
}

}  // namespace samkoll::core
