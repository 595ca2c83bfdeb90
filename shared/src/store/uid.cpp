// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/store/uid.hpp"

#include <chrono>
#include <cstdint>
#include <random>

namespace samkoll::core {

std::string newUid()
{
    // 48 bits of milliseconds, then 80 random bits (the layout of a UUIDv7):
    // uids made close in time sort together, so the indexes on uid grow at
    // their end instead of touching a random page for every new row.
    thread_local std::mt19937_64 rng{[] {
        std::random_device rd;
        std::seed_seq seq{rd(), rd(), rd(), rd()};
        return std::mt19937_64(seq);
    }()};
    static constexpr char kHex[] = "0123456789abcdef";
    const auto ms = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
    std::string out(32, '0');
    auto put = [&](std::size_t at, std::uint64_t v, int digits) {
        for (int i = digits - 1; i >= 0; --i) {
            out[at + static_cast<std::size_t>(i)] = kHex[v & 0xF];
            v >>= 4;
        }
    };
    put(0, ms, 12);
    put(12, rng(), 16);
    put(28, rng(), 4);
    return out;
}

}  // namespace samkoll::core
