// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "samkoll/domain/case.hpp"

namespace samkoll::core {

/// Where a case is in its lifecycle, derived from its dates and decision.
enum class CaseStatus { Referred, Accepted, Declined, Active, Exited };
std::string_view caseStatusCode(CaseStatus s);
std::optional<CaseStatus> parseCaseStatus(std::string_view code);
CaseStatus statusOf(const Case& c);

/// Income support codes joined by commas ("a_kassa,forsorjningsstod"): the
/// stored form, and part of a footprint.
std::string joinIncomeSupport(const std::vector<IncomeSupport>& v);
/// The reverse of joinIncomeSupport; unknown codes are skipped.
std::vector<IncomeSupport> splitIncomeSupport(const std::string& text);

/// What a case contributes to the figures of `year`: the case as it stood at
/// the year's end (events after it are not yet known then). Equal footprints
/// mean an edit leaves that year's statistics and index unchanged, so a case
/// that ran in a locked year can still be exited the next year. Empty = no
/// contribution. The period-lock rule of the store compares these.
std::string caseFootprint(const Case& c, int year);

/// Every year a case has an event in or runs through (until today when open).
std::set<int> yearsTouched(const Case& c);

}  // namespace samkoll::core
