// SPDX-License-Identifier: GPL-3.0-or-later
// The Förbundet screen's models: the teams ranked and every unit over the
// years, from the core's own figures (federationOverviewJson on the demo
// förbund), with the model contract checked by QAbstractItemModelTester on
// every change.
#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <nlohmann/json.hpp>

#include "federation_view.hpp"
#include "samkoll/demo/demo_data.hpp"
#include "samkoll/report/index_report.hpp"
#include "samkoll/report/reports.hpp"
#include "samkoll/store/repository.hpp"

#include <catch2/catch.hpp>

using namespace samkoll::core;
using samkoll::client::TrendModel;
using samkoll::client::UnitRankingModel;
using nlohmann::json;

namespace {

struct DemoFederation {
    std::unique_ptr<Database> db = Database::open(":memory:").value();
    Id fed = 0;
    DemoFederation()
    {
        Repository repo(*db);
        auto demo = createDemoFederation(repo);
        REQUIRE(demo);
        fed = demo->federationId;
    }
    json view(std::optional<int> tertial = {}, int suppressBelow = 0)
    {
        auto v = federationOverviewJson(*db, fed, 2021, tertial, Language::Swedish, suppressBelow, "nu");
        REQUIRE(v);
        return *v;
    }
};

}  // namespace

TEST_CASE("The ranking model holds the teams best first with the core's figures, and keeps its contract on change",
          "[client][model][federation]")
{
    DemoFederation demo;
    UnitRankingModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy counted(&model, &UnitRankingModel::countChanged);
    CHECK(model.rowCount() == 0);

    const auto year = demo.view();
    model.setTeams(year.at("teams"));
    REQUIRE(model.rowCount() == static_cast<int>(year.at("teams").size()));
    CHECK(counted.count() == 1);
    auto computed = computeFederationIndex(*demo.db, demo.fed, Period::year(2021));
    REQUIRE(computed);
    const auto ranked = rankTeams(*computed);
    for (int i = 0; i < model.rowCount(); ++i) {
        const auto row = model.index(i);
        const auto& unit = *ranked[static_cast<std::size_t>(i)].unit;
        CHECK(model.data(row, UnitRankingModel::PlaceRole).toInt() == ranked[static_cast<std::size_t>(i)].place);
        CHECK(model.data(row, UnitRankingModel::CodeRole).toString().toStdString() == unit.unitCode);
        CHECK(model.data(row, Qt::DisplayRole).toString().toStdString() == unit.unitName);
        CHECK(model.data(row, UnitRankingModel::IndexRole) == (unit.total.index ? QVariant(*unit.total.index) : QVariant()));
        CHECK(model.data(row, UnitRankingModel::ColourRole).toString().toStdString() == codeOf(unit.total.colour));
        CHECK(model.data(row, UnitRankingModel::AchievedRole).toInt() == unit.total.achievedCount);
        CHECK(model.data(row, UnitRankingModel::SwingRole).toInt() == unit.swingCount);
        const auto areas = model.data(row, UnitRankingModel::AreasRole).toList();
        REQUIRE(areas.size() == static_cast<qsizetype>(unit.areas.size()));
        for (std::size_t a = 0; a < unit.areas.size(); ++a)
            CHECK(areas[static_cast<qsizetype>(a)].toMap().value("index") ==
                  (unit.areas[a].figures.index ? QVariant(*unit.areas[a].figures.index) : QVariant()));
        CHECK(model.codeAt(i).toStdString() == unit.unitCode);
    }
    CHECK(model.codeAt(-1).isEmpty());
    CHECK(model.codeAt(model.rowCount()).isEmpty());
    CHECK_FALSE(model.data(model.index(0), Qt::UserRole + 99).isValid());

    // Another period replaces the rows (the tester checks the reset); nothing: empty again.
    model.setTeams(demo.view(2).at("teams"));
    CHECK(model.rowCount() == static_cast<int>(ranked.size()));
    model.setTeams(json::array());
    CHECK(model.rowCount() == 0);
    CHECK(counted.count() == 2);
    // Not a list of teams (a damaged answer): no rows, no crash.
    model.setTeams(json{{"x", 1}});
    CHECK(model.rowCount() == 0);
}

TEST_CASE("The trend model has a row per unit and a value per year, as the core computed each year",
          "[client][model][federation]")
{
    DemoFederation demo;
    TrendModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto view = demo.view();
    model.setTrend(view.at("trend"));
    CHECK(model.years() == QVariantList{2020, 2021});
    CHECK(model.approved() == QVariantList{false, false});
    const auto& units = view.at("trend").at("units");
    REQUIRE(model.rowCount() == static_cast<int>(units.size()));
    CHECK(model.data(model.index(0), TrendModel::TypeRole) == "federation");
    for (int i = 0; i < model.rowCount(); ++i) {
        const auto& u = units[static_cast<std::size_t>(i)];
        const auto row = model.index(i);
        CHECK(model.data(row, TrendModel::CodeRole).toString().toStdString() == u.at("code").get<std::string>());
        const auto values = model.data(row, TrendModel::ValuesRole).toList();
        const auto texts = model.data(row, TrendModel::TextsRole).toStringList();
        REQUIRE(values.size() == 2);
        for (int y = 0; y < 2; ++y) {
            const auto& v = u.at("values")[static_cast<std::size_t>(y)];
            if (v.is_null()) {
                CHECK_FALSE(values[y].isValid());
                CHECK(texts[y] == "–");
            } else {
                CHECK(values[y].toInt() == v.get<int>());
                CHECK(texts[y] == QString::number(v.get<int>()));
            }
        }
    }
    // The board's copy has the same trend (indexes are aggregates), a tertial its own last column.
    TrendModel board;
    QAbstractItemModelTester boardTester(&board, QAbstractItemModelTester::FailureReportingMode::Fatal);
    board.setTrend(demo.view(std::nullopt, 5).at("trend"));
    REQUIRE(board.rowCount() == model.rowCount());
    for (int i = 0; i < model.rowCount(); ++i)
        CHECK(board.data(board.index(i), TrendModel::ValuesRole) == model.data(model.index(i), TrendModel::ValuesRole));
    model.setTrend(json());
    CHECK(model.rowCount() == 0);
    CHECK(model.years().isEmpty());
}
