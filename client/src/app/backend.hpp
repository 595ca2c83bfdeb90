// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <type_traits>
#include <utility>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include "sync_engine.hpp"

namespace samkoll::client {

namespace detail {
template <typename T>
struct IsResult : std::false_type {};
template <typename T>
struct IsResult<core::Result<T>> : std::true_type {};
}  // namespace detail

/// What a background job's completion receives: the work's own Result (or
/// Status), or its plain value wrapped in a Result.
template <typename R>
using JobResult = std::conditional_t<detail::IsResult<R>::value, R, core::Result<R>>;

/// The one thread that touches the local database and the network. Jobs run
/// in the order they were posted; their results are delivered back on the GUI
/// thread, to a receiver that may have been destroyed in the meantime (then
/// the result is dropped). QML and the models never run SQL themselves.
class Backend : public QObject {
    Q_OBJECT
public:
    /// Opens (or creates) the local database on the worker thread.
    explicit Backend(const QString& databasePath, QObject* parent = nullptr);
    ~Backend() override;

    /// Runs `work(SyncEngine&)` on the worker thread, then `done(result)` on the
    /// GUI thread if `receiver` still exists. `done` always hears how the job
    /// went: it takes `JobResult<R>` — the work's own `Result<T>`/`Status`, or
    /// `Result<R>` for work returning a plain value — which is an error when
    /// the work threw or the database is not open. Nothing a job does can
    /// leave a caller waiting (a "syncing" flag stuck on).
    template <typename Work, typename Done>
    void run(QObject* receiver, Work work, Done done)
    {
        using Completed = JobResult<std::invoke_result_t<Work&, SyncEngine&>>;
        QPointer<QObject> target(receiver);
        post([this, target, work = std::move(work), done = std::move(done)](SyncEngine* engine) mutable {
            Completed result = engine ? attempt<Completed>(work, *engine) : Completed(notOpenError());
            QMetaObject::invokeMethod(
                m_gui,
                [target, result = std::move(result), done = std::move(done)]() mutable {
                    if (target)
                        done(std::move(result));
                },
                Qt::QueuedConnection);
        });
    }

    /// Blocks until every job posted so far has run (shutdown and tests).
    void drain();
    [[nodiscard]] bool isOpen() const { return m_open; }

signals:
    /// The database opened (or not: `error` says why, e.g. a corrupt file).
    void opened(bool ok, const QString& error);
    /// A job failed with an unexpected error (it threw); nothing was saved by
    /// it, and its completion was told. `error` is for the user, in Swedish.
    void jobFailed(const QString& error);

private:
    /// Runs `work`; an exception becomes an error result (and is reported
    /// through jobFailed), so it never escapes into the event loop.
    template <typename Completed, typename Work>
    Completed attempt(Work& work, SyncEngine& engine)
    {
        try {
            return Completed(work(engine));
        } catch (const std::exception& e) {
            return Completed(thrownError(e.what()));
        } catch (...) {
            return Completed(thrownError("unknown exception"));
        }
    }
    /// The error a job that threw reports (the library's text goes to the log only).
    core::Error thrownError(const char* what);
    [[nodiscard]] static core::Error notOpenError();

    template <typename Job>
    void post(Job job)
    {
        QMetaObject::invokeMethod(
            m_worker, [this, job = std::move(job)]() mutable { job(m_engine.get()); }, Qt::QueuedConnection);
    }

    QThread m_thread;
    QObject* m_worker = nullptr;   ///< lives in m_thread
    QObject* m_gui = nullptr;      ///< lives in the GUI thread, as long as this
    std::unique_ptr<SyncEngine> m_engine;
    bool m_open = false;
};

}  // namespace samkoll::client
