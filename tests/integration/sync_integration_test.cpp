// SPDX-License-Identifier: GPL-3.0-or-later
// The real samkolld binary over loopback TLS, driven by the client's real sync
// engine (libcurl), each client with its own SQLite file.
#include "fault_proxy.hpp"
#include "http_fault_proxy.hpp"
#include "server_process.hpp"
#include "world.hpp"
#include "../core/convergence_scenario.hpp"

#include <arpa/inet.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>

#include <nlohmann/json.hpp>
#include <atomic>
#include <mutex>
#include <random>
#include <set>
#include <sstream>

#include "cli.hpp"
#include "https_transport.hpp"
#include "samkoll/demo/bulk_history.hpp"
#include "samkoll/store/backup.hpp"
#include "samkoll/store/repository.hpp"
#include "sync_engine.hpp"

using namespace samkoll::test;
using namespace samkoll::core;
using samkoll::client::HttpsClient;
using samkoll::client::SyncEngine;
using nlohmann::json;

namespace {


Case newCase(SyncEngine& e, const std::string& team, const std::string& code)
{
    Repository repo(e.database());
    Case c;
    c.teamId = repo.team(e.replica().federationId().value(), team)->id;
    c.code = code;
    c.gender = Gender::Woman;
    c.birthYear = 1990;
    c.referralDate = Date{2021, 3, 1};
    c.referringParty = ReferringParty::SocialInsurance;
    return c;
}

/// A Vännäs device enrolled with the server, then set to reach it through a
/// proxy on `proxyPort` (the same certificate answers there).
std::unique_ptr<SyncEngine> viaProxy(World& w, const ServerProcess& server, const std::string& name, int proxyPort)
{
    auto direct = w.client(name, "vns", server);
    REQUIRE(direct->replica().setState("server_url", "https://localhost:" + std::to_string(proxyPort)));
    direct.reset();
    return std::make_unique<SyncEngine>(w.dir.file(name + ".db"));
}

/// Once the network is good again: two rounds, so each device also receives
/// what the other sent last.
void settle(std::initializer_list<SyncEngine*> devices)
{
    for (int round = 0; round < 2; ++round)
        for (auto* e : devices) {
            auto r = e->syncWithRetry(3);
            INFO((r ? std::string() : r.error().describe()));
            REQUIRE(r);
        }
}

}  // namespace

TEST_CASE("Offline work in Vindeln arrives once when the laptop reconnects", "[integration][sync]")
{
    World w;
    auto server = std::make_unique<ServerProcess>(w.db, w.cert, w.key);
    auto a1 = w.client("vindeln-1", "vdl", *server);
    auto a2 = w.client("vindeln-2", "vdl", *server);
    auto b1 = w.client("vannas-1", "vns", *server);
    server->stop(SIGTERM);  // the network goes away

    for (int i = 1; i <= 5; ++i)
        REQUIRE(a1->replica().createCase(newCase(*a1, "vindeln", "VDL-2021-00" + std::to_string(i))));
    REQUIRE(a1->replica().addTally("deltagare_avslut", RespondentGroup::ParticipantsExit, "vindeln", "2021", "d_bemott", 1,
                                   Gender::Woman, 3, "koordinator"));
    auto offline = a1->syncOnce();
    REQUIRE_FALSE(offline);
    CHECK(offline.error().code == "network");
    CHECK(a1->status().pending == 6);
    CHECK_FALSE(a1->status().online);

    server = std::make_unique<ServerProcess>(w.db, w.cert, w.key);  // back online, on a new port
    REQUIRE(a1->replica().setState("server_url", server->url));
    a1 = std::make_unique<SyncEngine>(w.dir.file("vindeln-1.db"));  // the app restarts
    auto online = a1->syncWithRetry(3);
    INFO((online ? std::string() : online.error().describe()));
    REQUIRE(online);
    CHECK(a1->status().pending == 0);
    CHECK(a1->status().online);
    const auto lastSync = a1->status().lastSync;  // ISO 8601 UTC, shown to the coordinator
    CHECK(lastSync.size() == 20);
    CHECK(lastSync.back() == 'Z');
    CHECK(lastSync[10] == 'T');
    CHECK(w.serverCount("SELECT count(*) FROM cases") == 5);
    CHECK(w.serverCount("SELECT sum(delta) FROM tally_delta") == 3);

    for (auto* other : {a2.get(), b1.get()}) {
        REQUIRE(other->replica().setState("server_url", server->url));
    }
    a2 = std::make_unique<SyncEngine>(w.dir.file("vindeln-2.db"));
    b1 = std::make_unique<SyncEngine>(w.dir.file("vannas-1.db"));
    REQUIRE(a2->syncOnce());
    REQUIRE(b1->syncOnce());
    auto count = [](SyncEngine& e) {
        auto st = e.database().prepare("SELECT count(*) FROM cases WHERE deleted = 0");
        st.step();
        return st.integer(0);
    };
    CHECK(count(*a2) == 5);
    CHECK(count(*b1) == 0);  // another team's cases never reach Vännäs
}

