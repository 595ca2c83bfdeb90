// SPDX-License-Identifier: GPL-3.0-or-later
// Sync over loopback TLS against the real samkolld binary. Prints figures, each
// beside a baseline measured in the same run; asserts nothing about time.
//   1. 100 000 operations pushed end to end vs the same rows inserted straight into SQLite
//   2. initial download of one förbund (5 000 cases, 50 000 tally rows), rows/s
//   3. 80 clients pushing 1 000 operations each at once
//   4. requests/s of an empty sync poll vs a minimal Beast server (same transport, TLS)
// and the server's peak memory (VmHWM) after each.
//   sync_bench [--ops 100000] [--clients 80] [--per-client 1000] [--polls 4000] [--only N]
//              [--download-cases 5000] [--download-tallies 50000]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>
#include <vector>

#include "cli.hpp"
#include "http_server.hpp"
#include "samkoll/store/repository.hpp"
#include "sync_engine.hpp"

using namespace samkoll::core;
using samkoll::client::HttpsClient;
using samkoll::client::SyncEngine;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

/// CPU seconds this process has used so far (user + system).
double ownCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    return s(u.ru_utime) + s(u.ru_stime);
}

std::string admin(std::vector<std::string> args)
{
    std::ostringstream out, err;
    if (samkoll::server::runAdminCli(args, out, err) != 0) {
        std::cerr << "sync_bench: " << err.str();
        std::exit(1);
    }
    return out.str();
}

struct Server {
    pid_t pid = -1;
    std::string url;
    Server(const std::string& db, const std::string& cert, const std::string& key)
    {
        int out[2];
        if (pipe(out) != 0)
            std::exit(1);
        pid = fork();
        if (pid == 0) {
            dup2(out[1], STDOUT_FILENO);
            execl(SAMKOLLD_PATH, SAMKOLLD_PATH, "serve", "--db", db.c_str(), "--cert", cert.c_str(), "--key", key.c_str(),
                  "--address", "127.0.0.1", "--port", "0", "--threads", "2", static_cast<char*>(nullptr));
            _exit(127);
        }
        close(out[1]);
        FILE* f = fdopen(out[0], "r");
        char line[512];
        if (!std::fgets(line, sizeof line, f))
            std::exit(1);
        const std::string text = line;
        url = "https://localhost:" + std::to_string(std::stoi(text.substr(text.find(':', text.find("127.0.0.1")) + 1)));
    }
    ~Server()
    {
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
    }
    /// CPU seconds the server has used so far (user + system).
    double cpuSeconds() const
    {
        std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
        std::string text((std::istreambuf_iterator<char>(in)), {});
        std::istringstream fields(text.substr(text.rfind(')') + 2));
        std::string f;
        double ticks = 0;
        for (int i = 3; i <= 15 && fields >> f; ++i)
            if (i == 14 || i == 15)
                ticks += std::stod(f);
        return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
    }
    long peakMb() const
    {
        std::ifstream in("/proc/" + std::to_string(pid) + "/status");
        std::string line;
        while (std::getline(in, line))
            if (line.rfind("VmHWM:", 0) == 0)
                return std::stol(line.substr(6)) / 1024;
        return -1;
    }
};

Case makeCase(Id team, int i)
{
    Case c;
    c.teamId = team;
    c.code = "B-" + std::to_string(i);
    c.gender = i % 2 ? Gender::Woman : Gender::Man;
    c.birthYear = 1980 + i % 30;
    c.referralDate = Date{2021, 1 + i % 12, 1 + i % 28};
    c.referringParty = ReferringParty::Employment;
    return c;
}

std::unique_ptr<SyncEngine> enrolled(const std::string& dir, const std::string& name, const std::string& db,
                                     const std::string& login, const Server& server, const std::string& ca)
{
    auto code = admin({"enrol-code", "--db", db, "--login", login});
    auto engine = std::make_unique<SyncEngine>(dir + "/" + name + ".db");
    if (auto s = engine->enrol(server.url, code.substr(0, code.find('\n')), name, ca); !s) {
        std::cerr << "sync_bench: " << s.error().describe() << "\n";
        std::exit(1);
    }
    if (auto r = engine->syncOnce(); !r) {
        std::cerr << "sync_bench: " << r.error().describe() << "\n";
        std::exit(1);
    }
    return engine;
}

/// Polls `path` from `threads` threads, `total` requests in all; returns requests/s.
double pollRate(const std::string& url, const std::string& ca, const std::string& token, const std::string& path,
                int threads, int total)
{
    std::atomic<int> left{total};
    std::atomic<int> failures{0};
    const auto t0 = Clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            HttpsClient http(url, ca);
            http.setToken(token);
            while (left.fetch_sub(1) > 0) {
                auto r = http.request("GET", path);
                if (!r || r->status != 200)
                    ++failures;
            }
        });
    for (auto& t : pool)
        t.join();
    const double rate = total / since(t0);
    if (failures)
        std::printf("  (%d failed requests)\n", failures.load());
    return rate;
}

}  // namespace

