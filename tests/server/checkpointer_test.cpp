// SPDX-License-Identifier: GPL-3.0-or-later
// The server copies its write-ahead log into the database file on a thread of
// its own instead of inside a request's commit.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "checkpointer.hpp"

using namespace samkoll::core;
namespace fs = std::filesystem;

TEST_CASE("Checkpoints run beside the commits: the database file catches up with the log", "[server][wal]")
{
    const fs::path dir = fs::temp_directory_path() / ("samkoll-ckpt-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string path = (dir / "server.db").string();
    {
        auto db = std::move(Database::open(path).value());
        db->exec("CREATE TABLE filler (x BLOB)");
        auto checkpointer = std::make_shared<samkoll::server::Checkpointer>(path);
        auto hook = checkpointer->attach(*db);
        const auto before = fs::file_size(path);

        // Well over the 1 000 pages that start a checkpoint, in a few commits.
        const std::string blob(1024 * 1024, 'x');
        for (int i = 0; i < 6; ++i) {
            Transaction tx(*db);
            db->prepare("INSERT INTO filler (x) VALUES (?)").bind(1, blob).run();
            tx.commit();
        }
        CHECK(fs::file_size(path.c_str() + std::string("-wal")) > 4u * 1024 * 1024);

        // The background thread copies the log into the file; bounded wait.
        auto caughtUp = [&] { return fs::file_size(path) >= before + 4u * 1024 * 1024; };
        // ... by the background thread, not inside a commit.
        auto done = [&] { return checkpointer->completed() >= 1; };
        for (int i = 0; i < 500 && !(caughtUp() && done()); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        CHECK(caughtUp());
        CHECK(done());

        // The data is whole, read through a connection of its own.
        auto reader = std::move(Database::open(path).value());
        auto st = reader->prepare("SELECT count(*), sum(length(x)) FROM filler");
        REQUIRE(st.step());
        CHECK(st.integer(0) == 6);
        CHECK(st.integer(1) == 6 * 1024 * 1024);
        db.reset();  // the connection closes before its hook's context goes
        hook.reset();
    }
    fs::remove_all(dir);
}
