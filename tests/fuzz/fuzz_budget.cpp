// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the social budget file (samkoll.social_budget/1) a kansli imports.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "samkoll/io/budget_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto doc = samkoll::core::parseBudgetDocument(text);
    if (doc) {
        // An accepted document writes out as a file the parser takes again.
        auto again = samkoll::core::parseBudgetDocument(samkoll::core::budgetDocumentToJson(*doc).dump());
        if (!again)
            __builtin_trap();
    }
    return 0;
}
