// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/index/index_engine.hpp"

#include "samkoll/index/evaluation.hpp"
#include "samkoll/store/repository.hpp"

namespace samkoll::core {

const UnitIndex* FederationIndex::team(const std::string& code) const
{
    for (const auto& t : teams)
        if (t.unitCode == code)
            return &t;
    return nullptr;
}

namespace {

std::size_t genderIndex(const std::string& code)
{
    return static_cast<std::size_t>(parseCode<Gender>(code).value_or(Gender::Other));
}

/// The unit a row belongs to: its team's, or `none` for a row without a team;
/// nullptr for a team this förbund does not have.
UnitInputs* unitFor(FederationInputs& in, UnitInputs& none, const std::optional<Id>& team)
{
    if (!team)
        return &none;
    auto it = in.byTeam.find(*team);
    return it == in.byTeam.end() ? nullptr : &it->second;
}

void readCases(Database& db, Id federationId, const Period& period, FederationInputs& in)
{
    // Participants during the period: started on or before its last day and
    // not exited before its first day. New and exits are subsets of them.
    // Grouping follows the covering index cases_for_index: one ordered pass.
    auto st = db.prepare(
        "SELECT team_id, gender, exit_outcome, count(*), sum(start_date >= ?2), "
        "       sum(exit_date IS NOT NULL AND exit_date <= ?3) "
        "FROM cases INDEXED BY cases_for_index "
        "WHERE federation_id = ?1 AND deleted = 0 AND start_date IS NOT NULL AND start_date <= ?3 "
        "  AND (exit_date IS NULL OR exit_date >= ?2) "
        "GROUP BY team_id, gender, exit_outcome");
    st.bind(1, federationId).bind(2, period.from.iso()).bind(3, period.to.iso());
    while (st.step()) {
        auto it = in.byTeam.find(st.integer(0));
        if (it == in.byTeam.end())
            continue;
        CaseCounts& c = it->second.cases;
        const std::size_t g = genderIndex(st.text(1));
        c.participants[g] += st.integer(3);
        c.started[g] += st.integer(4);
        if (const auto exited = st.integer(5)) {
            if (auto o = parseCode<ExitOutcome>(st.text(2)))
                c.exits[g][static_cast<std::size_t>(*o)] += exited;
        }
    }
}

void readTallies(Database& db, Id federationId, const Period& period, FederationInputs& in, UnitInputs& federationLevel)
{
    std::map<Id, std::string> questionCodes;
    auto q = db.prepare("SELECT id, code FROM question WHERE federation_id = ?");
    q.bind(1, federationId);
    while (q.step())
        questionCodes[q.integer(0)] = q.text(1);

    // tally_total holds the sum of the delta rows per round, question, option
    // and gender (kept by a trigger); rounds are pooled per team and group here.
    // Rows arrive in primary-key order, so the slot of a (round, question) is
    // looked up once, not once per row.
    auto st = db.prepare(
        "SELECT r.id, r.team_id, r.respondent_group, t.question_id, t.option_no, t.gender, t.total "
        "FROM survey_round r JOIN tally_total t ON t.round_id = r.id "
        "WHERE r.federation_id = ?1 AND r.period_start >= ?2 AND r.period_end <= ?3 AND t.total <> 0");
    st.bind(1, federationId).bind(2, period.from.iso()).bind(3, period.to.iso());
    Id lastRound = -1;
    Id lastQuestion = -1;
    TallyCounts::OptionCounts* slot = nullptr;
    while (st.step()) {
        const Id round = st.integer(0);
        const Id question = st.integer(3);
        if (round != lastRound || question != lastQuestion) {
            lastRound = round;
            lastQuestion = question;
            slot = nullptr;
            const auto group = parseCode<RespondentGroup>(st.view(2));
            auto code = questionCodes.find(question);
            UnitInputs* unit = unitFor(in, federationLevel, st.optionalInteger(1));
            if (group && code != questionCodes.end() && unit)
                slot = &unit->tallies.slot(*group, code->second);
        }
        if (!slot)
            continue;
        const auto gender = parseCode<Gender>(st.view(5)).value_or(Gender::Other);
        TallyCounts::add(*slot, static_cast<int>(st.integer(4)), gender, st.integer(6));
    }
}

void readStories(Database& db, Id federationId, const Period& period, FederationInputs& in, UnitInputs& federationLevel)
{
    auto st = db.prepare(
        "SELECT team_id, category, count(*) FROM story WHERE federation_id = ? AND story_date BETWEEN ? AND ? "
        "GROUP BY 1, 2");
    st.bind(1, federationId).bind(2, period.from.iso()).bind(3, period.to.iso());
    while (st.step()) {
        auto cat = parseCode<StoryCategory>(st.text(1));
        UnitInputs* unit = unitFor(in, federationLevel, st.optionalInteger(0));
        if (!cat || !unit)
            continue;
        unit->stories[static_cast<std::size_t>(*cat)] += st.integer(2);
    }
}

void readComposition(Database& db, Id federationId, int year, FederationInputs& in, UnitInputs& federationLevel)
{
    auto st = db.prepare("SELECT team_id, body, women, men FROM composition WHERE federation_id = ? AND year = ?");
    st.bind(1, federationId).bind(2, year);
    while (st.step()) {
        auto body = parseCode<CompositionBody>(st.text(1));
        UnitInputs* unit = unitFor(in, federationLevel, st.optionalInteger(0));
        if (!body || !unit)
            continue;
        auto& wm = unit->composition[*body];
        wm.first += st.integer(2);
        wm.second += st.integer(3);
    }
}

std::map<Id, KommunStatistics> readKommuner(Database& db, Id federationId, int year)
{
    std::map<Id, KommunStatistics> out;
    auto m = db.prepare("SELECT id, code, name FROM member WHERE federation_id = ? AND kind = 'kommun' ORDER BY id");
    m.bind(1, federationId);
    while (m.step())
        out[m.integer(0)] = KommunStatistics{m.text(1), m.text(2), std::nullopt, std::nullopt};
    auto st = db.prepare(
        "SELECT h.kommun_id, h.year, h.total, h.illness, h.unemployment, h.assistance, h.population "
        "FROM hae_statistic h JOIN member m ON m.id = h.kommun_id "
        "WHERE m.federation_id = ?1 AND h.year IN (?2, ?2 - 1)");
    st.bind(1, federationId).bind(2, year);
    while (st.step()) {
        auto it = out.find(st.integer(0));
        if (it == out.end())
            continue;
        HaeStatistic s{st.integer(0), static_cast<int>(st.integer(1)), st.real(2), st.real(3), st.real(4), st.real(5),
                       st.integer(6)};
        (s.year == year ? it->second.current : it->second.previous) = s;
    }
    return out;
}

void readManual(Database& db, Id federationId, int year, FederationInputs& in)
{
    auto st = db.prepare(
        "SELECT indicator_code, team_id, achieved, motivation FROM manual_assessment WHERE federation_id = ? AND year = ?");
    st.bind(1, federationId).bind(2, year);
    while (st.step()) {
        // A judgment without a team is the förbund's own (not shared with teams).
        UnitInputs* unit = unitFor(in, in.pooled, st.optionalInteger(1));
        if (!unit)
            continue;
        unit->manual[st.text(0)] = ManualJudgment{st.integer(2) != 0, st.text(3)};
    }
}

/// Förbund-level rows count for the förbund and for every team.
void addFederationLevel(UnitInputs& unit, const UnitInputs& level)
{
    unit.tallies += level.tallies;
    for (const auto& [body, wm] : level.composition) {
        auto& mine = unit.composition[body];
        mine.first += wm.first;
        mine.second += wm.second;
    }
}

}  // namespace

Result<FederationInputs> readFederationInputs(Database& db, Id federationId, const Period& period)
{
    return guarded<FederationInputs>([&]() -> Result<FederationInputs> {
        FederationInputs in;
        auto f = db.prepare("SELECT id, code, name FROM federation WHERE id = ?");
        f.bind(1, federationId);
        if (!f.step())
            return makeError("not_found", "federation", "förbundet finns inte");
        in.federation = {f.integer(0), f.text(1), f.text(2)};
        auto teams = Repository(db).teams(federationId);
        if (!teams)
            return teams.error();
        in.teams = std::move(*teams);
        for (const auto& t : in.teams)
            in.byTeam[t.id];

        const int year = period.budgetYear();
        UnitInputs federationLevel;
        readCases(db, federationId, period, in);
        readTallies(db, federationId, period, in, federationLevel);
        readStories(db, federationId, period, in, federationLevel);
        readComposition(db, federationId, year, in, federationLevel);
        readManual(db, federationId, year, in);
        const auto kommuner = readKommuner(db, federationId, year);

        // Pool: every team's rows, then the förbund-level rows once.
        for (const auto& t : in.teams) {
            const UnitInputs& u = in.byTeam[t.id];
            in.pooled.cases += u.cases;
            in.pooled.tallies += u.tallies;
            for (std::size_t i = 0; i < u.stories.size(); ++i)
                in.pooled.stories[i] += u.stories[i];
            for (const auto& [body, wm] : u.composition) {
                auto& mine = in.pooled.composition[body];
                mine.first += wm.first;
                mine.second += wm.second;
            }
        }
        addFederationLevel(in.pooled, federationLevel);
        for (std::size_t i = 0; i < federationLevel.stories.size(); ++i)
            in.pooled.stories[i] += federationLevel.stories[i];
        for (const auto& [id, k] : kommuner)
            in.pooled.kommuner.push_back(k);

        for (const auto& t : in.teams) {
            UnitInputs& u = in.byTeam[t.id];
            addFederationLevel(u, federationLevel);
            if (t.kommunId) {
                auto k = kommuner.find(*t.kommunId);
                if (k != kommuner.end())
                    u.kommuner.push_back(k->second);
            }
        }
        return in;
    });
}

Result<FederationIndex> computeFederationIndex(Database& db, Id federationId, const Period& period)
{
    auto budget = Repository(db).budget(federationId, period.budgetYear());
    if (!budget)
        return budget.error();
    auto in = readFederationInputs(db, federationId, period);
    if (!in)
        return in.error();

    FederationIndex out;
    out.federation = in->federation;
    out.period = period;
    out.budgetName = budget->name;
    auto unit = [&](const UnitInputs& inputs, bool isTeam, const std::string& code, const std::string& name) {
        UnitIndex u = aggregateIndex(*budget, evaluateBudget(*budget, inputs, isTeam));
        u.unitCode = code;
        u.unitName = name;
        u.isTeam = isTeam;
        u.period = period;
        return u;
    };
    out.federationIndex = unit(in->pooled, false, in->federation.code, in->federation.name);
    for (const auto& t : in->teams)
        out.teams.push_back(unit(in->byTeam[t.id], true, t.code, t.name));
    return out;
}

}  // namespace samkoll::core
