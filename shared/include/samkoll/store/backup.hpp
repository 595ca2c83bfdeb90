// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "samkoll/domain/result.hpp"
#include "samkoll/store/database.hpp"

namespace samkoll::core {

/// A consistent copy of an open database while others keep writing to it:
/// SQLite's online backup in one step, so the copy is the snapshot of one read
/// transaction (in WAL mode writers are not blocked). The copy is written next
/// to `to` and renamed into place, readable by its owner only (0600).
Status backupDatabase(Database& source, const std::string& to);

/// What `samkolld check` says about a database file.
struct DatabaseCheck {
    bool ok = false;
    int schemaVersion = 0;
    std::int64_t bytes = 0;
    std::vector<std::string> problems;  ///< integrity and foreign-key problems, in words
    /// "Databasen är hel: schemaversion 9, 1,2 MB." or the problems.
    [[nodiscard]] std::string verdict() const;
};

/// Checks a database file without changing it (read only, no migration):
/// SQLite's integrity check, the foreign keys, and the schema version against
/// this build's. A file that is not a database is an error naming it.
Result<DatabaseCheck> checkDatabase(const std::string& path);

/// Puts a backup in place of `target` (stop the server first): the backup is
/// checked first, the current file is kept as `target` + ".fore-aterstallning",
/// and a backup from a newer Samkoll is refused. Returns the kept file's path.
Result<std::string> restoreDatabase(const std::string& backup, const std::string& target);

}  // namespace samkoll::core
