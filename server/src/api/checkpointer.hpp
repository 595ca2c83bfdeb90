// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "samkoll/store/database.hpp"

namespace samkoll::server {

/// Copies the write-ahead log into the database file on a thread of its own.
/// SQLite's default runs that checkpoint inside whichever commit crosses
/// 1 000 WAL pages, so one client's upload waited for it; here the commit
/// answers at once and the copy overlaps the next request. Should the log
/// still grow far beyond that (the thread cannot keep up), the committing
/// connection checkpoints itself, as SQLite would.
class Checkpointer : public std::enable_shared_from_this<Checkpointer> {
public:
    explicit Checkpointer(std::string databasePath);
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    /// A request connection: its commits report the log's size here. The
    /// returned handle must outlive `db`'s connection (keep it beside it).
    std::shared_ptr<void> attach(core::Database& db);

    /// Pages in the log at which a checkpoint is started in the background,
    /// and at which the committing connection does it itself.
    static constexpr int kBackgroundPages = 1000;
    static constexpr int kInlinePages = 20000;

    /// Checkpoints the background thread has run.
    [[nodiscard]] int completed() const { return m_completed.load(); }
    /// When the last checkpoint finished (Unix milliseconds; 0 = none yet).
    [[nodiscard]] std::int64_t lastCompletedMs() const { return m_lastMs.load(); }

private:
    void run();
    void wake();

    std::string m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_due = false;
    bool m_stop = false;
    std::atomic<int> m_completed{0};
    std::atomic<std::int64_t> m_lastMs{0};
    std::thread m_thread;
};

}  // namespace samkoll::server
