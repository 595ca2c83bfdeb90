// SPDX-License-Identifier: GPL-3.0-or-later
// Financial follow-up at scale, two figures with their baselines in the same run:
//  1. SIE import: a generated type 4E file with N #TRANS rows (default
//     1 000 000) imported — read, checked, mapped, written — beside only
//     splitting the same file into fields; with peak memory after a file a
//     tenth the size and after the full one (flat: the file is streamed).
//  2. Driftredovisning of a national set (80 förbund × 10 years × 60 lines ×
//     12 months of utfall) beside one plain scan of the utfall table: the set
//     made förbund by förbund with all years from one read (followUpYears,
//     the goal's figure), and a year at a time as a single report is made.
// Prints figures; asserts nothing about time.
//
//   finance_bench [--trans 1000000] [--federations 80] [--years 10] [--lines 60] [--dir DIR]
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "bench_common.hpp"
#include "samkoll/finance/finance_store.hpp"
#include "samkoll/io/finance_import.hpp"
#include "samkoll/io/sie.hpp"
#include "samkoll/store/repository.hpp"

using namespace samkoll::core;
using namespace samkoll::core::finance;
using namespace samkoll::bench;
namespace fs = std::filesystem;

namespace {

struct Options {
    long trans = 1'000'000;
    int federations = 80;
    int years = 10;
    int lines = 60;
    std::string dir;
};

/// A type 4E file of a förbund's year: vouchers of two rows (a cost on an
/// account of class 4–7 with a kostnadsställe and sometimes a project, against
/// the bank), written straight to disk.
void writeSie(const fs::path& path, long trans)
{
    std::ofstream out(path, std::ios::binary);
    out << "#FLAGGA 0\r\n#PROGRAM \"finance_bench\" 1\r\n#FORMAT PC8\r\n#SIETYP 4\r\n"
        << "#FNAMN \"Samordningsf\x94rbundet Bench\"\r\n#RAR 0 20260101 20261231\r\n#RAR -1 20250101 20251231\r\n"
        << "#DIM 1 \"Kostnadsst\x84lle\"\r\n#DIM 6 \"Projekt\"\r\n";
    std::mt19937 rng(7);
    const int accounts[] = {4010, 4020, 5010, 5410, 6110, 6230, 7010, 7510, 7690, 3010};
    char line[160];
    for (long v = 0; v < trans / 2; ++v) {
        const int day = 1 + static_cast<int>(v % 28);
        const int month = 1 + static_cast<int>((v * 12) / (trans / 2 + 1));
        const int account = accounts[rng() % 10];
        const long ore = 100 + static_cast<long>(rng() % 5'000'000);
        std::snprintf(line, sizeof line, "#VER A %ld 2026%02d%02d \"Faktura %ld\"\r\n{\r\n", v + 1, month, day, v + 1);
        out << line;
        const bool project = rng() % 4 == 0;
        std::snprintf(line, sizeof line, "#TRANS %d {1 \"%d\"%s} %ld.%02ld\r\n", account, 100 + static_cast<int>(rng() % 8),
                      project ? " 6 \"P1\"" : "", ore / 100, ore % 100);
        out << line;
        std::snprintf(line, sizeof line, "#TRANS 1930 {} -%ld.%02ld\r\n}\r\n", ore / 100, ore % 100);
        out << line;
    }
}

struct Federation {
    std::unique_ptr<Database> db;
    Id fed = 0;
};

void setUpMapped(Database& db, Id fed)
{
    FinanceStore store(db);
    must(store.addUnit(fed, "SAMO", "Ordinarie", false));
    for (const char* code : {"avgift", "kop", "lokal", "kansli", "projekt"})
        must(store.addLine(fed, {code, code, std::string(code) == "avgift" ? LineGroup::Income : LineGroup::Administration,
                                 "SAMO", "", ""}));
    must(store.setMapping(fed, {{"3000", "3999", "", "", "avgift"},
                                {"", "", "6", "P1", "projekt"},
                                {"4000", "4999", "", "", "kop"},
                                {"5000", "5999", "", "", "lokal"},
                                {"7000", "7699", "", "", "kansli"}}));
}

void sieBenchmark(const Options& o)
{
    const fs::path small = fs::path(o.dir) / "bench_small.se";
    const fs::path large = fs::path(o.dir) / "bench_large.se";
    writeSie(small, std::max(2L, o.trans / 10));
    writeSie(large, o.trans);
    const auto bytes = fs::file_size(large);

    // (The SIE figures are single runs: the file is read from the page cache both times.)
    auto t0 = Clock::now();
    std::int64_t fields = 0;
    {
        std::ifstream in(large, std::ios::binary);
        fields = sie::countFields(in);
    }
    auto t1 = Clock::now();
    const double tokenise = seconds(t0, t1);

    auto db = must(Database::open((fs::path(o.dir) / "bench_sie.db").string()));
    Repository repo(*db);
    const Id fed = must(repo.addFederation("bench", "Bench"));
    setUpMapped(*db, fed);
    FinanceStore store(*db);
    {
        std::ifstream in(small, std::ios::binary);
        must(importSie(store, fed, in, "small.se"));
    }
    const long rssSmall = peakRssMb();
    t0 = Clock::now();
    SieImport result;
    {
        std::ifstream in(large, std::ios::binary);
        result = must(importSie(store, fed, in, "large.se"));
    }
    t1 = Clock::now();
    const long rssLarge = peakRssMb();
    const double import = seconds(t0, t1);

    std::printf("SIE 4E: %ld #TRANS (%.1f MB, %lld verifikationer)\n", o.trans, static_cast<double>(bytes) / 1e6,
                static_cast<long long>(result.file.vouchers));
    std::printf("  dela i fält (baslinje):   %7.3f s  %10.0f rader/s  (%lld fält)\n", tokenise,
                static_cast<double>(o.trans) / tokenise, static_cast<long long>(fields));
    std::printf("  import (läs+kontroll+mappning+skrivning): %7.3f s  %10.0f rader/s\n", import,
                static_cast<double>(o.trans) / import);
    std::printf("  kvot import / dela i fält: %.2f (mål ≤ 3)\n", import / tokenise);
    std::printf("  toppminne efter en tiondel av filen: %ld MB, efter hela: %ld MB (mål: platt)\n", rssSmall, rssLarge);
    std::printf("  %zu belopp på budgetrader, %zu omappade\n", result.outcome.cells.size(), result.unmapped.size());
    fs::remove(small);
    fs::remove(large);
}

void operatingReportBenchmark(const Options& o)
{
    auto db = must(Database::open((fs::path(o.dir) / "bench_finance.db").string()));
    Repository repo(*db);
    FinanceStore store(*db);
    std::mt19937 rng(11);
    std::vector<Id> federations;
    auto g0 = Clock::now();
    {
        Transaction tx(*db);
        for (int f = 0; f < o.federations; ++f) {
            const Id fed = must(repo.addFederation("f" + std::to_string(f), "Förbund " + std::to_string(f)));
            federations.push_back(fed);
            must(store.addUnit(fed, "SAMO", "Ordinarie", false));
            std::vector<OutcomeCell> cells;
            for (int l = 0; l < o.lines; ++l) {
                const auto code = "l" + std::to_string(l);
                must(store.addLine(fed, {code, "Rad " + std::to_string(l),
                                         l < 5 ? LineGroup::Income : l < 20 ? LineGroup::Administration
                                                                             : LineGroup::Interventions,
                                         "SAMO", "", ""}));
            }
            for (int y = 0; y < o.years; ++y) {
                const int year = 2017 + y;
                std::set<YearMonth> months;
                cells.clear();
                for (int m = 1; m <= 12; ++m) {
                    months.insert({year, m});
                    for (int l = 0; l < o.lines; ++l) {
                        const Amount a = static_cast<Amount>(rng() % 10'000'000);
                        cells.push_back({"l" + std::to_string(l), year, m, l < 5 ? a : -a});
                    }
                }
                must(store.replaceImportedOutcome(fed, OutcomeSource::Sie, months, cells, "bench", true));
                for (int l = 0; l < o.lines; l += 3)
                    must(store.setBudget(fed, "l" + std::to_string(l), year, l < 5 ? kronor(1'000'000) : kronor(-100'000)));
            }
            must(store.setOpeningEquity(fed, 2017, kronor(1'000'000)));
        }
        tx.commit();
    }
    auto g1 = Clock::now();
    const long rows = static_cast<long>(o.federations) * o.years * o.lines * 12;

    // Each figure is the best of three runs, the baseline's too.
    auto best = [](auto&& run) {
        double fastest = 1e300;
        for (int i = 0; i < 3; ++i) {
            const auto t0 = Clock::now();
            run();
            fastest = std::min(fastest, seconds(t0, Clock::now()));
        }
        return fastest;
    };
    // Baseline: one plain scan of every utfall row, summed.
    std::int64_t sum = 0, scanned = 0;
    const double scan = best([&] {
        sum = scanned = 0;
        auto st = db->prepare("SELECT line_id, year, month, coalesce(entered, sie, csv) FROM line_outcome");
        while (st.step()) {
            sum += st.integer(3);
            ++scanned;
        }
    });
    // Every förbund's driftredovisning for every year (T3 = the full year, with
    // last year's utfall beside), then the same with equity rolled forward
    // from the first year (which reads every earlier year's utfall too).
    std::int64_t result = 0, closing = 0;
    const double reports = best([&] {
        result = 0;
        for (Id fed : federations)
            for (int y = 0; y < o.years; ++y)
                result += operatingReport(must(store.yearFigures(fed, 2017 + y)), MonthRange::tertialToDate(3)).result.outcome;
    });
    const double withEquity = best([&] {
        closing = 0;
        for (Id fed : federations)
            for (int y = 0; y < o.years; ++y)
                closing += must(followUp(store, fed, 2017 + y, MonthRange::tertialToDate(3))).equity.closingForecast;
    });
    // The national set as it is made: each förbund's years in one pass
    // (followUpYears — one read of the utfall, equity rolled forward).
    std::int64_t setResult = 0, setClosing = 0;
    const double nationalSet = best([&] {
        setResult = setClosing = 0;
        for (Id fed : federations)
            for (const auto& f : must(followUpYears(store, fed, 2017, 2016 + o.years, MonthRange::tertialToDate(3)))) {
                setResult += f.report.result.outcome;
                setClosing += f.equity.closingForecast;
            }
    });
    std::printf("Driftredovisning, nationell mängd: %d förbund × %d år × %d rader × 12 månader = %ld utfallsrader "
                "(uppbyggd på %.1f s)\n",
                o.federations, o.years, o.lines, rows, seconds(g0, g1));
    std::printf("  en vanlig genomläsning (baslinje): %7.3f s  (%lld rader, summa %lld)\n", scan,
                static_cast<long long>(scanned), static_cast<long long>(sum));
    std::printf("  nationella mängden, förbund för förbund med alla år i en läsning (followUpYears): %7.3f s  "
                "(resultat totalt %lld, utgående eget kapital %lld)\n",
                nationalSet, static_cast<long long>(setResult), static_cast<long long>(setClosing));
    std::printf("  kvot nationella mängden / genomläsning: %.2f (mål ≤ 3)\n", nationalSet / scan);
    std::printf("  ett år i taget (followUp per förbund och år, som en enskild rapport): driftredovisning %7.3f s "
                "(kvot %.2f, resultat %lld), med eget kapital framräknat från första året %7.3f s (kvot %.2f, utgående %lld)\n",
                reports, reports / scan, static_cast<long long>(result), withEquity, withEquity / scan,
                static_cast<long long>(closing));
    std::printf("  toppminne: %ld MB\n", peakRssMb());
}

}  // namespace

int main(int argc, char** argv)
{
    programName() = "finance_bench";
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        if (k == "--trans")
            o.trans = std::atol(argv[i + 1]);
        else if (k == "--federations")
            o.federations = std::atoi(argv[i + 1]);
        else if (k == "--years")
            o.years = std::atoi(argv[i + 1]);
        else if (k == "--lines")
            o.lines = std::atoi(argv[i + 1]);
        else if (k == "--dir")
            o.dir = argv[i + 1];
    }
    const bool ownDir = o.dir.empty();
    if (ownDir)
        o.dir = (fs::temp_directory_path() / ("finance_bench_" + std::to_string(::getpid()))).string();
    fs::create_directories(o.dir);
    sieBenchmark(o);
    operatingReportBenchmark(o);
    if (ownDir)
        fs::remove_all(o.dir);
    return 0;
}
