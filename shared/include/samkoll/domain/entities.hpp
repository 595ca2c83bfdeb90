// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "samkoll/domain/date.hpp"
#include "samkoll/domain/terms.hpp"

namespace samkoll::core {

using Id = std::int64_t;

/// Samordningsförbund: one per server by default; every table is keyed by it.
struct Federation {
    Id id = 0;
    std::string code;  ///< short slug, e.g. "umea"
    std::string name;  ///< "Samordningsförbundet Umeåregionen"
};

/// Medlem: Arbetsförmedlingen, Försäkringskassan, the Region or a kommun.
struct Member {
    Id id = 0;
    Id federationId = 0;
    std::string code;
    std::string name;
    MemberKind kind = MemberKind::Kommun;
};

/// Samordningsteam / verksamhet; belongs to one kommun.
struct Team {
    Id id = 0;
    Id federationId = 0;
    std::string code;
    std::string name;
    std::optional<Id> kommunId;
};

/// An ordered answer scale; option code = position (1-based).
struct Scale {
    Id id = 0;
    std::string code;
    std::string name;
    std::vector<std::string> options;
};

/// A survey question with verbatim wording and its scale.
struct Question {
    Id id = 0;
    std::string code;
    std::string text;
    Id scaleId = 0;
};

struct Questionnaire {
    Id id = 0;
    std::string code;
    std::string title;
    std::vector<Id> questionIds;
};

/// Enkätomgång: questionnaire × respondent group × team (none for förbund-level
/// groups) × period, with the number invited for the response rate.
struct SurveyRound {
    Id id = 0;
    Id federationId = 0;
    Id questionnaireId = 0;
    RespondentGroup group = RespondentGroup::ParticipantsExit;
    std::optional<Id> teamId;
    Period period;
    std::int64_t invited = 0;
};

/// One immutable tally entry: `delta` respondents of `gender` chose `option` of
/// `question`. Corrections are new rows with a negative delta.
struct TallyDelta {
    std::string uid;
    Id roundId = 0;
    Id questionId = 0;
    int option = 1;
    Gender gender = Gender::Other;
    std::int64_t delta = 0;
    std::string enteredBy;
    std::string batch;  ///< entries saved together (one questionnaire sheet, one grid) share it
};

/// Framgångsbeskrivning / gott exempel. A story is a short text for the
/// socialt bokslut: the title at most kMaxStoryTitle characters, the text at
/// most kMaxStoryText (also keeps every sync operation small).
inline constexpr std::size_t kMaxStoryTitle = 200;
inline constexpr std::size_t kMaxStoryText = 20000;
struct Story {
    std::string uid;
    Id federationId = 0;
    std::optional<Id> teamId;
    StoryCategory category = StoryCategory::PositiveSolution;
    Date date;
    std::string title;
    std::string text;
};

/// Women and men among a team's staff or steering group, or the board, for a year.
struct Composition {
    Id federationId = 0;
    std::optional<Id> teamId;  ///< none for the board
    CompositionBody body = CompositionBody::Staff;
    int year = 0;
    std::int64_t women = 0;
    std::int64_t men = 0;
};

/// Helårsekvivalenter for a kommun and year (Statistics Sweden).
struct HaeStatistic {
    Id kommunId = 0;
    int year = 0;
    double total = 0;
    double illness = 0;        ///< ohälsa
    double unemployment = 0;   ///< arbetslöshetsstöd
    double assistance = 0;     ///< ekonomiskt bistånd
    std::int64_t population = 0;  ///< aged 20–64
};

/// The kansli's judgment of a manual indicator for a unit (team or förbund) and year.
struct ManualAssessment {
    Id federationId = 0;
    std::string indicatorCode;
    std::optional<Id> teamId;  ///< none = the förbund
    int year = 0;
    bool achieved = false;
    std::string motivation;
    std::string assessedBy;  ///< the kansli's login, or empty (an import)
    std::string assessedAt;  ///< UTC to the millisecond; empty: now
    std::string version;     ///< the clock of the edit that wrote it (empty: an import)
    std::string teamCode;    ///< when read back: the team's code, empty for the förbund
};

}  // namespace samkoll::core
