// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/sync/hlc.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "samkoll/io/csv.hpp"

namespace samkoll::core {

std::string Hlc::encode() const
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016lld-%05d-", static_cast<long long>(wallMs), static_cast<int>(counter));
    return buf + node;
}

std::optional<Hlc> Hlc::decode(std::string_view text)
{
    if (text.size() < 23 || text[16] != '-' || text[22] != '-')
        return std::nullopt;
    auto wall = parseInteger(text.substr(0, 16));
    auto counter = parseInteger(text.substr(17, 5));
    if (!wall || !counter || *wall < 0 || *counter < 0)
        return std::nullopt;
    return Hlc{*wall, static_cast<std::int32_t>(*counter), std::string(text.substr(23))};
}

Hlc HlcClock::now(std::int64_t physicalMs)
{
    if (physicalMs > m_last.wallMs) {
        m_last.wallMs = physicalMs;
        m_last.counter = 0;
    } else {
        ++m_last.counter;
    }
    return m_last;
}

void HlcClock::observe(const Hlc& remote, std::int64_t physicalMs)
{
    const std::int64_t wall = std::max({m_last.wallMs, remote.wallMs, physicalMs});
    if (wall == m_last.wallMs && wall == remote.wallMs)
        m_last.counter = std::max(m_last.counter, remote.counter) + 1;
    else if (wall == m_last.wallMs)
        ++m_last.counter;
    else if (wall == remote.wallMs)
        m_last.counter = remote.counter + 1;
    else
        m_last.counter = 0;
    m_last.wallMs = wall;
}

std::int64_t systemMillis()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace samkoll::core
