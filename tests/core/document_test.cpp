// SPDX-License-Identifier: GPL-3.0-or-later
// The socialt bokslut as a document: every figure in its CSV tables is the
// engine's (compared with the same unit's JSON report), the HTML carries the
// förbund, the period, every indicator and the colours with their words, and
// the board's copy hides every share whose count, base or remainder is 1–4.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "document_reading.hpp"
#include "samkoll/demo/demo_data.hpp"
#include "samkoll/report/document.hpp"
#include "samkoll/report/finance_report.hpp"
#include "samkoll/report/index_report.hpp"
#include "samkoll/store/repository.hpp"

using namespace samkoll::core;
using nlohmann::json;
using samkoll::test::readCsv;
using samkoll::test::table;

namespace {

struct DemoIndex {
    std::unique_ptr<Database> db = Database::open(":memory:").value();
    FederationIndex index;
    DemoIndex()
    {
        Repository repo(*db);
        auto demo = createDemoFederation(repo);
        REQUIRE(demo);
        auto computed = computeFederationIndex(*db, demo->federationId, Period::year(2021));
        REQUIRE(computed);
        index = std::move(*computed);
    }
};

}  // namespace

TEST_CASE("Socialt bokslut: every figure of the CSV tables is the engine's", "[core][report][document]")
{
    DemoIndex demo;
    for (const std::string team : {"", "vannas"}) {
        INFO("unit " << (team.empty() ? "förbundet" : team));
        auto doc = socialBokslut(demo.index, team, Audience::CentralOffice, "2026-11-30 12:00");
        REQUIRE(doc);
        const json engine = federationIndexToJson(demo.index, team)["index"];

        // Index per area: maximal and achieved impact value, index, counts.
        const auto areas = readCsv(tableCsv(table(*doc, "index")));
        REQUIRE(areas.size() == engine["areas"].size() + 2);  // header, areas, total
        for (std::size_t i = 0; i < engine["areas"].size(); ++i) {
            const auto& a = engine["areas"][i];
            const auto& row = areas[i + 1];
            CHECK(row[0] == std::to_string(a["number"].get<int>()) + ". " + a["name"].get<std::string>());
            CHECK(row[1] == std::to_string(a["figures"]["max"].get<std::int64_t>()));
            CHECK(row[2] == std::to_string(a["figures"]["achieved"].get<std::int64_t>()));
            CHECK(row[3] == (a["figures"]["index"].is_null() ? "–" : std::to_string(a["figures"]["index"].get<int>())));
            CHECK(row[4] == std::to_string(a["figures"]["achieved_count"].get<int>()));
            CHECK(row[5] == std::to_string(a["figures"]["assessable"].get<int>()));
            CHECK(row[6] == std::to_string(a["figures"]["not_assessable"].get<int>()));
            CHECK(row[7] == std::to_string(a["ideal_share_pct"].get<int>()));
        }
        const auto& total = areas.back();
        CHECK(total[0] == "Totalt");
        CHECK(total[1] == std::to_string(engine["total"]["max"].get<std::int64_t>()));
        CHECK(total[2] == std::to_string(engine["total"]["achieved"].get<std::int64_t>()));
        CHECK(total[3] == std::to_string(engine["total"]["index"].get<int>()));

        // Every indicator: code, weight, target, result and signal as the engine says them.
        const auto rows = readCsv(tableCsv(table(*doc, "indikatorer")));
        REQUIRE(rows.size() == engine["indicators"].size() + 1);
        for (std::size_t i = 0; i < engine["indicators"].size(); ++i) {
            const auto& r = engine["indicators"][i];
            const auto& row = rows[i + 1];
            CHECK(row[0] == r["display_code"].get<std::string>());
            CHECK(row[1] == r["text"].get<std::string>());
            CHECK(row[2] == std::to_string(r["weight"].get<int>()));
            CHECK(row[3] == r["target"]["text"].get<std::string>());
            CHECK(row[4] == r["result"].get<std::string>());
            const std::string signal = r["signal"];
            CHECK(row[5] == (signal == "achieved" ? "Uppnått" : signal == "not_achieved" ? "Ej uppnått" : "Utfall saknas"));
        }

        // Beyond the method: the counts and the two other indexes.
        const auto fair = readCsv(tableCsv(table(*doc, "rattvisa")));
        const auto& beyond = engine["beyond_published_method"];
        CHECK(fair[1][1] == std::to_string(beyond["swing_count"].get<int>()));
        CHECK(fair[2][1] == std::to_string(beyond["low_volume_count"].get<int>()));
        CHECK(fair[3][1] == std::to_string(beyond["inconclusive_count"].get<int>()));
        CHECK(fair[4][1] == std::to_string(beyond["volume_adjusted"]["index"].get<int>()));
        CHECK(fair[5][1] == std::to_string(beyond["graded"]["index"].get<int>()));
    }
}

