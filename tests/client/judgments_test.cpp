// SPDX-License-Identifier: GPL-3.0-or-later
// Bedömningar: the kansli's judgments as a model (every manual indicator ×
// unit, with the contract checked by QAbstractItemModelTester), made offline
// through the outbox, and against the real server: who made it, the
// coordinators' devices get it, and two kansli computers judging at once end
// in a conflict the kansli settles.
#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include "app_controller.hpp"
#include "client_fixtures.hpp"
#include "samkoll/store/repository.hpp"
#include "samkoll/sync/replica.hpp"
#include "world.hpp"

using namespace samkoll::test;
using samkoll::client::AppController;
using samkoll::client::Judgments;

namespace {

/// The seeded Vännäs device turned into a kansli computer (no team), offline.
std::unique_ptr<AppController> kansliDevice(const std::string& path)
{
    seedDevice(path, 10);
    {
        auto db = samkoll::core::Database::openExisting(path);
        REQUIRE(db);
        samkoll::core::Replica replica(**db, "kansli-1");
        REQUIRE(replica.setState("role", "central_office"));
        REQUIRE(replica.setState("team", ""));
        REQUIRE(replica.setState("login", "karin"));
    }
    auto app = std::make_unique<AppController>(QString::fromStdString(path));
    app->setBackgroundSyncSeconds(0);
    REQUIRE(waitUntil([&] { return app->ready() && app->role() == "central_office"; }));
    REQUIRE(waitUntil([&] { return app->judgments()->rowCount() > 0; }));
    return app;
}

int rowOf(Judgments& m, const QString& indicator, const QString& unit)
{
    for (int i = 0; i < m.rowCount(); ++i)
        if (m.data(m.index(i), Judgments::IndicatorRole) == indicator && m.data(m.index(i), Judgments::UnitRole) == unit)
            return i;
    return -1;
}

QVariant role(Judgments& m, int row, Judgments::Role r)
{
    return m.data(m.index(row), r);
}

}  // namespace

TEST_CASE("Bedömningar: every manual indicator × unit, judged offline through the outbox, refusals named",
          "[client][model][judgment]")
{
    TempDir dir;
    auto app = kansliDevice(dir.file("kansli.db"));
    auto* model = app->judgments();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    // The 2021 template's manual indicators, each for the units its scope names (the förbund, Vännäs).
    auto db = samkoll::core::Database::openExisting(dir.file("kansli.db"));
    REQUIRE(db);
    samkoll::core::Repository repo(**db);
    const auto fed = repo.federation("sf")->id;
    auto budget = repo.budget(fed, 2021);
    REQUIRE(budget);
    int expected = 0;
    for (const auto& a : budget->areas)
        for (const auto& g : a.goals)
            for (const auto& i : g.indicators)
                if (i.kind == samkoll::core::IndicatorKind::Manual)
                    expected += (i.scope != samkoll::core::Scope::Team) + (i.scope != samkoll::core::Scope::Federation);
    REQUIRE(expected > 0);
    CHECK(model->year() == 2021);
    CHECK(model->rowCount() == expected);
    CHECK(model->missing() == expected);  // nothing judged yet: every unit stands out
    const int row = rowOf(*model, "1.2.4", "vannas");
    REQUIRE(row >= 0);
    CHECK(role(*model, row, Judgments::StateRole) == "none");
    CHECK(role(*model, row, Judgments::UnitNameRole) == "Samordningsteamet Vännäs");

    // A judgment without a motivation is refused, naming the field; nothing is queued.
    QSignalSpy rejected(model, &Judgments::rejected);
    model->judge(row, true, QStringLiteral("   "));
    REQUIRE(rejected.count() == 1);
    CHECK(rejected.first().at(0) == "motivation");
    model->judge(row, true, QStringLiteral("Sammanställningen 19850101-1234."));
    REQUIRE(waitUntil([&] { return rejected.count() == 2; }));
    CHECK(rejected.last().at(0) == "motivation");  // a personnummer
    CHECK(app->pending() == 0);

    // Judged: shown at once with who, waiting to be sent.
    QSignalSpy saved(model, &Judgments::saved);
    model->judge(row, true, QStringLiteral("Sammanställningen finns i protokollet 2021-11-02."));
    REQUIRE(waitUntil([&] { return saved.count() == 1; }));
    REQUIRE(waitUntil([&] { return role(*model, rowOf(*model, "1.2.4", "vannas"), Judgments::StateRole) == "achieved"; }));
    const int judged = rowOf(*model, "1.2.4", "vannas");
    CHECK(role(*model, judged, Judgments::MotivationRole) == "Sammanställningen finns i protokollet 2021-11-02.");
    CHECK(role(*model, judged, Judgments::ByRole) == "karin");
    CHECK(role(*model, judged, Judgments::PendingRole).toBool());
    CHECK(model->missing() == expected - 1);
    REQUIRE(waitUntil([&] { app->refresh(); return app->pending() == 1; }));
    // Changed again before sending: still one operation in the outbox.
    model->judge(judged, false, QStringLiteral("Protokollet saknar sammanställningen."));
    REQUIRE(waitUntil([&] { return role(*model, rowOf(*model, "1.2.4", "vannas"), Judgments::StateRole) == "not_achieved"; }));
    app->refresh();
    REQUIRE(waitUntil([&] { return !app->syncing(); }));
    app->backend().drain();
    QCoreApplication::processEvents();
    CHECK(app->pending() == 1);

    // Taken away: not judged again.
    model->clear(rowOf(*model, "1.2.4", "vannas"));
    REQUIRE(waitUntil([&] { return role(*model, rowOf(*model, "1.2.4", "vannas"), Judgments::StateRole) == "none"; }));
    CHECK(model->missing() == expected);
}

