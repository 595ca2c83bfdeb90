// SPDX-License-Identifier: GPL-3.0-or-later
// Backend: every background job reports to its completion, also when it
// throws — nothing a job does can leave the window "busy" or "syncing".
#include <QSignalSpy>

#include <stdexcept>

#include "backend.hpp"
#include "client_fixtures.hpp"

using namespace samkoll::test;
using samkoll::client::Backend;
using samkoll::client::SyncEngine;
using samkoll::core::Result;
using samkoll::core::Status;

TEST_CASE("A background job that throws still reports to its completion", "[client][backend]")
{
    TempDir dir;
    QObject receiver;
    Backend backend(QString::fromStdString(dir.file("device.db")));
    QSignalSpy failed(&backend, &Backend::jobFailed);
    REQUIRE(waitUntil([&] { return backend.isOpen(); }));

    SECTION("work returning a plain value")
    {
        std::optional<Result<int>> got;
        backend.run(
            &receiver, [](SyncEngine&) -> int { throw std::runtime_error("[json.exception.out_of_range.403] key"); },
            [&](Result<int> r) { got = std::move(r); });
        REQUIRE(waitUntil([&] { return got.has_value(); }));
        REQUIRE_FALSE(got->ok());
        CHECK(got->error().code == "internal");
        // The library's text is for the log, not for the coordinator.
        CHECK(got->error().message.find("json.exception") == std::string::npos);
        CHECK(got->error().detail.find("json.exception") != std::string::npos);
        REQUIRE(waitUntil([&] { return failed.count() == 1; }));
    }
    SECTION("work returning a Status")
    {
        std::optional<Status> got;
        backend.run(
            &receiver, [](SyncEngine&) -> Status { throw samkoll::core::StoreError(10, "disk I/O error"); },
            [&](Status s) { got = std::move(s); });
        REQUIRE(waitUntil([&] { return got.has_value(); }));
        CHECK_FALSE(got->ok());
        REQUIRE(waitUntil([&] { return failed.count() == 1; }));
    }

    // The worker thread goes on: the next job runs and succeeds.
    std::optional<Result<int>> next;
    backend.run(&receiver, [](SyncEngine&) { return 42; }, [&](Result<int> r) { next = std::move(r); });
    REQUIRE(waitUntil([&] { return next.has_value(); }));
    REQUIRE(next->ok());
    CHECK(**next == 42);
}

TEST_CASE("A job for a database that did not open reports failure", "[client][backend]")
{
    TempDir dir;
    const auto path = dir.file("not-a-database.db");
    {
        std::ofstream out(path);
        out << "this is not an SQLite database, and it is long enough to be read as one";
    }
    QObject receiver;
    Backend backend(QString::fromStdString(path));
    QSignalSpy opened(&backend, &Backend::opened);
    REQUIRE(waitUntil([&] { return opened.count() == 1; }));
    CHECK_FALSE(opened.first().at(0).toBool());
    std::optional<Result<int>> got;
    backend.run(&receiver, [](SyncEngine&) { return 1; }, [&](Result<int> r) { got = std::move(r); });
    REQUIRE(waitUntil([&] { return got.has_value(); }));
    CHECK_FALSE(got->ok());
}
