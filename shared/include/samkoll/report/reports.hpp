// SPDX-License-Identifier: GPL-3.0-or-later
// The reports of domain.md §8 by name: what `samkolld report`, the API's
// /api/v1/report and the client's "Skapa rapport" ask for, built one way.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "samkoll/domain/language.hpp"
#include "samkoll/report/document.hpp"
#include "samkoll/store/database.hpp"
#include "samkoll/store/repository.hpp"

namespace samkoll::core {

enum class ReportKind {
    Bokslut,     ///< socialt bokslut: the förbund, a team, or all units
    Drift,       ///< driftredovisning for the year or a tertial to date
    Delar,       ///< the board's delårsrapport
    Statistik,   ///< participant statistics
    Ranking,     ///< ranking of the teams and the index over the years
};
/// "bokslut", "drift", "delar", "statistik", "ranking"
std::string_view codeOf(ReportKind kind);
std::optional<ReportKind> reportKindFrom(std::string_view code);

struct ReportRequest {
    ReportKind kind = ReportKind::Bokslut;
    int year = 0;
    std::optional<int> tertial;  ///< 1–3; none for the whole year
    std::string team;            ///< a team's code or name; empty for the förbund; "alla" for all units (bokslut)
    Audience audience = Audience::CentralOffice;
};

/// Builds the document. The index of a fastställt year's whole year is the
/// snapshot approved with the lock (index_snapshot.hpp), and the document
/// says so; everything else is computed now. Errors name the field (year,
/// tertial, team) and what to do.
Result<Document> buildReport(Database& db, Id federationId, const ReportRequest& request, const std::string& computedAt);

/// Fastställer (locks) a year after the board's approval: the year's index as
/// it stands now is kept whole (index_snapshot.hpp), and every report of the
/// year shows it from then on. `approvedBy` says whose decision ("Styrelsen
/// 2022-03-14 § 12"). Refused when the year has no social budget or is locked.
Result<PeriodLock> approveYear(Database& db, Id federationId, int year, const std::string& approvedBy);

/// A year of the förbund: open, or fastställt with what was approved.
struct YearState {
    int year = 0;
    std::optional<PeriodLock> lock;
    /// The approved index (the snapshot) of a fastställt year; none when open
    /// or when the snapshot cannot be read.
    std::optional<FederationIndex> approved;
};
/// Every year with a social budget or a lock, newest first.
Result<std::vector<YearState>> yearStates(Database& db, Id federationId);
/// {"years": [{"year", "locked", "locked_at", "locked_by", "approved": {"index",
/// "colour", "teams": [{"code", "name", "index", "colour"}]} | null}]}
nlohmann::json yearStatesToJson(const std::vector<YearState>& years);

/// What the Förbundet screen (kansli and board) shows for a year or a tertial:
/// the förbund's index and every team ranked best first (rankTeams), each with
/// its areas and indicators, and the index of each unit over up to five years
/// — the numbers of the ranking report, as data:
/// {"year", "tertial" (0 = the whole year), "computed_at", "last_team_sync",
///  "approved": null | {"at", "by"},
///  "federation": unitIndexToJson, "teams": [unitIndexToJson + "place"],
///  "trend": {"years": [...], "approved": [bool...],
///            "units": [{"code", "name", "type", "values": [index|null], "colours": [...]}]}}.
/// A fastställt year's whole year is its approved snapshot, as in the reports.
/// `suppressBelow` > 0 hides small counts as for the board (unitIndexToJson).
Result<nlohmann::json> federationOverviewJson(Database& db, Id federationId, int year, std::optional<int> tertial,
                                              Language language, int suppressBelow, const std::string& computedAt);

}  // namespace samkoll::core
