// SPDX-License-Identifier: GPL-3.0-or-later
// What the core benchmarks share: timing, peak memory, and stopping with the
// core's error when a step that must work does not.
#pragma once

#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "samkoll/domain/result.hpp"

namespace samkoll::bench {

using Clock = std::chrono::steady_clock;

inline double seconds(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double>(b - a).count();
}

/// The process's peak resident memory so far, in MB.
inline long peakRssMb()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024;
}

/// The program's name for messages; each benchmark sets it in main().
inline const char*& programName()
{
    static const char* name = "bench";
    return name;
}

[[noreturn]] inline void die(const core::Error& e)
{
    std::cerr << programName() << ": " << e.describe() << "\n";
    std::exit(1);
}

template <typename T>
T must(core::Result<T> r)
{
    if (!r)
        die(r.error());
    return std::move(r).value();
}

inline void must(core::Status s)
{
    if (!s)
        die(s.error());
}

}  // namespace samkoll::bench
