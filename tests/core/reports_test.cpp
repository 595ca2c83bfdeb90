// SPDX-License-Identifier: GPL-3.0-or-later
// The reports by name (report/reports.hpp): a fastställt year's documents show
// the index as approved, the snapshot keeps every figure, and the statistics,
// ranking and trend documents hold the engine's figures (read back from CSV).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "document_reading.hpp"
#include "samkoll/demo/demo_data.hpp"
#include "samkoll/index/index_snapshot.hpp"
#include "samkoll/report/index_report.hpp"
#include "samkoll/report/participant_stats.hpp"
#include "samkoll/report/reports.hpp"
#include "samkoll/store/repository.hpp"

using namespace samkoll::core;
using nlohmann::json;
using samkoll::test::readCsv;
using samkoll::test::table;

namespace {

struct Demo {
    std::unique_ptr<Database> db = Database::open(":memory:").value();
    Id fed = 0;
    Demo()
    {
        Repository repo(*db);
        auto demo = createDemoFederation(repo);
        REQUIRE(demo);
        fed = demo->federationId;
    }
    FederationIndex index(const Period& p)
    {
        auto computed = computeFederationIndex(*db, fed, p);
        REQUIRE(computed);
        return std::move(*computed);
    }
    Document report(ReportKind kind, int year, std::optional<int> tertial = {}, std::string team = {},
                    Audience audience = Audience::CentralOffice)
    {
        auto d = buildReport(*db, fed, {kind, year, tertial, std::move(team), audience}, "2026-11-30 12:00");
        INFO((d ? std::string() : d.error().describe()));
        REQUIRE(d);
        return std::move(*d);
    }
};

std::string indexNumber(const json& figures)
{
    return figures.at("index").is_null() ? "–" : std::to_string(figures.at("index").get<int>());
}

/// The total row of a socialt bokslut's index table: max, achieved, index.
std::vector<std::string> totals(const Document& d)
{
    const auto rows = readCsv(tableCsv(table(d, "index")));
    REQUIRE(rows.back()[0] == "Totalt");
    return {rows.back()[1], rows.back()[2], rows.back()[3]};
}
std::vector<std::string> totals(const FederationIndex& index)
{
    const auto& t = index.federationIndex.total;
    return {std::to_string(t.max), std::to_string(t.achieved), t.index ? std::to_string(*t.index) : "–"};
}

}  // namespace

TEST_CASE("Index snapshot: every figure of the förbund and its teams survives the round trip", "[core][report][lock]")
{
    Demo demo;
    const auto index = demo.index(Period::year(2021));
    const auto text = indexSnapshotToJson(index).dump();
    auto back = indexSnapshotFromJson(text);
    REQUIRE(back);
    CHECK(federationIndexToJson(*back) == federationIndexToJson(index));
    for (const auto& t : index.teams)
        CHECK(federationIndexToJson(*back, t.unitCode) == federationIndexToJson(index, t.unitCode));
    CHECK(renderFederationIndexText(*back) == renderFederationIndexText(index));

    // Not a snapshot: a lock made before snapshots were whole, a damaged one.
    for (const std::string& bad : std::vector<std::string>{"{}", "[]", "nonsens", text.substr(0, text.size() / 2),
                                  R"({"snapshot_format": 1, "federation": 3})"}) {
        auto r = indexSnapshotFromJson(bad);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "snapshot");
        CHECK(r.error().message.find("fastställ") != std::string::npos);
    }
}

