// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "samkoll/domain/date.hpp"
#include "samkoll/domain/result.hpp"
#include "samkoll/domain/terms.hpp"

namespace samkoll::core {

/// A participant's case (ärende): referral → beredning → start → avslut.
/// Pseudonymous: only a team-chosen code, never a name or personnummer.
struct Case {
    std::string uid;           ///< globally unique id (assigned by the store when empty)
    std::int64_t teamId = 0;   ///< never changes after creation
    std::string code;          ///< the team's pseudonym, e.g. "VNS-2021-017"
    Gender gender = Gender::Other;
    std::optional<int> birthYear;
    Date referralDate;
    std::optional<ReferringParty> referringParty;
    std::optional<Decision> decision;
    std::optional<Date> decisionDate;
    std::optional<Date> startDate;
    std::optional<Date> exitDate;
    std::optional<ExitOutcome> exitOutcome;
    std::vector<IncomeSupport> incomeSupport;
    std::optional<Education> education;
    std::optional<SupportDuration> supportDuration;
};

inline constexpr std::size_t kMaxCaseCodeLength = 40;
inline constexpr int kMinAgeAtStart = 16;
inline constexpr int kMaxAgeAtStart = 64;

/// Checks a case code on its own: not empty, not too long, no personnummer.
Status validateCaseCode(const std::string& code);

/// Checks every rule of a case's lifecycle (no start without a *ja*, no exit
/// before start, ages 16–64 at start, no dates after `today`, …). The first
/// violated rule is returned, naming its field.
Status validateCase(const Case& c, Date today);
/// Every field's first problem (validateCase gives the first of these), in
/// the form's order: a form shows them all at once.
std::vector<Error> caseErrors(const Case& c, Date today);
/// The case's fields in the order a form shows them (and names their problems).
const std::vector<std::string>& caseFormOrder();
/// Sorts problems into caseFormOrder (stable: a field's own order kept).
void sortByFormOrder(std::vector<Error>& errors);

}  // namespace samkoll::core
