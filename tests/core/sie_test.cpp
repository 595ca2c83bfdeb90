// SPDX-License-Identifier: GPL-3.0-or-later
// SIE import (domain.md §6): the reader on hand-written fixtures of every
// variant in tests/data/sie, the account mapping, idempotent re-import,
// failures that change nothing, and the precedence of entered utfall.
#include "fixtures.hpp"

#include <fstream>
#include <sstream>

#include "samkoll/finance/finance_store.hpp"
#include "samkoll/io/finance_import.hpp"
#include "samkoll/io/sie.hpp"

using namespace samkoll::test;
using namespace samkoll::core::finance;

namespace {

/// UTF-8 text (Latin-1 letters only) as the Windows-1252 bytes Swedish Excel writes.
std::string fromWindows1252ToBytes(const std::string& utf8)
{
    std::string out;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0xC2 && c <= 0xC3 && i + 1 < utf8.size())
            out.push_back(static_cast<char>(((c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F)));
        else
            out.push_back(static_cast<char>(c));
    }
    return out;
}

std::string sieFile(const std::string& name)
{
    return std::string(SAMKOLL_SOURCE_DIR) + "/tests/data/sie/" + name;
}

struct SieFixture : Fixture {
    FinanceStore store{*db};
    SieFixture() : Fixture(false)
    {
        REQUIRE(store.addUnit(fed, "SAMO", "Ordinarie verksamhet", false));
        REQUIRE(store.addUnit(fed, "ESF", "ESF-projektet Vägen", true));
        REQUIRE(store.addLine(fed, {"avgift", "Medlemsavgifter", LineGroup::Income, "SAMO", "", ""}));
        REQUIRE(store.addLine(fed, {"kansli", "Kanslipersonal", LineGroup::Administration, "SAMO", "", ""}));
        REQUIRE(store.addLine(fed, {"lokal", "Lokalhyra", LineGroup::Administration, "SAMO", "", ""}));
        REQUIRE(store.addLine(fed, {"kop", "Köpta tjänster", LineGroup::Operations, "SAMO", "", ""}));
        REQUIRE(store.addLine(fed, {"insats-ta", "Team A", LineGroup::Interventions, "SAMO", "ta", ""}));
        REQUIRE(store.addLine(fed, {"projekt", "ESF Vägen", LineGroup::Interventions, "ESF", "", ""}));
        const std::string mapping =
            "konto;dimension;objekt;rad\n"
            "3000-3999;;;avgift\n"
            "7000-7699;;;kansli\n"
            "5000-5099;;;lokal\n"
            ";6;P1;projekt\n"
            "4000-4999;1;100;insats-ta\n"
            "4000-4999;;;kop\n";
        auto m = importAccountMapping(store, fed, mapping, "mappning.csv");
        INFO((m ? std::string() : m.error().describe()));
        REQUIRE(m);
    }

    Result<SieImport> import(const std::string& name, SieOptions options = {})
    {
        std::ifstream in(sieFile(name), std::ios::binary);
        REQUIRE(in);
        return importSie(store, fed, in, name, options);
    }

    SieImport imported(const std::string& name, SieOptions options = {})
    {
        auto r = import(name, options);
        INFO((r ? std::string() : r.error().describe()));
        REQUIRE(r);
        return *r;
    }

    /// The effective utfall of a line for a month, as the follow-up reads it.
    Amount outcome(const std::string& line, int year, int month)
    {
        auto figures = store.yearFigures(fed, year);
        REQUIRE(figures);
        for (const auto& f : *figures)
            if (f.code == line)
                return f.outcome[static_cast<std::size_t>(month - 1)];
        FAIL("no line " << line);
        return 0;
    }
};

}  // namespace

TEST_CASE("SIE: CRC-32 is the IEEE checksum that #KSUMMA uses", "[core][finance][sie]")
{
    CHECK(sie::crc32("123456789") == 0xCBF43926u);
    CHECK(sie::crc32("56789", sie::crc32("1234")) == 0xCBF43926u);  // it continues a running sum
    CHECK(sie::crc32("") == 0u);
}

