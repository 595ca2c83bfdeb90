// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/index/inputs.hpp"

#include <algorithm>

namespace samkoll::core {

std::int64_t CaseCounts::count(const CaseFilter& filter, std::optional<Gender> gender) const
{
    std::int64_t total = 0;
    for (std::size_t g = 0; g < kGenderCount; ++g) {
        if (gender && static_cast<std::size_t>(*gender) != g)
            continue;
        std::int64_t exitsMatching = 0;
        std::int64_t exitsAll = 0;
        for (std::size_t o = 0; o < kOutcomeCount; ++o) {
            exitsAll += exits[g][o];
            if (filter.outcomes & (1u << o))
                exitsMatching += exits[g][o];
        }
        switch (filter.population) {
        case CasePopulation::Participants:
            total += participants[g];
            break;
        case CasePopulation::New:
            total += started[g];
            break;
        case CasePopulation::Exits:
            total += exitsMatching;
            break;
        case CasePopulation::Remaining:
            total += participants[g] - exitsAll;
            break;
        }
    }
    return total;
}

CaseCounts& CaseCounts::operator+=(const CaseCounts& other)
{
    for (std::size_t g = 0; g < kGenderCount; ++g) {
        participants[g] += other.participants[g];
        started[g] += other.started[g];
        for (std::size_t o = 0; o < kOutcomeCount; ++o)
            exits[g][o] += other.exits[g][o];
    }
    return *this;
}

void TallyCounts::add(RespondentGroup group, const std::string& question, int option, Gender gender, std::int64_t n)
{
    add(slot(group, question), option, gender, n);
}

void TallyCounts::add(OptionCounts& counts, int option, Gender gender, std::int64_t n)
{
    if (option < 1)
        return;
    if (counts.size() < static_cast<std::size_t>(option))
        counts.resize(static_cast<std::size_t>(option), {});
    counts[static_cast<std::size_t>(option - 1)][static_cast<std::size_t>(gender)] += n;
}

namespace {
template <typename Pick>
std::int64_t sumSelected(const TallyCounts& t, const SurveySelector& s, std::optional<Gender> g, Pick pick)
{
    std::int64_t total = 0;
    for (auto group : s.groups) {
        auto it = t.answers.find({group, s.question});
        if (it == t.answers.end())
            continue;
        for (std::size_t o = 0; o < it->second.size(); ++o) {
            if (!pick(static_cast<int>(o + 1)))
                continue;
            for (std::size_t gi = 0; gi < kGenderCount; ++gi)
                if (!g || static_cast<std::size_t>(*g) == gi)
                    total += it->second[o][gi];
        }
    }
    return total;
}
}  // namespace

std::int64_t TallyCounts::respondents(const SurveySelector& s, std::optional<Gender> g) const
{
    return sumSelected(*this, s, g, [](int) { return true; });
}

std::int64_t TallyCounts::chosen(const SurveySelector& s, std::optional<Gender> g) const
{
    return sumSelected(*this, s, g, [&](int option) {
        return std::find(s.options.begin(), s.options.end(), option) != s.options.end();
    });
}

TallyCounts& TallyCounts::operator+=(const TallyCounts& other)
{
    for (const auto& [key, counts] : other.answers) {
        auto& mine = answers[key];
        if (mine.size() < counts.size())
            mine.resize(counts.size(), {});
        for (std::size_t o = 0; o < counts.size(); ++o)
            for (std::size_t g = 0; g < kGenderCount; ++g)
                mine[o][g] += counts[o][g];
    }
    return *this;
}

}  // namespace samkoll::core
