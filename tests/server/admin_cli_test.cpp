// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli.hpp"
#include "samkoll/report/finance_report.hpp"
#include "samkoll/store/repository.hpp"

namespace {

struct Run {
    int code = 0;
    std::string out;
    std::string err;
};

Run cli(std::vector<std::string> args)
{
    std::ostringstream out;
    std::ostringstream err;
    Run r;
    r.code = samkoll::server::runAdminCli(args, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

/// Runs the real samkolld binary and captures stdout.
Run binary(const std::string& args)
{
    Run r;
    const std::string cmd = std::string(SAMKOLLD_PATH) + " " + args + " 2>/dev/null";
    FILE* pipe = popen(cmd.c_str(), "r");
    REQUIRE(pipe);
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0)
        r.out.append(buf.data(), n);
    const int status = pclose(pipe);
    r.code = WEXITSTATUS(status);
    return r;
}

struct TempDir {
    std::filesystem::path path;
    TempDir()
    {
        path = std::filesystem::temp_directory_path() /
               ("samkoll-cli-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
    std::string write(const std::string& name, const std::string& content) const
    {
        std::ofstream(path / name, std::ios::binary) << content;
        return file(name);
    }
};

}  // namespace

TEST_CASE("samkolld demo and index: the real binary prints the demo förbund's report", "[server][cli]")
{
    TempDir tmp;
    const auto db = tmp.file("demo.db");
    auto demo = binary("demo --db " + db);
    REQUIRE(demo.code == 0);
    CHECK(demo.out.find("Demoförbundet skapat: 7 team") != std::string::npos);

    auto text = binary("index --db " + db + " --year 2021");
    REQUIRE(text.code == 0);
    CHECK(text.out.find("Impactindex 2021 – Samordningsförbundet Umeåregionen (demo)") != std::string::npos);
    CHECK(text.out.find("Rangordning av teamen") != std::string::npos);
    CHECK(text.out.find("Vuxentorget") != std::string::npos);

    auto json = binary("index --db " + db + " --year 2021 --format json");
    REQUIRE(json.code == 0);
    const auto j = nlohmann::json::parse(json.out);
    const auto& fed = j["index"];
    CHECK(fed["total"]["max"] == 177);                 // every area assessable in the demo
    CHECK(fed["total"]["not_assessable"] == 1);        // 2.2.1, not in the questionnaire
    CHECK(fed["areas"][0]["figures"]["max"] == 68);
    CHECK(j["teams"].size() == 7);
    std::int64_t achieved = 0;
    for (const auto& row : fed["indicators"])
        if (row["signal"] == "achieved")
            achieved += row["weight"].get<std::int64_t>();
    CHECK(fed["total"]["achieved"] == achieved);

    auto team = binary("index --db " + db + " --year 2021 --team vannas --format json");
    REQUIRE(team.code == 0);
    const auto t = nlohmann::json::parse(team.out);
    // The same shape as the förbund's report: the unit under "index", no teams.
    CHECK(t["federation"]["code"] == j["federation"]["code"]);
    CHECK(t["index"]["unit"]["name"] == "Samordningsteamet Vännäs");
    CHECK(t["index"]["areas"][0]["figures"]["max"] == 58);
    CHECK(t["teams"].empty());

    auto tertial = binary("index --db " + db + " --year 2021 --tertial 2 --team vindeln");
    REQUIRE(tertial.code == 0);
    CHECK(tertial.out.find("Impactindex 2021 T2 – Samordningsteamet Vindeln") != std::string::npos);

    auto stats = binary("stats --db " + db + " --year 2021 --team ungdomstorget");
    REQUIRE(stats.code == 0);
    CHECK(stats.out.find("Deltagarstatistik 2021 – Ungdomstorget") != std::string::npos);
}

TEST_CASE("samkolld: a new förbund from scratch with imports", "[server][cli]")
{
    TempDir tmp;
    const auto db = tmp.file("ny.db");
    REQUIRE(cli({"init", "--db", db}).code == 0);
    REQUIRE(cli({"federation", "add", "--db", db, "--code", "sf", "--name", "Samordningsförbundet Test"}).code == 0);
    REQUIRE(cli({"member", "add", "--db", db, "--code", "vannas", "--name", "Vännäs", "--kind", "kommun"}).code == 0);
    REQUIRE(cli({"team", "add", "--db", db, "--code", "vns", "--name", "Samordningsteamet Vännäs", "--kommun", "vannas"})
                .code == 0);
    auto tpl = cli({"template"});
    REQUIRE(tpl.code == 0);
    const auto budget = tmp.write("budget.json", tpl.out);
    auto imported = cli({"import", "budget", "--db", db, "--file", budget});
    INFO(imported.err);
    REQUIRE(imported.code == 0);

    const auto cases = tmp.write("arenden.csv",
                                 "code;team;gender;birth_year;referral_date;referring_party;decision;decision_date;"
                                 "start_date;exit_date;exit_outcome\n"
                                 "VNS-2021-001;vns;kvinna;1990;2021-01-10;fk;ja;2021-01-20;2021-02-01;2021-10-01;work\n"
                                 "VNS-2021-002;vns;man;1980;2021-01-10;af;ja;2021-01-20;2021-02-01;;\n");
    REQUIRE(cli({"import", "cases", "--db", db, "--file", cases}).code == 0);
    auto idx = cli({"index", "--db", db, "--year", "2021", "--format", "json"});
    REQUIRE(idx.code == 0);
    const auto j = nlohmann::json::parse(idx.out);
    CHECK(j["index"]["indicators"][0]["result"] == "50 % (1 av 2)");

    // Next year from the NNS template: it imports beside the 2021 one (their shared statements agree).
    auto nns = cli({"template", "--nns", "--year", "2022"});
    REQUIRE(nns.code == 0);
    CHECK(nlohmann::json::parse(nns.out)["year"] == 2022);
    auto nnsImported = cli({"import", "budget", "--db", db, "--file", tmp.write("nns.json", nns.out)});
    INFO(nnsImported.err);
    REQUIRE(nnsImported.code == 0);
    const auto nnsIndex = nlohmann::json::parse(cli({"index", "--db", db, "--year", "2022", "--format", "json"}).out);
    CHECK(nnsIndex["index"]["indicators"].size() == 26);

    SECTION("a bad import names file, line and field and exits 1")
    {
        const auto bad = tmp.write("fel.csv",
                                   "code;team;gender;referral_date;referring_party\n"
                                   "VNS-2021-003;vns;kvinna;2021-02-30;fk\n");
        auto r = cli({"import", "cases", "--db", db, "--file", bad});
        CHECK(r.code == 1);
        CHECK(r.err.find("fel.csv, rad 2, fält 'referral_date'") != std::string::npos);
    }
    SECTION("lock keeps a snapshot and refuses later changes")
    {
        auto lock = cli({"lock", "--db", db, "--year", "2021", "--by", "styrelsen"});
        REQUIRE(lock.code == 0);
        const auto late = tmp.write("sen.csv",
                                    "code;team;gender;birth_year;referral_date;referring_party;decision;decision_date;start_date\n"
                                    "VNS-2021-009;vns;kvinna;1990;2021-11-10;fk;ja;2021-11-20;2021-12-01\n");
        auto r = cli({"import", "cases", "--db", db, "--file", late});
        CHECK(r.code == 1);
        CHECK(r.err.find("låst") != std::string::npos);
        REQUIRE(cli({"unlock", "--db", db, "--year", "2021"}).code == 0);
        CHECK(cli({"import", "cases", "--db", db, "--file", late}).code == 0);
    }
}

TEST_CASE("samkolld: usage errors exit 2, refusals exit 1, with a Swedish message", "[server][cli]")
{
    TempDir tmp;
    CHECK(cli({}).code == 2);
    auto unknown = cli({"index", "--bogus", "1"});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("okänt alternativ --bogus") != std::string::npos);
    auto noYear = cli({"index", "--db", tmp.file("x.db")});
    CHECK(noYear.code == 2);
    CHECK(noYear.err.find("--year saknas") != std::string::npos);
    auto badYear = cli({"index", "--db", tmp.file("x.db"), "--year", "tjugo"});
    CHECK(badYear.code == 2);
    auto missing = cli({"index", "--db", tmp.file("saknas.db"), "--year", "2021"});
    CHECK(missing.code == 1);
    CHECK(missing.err.find("finns inte") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp.file("saknas.db")));
    auto help = cli({"--help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("samkolld index") != std::string::npos);
}

TEST_CASE("samkolld finance: lines, budget, utfall and the driftredovisning as text and JSON", "[server][cli][finance]")
{
    TempDir tmp;
    const auto db = tmp.file("f.db");
    REQUIRE(binary("init --db " + db).code == 0);
    REQUIRE(binary("federation add --db " + db + " --code sf --name Testförbundet").code == 0);
    REQUIRE(binary("member add --db " + db + " --code ka --name KommunA --kind kommun").code == 0);
    REQUIRE(binary("finance unit --db " + db + " --code SAMO --name Ordinarie").code == 0);
    REQUIRE(binary("finance line --db " + db + " --code avgift --name Medlemsavgift --group income --unit SAMO --member ka").code == 0);
    REQUIRE(binary("finance line --db " + db + " --code kansli --name Kansli --group administration --unit SAMO").code == 0);
    REQUIRE(binary("finance budget --db " + db + " --line avgift --year 2021 --amount 6000000").code == 0);
    REQUIRE(binary("finance budget --db " + db + " --line kansli --year 2021 --amount -1200000").code == 0);
    REQUIRE(binary("finance outcome --db " + db + " --line avgift --year 2021 --month 1 --amount 6000000").code == 0);
    for (int m = 1; m <= 8; ++m)
        REQUIRE(binary("finance outcome --db " + db + " --line kansli --year 2021 --month " + std::to_string(m) +
                       " --amount -100000")
                    .code == 0);
    REQUIRE(binary("finance equity --db " + db + " --year 2021 --opening 1500000").code == 0);

    auto text = binary("finance report --db " + db + " --year 2021 --tertial 2");
    REQUIRE(text.code == 0);
    INFO(text.out);
    CHECK(text.out.find("Driftredovisning 2021 T2 (jan–aug) – Testförbundet") != std::string::npos);
    CHECK(text.out.find("Kansli, styrelse och administration") != std::string::npos);
    CHECK(text.out.find("Över trappan") != std::string::npos);  // 1 500 + 6 000 − 1 200 > 1 200 tkr

    auto json = binary("finance report --db " + db + " --year 2021 --tertial 2 --format json");
    REQUIRE(json.code == 0);
    const auto j = nlohmann::json::parse(json.out);
    const auto& kansli = j["lines"][1]["figures"];
    CHECK(kansli["budget_period"] == -80'000'000);  // öre: −800 000 kr for Jan–Aug
    CHECK(kansli["outcome"] == -80'000'000);
    CHECK(kansli["consumption_permille"] == 1000);
    CHECK(kansli["forecast_computed"] == true);
    CHECK(j["result"]["tkr"]["outcome"] == 5'200);
    CHECK(j["equity"]["recommended_maximum"] == 120'000'000);  // 20 % of 6 000 tkr
    CHECK(j["equity"]["over_maximum"] == true);

    // Bad input names what is wrong.
    auto bad = cli({"finance", "outcome", "--db", db, "--line", "kansli", "--year", "2021", "--month", "13", "--amount", "1"});
    CHECK(bad.code == 2);
    CHECK(bad.err.find("--month") != std::string::npos);
    auto unknown = cli({"finance", "outcome", "--db", db, "--line", "nope", "--year", "2021", "--month", "1", "--amount", "1"});
    CHECK(unknown.code == 1);
    CHECK(unknown.err.find("budgetraden 'nope' finns inte") != std::string::npos);
    auto amount = cli({"finance", "budget", "--db", db, "--line", "kansli", "--year", "2021", "--amount", "12,345"});
    CHECK(amount.code == 2);
    CHECK(amount.err.find("--amount") != std::string::npos);
}

TEST_CASE("samkolld finance: budget and utfall files, the mapping and a SIE file with preview and re-import",
          "[server][cli][finance][sie]")
{
    TempDir tmp;
    const auto db = tmp.file("f.db");
    REQUIRE(binary("init --db " + db).code == 0);
    REQUIRE(binary("federation add --db " + db + " --code sf --name Testförbundet").code == 0);
    const auto budget = tmp.write("budget.csv",
                                  "rad;namn;grupp;enhet;år;belopp\n"
                                  "avgift;Medlemsavgifter;Intäkter;SAMO;2026;4 000 000\n"
                                  "kansli;Kanslipersonal;Kansli;SAMO;2026;-1 000 000\n"
                                  "lokal;Lokalhyra;Kansli;SAMO;2026;-150 000\n");
    auto b = binary("finance import-budget --db " + db + " --file " + budget);
    REQUIRE(b.code == 0);
    CHECK(b.out.find("3 nya budgetrader") != std::string::npos);
    const auto mapping = tmp.write("mappning.csv", "konto;rad\n3000-3999;avgift\n7000-7699;kansli\n5000-5099;lokal\n");
    const std::string sie = std::string(SAMKOLL_SOURCE_DIR) + "/tests/data/sie/typ2_bas_pc8.se";

    auto preview = binary("finance sie --db " + db + " --file " + sie + " --mapping " + mapping + " --dry-run");
    INFO(preview.out);
    REQUIRE(preview.code == 0);
    CHECK(preview.out.find("Företag: Samordningsförbundet Umeåregionen") != std::string::npos);
    CHECK(preview.out.find("kontrollsumman stämmer") != std::string::npos);
    CHECK(preview.out.find("Omappat") != std::string::npos);
    CHECK(preview.out.find("Förhandsvisning – inget har sparats") != std::string::npos);
    auto before = binary("finance report --db " + db + " --year 2026 --tertial 1 --format json");
    CHECK(nlohmann::json::parse(before.out)["result"]["outcome"] == 0);

    auto imported = binary("finance sie --db " + db + " --file " + sie);
    REQUIRE(imported.code == 0);
    CHECK(imported.out.find("6 belopp ändrades") != std::string::npos);
    auto again = binary("finance sie --db " + db + " --file " + sie);
    CHECK(again.out.find("Inga ändringar") != std::string::npos);
    auto report = binary("finance report --db " + db + " --year 2026 --tertial 1 --format json");
    const auto j = nlohmann::json::parse(report.out);
    // 1 000 000 − 80 000 − 82 000,50 − 81 000 − 12 000 kr (the unmapped 6110 is not in the report)
    CHECK(j["result"]["outcome"] == 74'499'950);

    auto mapped = binary("finance mapping --db " + db);
    CHECK(mapped.out.find("3000–3999") != std::string::npos);

    // A CSV correction of one month for a line the SIE import also gave: entered > SIE > CSV.
    const auto outcome = tmp.write("utfall.csv", "rad;period;belopp\nlokal;2026-02;-12 000\n");
    auto o = binary("finance import-outcome --db " + db + " --file " + outcome);
    REQUIRE(o.code == 0);
    CHECK(o.out.find("1 belopp ändrades") != std::string::npos);

    auto broken = cli({"finance", "sie", "--db", db, "--file",
                       std::string(SAMKOLL_SOURCE_DIR) + "/tests/data/sie/obalanserad.se"});
    CHECK(broken.code == 1);
    CHECK(broken.err.find("obalanserad.se, rad 8") != std::string::npos);
    CHECK(broken.err.find("balanserar inte") != std::string::npos);
}

TEST_CASE("samkolld backup, check and restore: the database's care from the command line", "[server][cli][backup]")
{
    TempDir tmp;
    const auto db = tmp.file("samkoll.db");
    REQUIRE(binary("demo --db " + db).code == 0);
    const auto copy = tmp.file("natt.db");
    auto backup = binary("backup --db " + db + " --to " + copy);
    INFO(backup.out);
    REQUIRE(backup.code == 0);
    CHECK(backup.out.find("Databasen är hel") != std::string::npos);
    auto whole = binary("check --db " + copy);
    CHECK(whole.code == 0);
    CHECK(whole.out.find("schemaversion") != std::string::npos);

    auto notDb = cli({"check", "--db", tmp.write("fel.db", "ingen databas")});
    CHECK(notDb.code == 1);
    CHECK(notDb.err.find("ingen Samkoll-databas") != std::string::npos);

    REQUIRE(binary("federation add --db " + db + " --code extra --name Extra").code == 0);
    auto restored = binary("restore --from " + copy + " --db " + db);
    REQUIRE(restored.code == 0);
    CHECK(restored.out.find(".fore-aterstallning") != std::string::npos);
    CHECK(binary("federation list --db " + db).out.find("extra") == std::string::npos);
    CHECK(binary("federation list --db " + db + ".fore-aterstallning").out.find("extra") != std::string::npos);
}

TEST_CASE("samkolld report bokslut: HTML in one file, CSV one file per table, the board's copy marked", "[server][cli][report]")
{
    TempDir dir;
    const auto db = dir.file("demo.db");
    REQUIRE(cli({"demo", "--db", db}).code == 0);

    auto html = cli({"report", "bokslut", "--db", db, "--year", "2021", "--format", "html", "--out", dir.file("b.html")});
    INFO(html.err);
    REQUIRE(html.code == 0);
    std::ifstream page(dir.file("b.html"));
    const std::string text((std::istreambuf_iterator<char>(page)), std::istreambuf_iterator<char>());
    CHECK(text.find("Socialt bokslut 2021 – Hela förbundet") != std::string::npos);
    CHECK(text.find("Kansliets exemplar") != std::string::npos);

    auto csv = cli({"report", "bokslut", "--db", db, "--year", "2021", "--team", "vannas", "--for", "board", "--format",
                    "csv", "--out", dir.file("vannas.csv")});
    REQUIRE(csv.code == 0);
    for (const auto* table : {"index", "indikatorer", "rattvisa"}) {
        const auto file = dir.file(std::string("vannas-") + table + ".csv");
        REQUIRE(std::filesystem::exists(file));
        std::ifstream in(file, std::ios::binary);
        std::string head(3, '\0');
        in.read(head.data(), 3);
        CHECK(head == "\xEF\xBB\xBF");
        CHECK(csv.out.find(file) != std::string::npos);  // says what it wrote
    }

    // The förbund and every team in one document: one CSV file per team and table.
    auto all = cli({"report", "bokslut", "--db", db, "--year", "2021", "--team", "alla", "--format", "csv", "--out",
                    dir.file("alla.csv")});
    REQUIRE(all.code == 0);
    CHECK(std::filesystem::exists(dir.file("alla-index.csv")));
    CHECK(std::filesystem::exists(dir.file("alla-vannas-indikatorer.csv")));
    CHECK(std::filesystem::exists(dir.file("alla-bjurholm-rattvisa.csv")));

    // Mistakes are named.
    auto noOut = cli({"report", "bokslut", "--db", db, "--year", "2021"});
    CHECK(noOut.code != 0);
    CHECK(noOut.err.find("--out") != std::string::npos);
    auto badFormat = cli({"report", "bokslut", "--db", db, "--year", "2021", "--format", "docx", "--out", dir.file("x")});
    CHECK(badFormat.code != 0);
    CHECK(badFormat.err.find("--format") != std::string::npos);
    auto badTeam = cli({"report", "bokslut", "--db", db, "--year", "2021", "--team", "nowhere", "--format", "html",
                        "--out", dir.file("x.html")});
    CHECK(badTeam.code != 0);
    CHECK_FALSE(std::filesystem::exists(dir.file("x.html")));
}

#ifdef SAMKOLL_HAVE_PDF
TEST_CASE("samkolld report bokslut as PDF: A4 pages numbered 'Sida i av n', every indicator, the engine's figures",
          "[server][cli][report][pdf]")
{
    TempDir dir;
    const auto db = dir.file("demo.db");
    REQUIRE(cli({"demo", "--db", db}).code == 0);
    const auto pdf = dir.file("bokslut.pdf");
    auto r = cli({"report", "bokslut", "--db", db, "--year", "2021", "--format", "pdf", "--out", pdf});
    INFO(r.err);
    REQUIRE(r.code == 0);
    // The pages it says it wrote, read back with poppler's tools.
    auto run = [](const std::string& cmd) {
        std::string out;
        FILE* pipe = popen(cmd.c_str(), "r");
        REQUIRE(pipe);
        std::array<char, 4096> buf{};
        std::size_t n = 0;
        while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0)
            out.append(buf.data(), n);
        REQUIRE(pclose(pipe) == 0);
        return out;
    };
    const auto info = run("pdfinfo '" + pdf + "'");
    CHECK(info.find("842 x 595 pts (A4)") != std::string::npos);  // landscape
    const auto pagesAt = info.find("Pages:");
    REQUIRE(pagesAt != std::string::npos);
    const int pages = std::stoi(info.substr(pagesAt + 6));
    CHECK(pages > 1);
    CHECK(r.out.find("(" + std::to_string(pages) + " sidor)") != std::string::npos);
    for (int p = 1; p <= pages; ++p) {
        const auto text = run("pdftotext -f " + std::to_string(p) + " -l " + std::to_string(p) + " '" + pdf + "' -");
        CHECK(text.find("Sida " + std::to_string(p) + " av " + std::to_string(pages)) != std::string::npos);
        CHECK(text.find("Samordningsförbundet Umeåregionen (demo)") != std::string::npos);  // on every page
        CHECK(text.find("Socialt bokslut 2021") != std::string::npos);
    }
    // Every indicator and the engine's figures for the förbund.
    // Compared without white space: a narrow column wraps its text.
    auto squeeze = [](std::string text) {
        std::erase_if(text, [](unsigned char c) { return std::isspace(c); });
        return text;
    };
    const auto all = squeeze(run("pdftotext '" + pdf + "' -"));
    const auto engine = nlohmann::json::parse(cli({"index", "--db", db, "--year", "2021", "--format", "json"}).out)["index"];
    CHECK(all.find(squeeze("Impactindex " + std::to_string(engine["total"]["index"].get<int>()))) != std::string::npos);
    for (const auto& i : engine["indicators"]) {
        INFO(i["display_code"].get<std::string>());
        CHECK(all.find(squeeze(i["code"].get<std::string>())) != std::string::npos);
        CHECK(all.find(squeeze(i["target"]["text"].get<std::string>())) != std::string::npos);
        CHECK(all.find(squeeze(i["result"].get<std::string>())) != std::string::npos);
    }

    // The board's delårsrapport: the index so far, the teams and the money, in one PDF.
    const auto delar = dir.file("delar.pdf");
    auto d = cli({"report", "delar", "--db", db, "--year", "2021", "--tertial", "2", "--for", "board", "--out", delar});
    INFO(d.err);
    REQUIRE(d.code == 0);
    const auto report = squeeze(run("pdftotext '" + delar + "' -"));
    CHECK(report.find(squeeze("Delårsrapport 2021 T2 (jan–aug)")) != std::string::npos);
    CHECK(report.find(squeeze("Impactindex per team")) != std::string::npos);
    CHECK(report.find(squeeze("Verksamhetens resultat")) != std::string::npos);
    CHECK(report.find(squeeze("Eget kapital")) != std::string::npos);
    CHECK(report.find(squeeze("Styrelsens exemplar")) != std::string::npos);
    CHECK(report.find(squeeze("Sida 1 av")) != std::string::npos);

    // Every line of its driftredovisning with the finance core's figures, cell by cell, as
    // the page lays them out (pdftotext -layout: the label, then the cells two spaces apart).
    {
        auto opened = samkoll::core::Database::openExisting(db);
        REQUIRE(opened);
        const auto fed = samkoll::core::Repository(**opened).federation("").value().id;
        const auto overview = samkoll::core::computeFinanceOverview(**opened, fed, 2021, 2, 5);
        REQUIRE(overview);
        std::vector<std::string> lines;
        std::istringstream layout(run("pdftotext -layout '" + delar + "' -"));
        for (std::string line; std::getline(layout, line);)
            lines.push_back(line);
        int checked = 0;
        for (const auto& row : samkoll::core::operatingReportRows(overview->followUp.report)) {
            if (row.kind != samkoll::core::OperatingReportRow::Kind::Line)
                continue;
            INFO(row.label);
            bool found = false;
            for (const auto& line : lines) {
                const auto at = line.find(row.label);
                if (at == std::string::npos || line.find_first_not_of(' ') != at)
                    continue;
                std::vector<std::string> cells;
                std::string rest = line.substr(at + row.label.size());
                for (std::size_t i = 0; i < rest.size();) {
                    const auto start = rest.find_first_not_of(' ', i);
                    if (start == std::string::npos)
                        break;
                    auto end = rest.find("  ", start);
                    if (end == std::string::npos)
                        end = rest.size();
                    cells.push_back(rest.substr(start, end - start));
                    i = end;
                }
                if (cells == row.cells) {
                    found = true;
                    break;
                }
            }
            CHECK(found);
            ++checked;
        }
        CHECK(checked > 10);
    }

    // Participant statistics: the volume as `samkolld stats` has it.
    const auto stats = dir.file("statistik.pdf");
    REQUIRE(cli({"report", "statistik", "--db", db, "--year", "2021", "--team", "vannas", "--out", stats}).code == 0);
    const auto statsText = squeeze(run("pdftotext '" + stats + "' -"));
    const auto statsJson = nlohmann::json::parse(
        cli({"stats", "--db", db, "--year", "2021", "--team", "vannas", "--format", "json"}).out);
    CHECK(statsText.find(squeeze("Deltagarstatistik 2021")) != std::string::npos);
    for (const auto& row : statsJson["volume"])
        CHECK(statsText.find(squeeze(row["label"].get<std::string>() + std::to_string(row["women"].get<int>()))) !=
              std::string::npos);

    // Ranking and trend after the year is fastställt: the approved figures, and it says so.
    REQUIRE(cli({"lock", "--db", db, "--year", "2021", "--by", "Styrelsen 2022-03-14"}).code == 0);
    const auto ranking = dir.file("ranking.pdf");
    REQUIRE(cli({"report", "ranking", "--db", db, "--year", "2021", "--for", "board", "--out", ranking}).code == 0);
    const auto rankingText = squeeze(run("pdftotext '" + ranking + "' -"));
    CHECK(rankingText.find(squeeze("Fastställt")) != std::string::npos);
    CHECK(rankingText.find(squeeze("2021 (fastställt)")) != std::string::npos);
    const auto teams = nlohmann::json::parse(cli({"index", "--db", db, "--year", "2021", "--format", "json"}).out)["teams"];
    REQUIRE(teams.size() == 7);
    for (const auto& team : teams)  // each team's name beside its index
        CHECK(rankingText.find(squeeze(team["unit"]["name"].get<std::string>() +
                                       std::to_string(team["total"]["index"].get<int>()))) != std::string::npos);
}
#endif