TEST_CASE("Socialt bokslut: the HTML is one printable file with the förbund, the period and every indicator",
          "[core][report][document]")
{
    DemoIndex demo;
    auto doc = socialBokslut(demo.index, "", Audience::CentralOffice, "2026-11-30 12:00");
    REQUIRE(doc);
    const auto page = documentHtml(*doc);
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(page.find("<style>") != std::string::npos);            // styles inside
    CHECK(page.find("<link") == std::string::npos);              // nothing fetched
    CHECK(page.find("@page { size: A4") != std::string::npos);
    CHECK(page.find(demo.index.federation.name) != std::string::npos);
    CHECK(page.find("Socialt bokslut 2021 – Hela förbundet") != std::string::npos);
    CHECK(page.find("Kansliets exemplar") != std::string::npos);
    CHECK(page.find("Utöver den fastställda metoden") != std::string::npos);
    for (const auto& r : demo.index.federationIndex.indicators)
        CHECK(page.find("<td>" + r.displayCode() + "</td>") != std::string::npos);
    // The colour beside its word: black-and-white print still reads.
    const auto& t = demo.index.federationIndex.total;
    CHECK(page.find("<span class=\"" + std::string(codeOf(t.colour)) + "\">" + std::to_string(*t.index) + " (" +
                    std::string(labelOf(t.colour)) + ")</span>") != std::string::npos);
    CHECK(page.find("<thead>") != std::string::npos);  // headers repeat on a new page when printed

    auto missing = socialBokslut(demo.index, "nowhere", Audience::CentralOffice, "");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().field == "team");
}

TEST_CASE("Socialt bokslut: the board's copy hides every share with a count, base or remainder of 1–4",
          "[core][report][document][security]")
{
    DemoIndex demo;
    auto doc = socialBokslut(demo.index, "vannas", Audience::Board, "2026-11-30 12:00");
    REQUIRE(doc);
    CHECK(doc->audience.find("Styrelsens exemplar") != std::string::npos);
    const auto rows = readCsv(tableCsv(table(*doc, "indikatorer")));
    const auto* unit = demo.index.team("vannas");
    REQUIRE(unit);
    int hidden = 0;
    int shown = 0;
    auto small = [](std::int64_t v) { return v > 0 && v < 5; };
    for (std::size_t i = 0; i < unit->indicators.size(); ++i) {
        const auto& r = unit->indicators[i];
        const auto& row = rows[i + 1];
        const bool share = r.kind == IndicatorKind::OutcomeShare || r.kind == IndicatorKind::Throughput ||
                           r.kind == IndicatorKind::SurveyShare || r.kind == IndicatorKind::GenderBalance;
        if (!share || !r.assessable())
            continue;
        if (small(r.count.n) || small(r.count.N) || small(r.count.N - r.count.n)) {
            CHECK(row[4].find("dold") != std::string::npos);
            CHECK(row[4].find('%') == std::string::npos);
            ++hidden;
        } else {
            CHECK(row[4] == r.resultText());
            ++shown;
        }
        // The gender split (a gender balance is its own split): no part with a small count shown as a number.
        INFO(r.displayCode() << ": " << row[6]);
        if (r.kind == IndicatorKind::GenderBalance)
            continue;
        if (r.women && small(r.women->n))
            CHECK(row[6].find("kvinnor dold") != std::string::npos);
        if (r.men && small(r.men->N - r.men->n))
            CHECK(row[6].find("män dold") != std::string::npos);
    }
    CHECK(hidden > 0);
    CHECK(shown > 0);
}

