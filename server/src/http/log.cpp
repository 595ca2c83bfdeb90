// SPDX-License-Identifier: GPL-3.0-or-later
#include "log.hpp"

#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>

namespace samkoll::server {

void logLine(std::string_view what, std::string_view detail)
{
    static std::mutex mutex;
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
    std::string line = std::string("samkolld: ") + stamp + " " + std::string(what);
    if (!detail.empty()) {
        line += ": ";
        for (char c : detail.substr(0, 2000))
            line += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    }
    line += '\n';
    std::lock_guard lock(mutex);
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
}

}  // namespace samkoll::server
