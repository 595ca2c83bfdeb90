// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/finance/follow_up.hpp"

#include <algorithm>
#include <map>

#include "samkoll/domain/arithmetic.hpp"
#include "samkoll/report/format.hpp"

namespace samkoll::core::finance {

std::int64_t toTkr(Amount amount)
{
    return divRoundHalfAway(amount, 1000 * kKrona);
}

std::int64_t toKronor(Amount amount)
{
    return divRoundHalfAway(amount, kKrona);
}

std::string kronorText(Amount amount)
{
    return formatInteger(toKronor(amount));
}

MonthRange MonthRange::tertialToDate(int tertial)
{
    return {1, std::clamp(tertial, 1, 3) * 4};
}

std::optional<std::int64_t> Figures::consumptionPermille() const
{
    if (budgetPeriod == 0)
        return std::nullopt;
    // Same signs (a cost line that cost, an income that came in) give a
    // positive förbrukning; the ratio is taken on magnitudes with the sign kept.
    const Int128 n = static_cast<Int128>(outcome) * 1000;
    const Int128 d = budgetPeriod;
    const bool negative = (n < 0) != (d < 0);
    const Int128 an = n < 0 ? -n : n;
    const Int128 ad = d < 0 ? -d : d;
    const auto magnitude = static_cast<std::int64_t>((2 * an + ad) / (2 * ad));
    return negative ? -magnitude : magnitude;
}

Figures& Figures::operator+=(const Figures& o)
{
    budgetYear += o.budgetYear;
    budgetPeriod += o.budgetPeriod;
    outcome += o.outcome;
    outcomePriorYear += o.outcomePriorYear;
    deviation += o.deviation;
    forecast += o.forecast;
    forecastDeviation += o.forecastDeviation;
    forecastComputed = forecastComputed || o.forecastComputed;
    return *this;
}

namespace {

/// The budget of months `first`–`last`: the monthly budget where given,
/// else the year's × months / 12 (rounded to whole öre).
Amount budgetOf(const LineFigures& line, int first, int last)
{
    if (last < first)
        return 0;
    if (line.budgetMonths) {
        Amount sum = 0;
        for (int m = first; m <= last; ++m)
            sum += (*line.budgetMonths)[static_cast<std::size_t>(m - 1)];
        return sum;
    }
    return divRoundHalfAway(line.budgetYear * (last - first + 1), 12);
}

Amount sumOf(const std::array<Amount, 12>& months, int first, int last)
{
    Amount sum = 0;
    for (int m = first; m <= last; ++m)
        sum += months[static_cast<std::size_t>(m - 1)];
    return sum;
}

Figures lineFigures(const LineFigures& line, MonthRange range)
{
    Figures f;
    f.budgetYear = line.budgetMonths ? budgetOf(line, 1, 12) : line.budgetYear;
    f.budgetPeriod = budgetOf(line, range.first, range.last);
    f.outcome = sumOf(line.outcome, range.first, range.last);
    f.outcomePriorYear = sumOf(line.outcomePriorYear, range.first, range.last);
    f.deviation = f.outcome - f.budgetPeriod;
    if (line.forecast) {
        f.forecast = *line.forecast;
    } else {
        // Utfall to the end of the range + the budget of the months after it.
        f.forecast = sumOf(line.outcome, 1, range.last) + budgetOf(line, range.last + 1, 12);
        f.forecastComputed = true;
    }
    f.forecastDeviation = f.forecast - f.budgetYear;
    return f;
}

}  // namespace

OperatingReport operatingReport(std::vector<LineFigures> lines, MonthRange range)
{
    OperatingReport report;
    report.range = range;
    report.lines.reserve(lines.size());
    // Units in the order they first appear (a förbund has a few); groups in LineGroup order.
    struct UnitSums {
        std::string unit;
        std::array<std::optional<Figures>, kLineGroupCount> groups;
    };
    std::vector<UnitSums> units;
    for (auto& line : lines) {
        const Figures figures = lineFigures(line, range);
        auto unit = std::find_if(units.begin(), units.end(), [&](const UnitSums& u) { return u.unit == line.unit; });
        if (unit == units.end()) {
            units.push_back({line.unit, {}});
            unit = std::prev(units.end());
        }
        auto& slot = unit->groups[static_cast<std::size_t>(line.group)];
        if (!slot)
            slot = Figures{};
        *slot += figures;
        report.lines.push_back({std::move(line.code), std::move(line.name), line.group, std::move(line.unit), figures});
    }
    report.units.reserve(units.size());
    for (auto& sums : units) {
        UnitReport u;
        u.unit = std::move(sums.unit);
        for (int g = 0; g < kLineGroupCount; ++g) {
            const auto& slot = sums.groups[static_cast<std::size_t>(g)];
            if (!slot)
                continue;
            u.groups.push_back({static_cast<LineGroup>(g), *slot});
            u.result += *slot;
        }
        report.result += u.result;
        report.units.push_back(std::move(u));
    }
    return report;
}

EquityRule EquityRule::nationalCouncil2024()
{
    return {{{0, kronor(7'000'000), 20}, {kronor(7'000'000), std::nullopt, 15}}, kronor(15'000'000)};
}

std::optional<Amount> recommendedMaximumEquity(Amount allocation, const EquityRule& rule)
{
    if (allocation < 0 || allocation > rule.appliesUpTo)
        return std::nullopt;
    Int128 sum = 0;  // in öre × percent
    for (const auto& tier : rule.tiers) {
        const Amount top = tier.to ? std::min(*tier.to, allocation) : allocation;
        if (top > tier.from)
            sum += static_cast<Int128>(top - tier.from) * tier.percent;
    }
    // Whole kronor: öre × percent / (100 × 100 öre per krona).
    return kronor(divRoundHalfUp(static_cast<std::int64_t>(sum), 100 * kKrona));
}

EquityReport equityReport(Amount opening, const OperatingReport& year, Amount allocation, const EquityRule& rule)
{
    EquityReport e;
    e.opening = opening;
    e.resultToDate = year.result.outcome;
    e.closingForecast = opening + year.result.forecast;
    e.closingBudget = opening + year.result.budgetYear;
    e.maximum = recommendedMaximumEquity(allocation, rule);
    if (e.maximum) {
        e.overMaximum = e.closingForecast > *e.maximum;
        e.room = *e.maximum - e.closingForecast;
    }
    return e;
}

std::vector<MemberShare> memberContributions(Amount allocation, const std::vector<std::pair<std::string, std::int64_t>>& regionWeights,
                                             const std::vector<std::pair<std::string, std::int64_t>>& kommunPopulation,
                                             const std::string& stateName)
{
    // Whole kronor throughout: the allocation's kronor split 2 : 1 : 1, then
    // the region and kommun quarters among their members.
    const std::int64_t total = toKronor(allocation);
    const auto quarters = splitLargestRemainder(total, {2, regionWeights.empty() ? 0 : 1, kommunPopulation.empty() ? 0 : 1});
    std::vector<MemberShare> out{{stateName, kronor(quarters[0])}};
    auto split = [&](std::int64_t part, const std::vector<std::pair<std::string, std::int64_t>>& weights) {
        std::vector<std::int64_t> w;
        for (const auto& [name, weight] : weights)
            w.push_back(weight);
        const auto parts = splitLargestRemainder(part, w);
        for (std::size_t i = 0; i < weights.size(); ++i)
            out.push_back({weights[i].first, kronor(parts[i])});
    };
    split(quarters[1], regionWeights);
    split(quarters[2], kommunPopulation);
    return out;
}

std::optional<Amount> costPer(Amount cost, std::int64_t count)
{
    if (count <= 0)
        return std::nullopt;
    return kronor(divRoundHalfAway(cost < 0 ? -cost : cost, count * kKrona));
}

std::vector<TertialFigures> tertialFigures(const std::vector<LineFigures>& lines)
{
    // Each tertial is the year to its end less the year to the tertial before:
    // a budget split by months is rounded once per point in time, so the
    // three add up to the year's budget to the öre.
    auto toDate = [&](int tertial) {
        TertialFigures f;
        if (tertial == 0)
            return f;
        for (const auto& line : operatingReport(lines, MonthRange{1, 4 * tertial}).lines) {
            if (line.group == LineGroup::Income) {
                f.budgetIncome += line.figures.budgetPeriod;
                f.outcomeIncome += line.figures.outcome;
            } else if (line.group != LineGroup::Financial) {
                f.budgetCosts += line.figures.budgetPeriod;
                f.outcomeCosts += line.figures.outcome;
            }
        }
        return f;
    };
    std::vector<TertialFigures> out;
    TertialFigures before = toDate(0);
    for (int t = 1; t <= 3; ++t) {
        const MonthRange range{4 * t - 3, 4 * t};
        const TertialFigures upTo = toDate(t);
        TertialFigures f;
        f.tertial = t;
        f.budgetIncome = upTo.budgetIncome - before.budgetIncome;
        f.outcomeIncome = upTo.outcomeIncome - before.outcomeIncome;
        f.budgetCosts = upTo.budgetCosts - before.budgetCosts;
        f.outcomeCosts = upTo.outcomeCosts - before.outcomeCosts;
        before = upTo;
        for (const auto& line : lines)
            for (int m = range.first; m <= range.last; ++m)
                f.hasOutcome = f.hasOutcome || line.outcome[static_cast<std::size_t>(m - 1)] != 0;
        out.push_back(f);
    }
    return out;
}

YearSummary yearSummary(int year, const OperatingReport& fullYear, Amount openingEquity)
{
    YearSummary s;
    s.year = year;
    for (const auto& line : fullYear.lines) {
        if (line.group == LineGroup::Income)
            s.income += line.figures.outcome;
        else if (line.group != LineGroup::Financial)
            s.costs += line.figures.outcome;
    }
    s.result = fullYear.result.outcome;
    s.equity = openingEquity + s.result;
    return s;
}

}  // namespace samkoll::core::finance
