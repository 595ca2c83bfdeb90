// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "samkoll/domain/result.hpp"
#include "samkoll/index/budget_document.hpp"
#include "samkoll/index/indicator.hpp"

namespace samkoll::core {

/// Options of a question already known (e.g. stored in the database), by code.
using QuestionOptionsLookup = std::function<std::optional<std::vector<std::string>>(const std::string& questionCode)>;

/// Parses and validates a budget file. Errors name the JSON path, e.g.
/// `areas[1].goals[0].indicators[2] (2.4.1).target`. Option labels of survey
/// indicators are resolved to positions against the file's own questions and
/// then `known`.
Result<BudgetDocument> parseBudgetDocument(std::string_view json, const QuestionOptionsLookup& known = {});

/// Parses one stored indicator definition (options already as positions).
Result<IndicatorSpec> parseIndicatorDefinition(std::string_view json);

/// The normalized definition stored in the database (options as positions).
std::string indicatorDefinitionJson(const IndicatorSpec& spec);
nlohmann::json indicatorToJson(const IndicatorSpec& spec);
nlohmann::json settingsToJson(const IndexSettings& s);
/// The file form of a budget document; parseBudgetDocument reads it back.
nlohmann::json budgetDocumentToJson(const BudgetDocument& doc);
IndexSettings settingsFromJson(std::string_view json);

/// The shipped 2021 template (Samordningsförbundet Umeåregionen's 69 indicators).
std::string_view socialBudgetTemplate2021();

}  // namespace samkoll::core
