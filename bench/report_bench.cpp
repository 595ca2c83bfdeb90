// SPDX-License-Identifier: GPL-3.0-or-later
// The förbund's full socialt bokslut (the förbund and its seven teams, every
// indicator, as buildReport makes it: index, response rates, stories) as PDF: pages, pages per second and peak memory, beside the time
// to compute the same indexes alone in the same run (goal: at least 30 pages
// a second, so the kansli never waits for a document).
#include <QGuiApplication>
#include <cstdio>
#include <filesystem>

#include "bench_common.hpp"
#include "pdf_document.hpp"
#include "samkoll/demo/demo_data.hpp"
#include "samkoll/report/reports.hpp"

using namespace samkoll;
using namespace samkoll::bench;

int main(int argc, char** argv)
{
    programName() = "report_bench";
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10;

    auto db = core::Database::open(":memory:");
    if (!db)
        die(db.error());
    core::Repository repo(**db);
    auto created = core::createDemoFederation(repo);
    if (!created)
        die(created.error());
    const auto period = core::Period::year(2021);

    // The indexes alone: the förbund and every team, as the report needs them.
    auto t0 = Clock::now();
    core::FederationIndex index;
    for (int i = 0; i < rounds; ++i) {
        auto computed = core::computeFederationIndex(**db, created->federationId, period);
        if (!computed)
            die(computed.error());
        index = std::move(*computed);
    }
    const double computeSeconds = seconds(t0, Clock::now()) / rounds;

    const auto path = (std::filesystem::temp_directory_path() / "samkoll-report-bench.pdf").string();
    int pages = 0;
    t0 = Clock::now();
    for (int i = 0; i < rounds; ++i) {
        // As the kansli gets it (samkolld report bokslut --team alla, "Skapa rapport"): the
        // index computed again, the response rates and the stories read, then laid out.
        auto doc = core::buildReport(**db, created->federationId,
                                     {core::ReportKind::Bokslut, 2021, std::nullopt, "alla", core::Audience::CentralOffice},
                                     "2026-11-30 12:00");
        if (!doc)
            die(doc.error());
        auto written = pdf::writeDocumentPdf(*doc, path);
        if (!written)
            die(written.error());
        pages = *written;
    }
    const double pdfSeconds = seconds(t0, Clock::now()) / rounds;
    std::size_t indicators = index.federationIndex.indicators.size();
    for (const auto& t : index.teams)
        indicators += t.indicators.size();

    std::printf("Socialt bokslut som PDF: förbundet och %zu team, %zu indikatorrader, %d sidor (medel av %d körningar)\n",
                index.teams.size(), indicators, pages, rounds);
    std::printf("  indexen ensamma:   %8.1f ms\n", computeSeconds * 1000);
    std::printf("  hela rapporten:    %8.1f ms  = %.1f sidor/s (mål minst 30)  = %.1f × indexens tid\n", pdfSeconds * 1000,
                pages / pdfSeconds, pdfSeconds / computeSeconds);
    std::printf("  högsta minne:      %8ld MB\n", peakRssMb());
    std::filesystem::remove(path);
    return 0;
}
