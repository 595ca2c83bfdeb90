// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/report/index_report.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "samkoll/report/format.hpp"

namespace samkoll::core {

using nlohmann::json;

namespace {

/// Why the indicator carries each fairness mark, in words (shown beside the
/// mark on the screens and in the reports).
json fairnessReasons(const IndicatorResult& r, const IndexSettings& settings, Language language)
{
    const Words words{language};
    json out = json::array();
    if (r.swing)
        out.push_back(r.signal == Signal::Achieved
                          ? words("Vippläge: med en person mindre i utfallet nås målet inte längre.",
                                  "Swing: with one person fewer in the result the target is no longer met.")
                          : words("Vippläge: en person till i utfallet skulle nå målet.",
                                  "Swing: one more person in the result would meet the target."));
    if (r.lowVolume)
        out.push_back(words("Låg volym: underlaget är ", "Low volume: the base is ") + formatInteger(r.count.N) +
                      words(", färre än ", ", fewer than ") + formatInteger(settings.lowVolumeBelow) +
                      words(" – ett enda svar väger tungt.", " – a single answer weighs heavily."));
    if (r.inconclusive && r.interval)
        out.push_back(words("Osäker: målet nås inte, men 90 %-intervallet (",
                            "Inconclusive: the target is not met, but the 90 % interval (") +
                      formatDecimal(r.interval->lo, 1) + "–" + formatDecimal(r.interval->hi, 1) +
                      words(" %) når det.", " %) reaches it."));
    else if (r.inconclusive)
        out.push_back(words("Osäker: målet nås inte, men skillnaden ligger inom slumpens marginal.",
                            "Inconclusive: the target is not met, but the gap is within the margin of chance."));
    return out;
}

std::string genderSplit(const IndicatorResult& r)
{
    if (!r.women || !r.men || r.kind == IndicatorKind::GenderBalance || !r.assessable())
        return {};
    return "kvinnor " + formatShare(r.women->n, r.women->N) + ", män " + formatShare(r.men->n, r.men->N);
}

std::string rule(std::size_t width)
{
    std::string out;
    for (std::size_t i = 0; i < width; ++i)
        out += "─";
    return out;
}

std::string heading(const UnitIndex& u)
{
    return "Impactindex " + u.period.label + " – " + u.unitName +
           (u.isTeam ? "" : " (hela förbundet, sammanvägda data från alla team)");
}

}  // namespace

std::string renderUnitIndexText(const UnitIndex& u)
{
    std::string out;
    const std::string title = heading(u);
    out += title + "\n" + rule(displayWidth(title)) + "\n";
    out += "Period " + u.period.from.iso() + " – " + u.period.to.iso() + ", social budget " +
           std::to_string(u.budgetYear) + "\n\n";

    out += padRight("Målområde", 34) + padLeft("Max", 5) + padLeft("Uppnått", 9) + padLeft("Måluppfyllelse", 16) +
           padLeft("Index", 14) + padLeft("Ideal", 7) + padLeft("Faktisk", 9) + "\n";
    for (const auto& a : u.areas) {
        const auto& f = a.figures;
        out += padRight(std::to_string(a.number) + " " + a.name, 34) + padLeft(formatInteger(f.max), 5) +
               padLeft(formatInteger(f.achieved), 9) + padLeft(f.max ? formatPercent(f.achieved, f.max) : "–", 16) +
               padLeft(indexText(f.index, f.colour), 14) + padLeft(std::to_string(a.idealSharePct) + " %", 7) +
               padLeft(u.total.max ? formatDecimal(a.actualSharePct, 0) + " %" : "–", 9) +
               (a.weightingOff ? "  ⚠ viktning avviker mer än " + std::to_string(u.settings.weightingTolerancePp) +
                                     " procentenheter från idealet"
                               : "") +
               "\n";
    }
    const auto& t = u.total;
    out += padRight("Totalt", 34) + padLeft(formatInteger(t.max), 5) + padLeft(formatInteger(t.achieved), 9) +
           padLeft(t.max ? formatPercent(t.achieved, t.max) : "–", 16) + padLeft(indexText(t.index, t.colour), 14) +
           "\n";
    out += "Indikatorer: " + std::to_string(t.assessable) + " bedömda, varav " + std::to_string(t.achievedCount) +
           " uppnådda; " + std::to_string(t.notAssessable) + " utan utfall (räknas inte).\n";
    out += "Färg: grön ≥ " + std::to_string(u.settings.greenFrom) + ", orange " + std::to_string(u.settings.orangeFrom) +
           "–" + std::to_string(u.settings.greenFrom - 1) + ", röd < " + std::to_string(u.settings.orangeFrom) + ".\n\n";

    out += padRight("Indikator", 16) + padRight("Mål", 30) + padRight("Resultat", 44) + padLeft("Vikt", 5) + "  " +
           padRight("Signal", 14) + "Anmärkning\n";
    int area = 0;
    std::string goal;
    for (const auto& r : u.indicators) {
        if (r.area != area) {
            area = r.area;
            for (const auto& a : u.areas)
                if (a.number == area)
                    out += "\n" + std::to_string(a.number) + " " + a.name + "\n";
        }
        std::string comment = fairnessMarks(r);
        const std::string split = genderSplit(r);
        if (!split.empty())
            comment += (comment.empty() ? "" : "; ") + split;
        if (const auto note = r.noteText(); !note.empty() && r.kind != IndicatorKind::StatisticTrend)
            comment += (comment.empty() ? "" : "; ") + note;
        out += padRight(r.displayCode(), 16) + padRight(r.target.describe(r.kind), 30) + padRight(r.resultText(), 44) +
               padLeft(std::to_string(r.weight), 5) + "  " + padRight(labelOf(r.signal), 14) + comment + "\n";
    }

    out += "\nUtöver den fastställda metoden (inte det officiella indexet)\n";
    out += "  1 person från målet eller från att inte nås: " + std::to_string(u.swingCount) + " indikatorer\n";
    out += "  Låg volym (N under " + std::to_string(u.settings.lowVolumeBelow) + "): " +
           std::to_string(u.lowVolumeCount) + " indikatorer\n";
    out += "  Osäkra (ej uppnådda, men 90 % konfidensintervall når målet): " + std::to_string(u.inconclusiveCount) +
           " indikatorer\n";
    for (const auto* v : {&u.volumeAdjusted, &u.graded}) {
        out += "  " + v->name() + ": " + indexText(v->index, v->colour) + " (" + formatDecimal(v->achieved, 1) + " av " +
               formatDecimal(v->max, 0) + "). " + v->explanation() + "\n";
    }
    return out;
}

std::vector<RankedTeam> rankTeams(const FederationIndex& index)
{
    std::vector<RankedTeam> ranked;
    for (const auto& t : index.teams)
        ranked.push_back({&t, 0});
    std::stable_sort(ranked.begin(), ranked.end(), [](const RankedTeam& a, const RankedTeam& b) {
        return a.unit->total.index.value_or(-1) > b.unit->total.index.value_or(-1);
    });
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        if (!ranked[i].unit->total.index)
            continue;
        ranked[i].place = i > 0 && ranked[i - 1].unit->total.index == ranked[i].unit->total.index
                              ? ranked[i - 1].place
                              : static_cast<int>(i) + 1;
    }
    return ranked;
}

