// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/index/evaluation.hpp"

#include <algorithm>
#include <cmath>

#include "samkoll/report/format.hpp"

namespace samkoll::core {

std::string_view labelOf(Signal s, Language language)
{
    switch (s) {
    case Signal::Achieved:
        return say(language, "Uppnått", "Achieved");
    case Signal::NotAchieved:
        return say(language, "Ej uppnått", "Not achieved");
    case Signal::NotAssessable:
        return say(language, "Utfall saknas", "No result");
    }
    return {};
}

std::string_view codeOf(Signal s)
{
    switch (s) {
    case Signal::Achieved:
        return "achieved";
    case Signal::NotAchieved:
        return "not_achieved";
    case Signal::NotAssessable:
        return "not_assessable";
    }
    return {};
}

Interval wilsonInterval(std::int64_t n, std::int64_t N, double z)
{
    if (N <= 0)
        return {0, 100};
    const double dn = static_cast<double>(N);
    const double p = static_cast<double>(n) / dn;
    const double z2 = z * z;
    const double denom = 1 + z2 / dn;
    const double centre = (p + z2 / (2 * dn)) / denom;
    const double half = z * std::sqrt(p * (1 - p) / dn + z2 / (4 * dn * dn)) / denom;
    return {std::max(0.0, centre - half) * 100, std::min(1.0, centre + half) * 100};
}

namespace {

__extension__ typedef __int128 Int;  // exact products of counts and targets

double percent(std::int64_t n, std::int64_t N)
{
    return N > 0 ? 100.0 * static_cast<double>(n) / static_cast<double>(N) : 0.0;
}

/// Exact comparison of n/N against a target in hundredths of a percent.
bool meetsShare(const Target& t, std::int64_t n, std::int64_t N)
{
    const Int lhs = static_cast<Int>(n) * 10000;
    switch (t.type) {
    case Target::Type::AtLeast:
        return lhs >= static_cast<Int>(t.a) * N;
    case Target::Type::AtMost:
        return lhs <= static_cast<Int>(t.a) * N;
    case Target::Type::Between:
        return lhs >= static_cast<Int>(t.a) * N && lhs <= static_cast<Int>(t.b) * N;
    default:
        return false;
    }
}

/// |nw/Nw − nm/Nm| ≤ target, exactly.
bool meetsGap(const Target& t, std::int64_t nw, std::int64_t Nw, std::int64_t nm, std::int64_t Nm)
{
    Int diff = static_cast<Int>(nw) * Nm - static_cast<Int>(nm) * Nw;
    if (diff < 0)
        diff = -diff;
    const Int lhs = diff * 10000;
    const Int rhs = static_cast<Int>(t.a) * Nw * Nm;
    return t.type == Target::Type::AtMost ? lhs <= rhs : lhs >= rhs;
}

Signal signalOf(bool achieved)
{
    return achieved ? Signal::Achieved : Signal::NotAchieved;
}

/// Whether the target value (percent) is inside [lo, hi] — for inconclusive.
bool intervalReaches(const Target& t, const Interval& iv)
{
    const double a = static_cast<double>(t.a) / 100.0;
    const double b = static_cast<double>(t.b) / 100.0;
    switch (t.type) {
    case Target::Type::AtLeast:
        return iv.hi >= a;
    case Target::Type::AtMost:
        return iv.lo <= a;
    case Target::Type::Between:
        return iv.hi >= a && iv.lo <= b;
    default:
        return false;
    }
}

void finishShare(IndicatorResult& r, const Target& t, std::int64_t n, std::int64_t N, const IndexSettings& settings,
                 NoteKind emptyReason)
{
    r.count = {n, N};
    if (N <= 0) {
        r.signal = Signal::NotAssessable;
        r.noteKind = emptyReason;
        return;
    }
    r.value = percent(n, N);
    const bool ok = meetsShare(t, n, N);
    r.signal = signalOf(ok);
    r.swing = (n + 1 <= N && meetsShare(t, n + 1, N) != ok) || (n >= 1 && meetsShare(t, n - 1, N) != ok);
    r.lowVolume = N < settings.lowVolumeBelow;
    r.interval = wilsonInterval(n, N);
    r.inconclusive = !ok && intervalReaches(t, *r.interval);
    if (ok) {
        r.gradedCredit = r.weight;
    } else if (t.type == Target::Type::AtLeast && t.a > 0) {
        r.gradedCredit = r.weight * std::min(1.0, *r.value * 100.0 / static_cast<double>(t.a));
    }
}

void evaluateGap(IndicatorResult& r, const Target& t, Count w, Count m, const IndexSettings& settings)
{
    r.women = w;
    r.men = m;
    r.count = {w.n + m.n, w.N + m.N};
    if (w.N <= 0 || m.N <= 0) {
        r.signal = Signal::NotAssessable;
        r.noteKind = w.N <= 0 && m.N <= 0 ? NoteKind::NoDataForEither
                     : w.N <= 0           ? NoteKind::NoDataForWomen
                                          : NoteKind::NoDataForMen;
        return;
    }
    const double pw = percent(w.n, w.N);
    const double pm = percent(m.n, m.N);
    r.value = std::fabs(pw - pm);
    const bool ok = meetsGap(t, w.n, w.N, m.n, m.N);
    r.signal = signalOf(ok);
    auto flips = [&](std::int64_t nw, std::int64_t nm) {
        return nw >= 0 && nw <= w.N && nm >= 0 && nm <= m.N && meetsGap(t, nw, w.N, nm, m.N) != ok;
    };
    r.swing = flips(w.n + 1, m.n) || flips(w.n - 1, m.n) || flips(w.n, m.n + 1) || flips(w.n, m.n - 1);
    r.lowVolume = std::min(w.N, m.N) < settings.lowVolumeBelow;
    // Newcombe's hybrid score interval for the difference of two proportions.
    const Interval iw = wilsonInterval(w.n, w.N);
    const Interval im = wilsonInterval(m.n, m.N);
    const double d = pw - pm;
    const double lo = d - std::sqrt((pw - iw.lo) * (pw - iw.lo) + (im.hi - pm) * (im.hi - pm));
    const double hi = d + std::sqrt((iw.hi - pw) * (iw.hi - pw) + (pm - im.lo) * (pm - im.lo));
    r.interval = Interval{lo, hi};
    const double limit = static_cast<double>(t.a) / 100.0;
    // The smallest |difference| the interval allows.
    const double minGap = (lo <= 0 && hi >= 0) ? 0.0 : std::min(std::fabs(lo), std::fabs(hi));
    r.inconclusive = !ok && t.type == Target::Type::AtMost && minGap <= limit;
    r.gradedCredit = ok ? r.weight : 0;
}

double haeValue(const HaeStatistic& s, HaeMeasure m)
{
    switch (m) {
    case HaeMeasure::Total:
        return s.total;
    case HaeMeasure::Illness:
        return s.illness;
    case HaeMeasure::Unemployment:
        return s.unemployment;
    case HaeMeasure::Assistance:
        return s.assistance;
    }
    return s.total;
}

void evaluateTrend(IndicatorResult& r, const IndicatorSpec& spec, const KommunStatistics* k)
{
    if (!k) {
        r.signal = Signal::NotAssessable;
        r.noteKind = NoteKind::NoKommun;
        return;
    }
    r.kommun = k->name;
    if (!k->current || !k->previous || k->current->population <= 0 || k->previous->population <= 0) {
        r.signal = Signal::NotAssessable;
        r.noteKind = !k->current ? NoteKind::NoHaeForYear : NoteKind::NoHaeForPreviousYear;
        return;
    }
    const double cur = haeValue(*k->current, spec.statistic);
    const double prev = haeValue(*k->previous, spec.statistic);
    const double shareCur = 100.0 * cur / static_cast<double>(k->current->population);
    const double sharePrev = 100.0 * prev / static_cast<double>(k->previous->population);
    r.value = shareCur - sharePrev;
    // Compare by cross-multiplication so equal shares are never "decreased" by rounding.
    const double lhs = cur * static_cast<double>(k->previous->population);
    const double rhs = prev * static_cast<double>(k->current->population);
    bool ok = false;
    if (spec.target.a == 0)
        ok = lhs < rhs;
    else
        ok = (*r.value) * 100.0 <= -static_cast<double>(spec.target.a) + 1e-9;
    r.signal = signalOf(ok);
    r.noteKind = NoteKind::Written;
    r.note = formatDecimal(sharePrev, 1) + " % → " + formatDecimal(shareCur, 1) + " %";
    r.gradedCredit = ok ? r.weight : 0;
}

}  // namespace

IndicatorResult evaluateIndicator(const IndicatorSpec& spec, const UnitInputs& in, const IndexSettings& settings,
                                  const KommunStatistics* kommun)
{
    IndicatorResult r;
    r.code = spec.code;
    r.text = spec.text;
    r.kind = spec.kind;
    r.weight = spec.weight;
    r.target = spec.target;

    switch (spec.kind) {
    case IndicatorKind::OutcomeShare: {
        const auto& c = in.cases;
        finishShare(r, spec.target, c.count(spec.numerator), c.count(spec.denominator), settings,
                    NoteKind::NoCasesInBase);
        r.women = Count{c.count(spec.numerator, Gender::Woman), c.count(spec.denominator, Gender::Woman)};
        r.men = Count{c.count(spec.numerator, Gender::Man), c.count(spec.denominator, Gender::Man)};
        break;
    }
    case IndicatorKind::Throughput: {
        const CaseFilter exits{CasePopulation::Exits, CaseFilter::kAllOutcomes};
        const CaseFilter part{CasePopulation::Participants, CaseFilter::kAllOutcomes};
        const auto& c = in.cases;
        finishShare(r, spec.target, c.count(exits), c.count(part), settings, NoteKind::NoParticipants);
        r.women = Count{c.count(exits, Gender::Woman), c.count(part, Gender::Woman)};
        r.men = Count{c.count(exits, Gender::Man), c.count(part, Gender::Man)};
        break;
    }
    case IndicatorKind::SurveyShare: {
        if (!spec.survey)
            break;
        const auto& s = *spec.survey;
        finishShare(r, spec.target, in.tallies.chosen(s), in.tallies.respondents(s), settings,
                    NoteKind::NotAnswered);
        r.women = Count{in.tallies.chosen(s, Gender::Woman), in.tallies.respondents(s, Gender::Woman)};
        r.men = Count{in.tallies.chosen(s, Gender::Man), in.tallies.respondents(s, Gender::Man)};
        break;
    }
    case IndicatorKind::GenderBalance: {
        std::int64_t women = 0;
        std::int64_t men = 0;
        if (spec.casePopulation) {
            women = in.cases.count(*spec.casePopulation, Gender::Woman);
            men = in.cases.count(*spec.casePopulation, Gender::Man);
        } else if (spec.body) {
            auto it = in.composition.find(*spec.body);
            if (it == in.composition.end()) {
                r.signal = Signal::NotAssessable;
                r.noteKind = NoteKind::NoComposition;
                return r;
            }
            women = it->second.first;
            men = it->second.second;
        }
        finishShare(r, spec.target, women, women + men, settings, NoteKind::NeitherGender);
        r.women = Count{women, women + men};
        r.men = Count{men, women + men};
        r.gradedCredit = r.signal == Signal::Achieved ? r.weight : 0;
        break;
    }
    case IndicatorKind::GenderGap: {
        Count w;
        Count m;
        if (spec.survey) {
            w = {in.tallies.chosen(*spec.survey, Gender::Woman), in.tallies.respondents(*spec.survey, Gender::Woman)};
            m = {in.tallies.chosen(*spec.survey, Gender::Man), in.tallies.respondents(*spec.survey, Gender::Man)};
        } else {
            w = {in.cases.count(spec.numerator, Gender::Woman), in.cases.count(spec.denominator, Gender::Woman)};
            m = {in.cases.count(spec.numerator, Gender::Man), in.cases.count(spec.denominator, Gender::Man)};
        }
        evaluateGap(r, spec.target, w, m, settings);
        break;
    }
    case IndicatorKind::StoryCount: {
        const auto n = spec.storyCategory ? in.stories[static_cast<std::size_t>(*spec.storyCategory)] : 0;
        r.count = {n, 0};
        r.value = static_cast<double>(n);
        const bool ok = n * 100 >= spec.target.a;
        r.signal = signalOf(ok);
        r.swing = ((n + 1) * 100 >= spec.target.a) != ok || (n >= 1 && ((n - 1) * 100 >= spec.target.a) != ok);
        r.gradedCredit = ok ? r.weight
                            : (spec.target.a > 0 ? r.weight * static_cast<double>(n * 100) / static_cast<double>(spec.target.a) : 0);
        break;
    }
    case IndicatorKind::StatisticTrend:
        evaluateTrend(r, spec, kommun);
        break;
    case IndicatorKind::Manual: {
        auto it = in.manual.find(spec.code);
        if (it == in.manual.end()) {
            r.signal = Signal::NotAssessable;
            r.noteKind = NoteKind::NotJudged;
            break;
        }
        r.signal = signalOf(it->second.achieved);
        r.noteKind = it->second.motivation.empty() ? NoteKind::None : NoteKind::Written;
        r.note = it->second.motivation;
        r.gradedCredit = it->second.achieved ? r.weight : 0;
        break;
    }
    }
    return r;
}

std::vector<IndicatorResult> evaluateBudget(const SocialBudget& budget, const UnitInputs& in, bool isTeam)
{
    std::vector<IndicatorResult> out;
    out.reserve(budget.indicatorCount() + in.kommuner.size());
    for (const auto& area : budget.areas) {
        for (const auto& goal : area.goals) {
            for (const auto& spec : goal.indicators) {
                if ((isTeam && spec.scope == Scope::Federation) || (!isTeam && spec.scope == Scope::Team))
                    continue;
                auto add = [&](IndicatorResult r) {
                    r.area = area.number;
                    r.goalCode = goal.code;
                    out.push_back(std::move(r));
                };
                if (spec.kommunBound()) {
                    for (const auto& k : in.kommuner)
                        add(evaluateIndicator(spec, in, budget.settings, &k));
                    if (in.kommuner.empty())
                        add(evaluateIndicator(spec, in, budget.settings, nullptr));
                } else {
                    add(evaluateIndicator(spec, in, budget.settings));
                }
            }
        }
    }
    return out;
}

std::string IndicatorResult::displayCode() const
{
    return kommun.empty() ? code : code + " " + kommun;
}

std::string IndicatorResult::resultText(Language language) const
{
    const Words words{language};
    if (signal == Signal::NotAssessable)
        return words("utfall saknas", "no result");
    switch (kind) {
    case IndicatorKind::OutcomeShare:
    case IndicatorKind::Throughput:
    case IndicatorKind::SurveyShare:
        return formatShare(count.n, count.N, language);
    case IndicatorKind::GenderBalance:
        return formatPercent(count.n, count.N) + words(" kvinnor (", " women (") + formatInteger(count.n) +
               words(" av ", " of ") + formatInteger(count.N) + ")";
    case IndicatorKind::GenderGap: {
        return formatDecimal(value.value_or(0), 1) + words(" procentenheter", " percentage points");
    }
    case IndicatorKind::StoryCount:
        return formatInteger(count.n) + words(" st", "");
    case IndicatorKind::StatisticTrend:
        return (value && *value > 0 ? "+" : "") + formatDecimal(value.value_or(0), 2) +
               words(" procentenheter (", " percentage points (") + note + ")";
    case IndicatorKind::Manual:
        return std::string(labelOf(signal, language));
    }
    return {};
}

std::string IndicatorResult::noteText(Language language) const
{
    const Words words{language};
    switch (noteKind) {
    case NoteKind::None:
        return {};
    case NoteKind::Written:
        return note;
    case NoteKind::NoCasesInBase:
        return words("inga ärenden i nämnaren under perioden", "no cases in the base during the period");
    case NoteKind::NoParticipants:
        return words("inga deltagare under perioden", "no participants during the period");
    case NoteKind::NotAnswered:
        return words("frågan har inte besvarats under perioden", "the question has not been answered during the period");
    case NoteKind::NoComposition:
        return words("sammansättning saknas för året", "no composition for the year");
    case NoteKind::NeitherGender:
        return words("varken kvinnor eller män att räkna", "neither women nor men to count");
    case NoteKind::NoDataForEither:
        return words("underlag saknas för både kvinnor och män", "no data for either women or men");
    case NoteKind::NoDataForWomen:
        return words("underlag saknas för kvinnor – skillnaden kan inte beräknas",
                     "no data for women – the gap cannot be computed");
    case NoteKind::NoDataForMen:
        return words("underlag saknas för män – skillnaden kan inte beräknas",
                     "no data for men – the gap cannot be computed");
    case NoteKind::NoKommun:
        return words("ingen kommun att bedöma", "no kommun to judge");
    case NoteKind::NoHaeForYear:
        return words("HÅE-statistik saknas för året", "no HÅE statistics for the year");
    case NoteKind::NoHaeForPreviousYear:
        return words("HÅE-statistik saknas för föregående år", "no HÅE statistics for the year before");
    case NoteKind::NotJudged:
        return words("kansliet har inte bedömt indikatorn", "the central office has not judged the indicator");
    }
    return {};
}

}  // namespace samkoll::core
