// SPDX-License-Identifier: GPL-3.0-or-later
// Randomised convergence against the real samkolld binary over loopback TLS:
// each seed gets its own förbund in one server database, 3 teams × 1–4 devices
// with the client's real SyncEngine (libcurl), each with its own SQLite file.
// SAMKOLL_NETWORK_SEEDS=N runs N seeds (default 100).
#include "server_process.hpp"

#include <cstdlib>
#include <sstream>

#include "../core/convergence_scenario.hpp"
#include "cli.hpp"
#include "sync_engine.hpp"

using namespace samkoll::test;
using samkoll::client::SyncEngine;


TEST_CASE("Randomised convergence against the real server over TLS", "[integration][sync][convergence]")
{
    int seeds = 100;
    if (const char* env = std::getenv("SAMKOLL_NETWORK_SEEDS"))
        seeds = std::max(1, std::atoi(env));
    TempDir dir;
    const auto db = dir.file("server.db");
    const auto cert = dir.file("cert.pem");
    const auto key = dir.file("key.pem");
    const auto budget = dir.file("budget.json");
    admin({"init", "--db", db});
    admin({"cert", "--cert", cert, "--key", key});
    std::ofstream(budget) << admin({"template"});
    const std::string ca = readText(cert);
    ServerProcess server(db, cert, key);
    const std::vector<std::string> teams{"ta", "tb", "tc"};

    for (int seed = 1; seed <= seeds; ++seed) {
        INFO("seed " << seed);
        std::mt19937_64 rng(static_cast<std::uint64_t>(seed) * 7919);
        auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
        const std::string fed = "s" + std::to_string(seed);
        admin({"federation", "add", "--db", db, "--code", fed, "--name", "Förbund " + fed});
        for (const auto& t : teams)
            admin({"team", "add", "--db", db, "--federation", fed, "--code", t, "--name", "Team " + t});
        admin({"import", "budget", "--db", db, "--federation", fed, "--file", budget});

        std::vector<std::unique_ptr<SyncEngine>> engines;
        std::vector<SimDevice> devices;
        for (const auto& team : teams) {
            const int n = uniform(1, 4);
            for (int i = 0; i < n; ++i) {
                const std::string login = fed + "-" + team + "-" + std::to_string(i);
                admin({"user", "add", "--db", db, "--federation", fed, "--login", login, "--role", "coordinator", "--team", team});
                auto code = admin({"enrol-code", "--db", db, "--federation", fed, "--login", login});
                auto engine = std::make_unique<SyncEngine>(dir.file(login + ".db"));
                auto enrolled = engine->enrol(server.url, code.substr(0, code.find('\n')), login, ca);
                INFO((enrolled ? std::string() : enrolled.error().describe()));
                REQUIRE(enrolled);
                auto first = engine->syncOnce();
                INFO((first ? std::string() : first.error().describe()));
                REQUIRE(first);
                SimDevice d;
                d.id = login;
                d.team = team;
                d.db = &engine->database();
                d.replica = &engine->replica();
                d.sync = [e = engine.get()](bool confirm) { return e->syncOnce(confirm); };
                devices.push_back(std::move(d));
                engines.push_back(std::move(engine));
            }
        }
        std::unique_ptr<Database> serverView;
        runConvergenceScenario(
            rng,
            [&]() -> Database& {
                serverView = std::move(Database::openExisting(db).value());
                return *serverView;
            },
            fed, devices, teams);
        devices.clear();
        engines.clear();
        for (const auto& entry : std::filesystem::directory_iterator(dir.path))
            if (entry.path().filename().string().rfind(fed + "-", 0) == 0)
                std::filesystem::remove(entry.path());
    }
}
