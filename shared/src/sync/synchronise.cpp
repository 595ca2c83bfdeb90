// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/sync/replica.hpp"

#include <algorithm>
#include <future>

namespace samkoll::core {

using nlohmann::json;

namespace {

// Download pages: the first small, each next one twice as large up to the server's most.
constexpr int kFirstPullLimit = 500;
constexpr int kPullLimit = 5000;

Result<SyncReport> synchroniseSteps(Replica& replica, SyncTransport& transport, const std::string& deviceId,
                                    bool refreshConfiguration, bool confirmMassDelete)
{
    // Up to 2 000 operations or 1 MiB per batch: few commits on a good link,
    // and far below the server's body limit even for long success stories.
    constexpr int kBatchSize = 2000;
    constexpr std::size_t kBatchBytes = 1024 * 1024;
    SyncReport report;
    if (refreshConfiguration || !replica.state("federation")) {
        auto config = transport.configuration();
        if (!config)
            return config.error();
        if (auto s = replica.applyConfiguration(*config); !s)
            return s.error();
    }
    // Upload with one batch in flight: while the server applies a batch, the
    // next one is read from the outbox and the previous answer is recorded. A
    // batch is sent only after the one before it was answered, so the server
    // sees them in order and nothing more is sent after a failure.
    struct Prepared {
        std::int64_t lastSeq = 0;
        int size = 0;
        std::function<Result<BatchResult>()> send;
    };
    auto prepare = [&](std::int64_t after) -> Result<std::optional<Prepared>> {
        auto ops = replica.pending(after, kBatchSize, kBatchBytes);
        if (ops.empty())
            return std::optional<Prepared>();
        Batch batch;
        batch.deviceId = deviceId;
        batch.clientTimeMs = replica.nowMs();
        batch.confirmMassDelete = confirmMassDelete;
        batch.operations = std::move(ops);
        // Before it can reach the server: later edits no longer fold into it.
        if (auto s = replica.markSent(batch.operations.back().seq); !s)
            return s.error();
        return std::optional<Prepared>(
            Prepared{batch.operations.back().seq, static_cast<int>(batch.operations.size()), transport.preparePush(batch)});
    };
    auto next = prepare(0);
    if (!next)
        return next.error();
    std::future<Result<BatchResult>> inFlight;
    while (*next || inFlight.valid()) {
        std::optional<Result<BatchResult>> answer;
        if (inFlight.valid()) {
            answer = inFlight.get();
            if (!*answer)
                return answer->error();
        }
        std::int64_t after = 0;
        if (*next) {
            after = (*next)->lastSeq;
            report.pushed += (*next)->size;
            inFlight = std::async(std::launch::async, std::move((*next)->send));
        }
        if (answer) {
            const BatchResult& result = **answer;
            if (auto s = replica.acknowledge(result); !s)
                return s.error();
            replica.observeServerTime(result.serverTimeMs);
            for (const auto& r : result.results)
                (r.status == OperationStatus::Refused ? report.refused : report.acknowledged)++;
            report.conflicts += result.conflicts;
            if (result.clockSkewMs)
                report.clockSkewMs = result.clockSkewMs;
        }
        if (!inFlight.valid())
            break;
        next = prepare(after);
        if (!next)
            return next.error();
    }
    // Download with the next page in flight while this one is applied: the
    // next request starts from the page's cursor as the server gave it, while
    // the device saves its cursor only with the page's commit — a failure or a
    // kill anywhere resumes from the last committed page. (Leaving early
    // waits for the request in flight; nothing is done with its answer.)
    // The first pages are small, so applying starts at once; each next one is
    // twice as large up to 5 000 records (the server's most): a first download
    // of a whole förbund is a few dozen requests, a page a few MB at most.
    int limit = kFirstPullLimit;
    auto fetch = [&transport, &limit](std::int64_t from) {
        const int now = limit;
        limit = std::min(limit * 2, kPullLimit);
        return std::async(std::launch::async, [&transport, from, now] { return transport.pull(from, now); });
    };
    bool resynced = false;
    auto inFlightPull = fetch(replica.cursor());
    for (;;) {
        auto pull = inFlightPull.get();
        if (!pull && pull.error().code == "invalid_cursor" && !resynced) {
            resynced = true;
            if (auto s = replica.resetCursor(); !s)
                return s.error();
            inFlightPull = fetch(replica.cursor());
            continue;
        }
        if (!pull)
            return pull.error();
        if (pull->more)
            inFlightPull = fetch(pull->cursor);
        if (auto s = replica.applyPull(*pull); !s)
            return s.error();
        report.pulled += static_cast<int>(pull->size());
        if (!pull->more)
            break;
    }
    // The förbund's configuration changed on the server (a new social budget,
    // a team): fetched again now, not only at the program's next start.
    if (replica.state("configuration_changed").value_or("") == "1") {
        auto config = transport.configuration();
        if (!config)
            return config.error();
        if (auto s = replica.applyConfiguration(*config); !s)
            return s.error();
        if (auto s = replica.setState("configuration_changed", "0"); !s)
            return s.error();
    }
    return report;
}

}  // namespace

Result<SyncReport> synchronise(Replica& replica, SyncTransport& transport, const std::string& deviceId,
                               bool refreshConfiguration, bool confirmMassDelete)
{
    // A failing statement on the device (a full disk, a broken file) ends this
    // sync with an error; every step below commits on its own, so the outbox
    // and the cursor stay consistent and the next sync continues.
    return guarded<SyncReport>([&] { return synchroniseSteps(replica, transport, deviceId, refreshConfiguration, confirmMassDelete); });
}

}  // namespace samkoll::core
