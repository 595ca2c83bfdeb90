// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "samkoll/domain/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace samkoll::core {

/// Thrown by the wrapper on any SQLite failure; repositories catch it at their
/// public edge and return a Result, so it never crosses into callers.
class StoreError : public std::runtime_error {
public:
    StoreError(int code, const std::string& what, std::string sql = {})
        : std::runtime_error(what), m_code(code), m_sql(std::move(sql))
    {
    }
    /// SQLite's extended result code.
    [[nodiscard]] int code() const { return m_code; }
    /// The statement that failed (for the log), empty when not known.
    [[nodiscard]] const std::string& sql() const { return m_sql; }
    /// A UNIQUE or PRIMARY KEY constraint refused the write (not a CHECK or a foreign key).
    [[nodiscard]] bool isUniqueViolation() const;

private:
    int m_code;
    std::string m_sql;
};

class Database;
class CachedStatement;

/// A prepared statement. Binding is 1-based like SQLite; columns are 0-based.
class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bindNull(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    /// Advances; true while a row is available.
    bool step();
    /// Runs a statement that returns no rows, then resets it.
    void run();
    /// The same for cleanup paths: never throws (and no fault injection); false on failure.
    bool tryRun() noexcept;
    void reset();

    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t integer(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] std::string text(int column) const;
    /// The column's text without a copy; valid until the next step or reset.
    [[nodiscard]] std::string_view view(int column) const;
    [[nodiscard]] std::optional<std::int64_t> optionalInteger(int column) const;
    [[nodiscard]] std::optional<std::string> optionalText(int column) const;

private:
    Database* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

/// One SQLite connection: WAL, foreign keys on, migrations applied on open.
class Database {
public:
    /// Opens (creating if needed) and migrates. ":memory:" gives a private in-memory database.
    static Result<std::unique_ptr<Database>> open(const std::string& path);
    /// Opens an existing database only; fails with a clear message if the file is missing.
    static Result<std::unique_ptr<Database>> openExisting(const std::string& path);

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(*this, sql); }
    /// A statement prepared once per connection — for hot paths. The guard
    /// resets it (ends its read, clears its bindings) when it goes out of
    /// scope, so no cached statement keeps a snapshot open by accident.
    CachedStatement cached(const std::string& sql);
    /// Resets every cached statement, so none keeps a read transaction open.
    void resetCached();
    [[nodiscard]] std::int64_t lastInsertId() const;
    [[nodiscard]] int changes() const;
    [[nodiscard]] int schemaVersion();
    [[nodiscard]] sqlite3* handle() const { return m_db; }
    [[nodiscard]] const std::string& path() const { return m_path; }

    /// Test hook (fault injection): the `n`th statement step from now fails with
    /// SQLITE_IOERR. 0 disables.
    void failAfter(int n) { m_failAfter = n; }
    /// Statements stepped so far on this connection (for fault-injection loops).
    [[nodiscard]] std::int64_t steps() const { return m_steps; }
    /// Called by Statement before every step; throws when the fault counter fires.
    void beforeStep();

    [[noreturn]] void fail(int rc, std::string_view context) const;

private:
    Database(sqlite3* db, std::string path);
    void migrate();

    sqlite3* m_db;
    std::string m_path;
    std::map<std::string, std::unique_ptr<Statement>> m_cache;
    int m_failAfter = 0;
    std::int64_t m_steps = 0;
};

/// A cached statement in use (Database::cached): `->` reaches the statement;
/// on scope exit it is reset.
class CachedStatement {
public:
    explicit CachedStatement(Statement& st) : m_st(&st) {}
    ~CachedStatement()
    {
        if (m_st)
            m_st->reset();
    }
    CachedStatement(CachedStatement&& other) noexcept : m_st(other.m_st) { other.m_st = nullptr; }
    CachedStatement(const CachedStatement&) = delete;
    CachedStatement& operator=(const CachedStatement&) = delete;
    CachedStatement& operator=(CachedStatement&&) = delete;

    Statement* operator->() { return m_st; }
    Statement& operator*() { return *m_st; }

private:
    Statement* m_st;
};

/// RAII transaction: BEGIN IMMEDIATE on construction (a SAVEPOINT when already
/// inside one), rolled back unless committed.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_nested;
    bool m_done = false;
};

/// A read snapshot: several queries see the same state of the database. Inside
/// a transaction already open it is part of that one (and ends with it).
class ReadTransaction {
public:
    explicit ReadTransaction(Database& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    Database& m_db;
    bool m_nested;
};

/// The value of a result that can only fail through storage (inside a
/// transaction or guarded() body): a failure becomes a StoreError, so the
/// enclosing transaction rolls back instead of acting on a missing value.
template <typename T>
T valueOrThrow(Result<T> r)
{
    if (!r)
        throw StoreError(1, r.error().describe());
    return std::move(r).value();
}

/// The user-facing error for a storage failure: what happened and what to do.
/// A busy database, a damaged file and a full disk read differently; the code
/// is "storage" for all (retry and HTTP 503 decide on it), the SQL and
/// SQLite's text are in `detail` for the log.
Error storageError(const StoreError& e);
/// The error for an exception no layer expected (a library's, e.g. JSON of the
/// wrong shape): code "internal", the library's text only in `detail`.
Error unexpectedError(const std::exception& e);

/// Runs `body` in a transaction and turns a StoreError into an Error; `body`
/// returns Result<T>. A failed Result rolls the transaction back too.
template <typename T, typename Body>
Result<T> inTransaction(Database& db, Body&& body)
{
    try {
        Transaction tx(db);
        Result<T> r = body();
        if (r.ok())
            tx.commit();
        return r;
    } catch (const StoreError& e) {
        return storageError(e);
    } catch (const std::exception& e) {
        return unexpectedError(e);
    }
}

/// Runs a read-only `body` and turns a StoreError (or any other exception)
/// into an Error, so nothing thrown below leaves a public core function.
template <typename T, typename Body>
Result<T> guarded(Body&& body)
{
    try {
        return body();
    } catch (const StoreError& e) {
        return storageError(e);
    } catch (const std::exception& e) {
        return unexpectedError(e);
    }
}

}  // namespace samkoll::core
