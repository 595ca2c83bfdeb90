// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checkpointer.hpp"
#include "http_server.hpp"
#include "samkoll/domain/entities.hpp"
#include "samkoll/sync/sync_service.hpp"

namespace samkoll::server {

/// The JSON API (docs/protocol.md): routes a request to its handler, which
/// parses, calls the core and serialises. Every failure becomes a 4xx/5xx with
/// {"error": {"code", "field", "message"}}; nothing throws out of handle().
/// Each I/O thread uses its own SQLite connection to the same file.
class Api {
public:
    explicit Api(std::string databasePath);

    Response handle(const Request& request, const std::string& remoteAddress);
    /// Whether a request goes to a worker thread (HttpServer's Offload).
    bool slow(const Request& request) const;

private:
    /// Who may call a route.
    enum class Access {
        Public,     ///< no token (health, enrolment)
        AnyDevice,  ///< an enrolled device of any role; the core filters by role
        OfficeOrBoard,  ///< the kansli and the board (the förbund's money, reports, approved years)
        Office,         ///< the kansli only (fastställa a year, users and devices)
    };
    /// One request as a handler sees it; `device` is set for authenticated routes.
    struct Call {
        const Request& req;
        const std::string& remote;
        std::map<std::string, std::string> query;
        core::Database& db;
        std::optional<core::DeviceContext> device;
        std::size_t maxBody = 0;  ///< the route's body limit
    };
    using Handler = Response (Api::*)(Call&);
    struct Route {
        boost::beast::http::verb method;
        std::string_view path;
        Access access;
        Handler handler;
        std::size_t maxBody;        ///< bytes, on the wire and after unpacking
        bool slow = false;          ///< may take long: runs on a worker thread
        bool readSnapshot = false;  ///< authenticate and handle in one read transaction
    };
    /// Every endpoint, in one table (docs/protocol.md lists them).
    static const std::vector<Route>& routes();
    /// What the request log says of a request beside its status and size: the
    /// route (a known path, never the query or an unknown path) and the device.
    struct Trace {
        std::string route = "(okänd adress)";
        std::string device = "-";
    };
    Response dispatch(const Request& request, const std::string& remoteAddress, Trace& trace);

    Response health(Call& c);
    Response enrol(Call& c);
    Response config(Call& c);
    Response push(Call& c);
    Response pull(Call& c);
    Response index(Call& c);
    Response stats(Call& c);
    Response finance(Call& c);
    Response report(Call& c);
    Response federation(Call& c);
    Response periods(Call& c);
    Response changePeriod(Call& c);
    Response saveBudget(Call& c);
    Response importHaeFile(Call& c);
    Response accountMapping(Call& c);
    Response setAccountMapping(Call& c);
    Response importSieFile(Call& c);
    Response importOutcomeFile(Call& c);
    Response users(Call& c);
    Response addUser(Call& c);
    Response enrolmentCode(Call& c);
    Response revokeDevice(Call& c);
    /// Prometheus text format: requests by route and status, uploads,
    /// operations by result, conflicts, the database's size, the last checkpoint.
    Response metrics(Call& c);
    /// The period (?year=&tertial= or ?from=&to=) and the optional ?team= of a
    /// report call, the team looked up in the device's förbund.
    struct UnitQuery {
        core::Period period;
        std::optional<core::Team> team;
        bool aggregatesOnly = false;  ///< the reader may see aggregates only: no day ranges, small cells hidden
    };
    core::Result<UnitQuery> unitQuery(Call& c);

    /// The SQLite connection of the calling I/O thread (connections are not
    /// shared between threads), opened on first use.
    core::Database& database();
    /// Failed enrolments and authentications in the last minute, per key: an
    /// address ("a:…") or a presented credential ("c:…", a hash). A valid
    /// token is never limited: one machine's failures do not lock out a whole
    /// office behind the same address.
    bool rateLimited(const std::string& key);
    void recordFailure(const std::string& key);
    /// The route for a path and method, nullptr when none (and `allowed` lists the methods the path has).
    static const Route* find(std::string_view path, boost::beast::http::verb method, std::string* allowed = nullptr);

    std::string m_path;
    std::shared_ptr<Checkpointer> m_checkpointer;
    std::mutex m_mutex;
    /// When each device's last_seen_at was last written (touchDevice).
    std::map<std::string, std::chrono::steady_clock::time_point> m_lastSeen;
    void touchDevice(core::Database& db, const std::string& deviceId);
    /// One writer at a time: SQLite serialises writers anyway, and waiting on a
    /// mutex is far cheaper than its busy-retry sleeps.
    std::mutex m_writer;
    std::map<std::string, std::vector<std::chrono::steady_clock::time_point>> m_failures;
    /// Failures in m_failures: read without the lock on every request.
    std::atomic<std::size_t> m_failureCount{0};

    /// What /metrics counts since the start (route "(okänd adress)" for unknown paths).
    struct Counters {
        std::mutex mutex;
        std::map<std::pair<std::string, unsigned>, std::uint64_t> requests;
        std::uint64_t batches = 0, applied = 0, duplicates = 0, refused = 0, conflicts = 0, foreignIds = 0;
    } m_counters;
};

}  // namespace samkoll::server
