// SPDX-License-Identifier: GPL-3.0-or-later
// The finance store: units, lines, budgets with versions, utfall, prognos,
// equity roll-forward and period locks, read back as the follow-up's figures.
#include "fixtures.hpp"

#include <sqlite3.h>

#include <filesystem>

#include "samkoll/finance/finance_store.hpp"
#include "samkoll/io/csv.hpp"
#include "samkoll/store/backup.hpp"
#include "samkoll/store/schema.hpp"

using namespace samkoll::test;
using namespace samkoll::core::finance;

namespace {

struct FinanceFixture : Fixture {
    FinanceStore store{*db};
    FinanceFixture() : Fixture(false)
    {
        REQUIRE(store.addUnit(fed, "SAMO", "Ordinarie verksamhet", false));
        REQUIRE(store.addLine(fed, {"avgift-ka", "Medlemsavgift Kommun A", LineGroup::Income, "SAMO", "", "ka"}));
        REQUIRE(store.addLine(fed, {"kansli", "Kanslipersonal", LineGroup::Administration, "SAMO", "", ""}));
        REQUIRE(store.addLine(fed, {"insats-ta", "Samordningsteamet A", LineGroup::Interventions, "SAMO", "ta", ""}));
    }
};

}  // namespace

TEST_CASE("Finance store: lines, budgets with versions, utfall and prognos read back as figures", "[core][finance][store]")
{
    FinanceFixture fx;
    REQUIRE(fx.store.setBudget(fx.fed, "avgift-ka", 2021, kronor(2'000'000)));
    REQUIRE(fx.store.setBudget(fx.fed, "kansli", 2021, kronor(-1'200'000)));
    REQUIRE(fx.store.setBudget(fx.fed, "insats-ta", 2021, kronor(-600'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "kansli", 2021, 1, kronor(-100'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "kansli", 2021, 1, kronor(-90'000)));  // a correction replaces it
    REQUIRE(fx.store.setOutcome(fx.fed, "kansli", 2020, 1, kronor(-80'000)));
    REQUIRE(fx.store.setForecast(fx.fed, "kansli", 2021, kronor(-1'150'000)));

    auto figures = fx.store.yearFigures(fx.fed, 2021);
    REQUIRE(figures);
    REQUIRE(figures->size() == 3);
    const auto& kansli = (*figures)[1];
    CHECK(kansli.code == "kansli");
    CHECK(kansli.group == LineGroup::Administration);
    CHECK(kansli.budgetYear == kronor(-1'200'000));
    CHECK(kansli.outcome[0] == kronor(-90'000));
    CHECK(kansli.outcomePriorYear[0] == kronor(-80'000));
    CHECK(kansli.forecast == kronor(-1'150'000));
    CHECK(fx.store.allocation(fx.fed, 2021).value() == kronor(2'000'000));  // the member line

    SECTION("a revised budget is a new version; the original stays")
    {
        REQUIRE(fx.store.reviseBudget(fx.fed, "kansli", 2021, kronor(-1'300'000)));
        CHECK(fx.store.yearFigures(fx.fed, 2021)->at(1).budgetYear == kronor(-1'300'000));
        CHECK(fx.count("line_budget") == 4);
    }
    SECTION("a monthly budget: the year is its sum")
    {
        std::array<Amount, 12> months{};
        months[0] = kronor(-50'000);
        months[6] = kronor(-70'000);
        REQUIRE(fx.store.setBudget(fx.fed, "insats-ta", 2021, 0, months));
        const auto f = fx.store.yearFigures(fx.fed, 2021)->at(2);
        CHECK(f.budgetYear == kronor(-120'000));
        REQUIRE(f.budgetMonths);
        CHECK((*f.budgetMonths)[6] == kronor(-70'000));
    }
    SECTION("unknown lines, units and teams are named")
    {
        auto line = fx.store.setOutcome(fx.fed, "nope", 2021, 1, 1);
        REQUIRE_FALSE(line);
        CHECK(line.error().field == "line");
        auto unit = fx.store.addLine(fx.fed, {"x", "X", LineGroup::Operations, "NOPE", "", ""});
        REQUIRE_FALSE(unit);
        CHECK(unit.error().field == "unit");
        auto dup = fx.store.addLine(fx.fed, {"kansli", "Igen", LineGroup::Operations, "SAMO", "", ""});
        REQUIRE_FALSE(dup);
        CHECK(dup.error().code == "duplicate");
        CHECK_FALSE(fx.store.setOutcome(fx.fed, "kansli", 2021, 13, 1));
    }
}

TEST_CASE("Finance store: opening equity rolls forward, and a locked year refuses changes", "[core][finance][store]")
{
    FinanceFixture fx;
    CHECK_FALSE(fx.store.openingEquity(fx.fed, 2020));  // nothing entered yet: says so
    REQUIRE(fx.store.setOpeningEquity(fx.fed, 2020, kronor(2'500'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "avgift-ka", 2020, 3, kronor(1'000'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "kansli", 2020, 6, kronor(-1'300'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "kansli", 2021, 6, kronor(-100'000)));
    CHECK(fx.store.openingEquity(fx.fed, 2020).value() == kronor(2'500'000));
    CHECK(fx.store.openingEquity(fx.fed, 2021).value() == kronor(2'200'000));  // 2 500 + 1 000 − 1 300
    CHECK(fx.store.openingEquity(fx.fed, 2022).value() == kronor(2'100'000));

    REQUIRE(fx.repo->lockYear(fx.fed, 2021, "kansliet", "{}"));
    auto refused = fx.store.setOutcome(fx.fed, "kansli", 2021, 7, kronor(-1));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "locked_period");
    CHECK(refused.error().message.find("2021") != std::string::npos);
    CHECK_FALSE(fx.store.setBudget(fx.fed, "kansli", 2021, 1));
    CHECK_FALSE(fx.store.setForecast(fx.fed, "kansli", 2021, 1));
    CHECK(fx.store.setOutcome(fx.fed, "kansli", 2022, 1, kronor(-1)));  // the next year is open
}

TEST_CASE("Finance store: several years from one read agree with a year at a time", "[core][finance][store]")
{
    FinanceFixture fx;
    // 2019 without an opening (counts from 0), 2020 entered, 2021 rolled, 2022 entered again.
    REQUIRE(fx.store.setOpeningEquity(fx.fed, 2020, kronor(2'500'000)));
    REQUIRE(fx.store.setOpeningEquity(fx.fed, 2022, kronor(900'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "kansli", 2019, 2, kronor(-70'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "avgift-ka", 2020, 3, kronor(1'000'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "kansli", 2020, 6, kronor(-1'300'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "kansli", 2021, 6, kronor(-100'000)));
    REQUIRE(fx.store.setOutcome(fx.fed, "kansli", 2022, 9, kronor(-40'000)));
    REQUIRE(fx.store.setBudget(fx.fed, "kansli", 2021, kronor(-1'200'000)));
    REQUIRE(fx.store.reviseBudget(fx.fed, "kansli", 2021, kronor(-1'250'000)));
    REQUIRE(fx.store.setBudget(fx.fed, "avgift-ka", 2022, kronor(2'000'000)));
    REQUIRE(fx.store.setForecast(fx.fed, "kansli", 2022, kronor(-500'000)));

    const auto range = MonthRange::tertialToDate(2);
    auto years = followUpYears(fx.store, fx.fed, 2019, 2023, range);
    REQUIRE(years);
    REQUIRE(years->size() == 5);
    for (int y = 2019; y <= 2023; ++y) {
        INFO(y);
        const auto one = followUp(fx.store, fx.fed, y, range).value();
        const auto& many = (*years)[static_cast<std::size_t>(y - 2019)];
        CHECK(many.equity.opening == one.equity.opening);
        CHECK(many.equity.openingKnown == one.equity.openingKnown);
        CHECK(many.equity.closingForecast == one.equity.closingForecast);
        CHECK(many.equity.maximum == one.equity.maximum);
        CHECK(many.report.result.outcome == one.report.result.outcome);
        CHECK(many.report.result.budgetYear == one.report.result.budgetYear);
        CHECK(many.report.result.outcomePriorYear == one.report.result.outcomePriorYear);
        CHECK(many.report.result.forecast == one.report.result.forecast);
    }
    // Hand-checked: 2021 opens at 2 500 + 1 000 − 1 300 = 2 200 tkr; 2022's entered 900 wins over the roll (2 100).
    CHECK((*years)[0].equity.openingKnown == false);
    CHECK((*years)[2].equity.opening == kronor(2'200'000));
    CHECK((*years)[2].report.result.budgetYear == kronor(-1'250'000));  // the revised version
    CHECK((*years)[3].equity.opening == kronor(900'000));
    CHECK((*years)[4].equity.opening == kronor(860'000));
    CHECK((*years)[4].hasFigures == false);
    CHECK((*years)[3].hasFigures);
    CHECK_FALSE(followUpYears(fx.store, fx.fed, 2022, 2021, range));
}

TEST_CASE("Kronor as typed: grouping, decimal comma, minus signs, exact öre", "[core][finance]")
{
    using samkoll::core::parseKronor;
    CHECK(parseKronor("125000") == 12'500'000);
    CHECK(parseKronor("-1 234 567,50") == -123'456'750);
    CHECK(parseKronor("\u2212" "12,5") == -1'250);
    CHECK(parseKronor("0,05") == 5);
    CHECK(parseKronor("1.5") == 150);
    CHECK_FALSE(parseKronor("1,234"));  // three decimals: not kronor and öre
    CHECK_FALSE(parseKronor("tio"));
    CHECK_FALSE(parseKronor(""));
    CHECK_FALSE(parseKronor("-"));
}

TEST_CASE("Finance store: a version 8 database's budgets, utfall per source and prognos survive the move to version 9",
          "[core][finance][store][migration]")
{
    const auto path = std::filesystem::temp_directory_path() / ("samkoll-v8-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
        auto exec = [&](std::string_view sql) {
            char* message = nullptr;
            const int rc = sqlite3_exec(raw, std::string(sql).c_str(), nullptr, nullptr, &message);
            INFO((message ? message : ""));
            sqlite3_free(message);
            REQUIRE(rc == SQLITE_OK);
        };
        const auto migrations = samkoll::core::schemaMigrations();
        for (std::size_t i = 0; i < 8; ++i)
            exec(migrations[i]);
        exec("PRAGMA user_version = 8");
        exec("INSERT INTO federation (id, code, name) VALUES (1, 'sf', 'Förbundet')");
        exec("INSERT INTO budget_unit (id, federation_id, code, name) VALUES (1, 1, 'SAMO', 'Ordinarie')");
        exec("INSERT INTO budget_line (id, federation_id, unit_id, code, name, line_group, position) "
             "VALUES (1, 1, 1, 'kansli', 'Kansli', 'administration', 1)");
        exec("INSERT INTO line_budget (line_id, year, version, month, amount) VALUES (1, 2025, 1, 0, -100000), "
             "(1, 2025, 2, 0, -120000)");
        exec("INSERT INTO line_outcome (line_id, year, month, source, amount) VALUES (1, 2025, 1, 'sie', -9000), "
             "(1, 2025, 1, 'entered', -8000), (1, 2025, 2, 'csv', -7000), (1, 2024, 12, 'sie', -6000)");
        exec("INSERT INTO line_forecast (line_id, year, amount) VALUES (1, 2025, -110000)");
        sqlite3_close(raw);
    }
    {
        auto db = Database::open(path.string());
        REQUIRE(db);
        CHECK((*db)->schemaVersion() == samkoll::core::currentSchemaVersion());
        // The database as it was stays beside it, readable and at version 8.
        const auto kept = path.string() + ".fore-schema-8";
        REQUIRE(std::filesystem::exists(kept));
        auto before = samkoll::core::checkDatabase(kept);
        INFO((before ? std::string() : before.error().describe()));
        REQUIRE(before);
        CHECK(before->ok);
        CHECK(before->schemaVersion == 8);
        std::filesystem::remove(kept);
        FinanceStore store(**db);
        auto figures = store.yearFigures(1, 2025);
        REQUIRE(figures);
        REQUIRE(figures->size() == 1);
        const auto& f = figures->front();
        CHECK(f.budgetYear == -120000);           // the version in force
        CHECK(f.outcome[0] == -8000);             // entered wins over SIE (not their sum)
        CHECK(f.outcome[1] == -7000);
        CHECK(f.outcomePriorYear[11] == -6000);
        CHECK(f.forecast == -110000);
        // The original budget version is still there.
        auto versions = (*db)->prepare("SELECT count(*) FROM line_budget WHERE month = 0");
        REQUIRE(versions.step());
        CHECK(versions.integer(0) == 2);
    }
    std::filesystem::remove(path);
}
