// SPDX-License-Identifier: GPL-3.0-or-later
// The Översikt computes a team's index on the coordinator's computer, offline.
// Against the demo förbund served by the real samkolld: after one sync the
// local team index equals the server's, indicator by indicator — the device
// has every input the index of its team needs (its rows, förbund-level rows,
// HÅE, the central office's judgments, composition).
#include "server_process.hpp"

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "samkoll/index/index_engine.hpp"
#include "samkoll/report/index_report.hpp"
#include "samkoll/store/repository.hpp"
#include "sync_engine.hpp"

using namespace samkoll::test;
using namespace samkoll::core;
using nlohmann::json;

TEST_CASE("The local team index equals the server's after a sync", "[integration][index]")
{
    TempDir dir;
    const auto db = dir.file("server.db");
    const auto cert = dir.file("cert.pem");
    admin({"demo", "--db", db});
    admin({"cert", "--cert", cert, "--key", dir.file("key.pem"), "--host", "localhost"});
    admin({"user", "add", "--db", db, "--login", "anna", "--role", "coordinator", "--team", "vannas"});
    const auto out = admin({"enrol-code", "--db", db, "--login", "anna"});
    ServerProcess server(db, cert, dir.file("key.pem"));

    samkoll::client::SyncEngine device(dir.file("device.db"));
    REQUIRE(device.enrol(server.url, out.substr(0, out.find('\n')), "laptop", readText(cert)));
    auto synced = device.syncOnce(false, true);
    INFO((synced ? std::string() : synced.error().describe()));
    REQUIRE(synced);

    auto serverDb = Database::openExisting(db);
    REQUIRE(serverDb);
    const auto fedServer = Repository(**serverDb).federations().value().front().id;
    const auto fedLocal = device.replica().federationId().value();
    for (const auto& period : {Period::year(2021), Period::tertial(2021, 2)}) {
        INFO(period.label);
        auto remote = computeFederationIndex(**serverDb, fedServer, period);
        auto local = computeFederationIndex(device.database(), fedLocal, period);
        REQUIRE(remote);
        REQUIRE(local);
        const auto r = federationIndexToJson(*remote, "vannas").at("index");
        const auto l = federationIndexToJson(*local, "vannas").at("index");
        REQUIRE(r["indicators"].size() == l["indicators"].size());
        for (std::size_t i = 0; i < r["indicators"].size(); ++i) {
            INFO(r["indicators"][i]["display_code"].dump());
            CHECK(l["indicators"][i]["result"] == r["indicators"][i]["result"]);
            CHECK(l["indicators"][i]["signal"] == r["indicators"][i]["signal"]);
        }
        CHECK(l["total"] == r["total"]);
    }
    // And the förbund-wide index as of the sync is stored for the Översikt.
    auto federation = device.federationIndex(2021);
    REQUIRE(federation);
    auto remote = computeFederationIndex(**serverDb, fedServer, Period::year(2021));
    CHECK((*federation)["index"]["total"] == unitIndexToJson(remote->federationIndex)["total"]);
}
