// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include "checkpointer.hpp"
#include "http_server.hpp"

namespace samkoll::server {

/// The JSON API (docs/protocol.md): routes a request to its handler, which
/// parses, calls the core and serialises. Every failure becomes a 4xx/5xx with
/// {"error": {"code", "field", "message"}}; nothing throws out of handle().
/// Each I/O thread uses its own SQLite connection to the same file.
class Api {
public:
    explicit Api(std::string databasePath);

    Response handle(const Request& request, const std::string& remoteAddress);

private:
    /// The SQLite connection of the calling I/O thread (connections are not
    /// shared between threads), opened on first use.
    core::Database& database();
    /// Failed enrolments and authentications per remote address in the last minute.
    bool rateLimited(const std::string& remote);
    void recordFailure(const std::string& remote);

    std::string m_path;
    std::shared_ptr<Checkpointer> m_checkpointer;
    std::mutex m_mutex;
    /// One writer at a time: SQLite serialises writers anyway, and waiting on a
    /// mutex is far cheaper than its busy-retry sleeps.
    std::mutex m_writer;
    std::map<std::string, std::vector<std::chrono::steady_clock::time_point>> m_failures;
    /// Failures in m_failures: read without the lock on every request.
    std::atomic<std::size_t> m_failureCount{0};
};

}  // namespace samkoll::server
