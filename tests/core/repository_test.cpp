// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixtures.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <unistd.h>

#include "samkoll/store/schema.hpp"

using namespace samkoll::test;

TEST_CASE("Schema is versioned and migrations are applied once", "[core][store]")
{
    // Unique per process: the normal and sanitizer builds may run at once.
    const std::string path = "repository_test_schema-" + std::to_string(::getpid()) + ".db";
    std::remove(path.c_str());
    {
        auto db = Database::open(path);
        REQUIRE(db);
        CHECK((*db)->schemaVersion() == currentSchemaVersion());
        Repository repo(**db);
        REQUIRE(repo.addFederation("f", "F"));
    }
    {
        auto db = Database::open(path);  // reopen: no migration re-run, data kept
        REQUIRE(db);
        Repository repo(**db);
        CHECK(repo.federations()->size() == 1);
        auto st = (*db)->prepare("PRAGMA journal_mode");
        st.step();
        CHECK(st.text(0) == "wal");
        auto fk = (*db)->prepare("PRAGMA foreign_keys");
        fk.step();
        CHECK(fk.integer(0) == 1);
    }
    for (const char* suffix : {"", "-wal", "-shm"})
        std::remove((path + suffix).c_str());
}

TEST_CASE("A file that is not a Samkoll database is refused and left untouched", "[core][store]")
{
    const std::string path = "repository_test_garbage-" + std::to_string(::getpid()) + ".db";
    {
        std::FILE* f = std::fopen(path.c_str(), "wb");
        std::fputs("this is not a database, just text that someone saved with the wrong name", f);
        std::fclose(f);
    }
    auto db = Database::open(path);
    REQUIRE_FALSE(db);
    CHECK(db.error().message.find(path) != std::string::npos);
    std::FILE* f = std::fopen(path.c_str(), "rb");
    char buf[16] = {};
    REQUIRE(std::fread(buf, 1, 15, f) == 15);
    std::fclose(f);
    CHECK(std::string(buf) == "this is not a d");
    std::remove(path.c_str());

    auto missing = Database::openExisting("no/such/dir/file.db");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.find("samkolld init") != std::string::npos);
}

TEST_CASE("Cases: create, update, personnummer, team change, duplicates, tombstones", "[core][store][case]")
{
    Fixture fx(false);
    Case c = fx.startedCase(fx.teamA, Gender::Woman, {2021, 3, 1});
    const auto uid = fx.save(c);
    auto loaded = fx.repo->caseByUid(uid);
    REQUIRE(loaded);
    CHECK(loaded->code == c.code);
    CHECK(loaded->startDate == c.startDate);
    CHECK(loaded->referringParty == ReferringParty::Employment);

    SECTION("update keeps the uid")
    {
        loaded->exitDate = Date{2021, 9, 1};
        loaded->exitOutcome = ExitOutcome::Studies;
        loaded->incomeSupport = {IncomeSupport::SocialAssistance, IncomeSupport::StudentAid};
        CHECK(fx.save(*loaded) == uid);
        auto again = fx.repo->caseByUid(uid);
        CHECK(again->exitOutcome == ExitOutcome::Studies);
        CHECK(again->incomeSupport.size() == 2);
        CHECK(fx.count("cases") == 1);
    }
    SECTION("a personnummer is refused and nothing is stored")
    {
        Case p = fx.startedCase(fx.teamA, Gender::Man, {2021, 3, 1});
        p.code = "19850101-1234";
        auto r = fx.repo->saveCase(p, Date{2026, 1, 1});
        REQUIRE_FALSE(r);
        CHECK(r.error().field == "code");
        CHECK(fx.count("cases") == 1);
    }
    SECTION("the team never changes")
    {
        loaded->teamId = fx.teamB;
        auto r = fx.repo->saveCase(*loaded, Date{2026, 1, 1});
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "team_change");
    }
    SECTION("codes are unique per team, not per förbund")
    {
        Case dup = fx.startedCase(fx.teamA, Gender::Man, {2021, 4, 1});
        dup.code = c.code;
        auto r = fx.repo->saveCase(dup, Date{2026, 1, 1});
        REQUIRE_FALSE(r);
        CHECK(r.error().field == "code");
        dup.teamId = fx.teamB;
        CHECK(fx.repo->saveCase(dup, Date{2026, 1, 1}));
    }
    SECTION("delete is a tombstone")
    {
        REQUIRE(fx.repo->deleteCase(uid));
        CHECK_FALSE(fx.repo->caseByUid(uid));
        CHECK(fx.count("cases") == 1);
        CHECK(fx.repo->casesOfTeam(fx.teamA)->empty());
    }
}

