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

std::string Target::describe(IndicatorKind kind) const
{
    const bool count = kind == IndicatorKind::StoryCount;
    const bool pp = kind == IndicatorKind::GenderGap || kind == IndicatorKind::StatisticTrend;
    auto amount = [&](std::int64_t v) {
        if (count)
            return formatCenti(v) + " st";
        if (pp)
            return formatCenti(v) + " procentenheter";
        return formatCenti(v) + " %";
    };
    switch (type) {
    case Type::None:
        return kind == IndicatorKind::Manual ? "bedöms av kansliet" : "–";
    case Type::AtLeast:
        return "minst " + amount(a);
    case Type::AtMost:
        return "högst " + amount(a);
    case Type::Between:
        return formatCenti(a) + "–" + formatCenti(b) + " % kvinnor";
    case Type::Decrease:
        return a == 0 ? "lägre än föregående år" : "minskning med minst " + amount(a);
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
