// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "samkoll/io/budget_json.hpp"
#include "samkoll/store/database.hpp"
#include "samkoll/store/repository.hpp"

namespace samkoll::test {

using namespace samkoll::core;

/// An in-memory förbund with two kommuner, two teams (one each) and a third
/// kommun without a team; the 2021 template budget is loaded.
struct Fixture {
    std::unique_ptr<Database> db;
    std::unique_ptr<Repository> repo;
    Id fed = 0;
    Id kommunA = 0;
    Id kommunB = 0;
    Id kommunC = 0;
    Id teamA = 0;
    Id teamB = 0;
    int serial = 0;

    explicit Fixture(bool withBudget = true)
    {
        db = std::move(Database::open(":memory:").value());
        repo = std::make_unique<Repository>(*db);
        fed = repo->addFederation("test", "Testförbundet").value();
        kommunA = repo->addMember(fed, "ka", "Kommun A", MemberKind::Kommun).value();
        kommunB = repo->addMember(fed, "kb", "Kommun B", MemberKind::Kommun).value();
        kommunC = repo->addMember(fed, "kc", "Kommun C", MemberKind::Kommun).value();
        REQUIRE(repo->addMember(fed, "af", "Arbetsförmedlingen", MemberKind::State));
        teamA = repo->addTeam(fed, "ta", "Team A", std::string("ka")).value();
        teamB = repo->addTeam(fed, "tb", "Team B", std::string("kb")).value();
        if (withBudget) {
            auto doc = parseBudgetDocument(socialBudgetTemplate2021());
            REQUIRE(doc);
            REQUIRE(repo->saveBudget(fed, *doc, false));
        }
    }

    /// A case that started on `start` (decided the day before, referred a week before).
    Case startedCase(Id team, Gender g, Date start, std::optional<Date> exit = {},
                     std::optional<ExitOutcome> outcome = {})
    {
        Case c;
        c.teamId = team;
        c.code = "T-" + std::to_string(++serial);
        c.gender = g;
        c.birthYear = start.year - 30;
        c.referralDate = Date::fromDays(start.days() - 7);
        c.referringParty = ReferringParty::Employment;
        c.decision = Decision::Yes;
        c.decisionDate = Date::fromDays(start.days() - 1);
        c.startDate = start;
        c.exitDate = exit;
        c.exitOutcome = outcome;
        return c;
    }

    std::string save(const Case& c)
    {
        auto r = repo->saveCase(c, Date{2026, 1, 1});
        INFO((r ? std::string() : r.error().describe()));
        REQUIRE(r);
        return *r;
    }

    Id question(const std::string& code)
    {
        auto st = db->prepare("SELECT id FROM question WHERE federation_id = ? AND code = ?");
        st.bind(1, fed).bind(2, code);
        REQUIRE(st.step());
        return st.integer(0);
    }

    void tally(Id round, const std::string& questionCode, int option, Gender g, std::int64_t n)
    {
        TallyDelta d;
        d.roundId = round;
        d.questionId = question(questionCode);
        d.option = option;
        d.gender = g;
        d.delta = n;
        auto r = repo->addTally(d);
        INFO((r ? std::string() : r.error().describe()));
        REQUIRE(r);
    }

    std::int64_t count(const std::string& table)
    {
        auto st = db->prepare("SELECT count(*) FROM " + table);
        st.step();
        return st.integer(0);
    }
};

}  // namespace samkoll::test
