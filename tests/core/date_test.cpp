// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "samkoll/domain/date.hpp"

using namespace samkoll::core;

TEST_CASE("Dates parse in ISO form and impossible dates are refused", "[core][date]")
{
    auto d = Date::parse("2021-03-15");
    REQUIRE(d);
    CHECK(d->year == 2021);
    CHECK(d->month == 3);
    CHECK(d->day == 15);
    CHECK(d->iso() == "2021-03-15");

    SECTION("leap days")
    {
        CHECK(Date::parse("2020-02-29"));
        CHECK_FALSE(Date::parse("2021-02-29"));
        CHECK_FALSE(Date::parse("1900-02-29"));
        CHECK(Date::parse("2000-02-29"));
    }
    SECTION("errors name the field and say what is wrong")
    {
        auto bad = Date::parse("2021-02-30", "start_date");
        REQUIRE_FALSE(bad);
        CHECK(bad.error().field == "start_date");
        CHECK(bad.error().message.find("2021-02-30") != std::string::npos);
        CHECK_FALSE(Date::parse("2021-13-01"));
        CHECK_FALSE(Date::parse("21-01-01"));
        CHECK_FALSE(Date::parse("2021/01/01"));
        CHECK_FALSE(Date::parse("2021-1-01"));
        CHECK_FALSE(Date::parse(""));
    }
}

TEST_CASE("Day numbers round-trip and order dates", "[core][date]")
{
    for (long long day : {-1000LL, 0LL, 18262LL, 18993LL, 60000LL})
        CHECK(Date::fromDays(day).days() == day);
    CHECK(Date{1970, 1, 1}.days() == 0);
    CHECK(Date{2021, 1, 1}.days() - Date{2020, 1, 1}.days() == 366);
    CHECK(Date{2021, 1, 2} > Date{2020, 12, 31});
}

TEST_CASE("Periods: year, tertials and ranges", "[core][date]")
{
    const auto y = Period::year(2021);
    CHECK(y.from == Date{2021, 1, 1});
    CHECK(y.to == Date{2021, 12, 31});
    CHECK(Period::tertial(2021, 1).to == Date{2021, 4, 30});
    CHECK(Period::tertial(2021, 2).from == Date{2021, 5, 1});
    CHECK(Period::tertial(2021, 2).to == Date{2021, 8, 31});
    CHECK(Period::tertial(2021, 3).to == Date{2021, 12, 31});
    CHECK(Period::tertial(2021, 2).label == "2021 T2");
    CHECK(y.contains(Period::tertial(2021, 3)));
    CHECK_FALSE(Period::tertial(2021, 3).contains(y));
    CHECK_FALSE(Period::range(Date{2021, 5, 1}, Date{2021, 4, 1}));
}

TEST_CASE("A tertial so far runs from 1 January to the tertial's end", "[core][date]")
{
    const auto t2 = Period::yearToDate(2021, 2);
    CHECK(t2.from == Date{2021, 1, 1});
    CHECK(t2.to == Date{2021, 8, 31});
    CHECK(t2.label == "2021 T2 (jan–aug)");
    CHECK(Period::yearToDate(2024, 3).to == Date{2024, 12, 31});
    CHECK(Period::yearToDate(2024, 1).contains(Date{2024, 2, 29}));
}
