// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace samkoll::core {

/// Whether `text` is well-formed UTF-8 (no overlong forms, no surrogates).
bool validUtf8(std::string_view text);

/// Characters (code points) of UTF-8 text.
std::size_t utf8Characters(std::string_view text);

/// Windows-1252 (what Swedish Excel writes as "CSV (semikolonavgränsad)") as
/// UTF-8: å ä ö and the rest of Latin-1, and 1252's quotes, dashes and € in
/// 0x80–0x9F; the five bytes 1252 leaves undefined become U+FFFD.
std::string fromWindows1252(std::string_view text);

}  // namespace samkoll::core