TEST_CASE("A locked year refuses changes to its figures and keeps other years open", "[core][store][lock]")
{
    Fixture fx;
    Case spanning = fx.startedCase(fx.teamA, Gender::Woman, {2021, 10, 1});
    const auto uid = fx.save(spanning);
    Case old = fx.startedCase(fx.teamA, Gender::Man, {2021, 2, 1}, Date{2021, 6, 1}, ExitOutcome::Work);
    const auto oldUid = fx.save(old);
    REQUIRE(fx.repo->lockYear(fx.fed, 2021, "kansliet", "{}"));
    CHECK(fx.repo->isLocked(fx.fed, 2021));

    SECTION("exiting in 2022 a case that ran in 2021 is allowed")
    {
        spanning.uid = uid;
        spanning.exitDate = Date{2022, 3, 1};
        spanning.exitOutcome = ExitOutcome::Work;
        CHECK(fx.repo->saveCase(spanning, Date{2026, 1, 1}));
    }
    SECTION("changing a 2021 outcome is refused with the year and nothing changes")
    {
        old.uid = oldUid;
        old.exitOutcome = ExitOutcome::Studies;
        auto r = fx.repo->saveCase(old, Date{2026, 1, 1});
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "locked_period");
        CHECK(r.error().message.find("2021") != std::string::npos);
        CHECK(fx.repo->caseByUid(oldUid)->exitOutcome == ExitOutcome::Work);
    }
    SECTION("changing the gender of a 2021 participant is refused")
    {
        spanning.uid = uid;
        spanning.gender = Gender::Man;
        CHECK_FALSE(fx.repo->saveCase(spanning, Date{2026, 1, 1}));
    }
    SECTION("a new case started in 2021 is refused, one in 2022 is fine")
    {
        CHECK_FALSE(fx.repo->saveCase(fx.startedCase(fx.teamB, Gender::Woman, {2021, 12, 1}), Date{2026, 1, 1}));
        CHECK(fx.repo->saveCase(fx.startedCase(fx.teamB, Gender::Woman, {2022, 1, 10}), Date{2026, 1, 1}));
    }
    SECTION("deleting a 2021 case is refused")
    {
        CHECK_FALSE(fx.repo->deleteCase(oldUid));
    }
    SECTION("other inputs of the locked year")
    {
        CHECK_FALSE(fx.repo->setComposition({fx.fed, std::nullopt, CompositionBody::Board, 2021, 5, 5}));
        CHECK(fx.repo->setComposition({fx.fed, std::nullopt, CompositionBody::Board, 2022, 5, 5}));
        CHECK_FALSE(fx.repo->setComposition({fx.fed, std::nullopt, CompositionBody::PartnerManagers, 2021, 2, 2}));
        CHECK(fx.repo->setComposition({fx.fed, std::nullopt, CompositionBody::PartnerManagers, 2022, 2, 2}));
        Story s;
        s.federationId = fx.fed;
        s.teamId = fx.teamA;
        s.date = {2021, 5, 5};
        s.title = "Rubrik";
        s.text = "Text";
        CHECK_FALSE(fx.repo->saveStory(s));
        CHECK_FALSE(fx.repo->ensureRound(fx.fed, "personal", RespondentGroup::Staff, fx.teamA, Period::year(2021), 10));
        auto doc = parseBudgetDocument(socialBudgetTemplate2021());
        CHECK_FALSE(fx.repo->saveBudget(fx.fed, *doc, true));
    }
    SECTION("reopening allows changes again and keeps the snapshot gone")
    {
        REQUIRE(fx.repo->unlockYear(fx.fed, 2021));
        old.uid = oldUid;
        old.exitOutcome = ExitOutcome::Studies;
        CHECK(fx.repo->saveCase(old, Date{2026, 1, 1}));
        CHECK_FALSE(fx.repo->periodLock(fx.fed, 2021));
    }
}

