// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/domain/date.hpp"

#include <ctime>

#include <chrono>
#include <cstdio>

namespace samkoll::core {

std::string localTimeText()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
    return text;
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

bool Date::valid() const
{
    return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 &&
           day <= daysInMonth(year, month);
}

Result<Date> Date::parse(std::string_view text, std::string_view field)
{
    auto fail = [&](std::string why) {
        return makeError("invalid_date", std::string(field),
                         "ogiltigt datum '" + std::string(text) + "': " + why);
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return fail("skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2021-03-15");
    auto digits = [&](size_t pos, size_t len, int& out) {
        int v = 0;
        for (size_t i = pos; i < pos + len; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return false;
            v = v * 10 + (text[i] - '0');
        }
        out = v;
        return true;
    };
    Date d;
    if (!digits(0, 4, d.year) || !digits(5, 2, d.month) || !digits(8, 2, d.day))
        return fail("skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2021-03-15");
    if (d.month < 1 || d.month > 12)
        return fail("månaden måste vara 01–12");
    if (d.year < 1900 || d.year > 2200)
        return fail("året måste ligga mellan 1900 och 2200");
    if (d.day < 1 || d.day > daysInMonth(d.year, d.month))
        return fail("dagen finns inte i den månaden");
    return d;
}

// Howard Hinnant's days_from_civil / civil_from_days.
long long Date::days() const
{
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = static_cast<unsigned>(month > 2 ? month - 3 : month + 9);
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<long long>(era) * 146097 + static_cast<long long>(doe) - 719468;
}

Date Date::fromDays(long long z)
{
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long y = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

Date Date::today()
{
    using namespace std::chrono;
    const auto now = floor<std::chrono::days>(system_clock::now());
    return fromDays(now.time_since_epoch().count());
}

std::string Date::iso() const
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

Period Period::year(int y)
{
    return Period{Date{y, 1, 1}, Date{y, 12, 31}, std::to_string(y)};
}

Period Period::tertial(int y, int t)
{
    const int firstMonth = (t - 1) * 4 + 1;
    const int lastMonth = firstMonth + 3;
    return Period{Date{y, firstMonth, 1}, Date{y, lastMonth, daysInMonth(y, lastMonth)},
                  std::to_string(y) + " T" + std::to_string(t)};
}

Period Period::yearToDate(int y, int t)
{
    static const char* kMonths[] = {"jan–apr", "jan–aug", "jan–dec"};
    const Period last = tertial(y, t);
    return Period{Date{y, 1, 1}, last.to, last.label + " (" + kMonths[t - 1] + ")"};
}

Result<Period> Period::range(Date from, Date to)
{
    if (to < from)
        return makeError("invalid_period", "to",
                         "periodens slut (" + to.iso() + ") ligger före dess början (" + from.iso() + ")");
    return Period{from, to, from.iso() + " – " + to.iso()};
}

}  // namespace samkoll::core
