// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/store/backup.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "samkoll/report/format.hpp"
#include "samkoll/store/schema.hpp"

namespace samkoll::core {

namespace fs = std::filesystem;

namespace {

/// Copies every page of `from` into `to` in one step (one read transaction on `from`).
int copyPages(sqlite3* from, sqlite3* to)
{
    sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
    if (!b)
        return sqlite3_errcode(to);
    int rc = SQLITE_OK;
    for (int attempt = 0; attempt < 100; ++attempt) {
        rc = sqlite3_backup_step(b, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        sqlite3_sleep(50);
    }
    sqlite3_backup_finish(b);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

Error fileError(const std::string& field, const std::string& message)
{
    return makeError("storage", field, message);
}

}  // namespace

Status backupDatabase(Database& source, const std::string& to)
{
    const std::string partial = to + ".delvis";
    std::error_code ec;
    fs::remove(partial, ec);
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return fileError("to", "kan inte skriva säkerhetskopian " + to);
    ::close(fd);
    sqlite3* dest = nullptr;
    int rc = sqlite3_open_v2(partial.c_str(), &dest, SQLITE_OPEN_READWRITE, nullptr);
    if (rc == SQLITE_OK)
        rc = copyPages(source.handle(), dest);
    // The copy is a plain database file (no WAL beside it), whole when renamed.
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(dest, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    sqlite3_close_v2(dest);
    if (rc != SQLITE_OK) {
        fs::remove(partial, ec);
        Error e = fileError("to", "säkerhetskopieringen till " + to + " misslyckades – försök igen (ledigt utrymme?)");
        e.detail = sqlite3_errstr(rc);
        return e;
    }
    fs::rename(partial, to, ec);
    if (ec)
        return fileError("to", "kan inte byta namn på säkerhetskopian till " + to);
    ::chmod(to.c_str(), 0600);
    return {};
}

std::string DatabaseCheck::verdict() const
{
    if (ok)
        return "Databasen är hel: schemaversion " + std::to_string(schemaVersion) + ", " +
               formatDecimal(static_cast<double>(bytes) / 1e6, 1) + " MB.";
    std::string out = "Databasen har fel:";
    for (const auto& p : problems)
        out += "\n  " + p;
    return out + "\nStoppa servern och återställ den senaste hela säkerhetskopian (samkolld restore --from KOPIA --db FIL).";
}

Result<DatabaseCheck> checkDatabase(const std::string& path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        return makeError("not_found", "db", "databasen " + path + " finns inte");
    sqlite3* db = nullptr;
    const std::string uri = "file:" + path + "?mode=ro";
    int rc = sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    DatabaseCheck check;
    check.bytes = static_cast<std::int64_t>(fs::file_size(path, ec));
    auto rows = [&](const char* sql, auto&& each) {
        sqlite3_stmt* st = nullptr;
        int r = sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
        if (r == SQLITE_OK) {
            while ((r = sqlite3_step(st)) == SQLITE_ROW)
                each(st);
        }
        sqlite3_finalize(st);
        return r == SQLITE_DONE ? SQLITE_OK : r;
    };
    if (rc == SQLITE_OK)
        rc = rows("PRAGMA user_version", [&](sqlite3_stmt* st) { check.schemaVersion = sqlite3_column_int(st, 0); });
    if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT || (rc == SQLITE_OK && check.schemaVersion == 0)) {
        sqlite3_close_v2(db);
        return makeError("corrupt", "db",
                         path + " är ingen Samkoll-databas (eller är så skadad att den inte går att läsa) – "
                                "kontrollera sökvägen, eller återställ den senaste säkerhetskopian med samkolld restore");
    }
    if (rc != SQLITE_OK) {
        Error e = makeError("storage", "db", "kan inte läsa " + path);
        e.detail = sqlite3_errstr(rc);
        sqlite3_close_v2(db);
        return e;
    }
    rc = rows("PRAGMA integrity_check(20)", [&](sqlite3_stmt* st) {
        const std::string line = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        if (line != "ok")
            check.problems.push_back("integritet: " + line);
    });
    if (rc != SQLITE_OK)
        check.problems.push_back(std::string("integritetskontrollen kunde inte läsa hela filen: ") + sqlite3_errstr(rc));
    rows("PRAGMA foreign_key_check", [&](sqlite3_stmt* st) {
        check.problems.push_back(std::string("främmande nyckel: tabellen ") +
                                 reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) + ", rad " +
                                 std::to_string(sqlite3_column_int64(st, 1)) + " pekar på en rad i " +
                                 reinterpret_cast<const char*>(sqlite3_column_text(st, 2)) + " som saknas");
    });
    if (check.schemaVersion > currentSchemaVersion())
        check.problems.push_back("schemaversion " + std::to_string(check.schemaVersion) +
                                 " är nyare än denna Samkoll (" + std::to_string(currentSchemaVersion()) +
                                 ") – uppdatera programmet");
    sqlite3_close_v2(db);
    check.ok = check.problems.empty();
    return check;
}

Result<std::string> restoreDatabase(const std::string& backup, const std::string& target)
{
    auto check = checkDatabase(backup);
    if (!check)
        return check.error();
    if (!check->ok)
        return makeError("corrupt", "from", "säkerhetskopian " + backup + " används inte: " + check->verdict());
    const std::string kept = target + ".fore-aterstallning";
    auto current = Database::openExisting(target);
    if (current) {
        if (auto s = backupDatabase(**current, kept); !s)
            return s.error();
    } else if (current.error().code != "not_found") {
        return current.error();
    }
    sqlite3* from = nullptr;
    int rc = sqlite3_open_v2(backup.c_str(), &from, SQLITE_OPEN_READONLY, nullptr);
    if (rc == SQLITE_OK) {
        if (current) {
            rc = copyPages(from, (*current)->handle());
        } else {
            const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
            if (fd >= 0)
                ::close(fd);
            sqlite3* to = nullptr;
            rc = sqlite3_open_v2(target.c_str(), &to, SQLITE_OPEN_READWRITE, nullptr);
            if (rc == SQLITE_OK)
                rc = copyPages(from, to);
            sqlite3_close_v2(to);
        }
    }
    sqlite3_close_v2(from);
    if (rc != SQLITE_OK) {
        Error e = makeError("storage", "db", "återställningen misslyckades; den tidigare databasen finns kvar som " + kept);
        e.detail = sqlite3_errstr(rc);
        return e;
    }
    return current ? kept : std::string();
}

}  // namespace samkoll::core