TEST_CASE("A report of a fastställt year shows the index as approved, whatever changed after",
          "[core][report][lock]")
{
    Demo demo;
    const auto approved = demo.index(Period::year(2021));
    Repository repo(*demo.db);
    REQUIRE(repo.lockYear(demo.fed, 2021, "Styrelsen 2022-03-14 § 12", indexSnapshotToJson(approved).dump()));

    // After the approval the figures change underneath (here: the kansli's judgments vanish).
    demo.db->exec("DELETE FROM manual_assessment");
    const auto now = demo.index(Period::year(2021));
    REQUIRE(totals(now) != totals(approved));

    const auto bokslut = demo.report(ReportKind::Bokslut, 2021);
    CHECK(totals(bokslut) == totals(approved));
    CHECK(bokslut.basis.find("Fastställt") != std::string::npos);
    CHECK(bokslut.basis.find("Styrelsen 2022-03-14 § 12") != std::string::npos);

    // A team's bokslut and the trend's 2021 column, too.
    const auto vannas = demo.report(ReportKind::Bokslut, 2021, {}, "vannas");
    const auto vannasRows = readCsv(tableCsv(table(vannas, "index")));
    CHECK(vannasRows.back()[3] == std::to_string(*approved.team("vannas")->total.index));
    const auto ranking = demo.report(ReportKind::Ranking, 2021);
    const auto trend = readCsv(tableCsv(table(ranking, "utveckling")));
    CHECK(trend[0].back() == "2021 (fastställt)");
    CHECK(trend[1].back() == totals(approved)[2]);

    // A tertial is not what was approved: computed now.
    const auto t1 = demo.report(ReportKind::Bokslut, 2021, 1);
    CHECK(totals(t1) == totals(demo.index(Period::tertial(2021, 1))));
    CHECK(t1.basis.find("Fastställt") == std::string::npos);

    // Reopened: computed now again.
    REQUIRE(repo.unlockYear(demo.fed, 2021));
    CHECK(totals(demo.report(ReportKind::Bokslut, 2021)) == totals(now));

    // A lock whose snapshot cannot be read: computed now, and the document says so.
    REQUIRE(repo.lockYear(demo.fed, 2021, "Styrelsen", "{}"));
    const auto old = demo.report(ReportKind::Bokslut, 2021);
    CHECK(totals(old) == totals(now));
    CHECK(old.basis.find("räknade nu") != std::string::npos);
}

TEST_CASE("Participant statistics as a document: the engine's counts, and the board's hidden cells where the API hides them",
          "[core][report][stats]")
{
    Demo demo;
    for (const auto audience : {Audience::CentralOffice, Audience::Board}) {
        for (const std::string team : {"", "bjurholm"}) {
            INFO((audience == Audience::Board ? "board" : "kansli") << " " << team);
            const auto doc = demo.report(ReportKind::Statistik, 2021, 2, team, audience);
            std::optional<Id> teamId;
            if (!team.empty())
                teamId = Repository(*demo.db).team(demo.fed, team).value().id;
            auto stats = computeParticipantStatistics(*demo.db, demo.fed, teamId, Period::tertial(2021, 2));
            REQUIRE(stats);
            stats->suppressBelow = audience == Audience::Board ? kSmallCell : 0;
            const json engine = participantStatisticsToJson(*stats);
            auto cell = [](const json& v) { return v.is_string() ? v.get<std::string>() : std::to_string(v.get<std::int64_t>()); };
            int hidden = 0;
            for (const auto& [name, key] : std::vector<std::pair<std::string, std::string>>{
                     {"volym", "volume"}, {"avslut", "outcomes"}, {"alder", "age_groups"},
                     {"forsorjningstid", "support_duration"}, {"utbildning", "education"},
                     {"forsorjning", "income_support"}}) {
                const auto rows = readCsv(tableCsv(table(doc, name)));
                const auto& expected = engine.at(key);
                REQUIRE(rows.size() == expected.size() + 1);
                for (std::size_t i = 0; i < expected.size(); ++i) {
                    const auto& e = expected[i];
                    CHECK(rows[i + 1][0] == e.at("label").get<std::string>());
                    CHECK(rows[i + 1][1] == cell(e.at("women")));
                    CHECK(rows[i + 1][2] == cell(e.at("men")));
                    CHECK(rows[i + 1][3] == cell(e.at("other")));
                    CHECK(rows[i + 1][4] == cell(e.at("declined")));
                    CHECK(rows[i + 1][5] == cell(e.at("total")));
                    for (const char* g : {"women", "men", "other", "declined", "total"})
                        hidden += e.at(g).is_string();
                }
            }
            const auto parties = readCsv(tableCsv(table(doc, "aktualiseringar")));
            REQUIRE(parties.size() == engine.at("referring_parties").size() + 1);
            for (std::size_t i = 0; i < engine.at("referring_parties").size(); ++i) {
                const auto& p = engine.at("referring_parties")[i];
                CHECK(parties[i + 1][1] == cell(p.at("referred")));
                CHECK(parties[i + 1][2] == cell(p.at("yes")));
            }
            // The board's copy does hide something here, and says how; the kansli's hides nothing.
            if (audience == Audience::Board) {
                CHECK(hidden > 0);
                CHECK(doc.audience.find("<5") != std::string::npos);
            } else {
                CHECK(hidden == 0);
                CHECK(doc.audience.find("exakta") != std::string::npos);
            }
        }
    }
}

