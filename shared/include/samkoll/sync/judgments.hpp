// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "samkoll/domain/entities.hpp"
#include "samkoll/domain/result.hpp"
#include "samkoll/store/database.hpp"
#include "samkoll/sync/protocol.hpp"

namespace samkoll::core {

/// Applies one of the kansli's judgments (judgment.set) to a store — the
/// server when a device uploads it, the device when the kansli makes it and
/// again when it replays its unsent ones over a download. Checks: the
/// indicator is a manual one of the year's social budget, the team exists,
/// the year is open, a judgment has a motivation (no personnummer). With
/// `checkBase` (the server), an edit made on another version than the stored
/// one is refused with code "conflict", saying what the other judgment is and
/// who made it — nothing is overwritten unseen. `by` is the kansli's login.
/// `version` is the edit's clock (the operation's hlc): the judgment's new version.
Status applyJudgmentEdit(Database& db, Id federationId, const JudgmentEdit& edit, const std::string& by,
                         const std::string& version, bool checkBase);

/// What the server sends for a change-log entry "judgment:ÅÅÅÅ": the year's
/// judgments {"year", "judgments": [{"indicator", "team" | null, "achieved",
/// "motivation", "at", "by", "version"}]}.
nlohmann::json judgmentSnapshot(Database& db, Id federationId, const std::string& uid);

/// Replaces a device's judgments of the year by the server's snapshot.
Status applyJudgmentSnapshot(Database& db, Id federationId, const std::string& uid, const nlohmann::json& data);

}  // namespace samkoll::core