TEST_CASE("Crash safety: the server or the client killed mid-sync loses and duplicates nothing", "[integration][sync]")
{
    World w;
    auto server = std::make_unique<ServerProcess>(w.db, w.cert, w.key);
    auto client = w.client("vannas-1", "vns", *server);
    std::mt19937 rng(7);
    int created = 0;
    const int kills = envCount("SAMKOLL_KILLS", 6);  // each way; SAMKOLL_KILLS=1000 for a long run
    for (int round = 0; round < kills; ++round) {
        for (int i = 0; i < 40; ++i)
            REQUIRE(client->replica().createCase(newCase(*client, "vannas", "VNS-" + std::to_string(++created))));
        std::thread sync([&] { (void)client->syncOnce(); });
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 40)(rng)));
        server->stop(SIGKILL);
        sync.join();
        server = std::make_unique<ServerProcess>(w.db, w.cert, w.key);
        REQUIRE(client->replica().setState("server_url", server->url));
        client = std::make_unique<SyncEngine>(w.dir.file("vannas-1.db"));
    }
    // Now the client is killed between sending and acknowledging: a child
    // process syncs from the same file and gets SIGKILL at a random moment.
    const auto file = w.dir.file("vannas-1.db");
    for (int round = 0; round < kills; ++round) {
        {
            auto writer = std::make_unique<SyncEngine>(file);
            for (int i = 0; i < 40; ++i)
                REQUIRE(writer->replica().createCase(newCase(*writer, "vannas", "VNS-" + std::to_string(++created))));
        }
        client.reset();  // no connection to the file is carried across fork
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            SyncEngine inChild(file);
            (void)inChild.syncOnce();
            _exit(0);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 60)(rng)));
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
        client = std::make_unique<SyncEngine>(file);
    }
    auto last = client->syncWithRetry(3);
    INFO((last ? std::string() : last.error().describe()));
    REQUIRE(last);
    CHECK(client->status().pending == 0);
    CHECK(w.serverCount("SELECT count(*) FROM cases") == created);
    CHECK(w.serverCount("SELECT count(DISTINCT code) FROM cases") == created);
    auto local = client->database().prepare("SELECT count(*) FROM cases WHERE deleted = 0");
    local.step();
    CHECK(local.integer(0) == created);
}

namespace {

/// The client's transport, but the process kills itself when it asks for the
/// `dieAt`-th download page: by then earlier pages are committed and the one
/// before is being applied on the other thread.
struct DyingTransport : SyncTransport {
    samkoll::client::HttpsTransport& inner;
    int dieAt;
    int pulls = 0;
    DyingTransport(samkoll::client::HttpsTransport& t, int at) : inner(t), dieAt(at) {}
    Result<json> configuration() override { return inner.configuration(); }
    Result<BatchResult> push(const Batch& batch) override { return inner.push(batch); }
    Result<PullResult> pull(std::int64_t cursor, int limit) override
    {
        if (++pulls == dieAt)
            raise(SIGKILL);
        return inner.pull(cursor, limit);
    }
};

}  // namespace

