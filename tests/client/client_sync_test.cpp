// SPDX-License-Identifier: GPL-3.0-or-later
// The client against the real samkolld over loopback TLS: enrolment, a day of
// offline work arriving once, a conflict resolved by the coordinator, the
// board's budget against outcome, and reports saved by the kansli and the board.
#include <QSignalSpy>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app_controller.hpp"
#include "samkoll/finance/finance_store.hpp"
#include "samkoll/index/index_engine.hpp"
#include "samkoll/report/finance_report.hpp"
#include "samkoll/report/index_report.hpp"
#include "samkoll/store/repository.hpp"
#include "../core/document_reading.hpp"
#include "client_fixtures.hpp"
#include "world.hpp"

using namespace samkoll::test;
using samkoll::client::AppController;
using samkoll::client::CaseListModel;
using samkoll::core::Id;

namespace {

std::unique_ptr<AppController> enrolled(World& w, const std::string& name, const std::string& login,
                                        const ServerProcess& server)
{
    return enrolledApp(w.dir.file(name + ".db"), w.code(login), server, w.cert);
}

bool sync(AppController& app)
{
    return syncApp(app);
}

/// A case referred in April 2021; `exited`: then decided, started, and ended in work in October (as a coordinator does it: edits of the saved case).
QString saveNew(AppController& app, const QString& code, bool exited = false)
{
    QSignalSpy saved(&app, &AppController::caseSaved);
    auto form = app.blankCase();
    form["code"] = code;
    form["gender"] = "man";
    form["birth_year"] = "1985";
    form["referral_date"] = "2021-04-01";
    form["referring_party"] = "af";
    app.saveCase(form);
    REQUIRE(waitUntil([&] { return saved.count() == 1; }));
    const auto uid = saved.first().at(0).toString();
    if (exited) {
        REQUIRE(waitUntil([&] { return app.cases()->rowOf(uid) >= 0; }));
        auto edited = app.cases()->get(app.cases()->rowOf(uid));
        edited["decision"] = "yes";
        edited["decision_date"] = "2021-04-10";
        edited["start_date"] = "2021-04-15";
        edited["exit_date"] = "2021-10-01";
        edited["exit_outcome"] = "work";
        app.saveCase(edited);
        REQUIRE(waitUntil([&] { return saved.count() == 2; }));
    }
    return uid;
}

}  // namespace

TEST_CASE("Client: enrolment, offline work, and everything arrives once when online", "[client][integration]")
{
    World w;
    auto server = std::make_unique<ServerProcess>(w.db, w.cert, w.key);
    const int port = server->port;
    auto app = enrolled(w, "vannas-laptop", "vns", *server);
    CHECK(app->teamName() == "Samordningsteamet Vännäs");
    CHECK(app->role() == "coordinator");
    CHECK(app->online());

    // A wrong code is answered at the code field; the device stays as it was.
    {
        AppController other(QString::fromStdString(w.dir.file("other.db")));
        REQUIRE(waitUntil([&] { return other.ready(); }));
        QSignalSpy finished(&other, &AppController::enrolmentFinished);
        other.enrol(QString::fromStdString(server->url), QStringLiteral("FEL-KOD"), QString::fromStdString(w.cert));
        REQUIRE(waitUntil([&] { return finished.count() == 1; }, 20000));
        CHECK_FALSE(finished.first().at(0).toBool());
        CHECK(finished.first().at(1).toString() == "code");
        CHECK_FALSE(other.enrolled());
    }

    server.reset();  // the network goes away
    for (int i = 1; i <= 3; ++i)
        saveNew(*app, QStringLiteral("VNS-OFF-%1").arg(i));
    CHECK_FALSE(sync(*app));
    CHECK_FALSE(app->online());
    CHECK(app->pending() == 3);
    // Offline is normal, not an alarm: no error, a calm note saying when it last tried.
    CHECK(app->lastError().isEmpty());
    CHECK(app->offlineNote().contains(AppController::tr("Last tried").left(10)));
    CHECK_FALSE(app->offlineNote().contains(QStringLiteral("connect")));
    CHECK(w.serverCount("SELECT count(*) FROM cases WHERE code LIKE 'VNS-OFF-%'") == 0);

    server = std::make_unique<ServerProcess>(w.db, w.cert, w.key, port);  // back, same address
    CHECK(sync(*app));
    CHECK(app->online());
    CHECK(app->pending() == 0);
    CHECK(app->lastError().isEmpty());
    CHECK(app->offlineNote().isEmpty());
    CHECK(app->lastSync() != AppController::tr("never"));
    CHECK(w.serverCount("SELECT count(*) FROM cases WHERE code LIKE 'VNS-OFF-%' AND deleted = 0") == 3);
    // Syncing again sends nothing twice.
    CHECK(sync(*app));
    CHECK(w.serverCount("SELECT count(*) FROM cases WHERE code LIKE 'VNS-OFF-%'") == 3);
    auto* model = app->cases();
    REQUIRE(waitUntil([&] { return model->rowCount() == 3 && !model->loading(); }));
    for (int r = 0; r < 3; ++r)
        CHECK_FALSE(model->data(model->index(r), CaseListModel::PendingSyncRole).toBool());
}

