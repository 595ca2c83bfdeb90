// SPDX-License-Identifier: GPL-3.0-or-later
// Social budget (the kansli's) as a model (QAbstractItemModelTester) against
// the real server: next year started from this year's, the import's checks
// naming what does not hold, saved on the server, replacing with consent,
// refused for a fastställt year — and a coordinator's computer gets the new
// budget at its next sync, without starting again.
#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <fstream>

#include "app_controller.hpp"
#include "client_fixtures.hpp"
#include "samkoll/io/budget_json.hpp"
#include "samkoll/store/repository.hpp"
#include "world.hpp"

using namespace samkoll::test;
using samkoll::client::SocialBudgetEditor;

namespace {

int rowOf(SocialBudgetEditor& m, const QString& level, int nth = 0)
{
    for (int i = 0; i < m.rowCount(); ++i)
        if (m.data(m.index(i), SocialBudgetEditor::LevelRole) == level && nth-- == 0)
            return i;
    return -1;
}

std::vector<int> budgetYears(const std::string& db)
{
    auto d = samkoll::core::Database::openExisting(db);
    REQUIRE(d);
    samkoll::core::Repository repo(**d);
    const auto fed = repo.federation("sf");
    REQUIRE(fed);
    return repo.budgetYears(fed->id).value();
}

}  // namespace

TEST_CASE("Social budget: the kansli starts next year from this year's, the import's checks name what does not hold, "
          "and every computer gets it",
          "[client][integration][model][budget]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto coordinator = enrolledApp(w.dir.file("vns.db"), w.code("vns"), server, w.cert);
    REQUIRE(syncApp(*coordinator));
    auto kansli = enrolledApp(w.dir.file("kansli.db"), w.code("kansli"), server, w.cert);
    REQUIRE(syncApp(*kansli));
    auto* model = kansli->socialBudget();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(waitUntil([&] { return model->year() == 2021 && model->rowCount() > 0; }));
    CHECK_FALSE(model->draft());
    CHECK(model->data(model->index(0), SocialBudgetEditor::LevelRole) == "area");
    const int first = rowOf(*model, QStringLiteral("indicator"));
    REQUIRE(first > 0);
    const QString code = model->data(model->index(first), SocialBudgetEditor::CodeRole).toString();
    CHECK_FALSE(model->data(model->index(first), SocialBudgetEditor::WeightRole).toString().isEmpty());
    CHECK(model->shares().endsWith(QStringLiteral("= 100")));

    // Next year from this year's: a draft of 2022 that holds as it is.
    model->startNextYear();
    CHECK(model->draft());
    CHECK(model->year() == 2022);
    CHECK_FALSE(model->replaces());
    CHECK(model->years().contains(2022));
    REQUIRE(waitUntil([&] { return model->problem().isEmpty(); }));

    // A weight out of range: the import's refusal, naming the indicator; saving waits until it holds.
    model->setWeight(first, QStringLiteral("11"));
    REQUIRE(waitUntil([&] { return !model->problem().isEmpty(); }));
    CHECK(model->problemAt() == code);
    CHECK(model->problem().contains(QStringLiteral("weight")));
    model->save();
    CHECK_FALSE(model->busy());
    CHECK_FALSE(model->error().isEmpty());
    // A weight that is no number is named and changes nothing.
    QSignalSpy rejected(model, &SocialBudgetEditor::rejected);
    model->setWeight(first, QStringLiteral("fyra"));
    REQUIRE(rejected.count() == 1);
    CHECK(rejected.first().at(0) == "weight");
    CHECK(model->data(model->index(first), SocialBudgetEditor::WeightRole) == "11");
    model->setWeight(first, QStringLiteral("4"));
    model->setTarget(first, QStringLiteral("at_least"), QStringLiteral("85"));
    REQUIRE(waitUntil([&] { return model->problem().isEmpty(); }));
    CHECK(model->data(model->index(first), SocialBudgetEditor::TargetValueRole) == "85");

    // Saved on the server, as typed.
    QSignalSpy saved(model, &SocialBudgetEditor::saved);
    model->save();
    REQUIRE(waitUntil([&] { return !model->busy(); }, 20000));
    INFO(model->error().toStdString());
    REQUIRE(model->error().isEmpty());
    CHECK(saved.count() == 1);
    CHECK_FALSE(model->draft());
    {
        auto d = samkoll::core::Database::openExisting(w.db);
        REQUIRE(d);
        samkoll::core::Repository repo(**d);
        const auto budget = repo.budget(repo.federation("sf")->id, 2022);
        REQUIRE(budget);
        const auto& spec = budget->areas[0].goals[0].indicators[0];
        CHECK(spec.code == code.toStdString());
        CHECK(spec.weight == 4);
        CHECK(spec.target.a == 8500);
    }
    // This computer fetched the configuration again; the coordinator's gets it at its next sync.
    REQUIRE(waitUntil([&] { return !kansli->syncing() && model->years().contains(2022) && !model->draft(); }, 20000));
    CHECK(budgetYears(w.dir.file("kansli.db")) == std::vector<int>{2021, 2022});
    REQUIRE(syncApp(*coordinator));
    coordinator.reset();
    CHECK(budgetYears(w.dir.file("vns.db")) == std::vector<int>{2021, 2022});

    // 2022 again from 2021: it replaces, and says so.
    model->setYear(2021);
    REQUIRE(waitUntil([&] { return model->year() == 2021 && !model->busy(); }));
    REQUIRE(waitUntil([&] { return model->rowCount() > 0; }));
    model->startNextYear();
    CHECK(model->replaces());
    REQUIRE(waitUntil([&] { return model->problem().isEmpty(); }));
    model->save();
    REQUIRE(waitUntil([&] { return !model->busy(); }, 20000));
    CHECK(model->error().isEmpty());

    // A fastställt year takes no new budget: the server refuses, and the draft stays to be kept or let go.
    {
        auto d = samkoll::core::Database::openExisting(w.db);
        REQUIRE(d);
        samkoll::core::Repository repo(**d);
        REQUIRE(repo.lockYear(repo.federation("sf")->id, 2021, "Styrelsen", "{}"));
    }
    model->setYear(2021);
    REQUIRE(waitUntil([&] { return model->year() == 2021 && model->rowCount() > 0 && !model->draft(); }));
    model->setWeight(rowOf(*model, QStringLiteral("indicator")), QStringLiteral("2"));
    CHECK(model->draft());
    CHECK(model->replaces());
    REQUIRE(waitUntil([&] { return model->problem().isEmpty(); }));
    model->save();
    REQUIRE(waitUntil([&] { return !model->busy(); }, 20000));
    CHECK_FALSE(model->error().isEmpty());
    CHECK(model->draft());
    CHECK(model->data(model->index(rowOf(*model, QStringLiteral("indicator"))), SocialBudgetEditor::WeightRole) == "2");
}