TEST_CASE("SIE: account ranges compare leading digits, so Kommun-Bas accounts fall in BAS ranges", "[core][finance][sie]")
{
    CHECK(accountInRange("4010", "4000", "4999"));
    CHECK(accountInRange("45611", "4000", "4999"));
    CHECK(accountInRange("4561100", "4000", "4999"));
    CHECK_FALSE(accountInRange("5010", "4000", "4999"));
    CHECK_FALSE(accountInRange("3999", "4000", "4999"));
    CHECK(accountInRange("5010", "5010", ""));
    CHECK_FALSE(accountInRange("5011", "5010", ""));
    CHECK(accountInRange("45999", "45", "45"));

    AccountMap map({{"4000", "4999", "", "", "kop"}, {"", "", "6", "P1", "projekt"}, {"4000", "4999", "1", "100", "team"}});
    const std::vector<ObjectKey> both{{"1", "100"}, {"6", "P1"}};
    // An account-and-object rule before an object rule before an account rule, whatever the order written.
    CHECK(map.rule(*map.ruleFor("4010", both)).line == "team");
    CHECK(map.rule(*map.ruleFor("4010", {{"6", "P1"}})).line == "projekt");
    CHECK(map.rule(*map.ruleFor("4010", {{"1", "200"}})).line == "kop");
    CHECK_FALSE(map.ruleFor("5010", {}));
    CHECK(map.rule(*map.accountRuleFor("4010")).line == "kop");
}

