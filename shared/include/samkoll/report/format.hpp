// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

#include "samkoll/domain/language.hpp"
#include <string_view>

#include "samkoll/domain/arithmetic.hpp"

namespace samkoll::core {


/// "12 345" — Swedish digit grouping with a space.
std::string formatInteger(std::int64_t value);
/// "12,5", "80", "−3,25" from hundredths (8000 → "80", 1250 → "12,5").
std::string formatCenti(std::int64_t centi);
/// Swedish decimal comma with `decimals` digits: 12.345 → "12,3".
std::string formatDecimal(double value, int decimals);
/// "77 %" — n / N rounded half up to a whole percent; "–" when N is 0.
std::string formatPercent(std::int64_t n, std::int64_t N);
/// "77 % (247 av 319)" — as the socialt bokslut writes a result.
std::string formatShare(std::int64_t n, std::int64_t N, Language language = Language::Swedish);
/// Number of displayed characters of a UTF-8 string (code points).
std::size_t displayWidth(std::string_view text);
/// Pads to `width` displayed characters; a longer text is kept whole, followed (or led) by one space.
std::string padRight(std::string_view text, std::size_t width);
std::string padLeft(std::string_view text, std::size_t width);
/// A CSV field for Excel's semicolon CSV: quoted when it holds ; " or a line break.
std::string csvField(const std::string& text);

}  // namespace samkoll::core