TEST_CASE("A device killed in the middle of a long first download resumes from the last committed page",
          "[integration][sync][download]")
{
    World w;
    {
        auto d = Database::open(w.db);
        REQUIRE(d);
        const Id fed = Repository(**d).federation("sf")->id;
        REQUIRE(writeBulkHistory(**d, fed, {"vannas", 2021, 3, 600, 20000}));
    }
    ServerProcess server(w.db, w.cert, w.key);
    const auto file = w.dir.file("vannas-new.db");
    {
        SyncEngine engine(file);
        REQUIRE(engine.enrol(server.url, w.code("vns"), "vannas-new", w.ca));
    }
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        SyncEngine engine(file);
        HttpsClient http(engine.replica().state("server_url").value_or(""), engine.replica().state("server_ca").value_or(""));
        http.setToken(engine.replica().state("token").value_or(""));
        samkoll::client::HttpsTransport transport(http);
        DyingTransport dying(transport, 4);
        auto r = synchronise(engine.replica(), dying, engine.replica().state("device_id").value_or(""));
        std::fprintf(stderr, "download ended without the kill: %s\n", r ? "ok" : r.error().describe().c_str());
        _exit(3);  // not reached: the download is longer than three pages
    }
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);

    // What the killed device holds: whole pages up to its saved cursor, nothing after it.
    std::int64_t saved = 0;
    {
        auto d = Database::openExisting(file);
        REQUIRE(d);
        auto check = (*d)->prepare("PRAGMA integrity_check");
        REQUIRE(check.step());
        CHECK(check.text(0) == "ok");
        auto cursor = (*d)->prepare("SELECT value FROM sync_state WHERE key = 'cursor'");
        REQUIRE(cursor.step());
        saved = std::stoll(cursor.text(0));
        auto count = [&](const std::string& sql) {
            auto st = (*d)->prepare(sql);
            st.step();
            return st.integer(0);
        };
        const std::string upTo = " WHERE cursor <= " + std::to_string(saved);
        CHECK(saved > 0);
        CHECK(saved < w.serverCount("SELECT max(cursor) FROM change_log"));
        CHECK(count("SELECT count(*) FROM cases") == w.serverCount("SELECT count(*) FROM change_log" + upTo + " AND entity = 'case'"));
        CHECK(count("SELECT count(*) FROM tally_delta") ==
              w.serverCount("SELECT count(*) FROM change_log" + upTo + " AND entity = 'tally'"));
        CHECK(count("SELECT count(*) FROM tally_delta") > 0);  // past the first pages of cases
    }
    // The next sync downloads only what is after the saved cursor, and then the device has everything once.
    const auto remaining = w.serverCount(
        "SELECT count(*) FROM (SELECT DISTINCT entity, uid FROM change_log WHERE cursor > " + std::to_string(saved) +
        " AND entity <> 'finance' AND (team_id IS NULL OR team_id = (SELECT id FROM team WHERE code = 'vannas')))");
    SyncEngine engine(file);
    auto report = engine.syncOnce();
    INFO((report ? std::string() : report.error().describe()));
    REQUIRE(report);
    CHECK(report->pulled == remaining);
    auto local = [&](const char* sql) {
        auto st = engine.database().prepare(sql);
        st.step();
        return st.integer(0);
    };
    CHECK(local("SELECT count(*) FROM cases") == 600);
    CHECK(local("SELECT count(DISTINCT uid) FROM tally_delta") == 20000);
    CHECK(local("SELECT count(*) FROM tally_delta") == 20000);
    CHECK(local("SELECT sum(total) FROM tally_total") == 20000);
    // The totals, brought up to date once per page, are the server's, cell by cell.
    CHECK(local("SELECT count(*) FROM tally_total") ==
          w.serverCount("SELECT count(*) FROM tally_total t JOIN survey_round r ON r.id = t.round_id "
                        "WHERE r.team_id = (SELECT id FROM team WHERE code = 'vannas')"));
    CHECK(local("SELECT max(total) FROM tally_total") ==
          w.serverCount("SELECT max(total) FROM tally_total t JOIN survey_round r ON r.id = t.round_id "
                        "WHERE r.team_id = (SELECT id FROM team WHERE code = 'vannas')"));
    CHECK(local("SELECT count(*) FROM sync_state WHERE key = 'totals_deferred'") == 0);
    CHECK(local("SELECT count(*) FROM change_log") == 0);  // a device keeps no change log
}

