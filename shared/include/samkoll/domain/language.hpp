// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace samkoll::core {

/// The language of the core's words on screens and in reports: result and
/// target texts, notes, fairness reasons, table labels. Swedish is the
/// product's language and the API's; English follows the client's choice.
/// Names and texts people entered (indicators, areas, budget lines, the
/// kansli's motivations) are data and stay as written. Numbers keep the
/// Swedish format in both.
enum class Language { Swedish, English };

/// `sv` in Swedish, `en` in English — written side by side where the words are
/// used, so a phrase and its translation are read and changed together.
constexpr std::string_view say(Language language, std::string_view sv, std::string_view en)
{
    return language == Language::English ? en : sv;
}

/// say() for one language, as a string to build texts with:
///     const Words words{language};
///     return words("minst ", "at least ") + amount;
struct Words {
    Language language = Language::Swedish;
    std::string operator()(std::string_view sv, std::string_view en) const { return std::string(say(language, sv, en)); }
};

/// "sv" or "en" (the client's setting); anything else is not a language we have.
constexpr std::optional<Language> languageFromCode(std::string_view code)
{
    if (code == "sv")
        return Language::Swedish;
    if (code == "en")
        return Language::English;
    return std::nullopt;
}

}  // namespace samkoll::core
