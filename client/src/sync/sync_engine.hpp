// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "https_transport.hpp"
#include "samkoll/report/reports.hpp"
#include "samkoll/store/database.hpp"
#include "samkoll/sync/replica.hpp"

namespace samkoll::client {

/// What the coordinator sees of sync: shown in the always-visible status.
struct SyncStatus {
    bool enrolled = false;
    bool online = false;           ///< the last attempt reached the server
    std::string lastSync;          ///< ISO time of the last complete sync, empty if never
    std::string lastAttempt;       ///< ISO time of the last attempt, empty if none since start
    int pending = 0;               ///< operations in the outbox
    int refused = 0;               ///< of which refused, with reasons
    int conflicts = 0;             ///< unresolved conflicts
    std::optional<core::Error> lastError;
    std::optional<std::int64_t> clockSkewMs;
};

/// The client's sync engine, usable without a window: owns the local database
/// (one SQLite file), enrols the device, and synchronises over HTTPS with
/// retries and backoff. Everything is committed locally before it is
/// acknowledged, so a crash or kill at any point resumes safely.
class SyncEngine {
public:
    explicit SyncEngine(const std::string& localDatabase);

    /// Exchanges the central office's code for a device token; `caPem` is the
    /// server certificate to trust (empty: the system's trust store).
    core::Status enrol(const std::string& serverUrl, const std::string& code, const std::string& deviceName,
                       const std::string& caPem);
    /// One synchronisation attempt; `refreshConfiguration` also re-reads the
    /// förbund's configuration (teams, budgets, HÅE, the kansli's judgments) —
    /// the client does that on its first sync after start. Then, and at most
    /// every 15 minutes after, it also fetches the förbund-wide index of each
    /// year with a budget, shown "as of the last sync".
    core::Result<core::SyncReport> syncOnce(bool confirmMassDelete = false, bool refreshConfiguration = false);
    /// Up to `attempts` attempts with exponential backoff (base doubling, capped).
    core::Result<core::SyncReport> syncWithRetry(int attempts, std::chrono::milliseconds base = std::chrono::milliseconds(200));

    [[nodiscard]] SyncStatus status();
    /// {"fetched_at": ISO time, "year": 2021, "index": unit index JSON} of the
    /// last fetch of that year's förbund-wide index, if any.
    std::optional<nlohmann::json> federationIndex(int year);
    /// A report made by the server for this device's role (/api/v1/report):
    /// the board's copy holds aggregates only. Needs the network.
    core::Result<core::Document> fetchReport(const core::ReportRequest& request);
    /// What is done on the server at once rather than queued in the outbox
    /// (fastställa a year, users and devices): a GET, or a POST of `body`, to
    /// the API; the answer's JSON or the server's error. Needs the network.
    core::Result<nlohmann::json> serverCall(const std::string& path,
                                            const std::optional<nlohmann::json>& body = std::nullopt);

    core::Database& database() { return *m_db; }
    core::Replica& replica() { return *m_replica; }

private:
    void connect();
    void fetchFederationIndex(bool refreshed);

    std::unique_ptr<core::Database> m_db;
    std::unique_ptr<core::Replica> m_replica;
    std::unique_ptr<HttpsClient> m_http;
    std::optional<core::Error> m_lastError;
    std::optional<std::int64_t> m_skew;
    bool m_online = false;
    std::string m_lastAttempt;
};

}  // namespace samkoll::client
