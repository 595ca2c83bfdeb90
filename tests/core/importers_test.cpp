// SPDX-License-Identifier: GPL-3.0-or-later
#include "fixtures.hpp"

#include <nlohmann/json.hpp>

#include "samkoll/io/csv.hpp"
#include "samkoll/io/importers.hpp"

using namespace samkoll::test;

namespace {
const Date kToday{2026, 1, 1};
const char* kCasesHeader =
    "code;team;gender;birth_year;referral_date;referring_party;decision;decision_date;start_date;exit_date;"
    "exit_outcome;income_support;education;support_duration\n";
}  // namespace

TEST_CASE("Cases CSV imports Swedish labels and codes, and updates on re-import", "[core][import]")
{
    Fixture fx(false);
    const std::string csv = std::string(kCasesHeader) +
                            "VNS-2021-001;ta;Kvinna;1990;2021-01-10;Försäkringskassan;Ja;2021-01-20;2021-02-01;2021-10-01;"
                            "Arbete;Sjukpenning/Rehabpenning|Försörjningsstöd;Gymnasium;Upp till 2 år\n"
                            "VNS-2021-002;Team A;man;1985;2021-03-01;af;nej;2021-03-10;;;;;;\n"
                            "VNS-2021-003;tb;annat;2000;2021-05-01;KAA;;;;;;;;\n";
    auto r = importCases(*fx.repo, fx.fed, csv, "arenden.csv", kToday);
    INFO((r ? "" : r.error().describe()));
    REQUIRE(r);
    CHECK(r->rows == 3);
    CHECK(r->created == 3);
    auto cases = fx.repo->casesOfTeam(fx.teamA);
    REQUIRE(cases->size() == 2);
    const auto& first = cases->front();
    CHECK(first.exitOutcome == ExitOutcome::Work);
    CHECK(first.incomeSupport == std::vector<IncomeSupport>{IncomeSupport::SicknessBenefit, IncomeSupport::SocialAssistance});
    CHECK(first.supportDuration == SupportDuration::Y2);
    CHECK(fx.repo->casesOfTeam(fx.teamB)->front().referringParty == ReferringParty::OtherMunicipal);

    auto again = importCases(*fx.repo, fx.fed,
                             std::string(kCasesHeader) +
                                 "VNS-2021-001;ta;Kvinna;1990;2021-01-10;fk;ja;2021-01-20;2021-02-01;2021-10-01;studies;;;\n",
                             "rattelse.csv", kToday);
    REQUIRE(again);
    CHECK(again->updated == 1);
    CHECK(fx.count("cases") == 3);
    CHECK(fx.repo->casesOfTeam(fx.teamA)->front().exitOutcome == ExitOutcome::Studies);
}

TEST_CASE("A cases file with one bad row imports nothing and names file, line and field", "[core][import]")
{
    Fixture fx(false);
    auto expectRejected = [&](const std::string& badRow, const std::string& field, int line = 3) {
        const std::string csv = std::string(kCasesHeader) +
                                "OK-1;ta;kvinna;1990;2021-01-10;af;ja;2021-01-20;2021-02-01;;;;;\n" + badRow + "\n";
        auto r = importCases(*fx.repo, fx.fed, csv, "arenden.csv", kToday);
        REQUIRE_FALSE(r);
        CHECK(r.error().field == field);
        CHECK(r.error().where == "arenden.csv, rad " + std::to_string(line));
        CHECK(r.error().describe().find("arenden.csv, rad") == 0);
        CHECK(fx.count("cases") == 0);
    };
    expectRejected("850101-1234;ta;kvinna;1990;2021-01-10;af;;;;;;;;", "code");
    expectRejected("OK-2;ta;kvinna;1990;2021-02-30;af;;;;;;;;", "referral_date");
    expectRejected("OK-2;ta;kvinna;1990;2021-01-10;af;nej;2021-01-20;2021-02-01;;;;;", "start_date");
    expectRejected("OK-2;ta;kvinna;1990;2021-01-10;af;ja;2021-01-20;2021-02-01;2021-01-15;work;;;", "exit_date");
    expectRejected("OK-2;ta;kvinna;2010;2021-01-10;af;ja;2021-01-20;2021-02-01;;;;;", "birth_year");
    expectRejected("OK-2;tx;kvinna;1990;2021-01-10;af;;;;;;;;", "team");
    expectRejected("OK-2;ta;okänd;1990;2021-01-10;af;;;;;;;;", "gender");
    expectRejected("OK-2;ta;kvinna;1990;2021-01-10;af;ja;2021-01-20;2021-02-01;2021-05-01;semester;;;", "exit_outcome");
    expectRejected("OK-1;ta;kvinna;1990;2021-01-10;af;;;;;;;;", "code");  // duplicate in file
    expectRejected("OK-2;ta;kvinna;1990;2030-01-10;af;;;;;;;;", "referral_date");

    auto missing = importCases(*fx.repo, fx.fed, "code;team\nA;ta\n", "kort.csv", kToday);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == "missing_column");
    CHECK(missing.error().field == "gender");
}

