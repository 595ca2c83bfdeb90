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
#include "samkoll/index/definition_json.hpp"
#include "samkoll/index/indicator.hpp"

namespace samkoll::core {

/// Parses and validates a budget file. Errors name the JSON path, e.g.
/// `areas[1].goals[0].indicators[2] (2.4.1).target`. Option labels of survey
/// indicators are resolved to positions against the file's own questions and
/// then `known`.
Result<BudgetDocument> parseBudgetDocument(std::string_view json, const QuestionOptionsLookup& known = {});

/// The file form of a budget document; parseBudgetDocument reads it back.
nlohmann::json budgetDocumentToJson(const BudgetDocument& doc);

/// The shipped 2021 template (Samordningsförbundet Umeåregionen's 69 indicators).
std::string_view socialBudgetTemplate2021();

/// A second template a förbund can start from: the national NNS core
/// indicators (15 indicators, 26 measuring points — the statements verbatim,
/// on the 1–5 agreement scale, per respondent group and phase), by level
/// (deltagare, personal, organisation, samhälle, hållbara effekter), each
/// with a first target of 80 % agreeing to a high degree or fully, which the
/// förbund changes. Year 2021 in the file; `samkolld template --nns --year`.
std::string_view socialBudgetTemplateNns();

}  // namespace samkoll::core
