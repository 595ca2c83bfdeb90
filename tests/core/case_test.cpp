// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "samkoll/domain/case.hpp"

using namespace samkoll::core;

namespace {
const Date kToday{2022, 6, 1};

Case validCase()
{
    Case c;
    c.teamId = 1;
    c.code = "VNS-2021-017";
    c.gender = Gender::Woman;
    c.birthYear = 1990;
    c.referralDate = {2021, 2, 1};
    c.referringParty = ReferringParty::SocialInsurance;
    c.decision = Decision::Yes;
    c.decisionDate = Date{2021, 2, 10};
    c.startDate = Date{2021, 3, 1};
    c.exitDate = Date{2021, 11, 30};
    c.exitOutcome = ExitOutcome::Work;
    return c;
}

std::string fieldOf(const Case& c)
{
    auto s = validateCase(c, kToday);
    return s ? std::string() : s.error().field;
}
}  // namespace

TEST_CASE("A complete case passes validation", "[core][case]")
{
    CHECK(validateCase(validCase(), kToday));
    Case referralOnly;
    referralOnly.teamId = 1;
    referralOnly.code = "VNS-2022-001";
    referralOnly.referralDate = {2022, 5, 2};
    referralOnly.referringParty = ReferringParty::Region;
    CHECK(validateCase(referralOnly, kToday));
}

TEST_CASE("The lifecycle rules name the field that breaks them", "[core][case]")
{
    Case c = validCase();
    SECTION("personnummer as code")
    {
        c.code = "850101-1234";
        auto s = validateCase(c, kToday);
        REQUIRE_FALSE(s);
        CHECK(s.error().field == "code");
        CHECK(s.error().code == "personnummer");
        CHECK(s.error().message.find("personnummer") != std::string::npos);
    }
    SECTION("empty code")
    {
        c.code = "";
        CHECK(fieldOf(c) == "code");
    }
    SECTION("no start without a ja")
    {
        c.decision = Decision::No;
        CHECK(fieldOf(c) == "start_date");
        c.decision.reset();
        c.decisionDate.reset();
        CHECK(fieldOf(c) == "start_date");
    }
    SECTION("no exit before start")
    {
        c.exitDate = Date{2021, 2, 28};
        CHECK(fieldOf(c) == "exit_date");
    }
    SECTION("no exit without start")
    {
        c.startDate.reset();
        CHECK(fieldOf(c) == "exit_date");
    }
    SECTION("exit needs an outcome and an outcome needs an exit")
    {
        c.exitOutcome.reset();
        CHECK(fieldOf(c) == "exit_outcome");
        c = validCase();
        c.exitDate.reset();
        CHECK(fieldOf(c) == "exit_date");
    }
    SECTION("age 16–64 at start")
    {
        c.birthYear = 2006;  // 15 in 2021
        CHECK(fieldOf(c) == "birth_year");
        c.birthYear = 2005;  // 16
        CHECK(fieldOf(c).empty());
        c.birthYear = 1957;  // 64
        CHECK(fieldOf(c).empty());
        c.birthYear = 1956;  // 65
        CHECK(fieldOf(c) == "birth_year");
    }
    SECTION("dates not in the future")
    {
        c.exitDate = Date{2022, 6, 2};
        CHECK(fieldOf(c) == "exit_date");
        c = validCase();
        c.referralDate = Date{2023, 1, 1};
        CHECK(fieldOf(c) == "referral_date");
    }
    SECTION("decision before referral")
    {
        c.decisionDate = Date{2021, 1, 15};
        CHECK(fieldOf(c) == "decision_date");
    }
    SECTION("start before the decision")
    {
        c.startDate = Date{2021, 2, 5};
        CHECK(fieldOf(c) == "start_date");
    }
    SECTION("'vill ej svara' is for survey answers only")
    {
        c.gender = Gender::Declined;
        CHECK(fieldOf(c) == "gender");
    }
    SECTION("'Ingen offentlig försörjning' is exclusive")
    {
        c.incomeSupport = {IncomeSupport::None, IncomeSupport::SocialAssistance};
        CHECK(fieldOf(c) == "income_support");
    }
}

TEST_CASE("Every field's problem at once, in the form's order, the first the one validateCase gives",
          "[core][case]")
{
    Case c = validCase();
    c.code = "850101-1234";                 // a personnummer
    c.birthYear = 2015;                     // 6 years old at the start
    c.decisionDate = Date{2021, 1, 20};     // before the referral
    c.exitDate = Date{2023, 1, 1};          // in the future
    const auto errors = caseErrors(c, kToday);
    REQUIRE(errors.size() == 4);
    CHECK(errors[0].field == "code");
    CHECK(errors[1].field == "birth_year");
    CHECK(errors[1].code == "age");
    CHECK(errors[2].field == "decision_date");
    CHECK(errors[3].field == "exit_date");
    CHECK(fieldOf(c) == "code");
    CHECK(caseErrors(validCase(), kToday).empty());
    // One problem per field: an exit before the start and in the future is named once.
    Case twice = validCase();
    twice.exitDate = Date{2021, 2, 1};
    const auto one = caseErrors(twice, kToday);
    REQUIRE(one.size() == 1);
    CHECK(one[0].code == "date_order");
}
