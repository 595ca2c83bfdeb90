// SPDX-License-Identifier: GPL-3.0-or-later
// What an attacker, a careless user or a bad network can do to the real
// samkolld over loopback TLS (issue 14): each case failed before its fix.
#include "server_process.hpp"
#include "samkoll/report/document.hpp"
#include "world.hpp"

#include <curl/curl.h>
#include <boost/beast/core/detail/base64.hpp>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "samkoll/io/budget_json.hpp"
#include "samkoll/finance/finance_store.hpp"
#include "samkoll/store/repository.hpp"
#include "samkoll/sync/hlc.hpp"
#include "samkoll/sync/protocol.hpp"
#include "sync_engine.hpp"

using namespace samkoll::test;
using samkoll::client::HttpsClient;
using nlohmann::json;

namespace {

struct RawReply {
    long status = 0;
    std::string body;
};

/// One request with headers of our choosing (HttpsClient sets its own), the
/// server's certificate trusted as the client does.
RawReply rawRequest(const ServerProcess& server, const std::string& ca, const std::string& path,
                    const std::vector<std::string>& headers = {})
{
    CURL* curl = curl_easy_init();
    REQUIRE(curl);
    RawReply reply;
    const std::string url = server.url + path;
    curl_blob blob{const_cast<char*>(ca.data()), ca.size(), CURL_BLOB_COPY};
    curl_slist* list = nullptr;
    for (const auto& h : headers)
        list = curl_slist_append(list, h.c_str());
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CAINFO_BLOB, &blob);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 20L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, +[](char* data, std::size_t size, std::size_t n, void* out) {
        static_cast<std::string*>(out)->append(data, size * n);
        return size * n;
    });
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
    const auto rc = curl_easy_perform(curl);
    INFO(curl_easy_strerror(rc));
    if (rc != CURLE_OK)
        reply.status = -1;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
    curl_slist_free_all(list);
    curl_easy_cleanup(curl);
    return reply;
}

std::string errorField(const std::string& body)
{
    auto j = json::parse(body, nullptr, false);
    return j.is_object() && j.contains("error") ? j["error"].value("field", "") : "?";
}

unsigned modeOf(const std::string& path)
{
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

/// A device enrolled over the raw API: its client (with the token set), its
/// id, token and the code it used.
struct RawDevice {
    std::unique_ptr<HttpsClient> http;
    std::string deviceId, token, code;

    /// An empty upload batch of this device, stamped now.
    [[nodiscard]] samkoll::core::Batch newBatch() const
    {
        samkoll::core::Batch batch;
        batch.deviceId = deviceId;
        batch.clientTimeMs = samkoll::core::systemMillis();
        return batch;
    }
};

RawDevice enrolRaw(World& w, const ServerProcess& server, const std::string& login)
{
    RawDevice d{std::make_unique<HttpsClient>(server.url, w.ca), {}, {}, w.code(login)};
    auto enrol = d.http->request("POST", "/api/v1/enrol", json{{"code", d.code}}.dump());
    REQUIRE(enrol);
    REQUIRE(enrol->status == 200);
    const auto reply = json::parse(enrol->body);
    d.token = reply["token"].get<std::string>();
    d.deviceId = reply["device_id"].get<std::string>();
    d.http->setToken(d.token);
    return d;
}

/// An HTTPS client enrolled as `login` (a device of that user), ready to read.
std::unique_ptr<HttpsClient> enrolledAs(World& w, const ServerProcess& server, const std::string& login)
{
    return enrolRaw(w, server, login).http;
}

/// A new case for `team` as an upload operation.
samkoll::core::Operation newCaseOperation(std::int64_t seq, const std::string& uid, const std::string& team,
                                          const std::string& code, std::int64_t clientMs)
{
    using namespace samkoll::core;
    Operation op;
    op.seq = seq;
    op.kind = OperationKind::CaseUpsert;
    op.hlc = Hlc{clientMs, static_cast<int>(seq), "raw"}.encode();
    op.uid = uid;
    op.team = team;
    op.create = true;
    op.fields = {{"code", code}, {"gender", seq % 2 ? "man" : "woman"}, {"birth_year", "1985"},
                 {"referral_date", "2021-02-01"}, {"referring_party", "af"}};
    return op;
}

}  // namespace

TEST_CASE("Hardening: an enrolment body is bounded before and after unpacking, and the server's memory stays flat",
          "[integration][security]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    HttpsClient http(server.url, w.ca);
    // The server's peak memory after an ordinary request, to compare with (the
    // sanitizer builds start far higher than the release build).
    REQUIRE(http.request("GET", "/health"));
    const long before = server.peakMemoryKb();
    // 31 MiB of JSON that the client's gzip turns into about 31 KB on the wire.
    const std::string bomb = R"({"code":"x","device_name":")" + std::string(31 * 1024 * 1024, 'a') + R"("})";
    for (int i = 0; i < 3; ++i) {
        auto r = http.request("POST", "/api/v1/enrol", bomb);
        REQUIRE(r);
        CHECK(r->status == 413);
    }
    // The server never built the 31 MiB document (it used to take 0.5–1 GB each).
    const long peak = server.peakMemoryKb();
    INFO("server peak " << before << " kB before, " << peak << " kB after");
    CHECK(before > 0);
    CHECK(peak - before < 24 * 1024);  // one 31 MiB document alone would be more
    // Deeply nested JSON in a small body is refused, not built.
    auto deep = http.request("POST", "/api/v1/enrol", std::string(2000, '[') + std::string(2000, ']'));
    REQUIRE(deep);
    CHECK(deep->status == 400);
    CHECK(deep->body.find("nästlat") != std::string::npos);
    auto tooBig = http.request("POST", "/api/v1/enrol", std::string(5000, '[') + std::string(5000, ']'));
    REQUIRE(tooBig);
    CHECK(tooBig->status == 413);
    // Invalid bodies count as failures: this address is now limited for enrolment.
    for (int i = 0; i < 10; ++i)
        (void)http.request("POST", "/api/v1/enrol", "not json");
    auto limited = http.request("POST", "/api/v1/enrol", json{{"code", w.code("vns")}}.dump());
    REQUIRE(limited);
    CHECK(limited->status == 429);
}

