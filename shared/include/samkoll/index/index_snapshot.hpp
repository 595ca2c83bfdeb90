// SPDX-License-Identifier: GPL-3.0-or-later
// The index as the board approved it: every figure of a FederationIndex, kept
// with the lock of a year (samkolld lock, the kansli's Period screen) and read
// back for the year's documents, so a report of a fastställt year shows what
// was approved even after the budget, the data or the program changed.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "samkoll/domain/result.hpp"
#include "samkoll/index/index_engine.hpp"

namespace samkoll::core {

/// Every field of the index, lossless (the API's JSON is a reader's view: its
/// words are formatted and small counts may be hidden).
nlohmann::json indexSnapshotToJson(const FederationIndex& index);

/// Reads a snapshot back; an Error (code "snapshot") when it is not one —
/// e.g. a lock made before snapshots were kept whole.
Result<FederationIndex> indexSnapshotFromJson(std::string_view json);

}  // namespace samkoll::core
