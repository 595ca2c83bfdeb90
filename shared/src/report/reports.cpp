// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/report/reports.hpp"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "samkoll/domain/text.hpp"
#include "samkoll/index/index_snapshot.hpp"
#include "samkoll/report/finance_report.hpp"
#include "samkoll/report/index_report.hpp"
#include "samkoll/report/participant_stats.hpp"
#include "samkoll/store/repository.hpp"

namespace samkoll::core {

namespace {

constexpr std::array<std::pair<ReportKind, std::string_view>, 5> kKinds{{
    {ReportKind::Bokslut, "bokslut"},
    {ReportKind::Drift, "drift"},
    {ReportKind::Delar, "delar"},
    {ReportKind::Statistik, "statistik"},
    {ReportKind::Ranking, "ranking"},
}};

/// How many years the trend looks back, the report's year included.
constexpr int kTrendYears = 5;

/// The index of a period: a fastställt year's whole year as approved, anything
/// else computed now. `approval` gets the words for the document's basis.
struct IndexOfPeriod {
    FederationIndex index;
    bool approved = false;
    std::string approval;  ///< "Fastställt 2022-03-15 av Styrelsen: siffrorna som godkändes"
};

Result<IndexOfPeriod> indexOf(Database& db, Id federationId, const Period& period)
{
    const int year = period.to.year;
    const bool wholeYear = period.from == Period::year(year).from && period.to == Period::year(year).to;
    Repository repo(db);
    if (wholeYear && repo.isLocked(federationId, year)) {
        auto lock = repo.periodLock(federationId, year);
        if (!lock)
            return lock.error();
        const std::string when = lock->lockedAt.substr(0, 10);
        if (auto approved = indexSnapshotFromJson(lock->snapshot)) {
            approved->period.label = period.label;
            return IndexOfPeriod{std::move(*approved), true,
                                 "Fastställt " + when + " av " + lock->lockedBy +
                                     ": siffrorna som godkändes, oavsett senare ändringar"};
        }
        // A lock made before snapshots were kept whole: computed now, and said so.
        auto now = computeFederationIndex(db, federationId, period);
        if (!now)
            return now.error();
        return IndexOfPeriod{std::move(*now), false,
                             "Fastställt " + when + " av " + lock->lockedBy +
                                 "; den sparade bilden går inte att läsa, så siffrorna är räknade nu"};
    }
    auto now = computeFederationIndex(db, federationId, period);
    if (!now)
        return now.error();
    return IndexOfPeriod{std::move(*now), false, {}};
}

/// The trend's whole years before `year` (oldest first), as far back as there
/// is a social budget within kTrendYears; each as approved when fastställt.
Result<std::vector<TrendYear>> yearsBefore(Database& db, Id federationId, int year)
{
    Repository repo(db);
    std::vector<TrendYear> years;
    for (int y = year - kTrendYears + 1; y < year; ++y) {
        if (!repo.budget(federationId, y))
            continue;
        auto earlier = indexOf(db, federationId, Period::year(y));
        if (!earlier)
            return earlier.error();
        years.push_back({std::move(earlier->index), earlier->approved});
    }
    return years;
}

void noteApproval(Document& d, const IndexOfPeriod& of)
{
    if (!of.approval.empty())
        d.basis += ". " + of.approval;
}

}  // namespace

std::string_view codeOf(ReportKind kind)
{
    for (const auto& [k, code] : kKinds)
        if (k == kind)
            return code;
    return {};
}

std::optional<ReportKind> reportKindFrom(std::string_view code)
{
    for (const auto& [k, c] : kKinds)
        if (c == code)
            return k;
    return std::nullopt;
}

namespace {

/// When the server last took in anything a device synced for the förbund
/// ("2026-11-30 13:10", local time), or empty (imports only, a demo).
std::string lastSyncText(Database& db, Id federationId)
{
    // SQLite turns the stored UTC time into local time itself.
    auto st = db.prepare(
        "SELECT strftime('%Y-%m-%d %H:%M', max(a.applied_at), 'localtime') FROM applied_operation a "
        "JOIN device d ON d.id = a.device_id JOIN app_user u ON u.id = d.user_id WHERE u.federation_id = ?");
    st.bind(1, federationId);
    if (!st.step() || st.isNull(0))
        return {};
    return st.text(0);
}

Result<Document> buildDocument(Database& db, Id federationId, const ReportRequest& r, const std::string& computedAt)
{
    if (r.year < 1990 || r.year > 2200)
        return makeError("invalid_value", "year", "året ska ligga mellan 1990 och 2200");
    if (r.tertial && (*r.tertial < 1 || *r.tertial > 3))
        return makeError("invalid_value", "tertial", "tertialen ska vara 1, 2 eller 3");
    Repository repo(db);
    const bool allUnits = r.team == "alla";
    if (allUnits && r.kind != ReportKind::Bokslut)
        return makeError("invalid_value", "team", "\"alla\" gäller bara socialt bokslut – välj förbundet eller ett team");
    std::optional<Team> team;
    if (!r.team.empty() && !allUnits) {
        if (r.kind == ReportKind::Drift || r.kind == ReportKind::Delar || r.kind == ReportKind::Ranking)
            return makeError("invalid_value", "team", "rapporten gäller hela förbundet – välj inget team");
        auto t = repo.team(federationId, r.team);
        if (!t)
            return t.error();
        team = *t;
    }
    const int below = r.audience == Audience::Board ? kSmallCell : 0;
    const Period period = r.tertial ? Period::tertial(r.year, *r.tertial) : Period::year(r.year);

    switch (r.kind) {
    case ReportKind::Bokslut: {
        auto of = indexOf(db, federationId, period);
        if (!of)
            return of.error();
        auto d = allUnits ? socialBokslutAllUnits(of->index, r.audience, computedAt)
                          : socialBokslut(of->index, team ? team->code : std::string(), r.audience, computedAt);
        if (!d)
            return d;
        noteApproval(*d, *of);
        // The unit's survey rounds and, in the kansli's copy, its success stories.
        const auto unitTeam = team ? std::optional<Id>(team->id) : std::nullopt;
        auto stats = computeParticipantStatistics(db, federationId, unitTeam, period);
        if (!stats)
            return stats.error();
        d->sections.push_back(responseRateSection(stats->responseRates));
        if (r.audience == Audience::CentralOffice) {
            auto stories = repo.stories(federationId, unitTeam, period);
            auto teams = repo.teams(federationId);
            if (!stories)
                return stories.error();
            if (!teams)
                return teams.error();
            std::map<Id, std::string> names;
            for (const auto& t : *teams)
                names[t.id] = t.name;
            d->sections.push_back(storiesSection(*stories, names));
        }
        return d;
    }
    case ReportKind::Drift:
    case ReportKind::Delar: {
        auto overview = computeFinanceOverview(db, federationId, r.year, r.tertial, below);
        if (!overview)
            return overview.error();
        if (r.kind == ReportKind::Drift)
            return driftredovisning(*overview, computedAt);
        // The index so far: from the year's start to the end of the tertial, as the money.
        auto of = indexOf(db, federationId, r.tertial ? Period::yearToDate(r.year, *r.tertial) : period);
        if (!of)
            return of.error();
        auto d = delarsrapport(of->index, *overview, computedAt);
        if (d)
            noteApproval(*d, *of);
        return d;
    }
    case ReportKind::Statistik: {
        auto stats = computeParticipantStatistics(db, federationId, team ? std::optional<Id>(team->id) : std::nullopt,
                                                  period);
        if (!stats)
            return stats.error();
        stats->suppressBelow = below;
        auto all = repo.federations();
        if (!all)
            return all.error();
        std::string name;
        for (const auto& f : *all)
            if (f.id == federationId)
                name = f.name;
        return participantStatisticsDocument(*stats, name, computedAt);
    }
    case ReportKind::Ranking: {
        auto of = indexOf(db, federationId, period);
        if (!of)
            return of.error();
        // The whole years before, as far back as there is a social budget, then the report's own period.
        auto years = yearsBefore(db, federationId, r.year);
        if (!years)
            return years.error();
        years->push_back({of->index, of->approved});
        auto d = rankingAndTrend(of->index, *years, computedAt);
        if (d)
            noteApproval(*d, *of);
        return d;
    }
    }
    return makeError("invalid_value", "kind", "okänd rapport");
}

}  // namespace

Result<Document> buildReport(Database& db, Id federationId, const ReportRequest& r, const std::string& computedAt)
{
    auto d = buildDocument(db, federationId, r, computedAt);
    if (!d)
        return d;
    // The data's date: the period above, and what the teams had synced by then.
    if (const auto synced = guarded<std::string>([&]() -> Result<std::string> { return lastSyncText(db, federationId); });
        synced && !synced->empty())
        d->basis += ". Senast synkat från teamen " + *synced;
    return d;
}

Result<PeriodLock> approveYear(Database& db, Id federationId, int year, const std::string& approvedBy)
{
    if (approvedBy.empty() || approvedBy.size() > 400 || hasControlCharacters(approvedBy))
        return makeError("invalid_value", "by",
                         "skriv vems beslut det är, t.ex. \"Styrelsen 2022-03-14 § 12\" (högst 400 tecken, en rad)");
    Repository repo(db);
    if (repo.isLocked(federationId, year))
        return makeError("already_locked", "year", std::to_string(year) + " är redan fastställt");
    // The snapshot keeps the figures as approved, even if the budget, the data or the program change later.
    auto index = computeFederationIndex(db, federationId, Period::year(year));
    if (!index)
        return index.error();
    if (auto locked = repo.lockYear(federationId, year, approvedBy, indexSnapshotToJson(*index).dump()); !locked)
        return locked.error();
    return repo.periodLock(federationId, year);
}

Result<std::vector<YearState>> yearStates(Database& db, Id federationId)
{
    Repository repo(db);
    auto budgetYears = repo.budgetYears(federationId);
    if (!budgetYears)
        return budgetYears.error();
    std::vector<int> years = *budgetYears;
    auto locked = guarded<std::vector<int>>([&]() -> Result<std::vector<int>> {
        std::vector<int> out;
        auto st = db.prepare("SELECT year FROM period_lock WHERE federation_id = ?");
        st.bind(1, federationId);
        while (st.step())
            out.push_back(static_cast<int>(st.integer(0)));
        return out;
    });
    if (!locked)
        return locked.error();
    years.insert(years.end(), locked->begin(), locked->end());
    std::sort(years.rbegin(), years.rend());
    years.erase(std::unique(years.begin(), years.end()), years.end());
    std::vector<YearState> out;
    for (int year : years) {
        YearState y{year, std::nullopt, std::nullopt};
        if (std::find(locked->begin(), locked->end(), year) != locked->end()) {
            auto lock = repo.periodLock(federationId, year);
            if (!lock)
                return lock.error();
            if (auto approved = indexSnapshotFromJson(lock->snapshot))
                y.approved = std::move(*approved);
            y.lock = std::move(*lock);
        }
        out.push_back(std::move(y));
    }
    return out;
}

nlohmann::json yearStatesToJson(const std::vector<YearState>& years)
{
    using nlohmann::json;
    auto figures = [](const IndexFigures& f) {
        return json{{"index", f.index ? json(*f.index) : json(nullptr)}, {"colour", codeOf(f.colour)}};
    };
    json out = json::array();
    for (const auto& y : years) {
        json approved = nullptr;
        if (y.approved) {
            approved = figures(y.approved->federationIndex.total);
            json teams = json::array();
            for (const auto& t : y.approved->teams) {
                auto team = figures(t.total);
                team["code"] = t.unitCode;
                team["name"] = t.unitName;
                teams.push_back(std::move(team));
            }
            approved["teams"] = std::move(teams);
        }
        out.push_back({{"year", y.year},
                       {"locked", y.lock.has_value()},
                       {"locked_at", y.lock ? json(y.lock->lockedAt) : json(nullptr)},
                       {"locked_by", y.lock ? json(y.lock->lockedBy) : json(nullptr)},
                       {"approved", std::move(approved)}});
    }
    return {{"years", std::move(out)}};
}

}  // namespace samkoll::core