TEST_CASE("Hardening: one machine's bad tokens do not lock out the valid devices behind the same address",
          "[integration][security]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto vns = w.client("vannas-1", "vns", server);
    HttpsClient attacker(server.url, w.ca);
    attacker.setToken("not-a-token");
    int limitedCount = 0;
    for (int i = 0; i < 15; ++i) {
        auto r = attacker.request("GET", "/api/v1/sync/pull?cursor=0");
        REQUIRE(r);
        limitedCount += r->status == 429;
    }
    CHECK(limitedCount > 0);  // the failing credential is limited …
    auto valid = vns->syncOnce();  // … the valid device at the same address is not
    INFO((valid ? std::string() : valid.error().describe()));
    CHECK(valid);
    HttpsClient device(server.url, w.ca);
    device.setToken(vns->replica().state("token").value());
    auto pull = device.request("GET", "/api/v1/sync/pull?cursor=0");
    REQUIRE(pull);
    CHECK(pull->status == 200);
}

TEST_CASE("Hardening: bad encodings, wrong types and oversized URLs or headers are 4xx naming the field",
          "[integration][security]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto vns = w.client("vannas-1", "vns", server);
    HttpsClient http(server.url, w.ca);
    http.setToken(vns->replica().state("token").value());

    auto badQuery = http.request("GET", "/api/v1/index?year=2021&team=%FF%FE");
    REQUIRE(badQuery);
    CHECK(badQuery->status == 400);
    CHECK(errorField(badQuery->body) == "team");
    CHECK(badQuery->body.find('\xff') == std::string::npos);
    auto badPath = http.request("GET", "/api/v1/\xff\xfe");
    REQUIRE(badPath);
    CHECK(badPath->status / 100 == 4);
    CHECK(badPath->body.find('\xff') == std::string::npos);  // raw bytes are never echoed

    HttpsClient stranger(server.url, w.ca);
    auto typed = stranger.request("POST", "/api/v1/enrol", R"({"code":"ABC","device_name":5})");
    REQUIRE(typed);
    CHECK(typed->status == 400);
    CHECK(errorField(typed->body) == "device_name");
    auto escape = stranger.request("POST", "/api/v1/enrol", json{{"code", "ABC"}, {"device_name", "ok\x1b[2J\nd-fake\tadmin"}}.dump());
    REQUIRE(escape);
    CHECK(escape->status == 400);
    CHECK(errorField(escape->body) == "device_name");
    auto longName = stranger.request("POST", "/api/v1/enrol", json{{"code", "ABC"}, {"device_name", std::string(101, 'n')}}.dump());
    REQUIRE(longName);
    CHECK(longName->status == 400);

    auto longUrl = rawRequest(server, w.ca, "/api/v1/index?year=2021&x=" + std::string(12 * 1024, 'a'));
    CHECK(longUrl.status == 414);
    CHECK(json::parse(longUrl.body)["error"]["code"] == "uri_too_long");
    auto bigHeaders = rawRequest(server, w.ca, "/health", {"X-Filler: " + std::string(20 * 1024, 'h')});
    CHECK(bigHeaders.status == 431);
    // Headers beyond what the server reads at all end the connection (the
    // answer may be lost in the reset); the server still answers afterwards.
    (void)rawRequest(server, w.ca, "/health", {"X-Filler: " + std::string(200 * 1024, 'h')});
    CHECK(rawRequest(server, w.ca, "/health").status == 200);
}

TEST_CASE("Hardening: databases and keys are readable by their owner only, and errors name no server path",
          "[integration][security]")
{
    World w;
    CHECK(modeOf(w.db) == 0600);
    CHECK(modeOf(w.key) == 0600);
    {
        ServerProcess server(w.db, w.cert, w.key);
        auto vns = w.client("vannas-1", "vns", server);
        CHECK(modeOf(w.db + "-wal") == 0600);
        CHECK(modeOf(w.dir.file("vannas-1.db")) == 0600);  // the device's copy too
    }
    // An existing key file readable by all is made private when rewritten.
    ::chmod(w.key.c_str(), 0644);
    admin({"cert", "--cert", w.cert, "--key", w.key, "--host", "localhost"});
    CHECK(modeOf(w.key) == 0600);

    // The database disappears under a running server: the answer is a 503
    // that says what happened, without the server's paths.
    ServerProcess server(w.db, w.cert, w.key);
    const auto moved = w.dir.file("elsewhere.db");
    REQUIRE(::rename(w.db.c_str(), moved.c_str()) == 0);
    auto r = rawRequest(server, readText(w.cert), "/health");
    CHECK(r.status == 503);
    CHECK(r.body.find(w.dir.path.string()) == std::string::npos);
    CHECK(r.body.find("server.db") == std::string::npos);
}

