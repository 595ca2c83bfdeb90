// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small förbund served by the real samkolld: shared by the sync integration
// tests and the client's tests.

#include <fstream>
#include <memory>
#include <string>

#include "server_process.hpp"
#include "samkoll/store/database.hpp"
#include "sync_engine.hpp"

namespace samkoll::test {

/// A förbund with three teams, the 2021 budget, a certificate and accounts.
struct World {
    TempDir dir;
    std::string db = dir.file("server.db");
    std::string cert = dir.file("cert.pem");
    std::string key = dir.file("key.pem");
    std::string ca;

    World()
    {
        admin({"init", "--db", db});
        admin({"federation", "add", "--db", db, "--code", "sf", "--name", "Samordningsförbundet Test"});
        for (auto k : {"vannas", "vindeln"})
            admin({"member", "add", "--db", db, "--code", k, "--name", k, "--kind", "kommun"});
        admin({"team", "add", "--db", db, "--code", "vannas", "--name", "Samordningsteamet Vännäs", "--kommun", "vannas"});
        admin({"team", "add", "--db", db, "--code", "vindeln", "--name", "Samordningsteamet Vindeln", "--kommun", "vindeln"});
        const auto budget = dir.file("budget.json");
        std::ofstream(budget) << admin({"template"});
        admin({"import", "budget", "--db", db, "--file", budget});
        admin({"cert", "--cert", cert, "--key", key, "--host", "localhost"});
        ca = readText(cert);
        admin({"user", "add", "--db", db, "--login", "vns", "--role", "coordinator", "--team", "vannas"});
        admin({"user", "add", "--db", db, "--login", "vdl", "--role", "coordinator", "--team", "vindeln"});
        admin({"user", "add", "--db", db, "--login", "kansli", "--role", "central_office"});
        admin({"user", "add", "--db", db, "--login", "styrelse", "--role", "board"});
    }

    std::string code(const std::string& login)
    {
        auto out = admin({"enrol-code", "--db", db, "--login", login});
        return out.substr(0, out.find('\n'));
    }

    std::unique_ptr<samkoll::client::SyncEngine> client(const std::string& name, const std::string& login, const ServerProcess& server)
    {
        auto engine = std::make_unique<samkoll::client::SyncEngine>(dir.file(name + ".db"));
        auto s = engine->enrol(server.url, code(login), name, ca);
        INFO((s ? std::string() : s.error().describe()));
        REQUIRE(s);
        auto first = engine->syncOnce();
        INFO((first ? std::string() : first.error().describe()));
        REQUIRE(first);
        return engine;
    }

    std::int64_t serverCount(const std::string& sql)
    {
        auto d = samkoll::core::Database::openExisting(db);
        REQUIRE(d);
        auto st = (*d)->prepare(sql);
        st.step();
        return st.integer(0);
    }
};

}  // namespace samkoll::test
