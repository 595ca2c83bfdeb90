// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "samkoll/index/indicator.hpp"

namespace samkoll::core {

// A social budget with the survey definitions its indicators use, as the
// store keeps it. Reading and writing its file form is io/budget_json's
// business; the store does not know formats.

struct ScaleDefinition {
    std::string code;
    std::string name;
    std::vector<std::string> options;
};

struct QuestionDefinition {
    std::string code;
    std::string text;
    std::string scale;  ///< scale code
};

struct QuestionnaireDefinition {
    std::string code;
    std::string title;
    std::vector<std::string> questions;  ///< question codes, in order
};

/// A social budget file (format "samkoll.social_budget/1", docs/formats.md):
/// the budget and the survey definitions its indicators use.
struct BudgetDocument {
    SocialBudget budget;
    std::vector<ScaleDefinition> scales;
    std::vector<QuestionDefinition> questions;
    std::vector<QuestionnaireDefinition> questionnaires;
};

}  // namespace samkoll::core