int main(int argc, char** argv)
{
    int ops = 100000, clients = 80, perClient = 1000, polls = 4000, only = 0, downloadCases = 5000,
        downloadTallies = 50000;
    const std::map<std::string, int*> options{{"--ops", &ops},         {"--clients", &clients},
                                              {"--per-client", &perClient}, {"--polls", &polls},
                                              {"--only", &only},            {"--download-cases", &downloadCases},
                                              {"--download-tallies", &downloadTallies}};
    for (int i = 1; i < argc; i += 2) {
        const auto option = options.find(argv[i]);
        if (option == options.end() || i + 1 >= argc) {
            std::cerr << "sync_bench: unknown option or missing value: " << argv[i] << "\n";
            return 2;
        }
        *option->second = std::stoi(argv[i + 1]);
    }
    const auto dir = (std::filesystem::temp_directory_path() / ("samkoll-sync-bench-" + std::to_string(getpid()))).string();
    std::filesystem::create_directories(dir);
    const std::string db = dir + "/server.db", cert = dir + "/cert.pem", key = dir + "/key.pem";
    admin({"init", "--db", db});
    admin({"federation", "add", "--db", db, "--code", "sf", "--name", "Bänkförbundet"});
    admin({"team", "add", "--db", db, "--code", "t0", "--name", "Team 0"});
    admin({"team", "add", "--db", db, "--code", "t1", "--name", "Team 1"});
    const auto budget = dir + "/budget.json";
    std::ofstream(budget) << admin({"template"});
    admin({"import", "budget", "--db", db, "--file", budget});
    admin({"user", "add", "--db", db, "--login", "r", "--role", "coordinator", "--team", "t1"});
    admin({"cert", "--cert", cert, "--key", key});
    std::ifstream caIn(cert);
    const std::string ca((std::istreambuf_iterator<char>(caIn)), {});
    admin({"user", "add", "--db", db, "--login", "u0", "--role", "coordinator", "--team", "t0"});
    // Part 3: one team per client, so each client downloads only its own rows
    // afterwards and the figure measures the concurrent uploads.
    for (int c = 0; c < clients; ++c) {
        admin({"team", "add", "--db", db, "--code", "p" + std::to_string(c), "--name", "Team p" + std::to_string(c)});
        admin({"user", "add", "--db", db, "--login", "p" + std::to_string(c), "--role", "coordinator", "--team",
               "p" + std::to_string(c)});
    }

    Server server(db, cert, key);

    auto runs = [only](int part) { return only == 0 || only == part; };
    int exitCode = 0;

    // 1. 100 000 operations end to end vs straight inserts.
    if (runs(1)) {
        auto client = enrolled(dir, "c0", db, "u0", server, ca);
        const Id team = Repository(client->database()).team(client->replica().federationId().value(), "t0")->id;
        for (int i = 0; i < ops; ++i)
            (void)client->replica().createCase(makeCase(team, i));
        const double clientCpu0 = ownCpuSeconds(), serverCpu0 = server.cpuSeconds();
        const auto t0 = Clock::now();
        auto r = client->syncOnce();
        const double pushSeconds = since(t0);
        const double clientCpu = ownCpuSeconds() - clientCpu0, serverCpu = server.cpuSeconds() - serverCpu0;
        if (!r || client->status().pending != 0) {
            std::cerr << "sync_bench: push failed\n";
            return 1;
        }
        auto base = Database::open(dir + "/baseline.db");
        Repository repo(**base);
        const Id fed = *repo.addFederation("b", "B");
        const Id bteam = *repo.addTeam(fed, "t0", "T", std::nullopt);
        const auto t1 = Clock::now();
        {
            Transaction tx(**base);
            auto st = (*base)->prepare(
                "INSERT INTO cases (uid, federation_id, team_id, code, gender, birth_year, referral_date, referring_party) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            for (int i = 0; i < ops; ++i) {
                const Case c = makeCase(bteam, i);
                st.bind(1, newUid()).bind(2, fed).bind(3, bteam).bind(4, c.code).bind(5, codeOf(c.gender))
                    .bind(6, *c.birthYear).bind(7, c.referralDate.iso()).bind(8, "af");
                st.run();
            }
            tx.commit();
        }
        const double insertSeconds = since(t1);
        std::printf("1. %d operations pushed over loopback TLS: %.2f s (%.0f ops/s); straight SQLite inserts %.2f s; "
                    "ratio %.1f (goal ≤ 3); server peak memory %ld MB\n"
                    "   CPU during the push: client %.2f s, server %.2f s\n",
                    ops, pushSeconds, ops / pushSeconds, insertSeconds, pushSeconds / insertSeconds, server.peakMb(),
                    clientCpu, serverCpu);
    }

    // 2. Initial download of one förbund: a team with 5 000 cases and 50 000 tally rows.
    if (runs(2)) {
        auto writer = enrolled(dir, "writer", db, "r", server, ca);
        const Id team = Repository(writer->database()).team(writer->replica().federationId().value(), "t1")->id;
        for (int i = 0; i < downloadCases; ++i)
            (void)writer->replica().createCase(makeCase(team, 2000000 + i));
        for (int i = 0; i < downloadTallies; ++i)
            (void)writer->replica().addTally("personal", RespondentGroup::Staff, "t1", "2021", "p_trivs", 1 + i % 6,
                                             i % 2 ? Gender::Woman : Gender::Man, 1, "bench");
        if (!writer->syncOnce() || writer->status().pending != 0) {
            std::cerr << "sync_bench: writer could not upload\n";
            return 1;
        }
        auto reader = std::make_unique<SyncEngine>(dir + "/reader.db");
        auto code = admin({"enrol-code", "--db", db, "--login", "r"});
        (void)reader->enrol(server.url, code.substr(0, code.find('\n')), "reader", ca);
        const auto t0 = Clock::now();
        auto r = reader->syncOnce();
        const double s = since(t0);
        if (!r) {
            std::cerr << "sync_bench: download failed: " << r.error().describe() << "\n";
            return 1;
        }
        std::printf("2. initial download of %d rows (%d cases, %d tally rows): %.2f s, %.0f rows/s; "
                    "server peak memory %ld MB\n",
                    r->pulled, downloadCases, downloadTallies, s, r->pulled / s, server.peakMb());
    }

    // 3. Many clients pushing at once.
    if (runs(3)) {
        std::vector<std::unique_ptr<SyncEngine>> engines;
        for (int c = 0; c < clients; ++c) {
            auto e = enrolled(dir, "m" + std::to_string(c), db, "p" + std::to_string(c), server, ca);
            const Id team = Repository(e->database()).team(e->replica().federationId().value(), "p" + std::to_string(c))->id;
            for (int i = 0; i < perClient; ++i)
                (void)e->replica().createCase(makeCase(team, 1000000 * (c + 1) + i));
            engines.push_back(std::move(e));
        }
        std::atomic<int> failed{0};
        const auto t0 = Clock::now();
        std::vector<std::thread> pool;
        for (auto& e : engines)
            pool.emplace_back([&e, &failed] {
                if (!e->syncWithRetry(5))
                    ++failed;
            });
        for (auto& t : pool)
            t.join();
        const double s = since(t0);
        std::printf("3. %d clients × %d operations at once: %.2f s, %.0f ops/s, %d clients failed; server peak memory %ld MB\n",
                    clients, perClient, s, clients * perClient / s, failed.load(), server.peakMb());
        if (failed)
            exitCode = 1;  // a run with failures is no figure
    }

    // 4. Empty sync polls vs a minimal Beast server on the same transport.
    if (runs(4)) {
        auto poller = enrolled(dir, "poller", db, "u0", server, ca);
        const auto token = poller->replica().state("token").value();
        const auto cursor = poller->replica().cursor();
        const double samkoll =
            pollRate(server.url, ca, token, "/api/v1/sync/pull?cursor=" + std::to_string(cursor), 4, polls);
        samkoll::server::ServerConfig cfg;
        cfg.port = 0;
        cfg.certificateFile = cert;
        cfg.keyFile = key;
        samkoll::server::HttpServer hello(cfg, [](const samkoll::server::Request& req, const std::string&) {
            samkoll::server::Response res{boost::beast::http::status::ok, req.version()};
            res.body() = "hello";
            res.keep_alive(req.keep_alive());
            res.prepare_payload();
            return res;
        });
        const auto port = hello.start();
        std::thread run([&] { hello.run(); });
        const double baseline = pollRate("https://localhost:" + std::to_string(port), ca, "", "/", 4, polls);
        hello.stop();
        run.join();
        std::printf("4. empty sync poll: %.0f requests/s; minimal Beast hello-world: %.0f requests/s; ratio %.0f %% "
                    "(goal ≥ 50 %%); server peak memory %ld MB\n",
                    samkoll, baseline, 100 * samkoll / baseline, server.peakMb());
    }
    std::filesystem::remove_all(dir);
    return exitCode;
}