TEST_CASE("Client: a conflict is shown with both values and the coordinator's choice wins everywhere",
          "[client][integration]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto a = enrolled(w, "office", "vns", server);
    auto b = enrolled(w, "laptop", "vns", server);
    const auto uid = saveNew(*a, QStringLiteral("VNS-KONFLIKT"));
    REQUIRE(sync(*a));
    REQUIRE(sync(*b));
    REQUIRE(waitUntil([&] { return b->cases()->rowOf(uid) >= 0; }));

    auto edit = [&](AppController& app, const char* party) {
        QSignalSpy saved(&app, &AppController::caseSaved);
        auto form = app.cases()->get(app.cases()->rowOf(uid));
        form["referring_party"] = party;
        app.saveCase(form);
        REQUIRE(waitUntil([&] { return saved.count() == 1; }));
    };
    edit(*a, "social_services");  // both change the same field offline
    edit(*b, "region");
    REQUIRE(sync(*a));
    REQUIRE(sync(*b));
    REQUIRE(waitUntil([&] { return b->conflictCount() == 1; }));
    const auto conflict = b->conflicts().first().toMap();
    CHECK(conflict.value("caseCode").toString() == "VNS-KONFLIKT");
    CHECK(conflict.value("field").toString() == "referring_party");
    const QSet<QString> shown{conflict.value("kept").toString(), conflict.value("other").toString()};
    CHECK(shown == QSet<QString>{"Social services", "Region (health care)"});

    // The coordinator takes the value that lost provisionally.
    const auto chosen = conflict.value("other").toString() == "Social services" ? "social_services" : "region";
    b->resolveConflict(conflict.value("uid").toString(), true);
    REQUIRE(waitUntil([&] { return b->conflictCount() == 0; }));
    REQUIRE(sync(*b));
    CHECK(w.serverCount(std::string("SELECT count(*) FROM cases WHERE uid = '") + uid.toStdString() +
                        "' AND referring_party = '" + chosen + "'") == 1);
    CHECK(w.serverCount("SELECT count(*) FROM sync_conflict WHERE resolved = 0") == 0);

    REQUIRE(sync(*a));
    REQUIRE(waitUntil([&] { return a->conflictCount() == 0; }));
    REQUIRE(waitUntil([&] { return a->cases()->rowOf(uid) >= 0; }));
    CHECK(a->cases()->get(a->cases()->rowOf(uid)).value("referring_party").toString() == chosen);
}

