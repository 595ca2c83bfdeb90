// SPDX-License-Identifier: GPL-3.0-or-later
// The coordinator's actions through AppController, as QML calls them: the
// case form's validation, the lifecycle, delete and undo — on a real device
// database, answers coming back from the database thread.
#include <QSignalSpy>

#include "app_controller.hpp"
#include "client_fixtures.hpp"
#include "server_process.hpp"

using namespace samkoll::test;
using samkoll::client::AppController;
using samkoll::client::CaseListModel;

namespace {

struct Fixture : DeviceApp {
    Fixture() : DeviceApp(5)
    {
        REQUIRE(waitUntil([&] { return app->cases()->totalCount() == 5 && !app->cases()->loading(); }));
    }

    QVariantMap form(const QString& code)
    {
        auto f = app->blankCase();
        f["code"] = code;
        f["gender"] = "woman";
        f["birth_year"] = "1990";
        f["referral_date"] = "2021-03-01";
        f["referring_party"] = "fk";
        return f;
    }

    /// Saves and waits for the answer: the uid, or the rejected field and message.
    std::pair<QString, QString> save(const QVariantMap& f)
    {
        QSignalSpy saved(app.get(), &AppController::caseSaved);
        QSignalSpy rejected(app.get(), &AppController::caseRejected);
        app->saveCase(f);
        REQUIRE(waitUntil([&] { return saved.count() + rejected.count() > 0; }));
        if (saved.count())
            return {saved.first().at(0).toString(), {}};
        return {{}, rejected.first().at(0).toString() + ": " + rejected.first().at(1).toString()};
    }

    std::int64_t count(const std::string& sql)
    {
        app->backend().drain();
        auto d = samkoll::core::Database::openExisting(db);
        REQUIRE(d);
        auto st = (*d)->prepare(sql);
        st.step();
        return st.integer(0);
    }
};

}  // namespace

TEST_CASE("The case form names the field that is wrong and saves nothing", "[client][controller]")
{
    Fixture f;
    auto check = [&](QVariantMap form) { return f.app->checkCase(form).value("field").toString(); };

    auto pnr = f.form("19800101-1234");
    CHECK(check(pnr) == "code");
    CHECK(f.app->checkCase(pnr).value("message").toString().contains("personnummer"));
    auto pnrShort = f.form("8001011234");
    CHECK(check(pnrShort) == "code");

    auto impossible = f.form("VNS-X1");
    impossible["referral_date"] = "2021-02-30";
    CHECK(check(impossible) == "referral_date");

    auto startWithoutYes = f.form("VNS-X2");
    startWithoutYes["start_date"] = "2021-03-10";
    CHECK(check(startWithoutYes) == "start_date");

    auto badYear = f.form("VNS-X3");
    badYear["birth_year"] = "19x0";
    CHECK(check(badYear) == "birth_year");

    auto exitWithoutOutcome = f.form("VNS-X4");
    exitWithoutOutcome["decision"] = "yes";
    exitWithoutOutcome["decision_date"] = "2021-03-02";
    exitWithoutOutcome["start_date"] = "2021-03-10";
    exitWithoutOutcome["exit_date"] = "2021-05-10";
    CHECK(check(exitWithoutOutcome) == "exit_outcome");

    CHECK(f.save(pnr).second.startsWith("code: "));
    CHECK(f.save(impossible).second.startsWith("referral_date: "));

    // Three mistakes, one save: all three named at once, in the form's order.
    auto three = f.form("VNS-X5");
    three["birth_year"] = "19x0";
    three["decision"] = "yes";
    three["decision_date"] = "2021-13-01";
    three["exit_outcome"] = "work";
    QSignalSpy problems(f.app.get(), &AppController::caseProblems);
    CHECK(f.save(three).second.startsWith("birth_year: "));
    REQUIRE(problems.count() == 1);
    const auto list = problems.first().at(0).toList();
    REQUIRE(list.size() == 3);
    CHECK(list[0].toMap().value("field").toString() == "birth_year");
    CHECK(list[1].toMap().value("field").toString() == "decision_date");
    CHECK(list[2].toMap().value("field").toString() == "exit_date");
    CHECK(list[1].toMap().value("message").toString().contains("2021-13-01"));
    CHECK(f.count("SELECT count(*) FROM cases") == 5);
    CHECK(f.count("SELECT count(*) FROM outbox") == 0);
}

