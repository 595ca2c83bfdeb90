// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "samkoll/domain/result.hpp"
#include "samkoll/finance/finance_store.hpp"
#include "samkoll/sync/protocol.hpp"

namespace samkoll::core {

/// Applies one of the kansli's finance operations to a store — the server
/// when a device uploads it, the device when the kansli makes the edit and
/// again when it replays its unsent edits over a download. Every check is the
/// store's (locked years, unknown lines, bad settings), so both sides refuse alike.
/// With `checkBase` (the server) an edit that says what its editor saw of the
/// figure (FinanceEdit::checked) is refused with code "conflict" when the
/// figure is something else now, naming both — nothing is overwritten unseen.
Status applyFinanceEdit(finance::FinanceStore& store, Id federationId, OperationKind kind, const FinanceEdit& edit,
                        bool checkBase = false);

/// The figure a finance operation changes (budget, utfall, prognos, opening
/// equity), or none (lines, settings: the last edit stands).
std::optional<finance::FinanceStore::Entered> enteredFigure(OperationKind kind);

/// What the server sends for a change-log entry "finance:…": the förbund's
/// units and lines ("definitions"), its dated settings ("settings"), or one
/// year's budgets, utfall per source, prognos and opening equity ("ÅÅÅÅ").
nlohmann::json financeSnapshot(Database& db, Id federationId, const std::string& uid);

/// Replaces a device's finance `uid` part by the server's snapshot.
Status applyFinanceSnapshot(Database& db, Id federationId, const std::string& uid, const nlohmann::json& data);

}  // namespace samkoll::core