TEST_CASE("The index for a reader of aggregates only hides the same shares as the board's documents",
          "[core][report][security]")
{
    DemoIndex demo;
    const auto exact = federationIndexToJson(demo.index, "vannas")["index"]["indicators"];
    const auto board = federationIndexToJson(demo.index, "vannas", Language::Swedish, 5)["index"]["indicators"];
    const auto* unit = demo.index.team("vannas");
    REQUIRE(board.size() == unit->indicators.size());
    int hidden = 0;
    for (std::size_t i = 0; i < board.size(); ++i) {
        const auto& r = unit->indicators[i];
        INFO(r.displayCode());
        const bool share = r.kind == IndicatorKind::OutcomeShare || r.kind == IndicatorKind::Throughput ||
                           r.kind == IndicatorKind::SurveyShare || r.kind == IndicatorKind::GenderBalance;
        if (share && smallShare(r.count, 5)) {
            ++hidden;
            CHECK(board[i]["n"].is_null());
            CHECK(board[i]["N"].is_null());
            CHECK(board[i]["value"].is_null());
            CHECK(board[i]["result"] == "dold (färre än 5)");
            CHECK(board[i]["suppressed"] == true);
        } else if (!board[i].value("suppressed", false)) {
            CHECK(board[i] == exact[i]);  // nothing else changes
        }
        if (r.women && smallShare(*r.women, 5))
            CHECK(board[i]["women"].is_null());
    }
    CHECK(hidden > 0);
    // The areas and the index are aggregates: the same for every reader.
    CHECK(federationIndexToJson(demo.index, "vannas", Language::Swedish, 5)["index"]["areas"] ==
          federationIndexToJson(demo.index, "vannas")["index"]["areas"]);
}

TEST_CASE("Driftredovisning and delårsrapport as documents: the CSV holds the finance core's exact kronor",
          "[core][report][document][finance]")
{
    DemoIndex demo;
    auto overview = computeFinanceOverview(*demo.db, demo.index.federation.id, 2021, 2);
    REQUIRE(overview);
    auto doc = driftredovisning(*overview, "2026-11-30 12:00");
    REQUIRE(doc);
    CHECK(doc->title == "Driftredovisning " + overview->header.periodLabel);

    // Every line of the driftredovisning, in kronor with öre, as the JSON has it in öre.
    const json engine = financeOverviewToJson(*overview);
    const auto rows = readCsv(tableCsv(table(*doc, "drift")));
    CHECK(rows[0][1] == "Budget år (kr)");  // the spreadsheet's unit is named
    auto kronor = [](std::int64_t ore) {
        const auto abs = ore < 0 ? -ore : ore;
        std::string cents = std::to_string(abs % 100);
        if (cents.size() < 2)
            cents.insert(0, "0");
        return (ore < 0 ? "-" : "") + std::to_string(abs / 100) + "," + cents;
    };
    std::size_t matched = 0;
    for (const auto& line : engine.at("lines")) {
        for (const auto& row : rows) {
            if (row[0] != line["name"].get<std::string>())
                continue;
            const auto& f = line.at("figures");
            CHECK(row[1] == kronor(f.at("budget_year").get<std::int64_t>()));
            CHECK(row[2] == kronor(f.at("budget_period").get<std::int64_t>()));
            CHECK(row[3] == kronor(f.at("outcome").get<std::int64_t>()));
            CHECK(row[4] == kronor(f.at("deviation").get<std::int64_t>()));
            CHECK(row[7] == kronor(f.at("forecast").get<std::int64_t>()));
            ++matched;
            break;
        }
    }
    CHECK(matched == engine.at("lines").size());
    CHECK(rows.back()[0] == "Verksamhetens resultat");
    CHECK(rows.back()[3] == kronor(engine.at("result").at("outcome").get<std::int64_t>()));

    // The members' contributions add up to the allocation.
    const auto members = readCsv(tableCsv(table(*doc, "medlemmar")));
    REQUIRE(members.size() == engine.at("member_contributions").at("members").size() + 1);
    for (std::size_t i = 1; i < members.size(); ++i)
        CHECK(members[i][1] == kronor(engine.at("member_contributions").at("members").at(i - 1).at("amount").get<std::int64_t>()));

    // The delårsrapport: the index so far, the teams, then the money.
    auto report = delarsrapport(demo.index, *overview, "2026-11-30 12:00");
    REQUIRE(report);
    CHECK(report->title == "Delårsrapport 2021");
    REQUIRE(report->sections.size() >= 4);
    CHECK(report->sections[0].heading == "Impactindex");
    CHECK(report->sections[1].heading == "Teamen");
    CHECK(report->sections[2].heading == "Driftredovisning");
    CHECK(table(*report, "team").rows.size() == demo.index.teams.size());
}