TEST_CASE("Ranking and trend: the teams in the engine's order and each year's index as computed for that year",
          "[core][report][ranking]")
{
    Demo demo;
    const auto index = demo.index(Period::year(2021));
    const auto doc = demo.report(ReportKind::Ranking, 2021);

    const auto rows = readCsv(tableCsv(table(doc, "rangordning")));
    const auto ranked = rankTeams(index);
    REQUIRE(rows.size() == ranked.size() + 1);
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        const json engine = federationIndexToJson(index, ranked[i].unit->unitCode)["index"];
        CHECK(rows[i + 1][0] == std::to_string(ranked[i].place));
        CHECK(rows[i + 1][1] == engine.at("unit").at("name").get<std::string>());
        CHECK(rows[i + 1][2] == indexNumber(engine.at("total")));
        if (i > 0)  // best first; equal indexes share a place
            CHECK((ranked[i].unit->total.index < ranked[i - 1].unit->total.index ||
                   ranked[i].place == ranked[i - 1].place));
    }

    // Areas side by side: each unit's area index as its own report has it.
    const auto areas = readCsv(tableCsv(table(doc, "malomraden")));
    REQUIRE(areas.size() == index.teams.size() + 2);
    for (std::size_t u = 0; u <= index.teams.size(); ++u) {
        const json engine =
            federationIndexToJson(index, u == 0 ? std::string() : index.teams[u - 1].unitCode)["index"];
        for (std::size_t a = 0; a < engine.at("areas").size(); ++a)
            CHECK(areas[u + 1][a + 1] == indexNumber(engine.at("areas")[a].at("figures")));
        CHECK(areas[u + 1].back() == indexNumber(engine.at("total")));
    }

    // The trend: 2020 (the demo's other year with a budget) and 2021.
    const auto trend = readCsv(tableCsv(table(doc, "utveckling")));
    REQUIRE(trend[0] == std::vector<std::string>{"Enhet", "2020", "2021"});
    const auto earlier = demo.index(Period::year(2020));
    CHECK(trend[1][1] == totals(earlier)[2]);
    CHECK(trend[1][2] == totals(index)[2]);
    for (std::size_t i = 0; i < index.teams.size(); ++i) {
        const auto& code = index.teams[i].unitCode;
        CHECK(trend[i + 2][0] == index.teams[i].unitName);
        CHECK(trend[i + 2][1] == std::to_string(*earlier.team(code)->total.index));
    }
}

TEST_CASE("Reports refuse what they cannot make, naming the field", "[core][report]")
{
    Demo demo;
    auto refused = [&](ReportRequest r) {
        auto d = buildReport(*demo.db, demo.fed, r, "nu");
        REQUIRE_FALSE(d);
        return d.error();
    };
    CHECK(refused({ReportKind::Bokslut, 1800, {}, {}, Audience::Board}).field == "year");
    CHECK(refused({ReportKind::Bokslut, 2021, 4, {}, Audience::Board}).field == "tertial");
    CHECK(refused({ReportKind::Drift, 2021, {}, "alla", Audience::Board}).field == "team");
    CHECK(refused({ReportKind::Ranking, 2021, {}, "vannas", Audience::Board}).field == "team");
    CHECK(refused({ReportKind::Statistik, 2021, {}, "atlantis", Audience::Board}).field == "team");
    CHECK(refused({ReportKind::Bokslut, 2019, {}, {}, Audience::Board}).message.find("2019") != std::string::npos);
    for (const auto kind : {ReportKind::Bokslut, ReportKind::Drift, ReportKind::Delar, ReportKind::Statistik,
                            ReportKind::Ranking})
        CHECK(reportKindFrom(codeOf(kind)) == kind);
    CHECK_FALSE(reportKindFrom("bokslutet"));
}