TEST_CASE("A case goes through referral, beredning, start and exit, queued for sync", "[client][controller]")
{
    Fixture f;
    auto form = f.form("VNS-2021-101");
    auto [uid, error] = f.save(form);
    REQUIRE(error.isEmpty());
    REQUIRE(waitUntil([&] { return f.app->cases()->rowOf(uid) >= 0; }));
    auto* model = f.app->cases();
    auto row = [&] { return model->index(model->rowOf(uid)); };
    CHECK(model->data(row(), CaseListModel::StatusRole).toString() == "referred");
    CHECK(model->data(row(), CaseListModel::PendingSyncRole).toBool());
    CHECK(model->totalCount() == 6);

    auto edited = model->get(model->rowOf(uid));
    edited["decision"] = "yes";
    edited["decision_date"] = "2021-03-05";
    REQUIRE(f.save(edited).second.isEmpty());
    REQUIRE(waitUntil([&] { return model->data(row(), CaseListModel::StatusRole).toString() == "accepted"; }));

    edited["start_date"] = "2021-03-15";
    edited["income_support"] = QStringList{"sickness_benefit", "social_assistance"};
    REQUIRE(f.save(edited).second.isEmpty());
    REQUIRE(waitUntil([&] { return model->data(row(), CaseListModel::StatusRole).toString() == "active"; }));
    CHECK(model->get(model->rowOf(uid)).value("income_support").toStringList().size() == 2);

    edited["exit_date"] = "2021-09-30";
    edited["exit_outcome"] = "studies";
    REQUIRE(f.save(edited).second.isEmpty());
    REQUIRE(waitUntil([&] { return model->data(row(), CaseListModel::StatusRole).toString() == "exited"; }));
    CHECK(model->data(row(), CaseListModel::OutcomeLabelRole).toString() == "Studies");  // no translation loaded

    // Not yet sent: the three edits are folded into the queued creation.
    CHECK(f.count("SELECT count(*) FROM outbox") == 1);
    CHECK(f.count("SELECT count(*) FROM outbox WHERE operation LIKE '%\"exit_outcome\":\"studies\"%'") == 1);
    REQUIRE(waitUntil([&] { return f.app->pending() == 1; }));

    // The same code twice in a team is refused at the code field.
    CHECK(f.save(f.form("VNS-2021-101")).second.startsWith("code: "));
}

TEST_CASE("A delete can be undone until it has been offered to the server", "[client][controller]")
{
    Fixture f;
    auto* model = f.app->cases();
    const auto uid = model->data(model->index(0), CaseListModel::UidRole).toString();
    QSignalSpy deleted(f.app.get(), &AppController::caseDeleted);
    QSignalSpy restored(f.app.get(), &AppController::caseRestored);
    QSignalSpy notice(f.app.get(), &AppController::notice);

    f.app->deleteCase(uid);
    REQUIRE(waitUntil([&] { return deleted.count() == 1; }));
    REQUIRE(waitUntil([&] { return model->totalCount() == 4 && model->rowOf(uid) < 0; }));
    f.app->undoDelete(uid);
    REQUIRE(waitUntil([&] { return restored.count() == 1; }));
    REQUIRE(waitUntil([&] { return model->totalCount() == 5 && model->rowOf(uid) >= 0; }));
    CHECK(f.count("SELECT count(*) FROM outbox") == 0);

    // Once a sync has sent it, the server may have applied it: no undo.
    f.app->deleteCase(uid);
    REQUIRE(waitUntil([&] { return deleted.count() == 2; }));
    f.app->backend().run(
        f.app.get(), [](samkoll::client::SyncEngine& e) { return static_cast<bool>(e.replica().markSent(1 << 30)); },
        [](auto) {});
    f.app->undoDelete(uid);
    REQUIRE(waitUntil([&] { return notice.count() == 1; }));
    CHECK(notice.first().at(0).toString().contains("redan skickats"));
    CHECK(f.count("SELECT count(*) FROM cases WHERE deleted = 1") == 1);
}