TEST_CASE("Tally CSV creates rounds, resolves option labels and refuses a second import", "[core][import]")
{
    Fixture fx;
    const std::string csv =
        "questionnaire;respondent_group;team;period;question;option;gender;count;invited\n"
        "deltagare_avslut;participants_exit;ta;2021;d_bemott;Mycket bra;kvinna;7;20\n"
        "deltagare_avslut;participants_exit;ta;2021;d_bemott;2;man;4;20\n"
        "deltagare_avslut;participants_exit;ta;2021;d_bemott;Dålig;vill ej svara;1;20\n"
        "styrelse;board;;2021;uu_strategi;Ja;kvinna;4;\n"
        "personal;staff;tb;2021 T2;p_trivs;Helt och hållet;man;0;\n";
    auto r = importTallies(*fx.repo, fx.fed, csv, "enkat.csv", "kansliet");
    INFO((r ? "" : r.error().describe()));
    REQUIRE(r);
    CHECK(r->rows == 4);  // the zero cell is skipped
    CHECK(fx.count("survey_round") == 3);
    auto st = fx.db->prepare("SELECT invited FROM survey_round WHERE team_id = ?");
    st.bind(1, fx.teamA);
    REQUIRE(st.step());
    CHECK(st.integer(0) == 20);

    auto twice = importTallies(*fx.repo, fx.fed, csv, "enkat-kopia.csv", "kansliet");
    REQUIRE_FALSE(twice);
    CHECK(twice.error().code == "already_imported");
    CHECK(fx.count("tally_delta") == 4);

    SECTION("a correction file with negative counts")
    {
        auto fix = importTallies(*fx.repo, fx.fed,
                                 "questionnaire;respondent_group;team;period;question;option;gender;count\n"
                                 "deltagare_avslut;participants_exit;ta;2021;d_bemott;Mycket bra;kvinna;-2\n",
                                 "rattelse.csv", "kansliet");
        REQUIRE(fix);
        auto sum = fx.db->prepare("SELECT sum(delta) FROM tally_delta");
        sum.step();
        CHECK(sum.integer(0) == 14);
    }
}

