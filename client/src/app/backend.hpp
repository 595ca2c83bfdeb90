// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <utility>

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include "sync_engine.hpp"

namespace samkoll::client {

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
    /// GUI thread if `receiver` still exists.
    template <typename Work, typename Done>
    void run(QObject* receiver, Work work, Done done)
    {
        QPointer<QObject> target(receiver);
        post([this, target, work = std::move(work), done = std::move(done)](SyncEngine& engine) mutable {
            auto result = work(engine);
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
    /// A job failed with an unexpected error (a read that threw); nothing was saved by it.
    void jobFailed(const QString& error);

private:
    template <typename Job>
    void post(Job job)
    {
        QMetaObject::invokeMethod(
            m_worker,
            [this, job = std::move(job)]() mutable {
                if (!m_engine)
                    return;
                try {
                    job(*m_engine);
                } catch (const std::exception& e) {
                    QMetaObject::invokeMethod(m_gui, [this, what = QString::fromStdString(e.what())] { emit jobFailed(what); },
                                              Qt::QueuedConnection);
                }
            },
            Qt::QueuedConnection);
    }

    QThread m_thread;
    QObject* m_worker = nullptr;   ///< lives in m_thread
    QObject* m_gui = nullptr;      ///< lives in the GUI thread, as long as this
    std::unique_ptr<SyncEngine> m_engine;
    bool m_open = false;
};

}  // namespace samkoll::client
