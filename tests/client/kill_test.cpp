// SPDX-License-Identifier: GPL-3.0-or-later
// Killing the client at any moment loses nothing that was saved: a process
// saving cases is SIGKILLed at random moments; every case it reported saved
// is in the database, which is intact, with exactly one queued operation per case.
#include <sys/prctl.h>
#include <csignal>
#include <random>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include "client_fixtures.hpp"
#include "server_process.hpp"

using namespace samkoll::test;

TEST_CASE("Killing the client mid-work loses nothing that was reported saved", "[client][crash]")
{
    TempDir dir;
    const auto db = dir.file("device.db");
    seedDevice(db, 0);
    std::mt19937 rng(7);
    int reported = 0;
    for (int round = 0; round < envCount("SAMKOLL_KILLS", 6); ++round) {
        int out[2];
        REQUIRE(pipe(out) == 0);
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            // Dies with the test: a test that aborts must not leave a child holding ctest's output open.
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            close(out[1]);
            execl(KILL_HELPER_PATH, KILL_HELPER_PATH, db.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        close(out[1]);
        FILE* in = fdopen(out[0], "r");
        // Let it save a random number of cases, then kill it wherever it is.
        const int target = std::uniform_int_distribution<int>(3, 25)(rng);
        char line[256];
        int seen = 0;
        while (seen < target && std::fgets(line, sizeof line, in)) {
            INFO(line);
            REQUIRE(std::string(line).rfind("saved ", 0) == 0);
            ++seen;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(0, 3000)(rng)));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        while (std::fgets(line, sizeof line, in))  // confirmations still in the pipe
            if (std::string(line).rfind("saved ", 0) == 0)
                ++seen;
        std::fclose(in);
        reported += seen;
        INFO("round " << round << ", reported saved so far " << reported);

        auto d = samkoll::core::Database::openExisting(db);
        REQUIRE(d);
        auto check = (*d)->prepare("PRAGMA integrity_check");
        REQUIRE(check.step());
        CHECK(check.text(0) == "ok");
        auto count = [&](const char* sql) {
            auto st = (*d)->prepare(sql);
            st.step();
            return st.integer(0);
        };
        const auto cases = count("SELECT count(*) FROM cases WHERE code LIKE 'KILL-%'");
        // Every confirmed save is there (one more may have committed before it was confirmed).
        CHECK(cases >= reported);
        CHECK(cases <= reported + 1);
        // Each case and its outbox entry were written together.
        CHECK(count("SELECT count(*) FROM outbox") == cases);
        CHECK(count("SELECT count(*) FROM cases c WHERE code LIKE 'KILL-%' AND NOT EXISTS "
                    "(SELECT 1 FROM outbox o WHERE o.uid = c.uid)") == 0);
        reported = static_cast<int>(cases);  // the next process continues from the stored count
    }
}
