// SPDX-License-Identifier: GPL-3.0-or-later
// Upgrades: a database made by each schema version Samkoll has had — as a
// server and as a device — opens with today's program, is migrated after a
// safety copy of the old file, and keeps every row (tests/fixtures/schema/,
// made once per version by tests/fixtures/make_schema_fixtures.py and never
// regenerated).
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "samkoll/store/backup.hpp"
#include "samkoll/store/database.hpp"
#include "samkoll/store/repository.hpp"
#include "samkoll/store/schema.hpp"
#include "samkoll/sync/replica.hpp"

using namespace samkoll::core;
namespace fs = std::filesystem;

namespace {

struct Fixture {
    std::string path;
    bool device = false;
    int version = 0;
};

std::vector<Fixture> fixtures()
{
    std::vector<Fixture> out;
    const std::regex name(R"((server|device)-v(\d+)\.db)");
    for (const auto& entry : fs::directory_iterator(fs::path(SAMKOLL_SOURCE_DIR) / "tests/fixtures/schema")) {
        std::smatch m;
        const std::string file = entry.path().filename().string();
        if (std::regex_match(file, m, name))
            out.push_back({entry.path().string(), m[1] == "device", std::stoi(m[2])});
    }
    std::sort(out.begin(), out.end(), [](const Fixture& a, const Fixture& b) {
        return std::tie(a.version, a.device) < std::tie(b.version, b.device);
    });
    return out;
}

std::int64_t count(Database& db, const std::string& sql)
{
    auto st = db.prepare(sql);
    REQUIRE(st.step());
    return st.integer(0);
}

}  // namespace

TEST_CASE("Upgrades: a database of every schema version so far migrates with nothing lost", "[core][store][upgrade]")
{
    const auto all = fixtures();
    // One server database per version, a device database from the client's first (4).
    REQUIRE(static_cast<int>(std::count_if(all.begin(), all.end(), [](const Fixture& f) { return !f.device; })) ==
            currentSchemaVersion());
    REQUIRE(static_cast<int>(std::count_if(all.begin(), all.end(), [](const Fixture& f) { return f.device; })) ==
            currentSchemaVersion() - 3);

    const fs::path work = fs::temp_directory_path() / ("samkoll-fixtures-" + std::to_string(::getpid()));
    fs::remove_all(work);
    fs::create_directories(work);
    for (const auto& f : all) {
        const std::string kind = f.device ? "device" : "server";
        DYNAMIC_SECTION(kind << " database of schema version " << f.version)
        {
            const auto copy = (work / fs::path(f.path).filename()).string();
            fs::copy_file(f.path, copy, fs::copy_options::overwrite_existing);
            auto before = checkDatabase(copy);
            REQUIRE(before);
            CHECK(before->schemaVersion == f.version);  // the fixture is what it says

            auto opened = Database::open(copy);
            INFO((opened ? std::string() : opened.error().describe()));
            REQUIRE(opened);
            Database& db = **opened;
            CHECK(db.schemaVersion() == currentSchemaVersion());
            // The old file was kept before the upgrade.
            if (f.version < currentSchemaVersion())
                CHECK(fs::exists(copy + ".fore-schema-" + std::to_string(f.version)));

            // Every row of the first version, read through today's code.
            Repository repo(db);
            CHECK(count(db, "SELECT count(*) FROM cases") == (f.device ? 5 : 4));
            auto first = repo.caseByUid("c-1");
            REQUIRE(first);
            CHECK(first->code == "VNS-2021-001");
            CHECK(first->exitDate == Date{2021, 9, 30});
            CHECK(first->birthYear == 1984);
            CHECK(count(db, "SELECT deleted FROM cases WHERE uid = 'c-4'") == 1);
            CHECK(count(db, "SELECT total FROM tally_total WHERE option_no = 3 AND gender = 'woman'") == 4);
            CHECK(count(db, "SELECT count(*) FROM tally_delta") == 3);
            CHECK(count(db, "SELECT count(*) FROM story WHERE title = 'Ny chans'") == 1);
            CHECK(count(db, "SELECT women FROM composition WHERE year = 2021") == 3);
            CHECK(count(db, "SELECT count(*) FROM hae_statistic WHERE kommun_id = 1") == 2);
            CHECK(count(db, "SELECT count(*) FROM manual_assessment WHERE motivation = 'Sammanställningen finns.'") == 1);
            CHECK(count(db, "SELECT count(*) FROM period_lock WHERE year = 2020") == 1);
            if (!f.device && f.version >= 3)
                CHECK(count(db, "SELECT count(*) FROM device WHERE id = 'd-fixture' AND revoked_at IS NULL") == 1);
            if (!f.device && f.version >= 8) {
                // Budget and utfall in öre, as entered.
                CHECK(count(db, "SELECT sum(amount) FROM line_budget WHERE year = 2021") == 15'700'000 - 1'200'000'000);
                CHECK(count(db, "SELECT count(*) FROM opening_equity WHERE amount = 225400000") == 1);
            }
            if (f.device) {
                // The device's identity, cursor and its unsent change survive.
                Replica replica(db, "d-fixture");
                CHECK(replica.state("device_id") == std::optional<std::string>("d-fixture"));
                CHECK(replica.state("cursor") == std::optional<std::string>("17"));
                CHECK(replica.pendingCount() == 1);
                const auto pending = replica.pending(0, 10);
                REQUIRE(pending.size() == 1);
                CHECK(pending[0].uid == "c-5");
                CHECK(pending[0].fields.at("code") == std::optional<std::string>("VNS-2021-005"));
            }
            opened->reset();
            auto after = checkDatabase(copy);
            REQUIRE(after);
            INFO(after->verdict());
            CHECK(after->ok);
        }
    }
    fs::remove_all(work);
}
