// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "samkoll/index/indicator.hpp"
#include "samkoll/index/inputs.hpp"

namespace samkoll::core {

enum class Signal { Achieved, NotAchieved, NotAssessable };
std::string_view labelOf(Signal s, Language language = Language::Swedish);
std::string_view codeOf(Signal s);

/// What an indicator's note says: why it has no result, or (Written) the
/// kansli's motivation or the HÅE figures as they are.
enum class NoteKind {
    None,
    Written,
    NoCasesInBase,
    NoParticipants,
    NotAnswered,
    NoComposition,
    NeitherGender,
    NoDataForEither,
    NoDataForWomen,
    NoDataForMen,
    NoKommun,
    NoHaeForYear,
    NoHaeForPreviousYear,
    NotJudged,
};

/// n of N.
struct Count {
    std::int64_t n = 0;
    std::int64_t N = 0;
};

/// A confidence interval, in percent (percentage points for a gap).
struct Interval {
    double lo = 0;
    double hi = 0;
};

/// One evaluated indicator of one unit: the observed value with n and N, the
/// target, the signal, the gender split and the fairness markers.
struct IndicatorResult {
    std::string code;      ///< "1.4.1"
    std::string kommun;    ///< for kommun-bound instances: the kommun's name
    std::string text;
    std::string goalCode;
    int area = 0;
    IndicatorKind kind = IndicatorKind::Manual;
    int weight = 0;
    Target target;

    Signal signal = Signal::NotAssessable;
    NoteKind noteKind = NoteKind::None;
    std::string note;                 ///< for NoteKind::Written: the kansli's motivation, the HÅE figures
    std::optional<double> value;      ///< percent, count or percentage points
    Count count;                      ///< numerator and denominator (women, men for a balance)
    std::optional<Count> women;       ///< gender split where it applies
    std::optional<Count> men;

    // Beyond the published method (domain.md §5, "Fairness").
    bool swing = false;               ///< one person more or fewer would flip the signal
    bool lowVolume = false;           ///< N below the low-volume setting
    std::optional<Interval> interval; ///< 90 % Wilson (Newcombe for a gap)
    bool inconclusive = false;        ///< not achieved, but the interval contains the target
    double gradedCredit = 0;          ///< weight earned under the graded index

    [[nodiscard]] bool assessable() const { return signal != Signal::NotAssessable; }
    /// "77 % (247 av 319)", "3 st", "−0,4 procentenheter (11,2 % → 10,8 %)"
    [[nodiscard]] std::string resultText(Language language = Language::Swedish) const;
    /// Why not assessable ("inga deltagare under perioden"), or the note as written.
    [[nodiscard]] std::string noteText(Language language = Language::Swedish) const;
    /// "2.4.1" or "1.4.1 Vännäs"
    [[nodiscard]] std::string displayCode() const;
};

/// z for a two-sided 90 % interval.
inline constexpr double kZ90 = 1.6448536269514722;

/// Wilson score interval of n/N in percent.
Interval wilsonInterval(std::int64_t n, std::int64_t N, double z = kZ90);

/// Evaluates one indicator for one unit. `kommun` selects the kommun instance of
/// a kommun-bound indicator.
IndicatorResult evaluateIndicator(const IndicatorSpec& spec, const UnitInputs& in, const IndexSettings& settings,
                                  const KommunStatistics* kommun = nullptr);

/// Evaluates every indicator of the budget that applies to the unit: scope
/// decides team/förbund; kommun-bound indicators expand per kommun in `in`.
std::vector<IndicatorResult> evaluateBudget(const SocialBudget& budget, const UnitInputs& in, bool isTeam);

}  // namespace samkoll::core
