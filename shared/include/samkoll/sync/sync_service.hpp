// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "samkoll/domain/date.hpp"
#include "samkoll/domain/entities.hpp"
#include "samkoll/domain/result.hpp"
#include "samkoll/store/database.hpp"
#include "samkoll/sync/protocol.hpp"

namespace samkoll::core {

enum class Role { Coordinator, CentralOffice, Board };
std::string_view codeOf(Role r);
std::optional<Role> parseRole(std::string_view text);

/// Who is syncing: an enrolled device of a user with a role (and, for a
/// coordinator, a team). Established by the server from the device token.
struct DeviceContext {
    std::string deviceId;
    Id federationId = 0;
    Role role = Role::Coordinator;
    std::optional<Id> teamId;
};

/// The server side of the sync protocol (docs/protocol.md), transport-free.
/// Upload applies a batch in one transaction; every operation is applied at
/// most once per (device, seq). Download returns changes after a cursor.
class SyncService {
public:
    explicit SyncService(Database& db, std::function<std::int64_t()> clockMs = {});

    /// Applies a batch. A refused operation (locked year, invalid merge result,
    /// another team's case …) is reported with its reason and not acknowledged,
    /// so it stays in the sender's outbox. Fails as a whole only for an
    /// unsupported schema version, a foreign device id, a role that may not
    /// write, or a storage failure (then nothing is applied).
    Result<BatchResult> push(const DeviceContext& ctx, const Batch& batch, Date today);

    /// Changes visible to the device after `cursor`, at most `limit` records.
    /// A cursor the server never issued is an error ("invalid_cursor"): the
    /// client then downloads everything again from 0.
    Result<PullResult> pull(const DeviceContext& ctx, std::int64_t cursor, int limit,
                            PageShape shape = PageShape::Changes);
    /// The same page as the JSON text the server sends (docs/protocol.md):
    /// one query per page and kind of record, written straight as text.
    Result<std::string> pullJson(const DeviceContext& ctx, std::int64_t cursor, int limit,
                                 PageShape shape = PageShape::Changes);

private:
    Database& m_db;
    std::function<std::int64_t()> m_clockMs;
};

}  // namespace samkoll::core
