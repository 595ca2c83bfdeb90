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

/// A team's place in the ranking by index: equal indexes share a place
/// (1, 2, 2, 4); a team without an index has place 0 and comes last.
struct RankedTeam {
    const UnitIndex* unit = nullptr;
    int place = 0;
};
/// The teams of `index` best first — the one ranking of the text, the documents and the screens.
std::vector<RankedTeam> rankTeams(const FederationIndex& index);

/// A share whose count, base or remainder is 1 to `below` − 1: for a reader
/// of aggregates only its figures are hidden (its percentage would tell the
/// count) — the rule of the reports and the API alike.
bool smallShare(const Count& c, int below);

/// What a reader of aggregates only (`below` > 0) may not see of one
/// indicator: its result (counts, value, interval), the women's or the men's
/// share. A gap or a balance is computed from the split, so it goes with it.
struct HiddenFigures {
    bool result = false;
    bool women = false;
    bool men = false;
    [[nodiscard]] bool any() const { return result || women || men; }
};
HiddenFigures hiddenFigures(const IndicatorResult& r, int below);
/// What stands instead of a hidden figure: "dold (färre än 5)".
std::string hiddenText(int below);

/// "76 (grön)", or "–" when there is no index.
std::string indexText(const std::optional<int>& index, Colour colour);
/// The fairness marks of an indicator in words: "1 person från målet, låg volym".
std::string fairnessMarks(const IndicatorResult& r);

/// `suppressBelow` > 0 (a board device, another team's coordinator): every
/// share of an indicator that is a smallShare has its counts, value and
/// interval null, "suppressed": true and the result "dold (färre än N)".
nlohmann::json unitIndexToJson(const UnitIndex& unit, Language language = Language::Swedish, int suppressBelow = 0);
/// The words in it (targets, results, notes, fairness reasons) in `language`;
/// the API's are Swedish.
nlohmann::json federationIndexToJson(const FederationIndex& index, const std::string& teamCode = {},
                                     Language language = Language::Swedish, int suppressBelow = 0);

}  // namespace samkoll::core