TEST_CASE("Security and bad input over the wire", "[integration][security]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto vns = w.client("vannas-1", "vns", server);
    auto vdl = w.client("vindeln-1", "vdl", server);
    REQUIRE(vns->replica().createCase(newCase(*vns, "vannas", "VNS-1")));
    REQUIRE(vns->syncOnce());

    SECTION("a coordinator cannot write another team's cases")
    {
        Batch b;
        b.deviceId = vdl->replica().state("device_id").value();
        Operation op;
        op.seq = 1;
        op.kind = OperationKind::CaseUpsert;
        op.hlc = Hlc{1, 0, "x"}.encode();
        op.uid = "forged";
        op.team = "vannas";
        op.create = true;
        op.fields = {{"code", "X-1"}, {"gender", "man"}, {"referral_date", "2021-01-01"}, {"referring_party", "af"}};
        b.operations.push_back(op);
        HttpsClient http(server.url, w.ca);
        http.setToken(vdl->replica().state("token").value());
        auto r = http.request("POST", "/api/v1/sync/push", batchToJson(b).dump());
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(json::parse(r->body)["results"][0]["error"]["code"] == "forbidden");
        CHECK(w.serverCount("SELECT count(*) FROM cases") == 1);
    }
    SECTION("the board reads aggregates, never case rows")
    {
        HttpsClient http(server.url, w.ca);
        auto enrol = http.request("POST", "/api/v1/enrol", json{{"code", w.code("styrelse")}}.dump());
        REQUIRE(enrol);
        http.setToken(json::parse(enrol->body)["token"].get<std::string>());
        // Its download holds the förbund's money only: there is a case on the server, none arrives.
        auto pull = http.request("GET", "/api/v1/sync/pull?cursor=0");
        REQUIRE(pull);
        CHECK(pull->status == 200);
        CHECK(w.serverCount("SELECT count(*) FROM cases") >= 1);
        const auto pulled = json::parse(pull->body);
        for (const auto& c : pulled["changes"])
            CHECK(c["entity"] == "finance");
        CHECK(pull->body.find("VNS-1") == std::string::npos);
        auto index = http.request("GET", "/api/v1/index?year=2021");
        REQUIRE(index);
        CHECK(index->status == 200);
        CHECK(json::parse(index->body)["index"]["unit"]["type"] == "federation");
        CHECK(index->body.find("VNS-1") == std::string::npos);
        // A period the server cannot read is a 400 naming the parameter.
        for (const char* bad : {"/api/v1/index", "/api/v1/index?year=abc", "/api/v1/index?year=1066",
                                "/api/v1/stats?year=2021&tertial=4"}) {
            INFO(bad);
            auto r = http.request("GET", bad);
            REQUIRE(r);
            CHECK(r->status == 400);
            const auto field = json::parse(r->body)["error"]["field"].get<std::string>();
            CHECK((field == "year" || field == "tertial"));
        }
    }
    SECTION("a revoked device is refused")
    {
        admin({"device", "revoke", "--db", w.db, "--device", vns->replica().state("device_id").value()});
        auto r = vns->syncOnce();
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "unauthorized");
        CHECK(r.error().message.find("spärrats") != std::string::npos);
    }
    SECTION("malformed JSON, wrong types, unsupported versions, huge bodies and garbage bytes")
    {
        HttpsClient http(server.url, w.ca);
        http.setToken(vdl->replica().state("token").value());
        auto bad = http.request("POST", "/api/v1/sync/push", "{not json");
        CHECK(bad->status == 400);
        CHECK(json::parse(bad->body)["error"]["code"] == "invalid_json");
        auto types = http.request("POST", "/api/v1/sync/push",
                                  R"({"schema_version":"1","device_id":"x","client_time_ms":1,"operations":[]})");
        CHECK(types->status == 400);
        CHECK(json::parse(types->body)["error"]["field"] == "schema_version");
        const auto device = vdl->replica().state("device_id").value();
        auto version = http.request("POST", "/api/v1/sync/push",
                                    json{{"schema_version", 99}, {"device_id", device}, {"client_time_ms", 1}, {"operations", json::array()}}.dump());
        CHECK(version->status == 426);
        // A client newer than the server: the server is the one to update.
        CHECK(json::parse(version->body)["error"]["message"].get<std::string>().find("uppdatera servern") != std::string::npos);
        // The client gzips bodies: 9 MiB that do not compress exceed the 8 MiB
        // limit on the wire; 40 MiB that compress to almost nothing exceed the
        // limit after unpacking (a "zip bomb"). Both are 413.
        std::string noise(9 * 1024 * 1024, '\0');
        std::mt19937 bytes(5);
        for (auto& ch : noise)
            ch = static_cast<char>(bytes());
        auto huge = http.request("POST", "/api/v1/sync/push", noise);
        REQUIRE(huge);
        CHECK(huge->status == 413);
        auto bomb = http.request("POST", "/api/v1/sync/push", std::string(40 * 1024 * 1024, 'x'));
        REQUIRE(bomb);
        CHECK(bomb->status == 413);
        CHECK(json::parse(bomb->body)["error"]["code"] == "too_large");
        // A big body that unpacks within limits is read, then refused as JSON: no crash, a clear 400.
        auto big = http.request("POST", "/api/v1/sync/push", std::string(2 * 1024 * 1024, 'x'));
        REQUIRE(big);
        CHECK(big->status == 400);

        // Raw garbage on the TCP port, then the server still answers.
        const int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(server.port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        const char garbage[] = "\x16\x03\x01\xff\xff garbage \x00\x01\x02";
        (void)write(fd, garbage, sizeof garbage);
        close(fd);
        auto health = http.request("GET", "/health");
        REQUIRE(health);
        CHECK(health->status == 200);
        CHECK(http.request("GET", "/api/v1/sync/pull?cursor=abc")->status == 400);
        CHECK(http.request("GET", "/api/v1/sync/pull?cursor=999999999")->status == 410);
    }
    SECTION("the wrong certificate is not trusted")
    {
        TempDir other;
        admin({"cert", "--cert", other.file("c.pem"), "--key", other.file("k.pem")});
        HttpsClient http(server.url, readText(other.file("c.pem")));
        auto r = http.request("GET", "/health");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "certificate");  // said as such, not as "offline"
        CHECK(r.error().field == "certificate");
    }
}

