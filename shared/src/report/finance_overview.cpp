// SPDX-License-Identifier: GPL-3.0-or-later
// The year's financial follow-up put together from the finance core, the
// members and their HÅE statistics, and the teams' participant figures.
#include <algorithm>

#include "samkoll/domain/terms.hpp"
#include "samkoll/report/finance_report.hpp"
#include "samkoll/report/participant_stats.hpp"
#include "samkoll/store/repository.hpp"

namespace samkoll::core {

using namespace finance;

namespace {

/// The members' contributions by the key in force on the year's first day.
Status contributions(Repository& repo, FinanceStore& store, Id federationId, int year, FinanceOverview& o)
{
    auto members = repo.members(federationId);
    if (!members)
        return members.error();
    auto key = store.setting(federationId, kMemberKeySetting, Date{year, 1, 1});
    if (!key)
        return key.error();
    const bool equal = key->value_or("population_20_64") == "equal";
    std::vector<std::pair<std::string, std::int64_t>> regions, kommuner;
    std::string stateName;
    for (const auto& m : *members) {
        if (m.kind == MemberKind::Region)
            regions.emplace_back(m.name, 1);
        else if (m.kind == MemberKind::State && (stateName.empty() || m.name.find("Försäkringskassan") != std::string::npos))
            stateName = "Staten (" + m.name + ")";  // paid by Försäkringskassan, also for Arbetsförmedlingen
    }
    if (equal) {
        o.contributionKey = "kommunerna delar sin fjärdedel lika";
        for (const auto& m : *members)
            if (m.kind == MemberKind::Kommun)
                kommuner.emplace_back(m.name, 1);
    } else {
        // Population aged 20–64 on 31 December two years before (HÅE statistics).
        const int basis = year - 2;
        o.contributionKey = "kommunerna delar sin fjärdedel efter befolkningen 20–64 år den 31 december " +
                            std::to_string(basis) + " (HÅE-statistiken)";
        auto stats = repo.haeStatistics(federationId, basis);
        if (!stats)
            return stats.error();
        for (const auto& m : *members) {
            if (m.kind != MemberKind::Kommun)
                continue;
            const auto it = std::find_if(stats->begin(), stats->end(), [&](const HaeStatistic& h) { return h.kommunId == m.id; });
            if (it == stats->end()) {
                o.notes.push_back("Befolkningen 20–64 år " + std::to_string(basis) + " saknas för " + m.name +
                                   " – läs in HÅE-statistiken (kansliets HÅE-statistik, eller samkolld import hae) för att fördela "
                                  "medlemsavgifterna.");
                kommuner.clear();
                break;
            }
            kommuner.emplace_back(m.name, it->population);
        }
        if (kommuner.empty() && o.notes.empty())
            o.notes.push_back("Förbundet har inga kommuner som medlemmar.");
    }
    if (o.allocation <= 0) {
        o.notes.push_back("Ingen budgeterad medlemsavgift för " + std::to_string(year) +
                          " (intäktsrader kopplade till en medlem) – tilldelningen är 0.");
        return {};
    }
    if (!kommuner.empty())
        o.contributions = memberContributions(o.allocation, regions, kommuner,
                                              stateName.empty() ? "Staten (Försäkringskassan)" : stateName);
    return {};
}

/// Cost per participant and outcome for every insats line linked to a team.
Status costs(Database& db, Repository& repo, FinanceStore& store, Id federationId, const Period& period,
             const OperatingReport& report, int suppressBelow, FinanceOverview& o)
{
    auto lines = store.lines(federationId);
    if (!lines)
        return lines.error();
    auto teams = repo.teams(federationId);
    if (!teams)
        return teams.error();
    for (const auto& line : *lines) {
        if (line.team.empty())
            continue;
        const auto team = std::find_if(teams->begin(), teams->end(), [&](const Team& t) { return t.code == line.team; });
        const auto figures = std::find_if(report.lines.begin(), report.lines.end(),
                                          [&](const LineReport& l) { return l.code == line.code; });
        if (team == teams->end() || figures == report.lines.end())
            continue;
        auto stats = computeParticipantStatistics(db, federationId, team->id, period);
        if (!stats)
            return stats.error();
        CostPerOutcome c;
        c.line = line.code;
        c.name = line.name;
        c.team = team->name;
        c.cost = figures->figures.outcome;
        for (std::size_t g = 0; g < kGenderCount; ++g) {
            c.participants += stats->counts.participants[g];
            for (std::size_t out = 0; out < kOutcomeCount; ++out) {
                c.exits += stats->counts.exits[g][out];
                if (isPositive(static_cast<ExitOutcome>(out)))
                    c.positiveExits += stats->counts.exits[g][out];
            }
        }
        auto small = [&](std::int64_t n) { return suppressBelow > 0 && n > 0 && n < suppressBelow; };
        c.suppressed = small(c.participants) || small(c.exits) || small(c.positiveExits);
        if (!c.suppressed) {
            c.perParticipant = costPer(c.cost, c.participants);
            c.perExit = costPer(c.cost, c.exits);
            c.perPositiveExit = costPer(c.cost, c.positiveExits);
        }
        o.costs.push_back(std::move(c));
    }
    return {};
}

}  // namespace

Result<FinanceOverview> computeFinanceOverview(Database& db, Id federationId, int year, std::optional<int> tertial,
                                               int suppressBelow)
{
    if (tertial && (*tertial < 1 || *tertial > 3))
        return makeError("invalid_value", "tertial", "tertialen ska vara 1, 2 eller 3");
    Repository repo(db);
    FinanceStore store(db);
    auto federations = repo.federations();
    if (!federations)
        return federations.error();
    const auto fed = std::find_if(federations->begin(), federations->end(), [&](const Federation& f) { return f.id == federationId; });
    if (fed == federations->end())
        return makeError("not_found", "federation", "förbundet finns inte");

    FinanceOverview o;
    o.suppressBelow = suppressBelow;
    o.header = FinanceReportHeader::of(fed->name, year, tertial);
    const auto range = MonthRange::tertialToDate(tertial.value_or(3));
    auto follow = followUp(store, federationId, year, range);
    if (!follow)
        return follow.error();
    o.followUp = std::move(*follow);
    auto allocation = store.allocation(federationId, year);
    if (!allocation)
        return allocation.error();
    o.allocation = *allocation;
    if (auto s = contributions(repo, store, federationId, year, o); !s)
        return s.error();
    const Date last{year, range.last, daysInMonth(year, range.last)};
    auto period = Period::range(Date{year, 1, 1}, last);
    if (!period)
        return period.error();
    if (auto s = costs(db, repo, store, federationId, *period, o.followUp.report, suppressBelow, o); !s)
        return s.error();

    // Five years to this one: those with a budget or utfall, from one read.
    auto years = followUpYears(store, federationId, year - 4, year, MonthRange{1, 12});
    if (!years)
        return years.error();
    for (int y = year - 4; y <= year; ++y) {
        const auto& f = (*years)[static_cast<std::size_t>(y - (year - 4))];
        if (f.hasFigures)
            o.fiveYears.push_back(yearSummary(y, f.report, f.equity.opening));
    }
    // The year's tertials, each on its own: the board's budget against outcome over the year.
    auto lines = store.yearsFigures(federationId, year, year);
    if (!lines)
        return lines.error();
    o.tertials = tertialFigures(lines->front());
    return o;
}

}  // namespace samkoll::core
