// SPDX-License-Identifier: GPL-3.0-or-later
// The reports of domain.md §8 by name: what `samkolld report`, the API's
// /api/v1/report and the client's "Skapa rapport" ask for, built one way.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "samkoll/report/document.hpp"
#include "samkoll/store/database.hpp"

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

}  // namespace samkoll::core
