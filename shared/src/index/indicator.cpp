// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/index/indicator.hpp"

#include <array>

#include "samkoll/report/format.hpp"

namespace samkoll::core {

namespace {
constexpr std::array kKinds{
    Term{"outcome_share", "Andel av utfall", ""},
    Term{"throughput", "Genomströmning", ""},
    Term{"gender_balance", "Könsfördelning", ""},
    Term{"survey_share", "Andel enkätsvar", ""},
    Term{"gender_gap", "Skillnad mellan kvinnor och män", ""},
    Term{"story_count", "Antal framgångsbeskrivningar", ""},
    Term{"statistic_trend", "Statistikutveckling (HÅE)", ""},
    Term{"manual", "Bedömning av kansliet", ""},
};
}  // namespace

std::span<const Term> indicatorKindTerms()
{
    return kKinds;
}

std::string_view codeOf(IndicatorKind k)
{
    return kKinds[static_cast<std::size_t>(k)].code;
}

std::string_view labelOf(IndicatorKind k)
{
    return kKinds[static_cast<std::size_t>(k)].label;
}

std::uint8_t CaseFilter::positiveOutcomes()
{
    std::uint8_t mask = 0;
    for (std::size_t i = 0; i < kOutcomeCount; ++i)
        if (isPositive(static_cast<ExitOutcome>(i)))
            mask = static_cast<std::uint8_t>(mask | (1u << i));
    return mask;
}

std::uint8_t CaseFilter::negativeOutcomes()
{
    return static_cast<std::uint8_t>(kAllOutcomes & ~positiveOutcomes());
}

std::string Target::describe(IndicatorKind kind, Language language) const
{
    const bool count = kind == IndicatorKind::StoryCount;
    const bool pp = kind == IndicatorKind::GenderGap || kind == IndicatorKind::StatisticTrend;
    const Words words{language};
    auto amount = [&](std::int64_t v) {
        if (count)
            return formatCenti(v) + words(" st", "");
        if (pp)
            return formatCenti(v) + words(" procentenheter", " percentage points");
        return formatCenti(v) + " %";
    };
    switch (type) {
    case Type::None:
        return kind == IndicatorKind::Manual ? words("bedöms av kansliet", "judged by the central office") : "–";
    case Type::AtLeast:
        return words("minst ", "at least ") + amount(a);
    case Type::AtMost:
        return words("högst ", "at most ") + amount(a);
    case Type::Between:
        return formatCenti(a) + "–" + formatCenti(b) + words(" % kvinnor", " % women");
    case Type::Decrease:
        return a == 0 ? words("lägre än föregående år", "lower than the year before")
                      : words("minskning med minst ", "a decrease of at least ") + amount(a);
    }
    return {};
}

std::size_t SocialBudget::indicatorCount() const
{
    std::size_t n = 0;
    for (const auto& area : areas)
        for (const auto& goal : area.goals)
            n += goal.indicators.size();
    return n;
}

}  // namespace samkoll::core