std::string renderFederationIndexText(const FederationIndex& index, const std::string& teamCode)
{
    if (!teamCode.empty()) {
        if (const auto* t = index.team(teamCode))
            return renderUnitIndexText(*t);
        return {};
    }
    std::string out = renderUnitIndexText(index.federationIndex);
    if (index.teams.empty())
        return out;
    const std::string title = "Rangordning av teamen " + index.period.label;
    out += "\n\n" + title + "\n" + rule(displayWidth(title)) + "\n";
    out += padRight("", 4) + padRight("Team", 34) + padLeft("Max", 5) + padLeft("Uppnått", 9) + padLeft("Index", 14) + "\n";
    for (const auto& [t, place] : rankTeams(index)) {
        out += padLeft(place > 0 ? std::to_string(place) + "." : "–", 3) + " " + padRight(t->unitName, 34) +
               padLeft(formatInteger(t->total.max), 5) + padLeft(formatInteger(t->total.achieved), 9) +
               padLeft(indexText(t->total.index, t->total.colour), 14) + "\n";
    }
    for (const auto& t : index.teams)
        out += "\n\n" + renderUnitIndexText(t);
    return out;
}

namespace {

json figuresToJson(const IndexFigures& f)
{
    return {{"max", f.max},
            {"achieved", f.achieved},
            {"fulfilment", f.fulfilment()},
            {"index", f.index ? json(*f.index) : json(nullptr)},
            {"colour", codeOf(f.colour)},
            {"assessable", f.assessable},
            {"not_assessable", f.notAssessable},
            {"achieved_count", f.achievedCount}};
}

json countToJson(const std::optional<Count>& c)
{
    if (!c)
        return nullptr;
    return {{"n", c->n}, {"N", c->N}};
}

json targetJson(const Target& t, IndicatorKind kind, Language language)
{
    static constexpr const char* kType[] = {"none", "at_least", "at_most", "between", "decrease"};
    json j{{"type", kType[static_cast<int>(t.type)]}, {"text", t.describe(kind, language)}};
    if (t.type != Target::Type::None)
        j["value"] = static_cast<double>(t.a) / 100.0;
    if (t.type == Target::Type::Between)
        j["upper"] = static_cast<double>(t.b) / 100.0;
    return j;
}

json variantToJson(const VariantIndex& v, Language language)
{
    return {{"name", v.name(language)},
            {"explanation", v.explanation(language)},
            {"max", v.max},
            {"achieved", v.achieved},
            {"index", v.index ? json(*v.index) : json(nullptr)},
            {"colour", codeOf(v.colour)},
            {"left_out", v.leftOut},
            {"partly_credited", v.partlyCredited}};
}

}  // namespace

