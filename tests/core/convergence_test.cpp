// SPDX-License-Identifier: GPL-3.0-or-later
// Randomised convergence of the sync protocol, in process: 3 teams × 1–4
// devices edit offline and sync partially, in random orders, over a network
// that drops, duplicates, replays and loses requests and responses; at the end every device and the server hold the same data and
// the tally totals equal an oracle of the generated entries.
// SAMKOLL_SEEDS=N runs N seeds (default 100).
#include "fixtures.hpp"

#include <cstdlib>
#include <random>

#include "samkoll/sync/replica.hpp"
#include "samkoll/sync/sync_service.hpp"

using namespace samkoll::test;
using nlohmann::json;

namespace {

/// Calls the server's SyncService directly, through the JSON encoding, with
/// the faults of a bad network: a request that never arrives, a response that
/// is lost after the server applied the batch, a request delivered twice, and
/// an old batch replayed out of order later.
class DirectTransport : public SyncTransport {
public:
    DirectTransport(Database& server, DeviceContext ctx, std::mt19937_64& rng) : m_server(server), m_ctx(std::move(ctx)), m_rng(rng) {}
    double faultRate = 0.0;

    Result<json> configuration() override { return exportConfiguration(m_server, m_ctx.federationId); }
    Result<BatchResult> push(const Batch& batch) override
    {
        auto wire = parseBatch(batchToJson(batch).dump());
        REQUIRE(wire);
        if (!m_old.empty() && chance()) {  // a delayed copy of an earlier request arrives now
            auto replay = SyncService(m_server).push(m_ctx, m_old[static_cast<std::size_t>(pick(m_old.size()))], Date{2026, 1, 1});
            REQUIRE(replay);
        }
        m_old.push_back(*wire);
        if (chance())
            return makeError("network", "", "begäran kom aldrig fram");
        auto r = SyncService(m_server).push(m_ctx, *wire, Date{2026, 1, 1});
        if (r && chance())  // delivered twice: the second answer is the one that arrives
            r = SyncService(m_server).push(m_ctx, *wire, Date{2026, 1, 1});
        if (r && chance())
            return makeError("network", "", "svaret försvann");
        if (!r)
            return r.error();
        return parseBatchResult(json::parse(batchResultToJson(*r).dump()));
    }
    Result<PullResult> pull(std::int64_t cursor, int limit) override
    {
        if (chance())
            return makeError("network", "", "anslutningen bröts");
        auto r = SyncService(m_server).pull(m_ctx, cursor, limit);
        if (!r)
            return r.error();
        return parsePullResult(json::parse(pullResultToJson(*r).dump()));
    }

private:
    bool chance() { return std::bernoulli_distribution(faultRate)(m_rng); }
    int pick(std::size_t n) { return std::uniform_int_distribution<int>(0, static_cast<int>(n) - 1)(m_rng); }

