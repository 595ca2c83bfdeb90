// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "samkoll/domain/result.hpp"

namespace samkoll::core {

/// A social budget the kansli prepares before it is saved: the file form
/// (budgetDocumentToJson, docs/formats.md) changed one value at a time — next
/// year started from this year's, or a file or a template opened — and then
/// checked whole by parseBudgetDocument, the import's own validation (ideal
/// shares adding up to 100, weights 1–10, targets in range, known questions …).
/// Each change below only reads its value; it answers with an error naming
/// the field when the text is no number, and leaves the draft as it was.
namespace budget_draft {

/// The draft's year; the budget's name follows when it was the default ("Social budget 2026").
Status setYear(nlohmann::json& draft, int year);
/// An area's ideal share of the index, in whole percent ("40").
Status setIdealShare(nlohmann::json& draft, int area, std::string_view text);
/// An indicator's weight ("1"–"10"; the range is the import's check).
Status setWeight(nlohmann::json& draft, const std::string& indicator, std::string_view text);
/// An indicator's target: `type` "at_least", "at_most", "between", "decrease"
/// or "none"; `value` Swedish numbers ("80", "12,5", between: "40–60" or "40-60").
Status setTarget(nlohmann::json& draft, const std::string& indicator, std::string_view type, std::string_view value);

/// The target's type as setTarget takes it ("none" when the indicator has none).
std::string targetType(const nlohmann::json& indicator);
/// The target's value(s) as the kansli writes them: "80", "12,5", "40–60"; "" for none.
std::string targetValue(const nlohmann::json& indicator);

}  // namespace budget_draft
}  // namespace samkoll::core
