// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace samkoll::core {

/// A hybrid logical clock timestamp: wall-clock milliseconds, a counter for
/// events within the same millisecond, and the node (device) that made it.
/// Timestamps order totally; their text form sorts the same way.
struct Hlc {
    std::int64_t wallMs = 0;
    std::int32_t counter = 0;
    std::string node;

    /// "0001637000000000-00000-node": fixed-width, so text order = clock order.
    [[nodiscard]] std::string encode() const;
    static std::optional<Hlc> decode(std::string_view text);

    auto operator<=>(const Hlc&) const = default;
};

/// The clock of one node. `now()` stamps a local event; `observe()` merges a
/// timestamp received from elsewhere so later local events order after it.
class HlcClock {
public:
    explicit HlcClock(std::string node) : m_last{0, 0, std::move(node)} {}

    Hlc now(std::int64_t physicalMs);
    void observe(const Hlc& remote, std::int64_t physicalMs);
    [[nodiscard]] const Hlc& last() const { return m_last; }

private:
    Hlc m_last;
};

/// Milliseconds since the Unix epoch from the system clock.
std::int64_t systemMillis();

}  // namespace samkoll::core
