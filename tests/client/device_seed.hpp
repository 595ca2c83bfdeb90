// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A coordinator's device database made without a server (no test framework
// needed: the Catch2 tests and the Qt Quick tests both use it).

#include <string>

#include "samkoll/io/budget_json.hpp"
#include "samkoll/store/repository.hpp"
#include "sync_engine.hpp"

namespace samkoll::test {

/// A device of the Vännäs team as after enrolment and a first sync, but
/// offline (no server address), with `cases` cases: referral dates spread over
/// 2019–2021, every third case started, every fifth of those exited. With
/// `conflict`, the first case has an unresolved conflict on its referring
/// party. The 2021 template budget (questionnaires included) is loaded.
/// Returns an error description, empty on success.
inline std::string seedDeviceDatabase(const std::string& path, int cases, bool conflict = false)
{
    using namespace samkoll::core;
    try {
        client::SyncEngine engine(path);
        Repository repo(engine.database());
        const auto fed = repo.addFederation("sf", "Samordningsförbundet Test");
        if (!fed)
            return fed.error().describe();
        (void)repo.addMember(*fed, "vannas", "Vännäs kommun", MemberKind::Kommun);
        const auto team = repo.addTeam(*fed, "vannas", "Samordningsteamet Vännäs", std::string("vannas"));
        if (!team)
            return team.error().describe();
        auto budget = parseBudgetDocument(socialBudgetTemplate2021());
        if (!budget)
            return budget.error().describe();
        if (auto b = repo.saveBudget(*fed, *budget, false); !b)
            return b.error().describe();
        for (auto [k, v] : {std::pair<const char*, const char*>{"federation", "sf"}, {"team", "vannas"}, {"role", "coordinator"}})
            if (auto s = engine.replica().setState(k, v); !s)
                return s.error().describe();
        auto s = inTransaction<void>(engine.database(), [&]() -> Status {
            for (int i = 0; i < cases; ++i) {
                Case c;
                c.teamId = *team;
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
                auto uid = repo.saveCase(c, Date{2026, 1, 1});
                if (!uid)
                    return uid.error();
                if (conflict && i == 0)
                    engine.database()
                        .prepare("INSERT INTO sync_conflict (uid, federation_id, team_id, case_uid, field, kept_value, "
                                 "other_value, kept_hlc, other_hlc, other_device) "
                                 "VALUES ('k-1', ?, ?, ?, 'referring_party', 'af', 'fk', 'h1', 'h2', 'd-other')")
                        .bind(1, *fed)
                        .bind(2, *team)
                        .bind(3, *uid)
                        .run();
            }
            return {};
        });
        if (!s)
            return s.error().describe();
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

}  // namespace samkoll::test
