// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A coordinator's device database made without a server, and waiting for the
// asynchronous answers of the client's database thread with a bounded loop.

#include <chrono>
#include <functional>
#include <string>

#include <QCoreApplication>
#include <QElapsedTimer>

#include <catch2/catch.hpp>

#include "samkoll/store/repository.hpp"
#include "sync_engine.hpp"

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

/// A device of the Vännäs team with `cases` cases, as after enrolment and a
/// first sync, but offline (no server address): referral dates spread over
/// 2019–2021, every third case started, every fifth exited.
inline void seedDevice(const std::string& path, int cases)
{
    client::SyncEngine engine(path);
    using namespace samkoll::core;
    Repository repo(engine.database());
    const Id fed = repo.addFederation("sf", "Samordningsförbundet Test").value();
    const Id kommun = repo.addMember(fed, "vannas", "Vännäs kommun", MemberKind::Kommun).value();
    (void)kommun;
    const Id team = repo.addTeam(fed, "vannas", "Samordningsteamet Vännäs", std::string("vannas")).value();
    REQUIRE(engine.replica().setState("federation", "sf"));
    REQUIRE(engine.replica().setState("team", "vannas"));
    REQUIRE(engine.replica().setState("role", "coordinator"));
    REQUIRE(inTransaction<void>(engine.database(), [&]() -> Status {
        for (int i = 0; i < cases; ++i) {
            Case c;
            c.teamId = team;
            c.code = "VNS-" + std::to_string(1000 + i);
            c.gender = i % 2 ? Gender::Man : Gender::Woman;
            c.birthYear = 1970 + i % 30;
            c.referralDate = Date::fromDays(Date{2019, 1, 1}.days() + (i * 7) % 1000);
            c.referringParty = ReferringParty::Employment;
            if (i % 3 == 0) {
                c.decision = Decision::Yes;
                c.decisionDate = Date::fromDays(c.referralDate.days() + 5);
                c.startDate = Date::fromDays(c.referralDate.days() + 10);
                if (i % 5 == 0) {
                    c.exitDate = Date::fromDays(c.referralDate.days() + 60);
                    c.exitOutcome = ExitOutcome::Work;
                }
            }
            if (auto s = repo.saveCase(c, Date{2026, 1, 1}); !s)
                return s.error();
        }
        return {};
    }));
}

}  // namespace samkoll::test