TEST_CASE("Hardening: statistics are aggregates for the board and other teams, exact for the team and the kansli",
          "[integration][security][stats]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto vns = w.client("vannas-1", "vns", server);
    // Three women and six men in Vännäs 2021.
    {
        using namespace samkoll::core;
        Repository repo(vns->database());
        const auto team = repo.team(vns->replica().federationId().value(), "vannas")->id;
        for (int i = 0; i < 9; ++i) {
            Case c;
            c.teamId = team;
            c.code = "VNS-S" + std::to_string(i);
            c.gender = i < 3 ? Gender::Woman : Gender::Man;
            c.birthYear = 1990;
            c.referralDate = Date{2021, 2, 1};
            c.referringParty = ReferringParty::SocialInsurance;
            c.decision = Decision::Yes;
            c.decisionDate = Date{2021, 2, 10};
            c.startDate = Date{2021, 3, 1};
            REQUIRE(vns->replica().createCase(c));
        }
        REQUIRE(vns->syncOnce());
    }
    auto reader = [&](const std::string& login) { return enrolledAs(w, server, login); };
    auto participants = [](HttpsClient& h, const std::string& query) {
        auto r = h.request("GET", "/api/v1/stats?" + query);
        REQUIRE(r);
        INFO(r->body);
        REQUIRE(r->status == 200);
        return json::parse(r->body)["volume"][0];  // deltagare under perioden
    };
    auto board = reader("styrelse");
    auto vindeln = reader("vdl");
    auto vannas = reader("vns");
    auto office = reader("kansli");

    // The board and another team's coordinator: 3 women is a small cell, and
    // the men are hidden too (or the women would be total − men).
    for (auto* h : {board.get(), vindeln.get()}) {
        const auto row = participants(*h, "year=2021&team=vannas");
        CHECK(row["women"] == "<5");
        CHECK(row["men"] == "<5");
        CHECK(row["total"] == 9);
        const auto pooled = participants(*h, "year=2021&tertial=1");
        CHECK(pooled["women"] == "<5");
        // A one-day window could single out one participant: refused.
        auto day = h->request("GET", "/api/v1/stats?from=2021-03-01&to=2021-03-01&team=vannas");
        REQUIRE(day);
        CHECK(day->status == 403);
        CHECK(json::parse(day->body)["error"]["field"] == "from");
    }
    // The team's own coordinator and the kansli keep exact figures, any period.
    for (auto* h : {vannas.get(), office.get()}) {
        const auto row = participants(*h, "year=2021&team=vannas");
        CHECK(row["women"] == 3);
        CHECK(row["men"] == 6);
        const auto day = participants(*h, "from=2021-03-01&to=2021-03-01&team=vannas");
        CHECK(day["total"] == 9);
    }
    CHECK(participants(*office, "year=2021")["women"] == 3);  // the kansli's förbund figures are exact too

    // The index alike: the board and another team see no share with a count,
    // base or remainder of 1–4; the team and the kansli see every count.
    auto indicators = [](HttpsClient& h) {
        auto r = h.request("GET", "/api/v1/index?year=2021&team=vannas");
        REQUIRE(r);
        REQUIRE(r->status == 200);
        return json::parse(r->body)["index"]["indicators"];
    };
    const auto exact = indicators(*office);
    CHECK(indicators(*vannas) == exact);
    for (auto* h : {board.get(), vindeln.get()}) {
        const auto rows = indicators(*h);
        REQUIRE(rows.size() == exact.size());
        int hidden = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            INFO(rows[i]["code"].get<std::string>());
            CHECK(rows[i]["signal"] == exact[i]["signal"]);  // the index itself is the published one
            if (rows[i].value("suppressed", false)) {
                ++hidden;
                if (rows[i]["n"].is_null()) {
                    CHECK(rows[i]["result"] == "dold (färre än 5)");
                    CHECK_FALSE(exact[i]["n"].is_null());
                }
            } else {
                CHECK(rows[i]["n"] == exact[i]["n"]);
                CHECK(rows[i]["women"] == exact[i]["women"]);
            }
        }
        CHECK(hidden > 0);  // 3 women of 9: the gender balance, at least
    }

    // The reports the same way (/api/v1/report, what the client saves): the
    // board's copy hides the small cells, the kansli's has them; a coordinator
    // gets none (the board's papers are the kansli's and the board's).
    auto statsDocument = [](HttpsClient& h) {
        auto r = h.request("GET", "/api/v1/report?kind=statistik&year=2021&team=vannas");
        REQUIRE(r);
        INFO(r->body);
        REQUIRE(r->status == 200);
        auto d = samkoll::core::documentFromJson(r->body);
        REQUIRE(d);
        for (const auto& section : d->sections)
            for (const auto& table : section.tables)
                if (table.name == "volym")
                    return table.rows.at(0);  // deltagare under perioden
        FAIL("no volume table");
        return std::vector<samkoll::core::DocCell>{};
    };
    const auto boardRow = statsDocument(*board);
    CHECK(boardRow.at(1).text == "<5");
    CHECK(boardRow.at(2).text == "<5");
    const auto officeRow = statsDocument(*office);
    CHECK(officeRow.at(1).text == "3");
    CHECK(officeRow.at(2).text == "6");
    for (auto* h : {vannas.get(), vindeln.get()}) {
        auto r = h->request("GET", "/api/v1/report?kind=statistik&year=2021&team=vannas");
        REQUIRE(r);
        CHECK(r->status == 403);
    }
    auto bad = office->request("GET", "/api/v1/report?kind=hemligt&year=2021");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK(json::parse(bad->body)["error"]["field"] == "kind");

    // The Förbundet screen (/api/v1/federation) likewise: the kansli sees every
    // team exactly, the board the same teams with the small counts hidden as in
    // /index, and a coordinator — of any team — gets nothing.
    auto federation = [](HttpsClient& h, const std::string& query) {
        auto r = h.request("GET", "/api/v1/federation?" + query);
        REQUIRE(r);
        return *r;
    };
    auto teamIndicators = [](const json& view, const std::string& code) {
        for (const auto& t : view.at("teams"))
            if (t.at("unit").at("code") == code)
                return t.at("indicators");
        FAIL("no team " << code);
        return json();
    };
    const auto officeView = json::parse(federation(*office, "year=2021").body);
    const auto boardView = json::parse(federation(*board, "year=2021").body);
    REQUIRE(officeView.at("teams").size() == boardView.at("teams").size());
    CHECK(officeView.at("teams").size() >= 2);  // every team, not the asker's
    CHECK(teamIndicators(officeView, "vannas") == exact);
    CHECK(teamIndicators(boardView, "vannas") == indicators(*board));
    CHECK(teamIndicators(boardView, "vannas") != exact);
    for (auto* h : {vannas.get(), vindeln.get()})
        CHECK(federation(*h, "year=2021").status == 403);
    for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
             {"year=x", "year"}, {"year=2021&tertial=7", "tertial"}, {"year=2021&lang=fi", "lang"}}) {
        const auto r = federation(*office, query);
        CHECK(r.status == 400);
        CHECK(json::parse(r.body)["error"]["field"] == field);
    }
    CHECK(federation(*office, "year=2015").status == 404);
}

