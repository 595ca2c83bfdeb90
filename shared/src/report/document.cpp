// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/report/document.hpp"

#include <cstdio>
#include <fstream>

#include "samkoll/report/finance_report.hpp"
#include "samkoll/report/format.hpp"
#include "samkoll/report/index_report.hpp"
#include "samkoll/report/participant_stats.hpp"

namespace samkoll::core {

DocCell DocCell::integer(std::int64_t value)
{
    return {formatInteger(value), std::to_string(value), {}};
}

DocCell DocCell::decimal(double value, int decimals, const std::string& suffix)
{
    // The reader's text groups thousands; the spreadsheet's is the plain number with a decimal comma.
    char plain[64];
    std::snprintf(plain, sizeof plain, "%.*f", decimals, value);
    std::string number = plain;
    if (const auto dot = number.find('.'); dot != std::string::npos)
        number[dot] = ',';
    return {formatDecimal(value, decimals) + suffix, number, {}};
}

std::string_view colourHex(std::string_view colour)
{
    if (colour == "green")
        return "#2e7d32";
    if (colour == "orange")
        return "#ef6c00";
    if (colour == "red")
        return "#c62828";
    return {};
}

DocCell DocCell::ofIndex(const std::optional<int>& index, Colour colour)
{
    DocCell c = index ? DocCell::integer(*index) : DocCell::of("–");
    c.text = indexText(index, colour);
    c.colour = std::string(codeOf(colour));
    return c;
}

namespace {

/// What a reader sees of one indicator: for the board, what hiddenFigures
/// hides (the rule of the API) stands as "dold (färre än 5)".
struct ShownIndicator {
    std::string result;
    std::string genders;
};

ShownIndicator shown(const IndicatorResult& r, Audience audience)
{
    const auto hidden = hiddenFigures(r, audience == Audience::Board ? kSmallCell : 0);
    ShownIndicator s;
    s.result = hidden.result ? hiddenText(kSmallCell) : r.resultText();
    if (r.women && r.men && r.kind != IndicatorKind::GenderBalance && r.assessable()) {
        auto part = [&](const Count& c, bool hide) {
            return c.N <= 0 ? std::string("–") : hide ? hiddenText(kSmallCell) : formatShare(c.n, c.N);
        };
        s.genders = "kvinnor " + part(*r.women, hidden.women) + ", män " + part(*r.men, hidden.men);
    }
    return s;
}

/// The index and its areas: the first section of a socialt bokslut, and of a delårsrapport.
DocSection indexSummary(const UnitIndex& unit)
{
    DocSection summary;
    summary.heading = "Impactindex";
    const auto& t = unit.total;
    summary.paragraphs.push_back(
        "Impactindex " + indexText(t.index, t.colour) + ": " + std::to_string(t.achievedCount) + " av " +
        std::to_string(t.assessable) + " bedömda indikatorer uppnådda, uppnått impactvärde " + formatInteger(t.achieved) +
        " av " + formatInteger(t.max) + ". " + std::to_string(t.notAssessable) +
        (t.notAssessable == 1 ? " indikator saknar" : " indikatorer saknar") + " utfall och räknas inte.");
    DocTable areas;
    areas.name = "index";
    areas.title = "Index per målområde";
    areas.columns = {"Målområde", "Maximalt impactvärde", "Uppnått impactvärde", "Index", "Uppnådda", "Bedömda",
                     "Utan utfall", "Ideal andel (%)", "Faktisk andel (%)"};
    areas.numeric = {false, true, true, true, true, true, true, true, true};
    areas.widths = {24, 10, 10, 12, 9, 9, 8, 9, 9};
    for (const auto& a : unit.areas) {
        const auto& f = a.figures;
        areas.rows.push_back({DocCell::of(std::to_string(a.number) + ". " + a.name), DocCell::integer(f.max),
                              DocCell::integer(f.achieved), DocCell::ofIndex(f.index, f.colour), DocCell::integer(f.achievedCount),
                              DocCell::integer(f.assessable), DocCell::integer(f.notAssessable),
                              DocCell::integer(a.idealSharePct),
                              t.max ? DocCell::decimal(a.actualSharePct, 0) : DocCell::of("–")});
        areas.emphasis.push_back(false);
    }
    areas.rows.push_back({DocCell::of("Totalt"), DocCell::integer(t.max), DocCell::integer(t.achieved),
                          DocCell::ofIndex(t.index, t.colour), DocCell::integer(t.achievedCount), DocCell::integer(t.assessable),
                          DocCell::integer(t.notAssessable), DocCell::of(""), DocCell::of("")});
    areas.emphasis.push_back(true);
    areas.note = "Färg: grön från " + std::to_string(unit.settings.greenFrom) + ", orange från " +
                 std::to_string(unit.settings.orangeFrom) + ", annars röd.";
    summary.tables.push_back(std::move(areas));
    return summary;
}

}  // namespace

Result<Document> socialBokslut(const FederationIndex& index, const std::string& teamCode, Audience audience,
                               const std::string& computedAt)
{
    const UnitIndex* unit = &index.federationIndex;
    if (!teamCode.empty()) {
        unit = index.team(teamCode);
        if (!unit)
            return makeError("not_found", "team", "teamet '" + teamCode + "' finns inte i förbundet – se koderna med samkolld team list");
    }
    Document d;
    d.title = "Socialt bokslut " + index.period.label;
    d.federation = index.federation.name;
    d.unit = unit->isTeam ? unit->unitName : "Hela förbundet";
    d.period = index.period.label;
    d.basis = "Underlag " + index.period.from.iso() + " – " + index.period.to.iso() + ", social budget " +
              std::to_string(unit->budgetYear) + ", beräknat " + computedAt;
    d.audience = audience == Audience::Board
                     ? "Styrelsens exemplar: bara sammanställningar; en andel med antal 1–4 står som \"dold (färre än 5)\"."
                     : "Kansliets exemplar: exakta antal (lämnas inte ut utan att små antal döljs).";

    d.sections.push_back(indexSummary(*unit));

    // Every indicator.
    DocSection detail;
    detail.heading = "Indikatorer";
    DocTable rows;
    rows.name = "indikatorer";
    rows.title = "Indikatorerna med mål och utfall";
    rows.columns = {"Indikator", "Text", "Vikt", "Mål", "Utfall", "Signal", "Kvinnor och män", "Anmärkning"};
    rows.numeric = {false, false, true, false, false, false, false, false};
    rows.widths = {8, 22, 5, 12, 15, 10, 15, 13};
    for (const auto& r : unit->indicators) {
        std::string note = r.noteText();
        if (r.kind == IndicatorKind::StatisticTrend)
            note.clear();  // the HÅE figures are in the result already
        const auto seen = shown(r, audience);
        rows.rows.push_back({DocCell::of(r.displayCode()), DocCell::of(r.text), DocCell::integer(r.weight),
                             DocCell::of(r.target.describe(r.kind)), DocCell::of(seen.result),
                             DocCell::of(std::string(labelOf(r.signal))), DocCell::of(seen.genders),
                             DocCell::of(note)});
        rows.emphasis.push_back(false);
    }
    detail.tables.push_back(std::move(rows));
    d.sections.push_back(std::move(detail));

    // Beyond the published method, clearly apart.
    DocSection beyond;
    beyond.heading = "Utöver den fastställda metoden";
    beyond.beyondMethod = true;
    beyond.paragraphs.push_back(
        "Följande är inte en del av det fastställda Impactindex. De visar hur säkra resultaten är när underlaget är "
        "litet.");
    DocTable fair;
    fair.name = "rattvisa";
    fair.title = "Rättvisemarkeringar och alternativa index";
    fair.columns = {"Mått", "Värde", "Förklaring"};
    fair.numeric = {false, true, false};
    fair.widths = {22, 13, 65};
    fair.rows.push_back({DocCell::of("Vippläge"), DocCell::integer(unit->swingCount),
                         DocCell::of("indikatorer där en person åt andra hållet ändrar om målet nås")});
    fair.rows.push_back({DocCell::of("Låg volym"), DocCell::integer(unit->lowVolumeCount),
                         DocCell::of("indikatorer med färre än " + std::to_string(unit->settings.lowVolumeBelow) +
                                     " i underlaget")});
    fair.rows.push_back({DocCell::of("Osäkra"), DocCell::integer(unit->inconclusiveCount),
                         DocCell::of("ej uppnådda, men 90 %-intervallet når målet")});
    for (const auto* v : {&unit->volumeAdjusted, &unit->graded})
        fair.rows.push_back({DocCell::of(v->name()), DocCell::ofIndex(v->index, v->colour), DocCell::of(v->explanation())});
    fair.emphasis.assign(fair.rows.size(), false);
    std::string marked;
    for (const auto& r : unit->indicators)
        if (const auto m = fairnessMarks(r); !m.empty())
            marked += (marked.empty() ? "" : "; ") + r.displayCode() + ": " + m;
    if (!marked.empty())
        fair.note = "Markerade indikatorer: " + marked + ".";
    beyond.tables.push_back(std::move(fair));
    d.sections.push_back(std::move(beyond));
    return d;
}

Result<Document> socialBokslutAllUnits(const FederationIndex& index, Audience audience, const std::string& computedAt)
{
    auto all = socialBokslut(index, "", audience, computedAt);
    if (!all)
        return all;
    all->unit = "Förbundet och teamen";
    for (auto& s : all->sections)
        s.heading = "Hela förbundet – " + s.heading;
    for (const auto& team : index.teams) {
        auto one = socialBokslut(index, team.unitCode, audience, computedAt);
        if (!one)
            return one;
        for (auto& s : one->sections) {
            s.heading = team.unitName + " – " + s.heading;
            for (auto& t : s.tables)
                t.name = team.unitCode + "-" + t.name;  // one CSV file per team and table
            all->sections.push_back(std::move(s));
        }
    }
    return all;
}

Result<Document> delarsrapport(const FederationIndex& index, const FinanceOverview& overview,
                               const std::string& computedAt)
{
    auto drift = driftredovisning(overview, computedAt);
    if (!drift)
        return drift;
    Document d = std::move(*drift);
    d.title = "Delårsrapport " + index.period.label;
    d.basis = "Underlag " + index.period.from.iso() + " – " + index.period.to.iso() + ", beräknat " + computedAt;
    // The index so far and its areas, the teams side by side, then the money.
    DocSection teams;
    teams.heading = "Teamen";
    DocTable side;
    side.name = "team";
    side.title = "Impactindex per team";
    side.columns = {"Team", "Index", "Uppnått impactvärde", "Maximalt impactvärde", "Uppnådda", "Bedömda", "Utan utfall"};
    side.numeric = {false, true, true, true, true, true, true};
    side.widths = {34, 14, 12, 12, 10, 9, 9};
    for (const auto& t : index.teams) {
        const auto& f = t.total;
        side.rows.push_back({DocCell::of(t.unitName), DocCell::ofIndex(f.index, f.colour), DocCell::integer(f.achieved),
                             DocCell::integer(f.max), DocCell::integer(f.achievedCount), DocCell::integer(f.assessable),
                             DocCell::integer(f.notAssessable)});
        side.emphasis.push_back(false);
    }
    teams.tables.push_back(std::move(side));
    std::vector<DocSection> sections;
    sections.push_back(indexSummary(index.federationIndex));
    sections.push_back(std::move(teams));
    for (auto& s : d.sections)
        sections.push_back(std::move(s));
    d.sections = std::move(sections);
    return d;
}

namespace {

/// ".green { background: #2e7d32; } …" from colourHex: one place for the index colours.
std::string colourRules()
{
    std::string out;
    for (const char* colour : {"green", "orange", "red"})
        out += "." + std::string(colour) + " { background: " + std::string(colourHex(colour)) + "; }\n";
    return out;
}

std::string html(const std::string& text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

}  // namespace

std::string tableCsv(const DocTable& table)
{
    std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM: Excel then reads å, ä, ö right
    const auto& columns = table.csvColumns.empty() ? table.columns : table.csvColumns;
    for (std::size_t i = 0; i < columns.size(); ++i)
        out += (i ? ";" : "") + csvField(columns[i]);
    out += "\r\n";
    for (const auto& row : table.rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
            out += (i ? ";" : "") + csvField(row[i].number ? *row[i].number : row[i].text);
        out += "\r\n";
    }
    return out;
}

std::string documentHtml(const Document& d)
{
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html(d.title) + " – " +
           html(d.unit) + "</title>\n<style>\n"
           "@page { size: A4; margin: 18mm 15mm; }\n"
           "body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #111; margin: 0 auto; max-width: 190mm; }\n"
           "header { border-bottom: 2px solid #333; margin-bottom: 8mm; }\n"
           "header .forbund { font-size: 11pt; color: #444; }\n"
           "h1 { font-size: 18pt; margin: 2mm 0; } h2 { font-size: 13pt; margin-top: 8mm; }\n"
           ".meta { font-size: 9pt; color: #444; }\n"
           "table { border-collapse: collapse; width: 100%; margin: 3mm 0; }\n"
           "thead { display: table-header-group; } tr { page-break-inside: avoid; }\n"
           "th, td { border-bottom: 1px solid #ccc; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }\n"
           "th { background: #eee; font-size: 9pt; } td.num, th.num { text-align: right; white-space: nowrap; }\n"
           "tr.sum td { font-weight: bold; border-top: 2px solid #333; }\n"
           ".green, .orange, .red { padding: 0 1.5mm; border-radius: 2px; color: #fff; font-weight: bold; }\n" +
           colourRules() +
           "caption { text-align: left; font-weight: bold; padding-bottom: 1mm; }\n"
           ".note { font-size: 9pt; color: #333; }\n"
           "section.beyond { border-left: 3px solid #888; padding-left: 4mm; }\n"
           "</style>\n</head>\n<body>\n<header>\n<div class=\"forbund\">" + html(d.federation) +
           "</div>\n<h1>" + html(d.title) + " – " + html(d.unit) + "</h1>\n<p class=\"meta\">" + html(d.basis) +
           "<br>" + html(d.audience) + "</p>\n</header>\n";
    for (const auto& s : d.sections) {
        out += std::string("<section") + (s.beyondMethod ? " class=\"beyond\"" : "") + ">\n<h2>" + html(s.heading) + "</h2>\n";
        for (const auto& p : s.paragraphs)
            out += "<p>" + html(p) + "</p>\n";
        for (const auto& t : s.tables) {
            out += "<table>\n<caption>" + html(t.title) + "</caption>\n<thead><tr>";
            for (std::size_t i = 0; i < t.columns.size(); ++i)
                out += std::string("<th") + (i < t.numeric.size() && t.numeric[i] ? " class=\"num\"" : "") + ">" +
                       html(t.columns[i]) + "</th>";
            out += "</tr></thead>\n<tbody>\n";
            for (std::size_t r = 0; r < t.rows.size(); ++r) {
                out += std::string("<tr") + (r < t.emphasis.size() && t.emphasis[r] ? " class=\"sum\"" : "") + ">";
                for (std::size_t i = 0; i < t.rows[r].size(); ++i) {
                    const auto& c = t.rows[r][i];
                    out += std::string("<td") + (i < t.numeric.size() && t.numeric[i] ? " class=\"num\"" : "") + ">";
                    // The colour beside the text (print in black and white still reads).
                    if (!colourHex(c.colour).empty())
                        out += "<span class=\"" + c.colour + "\">" + html(c.text) + "</span>";
                    else
                        out += html(c.text);
                    out += "</td>";
                }
                out += "</tr>\n";
            }
            out += "</tbody>\n</table>\n";
            if (!t.note.empty())
                out += "<p class=\"note\">" + html(t.note) + "</p>\n";
        }
        out += "</section>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}


Result<std::vector<std::string>> writeDocumentFiles(const Document& document, std::string_view format,
                                                    const std::string& path)
{
    std::vector<std::pair<std::string, std::string>> files;
    if (format == "html") {
        files.emplace_back(path, documentHtml(document));
    } else if (format == "csv") {
        std::string base = path;
        if (base.size() > 4 && base.compare(base.size() - 4, 4, ".csv") == 0)
            base.resize(base.size() - 4);
        for (const auto& section : document.sections)
            for (const auto& table : section.tables)
                files.emplace_back(base + "-" + table.name + ".csv", tableCsv(table));
    } else {
        return makeError("invalid_value", "format", "formatet ska vara html eller csv");
    }
    std::vector<std::string> written;
    for (const auto& [file, text] : files) {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out)
            return makeError("io", "file", "kan inte skriva " + file + " – finns mappen, och får du skriva där?");
        written.push_back(file);
    }
    return written;
}

}  // namespace samkoll::core
