// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <random>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "samkoll/sync/replica.hpp"
#include "samkoll/sync/sync_service.hpp"

namespace samkoll::test {

using namespace samkoll::core;
using nlohmann::json;

/// Calls the server's SyncService directly, through the JSON encoding, with
/// the faults of a bad network: a request that never arrives, a response that
/// is lost after the server applied the batch, a request delivered twice, and
/// an old batch replayed out of order later.
class DirectTransport : public SyncTransport {
public:
    DirectTransport(Database& server, DeviceContext ctx, std::mt19937_64& rng) : m_server(server), m_ctx(std::move(ctx)), m_rng(rng) {}
    double faultRate = 0.0;

    Result<json> configuration() override { return exportConfiguration(m_server, m_ctx.federationId); }
    Result<BatchResult> push(const Batch& batch) override
    {
        // synchronise() calls push on its own thread: no Catch2 assertions here
        // (they are not thread-safe); a broken encoding fails the sync loudly.
        auto wire = parseBatch(batchToJson(batch).dump());
        if (!wire)
            throw std::logic_error("batch does not survive its JSON encoding: " + wire.error().describe());
        if (!m_old.empty() && chance()) {  // a delayed copy of an earlier request arrives now
            auto replay = SyncService(m_server).push(m_ctx, m_old[static_cast<std::size_t>(pick(m_old.size()))], Date{2026, 1, 1});
            if (!replay && replay.error().code != "storage")
                throw std::logic_error("a replayed batch was refused: " + replay.error().describe());
        }
        m_old.push_back(*wire);
        if (chance())
            return makeError("network", "", "begäran kom aldrig fram");
        auto r = SyncService(m_server).push(m_ctx, *wire, Date{2026, 1, 1});
        if (r && chance())  // delivered twice: the second answer is the one that arrives
            r = SyncService(m_server).push(m_ctx, *wire, Date{2026, 1, 1});
        if (r && chance())
            return makeError("network", "", "svaret försvann");
        if (!r)
            return r.error();
        return parseBatchResult(json::parse(batchResultToJson(*r).dump()));
    }
    Result<PullResult> pull(std::int64_t cursor, int limit) override
    {
        if (chance())
            return makeError("network", "", "anslutningen bröts");
        // The text the server sends, read as the client reads it.
        auto r = SyncService(m_server).pullJson(m_ctx, cursor, limit, PageShape::Tables);
        if (!r)
            return r.error();
        return parsePullResult(json::parse(*r));
    }

private:
    bool chance() { return std::bernoulli_distribution(faultRate)(m_rng); }
    int pick(std::size_t n) { return std::uniform_int_distribution<int>(0, static_cast<int>(n) - 1)(m_rng); }

    Database& m_server;
    DeviceContext m_ctx;
    std::mt19937_64& m_rng;
    std::vector<Batch> m_old;
};

/// A device of its own (an in-memory replica) syncing with an in-process
/// server through a DirectTransport; it takes the configuration at once.
struct InProcessDevice {
    std::unique_ptr<Database> db;
    std::unique_ptr<Replica> replica;
    std::unique_ptr<DirectTransport> transport;
    std::string id;

    InProcessDevice(Database& server, Id federation, const std::string& deviceId, Role role, std::optional<Id> team,
                    std::mt19937_64& rng)
        : id(deviceId)
    {
        db = std::move(Database::open(":memory:").value());
        replica = std::make_unique<Replica>(*db, id);
        transport = std::make_unique<DirectTransport>(server, DeviceContext{id, federation, role, team}, rng);
        REQUIRE(sync());
    }

    Result<SyncReport> sync() { return synchronise(*replica, *transport, id, !replica->state("federation")); }

    std::int64_t count(const std::string& sql)
    {
        auto st = db->prepare(sql);
        st.step();
        return st.integer(0);
    }
};

}  // namespace samkoll::test
