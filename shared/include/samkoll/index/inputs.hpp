// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "samkoll/domain/entities.hpp"
#include "samkoll/index/indicator.hpp"

namespace samkoll::core {

/// Case counts of one unit and period, by gender: everything an outcome share,
/// throughput or case gender balance needs. Filled from one grouped SQL scan.
struct CaseCounts {
    std::array<std::int64_t, kGenderCount> participants{};  ///< during the period
    std::array<std::int64_t, kGenderCount> started{};       ///< new: started in the period
    std::array<std::array<std::int64_t, kOutcomeCount>, kGenderCount> exits{};  ///< [gender][outcome]

    /// Cases matching `filter`, for one gender or (nullopt) for all.
    [[nodiscard]] std::int64_t count(const CaseFilter& filter, std::optional<Gender> gender = std::nullopt) const;
    CaseCounts& operator+=(const CaseCounts& other);
};

/// Tally sums of one unit and period: per (respondent group, question code), per
/// option (0-based index = position − 1), per gender.
struct TallyCounts {
    using OptionCounts = std::vector<std::array<std::int64_t, kGenderCount>>;
    std::map<std::pair<RespondentGroup, std::string>, OptionCounts> answers;

    void add(RespondentGroup group, const std::string& question, int option, Gender gender, std::int64_t n);
    /// The counts of one question in one group, created empty if missing.
    OptionCounts& slot(RespondentGroup group, const std::string& question) { return answers[{group, question}]; }
    /// Adds to a slot obtained from slot().
    static void add(OptionCounts& counts, int option, Gender gender, std::int64_t n);
    /// Respondents to the question (all options) in the selector's groups.
    [[nodiscard]] std::int64_t respondents(const SurveySelector& s, std::optional<Gender> g = std::nullopt) const;
    /// Respondents choosing one of the selector's options.
    [[nodiscard]] std::int64_t chosen(const SurveySelector& s, std::optional<Gender> g = std::nullopt) const;
    TallyCounts& operator+=(const TallyCounts& other);
};

/// A kommun's HÅE statistics for the period's year and the year before.
struct KommunStatistics {
    std::string code;
    std::string name;
    std::optional<HaeStatistic> current;
    std::optional<HaeStatistic> previous;
};

struct ManualJudgment {
    bool achieved = false;
    std::string motivation;
};

/// Everything the indicators of one unit (team or förbund) need for one period.
struct UnitInputs {
    CaseCounts cases;
    TallyCounts tallies;
    std::array<std::int64_t, 5> stories{};  ///< by StoryCategory
    std::map<CompositionBody, std::pair<std::int64_t, std::int64_t>> composition;  ///< women, men
    std::vector<KommunStatistics> kommuner;  ///< the kommuner this unit is judged on
    std::map<std::string, ManualJudgment> manual;  ///< by indicator code
};

}  // namespace samkoll::core
