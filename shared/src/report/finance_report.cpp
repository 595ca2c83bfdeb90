// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/report/finance_report.hpp"

#include "samkoll/report/document.hpp"

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

/// A row's cells: budget år, budget perioden, utfall, avvikelse, förbrukning
/// (none for a result: income and costs together), utfall fg år, prognos, avvikelse prognos.
std::vector<std::string> cells(const Figures& f, bool result)
{
    return {tkr(f.budgetYear),
            tkr(f.budgetPeriod),
            tkr(f.outcome),
            tkr(f.deviation),
            result ? "–" : permille(f.consumptionPermille()),
            tkr(f.outcomePriorYear),
            tkr(f.forecast) + (f.forecastComputed ? "*" : ""),
            tkr(f.forecastDeviation)};
}

std::string csvKronor(Amount a);
std::string csvPermille(const std::optional<std::int64_t>& p);

std::vector<std::string> exactCells(const Figures& f, bool result)
{
    return {csvKronor(f.budgetYear),       csvKronor(f.budgetPeriod), csvKronor(f.outcome),
            csvKronor(f.deviation),        result ? "" : csvPermille(f.consumptionPermille()),
            csvKronor(f.outcomePriorYear), csvKronor(f.forecast),     csvKronor(f.forecastDeviation)};
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

FinanceReportHeader FinanceReportHeader::of(std::string federationName, int year, std::optional<int> tertial,
                                            Language language)
{
    static const char* kEnglish[] = {"Jan–Apr", "Jan–Aug", "Jan–Dec"};
    std::string label = std::to_string(year);
    if (tertial && *tertial >= 1 && *tertial <= 3)
        label = language == Language::Swedish
                    ? Period::yearToDate(year, *tertial).label  // the same words as the index's
                    : label + " T" + std::to_string(*tertial) + " (" + kEnglish[*tertial - 1] + ")";
    return {std::move(federationName), year, std::move(label)};
}

const std::vector<std::string>& operatingReportColumns()
{
    static const std::vector<std::string> columns{"Budget år", "Budget perioden", "Utfall", "Avvikelse",
                                                  "Förbrukning", "Utfall fg år", "Prognos", "Avvikelse prognos"};
    return columns;
}

std::vector<OperatingReportRow> operatingReportRows(const OperatingReport& report, Language language)
{
    using Kind = OperatingReportRow::Kind;
    const Words words{language};
    std::vector<OperatingReportRow> rows;
    for (const auto& unit : report.units) {
        rows.push_back({Kind::Unit, words("Budgetenhet ", "Budget unit ") + unit.unit, {}, {}});
        for (const auto& group : unit.groups) {
            const std::string groupName(labelOf(group.group, language));
            rows.push_back({Kind::Group, groupName, {}, {}});
            for (const auto& line : report.lines)
                if (line.unit == unit.unit && line.group == group.group)
                    rows.push_back({Kind::Line, line.name, cells(line.figures, false), exactCells(line.figures, false)});
            rows.push_back({Kind::GroupSum, words("Summa ", "Total ") + groupName, cells(group.figures, false),
                            exactCells(group.figures, false)});
        }
        rows.push_back({Kind::UnitResult, words("Resultat ", "Result ") + unit.unit, cells(unit.result, true),
                        exactCells(unit.result, true)});
    }
    rows.push_back({Kind::Total, words("Verksamhetens resultat", "Operating result"), cells(report.result, true),
                    exactCells(report.result, true)});
    return rows;
}

EquityText equityText(const EquityReport& equity, Language language)
{
    const Words words{language};
    EquityText t;
    auto row = [&](std::string label, Amount amount) { t.rows.push_back({std::move(label), tkr(amount), amount}); };
    row(words("Ingående eget kapital", "Opening equity"), equity.opening);
    row(words("Resultat hittills", "Result to date"), equity.resultToDate);
    row(words("Utgående enligt prognos", "Closing by the forecast"), equity.closingForecast);
    row(words("Utgående enligt budget", "Closing by the budget"), equity.closingBudget);
    if (equity.maximum) {
        row(words("Rekommenderat högsta (trappan)", "Recommended maximum (the scale)"), *equity.maximum);
        t.verdict = equity.overMaximum
                        ? words("Över trappan med ", "Above the scale by ") + tkr(-*equity.room) +
                              words(" tkr: förbundet behöver förbruka minst så mycket mer i år.",
                                    " tkr: the association needs to spend at least that much more this year.")
                        : words("Under trappan med ", "Below the scale by ") + tkr(*equity.room) +
                              words(" tkr: förbundet får spara högst så mycket mer i år.",
                                    " tkr: the association may save at most that much more this year.");
    } else {
        t.verdict = words("Rekommendationen om högsta eget kapital gäller inte för förbundets tilldelning.",
                          "The recommended maximum equity does not apply to the association's allocation.");
    }
    return t;
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
    using Kind = OperatingReportRow::Kind;
    for (const auto& r : operatingReportRows(report)) {
        if (r.kind == Kind::Unit) {
            out += r.label + "\n" + head;
            continue;
        }
        if (r.kind == Kind::Group) {
            out += r.label + "\n";
            continue;
        }
        const bool indented = r.kind == Kind::Line || r.kind == Kind::GroupSum;
        out += padRight((indented ? "  " : "") + r.label, kLabel);
        for (std::size_t i = 0; i < r.cells.size(); ++i)
            out += padLeft(r.cells[i], i == 4 ? 9 : 11);
        out += "\n";
        if (r.kind == Kind::UnitResult)
            out += "\n";
    }
    out += "\nEget kapital\n";
    const auto e = equityText(equity);
    for (std::size_t i = 0; i < e.rows.size(); ++i) {
        out += padRight("  " + e.rows[i].label, kLabel) + padLeft(e.rows[i].tkr, 11) + "\n";
        if (i == 0 && !equity.openingKnown)
            out += "  (ingående eget kapital är inte angivet – ange det med 'samkolld finance equity'; här räknas från 0)\n";
    }
    out += "  " + e.verdict + "\n";
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

namespace {

std::string optionalKronor(const std::optional<Amount>& a)
{
    return a ? kronorText(*a) : std::string("–");
}

std::string countText(std::int64_t n, int suppressBelow)
{
    if (suppressBelow > 0 && n > 0 && n < suppressBelow)
        return "<" + std::to_string(suppressBelow);
    return formatInteger(n);
}

json countJson(std::int64_t n, int suppressBelow)
{
    if (suppressBelow > 0 && n > 0 && n < suppressBelow)
        return "<" + std::to_string(suppressBelow);
    return n;
}

/// A CSV field: kronor with öre and a decimal comma ("-1234,50"), as Swedish Excel reads it.
std::string csvKronor(Amount a)
{
    const bool negative = a < 0;
    const auto abs = negative ? -a : a;
    std::string cents = std::to_string(abs % kKrona);
    if (cents.size() < 2)
        cents.insert(0, "0");
    return (negative ? "-" : "") + std::to_string(abs / kKrona) + "," + cents;
}

/// Förbrukning for a spreadsheet: percent with one decimal and a decimal comma ("97,5").
std::string csvPermille(const std::optional<std::int64_t>& p)
{
    if (!p)
        return {};
    const auto abs = *p < 0 ? -*p : *p;
    return (*p < 0 ? "-" : "") + std::to_string(abs / 10) + "," + std::to_string(abs % 10);
}

std::string csvRow(const std::vector<std::string>& fields)
{
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i)
        out += (i ? ";" : "") + csvField(fields[i]);
    return out + "\r\n";
}

}  // namespace

std::string renderFinanceOverviewText(const FinanceOverview& o)
{
    const auto& report = o.followUp.report;
    std::string out = renderOperatingReportText(o.header, report, o.followUp.equity);

    out += "\nMedlemsavgifter " + std::to_string(o.header.year) + " – tilldelning " + kronorText(o.allocation) +
           " kr: staten hälften, regionen en fjärdedel, kommunerna en fjärdedel;\n" + o.contributionKey +
           ". Hela kronor, fördelade så att delarna summerar exakt.\n";
    Amount sum = 0;
    for (const auto& m : o.contributions) {
        out += padRight("  " + m.member, kLabel) + padLeft(kronorText(m.amount), 14) + " kr\n";
        sum += m.amount;
    }
    if (!o.contributions.empty())
        out += padRight("  Summa", kLabel) + padLeft(kronorText(sum), 14) + " kr\n";
    for (const auto& note : o.notes)
        out += "  " + note + "\n";

    if (!o.costs.empty()) {
        out += "\nKostnad per deltagare och utfall (" + o.header.periodLabel + ", kronor)" +
               (o.suppressBelow ? " – antal under " + std::to_string(o.suppressBelow) + " visas som <" +
                                      std::to_string(o.suppressBelow) + " och ger inget belopp per person"
                                : std::string()) +
               "\n";
        out += padRight("  Insats (team)", kLabel) + padLeft("Utfall", 12) + padLeft("Deltagare", 11) + padLeft("Avslut", 8) +
               padLeft("Positiva", 10) + padLeft("Per deltagare", 15) + padLeft("Per avslut", 12) +
               padLeft("Per positivt", 14) + "\n";
        for (const auto& c : o.costs)
            out += padRight("  " + (c.name == c.team ? c.name : c.name + " (" + c.team + ")"), kLabel) +
                   padLeft(kronorText(c.cost), 12) +
                   padLeft(countText(c.participants, o.suppressBelow), 11) + padLeft(countText(c.exits, o.suppressBelow), 8) +
                   padLeft(countText(c.positiveExits, o.suppressBelow), 10) + padLeft(optionalKronor(c.perParticipant), 15) +
                   padLeft(optionalKronor(c.perExit), 12) + padLeft(optionalKronor(c.perPositiveExit), 14) + "\n";
        out += "  Positiva avslut: arbete, extratjänst, studier.\n";
    }

    if (!o.fiveYears.empty()) {
        out += "\nFemårsöversikt (tkr, helår)\n";
        out += padRight("  År", 10) + padLeft("Intäkter", 12) + padLeft("Kostnader", 12) + padLeft("Resultat", 12) +
               padLeft("Eget kapital", 14) + "\n";
        for (const auto& y : o.fiveYears)
            out += padRight("  " + std::to_string(y.year), 10) + padLeft(tkr(y.income), 12) + padLeft(tkr(y.costs), 12) +
                   padLeft(tkr(y.result), 12) + padLeft(tkr(y.equity), 14) + "\n";
    }
    return out;
}

json financeOverviewToJson(const FinanceOverview& o)
{
    json j = operatingReportToJson(o.header, o.followUp.report, o.followUp.equity);
    j["allocation"] = o.allocation;
    json members = json::array();
    for (const auto& m : o.contributions)
        members.push_back({{"member", m.member}, {"amount", m.amount}});
    j["member_contributions"] = {{"key", o.contributionKey}, {"members", members}};
    json costs = json::array();
    auto optional = [](const std::optional<Amount>& a) { return a ? json(*a) : json(nullptr); };
    for (const auto& c : o.costs)
        costs.push_back({{"line", c.line},
                         {"name", c.name},
                         {"team", c.team},
                         {"cost", c.cost},
                         {"participants", countJson(c.participants, o.suppressBelow)},
                         {"exits", countJson(c.exits, o.suppressBelow)},
                         {"positive_exits", countJson(c.positiveExits, o.suppressBelow)},
                         {"per_participant", optional(c.perParticipant)},
                         {"per_exit", optional(c.perExit)},
                         {"per_positive_exit", optional(c.perPositiveExit)}});
    j["cost_per_outcome"] = costs;
    json years = json::array();
    for (const auto& y : o.fiveYears)
        years.push_back({{"year", y.year}, {"income", y.income}, {"costs", y.costs}, {"result", y.result}, {"equity", y.equity}});
    j["five_years"] = years;
    json tertials = json::array();
    for (const auto& t : o.tertials)
        tertials.push_back({{"tertial", t.tertial},
                            {"budget_income", t.budgetIncome},
                            {"outcome_income", t.outcomeIncome},
                            {"budget_costs", t.budgetCosts},
                            {"outcome_costs", t.outcomeCosts},
                            {"has_outcome", t.hasOutcome}});
    j["tertials"] = tertials;
    j["notes"] = o.notes;
    j["suppressed_below"] = o.suppressBelow;
    return j;
}

Result<std::string> financeOverviewCsv(const FinanceOverview& o, std::string_view table)
{
    std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM: Excel then reads å, ä, ö right
    const auto& report = o.followUp.report;
    if (table == "drift") {
        out += csvRow({"Budgetenhet", "Grupp", "Rad", "Namn", "Budget år (kr)", "Budget perioden (kr)", "Utfall (kr)",
                       "Avvikelse (kr)", "Förbrukning (%)", "Utfall fg år (kr)", "Prognos (kr)", "Prognos beräknad",
                       "Avvikelse prognos (kr)"});
        for (const auto& l : report.lines) {
            const std::string consumption = csvPermille(l.figures.consumptionPermille());
            out += csvRow({l.unit, std::string(labelOf(l.group)), l.code, l.name, csvKronor(l.figures.budgetYear),
                           csvKronor(l.figures.budgetPeriod), csvKronor(l.figures.outcome), csvKronor(l.figures.deviation),
                           consumption, csvKronor(l.figures.outcomePriorYear), csvKronor(l.figures.forecast),
                           l.figures.forecastComputed ? "ja" : "nej", csvKronor(l.figures.forecastDeviation)});
        }
        out += csvRow({"", "", "", "Verksamhetens resultat", csvKronor(report.result.budgetYear),
                       csvKronor(report.result.budgetPeriod), csvKronor(report.result.outcome),
                       csvKronor(report.result.deviation), "", csvKronor(report.result.outcomePriorYear),
                       csvKronor(report.result.forecast), report.result.forecastComputed ? "ja" : "nej",
                       csvKronor(report.result.forecastDeviation)});
        return out;
    }
    if (table == "medlemmar") {
        out += csvRow({"Medlem", "Medlemsavgift (kr)"});
        for (const auto& m : o.contributions)
            out += csvRow({m.member, csvKronor(m.amount)});
        return out;
    }
    if (table == "kostnad") {
        out += csvRow({"Rad", "Insats", "Team", "Utfall (kr)", "Deltagare", "Avslut", "Positiva avslut", "Per deltagare (kr)",
                       "Per avslut (kr)", "Per positivt avslut (kr)"});
        auto opt = [](const std::optional<Amount>& a) { return a ? csvKronor(*a) : std::string(); };
        for (const auto& c : o.costs)
            out += csvRow({c.line, c.name, c.team, csvKronor(c.cost), countText(c.participants, o.suppressBelow),
                           countText(c.exits, o.suppressBelow), countText(c.positiveExits, o.suppressBelow),
                           opt(c.perParticipant), opt(c.perExit), opt(c.perPositiveExit)});
        return out;
    }
    if (table == "femar") {
        out += csvRow({"År", "Intäkter (kr)", "Kostnader (kr)", "Resultat (kr)", "Eget kapital (kr)"});
        for (const auto& y : o.fiveYears)
            out += csvRow({std::to_string(y.year), csvKronor(y.income), csvKronor(y.costs), csvKronor(y.result),
                           csvKronor(y.equity)});
        return out;
    }
    return makeError("invalid_value", "table", "tabellen ska vara drift, medlemmar, kostnad eller femar");
}

Result<Document> driftredovisning(const FinanceOverview& o, const std::string& computedAt)
{
    using Kind = OperatingReportRow::Kind;
    Document d;
    d.title = "Driftredovisning " + o.header.periodLabel;
    d.federation = o.header.federationName;
    d.unit = "Hela förbundet";
    d.period = o.header.periodLabel;
    d.basis = "Utfall t.o.m. " + o.header.periodLabel + ", beräknat " + computedAt;
    d.audience = o.suppressBelow > 0 ? "Styrelsens exemplar: antal deltagare 1–" + std::to_string(o.suppressBelow - 1) +
                                           " visas som <" + std::to_string(o.suppressBelow) + "."
                                     : "Kansliets exemplar: exakta antal.";

    DocSection drift;
    drift.heading = "Driftredovisning";
    DocTable table;
    table.name = "drift";
    table.title = "Budget och utfall (tkr)";
    table.columns = {"Rad"};
    table.csvColumns = {"Rad"};
    for (const auto& c : operatingReportColumns()) {
        table.columns.push_back(c);
        table.csvColumns.push_back(c == "Förbrukning" ? c + " (%)" : c + " (kr)");
    }
    table.numeric.assign(table.columns.size(), true);
    table.numeric[0] = false;
    table.widths = {28, 9, 9, 9, 9, 9, 9, 9, 9};
    for (const auto& r : operatingReportRows(o.followUp.report)) {
        std::vector<DocCell> row{DocCell::of(r.label)};
        for (std::size_t i = 0; i < operatingReportColumns().size(); ++i) {
            if (i < r.cells.size())
                row.push_back({r.cells[i], i < r.exact.size() ? std::optional<std::string>(r.exact[i]) : std::nullopt, {}});
            else
                row.push_back(DocCell::of(""));
        }
        table.rows.push_back(std::move(row));
        table.emphasis.push_back(r.kind != Kind::Line);
    }
    table.note = "Tusentals kronor, varje cell avrundad för sig; summorna räknas från kronor. * = beräknad prognos "
                 "(utfallet hittills och resten av årets budget). CSV-filen har exakta kronor.";
    drift.tables.push_back(std::move(table));
    d.sections.push_back(std::move(drift));

    // The year's tertials, each on its own: what the board's chart draws.
    if (!o.tertials.empty()) {
        DocSection per;
        per.heading = "Budget och utfall per tertial";
        DocTable t;
        t.name = "tertialer";
        t.title = "Varje tertial för sig, " + std::to_string(o.header.year) + " (tkr)";
        t.columns = {"Tertial", "Kostnader budget", "Kostnader utfall", "Avvikelse", "Intäkter budget", "Intäkter utfall"};
        t.csvColumns = {"Tertial", "Kostnader budget (kr)", "Kostnader utfall (kr)", "Avvikelse (kr)",
                        "Intäkter budget (kr)", "Intäkter utfall (kr)"};
        t.numeric = {false, true, true, true, true, true};
        t.widths = {20, 16, 16, 16, 16, 16};
        const char* labels[] = {"T1 (jan–apr)", "T2 (maj–aug)", "T3 (sep–dec)"};
        auto money = [](Amount a) { return DocCell{tkr(a), csvKronor(a), {}}; };
        for (const auto& f : o.tertials) {
            // A tertial without utfall yet has none to show, not a zero.
            auto outcome = [&](Amount a) { return f.hasOutcome ? money(a) : DocCell::of("–"); };
            t.rows.push_back({DocCell::of(labels[f.tertial - 1]), money(f.budgetCosts), outcome(f.outcomeCosts),
                              f.hasOutcome ? money(f.outcomeCosts - f.budgetCosts) : DocCell::of("–"),
                              money(f.budgetIncome), outcome(f.outcomeIncome)});
            t.emphasis.push_back(false);
        }
        t.note = "Kostnader negativa; avvikelse = utfall − budget, positiv är gynnsam.";
        per.tables.push_back(std::move(t));
        d.sections.push_back(std::move(per));
    }

    DocSection equity;
    equity.heading = "Eget kapital";
    const auto e = equityText(o.followUp.equity);
    DocTable eq;
    eq.name = "eget-kapital";
    eq.title = "Eget kapital (tkr)";
    eq.columns = {"", "tkr"};
    eq.numeric = {false, true};
    eq.widths = {70, 30};
    for (const auto& r : e.rows) {
        eq.rows.push_back({DocCell::of(r.label), {r.tkr, csvKronor(r.amount), {}}});
        eq.emphasis.push_back(false);
    }
    eq.csvColumns = {"", "kr"};
    equity.tables.push_back(std::move(eq));
    equity.paragraphs.push_back(e.verdict);
    d.sections.push_back(std::move(equity));

    DocSection members;
    members.heading = "Medlemsavgifter";
    members.paragraphs.push_back("Tilldelning " + kronorText(o.allocation) + " kr. " + o.contributionKey);
    DocTable m;
    m.name = "medlemmar";
    m.title = "Medlemsavgift per medlem";
    m.columns = {"Medlem", "Medlemsavgift (kr)"};
    m.numeric = {false, true};
    m.widths = {70, 30};
    for (const auto& c : o.contributions) {
        m.rows.push_back({DocCell::of(c.member), {kronorText(c.amount), csvKronor(c.amount), {}}});
        m.emphasis.push_back(false);
    }
    members.tables.push_back(std::move(m));
    d.sections.push_back(std::move(members));

    if (!o.costs.empty()) {
        DocSection costs;
        costs.heading = "Kostnad per deltagare och utfall";
        DocTable c;
        c.name = "kostnad";
        c.title = "Insatsernas utfall mot deltagare och avslut (kr)";
        c.columns = {"Insats", "Team", "Utfall (kr)", "Deltagare", "Avslut", "Positiva avslut", "Per deltagare (kr)",
                     "Per avslut (kr)", "Per positivt avslut (kr)"};
        c.numeric = {false, false, true, true, true, true, true, true, true};
        c.widths = {20, 14, 11, 8, 8, 9, 10, 10, 10};
        // Computed for the board, the overview has hidden its small counts and
        // the costs per person behind them already.
        auto count = [&](std::int64_t n) {
            const auto text = countText(n, o.suppressBelow);
            return DocCell{text, text.front() == '<' ? text : std::to_string(n), {}};
        };
        auto money = [](const std::optional<Amount>& a) {
            return a ? DocCell{kronorText(*a), csvKronor(*a), {}} : DocCell::of("–");
        };
        for (const auto& x : o.costs) {
            c.rows.push_back({DocCell::of(x.name), DocCell::of(x.team), {kronorText(x.cost), csvKronor(x.cost), {}},
                              count(x.participants), count(x.exits), count(x.positiveExits), money(x.perParticipant),
                              money(x.perExit), money(x.perPositiveExit)});
            c.emphasis.push_back(false);
        }
        costs.tables.push_back(std::move(c));
        d.sections.push_back(std::move(costs));
    }
    if (!o.notes.empty()) {
        DocSection notes;
        notes.heading = "Att komplettera";
        notes.paragraphs = o.notes;
        d.sections.push_back(std::move(notes));
    }
    return d;
}

}  // namespace samkoll::core