TEST_CASE("Client: a sync that fails at any database statement ends, says why, and the next one succeeds",
          "[client][integration]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto app = enrolled(w, "vannas-laptop", "vns", server);
    using samkoll::client::SyncEngine;
    // A job on the database thread, waited for.
    auto onDevice = [&](std::function<void(SyncEngine&)> job) {
        bool done = false;
        app->backend().run(
            app.get(), [job](SyncEngine& e) { job(e); return 0; }, [&](auto) { done = true; });
        REQUIRE(waitUntil([&] { return done; }));
    };
    // Every sync also fetches the förbund's index (the part outside the core's guard).
    auto dueForIndex = [&](SyncEngine& e) { (void)e.replica().setState("federation_index_ms", "0"); };

    // How many statements one sync with one new case runs.
    std::int64_t before = 0, after = 0;
    saveNew(*app, QStringLiteral("VNS-F0"));
    onDevice([&](SyncEngine& e) { dueForIndex(e); before = e.database().steps(); });
    REQUIRE(sync(*app));
    onDevice([&](SyncEngine& e) { after = e.database().steps(); });
    const auto statements = static_cast<int>(after - before);
    REQUIRE(statements > 5);

    int failures = 0;
    for (int n = 1; n <= statements + 2; ++n) {
        INFO("the statement that fails: " << n << " of " << statements);
        saveNew(*app, QStringLiteral("VNS-F%1").arg(n));
        onDevice([&](SyncEngine& e) {
            dueForIndex(e);
            e.database().failAfter(n);
        });
        QSignalSpy finished(app.get(), &AppController::syncFinished);
        app->syncNow();
        // Never stuck: the sync reports, whatever failed.
        REQUIRE(waitUntil([&] { return finished.count() >= 1; }, 30000));
        REQUIRE(waitUntil([&] { return !app->syncing(); }));
        onDevice([](SyncEngine& e) { e.database().failAfter(0); });
        app->backend().drain();
        QCoreApplication::processEvents();
        if (!finished.first().at(0).toBool()) {
            ++failures;
            CHECK_FALSE(app->lastError().isEmpty());  // the coordinator is told
        }
        // The next sync succeeds and brings everything up to date.
        CHECK(sync(*app));
        CHECK(app->pending() == 0);
        CHECK(app->lastError().isEmpty());
    }
    CHECK(failures > 0);
}