bool smallShare(const Count& c, int below)
{
    auto small = [below](std::int64_t v) { return v > 0 && v < below; };
    return below > 0 && (small(c.n) || small(c.N) || small(c.N - c.n));
}

HiddenFigures hiddenFigures(const IndicatorResult& r, int below)
{
    HiddenFigures h;
    const bool share = r.kind == IndicatorKind::OutcomeShare || r.kind == IndicatorKind::Throughput ||
                       r.kind == IndicatorKind::SurveyShare || r.kind == IndicatorKind::GenderBalance ||
                       r.kind == IndicatorKind::GenderGap;
    if (below <= 0 || !share)
        return h;
    h.result = r.kind != IndicatorKind::GenderGap && smallShare(r.count, below);
    h.women = r.women && smallShare(*r.women, below);
    h.men = r.men && smallShare(*r.men, below);
    if ((h.women || h.men) && (r.kind == IndicatorKind::GenderGap || r.kind == IndicatorKind::GenderBalance))
        h.result = true;
    return h;
}

std::string hiddenText(int below)
{
    return "dold (färre än " + std::to_string(below) + ")";
}

std::string indexText(const std::optional<int>& index, Colour colour)
{
    if (!index)
        return "–";
    return std::to_string(*index) + " (" + std::string(labelOf(colour)) + ")";
}

std::string fairnessMarks(const IndicatorResult& r)
{
    std::string out;
    auto add = [&](const std::string& m) { out += (out.empty() ? "" : ", ") + m; };
    if (r.swing)
        add(r.signal == Signal::Achieved ? "1 person från att inte nås" : "1 person från målet");
    if (r.lowVolume)
        add("låg volym");
    if (r.inconclusive)
        add("osäkert");
    return out;
}

