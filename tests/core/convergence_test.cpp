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
#include "convergence_scenario.hpp"
#include "direct_transport.hpp"
#include "samkoll/sync/sync_service.hpp"

using namespace samkoll::test;
using nlohmann::json;

namespace {

struct LocalDevice {
    std::unique_ptr<Database> db;
    std::unique_ptr<Replica> replica;
    std::unique_ptr<DirectTransport> transport;
};

void runSeed(std::uint64_t seed)
{
    INFO("seed " << seed);
    std::mt19937_64 rng(seed);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    Fixture server;
    REQUIRE(server.repo->addTeam(server.fed, "tc", "Team C", std::string("kc")));
    const std::vector<std::string> teams{"ta", "tb", "tc"};

    std::vector<LocalDevice> owners;
    std::vector<SimDevice> devices;
    owners.reserve(16);  // SimDevice keeps pointers into these
    for (const auto& team : teams) {
        const int n = uniform(1, 4);
        for (int i = 0; i < n; ++i) {
            SimDevice d;
            d.id = team + "-dev" + std::to_string(i);
            d.team = team;
            // Some laptops' clocks are a day off in either direction.
            const std::int64_t skew = std::int64_t{24 * 3600 * 1000} * uniform(-1, 1);
            d.skewed = skew != 0;
            LocalDevice& o = owners.emplace_back();
            o.db = std::move(Database::open(":memory:").value());
            o.replica = std::make_unique<Replica>(*o.db, d.id, [skew] { return systemMillis() + skew; });
            o.transport = std::make_unique<DirectTransport>(
                *server.db, DeviceContext{d.id, server.fed, Role::Coordinator, server.repo->team(server.fed, team)->id}, rng);
            auto first = synchronise(*o.replica, *o.transport, d.id, true);
            INFO((first ? std::string() : first.error().describe()));
            REQUIRE(first);
            o.transport->faultRate = 0.1;  // from here on the network misbehaves
            d.db = o.db.get();
            d.replica = o.replica.get();
            d.sync = [&o, id = d.id](bool confirm) { return synchronise(*o.replica, *o.transport, id, false, confirm); };
            d.heal = [&o] { o.transport->faultRate = 0; };
            devices.push_back(std::move(d));
        }
    }
    runConvergenceScenario(rng, [&]() -> Database& { return *server.db; }, "test", devices, teams);
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

namespace {

/// For every N over one sync (counted by the first run that has no fault), the
/// Nth statement on the device or on the server fails; the next sync must
/// leave both identical with nothing lost or doubled. The device has four new
/// cases and a tally entry to upload and a case another device made to download.
void everyStatementFails(bool onDevice)
{
    std::int64_t statements = 0;
    for (int n = 1; statements == 0 || n <= statements; ++n) {
        INFO((onDevice ? "failing device statement " : "failing server statement ") << n);
        std::mt19937_64 rng(static_cast<std::uint64_t>(n));
        Fixture server;
        auto db = std::move(Database::open(":memory:").value());
        Replica replica(*db, "dev");
        DirectTransport transport(*server.db, DeviceContext{"dev", server.fed, Role::Coordinator, server.teamA}, rng);
        REQUIRE(synchronise(replica, transport, "dev", true));
        const Id team = Repository(*db).team(replica.federationId().value(), "ta")->id;
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
        Case other;
        other.teamId = server.teamA;
        other.code = "ANNAN-1";
        other.referralDate = Date{2021, 3, 1};
        other.referringParty = ReferringParty::Employment;
        REQUIRE(server.repo->saveCase(other, Date{2026, 1, 1}));

        Database& failing = onDevice ? *db : *server.db;
        const auto before = failing.steps();
        failing.failAfter(n);
        auto faulty = synchronise(replica, transport, "dev");
        failing.failAfter(0);
        if (faulty && statements == 0)
            statements = failing.steps() - before;
        if (!faulty)
            CHECK(faulty.error().code == "storage");
        auto clean = synchronise(replica, transport, "dev");
        INFO((clean ? std::string() : clean.error().describe()));
        REQUIRE(clean);
        CHECK(replica.pendingCount() == 0);
        CHECK(server.count("cases") == 5);
        auto sum = server.db->prepare("SELECT ifnull(sum(delta), 0), count(*) FROM tally_delta");
        sum.step();
        CHECK(sum.integer(0) == 5);
        CHECK(sum.integer(1) == 1);
        CHECK(snapshotCases(*db, "test", "ta") == snapshotCases(*server.db, "test", "ta"));
    }
}

}  // namespace

TEST_CASE("Faults: the Nth server statement fails, for every N over a sync and the next sync recovers", "[core][sync][faults]")
{
    everyStatementFails(false);
}

TEST_CASE("Faults: the Nth device statement fails, for every N over a sync and the next sync recovers", "[core][sync][faults]")
{
    everyStatementFails(true);
}
