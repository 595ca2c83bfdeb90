// SPDX-License-Identifier: GPL-3.0-or-later
// Enkäter through SurveyEntry, as QML calls it: a grid and single sheets are
// saved as batches, totals and the response rate follow, a batch is corrected
// by a counter-entry, typing mistakes are refused with nothing saved.
#include <QSignalSpy>

#include "app_controller.hpp"
#include "client_fixtures.hpp"
#include "server_process.hpp"

using namespace samkoll::test;
using samkoll::client::AppController;
using samkoll::client::SurveyEntry;

namespace {

struct Fixture : DeviceApp {
    SurveyEntry* s = nullptr;

    Fixture() : DeviceApp(3)
    {
        s = app->surveys();
        REQUIRE(waitUntil([&] { return !s->questionnaires().isEmpty() && !s->questions().isEmpty(); }));
        s->setQuestionnaire(QStringLiteral("deltagare_avslut"));
        s->setGroup(QStringLiteral("participants_exit"));
        s->setPeriod(QStringLiteral("2021"));
        settle();
    }

    /// Runs `action`, waits for saved or rejected; returns the rejection message (empty = saved).
    QString act(const std::function<void()>& action)
    {
        QSignalSpy saved(s, &SurveyEntry::saved);
        QSignalSpy rejected(s, &SurveyEntry::rejected);
        action();
        REQUIRE(waitUntil([&] { return saved.count() + rejected.count() > 0; }));
        settle();
        return rejected.count() ? rejected.first().at(1).toString() : QString();
    }
};

QVariantMap cell(const char* q, int option, const char* gender, const char* count)
{
    return {{"question", q}, {"option", option}, {"gender", gender}, {"count", count}};
}

}  // namespace

TEST_CASE("Enkäter: a grid, sheets, the response rate and a counter-entry", "[client][surveys]")
{
    Fixture f;
    auto* s = f.s;
    REQUIRE(s->questions().first().toMap().value("code").toString() == "d_lyssnat");
    CHECK(s->questions().first().toMap().value("options").toStringList().size() == 6);

    // A typing mistake in the grid saves nothing.
    CHECK(f.act([&] { s->saveGrid({cell("d_lyssnat", 6, "woman", "3"), cell("d_lyssnat", 5, "man", "två")}); })
              .contains("två"));
    CHECK(s->batches().isEmpty());
    CHECK_FALSE(f.act([&] { s->saveGrid({cell("d_lyssnat", 6, "woman", "")}); }).isEmpty());  // nothing filled in

    CHECK(f.act([&] {
               s->saveGrid({cell("d_lyssnat", 6, "woman", "3"), cell("d_lyssnat", 5, "man", "2"), cell("d_stod", 6, "woman", "4"),
                            cell("d_stod", 1, "declined", "1"), cell("d_person", 2, "man", "0")});
           }).isEmpty());
    CHECK(s->total("d_lyssnat", 6, "woman") == 3);
    CHECK(s->total("d_stod", 1, "declined") == 1);
    REQUIRE(s->batches().size() == 1);
    const auto grid = s->batches().first().toMap();
    CHECK(grid.value("rows").toInt() == 4);  // the 0 is no row
    CHECK(grid.value("sum").toInt() == 10);
    CHECK(grid.value("enteredBy").toString() == "");  // a seeded device has no login

    // Two single sheets.
    CHECK(f.act([&] { s->saveSheet({{"d_lyssnat", 6}, {"d_stod", 5}}, "woman"); }).isEmpty());
    CHECK(f.act([&] { s->saveSheet({{"d_lyssnat", 4}}, "man"); }).isEmpty());
    CHECK(s->batches().size() == 3);
    CHECK(s->respondents() == 7);  // d_lyssnat: 3 + 2 + 1 + 1
    CHECK_FALSE(f.act([&] { s->saveSheet({{"d_lyssnat", 4}}, "nobody"); }).isEmpty());

    // The number invited gives the response rate.
    QSignalSpy round(s, &SurveyEntry::roundChanged);
    s->setInvited("20");
    REQUIRE(waitUntil([&] { return s->invited() == 20; }));
    CHECK(s->responseRateText().contains("35"));  // 7 of 20
    CHECK(s->responseRateText().contains("20"));

    // A counter-entry of the grid.
    const auto batch = grid.value("batch").toString();
    CHECK(f.act([&] { s->correct(batch); }).isEmpty());
    CHECK(s->total("d_lyssnat", 6, "woman") == 1);  // only the sheet's answer is left
    CHECK(s->total("d_stod", 1, "declined") == 0);
    CHECK(s->batches().size() == 4);
    CHECK(s->batches().first().toMap().value("correction").toBool());
    CHECK(s->batches().first().toMap().value("sum").toInt() == -10);
    CHECK(s->batches().first().toMap().value("kind").toString() == "counterEntry");
    // The entry is labelled as counter-entered and cannot be counter-entered again.
    bool labelled = false;
    for (const auto& b : s->batches())
        if (b.toMap().value("batch").toString() == batch)
            labelled = b.toMap().value("counterEntered").toBool();
    CHECK(labelled);
    CHECK(f.act([&] { s->correct(batch); }).contains("redan motbokad"));

    // One cell corrected: a signed count in the grid (−1) is a correction of that cell only.
    CHECK(f.act([&] { s->saveGrid({cell("d_lyssnat", 6, "woman", "-1"), cell("d_lyssnat", 5, "woman", "1")}); }).isEmpty());
    CHECK(s->total("d_lyssnat", 6, "woman") == 0);
    CHECK(s->total("d_lyssnat", 5, "woman") == 1);
    CHECK(s->batches().first().toMap().value("kind").toString() == "correction");
    // Below zero is refused, naming the question and the cell; nothing saved.
    const auto refused = f.act([&] { s->saveGrid({cell("d_lyssnat", 6, "woman", "-1")}); });
    CHECK(refused.contains("d_lyssnat"));
    CHECK(refused.contains("svarsalternativ 6"));
    CHECK(s->total("d_lyssnat", 6, "woman") == 0);
    // Everything saved waits in the outbox: 4 grid rows, 2 + 1 sheet rows, the
    // number invited, 4 counter-entry rows, 2 correction rows.
    REQUIRE(waitUntil([&] { return f.app->pending() == 14; }));
}
