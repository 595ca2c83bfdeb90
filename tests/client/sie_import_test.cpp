// SPDX-License-Identifier: GPL-3.0-or-later
// SIE import (the kansli's) against the real server: the account mapping
// edited from the client, a SIE file previewed as each line's utfall before
// and after with the omappat amounts listed, an omappat account given its
// line and the preview made again, imported only on Import — and the utfall
// reaches the kansli's Ekonomi with the sync.
#include <QSignalSpy>

#include <fstream>

#include "app_controller.hpp"
#include "client_fixtures.hpp"
#include "samkoll/finance/finance_store.hpp"
#include "samkoll/store/repository.hpp"
#include "world.hpp"

using namespace samkoll::test;
using samkoll::client::SieImport;
using namespace samkoll::core::finance;

TEST_CASE("SIE import: the mapping edited, a file previewed with its omappat accounts, mapped, imported and synced",
          "[client][integration][finance][sie]")
{
    World w;
    samkoll::core::Id fed = 0;
    {
        auto d = samkoll::core::Database::open(w.db);
        REQUIRE(d);
        fed = samkoll::core::Repository(**d).federation("sf")->id;
        FinanceStore store(**d);
        REQUIRE(store.addUnit(fed, "SAMO", "Ordinarie verksamhet", false));
        REQUIRE(store.addLine(fed, {"kansli", "Kanslipersonal", LineGroup::Administration, "SAMO", "", ""}));
        REQUIRE(store.addLine(fed, {"lokal", "Lokalhyra", LineGroup::Administration, "SAMO", "", ""}));
        REQUIRE(store.setBudget(fed, "kansli", 2026, kronor(-1'200'000)));
    }
    ServerProcess server(w.db, w.cert, w.key);
    auto kansli = enrolledApp(w.dir.file("kansli.db"), w.code("kansli"), server, w.cert);
    REQUIRE(syncApp(*kansli));
    auto* sie = kansli->sie();
    auto settle = [&] {
        REQUIRE(waitUntil([&] { return !sie->busy(); }, 20000));
        QCoreApplication::processEvents();
    };

    // The mapping: none yet, the lines to choose from; a rule without a line is named.
    sie->loadMapping();
    settle();
    REQUIRE(sie->error().isEmpty());
    CHECK(sie->rules().isEmpty());
    CHECK(sie->lines().size() == 2);
    sie->saveMapping({QVariantMap{{"accountFrom", "7010"}, {"line", ""}}});
    settle();
    CHECK(sie->errorField() == "rules[0].line");
    sie->saveMapping({QVariantMap{{"accountFrom", "7010"}, {"accountTo", "7099"}, {"line", "kansli"}}});
    settle();
    REQUIRE(sie->error().isEmpty());
    REQUIRE(sie->rules().size() == 1);
    CHECK(sie->rules().first().toMap().value("accountTo") == "7099");

    // A file: staff costs (mapped) and rent (not) in January–February 2026.
    const auto file = w.dir.file("bokforing-2026.se");
    std::ofstream(file) << "#FLAGGA 0\n#SIETYP 2\n#FNAMN \"Samordningsförbundet Test\"\n#RAR 0 20260101 20261231\n"
                           "#KONTO 7010 \"Löner\"\n#KONTO 5010 \"Lokalhyra\"\n"
                           "#PSALDO 0 202601 7010 {} 95500.00\n#PSALDO 0 202602 7010 {} 97250.50\n"
                           "#PSALDO 0 202601 5010 {} 12000.00\n#PSALDO 0 202602 5010 {} 12000.00\n";
    sie->openFile(QUrl::fromLocalFile(QString::fromStdString(file)));
    settle();
    INFO(sie->error().toStdString());
    REQUIRE(sie->previewing());
    CHECK(sie->about().contains(QStringLiteral("Samordningsförbundet Test")));
    REQUIRE(sie->changes().size() == 1);
    CHECK(sie->changes().first().toMap().value("line") == "kansli");
    CHECK(sie->changes().first().toMap().value("after") == QString::fromStdString(kronorText(kronor(-95'500) - 9'725'050)));
    REQUIRE(sie->unmapped().size() == 1);
    CHECK(sie->unmapped().first().toMap().value("account") == "5010");
    CHECK(sie->unmappedTotal() == QString::fromStdString(kronorText(kronor(-24'000))));
    auto serverOutcome = [&](const std::string& line, int month) {
        auto d = samkoll::core::Database::openExisting(w.db);
        REQUIRE(d);
        const auto figures = FinanceStore(**d).yearFigures(fed, 2026).value();
        for (const auto& l : figures)
            if (l.code == line)
                return l.outcome[static_cast<std::size_t>(month - 1)];
        return Amount{0};
    };
    CHECK(serverOutcome("kansli", 1) == 0);  // a preview writes nothing

    // The omappat account given its line: the mapping saved, the preview made again.
    sie->mapAccount(QStringLiteral("5010"), QStringLiteral("lokal"));
    REQUIRE(waitUntil([&] { return !sie->busy() && sie->rules().size() == 2 && sie->unmapped().isEmpty(); }, 20000));
    CHECK(sie->previewing());
    CHECK(sie->changes().size() == 2);

    // Imported: on the server, and in the kansli's Ekonomi after the sync.
    sie->apply();
    REQUIRE(waitUntil([&] { return !sie->busy() && !sie->previewing(); }, 20000));
    REQUIRE(sie->error().isEmpty());
    CHECK(serverOutcome("kansli", 1) == kronor(-95'500));
    CHECK(serverOutcome("lokal", 2) == kronor(-12'000));
    REQUIRE(waitUntil([&] { return !kansli->syncing(); }, 20000));
    REQUIRE(syncApp(*kansli));
    auto* grid = kansli->financeEntry();
    grid->setYear(2026);
    REQUIRE(waitUntil([&] {
        for (int i = 0; i < grid->rowCount(); ++i)
            if (grid->data(grid->index(i), samkoll::client::FinanceEntry::CodeRole) == "lokal")
                return grid->data(grid->index(i), samkoll::client::FinanceEntry::MonthsRole).toStringList().value(1) ==
                       QString::fromStdString(kronorText(kronor(-12'000)));
        return false;
    }));

    // A CSV of utfall (line; year; month; amount) the same way: previewed, then imported.
    const auto csv = w.dir.file("utfall-mars.csv");
    std::ofstream(csv) << "line;year;month;amount\nkansli;2026;3;-90 000\n";
    sie->openFile(QUrl::fromLocalFile(QString::fromStdString(csv)));
    settle();
    INFO(sie->error().toStdString());
    REQUIRE(sie->previewing());
    REQUIRE(sie->changes().size() == 1);
    CHECK(sie->changes().first().toMap().value("after") == QString::fromStdString(kronorText(kronor(-90'000))));
    CHECK(sie->unmapped().isEmpty());
    CHECK(serverOutcome("kansli", 3) == 0);
    sie->apply();
    REQUIRE(waitUntil([&] { return !sie->busy() && !sie->previewing(); }, 20000));
    CHECK(serverOutcome("kansli", 3) == kronor(-90'000));

    // A file that is no SIE: named, nothing changed.
    const auto bad = w.dir.file("fel.se");
    std::ofstream(bad) << "#FLAGGA 0\n#SIETYP 1\n";
    sie->openFile(QUrl::fromLocalFile(QString::fromStdString(bad)));
    settle();
    CHECK_FALSE(sie->error().isEmpty());
    CHECK_FALSE(sie->previewing());
}