TEST_CASE("Social budget: a template or a file opens as a draft, and a file that is no budget is named",
          "[client][model][budget]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto kansli = enrolledApp(w.dir.file("kansli.db"), w.code("kansli"), server, w.cert);
    REQUIRE(syncApp(*kansli));
    auto* model = kansli->socialBudget();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(waitUntil([&] { return model->rowCount() > 0; }));

    model->startFromTemplate(QStringLiteral("nns"), 2027);
    CHECK(model->draft());
    CHECK(model->year() == 2027);
    REQUIRE(waitUntil([&] { return model->problem().isEmpty(); }));
    int indicators = 0;
    for (int i = 0; i < model->rowCount(); ++i)
        indicators += model->data(model->index(i), SocialBudgetEditor::LevelRole) == "indicator";
    CHECK(indicators == 26);  // the NNS core indicators' 26 measuring points
    model->reload();
    REQUIRE(waitUntil([&] { return !model->draft() && model->year() == 2021; }));

    const auto junk = w.dir.file("inte-en-budget.json");
    { std::ofstream(junk) << "Detta är inte JSON"; }
    model->openFile(QUrl::fromLocalFile(QString::fromStdString(junk)));
    CHECK_FALSE(model->draft());
    CHECK(model->error().contains(QStringLiteral("inte-en-budget.json")));

    const auto file = w.dir.file("budget-2023.json");
    {
        auto text = std::string(samkoll::core::socialBudgetTemplate2021());
        std::ofstream(file) << text;
    }
    model->openFile(QUrl::fromLocalFile(QString::fromStdString(file)));
    CHECK(model->draft());
    CHECK(model->source().contains(QStringLiteral("budget-2023.json")));
    CHECK(model->year() == 2021);
    CHECK(model->replaces());
}

