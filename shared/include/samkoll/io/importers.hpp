// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "samkoll/domain/date.hpp"
#include "samkoll/domain/result.hpp"
#include "samkoll/store/repository.hpp"

namespace samkoll::core {

/// What an import did, for the user.
struct ImportSummary {
    std::string file;
    int rows = 0;
    int created = 0;
    int updated = 0;
    [[nodiscard]] std::string describe() const;
};

// Every import validates every row and runs in one transaction: a file with an
// error imports nothing, and the error names the file, the line and the field.
// Formats: docs/formats.md.

/// Social budget (JSON, "samkoll.social_budget/1") with its survey definitions.
Result<ImportSummary> importBudget(Repository& repo, Id federationId, std::string_view json, const std::string& fileName,
                                   bool replace);
/// Cases (CSV). A row whose team and code exist updates that case.
Result<ImportSummary> importCases(Repository& repo, Id federationId, std::string_view csv, const std::string& fileName,
                                  Date today);
/// Tally rows (CSV): one row per question × option × gender count. The same
/// file cannot be imported twice (its rows would be counted twice).
Result<ImportSummary> importTallies(Repository& repo, Id federationId, std::string_view csv,
                                    const std::string& fileName, const std::string& enteredBy);
/// One kommun-year of a HÅE file against what is stored: new (no `before`) or changed.
struct HaeChange {
    std::string kommun;  ///< the member's name
    std::optional<HaeStatistic> before;
    HaeStatistic after;
};
/// What a HÅE file changes (or changed, when `applied`); rows equal to what
/// is stored are only counted.
struct HaePreview {
    std::string file;
    std::vector<HaeChange> changes;
    int unchanged = 0;
    bool applied = false;
};
/// HÅE statistics per kommun and year (CSV, Statistics Sweden figures): every
/// row checked, then what would change listed — and written when `apply`
/// (every device gets the figures with its next sync). A file with an error
/// changes nothing.
Result<HaePreview> importHae(Repository& repo, Id federationId, std::string_view csv, const std::string& fileName,
                             bool apply = true);

/// Parses "2021", "2021 T2"/"2021T2" or "2021-01-01/2021-06-30".
Result<Period> parsePeriod(std::string_view text);

}  // namespace samkoll::core
