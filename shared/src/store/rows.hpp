// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading and writing rows of the store's tables: shared by the store's files
// only (not installed). Column positions match kCaseColumns.

#include <sqlite3.h>

#include <optional>
#include <string>

#include "samkoll/domain/case.hpp"
#include "samkoll/domain/case_status.hpp"
#include "samkoll/domain/terms.hpp"
#include "samkoll/store/database.hpp"

namespace samkoll::core::rows {

inline std::optional<Date> optionalDate(const Statement& st, int column)
{
    auto t = st.optionalText(column);
    if (!t)
        return std::nullopt;
    auto d = Date::parse(*t);
    return d ? std::optional<Date>(*d) : std::nullopt;
}

template <typename E>
std::optional<E> optionalTerm(const Statement& st, int column)
{
    auto t = st.optionalText(column);
    return t ? parseCode<E>(*t) : std::nullopt;
}

inline std::optional<std::string> isoOrNull(const std::optional<Date>& d)
{
    return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

template <typename E>
std::optional<std::string> codeOrNull(const std::optional<E>& e)
{
    return e ? std::optional<std::string>(std::string(codeOf(*e))) : std::nullopt;
}

inline constexpr const char* kCaseColumns =
    "uid, team_id, code, gender, birth_year, referral_date, referring_party, decision, decision_date, "
    "start_date, exit_date, exit_outcome, income_support, education, support_duration";

inline Case readCase(const Statement& st)
{
    Case c;
    c.uid = st.text(0);
    c.teamId = st.integer(1);
    c.code = st.text(2);
    c.gender = parseCode<Gender>(st.text(3)).value_or(Gender::Other);
    if (auto by = st.optionalInteger(4))
        c.birthYear = static_cast<int>(*by);
    c.referralDate = optionalDate(st, 5).value_or(Date{});
    c.referringParty = optionalTerm<ReferringParty>(st, 6);
    c.decision = optionalTerm<Decision>(st, 7);
    c.decisionDate = optionalDate(st, 8);
    c.startDate = optionalDate(st, 9);
    c.exitDate = optionalDate(st, 10);
    c.exitOutcome = optionalTerm<ExitOutcome>(st, 11);
    c.incomeSupport = splitIncomeSupport(st.text(12));
    c.education = optionalTerm<Education>(st, 13);
    c.supportDuration = optionalTerm<SupportDuration>(st, 14);
    return c;
}

}  // namespace samkoll::core::rows
