// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json_fwd.hpp>

#include "samkoll/domain/result.hpp"
#include "samkoll/finance/finance_store.hpp"
#include "samkoll/finance/follow_up.hpp"
#include "samkoll/store/database.hpp"

namespace samkoll::core {

/// What a driftredovisning is about: whose, which year and which months.
struct FinanceReportHeader {
    std::string federationName;
    int year = 0;
    std::string periodLabel;  ///< "2021", "2021 T2 (jan–aug)"

    /// The whole year, or a tertial to date (its months in the label).
    static FinanceReportHeader of(std::string federationName, int year, std::optional<int> tertial,
                                  Language language = Language::Swedish);
};

/// The driftredovisning as a Swedish text table in tkr (each cell rounded from
/// kronor on its own, sums from kronor — a footnote says so), with equity
/// against the recommended maximum.
std::string renderOperatingReportText(const FinanceReportHeader& header, const finance::OperatingReport& report,
                                      const finance::EquityReport& equity);

/// The driftredovisning's table as every presentation shows it — the text
/// report, the client's screen and the documents: a heading per budget unit
/// and group, a row per line, the group's sum, the unit's result and
/// verksamhetens resultat, each cell Swedish text in tkr (rounded per cell
/// from kronor; "*" marks a computed prognos).
struct OperatingReportRow {
    enum class Kind { Unit, Group, Line, GroupSum, UnitResult, Total };
    Kind kind = Kind::Line;
    std::string label;
    std::vector<std::string> cells;  ///< operatingReportColumns(), empty for a heading
    /// The same as a spreadsheet should get them: exact kronor with öre and a
    /// decimal comma, förbrukning in percent with one decimal; empty for none.
    std::vector<std::string> exact;
};
const std::vector<std::string>& operatingReportColumns();
std::vector<OperatingReportRow> operatingReportRows(const finance::OperatingReport& report,
                                                    Language language = Language::Swedish);
/// Equity against the recommended maximum as label and tkr text, and a
/// verdict in words (over or under the maximum, and by how much).
struct EquityText {
    struct Row {
        std::string label;
        std::string tkr;              ///< as shown
        finance::Amount amount = 0;   ///< exact, for a spreadsheet
    };
    std::vector<Row> rows;
    std::string verdict;
};
EquityText equityText(const finance::EquityReport& equity, Language language = Language::Swedish);

/// The same as JSON: one shape for every unit and period, amounts in öre
/// (exact) with the tkr the tables show beside them.
nlohmann::json operatingReportToJson(const FinanceReportHeader& header, const finance::OperatingReport& report,
                                     const finance::EquityReport& equity);

/// Money next to impact (domain.md §6): an insats line linked to a team, its
/// utfall in the period against the team's participants and exits.
struct CostPerOutcome {
    std::string line;
    std::string name;
    std::string team;       ///< the team's name
    finance::Amount cost = 0;  ///< the line's utfall in the period (negative: a cost)
    std::int64_t participants = 0;
    std::int64_t exits = 0;
    std::int64_t positiveExits = 0;  ///< work, extra job, studies
    std::optional<finance::Amount> perParticipant;
    std::optional<finance::Amount> perExit;
    std::optional<finance::Amount> perPositiveExit;
    bool suppressed = false;  ///< counts of 1–4 hidden (aggregates-only readers): no figure per person
};

/// The year's financial follow-up as the kansli and the board read it: the
/// driftredovisning with equity, the members' contributions, cost per outcome
/// and the five-year overview. Every figure comes from the finance core.
struct FinanceOverview {
    FinanceReportHeader header;
    finance::FollowUp followUp;
    finance::Amount allocation = 0;  ///< the year's budgeted member contributions
    std::vector<finance::MemberShare> contributions;
    std::string contributionKey;     ///< how the kommuner's quarter was split, in words
    std::vector<std::string> notes;  ///< what is missing for a figure, in words
    std::vector<CostPerOutcome> costs;
    std::vector<finance::YearSummary> fiveYears;  ///< up to five years to `year`, oldest first
    std::vector<finance::TertialFigures> tertials;  ///< the year's three tertials, each on its own
    int suppressBelow = 0;           ///< 0: exact counts (kansli); 5: aggregates only (board)
};

/// The overview for the whole year or a tertial to date.
Result<FinanceOverview> computeFinanceOverview(Database& db, Id federationId, int year, std::optional<int> tertial,
                                               int suppressBelow = 0);

/// The driftredovisning and every section above as Swedish text (tkr).
std::string renderFinanceOverviewText(const FinanceOverview& overview);
/// One documented JSON shape (docs/protocol.md): the driftredovisning's fields
/// plus allocation, member_contributions, cost_per_outcome and five_years.
nlohmann::json financeOverviewToJson(const FinanceOverview& overview);
/// One table as CSV (semicolon, decimal comma, kronor): "drift" (the lines),
/// "medlemmar", "kostnad", "femar".
Result<std::string> financeOverviewCsv(const FinanceOverview& overview, std::string_view table);

}  // namespace samkoll::core