TEST_CASE("A document sent as JSON comes back whole: the same HTML and CSV on the client as from samkolld",
          "[core][report]")
{
    Demo demo;
    for (const auto kind : {ReportKind::Bokslut, ReportKind::Drift, ReportKind::Delar, ReportKind::Statistik,
                            ReportKind::Ranking}) {
        INFO(codeOf(kind));
        const auto d = demo.report(kind, 2021, 2, {}, Audience::Board);
        auto back = documentFromJson(documentToJson(d).dump());
        REQUIRE(back);
        CHECK(documentHtml(*back) == documentHtml(d));
        REQUIRE(back->sections.size() == d.sections.size());
        for (std::size_t s = 0; s < d.sections.size(); ++s) {
            CHECK(back->sections[s].beyondMethod == d.sections[s].beyondMethod);
            REQUIRE(back->sections[s].tables.size() == d.sections[s].tables.size());
            for (std::size_t t = 0; t < d.sections[s].tables.size(); ++t)
                CHECK(tableCsv(back->sections[s].tables[t]) == tableCsv(d.sections[s].tables[t]));
        }
    }
    // Not a document, or one whose rows do not fit its columns: refused, never read past the end.
    auto json = documentToJson(demo.report(ReportKind::Ranking, 2021));
    json["sections"][0]["tables"][0]["rows"][0].erase(0);
    for (const std::string& bad : std::vector<std::string>{"", "{}", "[1]", json.dump()}) {
        auto r = documentFromJson(bad);
        REQUIRE_FALSE(r);
        CHECK(r.error().field == "report");
    }
}

TEST_CASE("The socialt bokslut has the unit's response rates, and its success stories in the kansli's copy only",
          "[core][report][stories]")
{
    Demo demo;
    Repository repo(*demo.db);
    const auto vannas = repo.team(demo.fed, "vannas").value();
    const auto stories = repo.stories(demo.fed, vannas.id, Period::year(2021)).value();
    REQUIRE_FALSE(stories.empty());  // the demo has stories
    const auto kansli = demo.report(ReportKind::Bokslut, 2021, {}, "vannas");
    const auto rows = readCsv(tableCsv(table(kansli, "goda-exempel")));
    REQUIRE(rows.size() == stories.size() + 1);
    for (std::size_t i = 0; i < stories.size(); ++i) {
        CHECK(rows[i + 1][0] == stories[i].date.iso());
        CHECK(rows[i + 1][2] == vannas.name);
        CHECK(rows[i + 1][3] == stories[i].title);
    }
    // The förbund's copy has every team's (and the förbund's own) stories.
    CHECK(readCsv(tableCsv(table(demo.report(ReportKind::Bokslut, 2021), "goda-exempel"))).size() ==
          repo.stories(demo.fed, std::nullopt, Period::year(2021)).value().size() + 1);

    // The board's copy: no story at all.
    const auto board = demo.report(ReportKind::Bokslut, 2021, {}, "vannas", Audience::Board);
    for (const auto& s : board.sections) {
        CHECK(s.heading != "Goda exempel");
        for (const auto& t : s.tables)
            CHECK(t.name != "goda-exempel");
    }

    // Response rates: the unit's survey rounds, as the participant statistics have them.
    auto stats = computeParticipantStatistics(*demo.db, demo.fed, vannas.id, Period::year(2021)).value();
    REQUIRE_FALSE(stats.responseRates.empty());
    for (const auto* d : {&kansli, &board}) {
        const auto rates = readCsv(tableCsv(table(*d, "svarsfrekvens")));
        REQUIRE(rates.size() == stats.responseRates.size() + 1);
        for (std::size_t i = 0; i < stats.responseRates.size(); ++i) {
            CHECK(rates[i + 1][4] == std::to_string(stats.responseRates[i].invited));
            CHECK(rates[i + 1][5] == std::to_string(stats.responseRates[i].respondents));
        }
    }
}

