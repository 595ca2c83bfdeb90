// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "samkoll/index/impact_index.hpp"
#include "samkoll/index/index_engine.hpp"

namespace samkoll::core {

/// The Impactindex table of one unit as the socialt bokslut shows it: areas
/// with max, achieved, fulfilment, index, ideal vs actual weighting; every
/// indicator with target, result "77 % (247 av 319)", signal, gender split and
/// comment; then, clearly labelled, the fairness additions.
std::string renderUnitIndexText(const UnitIndex& unit);

/// The förbund's index, the ranking of teams by index, then each unit in full.
/// With `teamCode`, only that team.
std::string renderFederationIndexText(const FederationIndex& index, const std::string& teamCode = {});

nlohmann::json unitIndexToJson(const UnitIndex& unit, Language language = Language::Swedish);
/// The words in it (targets, results, notes, fairness reasons) in `language`;
/// the API's are Swedish.
nlohmann::json federationIndexToJson(const FederationIndex& index, const std::string& teamCode = {},
                                     Language language = Language::Swedish);

}  // namespace samkoll::core