TEST_CASE("HÅE statistics: a file is previewed as what it would change, imported only when asked, and reaches the teams",
          "[client][integration][hae]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto coordinator = enrolledApp(w.dir.file("vns.db"), w.code("vns"), server, w.cert);
    REQUIRE(syncApp(*coordinator));
    auto kansli = enrolledApp(w.dir.file("kansli.db"), w.code("kansli"), server, w.cert);
    REQUIRE(syncApp(*kansli));
    auto* hae = kansli->hae();
    auto settle = [&] {
        REQUIRE(waitUntil([&] { return !hae->busy(); }, 20000));
        QCoreApplication::processEvents();
    };
    auto stored = [&](const std::string& db, int year) {
        auto d = samkoll::core::Database::openExisting(db);
        REQUIRE(d);
        samkoll::core::Repository repo(**d);
        return repo.haeStatistics(repo.federation("sf")->id, year).value();
    };
    const std::string header = "kommun;year;hae_total;hae_illness;hae_unemployment;hae_assistance;population_20_64\n";

    // A row that is wrong: named by file, row and column; nothing shown to import.
    const auto bad = w.dir.file("hae-fel.csv");
    std::ofstream(bad) << header << "vannas;2021;1 200,5;600;400;200,5;5 000\nUmeå;2021;100;;;;9000\n";
    hae->openFile(QUrl::fromLocalFile(QString::fromStdString(bad)));
    settle();
    CHECK(hae->errorField() == "kommun");
    CHECK(hae->error().contains(QStringLiteral("3")));  // row 3
    CHECK_FALSE(hae->previewing());

    // A good file: previewed, nothing stored yet.
    const auto file = w.dir.file("hae-2021.csv");
    std::ofstream(file) << header << "vannas;2021;1 200,5;600;400;200,5;5 000\nvindeln;2021;310;150;100;60;3 100\n";
    hae->openFile(QUrl::fromLocalFile(QString::fromStdString(file)));
    settle();
    INFO(hae->error().toStdString());
    REQUIRE(hae->previewing());
    REQUIRE(hae->changes().size() == 2);
    const auto first = hae->changes().first().toMap();
    CHECK(first.value("kommun") == "vannas");
    CHECK(first.value("isNew").toBool());
    CHECK(first.value("total") == "1 200,5");
    CHECK(first.value("population") == "5 000");
    CHECK(stored(w.db, 2021).empty());

    // Imported: on the server, and a team's computer gets it at its next sync.
    hae->apply();
    settle();
    CHECK(hae->error().isEmpty());
    CHECK_FALSE(hae->previewing());
    REQUIRE(stored(w.db, 2021).size() == 2);
    REQUIRE(syncApp(*coordinator));
    coordinator.reset();
    CHECK(stored(w.dir.file("vns.db"), 2021).size() == 2);

    // The same file again changes nothing; a changed figure shows what it was.
    hae->openFile(QUrl::fromLocalFile(QString::fromStdString(file)));
    settle();
    CHECK(hae->changes().isEmpty());
    CHECK(hae->unchanged() == 2);
    std::ofstream(file) << header << "vannas;2021;1 250;600;400;200,5;5 000\nvindeln;2021;310;150;100;60;3 100\n";
    hae->openFile(QUrl::fromLocalFile(QString::fromStdString(file)));
    settle();
    REQUIRE(hae->changes().size() == 1);
    CHECK(hae->changes().first().toMap().value("totalBefore") == "1 200,5");
    CHECK(hae->changes().first().toMap().value("total") == "1 250,0");  // one decimal, as every HÅE figure
    hae->cancel();
    CHECK_FALSE(hae->previewing());
    CHECK(stored(w.db, 2021).front().total == Approx(1200.5));
}