TEST_CASE("Bedömningar against the real server: who made it, the coordinator's device gets it, and a conflict is settled",
          "[client][integration][judgment]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto enrol = [&](const std::string& name, const std::string& login) {
        return enrolledApp(w.dir.file(name + ".db"), w.code(login), server, w.cert);
    };
    auto sync = [](AppController& app) { REQUIRE(syncApp(app)); };
    auto a = enrol("kansli-a", "kansli");
    auto b = enrol("kansli-b", "kansli");
    auto* ma = a->judgments();
    auto* mb = b->judgments();
    REQUIRE(waitUntil([&] { return ma->rowCount() > 0 && mb->rowCount() > 0; }));
    QAbstractItemModelTester testerB(mb, QAbstractItemModelTester::FailureReportingMode::Fatal);

    // A judges the förbund's 4.1.3 and syncs; the server keeps who.
    const int row = rowOf(*ma, "4.1.3", "");
    REQUIRE(row >= 0);
    ma->judge(row, true, QStringLiteral("Fallstudien är gjord."));
    REQUIRE(waitUntil([&] { return role(*ma, rowOf(*ma, "4.1.3", ""), Judgments::StateRole) == "achieved"; }));
    sync(*a);
    auto d = samkoll::core::Database::openExisting(w.db);
    REQUIRE(d);
    samkoll::core::Repository repo(**d);
    const auto fed = repo.federation("sf")->id;
    auto stored = [&] {
        auto all = repo.manualAssessments(fed, 2021);
        REQUIRE(all);
        for (const auto& m : *all)
            if (m.indicatorCode == "4.1.3" && !m.teamId)
                return std::optional<samkoll::core::ManualAssessment>(m);
        return std::optional<samkoll::core::ManualAssessment>();
    };
    REQUIRE(stored());
    CHECK(stored()->assessedBy == "kansli");
    CHECK(stored()->motivation == "Fallstudien är gjord.");
    REQUIRE(waitUntil([&] { return !role(*ma, rowOf(*ma, "4.1.3", ""), Judgments::PendingRole).toBool(); }));

    // B gets it with the next sync.
    sync(*b);
    REQUIRE(waitUntil([&] { return role(*mb, rowOf(*mb, "4.1.3", ""), Judgments::StateRole) == "achieved"; }));

    // Both change it offline; A's arrives first, B's is refused and shows A's.
    ma->judge(rowOf(*ma, "4.1.3", ""), false, QStringLiteral("Fallstudien räcker inte."));
    mb->judge(rowOf(*mb, "4.1.3", ""), true, QStringLiteral("Fallstudien och uppföljningen är gjorda."));
    REQUIRE(waitUntil([&] { return role(*mb, rowOf(*mb, "4.1.3", ""), Judgments::MotivationRole) ==
                                   "Fallstudien och uppföljningen är gjorda."; }));
    sync(*a);
    sync(*b);
    REQUIRE(waitUntil([&] { return mb->conflicts() == 1; }, 10000));
    const int conflicted = rowOf(*mb, "4.1.3", "");
    CHECK(role(*mb, conflicted, Judgments::ConflictRole).toString().contains("Fallstudien räcker inte."));
    CHECK(role(*mb, conflicted, Judgments::MotivationRole) == "Fallstudien och uppföljningen är gjorda.");  // B's, kept
    CHECK(stored()->motivation == "Fallstudien räcker inte.");

    // B keeps its own: sent again over A's.
    mb->settle(conflicted, true);
    REQUIRE(waitUntil([&] { return mb->conflicts() == 0; }));
    sync(*b);
    CHECK(stored()->motivation == "Fallstudien och uppföljningen är gjorda.");
    sync(*a);
    REQUIRE(waitUntil([&] { return role(*ma, rowOf(*ma, "4.1.3", ""), Judgments::MotivationRole) ==
                                   "Fallstudien och uppföljningen är gjorda."; }));

    // A coordinator's device has the judgment too (its index needs them), and cannot make one.
    auto coordinator = enrol("vannas", "vns");
    sync(*coordinator);
    auto cdb = samkoll::core::Database::openExisting(w.dir.file("vannas.db"));
    REQUIRE(cdb);
    auto theirs = samkoll::core::Repository(**cdb).manualAssessments(samkoll::core::Repository(**cdb).federation("sf")->id, 2021);
    REQUIRE(theirs);
    bool seen = false;
    for (const auto& m : *theirs)
        seen = seen || (m.indicatorCode == "4.1.3" && m.motivation == "Fallstudien och uppföljningen är gjorda.");
    CHECK(seen);
}

