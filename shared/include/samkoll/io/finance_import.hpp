// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <istream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "samkoll/domain/result.hpp"
#include "samkoll/finance/account_mapping.hpp"
#include "samkoll/finance/finance_store.hpp"
#include "samkoll/io/importers.hpp"
#include "samkoll/io/sie.hpp"

namespace samkoll::core {

// Imports of the förbund's money (domain.md §6; formats in docs/formats.md).
// Like every import: every row is checked first, a file with an error changes
// nothing, and the error names the file, the line and the field.

/// Budget lines with their year's budget (CSV): code, name, group, unit,
/// optional team/member, and a year amount or twelve monthly amounts. Lines
/// and units that do not exist are created; `revise` makes a new budget
/// version (the original stays). Amounts are Samkoll's signs: costs negative.
Result<ImportSummary> importFinanceBudget(finance::FinanceStore& store, Id federationId, std::string_view csv,
                                          const std::string& fileName, bool revise);

/// What an utfall import did or would do.
struct OutcomeImport {
    std::string file;
    std::set<finance::YearMonth> months;          ///< the months it replaces
    std::vector<finance::OutcomeCell> cells;      ///< per line and month (Samkoll's signs)
    std::vector<finance::OutcomeChange> changes;  ///< against what the same source gave before
    bool applied = false;
};

/// Utfall (CSV): line, year, month, amount. Replaces the CSV utfall of the
/// months in the file, so a corrected file can be imported again.
Result<OutcomeImport> importFinanceOutcome(finance::FinanceStore& store, Id federationId, std::string_view csv,
                                           const std::string& fileName, bool apply = true);

/// The account mapping (CSV): konto (5010 or 4000-4999, may be empty),
/// dimension, objekt, rad. Replaces the stored mapping.
Result<ImportSummary> importAccountMapping(finance::FinanceStore& store, Id federationId, std::string_view csv,
                                           const std::string& fileName);

/// Accounts (and objects) the mapping gives no line: shown, never dropped.
struct UnmappedAmount {
    std::string account;
    std::string name;     ///< the account's name in the file
    std::string objects;  ///< "1:100 6:P1", or empty
    finance::Amount amount = 0;  ///< Samkoll's sign, summed over the months
};

/// What a SIE import did or would do.
struct SieImport {
    sie::FileInfo file;
    OutcomeImport outcome;
    std::vector<UnmappedAmount> unmapped;
    bool fromVouchers = false;          ///< utfall summed from #VER/#TRANS (else from #PSALDO)
    std::vector<std::string> budgetLines;  ///< lines given a monthly budget from #PBUDGET
    std::vector<int> lockedYears;          ///< fastställda years in the file, left as they were
};

struct SieOptions {
    bool apply = true;    ///< false: read, map and compare, write nothing
    bool budget = false;  ///< also take #PBUDGET as the lines' monthly budget (calendar fiscal years)
};

/// A SIE file (types 2, 3, 4E), mapped to budget lines by the stored mapping.
/// Utfall comes from the vouchers of a fiscal year when the file has them,
/// else from its #PSALDO; in type 3 files an object rule takes the object
/// rows and the account's total, less what those took, goes to the account
/// rule — never both. SIE's signs are flipped to Samkoll's (income positive).
/// Re-importing a period replaces that period's SIE utfall.
Result<SieImport> importSie(finance::FinanceStore& store, Id federationId, std::istream& in, const std::string& fileName,
                            const SieOptions& options = {});

/// An utfall import (CSV) as the API answers it: {"file", "months": [{"year",
/// "month"}], "changes": [{"line", "year", "month", "before", "after"}],
/// "applied"} — öre, Samkoll's signs.
nlohmann::json outcomeImportToJson(const OutcomeImport& import);
/// A SIE import as the API answers it (docs/protocol.md, POST /api/v1/finance/sie):
/// the file (type, company, fiscal years, checksum), where the utfall came
/// from, the months, each line's total per month before and after
/// ("changes"), the omappat accounts, the locked years left alone — amounts
/// in öre, Samkoll's signs.
nlohmann::json sieImportToJson(const SieImport& import);
/// The account mapping as the API gives and takes it: [{"account_from",
/// "account_to", "dimension", "object", "line"}]; reading names a bad rule's
/// field by its place ("rules[2].line").
nlohmann::json mappingToJson(const std::vector<finance::MappingRule>& rules);
Result<std::vector<finance::MappingRule>> mappingFromJson(const nlohmann::json& rules);

/// A readable account of an utfall import: period, totals per line, what changed.
std::string describeOutcomeImport(const OutcomeImport& import);
/// A readable account of a SIE import, with the file's names and what is omappat.
std::string describeSieImport(const SieImport& import);

}  // namespace samkoll::core