TEST_CASE("Tally deltas are validated and never lose counts", "[core][store][tally]")
{
    Fixture fx;
    auto round = fx.repo->ensureRound(fx.fed, "deltagare_avslut", RespondentGroup::ParticipantsExit, fx.teamA,
                                      Period::year(2021), 40);
    REQUIRE(round);
    CHECK(*fx.repo->ensureRound(fx.fed, "deltagare_avslut", RespondentGroup::ParticipantsExit, fx.teamA,
                                Period::year(2021), std::nullopt) == *round);

    fx.tally(*round, "d_bemott", 1, Gender::Woman, 5);
    TallyDelta d;
    d.roundId = *round;
    d.questionId = fx.question("d_bemott");
    d.gender = Gender::Woman;

    SECTION("an option outside the scale")
    {
        d.option = 6;
        d.delta = 1;
        auto r = fx.repo->addTally(d);
        REQUIRE_FALSE(r);
        CHECK(r.error().field == "option");
    }
    SECTION("a question outside the questionnaire")
    {
        d.questionId = fx.question("p_trivs");
        d.option = 1;
        d.delta = 1;
        auto r = fx.repo->addTally(d);
        REQUIRE_FALSE(r);
        CHECK(r.error().field == "question");
    }
    SECTION("a correction may not take the total below zero")
    {
        d.option = 1;
        d.delta = -6;
        auto r = fx.repo->addTally(d);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "negative_total");
        d.delta = -5;
        CHECK(fx.repo->addTally(d));
    }
    SECTION("the same delta row twice is refused, not counted twice")
    {
        d.option = 2;
        d.delta = 3;
        d.uid = "fixed-uid";
        REQUIRE(fx.repo->addTally(d));
        CHECK_FALSE(fx.repo->addTally(d));
        CHECK(fx.count("tally_delta") == 2);
    }
    SECTION("delta rows are immutable and the running totals equal their sum")
    {
        d.option = 3;
        d.delta = 4;
        REQUIRE(fx.repo->addTally(d));
        d.uid.clear();
        d.delta = -1;
        REQUIRE(fx.repo->addTally(d));
        d.uid.clear();
        d.gender = Gender::Man;
        d.delta = 2;
        REQUIRE(fx.repo->addTally(d));
        auto check = fx.db->prepare(
            "SELECT count(*) FROM (SELECT round_id, question_id, option_no, gender, sum(delta) AS s FROM tally_delta "
            "GROUP BY 1, 2, 3, 4) d LEFT JOIN tally_total t USING (round_id, question_id, option_no, gender) "
            "WHERE t.total IS NOT d.s");
        check.step();
        CHECK(check.integer(0) == 0);
        auto total = fx.db->prepare("SELECT total FROM tally_total WHERE option_no = 3 AND gender = 'woman'");
        REQUIRE(total.step());
        CHECK(total.integer(0) == 3);
        CHECK_THROWS_AS(fx.db->exec("UPDATE tally_delta SET delta = 100"), StoreError);
        CHECK_THROWS_AS(fx.db->exec("DELETE FROM tally_delta"), StoreError);
    }
    SECTION("förbund-level groups belong to no team")
    {
        CHECK_FALSE(fx.repo->ensureRound(fx.fed, "styrelse", RespondentGroup::Board, fx.teamA, Period::year(2021), 5));
        CHECK(fx.repo->ensureRound(fx.fed, "styrelse", RespondentGroup::Board, std::nullopt, Period::year(2021), 5));
        CHECK_FALSE(fx.repo->ensureRound(fx.fed, "personal", RespondentGroup::Staff, std::nullopt, Period::year(2021), 5));
    }
}

TEST_CASE("Data for a team must belong to the team's own förbund", "[core][store]")
{
    Fixture fx;
    const Id other = fx.repo->addFederation("other", "Annat förbund").value();
    CHECK_FALSE(fx.repo->setComposition({other, fx.teamA, CompositionBody::Staff, 2021, 3, 3}));
    CHECK_FALSE(fx.repo->setManualAssessment({other, "4.1.3", fx.teamA, 2021, true, "Motivering."}));
    Story s;
    s.federationId = other;
    s.teamId = fx.teamA;
    s.date = {2021, 5, 5};
    s.title = "Rubrik";
    s.text = "Text";
    auto r = fx.repo->saveStory(s);
    REQUIRE_FALSE(r);
    CHECK(r.error().field == "team");
}

TEST_CASE("A success story has a bounded title and text, counted in characters", "[core][store][story]")
{
    Fixture fx;
    Story s;
    s.federationId = fx.fed;
    s.teamId = fx.teamA;
    s.date = {2021, 5, 5};
    s.title = std::string(kMaxStoryTitle, 'x');
    // "ö" is two bytes: the limit is on characters, so this is allowed.
    for (std::size_t i = 0; i < kMaxStoryText; ++i)
        s.text += "ö";
    REQUIRE(fx.repo->saveStory(s));

    Story longTitle = s;
    longTitle.uid.clear();
    longTitle.title += "x";
    auto r = fx.repo->saveStory(longTitle);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "too_long");
    CHECK(r.error().field == "title");

    Story longText = s;
    longText.uid.clear();
    longText.text += "a";
    r = fx.repo->saveStory(longText);
    REQUIRE_FALSE(r);
    CHECK(r.error().field == "text");
    CHECK(fx.count("story") == 1);
}