namespace {

/// A plain TCP connection to the server's port (nothing sent).
int connectTo(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

/// Whether the server closed the connection within `ms` (nothing to read but the end).
bool closedByServer(int fd, int ms)
{
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, ms) <= 0)
        return false;
    char c;
    return ::recv(fd, &c, 1, 0) == 0;
}

}  // namespace

TEST_CASE("Hardening: out of file descriptors the server waits instead of spinning, and connections are capped",
          "[integration][security]")
{
    World w;
    SECTION("EMFILE")
    {
        ServerProcess server(w.db, w.cert, w.key, 0, 64);
        std::vector<int> held;
        for (int i = 0; i < 90; ++i)
            if (const int fd = connectTo(server.port); fd >= 0)
                held.push_back(fd);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        const double before = server.cpuSeconds();
        std::this_thread::sleep_for(std::chrono::seconds(2));
        const double used = server.cpuSeconds() - before;
        INFO("server CPU over 2 s with its descriptors used up: " << used << " s");
        CHECK(used < 0.6);  // it spun at ~95 % of a core (1.9 s) before
        for (int fd : held)
            ::close(fd);
        // Once connections close, it serves again.
        bool served = false;
        for (int i = 0; i < 50 && !served; ++i) {
            served = rawRequest(server, w.ca, "/health").status == 200;
            if (!served)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        CHECK(served);
    }
    SECTION("per address")
    {
        ServerProcess server(w.db, w.cert, w.key);
        std::vector<int> held;
        for (int i = 0; i < 200; ++i) {
            const int fd = connectTo(server.port);
            REQUIRE(fd >= 0);
            held.push_back(fd);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        const int extra = connectTo(server.port);
        REQUIRE(extra >= 0);
        CHECK(closedByServer(extra, 3000));  // the 201st from one address is closed at once
        ::close(extra);
        CHECK_FALSE(closedByServer(held.front(), 100));  // the others stay
        for (int fd : held)
            ::close(fd);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        CHECK(rawRequest(server, w.ca, "/health").status == 200);
    }
}

TEST_CASE("The förbund's driftredovisning over the API: the kansli and the board read it, a coordinator may not",
          "[integration][finance]")
{
    World w;
    admin({"finance", "unit", "--db", w.db, "--code", "SAMO", "--name", "Ordinarie"});
    admin({"finance", "line", "--db", w.db, "--code", "kansli", "--name", "Kansli", "--group", "administration", "--unit", "SAMO"});
    admin({"finance", "budget", "--db", w.db, "--line", "kansli", "--year", "2021", "--amount", "-1200000"});
    admin({"finance", "outcome", "--db", w.db, "--line", "kansli", "--year", "2021", "--month", "2", "--amount", "-150000"});
    ServerProcess server(w.db, w.cert, w.key);
    auto reader = [&](const std::string& login) { return enrolledAs(w, server, login); };
    for (const char* login : {"kansli", "styrelse"}) {
        INFO(login);
        auto h = reader(login);
        auto r = h->request("GET", "/api/v1/finance?year=2021&tertial=1");
        REQUIRE(r);
        REQUIRE(r->status == 200);
        const auto j = json::parse(r->body);
        CHECK(j["period"]["label"] == "2021 T1 (jan–apr)");
        CHECK(j["lines"][0]["figures"]["budget_period"] == -40'000'000);  // öre: 4/12 of −1 200 000 kr
        CHECK(j["lines"][0]["figures"]["outcome"] == -15'000'000);
        CHECK(j["equity"]["opening_known"] == false);
        // The whole follow-up in one shape; the board's copy is aggregates only.
        CHECK(j.contains("member_contributions"));
        CHECK(j.contains("cost_per_outcome"));
        CHECK(j.contains("five_years"));
        CHECK(j["suppressed_below"] == (std::string(login) == "styrelse" ? 5 : 0));
    }
    auto coordinator = reader("vns");
    auto refused = coordinator->request("GET", "/api/v1/finance?year=2021");
    REQUIRE(refused);
    CHECK(refused->status == 403);
    auto office = reader("kansli");
    auto bad = office->request("GET", "/api/v1/finance?year=2021&tertial=5");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK(errorField(bad->body) == "tertial");
}

TEST_CASE("Operations: one log line per request with route, status, time, bytes and device — never a token or a code",
          "[integration][operations]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto d = enrolRaw(w, server, "vns");
    const std::string& code = d.code;
    const std::string& token = d.token;
    const std::string& device = d.deviceId;
    HttpsClient& h = *d.http;
    auto config = h.request("GET", "/api/v1/config");
    REQUIRE(config);
    REQUIRE(config->status == 200);
    auto unknown = h.request("GET", "/api/v1/nothing-here?code=" + code);
    REQUIRE(unknown);
    CHECK(unknown->status == 404);

    std::string log;
    for (int i = 0; i < 50 && log.find("404") == std::string::npos; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        log = server.log();
    }
    INFO(log);
    auto lineWith = [&](const std::string& part) {
        std::istringstream lines(log);
        for (std::string line; std::getline(lines, line);)
            if (line.find(part) != std::string::npos)
                return line;
        return std::string();
    };
    const auto enrolLine = lineWith("POST /api/v1/enrol 200");
    REQUIRE_FALSE(enrolLine.empty());
    CHECK(enrolLine.find(" ms in ") != std::string::npos);
    const auto configLine = lineWith("GET /api/v1/config 200");
    REQUIRE_FALSE(configLine.empty());
    CHECK(configLine.find("enhet " + device) != std::string::npos);
    // Bytes as sent (compressed when the client takes gzip): some, and no more than the body it read.
    const auto out = configLine.find(" ut ");
    REQUIRE(out != std::string::npos);
    const long sent = std::stol(configLine.substr(out + 4));
    CHECK(sent > 0);
    CHECK(sent <= static_cast<long>(config->body.size()));
    CHECK(configLine.find("från 127.0.0.1") != std::string::npos);
    const auto unknownLine = lineWith("(okänd adress) 404");
    CHECK_FALSE(unknownLine.empty());
    // Nothing a stranger could use: no token, no enrolment code, no query.
    CHECK(log.find(token) == std::string::npos);
    CHECK(log.find(code) == std::string::npos);
    CHECK(log.find("nothing-here") == std::string::npos);
}

TEST_CASE("Operations: SIGTERM lets an upload in flight finish and answer, then the server exits",
          "[integration][operations]")
{
    using namespace samkoll::core;
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto d = enrolRaw(w, server, "vns");
    HttpsClient& h = *d.http;

    // An upload that takes the server a while to apply: many new cases in one batch.
    Batch batch = d.newBatch();
    constexpr int kCases = 20000;
    for (int i = 0; i < kCases; ++i)
        batch.operations.push_back(
            newCaseOperation(i + 1, "term-" + std::to_string(i), "vannas", "VNS-T" + std::to_string(i), batch.clientTimeMs));
    const std::string body = batchToJson(batch).dump();

    std::optional<samkoll::core::Result<samkoll::client::HttpReply>> answer;
    std::chrono::steady_clock::time_point answered;
    std::thread upload([&] {
        answer.emplace(h.request("POST", "/api/v1/sync/push", body));
        answered = std::chrono::steady_clock::now();
    });
    // Once the server is busy with it (its CPU time climbs), stop it as systemd would.
    const double before = server.cpuSeconds();
    for (int i = 0; i < 200 && server.cpuSeconds() < before + 0.3; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const auto signalled = std::chrono::steady_clock::now();
    REQUIRE(::kill(server.pid(), SIGTERM) == 0);
    upload.join();

    REQUIRE(answer);
    REQUIRE(*answer);
    INFO((*answer)->body.substr(0, 300));
    REQUIRE((*answer)->status == 200);
    const auto result = json::parse((*answer)->body);
    CHECK(result["results"].size() == static_cast<std::size_t>(kCases));
    WARN("the answer came " << std::chrono::duration_cast<std::chrono::milliseconds>(answered - signalled).count()
                            << " ms after SIGTERM");
    // The server exits by itself, and everything it answered for is stored.
    int status = -1;
    for (int i = 0; i < 500 && ::waitpid(server.pid(), &status, WNOHANG) == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(WIFEXITED(status));
    CHECK(server.log().find("stoppar") != std::string::npos);
    auto db = samkoll::core::Database::open(w.db);
    REQUIRE(db);
    samkoll::core::Repository repo(**db);
    CHECK(repo.caseByUid("term-" + std::to_string(kCases - 1)));
}

TEST_CASE("Operations: /metrics in the Prometheus text format counts requests, uploads, operations and the database",
          "[integration][operations]")
{
    using namespace samkoll::core;
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto d = enrolRaw(w, server, "vns");
    HttpsClient& h = *d.http;
    Batch batch = d.newBatch();
    for (int i = 0; i < 3; ++i)  // the third is another team's: refused
        batch.operations.push_back(newCaseOperation(i + 1, "metrics-" + std::to_string(i), i == 2 ? "vindeln" : "vannas",
                                                    "VNS-M" + std::to_string(i), batch.clientTimeMs));
    auto pushed = h.request("POST", "/api/v1/sync/push", batchToJson(batch).dump());
    REQUIRE(pushed);
    REQUIRE(pushed->status == 200);

    HttpsClient monitor(server.url, w.ca);  // no token: the monitoring system
    auto m = monitor.request("GET", "/metrics");
    REQUIRE(m);
    REQUIRE(m->status == 200);
    const std::string& text = m->body;
    INFO(text);
    auto value = [&](const std::string& series) -> double {
        std::istringstream lines(text);
        for (std::string line; std::getline(lines, line);)
            if (line.rfind(series + " ", 0) == 0)
                return std::stod(line.substr(series.size() + 1));
        FAIL("no sample " << series);
        return -1;
    };
    CHECK(value("samkoll_requests_total{route=\"/api/v1/sync/push\",status=\"200\"}") == 1);
    CHECK(value("samkoll_requests_total{route=\"/api/v1/enrol\",status=\"200\"}") == 1);
    CHECK(value("samkoll_sync_batches_total") == 1);
    CHECK(value("samkoll_sync_operations_total{result=\"applied\"}") == 2);
    CHECK(value("samkoll_sync_operations_total{result=\"refused\"}") == 1);
    CHECK(value("samkoll_sync_conflicts_total") == 0);
    CHECK(value("samkoll_database_bytes") > 100000);
    CHECK(value("samkoll_last_checkpoint_timestamp_seconds") >= 0);
    CHECK(text.find("# TYPE samkoll_requests_total counter") != std::string::npos);
    // Nothing that identifies a device or a person.
    CHECK(text.find(batch.deviceId) == std::string::npos);
    CHECK(text.find("VNS-M") == std::string::npos);
}

TEST_CASE("Users over the API: the kansli adds users, makes enrolment codes and revokes devices, and nobody else may",
          "[integration][security][users]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto office = enrolledAs(w, server, "kansli");
    auto post = [](HttpsClient& h, const std::string& path, const json& body) {
        auto r = h.request("POST", path, body.dump());
        REQUIRE(r);
        return std::make_pair(r->status, json::parse(r->body, nullptr, false));
    };

    // A new coordinator for Vindeln, then a code for her, and her device enrols with it.
    auto [added, list] = post(*office, "/api/v1/users", {{"login", "vera"}, {"role", "coordinator"}, {"team", "vindeln"}});
    INFO(list.dump());
    REQUIRE(added == 200);
    const auto vera = std::find_if(list["users"].begin(), list["users"].end(),
                                   [](const json& u) { return u["login"] == "vera"; });
    REQUIRE(vera != list["users"].end());
    CHECK((*vera)["role"] == "coordinator");
    CHECK((*vera)["team"]["code"] == "vindeln");
    auto [coded, code] = post(*office, "/api/v1/enrolment-codes", {{"login", "vera"}});
    REQUIRE(coded == 200);
    REQUIRE(code["code"].is_string());
    CHECK(code["valid_days"] == 14);
    {
        HttpsClient fresh(server.url, w.ca);
        auto r = fresh.request("POST", "/api/v1/enrol",
                               json{{"code", code["code"]}, {"device_name", "Veras dator"}}.dump());
        REQUIRE(r);
        CHECK(r->status == 200);
    }
    // The code is in no log line.
    CHECK(server.log().find(code["code"].get<std::string>()) == std::string::npos);

    // Every device of the förbund, and this one marked; revoking Vera's shuts it out.
    auto devices = office->request("GET", "/api/v1/users");
    REQUIRE(devices);
    REQUIRE(devices->status == 200);
    const auto all = json::parse(devices->body)["devices"];
    std::string veraDevice;
    int mine = 0;
    for (const auto& d : all) {
        if (d["login"] == "vera")
            veraDevice = d["id"];
        mine += d["this_device"].get<bool>();
    }
    CHECK(mine == 1);
    REQUIRE_FALSE(veraDevice.empty());
    auto [revoked, after] = post(*office, "/api/v1/devices/revoke", {{"device_id", veraDevice}});
    REQUIRE(revoked == 200);
    for (const auto& d : after["devices"])
        if (d["id"] == veraDevice)
            CHECK(d["revoked"] == true);

    // Bad input names its field; a personnummer as a login is refused; a duplicate too.
    CHECK(post(*office, "/api/v1/users", {{"login", "x"}, {"role", "boss"}}).second["error"]["field"] == "role");
    CHECK(post(*office, "/api/v1/users", {{"login", 42}, {"role", "board"}}).second["error"]["field"] == "login");
    CHECK(post(*office, "/api/v1/users", {{"login", "19121212-1212"}, {"role", "board"}}).second["error"]["code"] ==
          "personnummer");
    CHECK(post(*office, "/api/v1/users", {{"login", "vera"}, {"role", "board"}}).second["error"]["field"] == "login");
    CHECK(post(*office, "/api/v1/users", {{"login", "nils"}, {"role", "coordinator"}}).second["error"]["field"] ==
          "team");
    CHECK(post(*office, "/api/v1/enrolment-codes", {{"login", "ingen"}}).second["error"]["field"] == "login");
    CHECK(post(*office, "/api/v1/devices/revoke", {{"device_id", "d-som-inte-finns"}}).first == 404);

    // Coordinators and the board may do none of it.
    for (const std::string login : {"vns", "styrelse"}) {
        auto other = enrolledAs(w, server, login);
        CHECK(post(*other, "/api/v1/users", {{"login", "mallory"}, {"role", "central_office"}}).first == 403);
        CHECK(post(*other, "/api/v1/enrolment-codes", {{"login", "kansli"}}).first == 403);
        CHECK(post(*other, "/api/v1/devices/revoke", {{"device_id", veraDevice}}).first == 403);
        auto r = other->request("GET", "/api/v1/users");
        REQUIRE(r);
        CHECK(r->status == 403);
    }
}

TEST_CASE("Social budget over the API: the kansli saves one with the import's checks, nobody else may",
          "[integration][security][budget]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto office = enrolledAs(w, server, "kansli");
    auto post = [](HttpsClient& h, const std::string& path, const std::string& body) {
        auto r = h.request("POST", path, body);
        REQUIRE(r);
        return std::make_pair(r->status, json::parse(r->body, nullptr, false));
    };
    auto budget = json::parse(samkoll::core::socialBudgetTemplate2021());
    budget["year"] = 2023;

    // Coordinators and the board may not; the kansli may, once; again only as a replacement.
    for (const std::string login : {"vns", "styrelse"}) {
        auto other = enrolledAs(w, server, login);
        CHECK(post(*other, "/api/v1/budgets", json{{"budget", budget}}.dump()).first == 403);
    }
    auto [status, saved] = post(*office, "/api/v1/budgets", json{{"budget", budget}}.dump());
    INFO(saved.dump());
    REQUIRE(status == 200);
    CHECK(saved["year"] == 2023);
    CHECK(saved["indicators"].get<int>() > 0);
    auto again = post(*office, "/api/v1/budgets", json{{"budget", budget}}.dump());
    CHECK(again.first == 400);
    CHECK(again.second["error"]["field"] == "year");
    CHECK(post(*office, "/api/v1/budgets", json{{"budget", budget}, {"replace", true}}.dump()).first == 200);

    // Bad input names its field: the body, the budget, replace, a weight out of range, ideal shares off 100.
    CHECK(post(*office, "/api/v1/budgets", "[1,2]").first == 400);
    CHECK(post(*office, "/api/v1/budgets", json{{"budget", 5}}.dump()).second["error"]["field"] == "budget");
    CHECK(post(*office, "/api/v1/budgets", json{{"budget", budget}, {"replace", "ja"}}.dump()).second["error"]["field"] ==
          "replace");
    auto heavy = budget;
    heavy["areas"][0]["goals"][0]["indicators"][0]["weight"] = 11;
    const auto weight = post(*office, "/api/v1/budgets", json{{"budget", heavy}, {"replace", true}}.dump());
    CHECK(weight.first == 400);
    CHECK(weight.second["error"]["field"].get<std::string>().find("weight") != std::string::npos);
    auto shares = budget;
    shares["areas"][0]["ideal_share"] = shares["areas"][0]["ideal_share"].get<int>() + 10;
    CHECK(post(*office, "/api/v1/budgets", json{{"budget", shares}, {"replace", true}}.dump()).first == 400);

    // Nothing of the refused ones was stored: 2023 is the template's.
    auto d = samkoll::core::Database::openExisting(w.db);
    REQUIRE(d);
    samkoll::core::Repository repo(**d);
    const auto stored = repo.budget(repo.federation("sf")->id, 2023);
    REQUIRE(stored);
    CHECK(stored->areas[0].goals[0].indicators[0].weight != 11);
}

TEST_CASE("HÅE statistics over the API: the kansli previews and imports a file, nobody else may",
          "[integration][security][hae]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto office = enrolledAs(w, server, "kansli");
    auto post = [](HttpsClient& h, const json& body) {
        auto r = h.request("POST", "/api/v1/hae", body.dump());
        REQUIRE(r);
        return std::make_pair(r->status, json::parse(r->body, nullptr, false));
    };
    const std::string csv = "kommun;year;hae_total;hae_illness;hae_unemployment;hae_assistance;population_20_64\n"
                            "vannas;2021;1 200,5;600;400;200,5;5 000\n";
    for (const std::string login : {"vns", "styrelse"}) {
        auto other = enrolledAs(w, server, login);
        CHECK(post(*other, {{"csv", csv}, {"apply", true}}).first == 403);
    }
    auto [status, preview] = post(*office, {{"file", "hae.csv"}, {"csv", csv}});
    INFO(preview.dump());
    REQUIRE(status == 200);
    CHECK(preview["applied"] == false);
    REQUIRE(preview["changes"].size() == 1);
    CHECK(preview["changes"][0]["before"].is_null());
    CHECK(preview["changes"][0]["after"]["population"] == 5000);
    CHECK(post(*office, {{"csv", csv}, {"apply", true}}).second["applied"] == true);
    CHECK(post(*office, {{"csv", csv}}).second["unchanged"] == 1);

    CHECK(post(*office, {{"csv", 5}}).second["error"]["field"] == "csv");
    CHECK(post(*office, {{"csv", csv}, {"apply", "ja"}}).second["error"]["field"] == "apply");
    CHECK(post(*office, {{"csv", csv}, {"file", ""}}).second["error"]["field"] == "file");
    const auto wrong = post(*office, {{"file", "x.csv"}, {"csv", "kommun;year;hae_total;population_20_64\nvannas;20x1;5;100\n"}});
    CHECK(wrong.first == 400);
    CHECK(wrong.second["error"]["field"] == "year");
    CHECK(wrong.second["error"]["where"] == "x.csv, rad 2");
}

TEST_CASE("SIE import and the account mapping over the API: the kansli only, bad input named",
          "[integration][security][sie]")
{
    World w;
    {
        auto d = samkoll::core::Database::open(w.db);
        REQUIRE(d);
        samkoll::core::finance::FinanceStore store(**d);
        const auto fed = samkoll::core::Repository(**d).federation("sf")->id;
        REQUIRE(store.addUnit(fed, "SAMO", "Ordinarie verksamhet", false));
        REQUIRE(store.addLine(fed, {"lokal", "Lokalhyra", samkoll::core::finance::LineGroup::Administration, "SAMO", "", ""}));
    }
    ServerProcess server(w.db, w.cert, w.key);
    auto office = enrolledAs(w, server, "kansli");
    auto call = [](HttpsClient& h, const std::string& method, const std::string& path, const std::string& body) {
        auto r = h.request(method, path, body);
        REQUIRE(r);
        return std::make_pair(r->status, json::parse(r->body, nullptr, false));
    };
    const std::string sie = "#FLAGGA 0\n#SIETYP 2\n#RAR 0 20260101 20261231\n#PSALDO 0 202601 7010 {} 95500.00\n";
    const json upload{{"file", "x.se"}, {"content_base64", "I0ZMQUdHQSAwCg=="}};
    for (const std::string login : {"vns", "styrelse"}) {
        auto other = enrolledAs(w, server, login);
        CHECK(call(*other, "GET", "/api/v1/finance/mapping", "").first == 403);
        CHECK(call(*other, "POST", "/api/v1/finance/mapping", R"({"rules": []})").first == 403);
        CHECK(call(*other, "POST", "/api/v1/finance/sie", upload.dump()).first == 403);
        CHECK(call(*other, "POST", "/api/v1/finance/outcome", R"({"csv": "line;year;month;amount\n"})").first == 403);
    }
    auto [status, mapping] = call(*office, "GET", "/api/v1/finance/mapping", "");
    REQUIRE(status == 200);
    CHECK(mapping["rules"].empty());
    CHECK(call(*office, "POST", "/api/v1/finance/mapping", R"({"rules": 5})").second["error"]["field"] == "rules");
    CHECK(call(*office, "POST", "/api/v1/finance/mapping", R"({"rules": [{"account_from": "7010"}]})").second["error"]["field"] ==
          "rules[0].line");
    CHECK(call(*office, "POST", "/api/v1/finance/mapping", R"({"rules": [{"line": "x"}]})").second["error"]["field"] ==
          "rules[0].account_from");
    // A line that does not exist is named; nothing stored.
    CHECK(call(*office, "POST", "/api/v1/finance/mapping", R"({"rules": [{"account_from": "7010", "line": "finns-inte"}]})")
              .first == 404);
    REQUIRE(call(*office, "POST", "/api/v1/finance/mapping", R"({"rules": [{"account_from": "5010", "line": "lokal"}]})").first ==
            200);
    CHECK(call(*office, "POST", "/api/v1/finance/sie", R"({"content_base64": "***"})").second["error"]["field"] ==
          "content_base64");
    CHECK(call(*office, "POST", "/api/v1/finance/sie", json{{"content_base64", "AA=="}, {"apply", "ja"}}.dump())
              .second["error"]["field"] == "apply");
    // A file that is not SIE 2–4 is refused, naming why; a good one without a mapping lists all as omappat.
    const auto type1 = call(*office, "POST", "/api/v1/finance/sie",
                            json{{"file", "typ1.se"}, {"content_base64", "I0ZMQUdHQSAwCiNTSUVUWVAgMQo="}}.dump());
    CHECK(type1.first == 400);
    std::string encoded(boost::beast::detail::base64::encoded_size(sie.size()), '\0');
    encoded.resize(boost::beast::detail::base64::encode(encoded.data(), sie.data(), sie.size()));
    auto [ok, preview] = call(*office, "POST", "/api/v1/finance/sie", json{{"file", "x.se"}, {"content_base64", encoded}}.dump());
    INFO(preview.dump());
    REQUIRE(ok == 200);
    CHECK(preview["applied"] == false);
    REQUIRE(preview["unmapped"].size() == 1);
    CHECK(preview["unmapped"][0]["account"] == "7010");
    CHECK(preview["unmapped"][0]["amount"] == -9550000);

    // Utfall as CSV: previewed against the lines; a wrong row named by file and row.
    auto [csvStatus, csvPreview] = call(*office, "POST", "/api/v1/finance/outcome",
                                        json{{"file", "u.csv"}, {"csv", "line;year;month;amount\nlokal;2026;2;-12000\n"}}.dump());
    INFO(csvPreview.dump());
    REQUIRE(csvStatus == 200);
    CHECK(csvPreview["applied"] == false);
    CHECK(csvPreview["changes"].size() == 1);
    const auto wrongRow = call(*office, "POST", "/api/v1/finance/outcome",
                               json{{"file", "u.csv"}, {"csv", "line;year;month;amount\nlokal;2026;13;-1\n"}}.dump());
    CHECK(wrongRow.first == 400);
    CHECK(wrongRow.second["error"]["field"] == "month");
    CHECK(wrongRow.second["error"]["where"] == "u.csv, rad 2");
}