    Database& m_server;
    DeviceContext m_ctx;
    std::mt19937_64& m_rng;
    std::vector<Batch> m_old;
};

struct Device {
    bool skewed = false;
    std::string id;
    std::string team;
    std::unique_ptr<Database> db;
    std::unique_ptr<Replica> replica;
    std::unique_ptr<DirectTransport> transport;
};

/// uid → fields of every live case of a team. (A device that never saw a case
/// before it was deleted has no tombstone for it; there is nothing to show.)
std::map<std::string, std::string> snapshotCases(Database& db, const std::string& team)
{
    std::map<std::string, std::string> out;
    auto st = db.prepare(
        "SELECT c.uid, c.deleted, c.code, c.gender, ifnull(c.birth_year, ''), c.referral_date, ifnull(c.referring_party, ''), "
        "ifnull(c.decision, ''), ifnull(c.decision_date, ''), ifnull(c.start_date, ''), ifnull(c.exit_date, ''), "
        "ifnull(c.exit_outcome, ''), c.income_support, ifnull(c.education, ''), ifnull(c.support_duration, '') "
        "FROM cases c JOIN team t ON t.id = c.team_id WHERE t.code = ? AND c.deleted = 0");
    st.bind(1, team);
    while (st.step()) {
        std::string row;
        for (int i = 1; i <= 14; ++i)
            row += st.text(i) + "|";
        out[st.text(0)] = row;
    }
    return out;
}

std::map<std::string, std::int64_t> snapshotTallies(Database& db, const std::string& team)
{
    std::map<std::string, std::int64_t> out;
    auto st = db.prepare(
        "SELECT q.code || '/' || tt.option_no || '/' || tt.gender, sum(tt.total) FROM tally_total tt "
        "JOIN survey_round r ON r.id = tt.round_id JOIN team t ON t.id = r.team_id JOIN question q ON q.id = tt.question_id "
        "WHERE t.code = ? GROUP BY 1 HAVING sum(tt.total) <> 0");
    st.bind(1, team);
    while (st.step())
        out[st.text(0)] = st.integer(1);
    return out;
}

void runSeed(std::uint64_t seed)
{
    INFO("seed " << seed);
    std::mt19937_64 rng(seed);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    Fixture server;
    REQUIRE(server.repo->addTeam(server.fed, "tc", "Team C", std::string("kc")));
    const std::vector<std::string> teams{"ta", "tb", "tc"};
    std::map<std::string, Id> teamIds;
    for (const auto& t : teams)
        teamIds[t] = server.repo->team(server.fed, t)->id;

    std::vector<Device> devices;
    for (const auto& team : teams) {
        const int n = uniform(1, 4);
        for (int i = 0; i < n; ++i) {
            Device d;
            d.id = team + "-dev" + std::to_string(i);
            d.team = team;
            d.db = std::move(Database::open(":memory:").value());
            // Some laptops' clocks are a day off in either direction.
            const std::int64_t skew = std::int64_t{24 * 3600 * 1000} * uniform(-1, 1);
            d.skewed = skew != 0;
            d.replica = std::make_unique<Replica>(*d.db, d.id, [skew] { return systemMillis() + skew; });
            d.transport = std::make_unique<DirectTransport>(*server.db, DeviceContext{d.id, server.fed, Role::Coordinator, teamIds[team]}, rng);
            auto first = synchronise(*d.replica, *d.transport, d.id, true);
            INFO((first ? std::string() : first.error().describe()));
            REQUIRE(first);
            d.transport->faultRate = 0.1;  // from here on the network misbehaves
            devices.push_back(std::move(d));
        }
    }

    std::map<std::string, std::int64_t> oracle;  // team/question/option/gender → expected total
    static const std::vector<std::pair<std::string, std::vector<std::string>>> kEditable{
        {"education", {"compulsory", "upper_secondary", "university_3y", "unknown"}},
        {"support_duration", {"up_to_1", "up_to_5", "more_than_9"}},
        {"referring_party", {"af", "fk", "region"}},
        {"income_support", {"social_assistance", "student_aid,activity_support", ""}}};
    int serial = 0;
    const int steps = uniform(30, 80);
    for (int step = 0; step < steps; ++step) {
        Device& d = devices[static_cast<std::size_t>(uniform(0, static_cast<int>(devices.size()) - 1))];
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
            if (edited->incomeSupport.size() == 0 && field == "income_support")
                edited->incomeSupport.clear();
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
            REQUIRE(d.replica->addTally("deltagare_avslut", RespondentGroup::ParticipantsExit, d.team, "2021", "d_bemott",
                                        option, gender, n, d.id));
            oracle[d.team + "|d_bemott/" + std::to_string(option) + "/" + std::string(codeOf(gender))] += n;
            if (uniform(0, 3) == 0) {  // a correction of the entry just made
                REQUIRE(d.replica->addTally("deltagare_avslut", RespondentGroup::ParticipantsExit, d.team, "2021",
                                            "d_bemott", option, gender, -1, d.id));
                oracle[d.team + "|d_bemott/" + std::to_string(option) + "/" + std::string(codeOf(gender))] -= 1;
            }
        } else {
            (void)synchronise(*d.replica, *d.transport, d.id);  // may fail: a lost response
        }
    }

