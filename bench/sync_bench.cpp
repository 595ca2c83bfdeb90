// SPDX-License-Identifier: GPL-3.0-or-later
// Sync over loopback TLS against the real samkolld binary. Prints figures, each
// beside a baseline measured in the same run; asserts nothing about time.
//   1. 100 000 operations pushed end to end vs the same rows inserted straight into SQLite
//   2. first download of one team (5 000 cases, 50 000 tally rows) and of a whole
//      förbund by the kansli (7 such teams), rows/s, beside a plain SELECT of
//      the rows on the server and a plain INSERT of them on a device
//   3. 80 clients pushing 1 000 operations each at once
//   4. requests/s of an empty sync poll vs a minimal Beast server (same transport, TLS)
// and the server's peak memory (VmHWM) after each.
//   sync_bench [--ops 100000] [--clients 80] [--per-client 1000] [--polls 4000] [--only N]
//              [--download-cases 5000] [--download-tallies 50000] [--download-teams 7]
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
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
#include "samkoll/demo/bulk_history.hpp"
#include "samkoll/store/repository.hpp"
#include "samkoll/store/uid.hpp"
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
            // The request log to a file, as it would go to the journal (not to this terminal).
            const int log = ::open((db + ".log").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
            if (log >= 0) {
                dup2(log, STDERR_FILENO);
                close(log);
            }
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

/// This process's peak resident memory (VmHWM), MB.
long ownPeakMb()
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6)) / 1024;
    return -1;
}

