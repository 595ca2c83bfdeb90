// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A coordinator's device database made without a server, and waiting for the
// asynchronous answers of the client's database thread with a bounded loop.

#include <chrono>
#include <functional>
#include <string>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>

#include <catch2/catch.hpp>

#include "app_controller.hpp"
#include "device_seed.hpp"
#include "server_process.hpp"

namespace samkoll::test {

/// Processes events until `done()` or `timeoutMs`; returns whether it became true.
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs = 10000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

/// A device of the Vännäs team with `cases` cases (see device_seed.hpp).
inline void seedDevice(const std::string& path, int cases)
{
    const auto error = seedDeviceDatabase(path, cases);
    INFO(error);
    REQUIRE(error.empty());
}

/// A Vännäs device with `cases` seeded cases, opened by the real AppController
/// (background sync off), its team known.
struct DeviceApp {
    TempDir dir;
    std::string db = dir.file("device.db");
    std::unique_ptr<client::AppController> app;

    explicit DeviceApp(int cases)
    {
        seedDevice(db, cases);
        app = std::make_unique<client::AppController>(QString::fromStdString(db));
        app->setBackgroundSyncSeconds(0);
        REQUIRE(waitUntil([&] { return app->ready() && app->teamCode() == "vannas"; }));
    }

    /// Lets queued database jobs finish and their answers arrive.
    void settle()
    {
        for (int i = 0; i < 2; ++i) {
            app->backend().drain();
            QCoreApplication::processEvents();
        }
    }
};

/// A fresh client on `path`, enrolled against the real server with `code`,
/// its first sync done (a coordinator's device knows its team by then).
inline std::unique_ptr<client::AppController> enrolledApp(const std::string& path, const std::string& code,
                                                          const ServerProcess& server, const std::string& cert)
{
    auto app = std::make_unique<client::AppController>(QString::fromStdString(path));
    app->setBackgroundSyncSeconds(0);
    REQUIRE(waitUntil([&] { return app->ready(); }));
    QSignalSpy finished(app.get(), &client::AppController::enrolmentFinished);
    app->enrol(QString::fromStdString(server.url), QString::fromStdString(code), QString::fromStdString(cert));
    REQUIRE(waitUntil([&] { return finished.count() == 1; }, 20000));
    INFO(finished.first().at(2).toString().toStdString());
    REQUIRE(finished.first().at(0).toBool());
    // A coordinator's device knows its team once the configuration arrived; the kansli's and the board's have none.
    REQUIRE(waitUntil([&] {
        return app->enrolled() && !app->syncing() && (!app->teamName().isEmpty() || app->role() != "coordinator");
    }));
    return app;
}

/// Syncs now and waits for the answers of the database thread; whether the sync succeeded.
inline bool syncApp(client::AppController& app)
{
    QSignalSpy done(&app, &client::AppController::syncFinished);
    app.syncNow();
    REQUIRE(waitUntil([&] { return done.count() >= 1; }, 30000));
    REQUIRE(waitUntil([&] { return !app.syncing(); }));
    app.backend().drain();
    QCoreApplication::processEvents();
    return done.last().at(0).toBool();
}

}  // namespace samkoll::test
