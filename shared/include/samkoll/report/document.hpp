// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <optional>
#include <string_view>

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "samkoll/index/index_engine.hpp"

namespace samkoll::core {

/// One description of a report, built from the core's results and rendered
/// several ways (CSV, HTML; PDF to come): the renderers only lay out — every
/// figure and word is here already, so a document says the same in each form.

/// A table cell: its text as a reader sees it ("12 345", "77 %"), and for a
/// number its value as a spreadsheet should get it ("12345", "77,5": decimal
/// comma, no grouping). A colour names an index colour ("green", "orange",
/// "red") shown beside the text, never instead of it.
struct DocCell {
    std::string text;
    std::optional<std::string> number;
    std::string colour;

    static DocCell of(std::string text) { return {std::move(text), std::nullopt, {}}; }
    static DocCell integer(std::int64_t value);
    /// `value` with `decimals` decimals; the text as Swedish text with `suffix` (" %").
    static DocCell decimal(double value, int decimals, const std::string& suffix = {});
    /// An index with its colour in words and in print: "76 (grön)"; "–" without one.
    static DocCell ofIndex(const std::optional<int>& index, Colour colour);
};

/// The printed colour of an index colour code ("green" → "#2e7d32"); empty for none.
std::string_view colourHex(std::string_view colour);

struct DocTable {
    std::string name;   ///< the file name part for CSV ("index", "indikatorer")
    std::string title;  ///< "Index per målområde"
    std::vector<std::string> columns;
    /// The CSV file's headings when its numbers differ in unit from the text
    /// (the driftredovisning: tkr on paper, exact kronor in the spreadsheet).
    std::vector<std::string> csvColumns;
    std::vector<bool> numeric;  ///< per column: right-aligned
    std::vector<int> widths;    ///< per column: its share of the page's width in a printed copy (sums to 100)
    std::vector<std::vector<DocCell>> rows;
    std::vector<bool> emphasis;  ///< per row: a sum or heading row
    std::string note;            ///< below the table ("Utöver den fastställda metoden …")
};

struct DocSection {
    std::string heading;
    bool beyondMethod = false;  ///< beyond the published method: set apart in every form
    std::vector<std::string> paragraphs;
    std::vector<DocTable> tables;
};

struct Document {
    std::string title;       ///< "Socialt bokslut 2021"
    std::string federation;  ///< the förbund's name, on every page
    std::string unit;        ///< "Hela förbundet" or the team's name
    std::string period;      ///< "2021", "2021 T2"
    std::string basis;       ///< "Underlag t.o.m. 2021-12-31, beräknat 2026-11-30 13:10"
    std::string audience;    ///< whose copy and what it shows ("Kansliets exemplar: exakta tal")
    std::vector<DocSection> sections;
};

/// Who a document is for: the board's holds aggregates only (small counts
/// shown as "<5", as the server shows a board device); the kansli's has exact
/// counts and says so.
enum class Audience { Board, CentralOffice };

/// The socialt bokslut of one unit (the förbund, or a team by code) for the
/// period of `index`: the index and its areas, every indicator with target,
/// result, signal, gender split and the kansli's motivation, and the
/// fairness additions labelled as beyond the published method.
Result<Document> socialBokslut(const FederationIndex& index, const std::string& teamCode, Audience audience,
                               const std::string& computedAt);

/// The förbund's full socialt bokslut: the förbund, then every team, each
/// unit's sections under its name.
Result<Document> socialBokslutAllUnits(const FederationIndex& index, Audience audience, const std::string& computedAt);

struct FinanceOverview;

/// The driftredovisning for the year or a tertial to date: the table in tkr
/// (exact kronor in its CSV), equity against the recommended maximum, the
/// members' contributions and cost per outcome, and what is missing for a
/// figure. Whose copy it is follows from the overview: computed with
/// suppressBelow (the board's), its small counts are hidden already.
Result<Document> driftredovisning(const FinanceOverview& overview, const std::string& computedAt);

/// The board's delårsrapport: the förbund's index so far (`index`, for the
/// year to the tertial's end — Period::yearToDate) with its areas and the
/// teams side by side, then the driftredovisning with prognos and equity.
Result<Document> delarsrapport(const FederationIndex& index, const FinanceOverview& overview,
                               const std::string& computedAt);

struct ParticipantStatistics;
struct ResponseRateRow;

/// The survey rounds' response rates (svarsfrekvens) as a section: in the
/// participant statistics and in the socialt bokslut.
DocSection responseRateSection(const std::vector<ResponseRateRow>& rates);

/// The success stories (goda exempel) of a unit and period as a section, each
/// with its date, category, team (by `teamNames`, id → name) and text. Only
/// in the kansli's copy: the board's holds no story until one can be marked
/// published.
DocSection storiesSection(const std::vector<Story>& stories, const std::map<Id, std::string>& teamNames);

/// The participant statistics of a unit and period: volume, outcomes and
/// background by gender, the referring parties, the survey rounds' response
/// rates. Whose copy it is follows from the statistics: computed with
/// suppressBelow (the board's, another team's), small counts show as "<5".
Result<Document> participantStatisticsDocument(const ParticipantStatistics& stats, const std::string& federation,
                                               const std::string& computedAt);

/// One year's index for the trend: the förbund's and each team's, and whether
/// it is the approved snapshot of a fastställt year.
struct TrendYear {
    FederationIndex index;
    bool approved = false;
};

/// Ranking and trend: the teams ranked by index for the period of `index`,
/// every team's areas side by side, and the index of each unit over `years`
/// (oldest first, the period's year last).
Result<Document> rankingAndTrend(const FederationIndex& index, const std::vector<TrendYear>& years,
                                 const std::string& computedAt);

/// The document as JSON — what the server sends a client that asked for a
/// report (/api/v1/report), to be saved as PDF, CSV or HTML there.
nlohmann::json documentToJson(const Document& document);
/// Reads it back; an Error naming the part that is not a document's.
Result<Document> documentFromJson(std::string_view json);

/// One table as CSV for Excel: semicolons, UTF-8 with BOM, numbers with a
/// decimal comma and no grouping, CRLF line ends.
std::string tableCsv(const DocTable& table);

/// The whole document as one printable HTML file with its styles inside.
std::string documentHtml(const Document& document);

/// Writes the document as HTML (one file at `path`) or CSV (one file per
/// table: "FIL-index.csv", "FIL-indikatorer.csv", … beside `path`, without
/// its ".csv"). Returns the files written; an Error (field "file") says
/// which file could not be written and what to check. PDF is the pdf
/// library's (pdf::writeDocumentPdf): the core has no Qt.
Result<std::vector<std::string>> writeDocumentFiles(const Document& document, std::string_view format,
                                                    const std::string& path);

}  // namespace samkoll::core
