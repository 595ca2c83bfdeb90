// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <vector>

#include "samkoll/domain/date.hpp"
#include "samkoll/domain/entities.hpp"
#include "samkoll/domain/result.hpp"
#include "samkoll/index/impact_index.hpp"
#include "samkoll/index/inputs.hpp"
#include "samkoll/store/database.hpp"

namespace samkoll::core {

/// The inputs of every unit of one förbund for one period, read with one
/// grouped scan per source table (cases, tallies, stories, composition, HÅE,
/// manual assessments) — never one query per indicator or per row.
struct FederationInputs {
    Federation federation;
    std::vector<Team> teams;
    UnitInputs pooled;                ///< the förbund: all teams' rows plus förbund-level rows
    std::map<Id, UnitInputs> byTeam;  ///< each team: its rows plus förbund-level rows
};

/// The Impactindex of the whole förbund (pooled) and of every team.
struct FederationIndex {
    Federation federation;
    Period period;
    std::string budgetName;
    UnitIndex federationIndex;
    std::vector<UnitIndex> teams;

    /// The team's index by code, or nullptr.
    [[nodiscard]] const UnitIndex* team(const std::string& code) const;
};

/// Reads the inputs of a förbund for a period.
Result<FederationInputs> readFederationInputs(Database& db, Id federationId, const Period& period);

/// Computes the index of the förbund and all its teams for the period, with
/// the social budget of the period's year.
Result<FederationIndex> computeFederationIndex(Database& db, Id federationId, const Period& period);

}  // namespace samkoll::core