TEST_CASE("A tally file with a bad row imports nothing", "[core][import]")
{
    Fixture fx;
    const std::string header = "questionnaire;respondent_group;team;period;question;option;gender;count;invited\n";
    const std::string good = "deltagare_avslut;participants_exit;ta;2021;d_bemott;Bra;kvinna;3;10\n";
    auto expectRejected = [&](const std::string& bad, const std::string& field) {
        auto r = importTallies(*fx.repo, fx.fed, header + good + bad + "\n", "enkat.csv", "x");
        REQUIRE_FALSE(r);
        CHECK(r.error().field == field);
        CHECK(r.error().where == "enkat.csv, rad 3");
        CHECK(fx.count("tally_delta") == 0);
        CHECK(fx.count("survey_round") == 0);
    };
    expectRejected("deltagare_avslut;participants_exit;ta;2021;d_bemott;Jättebra;kvinna;3;10", "option");
    expectRejected("deltagare_avslut;participants_exit;ta;2021;d_bemott;Bra;kvinna;tre;10", "count");
    expectRejected("deltagare_avslut;participants_exit;ta;2021;nope;Bra;kvinna;3;10", "question");
    expectRejected("deltagare_avslut;participants_exit;ta;2021;d_bemott;Bra;kvinna;3;11", "invited");
    expectRejected("deltagare_avslut;participants_exit;ta;2021 T4;d_bemott;Bra;kvinna;3;10", "period");
    expectRejected("deltagare_avslut;participants_exit;ta;2021;d_bemott;Bra;kvinna;-9;10", "count");
    expectRejected("deltagare_avslut;participants_exit;ta;2021;p_trivs;Delvis;kvinna;1;10", "question");
    expectRejected("styrelse;board;ta;2021;uu_strategi;Ja;kvinna;1;", "team");
    expectRejected("okand;participants_exit;ta;2021;d_bemott;Bra;kvinna;3;10", "questionnaire");
}

TEST_CASE("HÅE CSV with Swedish decimals – bad rows import nothing", "[core][import]")
{
    Fixture fx(false);
    const std::string header = "kommun;year;hae_total;hae_illness;hae_unemployment;hae_assistance;population_20_64\n";
    auto r = importHae(*fx.repo, fx.fed,
                       header + "ka;2020;1 234,5;600;400,5;234;10 000\nKommun B;2020;800;;;;7000\n", "hae.csv");
    INFO((r ? "" : r.error().describe()));
    REQUIRE(r);
    CHECK(r->changes.size() == 2);
    CHECK(r->applied);
    auto st = fx.db->prepare("SELECT total FROM hae_statistic WHERE kommun_id = ?");
    st.bind(1, fx.kommunA);
    REQUIRE(st.step());
    CHECK(st.real(0) == Approx(1234.5));

    auto expectRejected = [&](const std::string& bad, const std::string& field) {
        auto e = importHae(*fx.repo, fx.fed, header + "ka;2021;1000;;;;10000\n" + bad + "\n", "hae2.csv");
        REQUIRE_FALSE(e);
        CHECK(e.error().field == field);
        CHECK(e.error().where == "hae2.csv, rad 3");
        CHECK(fx.count("hae_statistic") == 2);
    };
    expectRejected("Stockholm;2021;1000;;;;10000", "kommun");
    expectRejected("af;2021;1000;;;;10000", "kommun");
    expectRejected("kb;20x1;1000;;;;10000", "year");
    expectRejected("kb;2021;-5;;;;10000", "hae_total");
    expectRejected("kb;2021;1000;;;;0", "population_20_64");
    expectRejected("kb;2021;20000;;;;10000", "hae_total");
    expectRejected("ka;2021;900;;;;10000", "year");  // twice in the file

    // A preview lists what would change against what is stored, and writes nothing.
    const std::string next = header + "ka;2020;1 234,5;600;400,5;234;10 000\nKommun B;2020;850;;;;7000\nka;2021;1100;;;;10100\n";
    auto preview = importHae(*fx.repo, fx.fed, next, "hae3.csv", false);
    REQUIRE(preview);
    CHECK_FALSE(preview->applied);
    CHECK(preview->unchanged == 1);  // Kommun A 2020 as stored
    REQUIRE(preview->changes.size() == 2);
    CHECK(preview->changes[0].kommun == "Kommun B");
    REQUIRE(preview->changes[0].before);
    CHECK(preview->changes[0].before->total == Approx(800));
    CHECK(preview->changes[0].after.total == Approx(850));
    CHECK_FALSE(preview->changes[1].before);  // 2021 is new
    CHECK(fx.count("hae_statistic") == 2);
    auto applied = importHae(*fx.repo, fx.fed, next, "hae3.csv", true);
    REQUIRE(applied);
    CHECK(fx.count("hae_statistic") == 3);
    auto again = importHae(*fx.repo, fx.fed, next, "hae3.csv", false);
    REQUIRE(again);
    CHECK(again->changes.empty());
    CHECK(again->unchanged == 3);
}

