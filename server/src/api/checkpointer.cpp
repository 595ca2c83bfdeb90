// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkpointer.hpp"

#include "samkoll/sync/hlc.hpp"

#include <sqlite3.h>

namespace samkoll::server {

namespace {

/// What a connection's WAL hook knows: the checkpointer, if it still exists.
struct HookContext {
    std::weak_ptr<Checkpointer> owner;
};

}  // namespace

Checkpointer::Checkpointer(std::string databasePath) : m_path(std::move(databasePath)), m_thread([this] { run(); }) {}

Checkpointer::~Checkpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void Checkpointer::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_due = true;
    }
    m_wake.notify_one();
}

std::shared_ptr<void> Checkpointer::attach(core::Database& db)
{
    auto context = std::make_shared<HookContext>(HookContext{weak_from_this()});
    // Replaces SQLite's own hook, i.e. the automatic checkpoint in the commit.
    sqlite3_wal_hook(
        db.handle(),
        [](void* arg, sqlite3* handle, const char* name, int pages) -> int {
            auto* ctx = static_cast<HookContext*>(arg);
            if (pages >= kInlinePages) {
                if (sqlite3_wal_checkpoint_v2(handle, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) == SQLITE_OK)
                    if (auto owner = ctx->owner.lock())
                        owner->m_lastMs = core::systemMillis();
            }
            else if (pages >= kBackgroundPages)
                if (auto owner = ctx->owner.lock())
                    owner->wake();
            return SQLITE_OK;
        },
        context.get());
    return context;
}

void Checkpointer::run()
{
    std::unique_ptr<core::Database> db;
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_due || m_stop; });
        if (m_stop)
            return;
        m_due = false;
        lock.unlock();
        if (!db) {
            auto opened = core::Database::openExisting(m_path);
            if (opened)
                db = std::move(*opened);
        }
        // Passive: never waits for readers or the writer; what it cannot copy
        // now is copied next time.
        if (db && sqlite3_wal_checkpoint_v2(db->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) == SQLITE_OK) {
            ++m_completed;
            m_lastMs = core::systemMillis();
        }
        lock.lock();
    }
}

}  // namespace samkoll::server