TEST_CASE("Through a flaky connection (refused, cut mid-stream, slow) nothing is lost or duplicated",
          "[integration][sync][faults]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    FaultProxy proxy(server.port, 0.3, 42);
    auto a = viaProxy(w, server, "vannas-1", proxy.port);
    auto b = viaProxy(w, server, "vannas-2", proxy.port);

    std::mt19937 rng(3);
    int created = 0;
    std::int64_t tallied = 0;
    int failures = 0;
    for (int round = 0; round < 30; ++round) {
        SyncEngine& e = (round % 2) ? *a : *b;
        for (int i = 0; i < 5; ++i)
            REQUIRE(e.replica().createCase(newCase(e, "vannas", "VNS-P-" + std::to_string(++created))));
        const int n = std::uniform_int_distribution<int>(1, 3)(rng);
        REQUIRE(e.replica().addTally("deltagare_avslut", RespondentGroup::ParticipantsExit, "vannas", "2021", "d_bemott", 2,
                                     Gender::Man, n, "koordinator"));
        tallied += n;
        if (!e.syncOnce())
            ++failures;
    }
    CHECK(proxy.faults > 0);
    CHECK(failures > 0);
    proxy.setFaultRate(0);
    settle({a.get(), b.get()});
    CHECK(w.serverCount("SELECT count(*) FROM cases") == created);
    CHECK(w.serverCount("SELECT count(DISTINCT uid) FROM cases") == created);
    CHECK(w.serverCount("SELECT sum(delta) FROM tally_delta") == tallied);
    for (auto* e : {a.get(), b.get()}) {
        CHECK(e->status().pending == 0);
        auto st = e->database().prepare("SELECT count(*) FROM cases WHERE deleted = 0");
        st.step();
        CHECK(st.integer(0) == created);
        auto t = e->database().prepare("SELECT ifnull(sum(total), 0) FROM tally_total");
        t.step();
        CHECK(t.integer(0) == tallied);
    }
}

