// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "samkoll/domain/case.hpp"
#include "samkoll/domain/result.hpp"

namespace samkoll::core {

/// A case as named fields with text values (codes, ISO dates; none = empty),
/// the unit the sync protocol merges: two devices that change different fields
/// of the same case both keep their change.
using CaseFields = std::map<std::string, std::optional<std::string>>;

/// The mergeable fields, in a fixed order. The team is not among them: it never changes.
const std::vector<std::string>& caseFieldNames();

CaseFields caseToFields(const Case& c);

/// Applies `fields` onto `base` (fields not named keep their value); every
/// value is checked and an error names the field.
Result<Case> applyCaseFields(Case base, const CaseFields& fields);

}  // namespace samkoll::core
