// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "samkoll/domain/date.hpp"
#include "samkoll/index/evaluation.hpp"
#include "samkoll/index/indicator.hpp"

namespace samkoll::core {

enum class Colour { Green, Orange, Red, None };
std::string_view labelOf(Colour c, Language language = Language::Swedish);
std::string_view codeOf(Colour c);

/// Colour of a rounded index value under the settings' thresholds.
Colour colourOf(std::optional<int> index, const IndexSettings& settings);

/// Max, achieved and the rounded index: round(100 × achieved / max), half up.
struct IndexFigures {
    std::int64_t max = 0;       ///< maximalt impactvärde: weights of assessable indicators
    std::int64_t achieved = 0;  ///< uppnått impactvärde: weights of achieved indicators
    std::optional<int> index;   ///< none when nothing is assessable
    Colour colour = Colour::None;
    int assessable = 0;
    int notAssessable = 0;
    int achievedCount = 0;

    [[nodiscard]] double fulfilment() const { return max > 0 ? static_cast<double>(achieved) / static_cast<double>(max) : 0; }
};

/// Index of one goal area.
struct AreaIndex {
    int number = 0;
    std::string name;
    int idealSharePct = 0;
    IndexFigures figures;
    double actualSharePct = 0;  ///< area max / total max
    bool weightingOff = false;  ///< actual share more than the tolerance off the ideal share
};

/// An alternative index beside the official one (fairness for small volumes).
struct VariantIndex {
    enum class Kind { VolumeAdjusted, Graded };
    Kind kind = Kind::VolumeAdjusted;
    double max = 0;
    double achieved = 0;
    std::optional<int> index;
    Colour colour = Colour::None;
    int leftOut = 0;          ///< indicators left out beyond the not assessable ones (volume-adjusted)
    int partlyCredited = 0;   ///< not achieved indicators given partial credit (graded)
    int notAssessable = 0;    ///< indicators without a result, in no index

    /// "Volymjusterat index"
    [[nodiscard]] std::string name(Language language = Language::Swedish) const;
    /// What it changes and how many indicators it left out or credited in part, and why.
    [[nodiscard]] std::string explanation(Language language = Language::Swedish) const;
};

/// The Impactindex of one unit (a team or the whole förbund) for one period.
struct UnitIndex {
    std::string unitCode;  ///< team code, or the förbund's code
    std::string unitName;
    bool isTeam = false;
    Period period;
    int budgetYear = 0;
    IndexSettings settings;
    std::vector<AreaIndex> areas;
    IndexFigures total;
    std::vector<IndicatorResult> indicators;

    // Beyond the published method, clearly labelled.
    int swingCount = 0;
    int lowVolumeCount = 0;
    int inconclusiveCount = 0;
    VariantIndex volumeAdjusted;
    VariantIndex graded;
};

/// Sums evaluated indicators into area and total indices (the official method),
/// then the fairness variants beside it.
UnitIndex aggregateIndex(const SocialBudget& budget, std::vector<IndicatorResult> results);

}  // namespace samkoll::core