TEST_CASE("Budget import: a bad file changes nothing, an existing year needs --replace", "[core][import]")
{
    Fixture fx(false);
    auto ok = importBudget(*fx.repo, fx.fed, socialBudgetTemplate2021(), "budget.json", false);
    REQUIRE(ok);
    CHECK(ok->rows == 65);
    const auto indicators = fx.count("indicator");
    const auto questions = fx.count("question");

    auto dup = importBudget(*fx.repo, fx.fed, socialBudgetTemplate2021(), "budget.json", false);
    REQUIRE_FALSE(dup);
    CHECK(dup.error().message.find("--replace") != std::string::npos);

    auto j = nlohmann::json::parse(socialBudgetTemplate2021());
    j["areas"][4]["goals"][0]["indicators"][0]["target"] = {{"between", {90, 80}}};
    auto bad = importBudget(*fx.repo, fx.fed, j.dump(), "trasig.json", true);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().where == "trasig.json");
    CHECK(bad.error().field.find("5.1.1") != std::string::npos);
    CHECK(fx.count("indicator") == indicators);
    CHECK(fx.count("question") == questions);

    j = nlohmann::json::parse(socialBudgetTemplate2021());
    j["areas"][0]["goals"][0]["indicators"][0]["weight"] = 3;
    REQUIRE(importBudget(*fx.repo, fx.fed, j.dump(), "ny.json", true));
    CHECK(fx.repo->budget(fx.fed, 2021)->areas[0].goals[0].indicators[0].weight == 3);
    CHECK(fx.count("indicator") == indicators);
}

TEST_CASE("Periods in files", "[core][import]")
{
    CHECK(parsePeriod("2021")->label == "2021");
    CHECK(parsePeriod("2021 T2")->from == Date{2021, 5, 1});
    CHECK(parsePeriod("2021t3")->to == Date{2021, 12, 31});
    CHECK(parsePeriod("2021-01-01/2021-06-30")->to == Date{2021, 6, 30});
    CHECK_FALSE(parsePeriod("2021 T4"));
    CHECK_FALSE(parsePeriod("år 2021"));
    CHECK_FALSE(parsePeriod("2021-06-30/2021-01-01"));
}

TEST_CASE("A cases file saved by Swedish Excel (Windows-1252) imports like UTF-8", "[core][import]")
{
    Fixture fx(false);
    // "CSV (semikolonavgränsad)": Windows-1252, no BOM — ö, ä and å as single bytes.
    const std::string csv = std::string(kCasesHeader) +
                            "VNS-2021-001;ta;Kvinna;1990;2021-01-10;F\xf6rs\xe4kringskassan;Ja;2021-01-20;2021-02-01;2021-10-01;"
                            "Arbete;F\xf6rs\xf6rjningsst\xf6" "d;Gymnasium;Upp till 2 \xe5r\r\n";
    auto table = parseCsv(csv, "arenden.csv");
    REQUIRE(table);
    CHECK(table->encoding == "Windows-1252");
    auto r = importCases(*fx.repo, fx.fed, csv, "arenden.csv", kToday);
    INFO((r ? "" : r.error().describe()));
    REQUIRE(r);
    const auto c = fx.repo->casesOfTeam(fx.teamA)->front();
    CHECK(c.referringParty == ReferringParty::SocialInsurance);
    CHECK(c.incomeSupport == std::vector<IncomeSupport>{IncomeSupport::SocialAssistance});
    CHECK(c.supportDuration == SupportDuration::Y2);
    // The same file in UTF-8 with a BOM reads the same.
    std::string utf8 = "\xEF\xBB\xBF" + std::string(kCasesHeader) +
                       "VNS-2021-002;ta;Kvinna;1990;2021-01-10;Försäkringskassan;Ja;2021-01-20;;;;;;\n";
    auto t8 = parseCsv(utf8, "b.csv");
    REQUIRE(t8);
    CHECK(t8->encoding == "UTF-8");
    CHECK(importCases(*fx.repo, fx.fed, utf8, "b.csv", kToday));
}
