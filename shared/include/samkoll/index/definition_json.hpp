// SPDX-License-Identifier: GPL-3.0-or-later
// The index's definitions as JSON — one indicator and the index settings — in
// the one form the database stores, the sync protocol carries and a budget
// file's indicators are written in (io/budget_json reads the whole file).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "samkoll/domain/result.hpp"
#include "samkoll/index/indicator.hpp"

namespace samkoll::core {

/// Options of a question already known (e.g. stored in the database), by code.
using QuestionOptionsLookup = std::function<std::optional<std::vector<std::string>>(const std::string& questionCode)>;

/// Parses one stored indicator definition (options already as positions).
Result<IndicatorSpec> parseIndicatorDefinition(std::string_view json);

/// The normalized definition stored in the database (options as positions).
std::string indicatorDefinitionJson(const IndicatorSpec& spec);
nlohmann::json indicatorToJson(const IndicatorSpec& spec);
nlohmann::json settingsToJson(const IndexSettings& s);
IndexSettings settingsFromJson(std::string_view json);

/// Reading inside a larger document: throw json_reader::PathError naming the
/// path of the offending value (option labels resolved through `lookup`).
IndicatorSpec parseIndicatorJson(const nlohmann::json& v, const std::string& path, const QuestionOptionsLookup& lookup);
IndexSettings parseSettingsJson(const nlohmann::json& v, const std::string& path);

}  // namespace samkoll::core
