// SPDX-License-Identifier: GPL-3.0-or-later
// Ranking and trend: the teams side by side for a period and every unit's
// index over the years — the same figures as `samkolld index` for each year.
#include "samkoll/report/document.hpp"
#include "samkoll/report/format.hpp"
#include "samkoll/report/index_report.hpp"

namespace samkoll::core {

Result<Document> rankingAndTrend(const FederationIndex& index, const std::vector<TrendYear>& years,
                                 const std::string& computedAt)
{
    Document d;
    d.title = "Rangordning och utveckling " + index.period.label;
    d.federation = index.federation.name;
    d.unit = "Förbundet och teamen";
    d.period = index.period.label;
    d.basis = "Underlag " + index.period.from.iso() + " – " + index.period.to.iso() + ", beräknat " + computedAt;
    d.audience = "Bara index och impactvärden – inga antal deltagare.";

    DocSection ranking;
    ranking.heading = "Rangordning";
    const auto& f = index.federationIndex.total;
    ranking.paragraphs.push_back("Hela förbundet: Impactindex " + indexText(f.index, f.colour) + ", " +
                                 std::to_string(f.achievedCount) + " av " + std::to_string(f.assessable) +
                                 " bedömda indikatorer uppnådda.");
    DocTable rank;
    rank.name = "rangordning";
    rank.title = "Teamen efter Impactindex " + index.period.label;
    rank.columns = {"Plats", "Team", "Index", "Uppnått impactvärde", "Maximalt impactvärde", "Uppnådda", "Bedömda",
                    "Utan utfall"};
    rank.numeric = {true, false, true, true, true, true, true, true};
    rank.widths = {7, 29, 14, 12, 12, 9, 8, 9};
    for (const auto& [t, place] : rankTeams(index)) {
        const auto& x = t->total;
        rank.rows.push_back({place > 0 ? DocCell::integer(place) : DocCell::of("–"), DocCell::of(t->unitName),
                             DocCell::ofIndex(x.index, x.colour), DocCell::integer(x.achieved), DocCell::integer(x.max),
                             DocCell::integer(x.achievedCount), DocCell::integer(x.assessable),
                             DocCell::integer(x.notAssessable)});
        rank.emphasis.push_back(false);
    }
    rank.note = "Lika index delar plats. Ett team utan bedömda indikatorer har inget index och står sist.";
    ranking.tables.push_back(std::move(rank));

    // Every unit's areas side by side.
    DocTable areas;
    areas.name = "malomraden";
    areas.title = "Index per målområde och enhet";
    areas.columns = {"Enhet"};
    areas.numeric = {false};
    const auto& areaList = index.federationIndex.areas;
    for (const auto& a : areaList) {
        areas.columns.push_back(std::to_string(a.number) + ". " + a.name);
        areas.numeric.push_back(true);
    }
    areas.columns.push_back("Totalt");
    areas.numeric.push_back(true);
    const int first = 12;  // the unit's name wraps; an area's long word ("Medarbetarnöjdhet") should not
    const int rest = static_cast<int>(areaList.size()) + 1;
    areas.widths.push_back(first + (100 - first) % rest);
    for (int i = 0; i < rest; ++i)
        areas.widths.push_back((100 - first) / rest);
    auto areaRow = [&](const UnitIndex& u, const std::string& name, bool sum) {
        std::vector<DocCell> row{DocCell::of(name)};
        for (const auto& a : areaList) {
            const AreaIndex* mine = nullptr;
            for (const auto& b : u.areas)
                if (b.number == a.number)
                    mine = &b;
            row.push_back(mine ? DocCell::ofIndex(mine->figures.index, mine->figures.colour) : DocCell::of("–"));
        }
        row.push_back(DocCell::ofIndex(u.total.index, u.total.colour));
        areas.rows.push_back(std::move(row));
        areas.emphasis.push_back(sum);
    };
    areaRow(index.federationIndex, "Hela förbundet", true);
    for (const auto& t : index.teams)
        areaRow(t, t.unitName, false);
    ranking.tables.push_back(std::move(areas));
    d.sections.push_back(std::move(ranking));

    // The index of each unit over the years.
    DocSection trend;
    trend.heading = "Utveckling över åren";
    if (years.empty()) {
        trend.paragraphs.push_back("Inga år med social budget att jämföra med.");
        d.sections.push_back(std::move(trend));
        return d;
    }
    DocTable over;
    over.name = "utveckling";
    over.title = "Impactindex per år";
    over.columns = {"Enhet"};
    over.numeric = {false};
    std::string approved;
    for (const auto& y : years) {
        over.columns.push_back(y.index.period.label + (y.approved ? " (fastställt)" : ""));
        over.numeric.push_back(true);
        if (y.approved)
            approved += (approved.empty() ? "" : ", ") + y.index.period.label;
    }
    const int yearsCount = static_cast<int>(years.size());
    const int unitWidth = 30;
    over.widths.push_back(unitWidth + (100 - unitWidth) % yearsCount);
    for (int i = 0; i < yearsCount; ++i)
        over.widths.push_back((100 - unitWidth) / yearsCount);
    // Units by code, in the order of the latest year, then any that only existed earlier.
    std::vector<std::pair<std::string, std::string>> units{{"", "Hela förbundet"}};
    auto known = [&](const std::string& code) {
        for (const auto& u : units)
            if (u.first == code)
                return true;
        return false;
    };
    for (auto y = years.rbegin(); y != years.rend(); ++y)
        for (const auto& t : y->index.teams)
            if (!known(t.unitCode))
                units.emplace_back(t.unitCode, t.unitName);
    for (const auto& [code, name] : units) {
        std::vector<DocCell> row{DocCell::of(name)};
        for (const auto& y : years) {
            const UnitIndex* u = code.empty() ? &y.index.federationIndex : y.index.team(code);
            row.push_back(u ? DocCell::ofIndex(u->total.index, u->total.colour) : DocCell::of("–"));
        }
        over.rows.push_back(std::move(row));
        over.emphasis.push_back(code.empty());
    }
    over.note = "Varje år räknas med det årets sociala budget, så ett index jämförs bäst med målen samma år." +
                (approved.empty() ? std::string()
                                  : " Fastställda år (" + approved + ") visar siffrorna som styrelsen godkände.");
    trend.tables.push_back(std::move(over));
    d.sections.push_back(std::move(trend));
    return d;
}

}  // namespace samkoll::core