TEST_CASE("SIE type 2 in PC8: monthly balances, last year's rows, names, checksum, omappat", "[core][finance][sie]")
{
    SieFixture fx;
    const auto r = fx.imported("typ2_bas_pc8.se");
    CHECK(r.file.type == 2);
    CHECK(r.file.encoding == "CP437");
    CHECK(r.file.checksumVerified);
    CHECK(r.file.company == "Samordningsförbundet Umeåregionen");
    CHECK(r.file.program == "Visma Förening 1.0");
    CHECK(r.file.accountName("7690") == "Övrigt \"diverse\"");
    CHECK_FALSE(r.fromVouchers);
    // Income arrives negative (credit) and is kept positive; costs the other way.
    CHECK(fx.outcome("avgift", 2026, 1) == kronor(1'000'000));
    CHECK(fx.outcome("kansli", 2026, 1) == kronor(-80'000));
    CHECK(fx.outcome("kansli", 2026, 2) == -8'200'050);  // öre kept exactly
    CHECK(fx.outcome("kansli", 2026, 4) == kronor(-81'000));  // a row separated by tabs
    CHECK(fx.outcome("lokal", 2026, 1) == kronor(-12'000));
    CHECK(fx.store.yearFigures(fx.fed, 2026)->at(1).outcomePriorYear[11] == kronor(-79'000));  // #PSALDO -1
    // Balance-sheet accounts (1930) are not utfall; 6110 has no line and is shown, not dropped.
    REQUIRE(r.unmapped.size() == 1);
    CHECK(r.unmapped[0].account == "6110");
    CHECK(r.unmapped[0].name == "Kontorsmateriel");
    CHECK(r.unmapped[0].amount == kronor(-1'500));
    // It covers January–April of this year and all of last year.
    CHECK(r.outcome.months.size() == 4 + 12);
    CHECK(r.outcome.months.count({2026, 4}));
    CHECK_FALSE(r.outcome.months.count({2026, 5}));
    const auto text = describeSieImport(r);
    CHECK_THAT(text, Catch::Contains("Samordningsförbundet Umeåregionen"));
    CHECK_THAT(text, Catch::Contains("Omappat: −1 500 kr på 1 konto"));
    CHECK_THAT(text, Catch::Contains("6110"));

    SECTION("re-importing the same file changes nothing")
    {
        const auto rows = fx.count("line_outcome");
        const auto again = fx.imported("typ2_bas_pc8.se");
        CHECK(again.outcome.changes.empty());
        CHECK(fx.count("line_outcome") == rows);
        CHECK(fx.outcome("kansli", 2026, 2) == -8'200'050);
        CHECK_THAT(describeSieImport(again), Catch::Contains("Inga ändringar"));
    }
    SECTION("#PBUDGET becomes the lines' monthly budget when asked for")
    {
        SieOptions options;
        options.budget = true;
        const auto withBudget = fx.imported("typ2_bas_pc8.se", options);
        CHECK(withBudget.budgetLines == std::vector<std::string>{"kansli"});
        const auto figures = fx.store.yearFigures(fx.fed, 2026);
        const auto& kansli = figures->at(1);
        REQUIRE(kansli.budgetMonths);
        CHECK((*kansli.budgetMonths)[0] == kronor(-85'000));
        CHECK(kansli.budgetYear == kronor(-170'000));
    }
}

TEST_CASE("SIE: a re-import of a period replaces that period's SIE utfall and says what changed", "[core][finance][sie]")
{
    SieFixture fx;
    fx.imported("typ2_bas_pc8.se");
    const std::string corrected =
        "#FLAGGA 0\n#SIETYP 2\n#RAR 0 20260101 20261231\n"
        "#PSALDO 0 202601 3010 {} -1000000.00\n"
        "#PSALDO 0 202601 7010 {} 80000.00\n"
        "#PSALDO 0 202602 7010 {} 90000.00\n";  // February corrected; March and April now nothing
    std::istringstream in(corrected);
    auto r = importSie(fx.store, fx.fed, in, "rattad.se");
    REQUIRE(r);
    // The file covers January–February only: April's utfall from the first file stays.
    CHECK(r->outcome.months == std::set<YearMonth>{{2026, 1}, {2026, 2}});
    CHECK(fx.outcome("kansli", 2026, 2) == kronor(-90'000));
    CHECK(fx.outcome("kansli", 2026, 4) == kronor(-81'000));
    CHECK(fx.outcome("lokal", 2026, 1) == 0);  // no longer in January's file
    REQUIRE(r->outcome.changes.size() == 2);
    CHECK(r->outcome.changes[0].line == "kansli");
    CHECK(r->outcome.changes[0].before == -8'200'050);
    CHECK(r->outcome.changes[0].after == kronor(-90'000));
    CHECK(r->outcome.changes[1].line == "lokal");
    CHECK(r->outcome.changes[1].after == 0);
}

TEST_CASE("SIE type 3: an object rule takes its rows, the account rule the rest, never both", "[core][finance][sie]")
{
    SieFixture fx;
    const auto r = fx.imported("typ3_objekt_latin1.se");
    CHECK(r.file.type == 3);
    CHECK(r.file.encoding == "Latin-1");
    CHECK(r.file.company == "Samordningsförbundet Södra");
    CHECK(r.file.objects.at({"6", "P1"}) == "ESF Vägen");
    // January: kostnadsställe 100 has a rule (dimension 1): it takes 30 000, the
    // account rule the remaining 20 000 of the 50 000 total; the project rows
    // (dimension 6) split the same total another way and are not added again.
    CHECK(fx.outcome("insats-ta", 2026, 1) == kronor(-30'000));
    CHECK(fx.outcome("kop", 2026, 1) == kronor(-20'000));
    CHECK(fx.outcome("projekt", 2026, 1) == 0);
    // February has only project rows: P1 takes its 8 000, nothing is left for the account rule.
    CHECK(fx.outcome("projekt", 2026, 2) == kronor(-8'000));
    CHECK(fx.outcome("kop", 2026, 2) == 0);
    Amount sum = 0;
    for (const auto& c : r.outcome.cells)
        sum += c.amount;
    CHECK(sum == kronor(-58'000));  // exactly the account totals
    CHECK(r.unmapped.empty());
}

TEST_CASE("SIE type 4E: vouchers over a split fiscal year, several objects per row, #RTRANS/#BTRANS", "[core][finance][sie]")
{
    SieFixture fx;
    const auto r = fx.imported("typ4e_brutet_ar_latin1.se");
    CHECK(r.file.type == 4);
    CHECK(r.fromVouchers);
    CHECK(r.file.vouchers == 3);
    CHECK(r.file.company == "Samordningsförbundet Norr");
    // {1 "100" 6 "P1"}: the account-and-object rule for kostnadsställe 100 wins over the project rule.
    CHECK(fx.outcome("insats-ta", 2025, 7) == kronor(-12'000));
    CHECK(fx.outcome("kop", 2025, 7) == kronor(-3'000));
    CHECK(fx.outcome("avgift", 2025, 9) == kronor(250'000));  // #RTRANS/#BTRANS not counted
    CHECK(fx.outcome("projekt", 2026, 1) == kronor(2'000));   // a correction voucher in the next calendar year
    // The fiscal year's #PSALDO is not added to its vouchers; last year (no vouchers) comes from #PSALDO.
    CHECK(fx.outcome("kop", 2025, 6) == kronor(-7'000));
    // July 2025 – January 2026 (this fiscal year to its last voucher) and July 2024 – June 2025.
    CHECK(r.outcome.months.count({2025, 7}));
    CHECK(r.outcome.months.count({2026, 1}));
    CHECK_FALSE(r.outcome.months.count({2026, 2}));
    CHECK(r.outcome.months.count({2024, 7}));
    CHECK(r.outcome.months.size() == 7 + 12);
}

TEST_CASE("SIE: Kommun-Bas accounts of 5–8 digits in a UTF-8 file map like BAS", "[core][finance][sie]")
{
    SieFixture fx;
    const auto r = fx.imported("kommunbas_utf8.se");
    CHECK(r.file.encoding == "UTF-8");
    CHECK(r.file.company == "Samordningsförbundet Väst");
    CHECK(r.file.accountName("45611") == "Konsulttjänster");
    CHECK(fx.outcome("kop", 2026, 1) == kronor(-5'000));
    CHECK(fx.outcome("avgift", 2026, 1) == kronor(300'000));
    CHECK(fx.outcome("kansli", 2026, 2) == kronor(-60'000));
}

TEST_CASE("SIE: a broken file is refused with the line and changes nothing", "[core][finance][sie]")
{
    SieFixture fx;
    fx.imported("kommunbas_utf8.se");
    const auto rows = fx.count("line_outcome");
    const auto imports = fx.count("finance_import");
    struct Case {
        const char* file;
        const char* field;
        const char* says;
    };
    for (const auto& c : {Case{"fel_ksumma.se", "checksum", "kontrollsumman stämmer inte"},
                          Case{"obalanserad.se", "vouchers", "balanserar inte"},
                          Case{"utanfor_rar.se", "period", "utanför räkenskapsåret"},
                          Case{"inte_sie.se", "line", "raden är inte SIE"}}) {
        INFO(c.file);
        auto r = fx.import(c.file);
        REQUIRE_FALSE(r);
        CHECK(r.error().field == c.field);
        CHECK_THAT(r.error().message, Catch::Contains(c.says));
        CHECK_THAT(r.error().where, Catch::StartsWith(std::string(c.file) + ", rad "));
    }
    CHECK(fx.count("line_outcome") == rows);
    CHECK(fx.count("finance_import") == imports);
    CHECK(fx.outcome("kop", 2026, 1) == kronor(-5'000));

    auto text = [&](const std::string& sie) {
        std::istringstream in(sie);
        auto r = importSie(fx.store, fx.fed, in, "x.se");
        REQUIRE_FALSE(r);
        return r.error().describe();
    };
    const std::string head = "#FLAGGA 0\n#SIETYP 4\n#RAR 0 20260101 20261231\n";
    CHECK_THAT(text(head + "#VER A 1 20270110 \"x\"\n{\n#TRANS 4010 {} 1\n#TRANS 1930 {} -1\n}\n"),
               Catch::Contains("utanför räkenskapsåren"));
    CHECK_THAT(text(head + "#VER A 1 20260110 \"x\"\n{\n#TRANS 4010 {} 1\n"), Catch::Contains("tar slut"));
    CHECK_THAT(text(head + "#TRANS 4010 {} 1\n"), Catch::Contains("utanför en verifikation"));
    CHECK_THAT(text(head + "#PSALDO 0 202601 4010 {} 12,5,0\n"), Catch::Contains("ogiltigt belopp"));
    CHECK_THAT(text(head + "#PSALDO 0 202601 4010 {1} 10.00\n"), Catch::Contains("objektlistan"));
    CHECK_THAT(text(head + "#KONTO 4010 \"ej stängd\n"), Catch::Contains("citattecken"));
    CHECK_THAT(text("#FLAGGA 0\n#SIETYP 1\n"), Catch::Contains("exportera typ 2, 3 eller 4"));
    CHECK_THAT(text("#FLAGGA 0\n#KSUMMA\n#SIETYP 2\n"), Catch::Contains("saknar kontrollsumman"));
    CHECK(fx.count("line_outcome") == rows);
}

TEST_CASE("SIE: a preview writes nothing, a locked year is left as it was, entered utfall wins", "[core][finance][sie]")
{
    SieFixture fx;
    SECTION("preview")
    {
        SieOptions preview;
        preview.apply = false;
        const auto r = fx.imported("typ2_bas_pc8.se", preview);
        CHECK_FALSE(r.outcome.applied);
        CHECK_FALSE(r.outcome.changes.empty());
        CHECK(fx.count("line_outcome") == 0);
        CHECK_THAT(describeSieImport(r), Catch::Contains("inget har sparats"));
    }
    SECTION("a locked year")
    {
        REQUIRE(fx.repo->lockYear(fx.fed, 2025, "Styrelsen", "{}"));
        const auto r = fx.imported("typ2_bas_pc8.se");
        CHECK(r.lockedYears == std::vector<int>{2025});
        CHECK(r.outcome.months.size() == 4);
        CHECK(fx.store.yearFigures(fx.fed, 2026)->at(1).outcomePriorYear[11] == 0);
        CHECK(fx.outcome("kansli", 2026, 1) == kronor(-80'000));
    }
    SECTION("an entered amount is the kansli's correction and wins over the import, which it does not add to")
    {
        REQUIRE(fx.store.setOutcome(fx.fed, "kansli", 2026, 1, kronor(-75'000)));
        fx.imported("typ2_bas_pc8.se");
        CHECK(fx.outcome("kansli", 2026, 1) == kronor(-75'000));
        CHECK(fx.outcome("kansli", 2026, 2) == -8'200'050);
    }
    SECTION("no mapping yet")
    {
        REQUIRE(fx.store.setMapping(fx.fed, {}));
        auto r = fx.import("typ2_bas_pc8.se");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "no_mapping");
    }
}

TEST_CASE("Finance CSV: budget lines and utfall as Swedish Excel saves them", "[core][finance][import]")
{
    Fixture base(false);
    FinanceStore store(*base.db);
    // Windows-1252, semicolons, spaces in numbers, decimal comma, Swedish headers.
    const std::string budget = fromWindows1252ToBytes(
        "Rad;Namn;Grupp;Enhet;Medlem;År;Belopp\r\n"
        "avgift-ka;Medlemsavgift Kommun A;Intäkter;SAMO;ka;2026;2 000 000\r\n"
        "kansli;Kanslipersonal;Kansli;SAMO;;2026;-1 200 000,50\r\n");
    auto b = importFinanceBudget(store, base.fed, budget, "budget.csv", false);
    INFO((b ? std::string() : b.error().describe()));
    REQUIRE(b);
    CHECK(b->created == 2);
    auto lines = store.lines(base.fed);
    REQUIRE(lines->size() == 2);
    CHECK(lines->at(1).name == "Kanslipersonal");
    CHECK(lines->at(1).group == LineGroup::Administration);
    CHECK(lines->at(0).member == "ka");
    CHECK(store.yearFigures(base.fed, 2026)->at(1).budgetYear == -120'000'050);
    CHECK(store.allocation(base.fed, 2026).value() == kronor(2'000'000));

    SECTION("twelve monthly amounts, and a revised version")
    {
        const std::string months =
            "rad;år;jan;feb;mar;apr;maj;jun;jul;aug;sep;okt;nov;dec\n"
            "kansli;2026;-100000;-100000;-100000;-100000;-100000;-100000;-50000;-100000;-100000;-100000;-100000;-150000\n";
        REQUIRE(importFinanceBudget(store, base.fed, months, "m.csv", true));
        const auto f = store.yearFigures(base.fed, 2026)->at(1);
        REQUIRE(f.budgetMonths);
        CHECK((*f.budgetMonths)[6] == kronor(-50'000));
        CHECK(f.budgetYear == kronor(-1'200'000));
        CHECK(base.count("line_budget") == 2 + 13);  // the original stays
    }
    SECTION("utfall: re-importing a corrected file replaces the months in it")
    {
        const std::string outcome = "rad;period;belopp\nkansli;2026-01;-95 000\nkansli;2026-02;-97 500,25\n";
        auto o = importFinanceOutcome(store, base.fed, outcome, "utfall.csv");
        REQUIRE(o);
        CHECK(o->changes.size() == 2);
        CHECK(store.yearFigures(base.fed, 2026)->at(1).outcome[1] == -9'750'025);
        const std::string corrected = "line;year;month;amount\nkansli;2026;2;-97500\n";
        auto again = importFinanceOutcome(store, base.fed, corrected, "utfall2.csv");
        REQUIRE(again);
        REQUIRE(again->changes.size() == 1);
        CHECK(again->changes[0].before == -9'750'025);
        CHECK(store.yearFigures(base.fed, 2026)->at(1).outcome[0] == kronor(-95'000));  // January not in the file
        auto same = importFinanceOutcome(store, base.fed, corrected, "utfall2.csv");
        CHECK(same->changes.empty());
    }
    SECTION("errors name the line and the field, and nothing is saved")
    {
        const auto before = base.count("line_budget");
        auto bad = importFinanceBudget(store, base.fed,
                                       "rad;namn;grupp;enhet;år;belopp\nny;Ny rad;Insatser;SAMO;2026;-10\n"
                                       "ny2;Ny 2;Okänd grupp;SAMO;2026;-10\n",
                                       "b.csv", false);
        REQUIRE_FALSE(bad);
        CHECK(bad.error().where == "b.csv, rad 3");
        CHECK(bad.error().field == "group");
        CHECK(base.count("line_budget") == before);
        CHECK(store.lines(base.fed)->size() == 2);  // the first row's new line was rolled back too

        auto unknown = importFinanceOutcome(store, base.fed, "rad;år;månad;belopp\nokänd;2026;1;5\n", "u.csv");
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().field == "line");
        auto month = importFinanceOutcome(store, base.fed, "rad;år;månad;belopp\nkansli;2026;13;5\n", "u.csv");
        REQUIRE_FALSE(month);
        CHECK(month.error().field == "month");
        auto amount = importFinanceOutcome(store, base.fed, "rad;år;månad;belopp\nkansli;2026;1;fem\n", "u.csv");
        REQUIRE_FALSE(amount);
        CHECK(amount.error().field == "amount");
        CHECK(base.count("line_outcome") == 0);
    }
    SECTION("a locked year refuses the import")
    {
        REQUIRE(base.repo->lockYear(base.fed, 2026, "Styrelsen", "{}"));
        auto o = importFinanceOutcome(store, base.fed, "rad;år;månad;belopp\nkansli;2026;1;-5\n", "u.csv");
        REQUIRE_FALSE(o);
        CHECK(o.error().code == "locked_period");
    }
}
