// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writing JSON text straight into a buffer, for the download pages: a page of
// 5 000 records written this way costs a fraction of building a document of
// objects and serialising it (bench/sync_bench). Private to the sync module.

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace samkoll::core::json_text {

/// The length of a valid UTF-8 sequence starting at s[i], or 0.
inline std::size_t utf8Length(std::string_view s, std::size_t i)
{
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size() || (n == 2 && c < 0xC2))
        return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
            return 0;
    if (n == 3) {  // no overlong forms, no surrogates
        const auto d = static_cast<unsigned char>(s[i + 1]);
        if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d >= 0xA0))
            return 0;
    }
    if (n == 4) {
        const auto d = static_cast<unsigned char>(s[i + 1]);
        if ((c == 0xF0 && d < 0x90) || (c == 0xF4 && d >= 0x90) || c > 0xF4)
            return 0;
    }
    return n;
}

/// `s` as a JSON string: quoted, with quotes, backslashes and control
/// characters escaped; a byte that is not valid UTF-8 becomes U+FFFD (what a
/// JSON reader would otherwise refuse the whole page for).
inline void string(std::string& out, std::string_view s)
{
    out += '"';
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        switch (c) {
        case '"': out += "\\\""; ++i; continue;
        case '\\': out += "\\\\"; ++i; continue;
        case '\n': out += "\\n"; ++i; continue;
        case '\r': out += "\\r"; ++i; continue;
        case '\t': out += "\\t"; ++i; continue;
        case '\b': out += "\\b"; ++i; continue;
        case '\f': out += "\\f"; ++i; continue;
        default: break;
        }
        if (c < 0x20) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
            ++i;
            continue;
        }
        if (const auto n = utf8Length(s, i); n > 0) {
            out.append(s.data() + i, n);
            i += n;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    out += '"';
}

inline void integer(std::string& out, std::int64_t v)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

/// `"key":` — keys are the protocol's own ASCII names.
inline void key(std::string& out, std::string_view k)
{
    out += '"';
    out += k;
    out += "\":";
}

}  // namespace samkoll::core::json_text
