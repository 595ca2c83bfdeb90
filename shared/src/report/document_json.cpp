// SPDX-License-Identifier: GPL-3.0-or-later
// A document as JSON: every field, so a client renders the same PDF, CSV and
// HTML as `samkolld report` does from the same description.
#include <nlohmann/json.hpp>

#include "samkoll/report/document.hpp"

namespace samkoll::core {

namespace {

using nlohmann::json;

json tableJson(const DocTable& t)
{
    json rows = json::array();
    for (const auto& row : t.rows) {
        json cells = json::array();
        for (const auto& c : row) {
            json cell{{"text", c.text}};
            if (c.number)
                cell["number"] = *c.number;
            if (!c.colour.empty())
                cell["colour"] = c.colour;
            cells.push_back(std::move(cell));
        }
        rows.push_back(std::move(cells));
    }
    return {{"name", t.name},       {"title", t.title},       {"columns", t.columns},
            {"csv_columns", t.csvColumns}, {"numeric", t.numeric}, {"widths", t.widths},
            {"rows", std::move(rows)}, {"emphasis", t.emphasis}, {"note", t.note}};
}

DocTable tableFrom(const json& v)
{
    DocTable t;
    t.name = v.at("name").get<std::string>();
    t.title = v.at("title").get<std::string>();
    t.columns = v.at("columns").get<std::vector<std::string>>();
    t.csvColumns = v.at("csv_columns").get<std::vector<std::string>>();
    t.numeric = v.at("numeric").get<std::vector<bool>>();
    t.widths = v.at("widths").get<std::vector<int>>();
    for (const auto& row : v.at("rows")) {
        std::vector<DocCell> cells;
        for (const auto& c : row) {
            DocCell cell = DocCell::of(c.at("text").get<std::string>());
            if (c.contains("number"))
                cell.number = c.at("number").get<std::string>();
            if (c.contains("colour"))
                cell.colour = c.at("colour").get<std::string>();
            cells.push_back(std::move(cell));
        }
        if (cells.size() != t.columns.size())
            throw std::invalid_argument("tabellen " + t.name + " har en rad med fel antal rutor");
        t.rows.push_back(std::move(cells));
    }
    t.emphasis = v.at("emphasis").get<std::vector<bool>>();
    t.note = v.at("note").get<std::string>();
    // A renderer reads these per column and per row: a short list would read past its end.
    if (t.numeric.size() != t.columns.size() || t.widths.size() != t.columns.size() ||
        t.emphasis.size() != t.rows.size() || (!t.csvColumns.empty() && t.csvColumns.size() != t.columns.size()))
        throw std::invalid_argument("tabellen " + t.name + " hänger inte ihop");
    return t;
}

}  // namespace

json documentToJson(const Document& d)
{
    json sections = json::array();
    for (const auto& s : d.sections) {
        json tables = json::array();
        for (const auto& t : s.tables)
            tables.push_back(tableJson(t));
        sections.push_back({{"heading", s.heading},
                            {"beyond_method", s.beyondMethod},
                            {"paragraphs", s.paragraphs},
                            {"tables", std::move(tables)}});
    }
    return {{"title", d.title},   {"federation", d.federation}, {"unit", d.unit},
            {"period", d.period}, {"basis", d.basis},           {"audience", d.audience},
            {"sections", std::move(sections)}};
}

Result<Document> documentFromJson(std::string_view text)
{
    try {
        const auto v = json::parse(text);
        Document d;
        d.title = v.at("title").get<std::string>();
        d.federation = v.at("federation").get<std::string>();
        d.unit = v.at("unit").get<std::string>();
        d.period = v.at("period").get<std::string>();
        d.basis = v.at("basis").get<std::string>();
        d.audience = v.at("audience").get<std::string>();
        for (const auto& s : v.at("sections")) {
            DocSection section;
            section.heading = s.at("heading").get<std::string>();
            section.beyondMethod = s.at("beyond_method").get<bool>();
            section.paragraphs = s.at("paragraphs").get<std::vector<std::string>>();
            for (const auto& t : s.at("tables"))
                section.tables.push_back(tableFrom(t));
            d.sections.push_back(std::move(section));
        }
        return d;
    } catch (const std::exception& e) {
        return Error{"invalid_report", "report", "Rapporten från servern går inte att läsa – försök igen, eller "
                                                 "uppdatera Samkoll om servern är nyare.",
                     {}, e.what()};
    }
}

}  // namespace samkoll::core
