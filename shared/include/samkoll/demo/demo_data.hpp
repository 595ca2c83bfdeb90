// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include "samkoll/domain/result.hpp"
#include "samkoll/store/repository.hpp"

namespace samkoll::core {

/// What the demo generator produced.
struct DemoSummary {
    Id federationId = 0;
    int teams = 0;
    int cases = 0;
    int tallyRows = 0;
    int stories = 0;
};

/// Creates the demo förbund "Samordningsförbundet Umeåregionen (demo)": its
/// members, the seven teams, the 2021 social budget template (also for 2020),
/// and generated but realistic cases, survey tallies, stories, composition,
/// HÅE statistics and manual assessments for 2020 and 2021. Deterministic for
/// a seed; everything goes through the Repository, so it is validated like
/// real input.
Result<DemoSummary> createDemoFederation(Repository& repo, std::uint64_t seed = 2021);

/// The demo förbund's money (called by createDemoFederation): budget units and
/// lines, budgets for 2020 and 2021, monthly utfall, opening equity, a prognos.
Status createDemoFinance(Database& db, Id federationId, std::uint64_t seed);

}  // namespace samkoll::core