namespace {

/// Takes out of an indicator's JSON what a reader of aggregates only may not see.
void suppress(json& j, const IndicatorResult& r, int below)
{
    const auto hidden = hiddenFigures(r, below);
    if (hidden.result) {
        j["n"] = nullptr;
        j["N"] = nullptr;
        j["value"] = nullptr;
        j["result"] = hiddenText(below);
        j["fairness"]["interval90"] = nullptr;
        j["fairness"]["reasons"] = json::array();  // they name the base
    }
    if (hidden.women)
        j["women"] = nullptr;
    if (hidden.men)
        j["men"] = nullptr;
    if (hidden.any())
        j["suppressed"] = true;
}

}  // namespace

json unitIndexToJson(const UnitIndex& u, Language language, int suppressBelow)
{
    json areas = json::array();
    for (const auto& a : u.areas)
        areas.push_back({{"number", a.number},
                         {"name", a.name},
                         {"ideal_share_pct", a.idealSharePct},
                         {"actual_share_pct", a.actualSharePct},
                         {"weighting_off", a.weightingOff},
                         {"figures", figuresToJson(a.figures)}});
    json indicators = json::array();
    for (const auto& r : u.indicators) {
        json j{{"code", r.code},
               {"display_code", r.displayCode()},
               {"area", r.area},
               {"goal", r.goalCode},
               {"text", r.text},
               {"kind", codeOf(r.kind)},
               {"weight", r.weight},
               {"target", targetJson(r.target, r.kind, language)},
               {"signal", codeOf(r.signal)},
               {"result", r.resultText(language)},
               {"value", r.value ? json(*r.value) : json(nullptr)},
               {"n", r.count.n},
               {"N", r.count.N},
               {"women", countToJson(r.women)},
               {"men", countToJson(r.men)},
               {"note", r.noteText(language)},
               {"fairness",
                {{"swing", r.swing},
                 {"low_volume", r.lowVolume},
                 {"interval90", r.interval ? json{{"lo", r.interval->lo}, {"hi", r.interval->hi}} : json(nullptr)},
                 {"inconclusive", r.inconclusive},
                 {"graded_credit", r.gradedCredit},
                 {"reasons", fairnessReasons(r, u.settings, language)}}}};
        if (!r.kommun.empty())
            j["kommun"] = r.kommun;
        suppress(j, r, suppressBelow);
        indicators.push_back(std::move(j));
    }
    return {{"unit", {{"code", u.unitCode}, {"name", u.unitName}, {"type", u.isTeam ? "team" : "federation"}}},
            {"period", {{"label", u.period.label}, {"from", u.period.from.iso()}, {"to", u.period.to.iso()}}},
            {"budget_year", u.budgetYear},
            {"settings",
             {{"green_from", u.settings.greenFrom},
              {"orange_from", u.settings.orangeFrom},
              {"low_volume_below", u.settings.lowVolumeBelow},
              {"weighting_tolerance_pp", u.settings.weightingTolerancePp}}},
            {"total", figuresToJson(u.total)},
            {"areas", areas},
            {"indicators", indicators},
            {"beyond_published_method",
             {{"swing_count", u.swingCount},
              {"low_volume_count", u.lowVolumeCount},
              {"inconclusive_count", u.inconclusiveCount},
              {"volume_adjusted", variantToJson(u.volumeAdjusted, language)},
              {"graded", variantToJson(u.graded, language)}}}};
}

json federationIndexToJson(const FederationIndex& index, const std::string& teamCode, Language language,
                           int suppressBelow)
{
    // One shape for every unit: the förbund's report lists its teams, a team's
    // report has its own unit as "index" and no teams.
    json teams = json::array();
    const UnitIndex* unit = &index.federationIndex;
    if (!teamCode.empty()) {
        unit = index.team(teamCode);
        if (!unit)
            return nullptr;
    } else {
        for (const auto& t : index.teams)
            teams.push_back(unitIndexToJson(t, language, suppressBelow));
    }
    return {{"federation", {{"code", index.federation.code}, {"name", index.federation.name}}},
            {"budget", index.budgetName},
            {"index", unitIndexToJson(*unit, language, suppressBelow)},
            {"teams", teams}};
}

}  // namespace samkoll::core
