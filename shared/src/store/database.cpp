// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/store/database.hpp"

#include "samkoll/store/backup.hpp"
#include "samkoll/store/schema.hpp"

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

#include "samkoll/store/schema.hpp"

namespace samkoll::core {

Statement::Statement(Database& db, std::string_view sql) : m_db(&db)
{
    const int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        db.fail(rc, sql);
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt)
{
    other.m_stmt = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value)
{
    if (int rc = sqlite3_bind_int64(m_stmt, index, value); rc != SQLITE_OK)
        m_db->fail(rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    if (int rc = sqlite3_bind_double(m_stmt, index, value); rc != SQLITE_OK)
        m_db->fail(rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value)
{
    if (int rc = sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
        rc != SQLITE_OK)
        m_db->fail(rc, "bind");
    return *this;
}

Statement& Statement::bindNull(int index)
{
    if (int rc = sqlite3_bind_null(m_stmt, index); rc != SQLITE_OK)
        m_db->fail(rc, "bind");
    return *this;
}

bool Statement::step()
{
    m_db->beforeStep();
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const char* sql = sqlite3_sql(m_stmt);
    sqlite3_reset(m_stmt);
    m_db->fail(rc, sql ? sql : "step");
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

bool Statement::tryRun() noexcept
{
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(m_stmt);
    sqlite3_reset(m_stmt);
    return rc == SQLITE_DONE;
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::text(int column) const
{
    const auto* p = sqlite3_column_text(m_stmt, column);
    if (!p)
        return {};
    return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

std::string_view Statement::view(int column) const
{
    const auto* p = sqlite3_column_text(m_stmt, column);
    if (!p)
        return {};
    return {reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))};
}

std::optional<std::int64_t> Statement::optionalInteger(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return integer(column);
}

std::optional<std::string> Statement::optionalText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

Database::Database(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}

Database::~Database()
{
    m_cache.clear();
    sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<Database>> Database::open(const std::string& path)
{
    // A new database file is readable by its owner only: it holds personal
    // data (pseudonymous cases) and token hashes. SQLite gives its -wal and
    // -shm files the database file's mode.
    if (!path.empty() && path != ":memory:" && path.rfind("file:", 0) != 0) {
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0)
            ::close(fd);
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        std::string why = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        sqlite3_close_v2(raw);
        return makeError("storage", "db", "kan inte öppna databasen " + path + ": " + why);
    }
    std::unique_ptr<Database> db(new Database(raw, path));
    try {
        sqlite3_busy_timeout(raw, 5000);
        sqlite3_extended_result_codes(raw, 1);
        db->exec("PRAGMA foreign_keys = ON");
        if (path != ":memory:" && !path.empty())
            db->exec("PRAGMA journal_mode = WAL");
        db->exec("PRAGMA synchronous = NORMAL");
        // Statement journals (every savepoint, every statement that fires a
        // trigger) stay in memory: in a temporary file SQLite rewrites each
        // page a savepoint touches for the rest of the transaction.
        db->exec("PRAGMA temp_store = MEMORY");
        // Before a database made by an earlier Samkoll is migrated, a copy of it
        // as it was stays beside it (the server's and every device's).
        const int version = db->schemaVersion();
        if (version > 0 && version < currentSchemaVersion() && path != ":memory:" && !path.empty() &&
            path.rfind("file:", 0) != 0) {
            const std::string copy = path + ".fore-schema-" + std::to_string(version);
            if (auto s = backupDatabase(*db, copy); !s)
                return makeError("storage", "db",
                                 "databasen " + path + " uppgraderas inte: säkerhetskopian före uppgraderingen (" + copy +
                                     ") gick inte att skriva. Den har inte ändrats.");
        }
        db->migrate();
    } catch (const StoreError& e) {
        return makeError("storage", "db",
                         "databasen " + path + " kan inte användas (" + e.what() +
                             "). Är filen en Samkoll-databas? Den har inte ändrats.");
    }
    return db;
}

Result<std::unique_ptr<Database>> Database::openExisting(const std::string& path)
{
    std::error_code ec;
    if (path != ":memory:" && !std::filesystem::exists(path, ec))
        return makeError("not_found", "db", "databasen " + path + " finns inte – skapa den med 'samkolld init --db " + path + "'");
    return open(path);
}

void Database::exec(std::string_view sql)
{
    beforeStep();
    char* err = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw StoreError(rc, msg);
    }
}

CachedStatement Database::cached(const std::string& sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end())
        it = m_cache.emplace(sql, std::make_unique<Statement>(*this, sql)).first;
    it->second->reset();
    return CachedStatement(*it->second);
}

void Database::resetCached()
{
    for (auto& [sql, st] : m_cache)
        st->reset();
}

std::int64_t Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

int Database::schemaVersion()
{
    auto st = prepare("PRAGMA user_version");
    st.step();
    return static_cast<int>(st.integer(0));
}

void Database::beforeStep()
{
    ++m_steps;
    if (m_failAfter > 0 && --m_failAfter == 0)
        throw StoreError(SQLITE_IOERR, "injicerat fel (test)");
}

void Database::fail(int rc, std::string_view context) const
{
    std::string msg = sqlite3_errmsg(m_db);
    if (msg.empty() || msg == "not an error")
        msg = sqlite3_errstr(rc);
    throw StoreError(rc, msg, std::string(context));
}

bool StoreError::isUniqueViolation() const
{
    return m_code == SQLITE_CONSTRAINT_UNIQUE || m_code == SQLITE_CONSTRAINT_PRIMARYKEY;
}

Error storageError(const StoreError& e)
{
    std::string message;
    switch (e.code() & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        message = "databasen är upptagen av en annan åtgärd just nu. Inget av ändringen sparades – försök igen om en "
                  "stund.";
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        message = "databasfilen är skadad och kan inte läsas. Inget av ändringen sparades. Ändra inget i filen; "
                  "återställ den senaste säkerhetskopian eller kontakta den som sköter servern.";
        break;
    case SQLITE_FULL:
        message = "disken är full. Inget av ändringen sparades – frigör utrymme och försök igen.";
        break;
    default:
        message = std::string("databasfel (") + e.what() +
                  "). Inget av ändringen sparades – försök igen; kvarstår felet, kontakta den som sköter servern.";
    }
    Error error = makeError("storage", "", std::move(message));
    error.detail = std::string(e.what()) + (e.sql().empty() ? "" : " i: " + e.sql());
    return error;
}

Error unexpectedError(const std::exception& e)
{
    Error error = makeError("internal", "",
                            "ett oväntat fel avbröt åtgärden. Inget av den sparades – försök igen; händer det igen, "
                            "kontakta den som sköter Samkoll.");
    error.detail = e.what();
    return error;
}

void Database::migrate()
{
    const auto migrations = schemaMigrations();
    int version = schemaVersion();
    if (version > static_cast<int>(migrations.size()))
        throw StoreError(SQLITE_ERROR, "databasen har schemaversion " + std::to_string(version) +
                                           ", nyare än denna version av Samkoll (" +
                                           std::to_string(migrations.size()) + ") – uppdatera programmet");
    for (; version < static_cast<int>(migrations.size()); ++version) {
        Transaction tx(*this);
        exec(migrations[static_cast<std::size_t>(version)]);
        exec("PRAGMA user_version = " + std::to_string(version + 1));
        tx.commit();
    }
}

// An outer transaction is BEGIN IMMEDIATE (takes the write lock at once, so a
// busy database fails early); an inner one is a SAVEPOINT, so repository
// functions compose into one atomic import. The statements are prepared once
// per connection: a sync batch opens a savepoint per operation.
Transaction::Transaction(Database& db) : m_db(db), m_nested(sqlite3_get_autocommit(db.handle()) == 0)
{
    static const std::string savepoint = "SAVEPOINT samkoll_nested", begin = "BEGIN IMMEDIATE";
    m_db.cached(m_nested ? savepoint : begin)->run();
}

Transaction::~Transaction()
{
    if (m_done)
        return;
    // Never throws: a failed rollback leaves SQLite to roll back on close.
    if (m_nested)
        sqlite3_exec(m_db.handle(), "ROLLBACK TO samkoll_nested; RELEASE samkoll_nested", nullptr, nullptr, nullptr);
    else
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

ReadTransaction::ReadTransaction(Database& db) : m_db(db), m_nested(sqlite3_get_autocommit(db.handle()) == 0)
{
    static const std::string begin = "BEGIN";
    if (!m_nested)
        m_db.cached(begin)->run();
}

ReadTransaction::~ReadTransaction()
{
    if (m_nested)
        return;
    // A statement left mid-iteration by an error must not keep the snapshot open.
    m_db.resetCached();
    static const std::string commit = "COMMIT";
    bool ended = false;
    try {
        ended = m_db.cached(commit)->tryRun();
    } catch (...) {
    }
    if (!ended)
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    static const std::string release = "RELEASE samkoll_nested", commit = "COMMIT";
    m_db.cached(m_nested ? release : commit)->run();
    m_done = true;
}

}  // namespace samkoll::core