/// Part 2: `teams` teams, each with `cases` cases and `tallies` tally rows
/// over five years, written straight into a server database; then the first
/// download of one team by its coordinator and of everything by the kansli,
/// each beside a plain SELECT of the same rows on the server and a plain
/// INSERT of them into a device database, measured in the same run.
void downloadBenchmark(const std::string& dir, const std::string& ca, const std::string& cert, const std::string& key,
                       int cases, int tallies, int teams)
{
    const std::string db = dir + "/download.db";
    admin({"init", "--db", db});
    admin({"federation", "add", "--db", db, "--code", "sf", "--name", "Nedladdningsförbundet"});
    const auto budget = dir + "/budget.json";
    std::ofstream(budget) << admin({"template"});
    admin({"import", "budget", "--db", db, "--file", budget});
    for (int t = 0; t < teams; ++t)
        admin({"team", "add", "--db", db, "--code", "d" + std::to_string(t), "--name", "Team d" + std::to_string(t)});
    admin({"user", "add", "--db", db, "--login", "coordinator", "--role", "coordinator", "--team", "d0"});
    admin({"user", "add", "--db", db, "--login", "kansli", "--role", "central_office"});
    {
        auto d = Database::open(db);
        Repository repo(**d);
        const Id fed = repo.federation("sf")->id;
        for (int t = 0; t < teams; ++t)
            if (auto s = writeBulkHistory(**d, fed, {"d" + std::to_string(t), 2021, 5, cases, tallies}); !s) {
                std::cerr << "sync_bench: " << s.error().describe() << "\n";
                std::exit(1);
            }
    }
    // The same rows read plainly on the server (one team's, or all).
    auto plainSelect = [&](bool oneTeam) {
        auto d = Database::openExisting(db);
        const auto t0 = Clock::now();
        std::int64_t n = 0;
        const std::string where = oneTeam ? " WHERE team_id = (SELECT id FROM team WHERE code = 'd0')" : "";
        auto c = (*d)->prepare("SELECT uid, team_id, code, gender, birth_year, referral_date, referring_party, decision, "
                               "decision_date, start_date, exit_date, exit_outcome, income_support, education, "
                               "support_duration FROM cases" + where);
        while (c.step())
            n += static_cast<std::int64_t>(c.view(0).size());
        auto t = (*d)->prepare("SELECT t.uid, t.round_id, t.question_id, t.option_no, t.gender, t.delta, t.entered_by, "
                               "t.entered_at, t.batch FROM tally_delta t JOIN survey_round r ON r.id = t.round_id" +
                               std::string(oneTeam ? " WHERE r.team_id = (SELECT id FROM team WHERE code = 'd0')" : ""));
        while (t.step())
            n += static_cast<std::int64_t>(t.view(0).size());
        return n > 0 ? since(t0) : 0.0;
    };
    // The same number of rows inserted plainly into a device database (the
    // device's schema, indexes and triggers; prepared statements, one transaction).
    auto plainInsert = [&](const std::string& name, int teamCount) {
        const std::string file = dir + "/" + name + ".db";
        admin({"init", "--db", file});
        admin({"federation", "add", "--db", file, "--code", "sf", "--name", "N"});
        admin({"import", "budget", "--db", file, "--file", budget});
        for (int t = 0; t < teamCount; ++t)
            admin({"team", "add", "--db", file, "--code", "d" + std::to_string(t), "--name", "T"});
        auto d = Database::open(file);
        Repository repo(**d);
        const Id fed = repo.federation("sf")->id;
        (*d)->exec("INSERT INTO sync_state (key, value) VALUES ('federation', 'sf')");
        auto q = (*d)->prepare("SELECT id FROM question WHERE code = 'p_trivs'");
        q.step();
        const Id question = q.integer(0);
        q.reset();
        std::vector<Id> rounds, teamIds;
        for (int t = 0; t < teamCount; ++t) {
            teamIds.push_back(repo.team(fed, "d" + std::to_string(t))->id);
            for (int y = 0; y < 5; ++y)
                rounds.push_back(*repo.ensureRound(fed, "personal", RespondentGroup::Staff, teamIds.back(),
                                                   *Period::range(Date{2021 + y, 1, 1}, Date{2021 + y, 12, 31}), std::nullopt));
        }
        const auto t0 = Clock::now();
        Transaction tx(**d);
        auto c = (*d)->prepare("INSERT INTO cases (uid, federation_id, team_id, code, gender, birth_year, referral_date, "
                               "referring_party, decision, decision_date, start_date) VALUES (?, ?, ?, ?, ?, ?, ?, 'af', ?, ?, ?)");
        auto t = (*d)->prepare("INSERT INTO tally_delta (uid, round_id, question_id, option_no, gender, delta, entered_by, "
                               "entered_at, batch) VALUES (?, ?, ?, ?, ?, 1, 'bulk', '2021-06-01T10:00:00Z', ?)");
        for (int team = 0; team < teamCount; ++team) {
            for (int i = 0; i < cases; ++i)
                c.bind(1, newUid()).bind(2, fed).bind(3, teamIds[static_cast<std::size_t>(team)])
                    .bind(4, "H-" + std::to_string(i)).bind(5, i % 2 ? "woman" : "man").bind(6, 1970 + i % 40)
                    .bind(7, "2021-03-04").bind(8, "yes").bind(9, "2021-03-04").bind(10, "2021-03-05").run();
            for (int i = 0; i < tallies; ++i)
                t.bind(1, newUid()).bind(2, rounds[static_cast<std::size_t>(team * 5 + i % 5)]).bind(3, question)
                    .bind(4, 1 + i % 6).bind(5, i % 2 ? "woman" : "man").bind(6, "bulk-" + std::to_string(i / 50)).run();
        }
        tx.commit();
        return since(t0);
    };

    Server server(db, cert, key);
    auto download = [&](const std::string& login, const std::string& label, const std::string& name, int teamCount) {
        auto device = std::make_unique<SyncEngine>(dir + "/" + name + ".db");
        auto code = admin({"enrol-code", "--db", db, "--login", login});
        if (auto s = device->enrol(server.url, code.substr(0, code.find('\n')), name, ca); !s) {
            std::cerr << "sync_bench: " << s.error().describe() << "\n";
            std::exit(1);
        }
        const auto t0 = Clock::now();
        auto r = device->syncOnce();
        const double seconds = since(t0);
        if (!r) {
            std::cerr << "sync_bench: download failed: " << r.error().describe() << "\n";
            std::exit(1);
        }
        const double select = plainSelect(teamCount == 1);
        const double insert = plainInsert(name + "-plain", teamCount);
        std::printf("   %s: %d rows in %.2f s = %.0f rows/s (goal ≥ 50 000); plain SELECT on the server %.2f s + plain "
                    "INSERT on a device %.2f s; ratio %.1f (goal ≤ 3); peak memory: server %ld MB, this process %ld MB\n",
                    label.c_str(), r->pulled, seconds, r->pulled / seconds, select, insert, seconds / (select + insert),
                    server.peakMb(), ownPeakMb());
    };
    std::printf("2. first download, %d teams × (%d cases + %d tally rows) over five years:\n", teams, cases, tallies);
    download("coordinator", "one team (a coordinator's new computer)", "team-device", 1);
    download("kansli", "the whole förbund (a kansli device)", "kansli-device", teams);
}

}  // namespace

int main(int argc, char** argv)
{
    int ops = 100000, clients = 80, perClient = 1000, polls = 4000, only = 0, downloadCases = 5000,
        downloadTallies = 50000, downloadTeams = 7;
    const std::map<std::string, int*> options{{"--ops", &ops},         {"--clients", &clients},
                                              {"--per-client", &perClient}, {"--polls", &polls},
                                              {"--only", &only},            {"--download-cases", &downloadCases},
                                              {"--download-tallies", &downloadTallies},
                                              {"--download-teams", &downloadTeams}};
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

    // 2. First downloads, on a database of their own: a coordinator's new
    // computer (one team's history) and a kansli device (the whole förbund).
    if (runs(2))
        downloadBenchmark(dir, ca, cert, key, downloadCases, downloadTallies, downloadTeams);

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
