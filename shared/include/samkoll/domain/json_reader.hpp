// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "samkoll/domain/result.hpp"
#include "samkoll/domain/text.hpp"
#include "samkoll/domain/terms.hpp"

namespace samkoll::core::json_reader {

/// Thrown while reading a JSON document, with the path of the offending value;
/// the parser's public function turns it into an Error naming that path.
struct PathError {
    std::string path;
    std::string message;
};

[[noreturn]] inline void fail(const std::string& path, std::string message)
{
    throw PathError{path, std::move(message)};
}

inline const nlohmann::json& member(const nlohmann::json& obj, const std::string& path, const char* key)
{
    if (!obj.is_object())
        fail(path, "ska vara ett JSON-objekt");
    auto it = obj.find(key);
    if (it == obj.end())
        fail(path.empty() ? key : path + "." + key, "saknas");
    return *it;
}

inline std::string join(const std::string& path, const char* key)
{
    return path.empty() ? key : path + "." + key;
}

/// A non-empty text of at most `maxChars` characters, without control characters.
inline std::string text(const nlohmann::json& obj, const std::string& path, const char* key, std::size_t maxChars = 200)
{
    const auto& v = member(obj, path, key);
    if (!v.is_string() || v.get_ref<const std::string&>().empty())
        fail(join(path, key), "ska vara en icke-tom text");
    const auto& s = v.get_ref<const std::string&>();
    if (utf8Characters(s) > maxChars)
        fail(join(path, key), "är för lång (högst " + std::to_string(maxChars) + " tecken)");
    return s;
}

/// A one-line text (a name, a label): `text` without control characters.
inline std::string label(const nlohmann::json& obj, const std::string& path, const char* key, std::size_t maxChars = 200)
{
    auto s = text(obj, path, key, maxChars);
    if (hasControlCharacters(s))
        fail(join(path, key), "innehåller styrtecken");
    return s;
}

inline long long integer(const nlohmann::json& obj, const std::string& path, const char* key, long long lo, long long hi)
{
    const auto& v = member(obj, path, key);
    if (!v.is_number_integer())
        fail(join(path, key), "ska vara ett heltal");
    // A number above the signed range would wrap (2^64 − 1 read as −1).
    if (v.is_number_unsigned() && v.get<unsigned long long>() > static_cast<unsigned long long>(hi))
        fail(join(path, key), "ska ligga mellan " + std::to_string(lo) + " och " + std::to_string(hi));
    const auto n = v.get<long long>();
    if (n < lo || n > hi)
        fail(join(path, key), "ska ligga mellan " + std::to_string(lo) + " och " + std::to_string(hi) + " (är " +
                                  std::to_string(n) + ")");
    return n;
}

/// The same for a small bounded number (a year, a percent, a count of areas).
inline int smallInteger(const nlohmann::json& obj, const std::string& path, const char* key, int lo, int hi)
{
    return static_cast<int>(integer(obj, path, key, static_cast<long long>(lo), static_cast<long long>(hi)));
}

template <typename E>
E term(const nlohmann::json& v, const std::string& path)
{
    if (!v.is_string())
        fail(path, "ska vara en text (" + listCodes(termsOf<E>()) + ")");
    auto e = parseTerm<E>(v.get<std::string>());
    if (!e)
        fail(path, "okänt värde '" + v.get<std::string>() + "' för " + std::string(vocabularyName<E>()) +
                       " – tillåtna: " + listCodes(termsOf<E>()));
    return *e;
}

}  // namespace samkoll::core::json_reader