TEST_CASE("Through an HTTPS proxy that drops, duplicates, replays, delays and truncates requests and responses",
          "[integration][sync][faults]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    HttpFaultProxy proxy(server.port, w.cert, w.key, 0.35, 7);
    auto a = viaProxy(w, server, "vannas-1", proxy.port);
    auto b = viaProxy(w, server, "vannas-2", proxy.port);

    std::mt19937 rng(11);
    int created = 0;
    int deleted = 0;
    std::int64_t tallied = 0;
    int failures = 0;
    std::vector<std::pair<SyncEngine*, std::string>> mine;  // (device, uid) of live cases each device made
    for (int round = 0; round < 40; ++round) {
        SyncEngine& e = (round % 2) ? *a : *b;
        for (int i = 0; i < 4; ++i) {
            auto uid = e.replica().createCase(newCase(e, "vannas", "VNS-H-" + std::to_string(++created)));
            REQUIRE(uid);
            mine.emplace_back(&e, *uid);
        }
        // An edit and now and then a delete of a case this device made earlier.
        for (std::size_t i = 0; i < mine.size(); ++i) {
            if (mine[i].first != &e || std::uniform_int_distribution<int>(0, 5)(rng) != 0)
                continue;
            auto c = Repository(e.database()).caseByUid(mine[i].second);
            REQUIRE(c);
            if (std::uniform_int_distribution<int>(0, 3)(rng) == 0) {
                REQUIRE(e.replica().deleteCase(mine[i].second));
                mine.erase(mine.begin() + static_cast<std::ptrdiff_t>(i));
                ++deleted;
                break;
            }
            c->birthYear = 1960 + round;
            REQUIRE(e.replica().editCase(*c));
        }
        const int n = std::uniform_int_distribution<int>(1, 3)(rng);
        REQUIRE(e.replica().addTally("deltagare_avslut", RespondentGroup::ParticipantsExit, "vannas", "2021", "d_bemott", 2,
                                     Gender::Woman, n, "koordinator"));
        tallied += n;
        if (!e.syncOnce())
            ++failures;
    }
    using F = HttpFaultProxy::Fault;
    for (auto f : {F::DropRequest, F::LoseResponse, F::Duplicate, F::ReplayOlder, F::Delay, F::TruncateResponse}) {
        INFO("fault " << static_cast<int>(f));
        CHECK(proxy.count(f) > 0);
    }
    CHECK(failures > 0);
    proxy.setFaultRate(0);
    settle({a.get(), b.get()});
    const auto live = created - deleted;
    CHECK(w.serverCount("SELECT count(*) FROM cases WHERE deleted = 0") == live);
    CHECK(w.serverCount("SELECT count(*) FROM cases") == created);
    CHECK(w.serverCount("SELECT sum(delta) FROM tally_delta") == tallied);
    CHECK(w.serverCount("SELECT count(*) FROM sync_conflict") == 0);  // one writer per case: nothing to clash
    for (auto* e : {a.get(), b.get()}) {
        CHECK(e->status().pending == 0);
        CHECK(e->status().refused == 0);
        auto t = e->database().prepare("SELECT ifnull(sum(total), 0) FROM tally_total");
        t.step();
        CHECK(t.integer(0) == tallied);
    }
    // Both devices hold exactly the server's cases, field for field.
    auto serverDb = Database::openExisting(w.db);
    REQUIRE(serverDb);
    const auto onServer = snapshotCases(**serverDb, "sf", "vannas");
    CHECK(onServer.size() == static_cast<std::size_t>(live));
    for (auto* e : {a.get(), b.get()})
        CHECK(snapshotCases(e->database(), "sf", "vannas") == onServer);
}