TEST_CASE("Förbundets egna uppgifter: the kansli enters the board's and the partner managers' composition and the board's survey, through the outbox",
          "[client][integration][composition][survey]")
{
    World w;
    ServerProcess server(w.db, w.cert, w.key);
    auto kansli = enrolledApp(w.dir.file("kansli.db"), w.code("kansli"), server, w.cert);
    REQUIRE(syncApp(*kansli));

    // The board's composition: the förbund's own body on a computer without a team.
    auto* composition = kansli->composition();
    REQUIRE(composition->bodies() == QStringList({"board", "partner_managers"}));
    composition->setYear(2021);
    QSignalSpy saved(composition, &samkoll::client::CompositionForm::saved);
    QSignalSpy rejected(composition, &samkoll::client::CompositionForm::rejected);
    composition->save(QStringLiteral("staff"), QStringLiteral("1"), QStringLiteral("1"));  // a team's body: not here
    REQUIRE(rejected.count() == 1);
    CHECK(rejected.first().at(0) == "body");
    composition->save(QStringLiteral("board"), QStringLiteral("4"), QStringLiteral("3"));
    REQUIRE(waitUntil([&] { return saved.count() == 1; }));
    REQUIRE(waitUntil([&] { return composition->values().value("board").toMap().value("known").toBool(); }));
    CHECK(composition->values().value("board").toMap().value("women").toInt() == 4);
    composition->save(QStringLiteral("partner_managers"), QStringLiteral("2"), QStringLiteral("5"));
    REQUIRE(waitUntil([&] { return saved.count() == 2; }));
    REQUIRE(waitUntil([&] { return composition->values().value("partner_managers").toMap().value("known").toBool(); }));

    // The board's survey: the förbund's groups and its questionnaire, the same grid as the teams'.
    auto* surveys = kansli->surveys();
    REQUIRE(waitUntil([&] { return !surveys->questionnaires().isEmpty(); }));
    QStringList groups;
    for (const auto& g : surveys->groups())
        groups << g.toMap().value("code").toString();
    CHECK(groups == QStringList{"board", "partner_managers"});
    CHECK(surveys->group() == "board");
    CHECK(surveys->questionnaire() == "styrelse");
    surveys->setPeriod(QStringLiteral("2021"));
    REQUIRE_FALSE(surveys->questions().isEmpty());
    const auto question = surveys->questions().first().toMap().value("code").toString();
    QSignalSpy entered(surveys, &samkoll::client::SurveyEntry::saved);
    surveys->saveGrid({QVariantMap{{"question", question}, {"option", 1}, {"gender", "woman"}, {"count", "3"}},
                       QVariantMap{{"question", question}, {"option", 2}, {"gender", "man"}, {"count", "2"}}});
    REQUIRE(waitUntil([&] { return entered.count() == 1; }));

    // Both reach the server as the förbund's own (no team).
    REQUIRE(syncApp(*kansli));
    CHECK(kansli->pending() == 0);
    CHECK(kansli->refusedCount() == 0);
    auto d = samkoll::core::Database::openExisting(w.db);
    REQUIRE(d);
    auto count = [&](const std::string& sql) {
        auto st = (*d)->prepare(sql);
        REQUIRE(st.step());
        return st.integer(0);
    };
    CHECK(count("SELECT women * 10 + men FROM composition WHERE team_id IS NULL AND body = 'board' AND year = 2021") == 43);
    CHECK(count("SELECT women * 10 + men FROM composition WHERE team_id IS NULL AND body = 'partner_managers' AND year = 2021") ==
          25);
    CHECK(count("SELECT ifnull(sum(t.delta), 0) FROM tally_delta t JOIN survey_round r ON r.id = t.round_id "
                "WHERE r.team_id IS NULL AND r.respondent_group = 'board'") == 5);
}
