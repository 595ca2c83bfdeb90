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

/// Whether `text` holds a control character (below U+0020, or DEL).
bool hasControlCharacters(std::string_view text);

/// Text someone else sent, safe to echo in an answer or on a terminal: at most
/// `maxChars` characters, cut at a character boundary, control characters as '?'.
std::string printable(std::string_view text, std::size_t maxChars = 100);

/// Windows-1252 (what Swedish Excel writes as "CSV (semikolonavgränsad)") as
/// UTF-8: å ä ö and the rest of Latin-1, and 1252's quotes, dashes and € in
/// 0x80–0x9F; the five bytes 1252 leaves undefined become U+FFFD.
std::string fromWindows1252(std::string_view text);

/// Code page 437 (what the SIE standard calls PC8) as UTF-8.
std::string fromCp437(std::string_view text);

}  // namespace samkoll::core
