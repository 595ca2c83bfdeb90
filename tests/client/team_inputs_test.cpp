// SPDX-License-Identifier: GPL-3.0-or-later
// Goda exempel and Sammansättning through their C++ models, as QML calls them:
// saved locally and queued for sync; a personnummer in a story, a future date
// and a non-number are refused with nothing saved.
#include <QSignalSpy>

#include "app_controller.hpp"
#include "client_fixtures.hpp"
#include "server_process.hpp"

using namespace samkoll::test;
using samkoll::client::AppController;
using samkoll::client::CompositionForm;
using samkoll::client::Stories;

namespace {

struct Fixture : DeviceApp {
    Fixture() : DeviceApp(1) {}

    template <typename Model>
    QString act(Model* model, const std::function<void()>& action)
    {
        QSignalSpy saved(model, &Model::saved);
        QSignalSpy rejected(model, &Model::rejected);
        action();
        REQUIRE(waitUntil([&] { return saved.count() + rejected.count() > 0; }));
        settle();
        return rejected.count() ? rejected.first().at(0).toString() + ": " + rejected.first().at(1).toString() : QString();
    }
};

}  // namespace

TEST_CASE("Goda exempel: write, edit, and the anonymity rules", "[client][stories]")
{
    Fixture f;
    auto* stories = f.app->stories();
    auto story = stories->blank();
    story["category"] = "circle_broken";
    story["date"] = "2021-05-03";
    story["title"] = "Rundgången bröts";
    story["text"] = "Efter tre år fick deltagaren ett samlat stöd.";
    CHECK(f.act(stories, [&] { stories->save(story); }).isEmpty());
    REQUIRE(stories->items().size() == 1);
    const auto saved = stories->items().first().toMap();
    CHECK(saved.value("categoryLabel").toString() == "The merry-go-round broken");
    CHECK(saved.value("pendingSync").toBool());

    auto edit = saved;
    edit["title"] = "Rundgången bröts i Vännäs";
    CHECK(f.act(stories, [&] { stories->save(edit); }).isEmpty());
    REQUIRE(stories->items().size() == 1);
    CHECK(stories->items().first().toMap().value("title").toString() == "Rundgången bröts i Vännäs");

    auto pnr = story;
    pnr["text"] = "Deltagaren 19850312-2384 fick jobb.";
    CHECK(f.act(stories, [&] { stories->save(pnr); }).startsWith("text: "));
    auto future = story;
    future["date"] = "2999-01-01";
    CHECK(f.act(stories, [&] { stories->save(future); }).startsWith("date: "));
    auto impossible = story;
    impossible["date"] = "2021-02-30";
    CHECK(f.act(stories, [&] { stories->save(impossible); }).startsWith("date: "));
    auto tooLong = story;
    tooLong["text"] = QString(20001, QChar(u'å'));
    CHECK(f.act(stories, [&] { stories->save(tooLong); }).startsWith("text: "));
    CHECK(stories->items().size() == 1);
    REQUIRE(waitUntil([&] { return f.app->pending() == 2; }));  // the create and the edit
}

TEST_CASE("Sammansättning: staff and steering group for a year", "[client][composition]")
{
    Fixture f;
    auto* c = f.app->composition();
    c->setYear(2021);
    CHECK(f.act(c, [&] { c->save("staff", "4", "1"); }).isEmpty());
    CHECK(f.act(c, [&] { c->save("steering_group", "3", "3"); }).isEmpty());
    CHECK(c->values().value("staff").toMap().value("women").toInt() == 4);
    CHECK(c->values().value("steering_group").toMap().value("men").toInt() == 3);
    CHECK(f.act(c, [&] { c->save("staff", "fyra", "1"); }).startsWith("women: "));
    CHECK(f.act(c, [&] { c->save("staff", "4", "-1"); }).startsWith("men: "));
    CHECK(c->values().value("staff").toMap().value("women").toInt() == 4);
    c->setYear(2020);
    REQUIRE(waitUntil([&] { return !c->values().value("staff").toMap().value("known").toBool(); }));
    REQUIRE(waitUntil([&] { return f.app->pending() == 2; }));
}
