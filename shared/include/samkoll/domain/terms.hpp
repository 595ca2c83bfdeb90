// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace samkoll::core {

/// One value of a closed vocabulary: its stable code (storage, JSON, CSV) and its
/// Swedish label (UI, reports). `aliases` lists further accepted spellings,
/// separated by '|', so that imports accept what people actually type.
struct Term {
    std::string_view code;
    std::string_view label;
    std::string_view aliases = {};
};

enum class Gender { Woman, Man, Other, Declined };
enum class ExitOutcome { Work, ExtraJob, Studies, ContinuedRehab, NoWorkCapacity, HealthDropout, OtherDropout };
enum class ReferringParty { Employment, SocialInsurance, SocialServices, Region, OtherMunicipal };
enum class Decision { Yes, No };
enum class IncomeSupport {
    SicknessBenefit, ActivityCompensation, SicknessCompensation, UnemploymentInsurance,
    ActivitySupport, SocialAssistance, StudentAid, None
};
enum class Education { Compulsory, UpperSecondary, University1, University3, UniversityMore, OtherPostSecondary, Unknown };
enum class SupportDuration { Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, MoreThan9, Unknown };
enum class RespondentGroup { ParticipantsExit, ParticipantsDuring, Staff, SteeringGroup, Board, PartnerManagers };
enum class StoryCategory { PositiveSolution, OtherActors, DevelopmentAreas, CircleBroken, ObstacleHandled };
enum class CompositionBody { Staff, SteeringGroup, Board, PartnerManagers };
enum class MemberKind { State, Region, Kommun };

/// All terms of a vocabulary, indexed by the enum's underlying value.
template <typename E>
std::span<const Term> termsOf();

/// Human name of a vocabulary in Swedish, for error messages ("kön", "avslutsorsak").
template <typename E>
std::string_view vocabularyName();

template <typename E>
std::string_view codeOf(E e)
{
    return termsOf<E>()[static_cast<std::size_t>(e)].code;
}

template <typename E>
std::string_view labelOf(E e)
{
    return termsOf<E>()[static_cast<std::size_t>(e)].label;
}

/// Lower-cases ASCII and the Swedish capitals Å, Ä, Ö, É; trims spaces.
std::string foldCase(std::string_view text);

/// Index of the term whose code, label or alias equals `text` (case-folded), if any.
std::optional<std::size_t> findTerm(std::span<const Term> terms, std::string_view text);

template <typename E>
std::optional<E> parseTerm(std::string_view text)
{
    auto i = findTerm(termsOf<E>(), text);
    if (!i)
        return std::nullopt;
    return static_cast<E>(*i);
}

/// Exact match on the stored code only — for values read back from the
/// database, where no folding or aliases are needed (hot paths).
template <typename E>
std::optional<E> parseCode(std::string_view code)
{
    const auto terms = termsOf<E>();
    for (std::size_t i = 0; i < terms.size(); ++i)
        if (terms[i].code == code)
            return static_cast<E>(i);
    return std::nullopt;
}

/// "kvinna, man, annat" — the accepted codes, for error messages.
std::string listCodes(std::span<const Term> terms);

/// Positive exit outcomes ("för individen positiv lösning").
constexpr bool isPositive(ExitOutcome o)
{
    return o == ExitOutcome::Work || o == ExitOutcome::ExtraJob || o == ExitOutcome::Studies ||
           o == ExitOutcome::ContinuedRehab || o == ExitOutcome::NoWorkCapacity;
}

/// Rounds for these groups belong to the förbund, not a team.
constexpr bool isFederationLevel(RespondentGroup g)
{
    return g == RespondentGroup::Board || g == RespondentGroup::PartnerManagers;
}

/// The board and the partner managers (parternas chefsgrupp) belong to the
/// förbund, not a team: their composition counts for the förbund and every team.
constexpr bool isFederationLevel(CompositionBody b)
{
    return b == CompositionBody::Board || b == CompositionBody::PartnerManagers;
}

inline constexpr std::size_t kGenderCount = 4;
inline constexpr std::size_t kOutcomeCount = 7;

}  // namespace samkoll::core
