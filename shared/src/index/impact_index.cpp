// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/index/impact_index.hpp"

#include <cmath>

#include "samkoll/domain/arithmetic.hpp"

namespace samkoll::core {

std::string_view labelOf(Colour c, Language language)
{
    switch (c) {
    case Colour::Green:
        return say(language, "grön", "green");
    case Colour::Orange:
        return say(language, "orange", "orange");
    case Colour::Red:
        return say(language, "röd", "red");
    case Colour::None:
        return "–";
    }
    return {};
}

std::string_view codeOf(Colour c)
{
    switch (c) {
    case Colour::Green:
        return "green";
    case Colour::Orange:
        return "orange";
    case Colour::Red:
        return "red";
    case Colour::None:
        return "none";
    }
    return {};
}

Colour colourOf(std::optional<int> index, const IndexSettings& settings)
{
    if (!index)
        return Colour::None;
    if (*index >= settings.greenFrom)
        return Colour::Green;
    if (*index >= settings.orangeFrom)
        return Colour::Orange;
    return Colour::Red;
}

namespace {

void add(IndexFigures& f, const IndicatorResult& r)
{
    if (!r.assessable()) {
        ++f.notAssessable;
        return;
    }
    ++f.assessable;
    f.max += r.weight;
    if (r.signal == Signal::Achieved) {
        f.achieved += r.weight;
        ++f.achievedCount;
    }
}

void finish(IndexFigures& f, const IndexSettings& s)
{
    if (f.max > 0)
        f.index = static_cast<int>(divRoundHalfUp(100 * f.achieved, f.max));
    f.colour = colourOf(f.index, s);
}

void finish(VariantIndex& v, const IndexSettings& s)
{
    if (v.max > 0)
        v.index = static_cast<int>(std::floor(100.0 * v.achieved / v.max + 0.5 + 1e-9));
    v.colour = colourOf(v.index, s);
}

}  // namespace

UnitIndex aggregateIndex(const SocialBudget& budget, std::vector<IndicatorResult> results)
{
    UnitIndex u;
    u.budgetYear = budget.year;
    u.settings = budget.settings;
    for (const auto& area : budget.areas) {
        AreaIndex a;
        a.number = area.number;
        a.name = area.name;
        a.idealSharePct = area.idealSharePct;
        u.areas.push_back(std::move(a));
    }

    int notAssessable = 0;
    u.volumeAdjusted.kind = VariantIndex::Kind::VolumeAdjusted;
    u.graded.kind = VariantIndex::Kind::Graded;
    for (const auto& r : results) {
        add(u.total, r);
        for (auto& a : u.areas)
            if (a.number == r.area)
                add(a.figures, r);
        if (!r.assessable()) {
            ++notAssessable;
            continue;
        }
        u.swingCount += r.swing ? 1 : 0;
        u.lowVolumeCount += r.lowVolume ? 1 : 0;
        if (r.inconclusive) {
            ++u.inconclusiveCount;
            ++u.volumeAdjusted.leftOut;
        } else {
            u.volumeAdjusted.max += r.weight;
            u.volumeAdjusted.achieved += r.signal == Signal::Achieved ? r.weight : 0;
        }
        u.graded.max += r.weight;
        u.graded.achieved += r.gradedCredit;
        if (r.signal == Signal::NotAchieved && r.gradedCredit > 0)
            ++u.graded.partlyCredited;
    }

    finish(u.total, u.settings);
    for (auto& a : u.areas) {
        finish(a.figures, u.settings);
        if (u.total.max > 0) {
            a.actualSharePct = 100.0 * static_cast<double>(a.figures.max) / static_cast<double>(u.total.max);
            // Exact: |area max × 100 − ideal × total max| > tolerance × total max.
            const std::int64_t diff = a.figures.max * 100 - static_cast<std::int64_t>(a.idealSharePct) * u.total.max;
            a.weightingOff = std::llabs(diff) > static_cast<std::int64_t>(u.settings.weightingTolerancePp) * u.total.max;
        }
    }
    finish(u.volumeAdjusted, u.settings);
    finish(u.graded, u.settings);

    u.volumeAdjusted.notAssessable = notAssessable;
    u.graded.notAssessable = notAssessable;
    u.indicators = std::move(results);
    return u;
}

std::string VariantIndex::name(Language language) const
{
    return std::string(kind == Kind::Graded ? say(language, "Graderat index", "Graded index")
                                            : say(language, "Volymjusterat index", "Volume-adjusted index"));
}

std::string VariantIndex::explanation(Language language) const
{
    const Words words{language};
    const std::string na =
        std::to_string(notAssessable) + words(" utan utfall räknas inte i något index", " without a result count in no index");
    if (kind == Kind::Graded)
        return words("Ger ", "Gives ") + std::to_string(partlyCredited) +
               words(" ej uppnådda minst-mål delpoäng (vikt × utfall / mål); inga indikatorer lämnas utanför; ",
                     " not achieved at-least targets part credit (weight × result / target); no indicator is left out; ") +
               na + ".";
    return words("Lämnar utanför ", "Leaves out ") + std::to_string(leftOut) +
           words(" ej uppnådda indikatorer vars 90 % konfidensintervall ändå når målet (osäkra vid små volymer); ",
                 " not achieved indicators whose 90 % confidence interval still reaches the target (inconclusive at low "
                 "volumes); ") +
           na + ".";
}

}  // namespace samkoll::core
