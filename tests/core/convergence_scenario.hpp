// SPDX-License-Identifier: GPL-3.0-or-later
// The randomised convergence scenario, shared by the in-process test (with a
// misbehaving network) and the integration test against the real server.
#pragma once

#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "samkoll/store/repository.hpp"
#include "samkoll/sync/replica.hpp"

namespace samkoll::test {

using namespace samkoll::core;

/// One device in the scenario: its local database and replica, and how it syncs.
struct SimDevice {
    std::string id;
    std::string team;
    bool skewed = false;  ///< its clock is a day off: the server must say so
    Database* db = nullptr;
    Replica* replica = nullptr;
    std::function<Result<SyncReport>(bool confirmMassDelete)> sync;
    std::function<void()> heal;  ///< from now on the network behaves
};

/// uid → fields of every live case of a team of the förbund. (A device that
/// never saw a case before it was deleted has no tombstone for it; there is
/// nothing to show.)
inline std::map<std::string, std::string> snapshotCases(Database& db, const std::string& federation, const std::string& team)
{
    std::map<std::string, std::string> out;
    auto st = db.prepare(
        "SELECT c.uid, c.deleted, c.code, c.gender, ifnull(c.birth_year, ''), c.referral_date, ifnull(c.referring_party, ''), "
        "ifnull(c.decision, ''), ifnull(c.decision_date, ''), ifnull(c.start_date, ''), ifnull(c.exit_date, ''), "
        "ifnull(c.exit_outcome, ''), c.income_support, ifnull(c.education, ''), ifnull(c.support_duration, '') "
        "FROM cases c JOIN team t ON t.id = c.team_id JOIN federation f ON f.id = t.federation_id "
        "WHERE f.code = ? AND t.code = ? AND c.deleted = 0");
    st.bind(1, federation).bind(2, team);
    while (st.step()) {
        std::string row;
        for (int i = 1; i <= 14; ++i)
            row += st.text(i) + "|";
        out[st.text(0)] = row;
    }
    return out;
}

inline std::map<std::string, std::int64_t> snapshotTallies(Database& db, const std::string& federation, const std::string& team)
{
    std::map<std::string, std::int64_t> out;
    auto st = db.prepare(
        "SELECT q.code || '/' || tt.option_no || '/' || tt.gender, sum(tt.total) FROM tally_total tt "
        "JOIN survey_round r ON r.id = tt.round_id JOIN team t ON t.id = r.team_id JOIN question q ON q.id = tt.question_id "
        "JOIN federation f ON f.id = t.federation_id WHERE f.code = ? AND t.code = ? GROUP BY 1 HAVING sum(tt.total) <> 0");
    st.bind(1, federation).bind(2, team);
    while (st.step())
        out[st.text(0)] = st.integer(1);
    return out;
}

/// Random creates, edits, exits, deletes, tally entries and corrections on
/// random devices, with random partial syncs; then everyone syncs twice and
/// every device must hold exactly the server's data for its team (and nothing
/// of other teams), with tally totals equal to the oracle of what was entered.
/// `server` is read after the final syncs.
inline void runConvergenceScenario(std::mt19937_64& rng, const std::function<Database&()>& server,
                                   const std::string& federation, std::vector<SimDevice>& devices,
                                   const std::vector<std::string>& teams)
{
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    std::map<std::string, std::int64_t> oracle;  // team|question/option/gender → expected total
    static const std::vector<std::pair<std::string, std::vector<std::string>>> kEditable{
        {"education", {"compulsory", "upper_secondary", "university_3y", "unknown"}},
        {"support_duration", {"up_to_1", "up_to_5", "more_than_9"}},
        {"referring_party", {"af", "fk", "region"}},
        {"income_support", {"social_assistance", "student_aid,activity_support", ""}}};
    int serial = 0;
    const int steps = uniform(30, 80);
    for (int step = 0; step < steps; ++step) {
        SimDevice& d = devices[static_cast<std::size_t>(uniform(0, static_cast<int>(devices.size()) - 1))];
        Repository local(*d.db);
        const auto localTeam = local.team(d.replica->federationId().value(), d.team).value();
        auto cases = local.casesOfTeam(localTeam.id).value();
        const int action = uniform(0, 99);
        if (action < 30 || cases.empty()) {
            Case c;
            c.teamId = localTeam.id;
            c.code = d.id + "-" + std::to_string(++serial);
            c.gender = static_cast<Gender>(uniform(0, 2));
            c.birthYear = 1980 + uniform(0, 20);
            c.referralDate = Date{2021, uniform(1, 6), uniform(1, 28)};
            c.referringParty = ReferringParty::Employment;
            if (uniform(0, 1)) {
                c.decision = Decision::Yes;
                c.decisionDate = c.referralDate;
                c.startDate = Date{2021, 7, uniform(1, 28)};
            }
            REQUIRE(d.replica->createCase(c));
        } else if (action < 60) {
            Case c = cases[static_cast<std::size_t>(uniform(0, static_cast<int>(cases.size()) - 1))];
            const auto& [field, values] = kEditable[static_cast<std::size_t>(uniform(0, 3))];
            auto edited = applyCaseFields(c, {{field, values[static_cast<std::size_t>(uniform(0, static_cast<int>(values.size()) - 1))]}});
            REQUIRE(edited);
            REQUIRE(d.replica->editCase(*edited));
        } else if (action < 65) {
            Case c = cases[static_cast<std::size_t>(uniform(0, static_cast<int>(cases.size()) - 1))];
            if (c.startDate && !c.exitDate) {
                c.exitDate = Date{2021, 11, uniform(1, 28)};
                c.exitOutcome = static_cast<ExitOutcome>(uniform(0, 6));
                REQUIRE(d.replica->editCase(c));
            }
        } else if (action < 68) {
            REQUIRE(d.replica->deleteCase(cases[static_cast<std::size_t>(uniform(0, static_cast<int>(cases.size()) - 1))].uid));
        } else if (action < 88) {
            const int option = uniform(1, 5);
            const auto gender = static_cast<Gender>(uniform(0, 3));
            const int n = uniform(1, 4);
            const std::string key = d.team + "|d_bemott/" + std::to_string(option) + "/" + std::string(codeOf(gender));
            REQUIRE(d.replica->addTally("deltagare_avslut", RespondentGroup::ParticipantsExit, d.team, "2021", "d_bemott",
                                        option, gender, n, d.id));
            oracle[key] += n;
            if (uniform(0, 3) == 0) {  // a correction of the entry just made
                REQUIRE(d.replica->addTally("deltagare_avslut", RespondentGroup::ParticipantsExit, d.team, "2021",
                                            "d_bemott", option, gender, -1, d.id));
                oracle[key] -= 1;
            }
        } else {
            (void)d.sync(false);  // may fail: the network misbehaves
        }
    }

    // Everyone reconnects on a good network: two rounds bring every change everywhere.
    for (int round = 0; round < 2; ++round)
        for (auto& d : devices) {
            if (d.heal)
                d.heal();
            auto r = d.sync(true);
            INFO((r ? std::string() : r.error().describe()));
            REQUIRE(r);
            if (r->pushed > 0)
                CHECK(r->clockSkewMs.has_value() == d.skewed);  // a day off is reported, an accurate clock is not
        }

    Database& db = server();
    for (const auto& team : teams) {
        INFO("team " << team);
        const auto serverCases = snapshotCases(db, federation, team);
        const auto serverTallies = snapshotTallies(db, federation, team);
        std::map<std::string, std::int64_t> expected;
        for (const auto& [key, total] : oracle)
            if (key.rfind(team + "|", 0) == 0 && total != 0)
                expected[key.substr(team.size() + 1)] = total;
        CHECK(serverTallies == expected);
        for (auto& d : devices) {
            if (d.team != team)
                continue;
            INFO("device " << d.id);
            for (const auto& r : d.replica->refused())
                UNSCOPED_INFO("refused " << r.seq << " " << r.code << ": " << r.message);
            CHECK(d.replica->pendingCount() == 0);
            const auto mine = snapshotCases(*d.db, federation, team);
            for (const auto& [uid, row] : serverCases)
                if (!mine.count(uid) || mine.at(uid) != row)
                    UNSCOPED_INFO("server " << uid << " " << row << " device " << (mine.count(uid) ? mine.at(uid) : "–"));
            CHECK(mine == serverCases);
            CHECK(snapshotTallies(*d.db, federation, team) == serverTallies);
            for (const auto& other : teams)
                if (other != team)
                    CHECK(snapshotCases(*d.db, federation, other).empty());
        }
    }
}

}  // namespace samkoll::test