TEST_CASE("The Förbundet screen's figures are the engine's: ranking, every unit in full, and the trend",
          "[core][report][federation]")
{
    Demo demo;
    const auto index = demo.index(Period::year(2021));
    auto view = federationOverviewJson(*demo.db, demo.fed, 2021, std::nullopt, Language::Swedish, 0, "nu");
    REQUIRE(view);
    const json& v = *view;
    CHECK(v.at("year") == 2021);
    CHECK(v.at("tertial") == 0);
    CHECK(v.at("approved").is_null());
    CHECK(v.at("federation") == federationIndexToJson(index)["index"]);

    // The teams best first, each as its own report has it, with its place.
    const auto ranked = rankTeams(index);
    REQUIRE(v.at("teams").size() == ranked.size());
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        json team = v.at("teams")[i];
        CHECK(team.at("place") == ranked[i].place);
        team.erase("place");
        CHECK(team == federationIndexToJson(index, ranked[i].unit->unitCode)["index"]);
    }

    // The trend: 2020 and 2021, the förbund first, then every team.
    const auto earlier = demo.index(Period::year(2020));
    const json& trend = v.at("trend");
    CHECK(trend.at("years") == json::array({2020, 2021}));
    CHECK(trend.at("approved") == json::array({false, false}));
    REQUIRE(trend.at("units").size() == index.teams.size() + 1);
    CHECK(trend.at("units")[0].at("type") == "federation");
    CHECK(trend.at("units")[0].at("values") ==
          json::array({*earlier.federationIndex.total.index, *index.federationIndex.total.index}));
    for (std::size_t i = 0; i < index.teams.size(); ++i) {
        const auto& row = trend.at("units")[i + 1];
        const auto& code = index.teams[i].unitCode;
        CHECK(row.at("code") == code);
        CHECK(row.at("values")[0] == *earlier.team(code)->total.index);
        CHECK(row.at("values")[1] == *index.team(code)->total.index);
        CHECK(row.at("colours")[1] == std::string(codeOf(index.team(code)->total.colour)));
    }

    // A tertial: that period's index, the trend's last column the tertial's.
    const auto t2 = demo.index(Period::tertial(2021, 2));
    auto tertial = federationOverviewJson(*demo.db, demo.fed, 2021, 2, Language::Swedish, 0, "nu");
    REQUIRE(tertial);
    CHECK(tertial->at("tertial") == 2);
    CHECK(tertial->at("federation") == federationIndexToJson(t2)["index"]);
    CHECK(tertial->at("trend").at("units")[0].at("values")[1] == *t2.federationIndex.total.index);

    // The board's copy hides small counts exactly as the API's index does.
    auto board = federationOverviewJson(*demo.db, demo.fed, 2021, std::nullopt, Language::Swedish, 5, "nu");
    REQUIRE(board);
    CHECK(board->at("federation") == federationIndexToJson(index, "", Language::Swedish, 5)["index"]);
    for (const auto& team : board->at("teams"))
        CHECK(team.at("indicators") ==
              federationIndexToJson(index, team.at("unit").at("code"), Language::Swedish, 5)["index"]["indicators"]);

    // A fastställt year: the approved figures, whatever changed after, and who approved.
    Repository repo(*demo.db);
    REQUIRE(repo.lockYear(demo.fed, 2021, "Styrelsen 2022-03-14 § 12", indexSnapshotToJson(index).dump()));
    demo.db->exec("DELETE FROM manual_assessment");
    auto locked = federationOverviewJson(*demo.db, demo.fed, 2021, std::nullopt, Language::Swedish, 0, "nu");
    REQUIRE(locked);
    CHECK(locked->at("approved").at("by") == "Styrelsen 2022-03-14 § 12");
    CHECK(locked->at("federation").at("total") == federationIndexToJson(index)["index"]["total"]);
    CHECK(locked->at("trend").at("approved") == json::array({false, true}));

    // What it cannot show, named.
    auto noBudget = federationOverviewJson(*demo.db, demo.fed, 2015, std::nullopt, Language::Swedish, 0, "nu");
    REQUIRE_FALSE(noBudget);
    CHECK(noBudget.error().field == "year");
    auto badTertial = federationOverviewJson(*demo.db, demo.fed, 2021, 4, Language::Swedish, 0, "nu");
    REQUIRE_FALSE(badTertial);
    CHECK(badTertial.error().field == "tertial");
}
