// SPDX-License-Identifier: GPL-3.0-or-later
// The case list: lazy pages from the database thread, filters, and the model
// contract checked by QAbstractItemModelTester on every change.
#include <set>

#include <QAbstractItemModelTester>

#include "app_controller.hpp"
#include "client_fixtures.hpp"
#include "server_process.hpp"

using namespace samkoll::test;
using samkoll::client::AppController;
using samkoll::client::CaseListModel;

namespace {

struct Device {
    TempDir dir;
    std::string db = dir.file("device.db");
    explicit Device(int cases) { seedDevice(db, cases); }
};

/// A controller on the device's database, its team loaded and the first page in.
std::unique_ptr<AppController> open(const Device& d)
{
    auto app = std::make_unique<AppController>(QString::fromStdString(d.db));
    app->setBackgroundSyncSeconds(0);
    REQUIRE(waitUntil([&] { return app->ready() && app->teamCode() == "vannas"; }));
    REQUIRE(waitUntil([&] { return !app->cases()->loading() && app->cases()->totalCount() > 0; }));
    return app;
}

}  // namespace

TEST_CASE("The case list fetches pages lazily, newest referral first", "[client][model]")
{
    Device d(450);
    auto app = open(d);
    auto* model = app->cases();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    CHECK(model->totalCount() == 450);
    CHECK(model->rowCount() == CaseListModel::kPageSize);
    REQUIRE(model->canFetchMore({}));
    model->fetchMore({});
    REQUIRE(waitUntil([&] { return model->rowCount() == 2 * CaseListModel::kPageSize; }));
    model->fetchMore({});
    waitUntil([&] { return model->rowCount() == 450; });
    INFO("rows " << model->rowCount() << " more " << model->canFetchMore({}) << " loading " << model->loading());
    REQUIRE(model->rowCount() == 450);
    CHECK_FALSE(model->canFetchMore({}));

    // Keyset paging: no case twice, none missing, ordered by referral date.
    std::set<QString> codes;
    QString previous = QStringLiteral("9999-12-31");
    for (int r = 0; r < model->rowCount(); ++r) {
        const auto idx = model->index(r);
        codes.insert(model->data(idx, CaseListModel::CodeRole).toString());
        const auto date = model->data(idx, CaseListModel::ReferralDateRole).toString();
        CHECK(date <= previous);
        previous = date;
    }
    CHECK(codes.size() == 450);
}

TEST_CASE("Filters by status, year and code narrow the list and its count", "[client][model]")
{
    Device d(300);
    auto app = open(d);
    auto* model = app->cases();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    // The oracle: the seeding rule of seedDevice.
    int exited = 0, active = 0, referred = 0;
    for (int i = 0; i < 300; ++i) {
        if (i % 3 == 0 && i % 5 == 0)
            ++exited;
        else if (i % 3 == 0)
            ++active;
        else
            ++referred;
    }
    auto settle = [&] { REQUIRE(waitUntil([&] { return !model->loading(); })); QCoreApplication::processEvents(); };

    model->setStatusFilter(QStringLiteral("exited"));
    settle();
    REQUIRE(waitUntil([&] { return model->totalCount() == exited; }));
    CHECK(model->rowCount() == exited);
    for (int r = 0; r < model->rowCount(); ++r)
        CHECK(model->data(model->index(r), CaseListModel::StatusRole).toString() == "exited");

    model->setStatusFilter(QStringLiteral("active"));
    REQUIRE(waitUntil([&] { return model->totalCount() == active; }));
    model->setStatusFilter(QStringLiteral("referred"));
    REQUIRE(waitUntil([&] { return model->totalCount() == referred; }));
    model->setStatusFilter({});

    model->setSearch(QStringLiteral("vns-12"));  // VNS-1200 … VNS-1299, case-insensitive
    REQUIRE(waitUntil([&] { return model->totalCount() == 100; }));
    settle();
    CHECK(model->rowCount() == 100);
    model->setSearch(QStringLiteral("%"));  // a LIKE wildcard typed by the user matches nothing special
    REQUIRE(waitUntil([&] { return model->totalCount() == 0; }));
    settle();
    CHECK(model->rowCount() == 0);
    model->setSearch({});

    // Open during 2021: referred on or before its end, not exited before its start.
    int open2021 = 0;
    for (int i = 0; i < 300; ++i) {
        const auto referral = samkoll::core::Date::fromDays(samkoll::core::Date{2019, 1, 1}.days() + (i * 7) % 1000);
        const bool exitedEarly = i % 15 == 0 && samkoll::core::Date::fromDays(referral.days() + 60) < samkoll::core::Date{2021, 1, 1};
        if (referral <= samkoll::core::Date{2021, 12, 31} && !exitedEarly)
            ++open2021;
    }
    model->setYearFilter(2021);
    REQUIRE(waitUntil([&] { return model->totalCount() == open2021; }));
}