    // Everyone reconnects on a good network: two rounds bring every change everywhere.
    for (int round = 0; round < 2; ++round)
        for (auto& d : devices) {
            d.transport->faultRate = 0;
            auto r = synchronise(*d.replica, *d.transport, d.id, false, true);
            INFO((r ? std::string() : r.error().describe()));
            REQUIRE(r);
            if (r->pushed > 0)
                CHECK(r->clockSkewMs.has_value() == d.skewed);  // a day off is reported, an accurate clock is not
        }

    for (const auto& team : teams) {
        INFO("team " << team);
        const auto serverCases = snapshotCases(*server.db, team);
        const auto serverTallies = snapshotTallies(*server.db, team);
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
            const auto mine = snapshotCases(*d.db, team);
            for (const auto& [uid, row] : serverCases)
                if (!mine.count(uid) || mine.at(uid) != row)
                    UNSCOPED_INFO("server " << uid << " " << row << " device " << (mine.count(uid) ? mine.at(uid) : "–"));
            for (const auto& [uid, row] : mine)
                if (!serverCases.count(uid))
                    UNSCOPED_INFO("device only " << uid << " " << row);
            CHECK(mine == serverCases);
            CHECK(snapshotTallies(*d.db, team) == serverTallies);
            for (const auto& other : teams)
                if (other != team)
                    CHECK(snapshotCases(*d.db, other).empty());
        }
    }
}

}  // namespace

TEST_CASE("Randomised convergence: every device and the server end identical", "[core][sync][convergence]")
{
    int seeds = 100;
    if (const char* env = std::getenv("SAMKOLL_SEEDS"))
        seeds = std::max(1, std::atoi(env));
    for (int seed = 1; seed <= seeds; ++seed)
        runSeed(static_cast<std::uint64_t>(seed));
}

TEST_CASE("Faults: the Nth server statement fails, for every N over a sync; the next sync recovers", "[core][sync][faults]")
{
    std::int64_t statements = 0;  // of one whole sync, measured by the first clean run
    for (int n = 1; statements == 0 || n <= statements; ++n) {
        INFO("failing statement " << n);
        std::mt19937_64 rng(static_cast<std::uint64_t>(n));
        Fixture server;
        auto db = std::move(Database::open(":memory:").value());
        Replica replica(*db, "dev");
        DirectTransport transport(*server.db, DeviceContext{"dev", server.fed, Role::Coordinator, server.teamA}, rng);
        REQUIRE(synchronise(replica, transport, "dev", true));
        Repository local(*db);
        const Id team = local.team(replica.federationId().value(), "ta")->id;
        for (int i = 0; i < 4; ++i) {
            Case c;
            c.teamId = team;
            c.code = "F-" + std::to_string(i);
            c.referralDate = Date{2021, 2, 1};
            c.referringParty = ReferringParty::Region;
            REQUIRE(replica.createCase(c));
        }
        REQUIRE(replica.addTally("deltagare_avslut", RespondentGroup::ParticipantsExit, "ta", "2021", "d_bemott", 2,
                                 Gender::Man, 5, "dev"));

        const auto before = server.db->steps();
        server.db->failAfter(n);
        auto faulty = synchronise(replica, transport, "dev");
        server.db->failAfter(0);
        if (faulty && statements == 0)
            statements = server.db->steps() - before;
        auto clean = synchronise(replica, transport, "dev");
        INFO((clean ? std::string() : clean.error().describe()));
        REQUIRE(clean);
        CHECK(replica.pendingCount() == 0);
        CHECK(server.count("cases") == 4);
        auto sum = server.db->prepare("SELECT ifnull(sum(delta), 0) FROM tally_delta");
        sum.step();
        CHECK(sum.integer(0) == 5);
        CHECK(snapshotCases(*db, "ta") == snapshotCases(*server.db, "ta"));
    }
}
