// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/report/finance_report.hpp"

#include <nlohmann/json.hpp>

#include "samkoll/finance/finance_store.hpp"
#include "samkoll/report/format.hpp"

namespace samkoll::core {

using nlohmann::json;
using namespace finance;

namespace {

std::string tkr(Amount a)
{
    return formatInteger(toTkr(a));
}

std::string permille(const std::optional<std::int64_t>& p)
{
    if (!p)
        return "–";
    // Tenths of a percent → a whole percent, half away from zero.
    return formatInteger(divRoundHalfAway(*p, 10)) + " %";
}

constexpr std::size_t kLabel = 46;

/// One row; a result row (income and costs together) has no förbrukning.
std::string row(const std::string& label, const Figures& f, bool forecast, bool result = false)
{
    return padRight(label, kLabel) + padLeft(tkr(f.budgetYear), 11) + padLeft(tkr(f.budgetPeriod), 11) +
           padLeft(tkr(f.outcome), 11) + padLeft(tkr(f.deviation), 11) +
           padLeft(result ? "–" : permille(f.consumptionPermille()), 9) +
           padLeft(tkr(f.outcomePriorYear), 11) +
           (forecast ? padLeft(tkr(f.forecast) + (f.forecastComputed ? "*" : ""), 11) + padLeft(tkr(f.forecastDeviation), 11)
                     : "") +
           "\n";
}

json figuresJson(const Figures& f)
{
    json j{{"budget_year", f.budgetYear},
           {"budget_period", f.budgetPeriod},
           {"outcome", f.outcome},
           {"deviation", f.deviation},
           {"outcome_prior_year", f.outcomePriorYear},
           {"forecast", f.forecast},
           {"forecast_computed", f.forecastComputed},
           {"forecast_deviation", f.forecastDeviation},
           {"consumption_permille", f.consumptionPermille() ? json(*f.consumptionPermille()) : json(nullptr)}};
    j["tkr"] = {{"budget_year", toTkr(f.budgetYear)},   {"budget_period", toTkr(f.budgetPeriod)},
                {"outcome", toTkr(f.outcome)},          {"deviation", toTkr(f.deviation)},
                {"outcome_prior_year", toTkr(f.outcomePriorYear)}, {"forecast", toTkr(f.forecast)},
                {"forecast_deviation", toTkr(f.forecastDeviation)}};
    return j;
}

}  // namespace

FinanceReportHeader FinanceReportHeader::of(std::string federationName, int year, std::optional<int> tertial)
{
    static const char* kMonths[] = {"jan–apr", "jan–aug", "jan–dec"};
    std::string label = std::to_string(year);
    if (tertial && *tertial >= 1 && *tertial <= 3)
        label += " T" + std::to_string(*tertial) + " (" + kMonths[*tertial - 1] + ")";
    return {std::move(federationName), year, std::move(label)};
}

std::string renderOperatingReportText(const FinanceReportHeader& header, const OperatingReport& report,
                                      const EquityReport& equity)
{
    std::string out = "Driftredovisning " + header.periodLabel + " – " + header.federationName + "\n";
    out += "Belopp i tkr. Varje cell är avrundad för sig från kronor; summor räknas från kronor och avrundas sedan,\n"
           "så raderna summerar inte alltid exakt. Positiv avvikelse är gynnsam. * = prognos beräknad (utfall hittills\n"
           "+ budget för resten av året).\n\n";
    const std::string head = padRight("", kLabel) + padLeft("Budget år", 11) + padLeft("Budget per.", 11) +
                             padLeft("Utfall", 11) + padLeft("Avvikelse", 11) + padLeft("Förbr.", 9) +
                             padLeft("Utfall fg år", 11) + padLeft("Prognos", 11) + padLeft("Avv. progn.", 11) + "\n";
    for (const auto& unit : report.units) {
        out += "Budgetenhet " + unit.unit + "\n" + head;
        for (const auto& group : unit.groups) {
            out += std::string(labelOf(group.group)) + "\n";
            for (const auto& line : report.lines)
                if (line.unit == unit.unit && line.group == group.group)
                    out += row("  " + line.name, line.figures, true);
            out += row("  Summa " + std::string(labelOf(group.group)), group.figures, true);
        }
        out += row("Resultat " + unit.unit, unit.result, true, true) + "\n";
    }
    out += row("Verksamhetens resultat", report.result, true, true);
    out += "\nEget kapital\n";
    out += padRight("  Ingående eget kapital", kLabel) + padLeft(tkr(equity.opening), 11) + "\n";
    if (!equity.openingKnown)
        out += "  (ingående eget kapital är inte angivet – ange det med 'samkolld finance equity'; här räknas från 0)\n";
    out += padRight("  Resultat hittills", kLabel) + padLeft(tkr(equity.resultToDate), 11) + "\n";
    out += padRight("  Utgående enligt prognos", kLabel) + padLeft(tkr(equity.closingForecast), 11) + "\n";
    out += padRight("  Utgående enligt budget", kLabel) + padLeft(tkr(equity.closingBudget), 11) + "\n";
    if (equity.maximum) {
        out += padRight("  Rekommenderat högsta (trappan)", kLabel) + padLeft(tkr(*equity.maximum), 11) + "\n";
        out += equity.overMaximum
                   ? "  Över trappan med " + tkr(-*equity.room) + " tkr: förbundet behöver förbruka minst så mycket mer i år.\n"
                   : "  Under trappan med " + tkr(*equity.room) + " tkr: förbundet får spara högst så mycket mer i år.\n";
    } else {
        out += "  Rekommendationen om högsta eget kapital gäller inte för förbundets tilldelning.\n";
    }
    return out;
}

json operatingReportToJson(const FinanceReportHeader& header, const OperatingReport& report, const EquityReport& equity)
{
    json lines = json::array();
    for (const auto& l : report.lines)
        lines.push_back({{"code", l.code},
                         {"name", l.name},
                         {"group", codeOf(l.group)},
                         {"unit", l.unit},
                         {"figures", figuresJson(l.figures)}});
    json units = json::array();
    for (const auto& u : report.units) {
        json groups = json::array();
        for (const auto& g : u.groups)
            groups.push_back({{"group", codeOf(g.group)}, {"label", labelOf(g.group)}, {"figures", figuresJson(g.figures)}});
        units.push_back({{"unit", u.unit}, {"groups", groups}, {"result", figuresJson(u.result)}});
    }
    auto optionalAmount = [](const std::optional<Amount>& a) { return a ? json(*a) : json(nullptr); };
    return {{"federation", header.federationName},
            {"year", header.year},
            {"period", {{"label", header.periodLabel}, {"first_month", report.range.first}, {"last_month", report.range.last}}},
            {"amounts", "öre, signed: income positive, costs negative; tkr rounded per cell"},
            {"lines", lines},
            {"units", units},
            {"result", figuresJson(report.result)},
            {"equity",
             {{"opening", equity.opening},
              {"opening_known", equity.openingKnown},
              {"result_to_date", equity.resultToDate},
              {"closing_forecast", equity.closingForecast},
              {"closing_budget", equity.closingBudget},
              {"recommended_maximum", optionalAmount(equity.maximum)},
              {"over_maximum", equity.overMaximum},
              {"room", optionalAmount(equity.room)}}}};
}

}  // namespace samkoll::core
