// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "samkoll/domain/result.hpp"

namespace samkoll::core {

/// A civil (proleptic Gregorian) calendar date without time zone.
struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    /// Parses "YYYY-MM-DD"; rejects impossible dates such as 2021-02-30.
    static Result<Date> parse(std::string_view text, std::string_view field = "datum");
    /// Today's date in UTC, from the system clock.
    static Date today();
    static Date fromDays(long long daysSinceEpoch);

    [[nodiscard]] bool valid() const;
    /// Days since 1970-01-01.
    [[nodiscard]] long long days() const;
    /// ISO 8601, "2021-03-05" — the storage and exchange form.
    [[nodiscard]] std::string iso() const;
    /// Swedish display form. Swedish practice is ISO order, so the same as iso().
    [[nodiscard]] std::string swedish() const { return iso(); }

    auto operator<=>(const Date&) const = default;
};

/// The time now on this computer's clock, as a document says when it was
/// computed: "2026-11-30 13:10" (local time).
std::string localTimeText();

bool isLeapYear(int year);
int daysInMonth(int year, int month);

/// A closed date range [from, to], e.g. a year or a tertial, with a label for reports.
struct Period {
    Date from;
    Date to;
    std::string label;

    static Period year(int year);
    /// Tertial 1 = Jan–Apr, 2 = May–Aug, 3 = Sep–Dec.
    static Period tertial(int year, int tertial);
    /// From 1 January to the end of the tertial — a delårsrapport's "so far":
    /// "2021 T2 (jan–aug)".
    static Period yearToDate(int year, int tertial);
    static Result<Period> range(Date from, Date to);

    /// The year the period belongs to (of its last day): used for yearly inputs
    /// such as composition, HÅE statistics and manual assessments.
    [[nodiscard]] int budgetYear() const { return to.year; }
    [[nodiscard]] bool contains(const Date& d) const { return from <= d && d <= to; }
    [[nodiscard]] bool contains(const Period& p) const { return from <= p.from && p.to <= to; }
};

}  // namespace samkoll::core