namespace samkoll::core {

Result<nlohmann::json> federationOverviewJson(Database& db, Id federationId, int year, std::optional<int> tertial,
                                              Language language, int suppressBelow, const std::string& computedAt)
{
    using nlohmann::json;
    if (year < 1990 || year > 2200)
        return makeError("invalid_value", "year", "året ska ligga mellan 1990 och 2200");
    if (tertial && (*tertial < 1 || *tertial > 3))
        return makeError("invalid_value", "tertial", "tertialen ska vara 1, 2 eller 3");
    Repository repo(db);
    if (!repo.budget(federationId, year))
        return makeError("not_found", "year", "det finns ingen social budget för " + std::to_string(year));
    auto of = indexOf(db, federationId, tertial ? Period::tertial(year, *tertial) : Period::year(year));
    if (!of)
        return of.error();

    json out{{"year", year}, {"tertial", tertial.value_or(0)}, {"computed_at", computedAt}, {"approved", nullptr}};
    if (of->approved) {
        if (auto lock = repo.periodLock(federationId, year))
            out["approved"] = {{"at", lock->lockedAt.substr(0, 10)}, {"by", lock->lockedBy}};
    }
    auto synced = guarded<std::string>([&]() -> Result<std::string> { return lastSyncText(db, federationId); });
    out["last_team_sync"] = synced ? *synced : std::string();
    out["federation"] = unitIndexToJson(of->index.federationIndex, language, suppressBelow);
    json teams = json::array();
    for (const auto& [unit, place] : rankTeams(of->index)) {
        auto t = unitIndexToJson(*unit, language, suppressBelow);
        t["place"] = place;
        teams.push_back(std::move(t));
    }
    out["teams"] = std::move(teams);

    // The trend: the whole years before, as far back as there is a social
    // budget (at most kTrendYears in all), then this period — as the ranking report.
    auto before = yearsBefore(db, federationId, year);
    if (!before)
        return before.error();
    std::vector<TrendYear> years = std::move(*before);
    years.push_back({std::move(of->index), of->approved});
    json trendYears = json::array(), approved = json::array();
    for (std::size_t i = 0; i < years.size(); ++i) {
        trendYears.push_back(i + 1 == years.size() ? year : years[i].index.period.to.year);
        approved.push_back(years[i].approved);
    }
    // One row per unit of the newest year: the förbund first, then its teams by name.
    auto row = [&](const UnitIndex& newest) {
        json values = json::array(), colours = json::array();
        for (const auto& y : years) {
            const UnitIndex* u = newest.isTeam ? y.index.team(newest.unitCode) : &y.index.federationIndex;
            values.push_back(u && u->total.index ? json(*u->total.index) : json(nullptr));
            colours.push_back(u ? codeOf(u->total.colour) : codeOf(Colour::None));
        }
        return json{{"code", newest.unitCode},
                    {"name", newest.unitName},
                    {"type", newest.isTeam ? "team" : "federation"},
                    {"values", values},
                    {"colours", colours}};
    };
    json units = json::array();
    const auto& newest = years.back().index;
    units.push_back(row(newest.federationIndex));
    for (const auto& t : newest.teams)
        units.push_back(row(t));
    out["trend"] = {{"years", trendYears}, {"approved", approved}, {"units", units}};
    return out;
}

}  // namespace samkoll::core
