// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A team's history in bulk, written straight into a server database: many
// cases and survey tally rows over several years, for the download benchmark
// and the tests of long downloads. Valid rows, but not the demo's realism.

#include <cstdint>
#include <string>

#include "samkoll/domain/entities.hpp"
#include "samkoll/domain/result.hpp"
#include "samkoll/store/database.hpp"

namespace samkoll::core {

struct BulkHistory {
    std::string team;   ///< the team's code (it must exist)
    int firstYear = 2021;
    int years = 1;
    int cases = 0;      ///< in all, spread over the years
    int tallyRows = 0;  ///< in all: the staff survey's "trivs" question, one round per year
};

/// Writes the history in one transaction (the change log records every row,
/// as for anything the server stores). Case codes are "H-<team>-<n>".
Status writeBulkHistory(Database& db, Id federationId, const BulkHistory& history);

}  // namespace samkoll::core