namespace {

/// A kommun-like PKI made with the openssl tool: a root CA, an intermediate CA
/// and a server certificate for "localhost" signed by the intermediate; the
/// server is given the chain (its certificate, then the intermediate).
struct TestPki {
    TempDir dir;
    std::string root = dir.file("root.pem");
    std::string chain = dir.file("chain.pem");
    std::string key = dir.file("server.key");

    TestPki()
    {
        const std::string d = dir.path.string();
        const std::string ec = " -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes ";
        std::ofstream(d + "/ca.ext") << "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n";
        std::ofstream(d + "/server.ext")
            << "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n"
               "subjectAltName=DNS:localhost\n";
        const std::string script =
            "set -e; cd '" + d + "'; "
            "openssl req -x509" + ec + "-keyout root.key -out root.pem -days 30 -subj '/CN=Testkommun Root CA' "
            "-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign; "
            "openssl req" + ec + "-keyout int.key -out int.csr -subj '/CN=Testkommun Intermediate CA'; "
            "openssl x509 -req -in int.csr -CA root.pem -CAkey root.key -CAcreateserial -out int.pem -days 30 "
            "-extfile ca.ext; "
            "openssl req" + ec + "-keyout server.key -out server.csr -subj '/CN=localhost'; "
            "openssl x509 -req -in server.csr -CA int.pem -CAkey int.key -CAcreateserial -out server.pem -days 30 "
            "-extfile server.ext; "
            "cat server.pem int.pem > chain.pem; chmod 600 server.key";
        REQUIRE(std::system(("(" + script + ") >/dev/null 2>&1").c_str()) == 0);
    }
};

/// SSL_CERT_FILE for the scope: the "system store" the client checks against.
struct TrustStore {
    explicit TrustStore(const std::string& bundle) { ::setenv("SSL_CERT_FILE", bundle.c_str(), 1); }
    ~TrustStore() { ::unsetenv("SSL_CERT_FILE"); }
    TrustStore(const TrustStore&) = delete;
    TrustStore& operator=(const TrustStore&) = delete;
};

}  // namespace