TEST_CASE("Client: a board device shows the förbund's budget against outcome, computed locally, and no case",
          "[client][integration][finance]")
{
    World w;
    Id fed = 0;
    {
        auto d = samkoll::core::Database::open(w.db);
        REQUIRE(d);
        fed = samkoll::core::Repository(**d).federation("sf")->id;
        using namespace samkoll::core::finance;
        FinanceStore store(**d);
        REQUIRE(store.addUnit(fed, "SAMO", "Ordinarie verksamhet", false));
        // The members' contributions: one line per member (here Vännäs kommun's).
        REQUIRE(store.addLine(fed, {"avgifter", "Medlemsavgift Vännäs", LineGroup::Income, "SAMO", "", "vannas"}));
        REQUIRE(store.setSetting(fed, kMemberKeySetting, {2020, 1, 1}, "equal"));  // the kommuner share alike
        REQUIRE(store.addLine(fed, {"kansli", "Kanslipersonal", LineGroup::Administration, "SAMO", "", ""}));
        REQUIRE(store.addLine(fed, {"insats-vns", "Samordningsteamet Vännäs", LineGroup::Interventions, "SAMO", "vannas", ""}));
        for (int year : {2020, 2021}) {
            REQUIRE(store.setBudget(fed, "avgifter", year, kronor(3'000'000)));
            REQUIRE(store.setBudget(fed, "kansli", year, kronor(-1'200'000)));
            REQUIRE(store.setBudget(fed, "insats-vns", year, kronor(-1'500'000)));
            for (int m = 1; m <= (year == 2021 ? 8 : 12); ++m) {
                REQUIRE(store.setOutcome(fed, "avgifter", year, m, kronor(250'000)));
                REQUIRE(store.setOutcome(fed, "kansli", year, m, kronor(-95'500)));
                REQUIRE(store.setOutcome(fed, "insats-vns", year, m, kronor(-131'250)));
            }
        }
        REQUIRE(store.setOpeningEquity(fed, 2020, kronor(1'400'000)));
    }
    ServerProcess server(w.db, w.cert, w.key);
    auto coordinator = enrolled(w, "vannas-laptop", "vns", server);
    saveNew(*coordinator, QStringLiteral("VNS-1"));
    REQUIRE(sync(*coordinator));

    AppController board(QString::fromStdString(w.dir.file("board.db")));
    board.setBackgroundSyncSeconds(0);
    REQUIRE(waitUntil([&] { return board.ready(); }));
    QSignalSpy finished(&board, &AppController::enrolmentFinished);
    board.enrol(QString::fromStdString(server.url), QString::fromStdString(w.code("styrelse")), QString::fromStdString(w.cert));
    REQUIRE(waitUntil([&] { return finished.count() == 1; }, 20000));
    REQUIRE(finished.first().at(0).toBool());
    REQUIRE(waitUntil([&] { return board.enrolled() && !board.syncing(); }));
    CHECK(board.role() == "board");
    CHECK(board.teamName().isEmpty());
    REQUIRE(sync(board));

    auto* finance = board.finance();
    REQUIRE(waitUntil([&] { return !finance->rows().isEmpty(); }, 10000));
    REQUIRE_FALSE(finance->years().isEmpty());
    CHECK(finance->year() == finance->years().first().toInt());  // the newest year with figures
    // Every figure is the core's: the same rows the server computes for a board device.
    auto d = samkoll::core::Database::openExisting(w.db);
    REQUIRE(d);
    auto expected = samkoll::core::computeFinanceOverview(**d, fed, finance->year(), std::nullopt, 5);
    REQUIRE(expected);
    const auto rows = samkoll::core::operatingReportRows(expected->followUp.report);
    REQUIRE(finance->rows().size() == static_cast<qsizetype>(rows.size()));
    const auto total = finance->rows().last().toMap();
    CHECK(total.value("kind").toString() == "total");
    CHECK(total.value("label").toString() == QString::fromStdString(rows.back().label));
    const auto cells = total.value("cells").toStringList();
    REQUIRE(cells.size() == static_cast<qsizetype>(rows.back().cells.size()));
    for (int i = 0; i < cells.size(); ++i)
        CHECK(cells[i].toStdString() == rows.back().cells[static_cast<std::size_t>(i)]);
    CHECK_FALSE(finance->verdict().isEmpty());
    // Each tertial on its own, for the chart and its table: the core's kronor and texts.
    REQUIRE(finance->tertials().size() == 3);
    for (int t = 0; t < 3; ++t) {
        const auto shown = finance->tertials()[t].toMap();
        const auto& core = expected->tertials[static_cast<std::size_t>(t)];
        CHECK(shown.value("budgetCosts").toDouble() == static_cast<double>(-samkoll::core::finance::toKronor(core.budgetCosts)));
        if (core.hasOutcome)
            CHECK(shown.value("outcomeCosts").toDouble() == static_cast<double>(-samkoll::core::finance::toKronor(core.outcomeCosts)));
        else
            CHECK_FALSE(shown.value("outcomeCosts").isValid());
        CHECK(shown.value("cells").toStringList().size() == 5);
    }
    CHECK(expected->tertials[1].hasOutcome);
    CHECK_FALSE(expected->tertials[2].hasOutcome);  // utfall through August only
    // The members' contributions, as the core splits the allocation.
    REQUIRE_FALSE(expected->contributions.empty());
    REQUIRE(finance->members().size() == static_cast<qsizetype>(expected->contributions.size()));
    CHECK(finance->members().first().toMap().value("cells").toStringList().first().toStdString() ==
          expected->contributions.front().member);
    CHECK(finance->members().first().toMap().value("cells").toStringList().last().toStdString() ==
          samkoll::core::finance::kronorText(expected->contributions.front().amount));
    CHECK(finance->allocation().contains(QString::fromStdString(samkoll::core::finance::kronorText(expected->allocation))));
    // Cost per participant and outcome: Vännäs' insats, with the board's small counts hidden.
    REQUIRE(finance->costs().size() == static_cast<qsizetype>(expected->costs.size()));
    CHECK(finance->costs().first().toMap().value("cells").toStringList().first() == "Samordningsteamet Vännäs");
    // A tertial to date.
    finance->setTertial(2);
    REQUIRE(waitUntil([&] { return finance->title().contains("T2"); }, 10000));

    // Aggregates only: no case row ever reaches a board device.
    auto boardDb = samkoll::core::Database::openExisting(w.dir.file("board.db"));
    REQUIRE(boardDb);
    auto cases = (*boardDb)->prepare("SELECT count(*) FROM cases");
    REQUIRE(cases.step());
    CHECK(cases.integer(0) == 0);
}

TEST_CASE("Client: the kansli and the board save reports the server made, the board's with small counts hidden",
          "[client][integration][report]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto coordinator = enrolled(w, "vannas-laptop", "vns", server);
    saveNew(*coordinator, QStringLiteral("VNS-1"));  // one referral in 2021: a count of 1
    REQUIRE(sync(*coordinator));

    auto kansli = enrolled(w, "kansli-laptop", "kansli", server);
    REQUIRE(sync(*kansli));
    auto* reports = kansli->reports();
    REQUIRE(waitUntil([&] { return !reports->years().isEmpty(); }, 10000));
    CHECK(reports->years().first().toInt() == 2021);
    REQUIRE(reports->teams().size() == 2);

    auto make = [](samkoll::client::Reports& r, const QString& kind, const QString& team, const QString& format,
                   const std::string& file) {
        r.make(kind, 2021, 0, team, format, QUrl::fromLocalFile(QString::fromStdString(file)));
        REQUIRE(waitUntil([&] { return !r.busy(); }, 30000));
        INFO(r.error().toStdString());
        REQUIRE(r.error().isEmpty());
        CHECK_FALSE(r.message().isEmpty());
    };

    // The kansli's socialt bokslut as PDF: the förbund's pages, as `samkolld report` makes them.
    const auto pdf = w.dir.file("bokslut.pdf");
    make(*reports, "bokslut", "", "pdf", pdf);
    REQUIRE(std::filesystem::exists(pdf));
    FILE* pipe = popen(("pdftotext '" + pdf + "' -").c_str(), "r");
    REQUIRE(pipe);
    std::string text;
    std::array<char, 4096> buf{};
    for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0;)
        text.append(buf.data(), n);
    REQUIRE(pclose(pipe) == 0);
    CHECK(text.find("Socialt bokslut 2021") != std::string::npos);
    CHECK(text.find("Kansliets exemplar") != std::string::npos);
    CHECK(text.find("Senast synkat") != std::string::npos);  // the data's date: what the teams had synced
    CHECK(text.find("Sida 1 av") != std::string::npos);

    // Participant statistics as CSV: the kansli's exact referral count, the board's hidden.
    auto referred = [](const std::string& file) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream all;
        all << in.rdbuf();
        const auto rows = readCsv(all.str());
        for (const auto& row : rows)
            if (row[0] == "Arbetsförmedlingen")
                return row[1];
        return std::string("(ingen rad)");
    };
    make(*reports, "statistik", "vannas", "csv", w.dir.file("kansli-statistik.csv"));
    CHECK(referred(w.dir.file("kansli-statistik-aktualiseringar.csv")) == "1");

    auto board = enrolled(w, "board-laptop", "styrelse", server);
    REQUIRE(sync(*board));
    REQUIRE(waitUntil([&] { return !board->reports()->years().isEmpty(); }, 10000));
    make(*board->reports(), "statistik", "vannas", "csv", w.dir.file("styrelse-statistik.csv"));
    CHECK(referred(w.dir.file("styrelse-statistik-aktualiseringar.csv")) == "<5");

    // A field the server refuses is named; without the network the page says why.
    board->reports()->make("drift", 2021, 0, "alla", "pdf", QUrl::fromLocalFile(QString::fromStdString(w.dir.file("x.pdf"))));
    REQUIRE(waitUntil([&] { return !board->reports()->busy(); }, 30000));
    CHECK(board->reports()->errorField() == "team");
    CHECK_FALSE(std::filesystem::exists(w.dir.file("x.pdf")));
}

TEST_CASE("Client: the kansli fastställer a year and opens it again, and the board sees what was approved",
          "[client][integration][period]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto kansli = enrolled(w, "kansli-laptop", "kansli", server);
    REQUIRE(sync(*kansli));
    auto* periods = kansli->periods();
    auto settle = [](samkoll::client::Periods& p) {
        REQUIRE(waitUntil([&] { return !p.busy(); }, 30000));
        QCoreApplication::processEvents();
    };
    periods->reload();
    settle(*periods);
    REQUIRE(periods->error().isEmpty());
    REQUIRE(periods->years().size() == 1);  // the world's budget year
    auto year = periods->years().first().toMap();
    CHECK(year.value("year").toInt() == 2021);
    CHECK_FALSE(year.value("locked").toBool());

    // Without the decision's text nothing is sent; the field is named.
    periods->lock(2021, QStringLiteral("  "));
    CHECK(periods->errorField() == "by");

    periods->lock(2021, QStringLiteral("Styrelsen 2022-03-14 § 12"));
    settle(*periods);
    INFO(periods->error().toStdString());
    REQUIRE(periods->error().isEmpty());
    year = periods->years().first().toMap();
    CHECK(year.value("locked").toBool());
    CHECK(year.value("lockedBy").toString() == "Styrelsen 2022-03-14 § 12");
    // The approved index is the server's index of the year as it stood.
    auto d = samkoll::core::Database::openExisting(w.db);
    REQUIRE(d);
    const auto fed = samkoll::core::Repository(**d).federation("sf")->id;
    const auto index = samkoll::core::computeFederationIndex(**d, fed, samkoll::core::Period::year(2021));
    REQUIRE(index);
    const auto total = index->federationIndex.total.index;
    CHECK(year.value("index") == (total ? QVariant(*total) : QVariant()));
    CHECK(year.value("teams").toList().size() == static_cast<qsizetype>(index->teams.size()));

    // Twice is refused, naming the year; the board sees the lock and may not change it.
    periods->lock(2021, QStringLiteral("igen"));
    settle(*periods);
    CHECK(periods->errorField() == "year");
    auto board = enrolled(w, "board-laptop", "styrelse", server);
    board->periods()->reload();
    settle(*board->periods());
    REQUIRE(board->periods()->years().size() == 1);
    CHECK(board->periods()->years().first().toMap().value("locked").toBool());
    board->periods()->unlock(2021);
    settle(*board->periods());
    CHECK_FALSE(board->periods()->error().isEmpty());

    // A coordinator's edit into the locked year is refused by the server.
    auto coordinator = enrolled(w, "vannas-laptop", "vns", server);
    saveNew(*coordinator, QStringLiteral("VNS-LÅST"));
    sync(*coordinator);
    CHECK(coordinator->refusedCount() == 1);

    periods->unlock(2021);
    settle(*periods);
    REQUIRE(periods->error().isEmpty());
    CHECK_FALSE(periods->years().first().toMap().value("locked").toBool());
}

TEST_CASE("Client: the kansli adds a user, makes an enrolment code that enrols a computer, and revokes it",
          "[client][integration][users]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto kansli = enrolled(w, "kansli-laptop", "kansli", server);
    auto* users = kansli->users();
    auto settle = [](samkoll::client::Users& u) {
        REQUIRE(waitUntil([&] { return !u.busy(); }, 30000));
        QCoreApplication::processEvents();
    };
    users->reload();
    settle(*users);
    REQUIRE(users->error().isEmpty());
    CHECK(users->users().size() == 4);  // the world's four users
    REQUIRE(users->devices().size() == 1);
    CHECK(users->devices().first().toMap().value("thisDevice").toBool());
    CHECK_FALSE(users->devices().first().toMap().value("lastSeenAt").toString().isEmpty());  // it synced

    users->addUser(QStringLiteral(""), QStringLiteral("board"), {});
    CHECK(users->errorField() == "login");
    users->addUser(QStringLiteral("vera"), QStringLiteral("coordinator"), QStringLiteral("vindeln"));
    settle(*users);
    INFO(users->error().toStdString());
    REQUIRE(users->error().isEmpty());
    CHECK(users->users().size() == 5);

    users->makeCode(QStringLiteral("vera"));
    settle(*users);
    REQUIRE_FALSE(users->code().isEmpty());
    CHECK(users->codeLogin() == "vera");

    // Vera's computer enrols with the code, as a Vindeln coordinator.
    AppController vera(QString::fromStdString(w.dir.file("vera.db")));
    vera.setBackgroundSyncSeconds(0);
    REQUIRE(waitUntil([&] { return vera.ready(); }));
    QSignalSpy finished(&vera, &AppController::enrolmentFinished);
    vera.enrol(QString::fromStdString(server.url), users->code(), QString::fromStdString(w.cert));
    REQUIRE(waitUntil([&] { return finished.count() == 1; }, 20000));
    REQUIRE(finished.first().at(0).toBool());
    REQUIRE(waitUntil([&] { return vera.teamCode() == "vindeln" && !vera.syncing(); }, 20000));

    // Revoked: her next sync is refused.
    users->reload();
    settle(*users);
    QString veraDevice;
    for (const auto& d : users->devices())
        if (d.toMap().value("login") == "vera")
            veraDevice = d.toMap().value("id").toString();
    REQUIRE_FALSE(veraDevice.isEmpty());
    users->revoke(veraDevice);
    settle(*users);
    REQUIRE(users->error().isEmpty());
    CHECK_FALSE(sync(vera));
}

TEST_CASE("Client: the Förbundet screen shows the server's index of every team to the kansli, aggregates to the board, "
          "and the last answer offline",
          "[client][integration][federation]")
{
    World w;
    auto server = std::make_unique<ServerProcess>(w.db, w.cert, w.key);
    auto coordinator = enrolled(w, "vannas-laptop", "vns", *server);
    saveNew(*coordinator, QStringLiteral("VNS-1"), true);  // one participant in 2021, ended in work: counts of 1
    REQUIRE(sync(*coordinator));

    auto d = samkoll::core::Database::openExisting(w.db);
    REQUIRE(d);
    const auto fed = samkoll::core::Repository(**d).federation("sf")->id;
    const auto index = samkoll::core::computeFederationIndex(**d, fed, samkoll::core::Period::year(2021));
    REQUIRE(index);
    const auto ranked = samkoll::core::rankTeams(*index);

    auto settle = [](samkoll::client::FederationView& v) {
        REQUIRE(waitUntil([&] { return !v.busy(); }, 30000));
        QCoreApplication::processEvents();
    };
    auto kansli = enrolled(w, "kansli-laptop", "kansli", *server);
    REQUIRE(sync(*kansli));
    auto* view = kansli->federationView();
    settle(*view);
    INFO(view->error().toStdString());
    REQUIRE(view->error().isEmpty());
    CHECK(view->year() == 2021);
    CHECK_FALSE(view->stale());
    // Every team, ranked as the core ranks them, with the server's figures.
    auto* ranking = view->ranking();
    REQUIRE(ranking->rowCount() == static_cast<int>(ranked.size()));
    for (int i = 0; i < ranking->rowCount(); ++i) {
        const auto row = ranking->index(i);
        const auto* unit = ranked[static_cast<std::size_t>(i)].unit;
        CHECK(ranking->data(row, samkoll::client::UnitRankingModel::CodeRole).toString().toStdString() == unit->unitCode);
        CHECK(ranking->data(row, samkoll::client::UnitRankingModel::IndexRole) ==
              (unit->total.index ? QVariant(*unit->total.index) : QVariant()));
    }
    const auto total = index->federationIndex.total.index;
    CHECK(view->federation().value("total").toMap().value("index") == (total ? QVariant(*total) : QVariant()));
    // The kansli's copy is exact, the board's (below) hides small counts: each indicator's
    // counts as the core gives them to that reader.
    auto countsOf = [](const QVariantMap& unit) {
        std::vector<std::string> out;
        for (const auto& i : unit.value("indicators").toList()) {
            const auto m = i.toMap();
            out.push_back(m.value("n").toString().toStdString() + "/" + m.value("N").toString().toStdString());
        }
        return out;
    };
    auto coreCounts = [&](int suppressBelow) {
        std::vector<std::string> out;
        const auto j = samkoll::core::federationIndexToJson(*index, "vannas", samkoll::core::Language::Swedish,
                                                            suppressBelow)["index"];
        for (const auto& i : j.at("indicators"))
            out.push_back((i.at("n").is_null() ? std::string() : std::to_string(i.at("n").get<long long>())) + "/" +
                          (i.at("N").is_null() ? std::string() : std::to_string(i.at("N").get<long long>())));
        return out;
    };
    const auto vannas = view->unit(QStringLiteral("vannas"));
    REQUIRE_FALSE(vannas.isEmpty());
    CHECK(countsOf(vannas) == coreCounts(0));
    REQUIRE(coreCounts(0) != coreCounts(5));  // the world has counts of 1–4, which the board must not see

    // A tertial is asked for and shown as such.
    view->setTertial(2);
    settle(*view);
    CHECK(view->tertial() == 2);
    const auto t2 = samkoll::core::computeFederationIndex(**d, fed, samkoll::core::Period::tertial(2021, 2));
    REQUIRE(t2);
    CHECK(view->federation().value("total").toMap().value("achieved_count").toInt() ==
          t2->federationIndex.total.achievedCount);

    // The board: the same ranking, but no count of 1–4 reaches it — and no case row, no story.
    auto board = enrolled(w, "board-laptop", "styrelse", *server);
    REQUIRE(sync(*board));
    auto* boardView = board->federationView();
    settle(*boardView);
    REQUIRE(boardView->error().isEmpty());
    REQUIRE(boardView->ranking()->rowCount() == ranking->rowCount());
    CHECK(countsOf(boardView->unit(QStringLiteral("vannas"))) == coreCounts(5));
    CHECK(countsOf(boardView->unit(QStringLiteral("vannas"))) != countsOf(vannas));
    board.reset();
    auto boardDb = samkoll::core::Database::openExisting(w.dir.file("board-laptop.db"));
    REQUIRE(boardDb);
    for (const char* table : {"cases", "story"}) {
        auto st = (*boardDb)->prepare(std::string("SELECT count(*) FROM ") + table);
        REQUIRE(st.step());
        CHECK(st.integer(0) == 0);
    }

    // A coordinator may not ask: the server refuses, naming why.
    auto* theirs = coordinator->federationView();
    theirs->setDevice(fed);  // as if the screen were reached
    settle(*theirs);
    CHECK_FALSE(theirs->error().isEmpty());
    CHECK(theirs->ranking()->rowCount() == 0);

    // Offline: the server is gone; the kansli still sees the last answer for the period, said as such.
    server.reset();
    view->setTertial(0);
    settle(*view);
    CHECK(view->stale());
    CHECK_FALSE(view->error().isEmpty());
    CHECK(view->ranking()->rowCount() == static_cast<int>(ranked.size()));
    // A period never fetched: nothing shown under its name.
    view->setTertial(1);
    settle(*view);
    CHECK(view->ranking()->rowCount() == 0);
    CHECK(view->federation().isEmpty());
}
