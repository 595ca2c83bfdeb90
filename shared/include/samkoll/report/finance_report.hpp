// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "samkoll/finance/follow_up.hpp"

namespace samkoll::core {

/// What a driftredovisning is about: whose, which year and which months.
struct FinanceReportHeader {
    std::string federationName;
    int year = 0;
    std::string periodLabel;  ///< "2021", "2021 T2 (jan–aug)"

    /// The whole year, or a tertial to date (its months in the label).
    static FinanceReportHeader of(std::string federationName, int year, std::optional<int> tertial);
};

/// The driftredovisning as a Swedish text table in tkr (each cell rounded from
/// kronor on its own, sums from kronor — a footnote says so), with equity
/// against the recommended maximum.
std::string renderOperatingReportText(const FinanceReportHeader& header, const finance::OperatingReport& report,
                                      const finance::EquityReport& equity);

/// The same as JSON: one shape for every unit and period, amounts in öre
/// (exact) with the tkr the tables show beside them.
nlohmann::json operatingReportToJson(const FinanceReportHeader& header, const finance::OperatingReport& report,
                                     const finance::EquityReport& equity);

}  // namespace samkoll::core
