// SPDX-License-Identifier: GPL-3.0-or-later
// The database's care: an online backup while another connection keeps
// writing is a consistent, intact snapshot; check tells a whole database from
// a damaged one; restore puts a backup in place and keeps what was there.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "samkoll/store/backup.hpp"
#include "samkoll/store/database.hpp"
#include "samkoll/store/schema.hpp"

using namespace samkoll::core;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() : path(fs::temp_directory_path() / ("samkoll-backup-" + std::to_string(::getpid()))) { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

std::int64_t scalar(Database& db, const std::string& sql)
{
    auto st = db.prepare(sql);
    st.step();
    return st.integer(0);
}

}  // namespace

TEST_CASE("Backup: a copy taken while another connection writes is intact and consistent", "[core][store][backup]")
{
    TempDir dir;
    const auto path = dir.file("server.db");
    auto db = Database::open(path).value();
    db->exec("CREATE TABLE ledger (amount INTEGER NOT NULL)");
    {
        Transaction tx(*db);
        for (int i = 0; i < 20000; ++i)
            db->prepare("INSERT INTO ledger (amount) VALUES (?), (?)").bind(1, i).bind(2, -i).run();
        tx.commit();
    }
    // The writer: every transaction adds a pair that sums to zero, so any
    // consistent snapshot sums to zero and holds an even number of rows.
    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    std::thread writer([&] {
        auto w = Database::open(path).value();
        for (int i = 1; !stop; ++i) {
            Transaction tx(*w);
            w->prepare("INSERT INTO ledger (amount) VALUES (?), (?)").bind(1, i).bind(2, -i).run();
            tx.commit();
            ++written;
        }
    });
    for (int round = 0; round < 5; ++round) {
        const auto copy = dir.file("kopia-" + std::to_string(round) + ".db");
        const int before = written;
        REQUIRE(backupDatabase(*db, copy));
        auto check = checkDatabase(copy);
        REQUIRE(check);
        INFO(check->verdict());
        CHECK(check->ok);
        struct stat st {};
        REQUIRE(::stat(copy.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        auto c = Database::open(copy).value();
        CHECK(scalar(*c, "SELECT sum(amount) FROM ledger") == 0);
        CHECK(scalar(*c, "SELECT count(*) % 2 FROM ledger") == 0);
        CHECK(scalar(*c, "SELECT count(*) FROM ledger") >= 40000 + 2 * before);
        CHECK_FALSE(fs::exists(copy + ".delvis"));
    }
    // The writer was never held up for long: it kept committing through the backups.
    const int seen = written;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(written > seen);
    stop = true;
    writer.join();
}

TEST_CASE("Check: a whole database, a damaged one and a file that is not one", "[core][store][backup]")
{
    TempDir dir;
    const auto path = dir.file("samkoll.db");
    {
        auto db = Database::open(path).value();
        db->exec("CREATE TABLE filler (t TEXT)");
        Transaction tx(*db);
        for (int i = 0; i < 3000; ++i)
            db->prepare("INSERT INTO filler (t) VALUES (?)").bind(1, std::string(200, 'x') + std::to_string(i)).run();
        tx.commit();
        db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    auto whole = checkDatabase(path);
    REQUIRE(whole);
    CHECK(whole->ok);
    CHECK(whole->schemaVersion == currentSchemaVersion());
    CHECK_THAT(whole->verdict(), Catch::StartsWith("Databasen är hel: schemaversion"));

    // Damage pages in the middle of the file (as a failing disk would).
    const auto damaged = dir.file("skadad.db");
    fs::copy_file(path, damaged);
    {
        std::fstream f(damaged, std::ios::in | std::ios::out | std::ios::binary);
        const auto size = fs::file_size(damaged);
        for (std::uintmax_t at = size / 2; at < size / 2 + 3 * 4096 && at < size; at += 97) {
            f.seekp(static_cast<std::streamoff>(at));
            f.put('\x5A');
        }
    }
    auto bad = checkDatabase(damaged);
    if (bad) {
        CHECK_FALSE(bad->ok);
        CHECK_FALSE(bad->problems.empty());
        CHECK_THAT(bad->verdict(), Catch::StartsWith("Databasen har fel:"));
    } else {
        CHECK(bad.error().code == "corrupt");
    }

    const auto text = dir.file("inte.db");
    std::ofstream(text) << "rad;år;månad;belopp\n";
    auto notDb = checkDatabase(text);
    REQUIRE_FALSE(notDb);
    CHECK(notDb.error().code == "corrupt");
    CHECK_THAT(notDb.error().message, Catch::Contains("ingen Samkoll-databas"));
    CHECK_FALSE(checkDatabase(dir.file("saknas.db")));
}

TEST_CASE("Restore: a backup takes the database's place and the previous one is kept", "[core][store][backup]")
{
    TempDir dir;
    const auto path = dir.file("server.db");
    const auto copy = dir.file("natt.db");
    {
        auto db = Database::open(path).value();
        db->exec("CREATE TABLE notes (t TEXT)");
        db->exec("INSERT INTO notes (t) VALUES ('före kopian')");
        REQUIRE(backupDatabase(*db, copy));
        db->exec("INSERT INTO notes (t) VALUES ('efter kopian')");
    }
    auto kept = restoreDatabase(copy, path);
    INFO((kept ? std::string() : kept.error().describe()));
    REQUIRE(kept);
    CHECK(*kept == path + ".fore-aterstallning");
    {
        auto db = Database::open(path).value();
        CHECK(scalar(*db, "SELECT count(*) FROM notes") == 1);
        auto previous = Database::open(*kept).value();
        CHECK(scalar(*previous, "SELECT count(*) FROM notes") == 2);
    }
    // A backup from a newer Samkoll is refused and nothing changes.
    {
        auto newer = Database::open(copy).value();
        newer->exec("PRAGMA user_version = " + std::to_string(currentSchemaVersion() + 1));
    }
    auto refused = restoreDatabase(copy, path);
    REQUIRE_FALSE(refused);
    CHECK_THAT(refused.error().message, Catch::Contains("nyare än denna Samkoll"));
    auto db = Database::open(path).value();
    CHECK(scalar(*db, "SELECT count(*) FROM notes") == 1);
}
