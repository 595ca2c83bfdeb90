// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "samkoll/domain/date.hpp"
#include "samkoll/domain/entities.hpp"
#include "samkoll/domain/result.hpp"
#include "samkoll/index/inputs.hpp"
#include "samkoll/store/database.hpp"

namespace samkoll::core {

/// One row of a statistics table split by gender (woman, man, other).
struct GenderRow {
    std::string label;
    std::array<std::int64_t, kGenderCount> byGender{};
    [[nodiscard]] std::int64_t total() const;
};

/// Referrals (aktualiseringar) from one party in the period and the beredning's decisions.
struct PartyRow {
    std::string label;
    std::int64_t referred = 0;
    std::int64_t yes = 0;
    std::int64_t no = 0;
    std::int64_t pending = 0;
};

/// One survey round's response rate (svarsfrekvens): respondents are the most
/// answers any of its questions got, since tallies are per question.
struct ResponseRateRow {
    std::string questionnaire;
    std::string group;
    std::string team;  ///< empty for förbund-level rounds
    std::string period;
    std::int64_t invited = 0;
    std::int64_t respondents = 0;
};

/// Participant statistics of a unit and period (domain.md §8): volume and
/// results by gender; background at start of those who started in the period;
/// referring parties with how many got *ja*.
struct ParticipantStatistics {
    std::string unitName;
    Period period;
    CaseCounts counts;
    std::vector<GenderRow> volume;          ///< deltagare, nya, avslutade, kvar vid periodens slut
    std::vector<GenderRow> outcomes;        ///< avslut per avslutsorsak
    std::vector<GenderRow> supportDuration; ///< tid i offentlig försörjning (nya)
    std::vector<GenderRow> education;       ///< utbildningsnivå (nya)
    std::vector<GenderRow> incomeSupport;   ///< försörjning före start (nya; flera kan gälla)
    std::vector<GenderRow> ageGroups;       ///< ålder vid start (nya)
    std::vector<PartyRow> parties;
    std::vector<ResponseRateRow> responseRates;  ///< rounds within the period that count for the unit
    /// 0: exact figures (the team's own coordinator, the kansli). 5: every
    /// count of 1–4 people is shown as "<5", and one more cell where a hidden
    /// one could be worked out from the total — the convention of Swedish
    /// official statistics, for the board and for other teams' figures.
    int suppressBelow = 0;
};

/// The minimum cell size shown to readers who may see aggregates only.
inline constexpr int kSmallCell = 5;

/// Which cells of a row are hidden: [women, men, other, total].
std::array<bool, kGenderCount + 1> hiddenCells(const GenderRow& row, int suppressBelow);
/// Which of a party row's counts are hidden: [referred, yes, no, pending].
std::array<bool, 4> hiddenCells(const PartyRow& row, int suppressBelow);

/// Computes the statistics for the förbund (no team) or one team.
Result<ParticipantStatistics> computeParticipantStatistics(Database& db, Id federationId, std::optional<Id> teamId,
                                                           const Period& period);

std::string renderParticipantStatisticsText(const ParticipantStatistics& s);
nlohmann::json participantStatisticsToJson(const ParticipantStatistics& s);

}  // namespace samkoll::core
