// SPDX-License-Identifier: GPL-3.0-or-later
// Ekonomi: the kansli's entry of utfall (line × month), budget, prognos and
// opening equity as a model (QAbstractItemModelTester), through the outbox,
// and against the real server: what the kansli types reaches the server's
// store and the board's budget against outcome.
#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include "app_controller.hpp"
#include "client_fixtures.hpp"
#include "samkoll/finance/finance_store.hpp"
#include "samkoll/report/finance_report.hpp"
#include "samkoll/report/format.hpp"
#include "samkoll/store/repository.hpp"
#include "world.hpp"

using namespace samkoll::test;
using samkoll::client::AppController;
using samkoll::client::FinanceEntry;
using namespace samkoll::core::finance;

namespace {

QString kr(std::int64_t kronor)
{
    return QString::fromStdString(samkoll::core::formatInteger(kronor));
}

int rowOf(FinanceEntry& m, const QString& code)
{
    for (int i = 0; i < m.rowCount(); ++i)
        if (m.data(m.index(i), FinanceEntry::CodeRole) == code)
            return i;
    return -1;
}

}  // namespace

TEST_CASE("Ekonomi: the kansli's utfall grid, budget, prognos and equity through the outbox, on the real server",
          "[client][integration][model][finance]")
{
    World w;
    samkoll::core::Id fed = 0;
    {
        auto d = samkoll::core::Database::open(w.db);
        REQUIRE(d);
        fed = samkoll::core::Repository(**d).federation("sf")->id;
        FinanceStore store(**d);
        REQUIRE(store.addUnit(fed, "SAMO", "Ordinarie verksamhet", false));
        REQUIRE(store.addLine(fed, {"avgifter", "Medlemsavgifter", LineGroup::Income, "SAMO", "", ""}));
        REQUIRE(store.addLine(fed, {"kansli", "Kanslipersonal", LineGroup::Administration, "SAMO", "", ""}));
        REQUIRE(store.setBudget(fed, "avgifter", 2021, kronor(3'000'000)));
        REQUIRE(store.setBudget(fed, "kansli", 2021, kronor(-1'200'000)));
        for (int m = 1; m <= 8; ++m)
            REQUIRE(store.setOutcome(fed, "kansli", 2021, m, kronor(-95'500)));
    }
    ServerProcess server(w.db, w.cert, w.key);
    auto kansli = enrolledApp(w.dir.file("kansli.db"), w.code("kansli"), server, w.cert);
    REQUIRE(syncApp(*kansli));
    auto* model = kansli->financeEntry();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model->setYear(2021);
    REQUIRE(waitUntil([&] { return model->year() == 2021 && model->rowCount() == 2; }));
    const int row = rowOf(*model, "kansli");
    REQUIRE(row >= 0);
    auto months = [&] { return model->data(model->index(rowOf(*model, "kansli")), FinanceEntry::MonthsRole).toStringList(); };
    REQUIRE(waitUntil([&] { return months().size() == 12 && !months()[0].isEmpty(); }));  // 2021's figures, not this year's
    CHECK(months()[0] == kr(-95'500));
    CHECK(months()[8].isEmpty());  // September: nothing yet
    CHECK(model->data(model->index(row), FinanceEntry::BudgetRole) == kr(-1'200'000));
    CHECK(model->data(model->index(row), FinanceEntry::TotalRole) == kr(-95'500 * 8));

    // A wrong amount is refused, naming it; nothing is queued.
    QSignalSpy rejected(model, &FinanceEntry::rejected);
    model->setOutcome(row, 9, QStringLiteral("tolv tusen"));
    REQUIRE(rejected.count() == 1);
    CHECK(rejected.first().at(0) == "amount");
    kansli->refresh();
    REQUIRE(waitUntil([&] { return kansli->pending() == 0; }));

    // September typed (as the grid shows numbers: with a minus sign and spaces), a prognos, the opening equity.
    QSignalSpy saved(model, &FinanceEntry::saved);
    model->setOutcome(row, 9, QStringLiteral("−97 250,50"));
    REQUIRE(waitUntil([&] { return saved.count() == 1; }));
    REQUIRE(waitUntil([&] { return !months()[8].isEmpty(); }));
    CHECK(months()[8] == kr(-97'251));  // whole kronor on screen, the öre kept in the store
    model->setForecast(row, QStringLiteral("-1 180 000"));
    model->setOpeningEquity(QStringLiteral("1 400 000"));
    REQUIRE(waitUntil([&] { return saved.count() == 3; }));
    REQUIRE(waitUntil([&] { return model->openingEquity() == kr(1'400'000); }));
    CHECK(model->data(model->index(rowOf(*model, "kansli")), FinanceEntry::ForecastRole) == kr(-1'180'000));
    kansli->refresh();
    REQUIRE(waitUntil([&] { return kansli->pending() == 3; }));

    // Sent: the server's store has exactly what was typed.
    REQUIRE(syncApp(*kansli));
    CHECK(kansli->pending() == 0);
    auto d = samkoll::core::Database::openExisting(w.db);
    REQUIRE(d);
    FinanceStore store(**d);
    auto figures = store.yearFigures(fed, 2021);
    REQUIRE(figures);
    const auto line = std::find_if(figures->begin(), figures->end(), [](const LineFigures& l) { return l.code == "kansli"; });
    REQUIRE(line != figures->end());
    CHECK(line->outcome[8] == -9'725'050);
    CHECK(line->forecast == std::optional<Amount>(kronor(-1'180'000)));
    CHECK(store.openingEquity(fed, 2021).value() == kronor(1'400'000));

    // Emptied: back to no utfall for September, on the server too.
    model->setOutcome(rowOf(*model, "kansli"), 9, QString());
    REQUIRE(waitUntil([&] { return months()[8].isEmpty(); }));
    REQUIRE(syncApp(*kansli));
    figures = store.yearFigures(fed, 2021);
    REQUIRE(figures);
    for (const auto& l : *figures)
        if (l.code == "kansli")
            CHECK(l.outcome[8] == 0);

    // A new budget line (an insats for Vindeln) and a revised budget, from the grid, through the outbox.
    QSignalSpy lineRejected(model, &FinanceEntry::rejected);
    model->saveLine(QStringLiteral("insats-vindeln"), QString(), QStringLiteral("interventions"), QStringLiteral("SAMO"),
                    QStringLiteral("vindeln"));
    REQUIRE(lineRejected.count() == 1);
    CHECK(lineRejected.first().at(0) == "name");
    model->saveLine(QStringLiteral("insats-vindeln"), QStringLiteral("Samordningsteamet Vindeln"), QStringLiteral("kaffe"),
                    QStringLiteral("SAMO"), QStringLiteral("vindeln"));
    REQUIRE(waitUntil([&] { return lineRejected.count() == 2; }));
    CHECK(lineRejected.last().at(0) == "group");
    model->saveLine(QStringLiteral("insats-vindeln"), QStringLiteral("Samordningsteamet Vindeln"),
                    QStringLiteral("interventions"), QStringLiteral("SAMO"), QStringLiteral("vindeln"));
    REQUIRE(waitUntil([&] { return rowOf(*model, "insats-vindeln") >= 0; }));
    model->reviseBudget(rowOf(*model, "kansli"), QStringLiteral("-1 250 000"));
    REQUIRE(waitUntil([&] {
        return model->data(model->index(rowOf(*model, "kansli")), FinanceEntry::BudgetRole) == kr(-1'250'000);
    }));
    REQUIRE(syncApp(*kansli));
    CHECK(kansli->refusedCount() == 0);
    {
        const auto lines = store.lines(fed).value();
        const auto vindeln = std::find_if(lines.begin(), lines.end(), [](const LineDefinition& l) { return l.code == "insats-vindeln"; });
        REQUIRE(vindeln != lines.end());
        CHECK(vindeln->team == "vindeln");
        CHECK(vindeln->group == LineGroup::Interventions);
        auto versions = (*d)->prepare("SELECT version, amount FROM line_budget b JOIN budget_line l ON l.id = b.line_id "
                                      "WHERE l.code = 'kansli' AND b.year = 2021 AND b.month = 0 ORDER BY version");
        REQUIRE(versions.step());
        CHECK(versions.integer(1) == kronor(-1'200'000));  // the original stays
        REQUIRE(versions.step());
        CHECK(versions.integer(0) == 2);
        CHECK(versions.integer(1) == kronor(-1'250'000));
    }

    // The board's budget against outcome follows: T3 has its first utfall once the kansli enters one.
    model->setOutcome(rowOf(*model, "kansli"), 10, QStringLiteral("-90 000"));
    REQUIRE(waitUntil([&] { return !months()[9].isEmpty(); }));
    REQUIRE(syncApp(*kansli));
    auto board = enrolledApp(w.dir.file("board.db"), w.code("styrelse"), server, w.cert);
    REQUIRE(syncApp(*board));
    board->finance()->setYear(2021);
    REQUIRE(waitUntil([&] { return board->finance()->tertials().size() == 3 && board->finance()->year() == 2021; }, 10000));
    REQUIRE(waitUntil([&] { return board->finance()->tertials()[2].toMap().value("outcomeCosts").isValid(); }, 10000));
    CHECK(board->finance()->tertials()[2].toMap().value("outcomeCosts").toDouble() == 90'000.0);
}

TEST_CASE("Ekonomi: two kansli computers typing the same month: the later is shown as a conflict, nothing overwritten, and settled",
          "[client][integration][model][finance][conflict]")
{
    World w;
    {
        auto d = samkoll::core::Database::open(w.db);
        REQUIRE(d);
        const auto fed = samkoll::core::Repository(**d).federation("sf")->id;
        FinanceStore store(**d);
        REQUIRE(store.addUnit(fed, "SAMO", "Ordinarie verksamhet", false));
        REQUIRE(store.addLine(fed, {"kansli", "Kanslipersonal", LineGroup::Administration, "SAMO", "", ""}));
        REQUIRE(store.setBudget(fed, "kansli", 2021, kronor(-1'200'000)));
        REQUIRE(store.setOutcome(fed, "kansli", 2021, 3, kronor(-10'000)));
    }
    ServerProcess server(w.db, w.cert, w.key);
    auto a = enrolledApp(w.dir.file("kansli-a.db"), w.code("kansli"), server, w.cert);
    auto b = enrolledApp(w.dir.file("kansli-b.db"), w.code("kansli"), server, w.cert);
    REQUIRE(syncApp(*a));
    REQUIRE(syncApp(*b));
    for (auto* app : {a.get(), b.get()}) {
        app->financeEntry()->setYear(2021);
        REQUIRE(waitUntil([&] { return app->financeEntry()->year() == 2021 && app->financeEntry()->rowCount() == 1; }));
    }
    auto* mb = b->financeEntry();
    QAbstractItemModelTester tester(mb, QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto march = [](FinanceEntry* m) { return m->data(m->index(0), FinanceEntry::MonthsRole).toStringList().value(2); };
    REQUIRE(waitUntil([&] { return march(mb) == kr(-10'000); }));

    // Both type March; a's reaches the server first.
    a->financeEntry()->setOutcome(0, 3, QStringLiteral("-11 000"));
    REQUIRE(waitUntil([&] { return march(a->financeEntry()) == kr(-11'000); }));
    mb->setOutcome(0, 3, QStringLiteral("-12 500"));
    REQUIRE(waitUntil([&] { return march(mb) == kr(-12'500); }));
    REQUIRE(syncApp(*a));
    syncApp(*b);  // answered: the server refuses b's March
    mb->reload();
    REQUIRE(waitUntil([&] { return mb->conflicts().size() == 1; }));
    const auto conflict = mb->conflicts().first().toMap();
    CHECK(conflict.value("message").toString().contains(kr(11'000)));
    CHECK(mb->data(mb->index(0), FinanceEntry::ConflictCellsRole).toList() == QVariantList{3});
    CHECK(march(mb) == kr(-12'500));  // b's own stays on its screen until chosen
    auto serverMarch = [&] {
        auto d = samkoll::core::Database::openExisting(w.db);
        REQUIRE(d);
        const auto fed = samkoll::core::Repository(**d).federation("sf")->id;
        return FinanceStore(**d).entered(fed, FinanceStore::Entered::Outcome, "kansli", 2021, 3).value();
    };
    CHECK(serverMarch() == kronor(-11'000));  // nothing overwritten unseen

    SECTION("keep mine: b's goes over a's, and a gets it")
    {
        mb->settle(conflict.value("seq").toLongLong(), true);
        REQUIRE(waitUntil([&] { return mb->conflicts().isEmpty(); }));
        REQUIRE(syncApp(*b));
        CHECK(serverMarch() == kronor(-12'500));
        REQUIRE(syncApp(*a));
        a->financeEntry()->reload();
        REQUIRE(waitUntil([&] { return march(a->financeEntry()) == kr(-12'500); }));
    }
    SECTION("take the other: b shows a's and sends nothing")
    {
        mb->settle(conflict.value("seq").toLongLong(), false);
        REQUIRE(waitUntil([&] { return mb->conflicts().isEmpty() && march(mb) == kr(-11'000); }));
        b->refresh();
        REQUIRE(waitUntil([&] { return b->pending() == 0; }));
        CHECK(serverMarch() == kronor(-11'000));
    }
}