TEST_CASE("A server with a certificate from a CA (with an intermediate): the device trusts the store, not a pin, and "
          "checks the host name",
          "[integration][tls]")
{
    World w;
    TestPki pki;
    ServerProcess server(w.db, pki.chain, pki.key);

    SECTION("not in this computer's store: refused, said as a certificate problem")
    {
        HttpsClient http(server.url, "");
        auto r = http.request("GET", "/health");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "certificate");
    }
    SECTION("the CA in the store: enrols without a certificate file, syncs")
    {
        TrustStore store(pki.root);
        HttpsClient http(server.url, "");
        auto health = http.request("GET", "/health");
        REQUIRE(health);
        CHECK(health->status == 200);

        samkoll::client::SyncEngine device(w.dir.file("ca-device.db"));
        auto enrolled = device.enrol(server.url, w.code("vns"), "ca-device", "");  // no pin
        INFO((enrolled ? std::string() : enrolled.error().describe()));
        REQUIRE(enrolled);
        CHECK(device.replica().state("server_ca").value_or("").empty());
        REQUIRE(device.syncOnce());  // the förbund's configuration
        REQUIRE(device.replica().createCase(newCase(device, "vannas", "VNS-2021-900")));
        auto synced = device.syncOnce();
        INFO((synced ? std::string() : synced.error().describe()));
        REQUIRE(synced);
        CHECK(device.status().pending == 0);
    }
    SECTION("the CA in the store but the wrong host name: refused")
    {
        TrustStore store(pki.root);
        HttpsClient http("https://127.0.0.1:" + std::to_string(server.port), "");
        auto r = http.request("GET", "/health");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "certificate");
    }
    SECTION("pinning the self-signed certificate of another server does not trust this one")
    {
        HttpsClient http(server.url, w.ca);
        auto r = http.request("GET", "/health");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "certificate");
    }
}

TEST_CASE("A backup taken while devices upload holds every change acknowledged before it, and a restore brings it back",
          "[integration][backup]")
{
    World w;
    auto server = std::make_unique<ServerProcess>(w.db, w.cert, w.key);
    auto device = w.client("backup-device", "vns", *server);
    const Case base = newCase(*device, "vannas", "");

    // The device works and syncs without pause; each acknowledged case is noted.
    std::mutex mutex;
    std::vector<std::string> acknowledged;
    std::atomic<bool> stop{false};
    std::atomic<int> failures{0};
    std::thread worker([&] {
        std::vector<std::string> unsent;
        for (int i = 0; !stop && i < 100000; ++i) {
            Case c = base;
            c.code = "VNS-B" + std::to_string(i);
            auto uid = device->replica().createCase(c);
            if (!uid) {
                ++failures;
                continue;
            }
            unsent.push_back(*uid);
            if (device->syncOnce() && device->status().pending == 0) {
                std::lock_guard lock(mutex);
                acknowledged.insert(acknowledged.end(), unsent.begin(), unsent.end());
                unsent.clear();
            }
        }
    });
    auto ackedCount = [&] {
        std::lock_guard lock(mutex);
        return acknowledged.size();
    };
    for (int i = 0; i < 500 && ackedCount() < 20; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::vector<std::string> before;
    {
        std::lock_guard lock(mutex);
        before = acknowledged;
    }
    const auto copy = w.dir.file("kopia.db");
    admin({"backup", "--db", w.db, "--to", copy});  // while the server keeps taking uploads
    const auto during = ackedCount();
    for (int i = 0; i < 300 && ackedCount() < during + 10; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    stop = true;
    worker.join();
    CHECK(failures == 0);
    REQUIRE(before.size() >= 20);
    CHECK(ackedCount() > during);  // the uploads went on through the backup

    auto check = checkDatabase(copy);
    REQUIRE(check);
    INFO(check->verdict());
    CHECK(check->ok);
    std::set<std::string> inCopy;
    {
        auto db = Database::open(copy);
        REQUIRE(db);
        auto st = (*db)->prepare("SELECT uid FROM cases");
        while (st.step())
            inCopy.insert(st.text(0));
    }
    for (const auto& uid : before)
        CHECK(inCopy.count(uid) == 1);

    // Restore: the server stopped, the copy takes the database's place, and the
    // restarted server serves exactly what the copy holds.
    server.reset();
    admin({"restore", "--from", copy, "--db", w.db});
    server = std::make_unique<ServerProcess>(w.db, w.cert, w.key);
    auto reader = w.client("after-restore", "kansli", *server);
    REQUIRE(reader->syncOnce());
    std::set<std::string> served;
    {
        auto st = reader->database().prepare("SELECT uid FROM cases");
        while (st.step())
            served.insert(st.text(0));
    }
    CHECK(served == inCopy);
}
