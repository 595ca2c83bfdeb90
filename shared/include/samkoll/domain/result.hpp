// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace samkoll::core {

/// A rejection a user can cause: a machine-readable code, the field it concerns
/// and a human message in Swedish that says what is wrong and what to do.
struct Error {
    std::string code;     ///< e.g. "invalid_date", "personnummer", "locked_period"
    std::string field;    ///< the field or column, e.g. "start_date"; empty when none applies
    std::string message;  ///< Swedish, complete sentence
    std::string where;    ///< location in an input file, e.g. "arenden.csv, rad 12"; empty when none
    std::string detail;   ///< for logs only (the failing SQL, a library's text); never shown to a user

    /// "arenden.csv, rad 12, fält 'start_date': …" — as shown in logs and the CLI.
    [[nodiscard]] std::string describe() const
    {
        std::string out = where;
        if (!field.empty())
            out += (out.empty() ? "fält '" : ", fält '") + field + "'";
        return out.empty() ? message : out + ": " + message;
    }
};

/// Expected-shaped result: a value or an Error. (std::expected is C++23.)
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    [[nodiscard]] bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    const T& value() const&
    {
        assert(ok());
        return std::get<0>(m_data);
    }
    /// By value, so `for (auto& x : f().value())` does not dangle.
    T value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_data));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }

    [[nodiscard]] const Error& error() const
    {
        assert(!ok());
        return std::get<1>(m_data);
    }

private:
    std::variant<T, Error> m_data;
};

/// Result of an operation that yields nothing but may fail.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    [[nodiscard]] bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error& error() const
    {
        assert(m_failed);
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

inline Error makeError(std::string code, std::string field, std::string message)
{
    return Error{std::move(code), std::move(field), std::move(message), {}, {}};
}

}  // namespace samkoll::core
