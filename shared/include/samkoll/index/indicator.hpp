// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samkoll/domain/entities.hpp"
#include "samkoll/domain/language.hpp"
#include "samkoll/domain/terms.hpp"

namespace samkoll::core {

enum class IndicatorKind {
    OutcomeShare,    ///< cases matching a numerator filter / cases matching a denominator filter
    Throughput,      ///< exits / participants during the period
    GenderBalance,   ///< women / (women + men) of a population
    SurveyShare,     ///< respondents choosing listed options / respondents to the question
    GenderGap,       ///< |share among women − share among men| of a survey or outcome share
    StoryCount,      ///< number of stories of a category
    StatisticTrend,  ///< kommun's HÅE share this year minus last year
    Manual,          ///< the kansli's judgment
};

std::span<const Term> indicatorKindTerms();
std::string_view codeOf(IndicatorKind k);
std::string_view labelOf(IndicatorKind k);

enum class Scope { Federation, Team, Both };

/// A target. Values are hundredths ("centi"): 80 % is 8000, two stories are 200,
/// a decrease of one percentage point is 100. Comparisons are exact on integers.
struct Target {
    enum class Type { None, AtLeast, AtMost, Between, Decrease };
    Type type = Type::None;
    std::int64_t a = 0;  ///< the bound; the lower bound for Between
    std::int64_t b = 0;  ///< the upper bound for Between

    /// "minst 80 %", "högst 10 %", "40–60 %", "minskning", "minst 2 st"
    [[nodiscard]] std::string describe(IndicatorKind kind, Language language = Language::Swedish) const;
};

/// Which cases an outcome share or gender balance counts.
enum class CasePopulation { Participants, New, Exits, Remaining };

struct CaseFilter {
    CasePopulation population = CasePopulation::Exits;
    /// Bit i set = ExitOutcome i counts; only meaningful for Exits.
    std::uint8_t outcomes = kAllOutcomes;

    static constexpr std::uint8_t kAllOutcomes = 0x7F;
    static std::uint8_t positiveOutcomes();
    static std::uint8_t negativeOutcomes();
};

/// A survey share: the question, the respondent groups and the options that count.
struct SurveySelector {
    std::string question;                 ///< question code
    std::vector<RespondentGroup> groups;  ///< pooled over these groups
    std::vector<int> options;             ///< 1-based positions on the question's scale
};

enum class HaeMeasure { Total, Illness, Unemployment, Assistance };

/// One indicator of a social budget with its kind-specific parameters.
struct IndicatorSpec {
    std::string code;  ///< "2.4.1"
    std::string text;
    IndicatorKind kind = IndicatorKind::Manual;
    int weight = 1;    ///< 1–10
    Scope scope = Scope::Both;
    Target target;

    CaseFilter numerator;                       ///< OutcomeShare; GenderGap on cases
    CaseFilter denominator;                     ///< OutcomeShare; GenderGap on cases
    std::optional<CaseFilter> casePopulation;   ///< GenderBalance of cases
    std::optional<CompositionBody> body;        ///< GenderBalance of staff/steering group/board
    std::optional<SurveySelector> survey;       ///< SurveyShare; GenderGap on a survey
    std::optional<StoryCategory> storyCategory; ///< StoryCount
    HaeMeasure statistic = HaeMeasure::Total;   ///< StatisticTrend

    /// Kommun-bound indicators apply once per member kommun förbund-wide and
    /// for its own kommun in a team.
    [[nodiscard]] bool kommunBound() const { return kind == IndicatorKind::StatisticTrend; }
};

struct Goal {
    std::string code;  ///< "2.4"
    std::string text;
    std::vector<IndicatorSpec> indicators;
};

struct GoalArea {
    int number = 1;
    std::string name;
    int idealSharePct = 0;  ///< the board's ideal share of the index, e.g. 40
    std::vector<Goal> goals;
};

/// Settings of the index presentation and the fairness additions.
struct IndexSettings {
    int greenFrom = 70;             ///< index ≥ this is green (the board's target)
    int orangeFrom = 65;            ///< index ≥ this (and below green) is orange
    int lowVolumeBelow = 10;        ///< N below this is marked "låg volym"
    int weightingTolerancePp = 5;   ///< actual vs ideal area weighting tolerance
};

/// The board's social budget for a year: areas → goals → indicators.
struct SocialBudget {
    Id id = 0;
    Id federationId = 0;
    int year = 0;
    std::string name;
    IndexSettings settings;
    std::vector<GoalArea> areas;

    [[nodiscard]] std::size_t indicatorCount() const;
};

}  // namespace samkoll::core