TEST_CASE("Survey definitions keep their wording", "[core][store][survey]")
{
    Fixture fx;
    auto doc = parseBudgetDocument(socialBudgetTemplate2021());
    REQUIRE(doc);
    CHECK(fx.repo->saveSurveyDefinitions(fx.fed, *doc));  // identical again: fine
    doc->questions[0].text += " (omformulerad)";
    auto r = fx.repo->saveSurveyDefinitions(fx.fed, *doc);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "conflict");
}

TEST_CASE("A failing statement rolls the whole write back (fault injection)", "[core][store][faults]")
{
    Fixture fx;
    const auto before = fx.count("cases");
    const auto budgetsBefore = fx.count("indicator");
    for (int n = 1; n <= 12; ++n) {
        INFO("failing statement " << n);
        fx.db->failAfter(n);
        auto r = fx.repo->saveCase(fx.startedCase(fx.teamA, Gender::Woman, {2021, 3, 1}), Date{2026, 1, 1});
        fx.db->failAfter(0);
        if (r) {
            CHECK(fx.count("cases") == before + 1);
            break;
        }
        CHECK(r.error().code == "storage");
        CHECK(fx.count("cases") == before);
    }
    auto doc = parseBudgetDocument(socialBudgetTemplate2021());
    doc->budget.year = 2022;
    for (int n = 1; n <= 400; n += 37) {
        fx.db->failAfter(n);
        auto r = fx.repo->saveBudget(fx.fed, *doc, false);
        fx.db->failAfter(0);
        if (!r)
            CHECK(fx.count("indicator") == budgetsBefore);
        else
            CHECK(fx.count("indicator") == 2 * budgetsBefore);
        if (r)
            break;
    }
}

TEST_CASE("Storage errors tell a busy database, a damaged file and a full disk apart, and keep the SQL for the log",
          "[core][store]")
{
    auto busy = storageError(StoreError(SQLITE_BUSY, "database is locked", "INSERT INTO cases …"));
    auto corrupt = storageError(StoreError(SQLITE_CORRUPT, "database disk image is malformed", "SELECT 1"));
    auto notADatabase = storageError(StoreError(SQLITE_NOTADB, "file is not a database"));
    auto full = storageError(StoreError(SQLITE_FULL, "database or disk is full"));
    for (const auto* e : {&busy, &corrupt, &notADatabase, &full})
        CHECK(e->code == "storage");  // the server's 503 and the client's retry decide on the code
    CHECK(busy.message.find("upptagen") != std::string::npos);
    CHECK(corrupt.message.find("skadad") != std::string::npos);
    CHECK(corrupt.message.find("säkerhetskopia") != std::string::npos);
    CHECK(notADatabase.message == corrupt.message);
    CHECK(full.message.find("disken är full") != std::string::npos);
    CHECK(busy.message != corrupt.message);
    // The SQL is in the detail (for the log), never in what a user reads.
    CHECK(busy.detail.find("INSERT INTO cases") != std::string::npos);
    CHECK(busy.message.find("INSERT") == std::string::npos);

    // A real statement's failure carries its SQL.
    auto db = Database::open(":memory:");
    REQUIRE(db);
    try {
        (*db)->prepare("SELECT no_such_column FROM cases").step();
        FAIL("the statement should not prepare");
    } catch (const StoreError& e) {
        CHECK(e.sql().find("no_such_column") != std::string::npos);
    }
}

TEST_CASE("A question lookup that fails in storage is an error, not 'no such question'", "[core][store]")
{
    Fixture fx;
    auto known = fx.repo->questionOptions(fx.fed, "no-such-question");
    REQUIRE(known);
    CHECK_FALSE(known->has_value());
    fx.db->failAfter(1);
    auto failed = fx.repo->questionOptions(fx.fed, "no-such-question");
    fx.db->failAfter(0);
    REQUIRE_FALSE(failed);
    CHECK(failed.error().code == "storage");
}

TEST_CASE("The latest year with a social budget and a unit's cases going on in it", "[core][store]")
{
    Fixture fx;  // the 2021 budget
    CHECK_FALSE(fx.repo->latestYearWithData(fx.fed, fx.teamA, 2026).value());  // no cases yet
    fx.save(fx.startedCase(fx.teamA, Gender::Woman, Date{2021, 3, 1}));
    CHECK(fx.repo->latestYearWithData(fx.fed, fx.teamA, 2026).value() == 2021);
    CHECK(fx.repo->latestYearWithData(fx.fed, std::nullopt, 2026).value() == 2021);  // the förbund
    CHECK_FALSE(fx.repo->latestYearWithData(fx.fed, fx.teamB, 2026).value());         // another team's cases do not count
    CHECK_FALSE(fx.repo->latestYearWithData(fx.fed, fx.teamA, 2020).value());         // not after the given year
}
