// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include "samkoll/domain/entities.hpp"
#include "samkoll/store/database.hpp"

namespace samkoll::core {

/// The förbund configuration a device needs to work offline: federation,
/// members, teams, HÅE, the kansli's judgments and the social budgets with
/// their survey definitions. The server's side of "config" (the device side is
/// Replica::applyConfiguration). Reads throw StoreError: call it inside
/// guarded() or a handler that maps it to 503. Any thread with its own Database.
nlohmann::json exportConfiguration(Database& db, Id federationId);

}  // namespace samkoll::core
