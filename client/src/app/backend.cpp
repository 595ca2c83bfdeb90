// SPDX-License-Identifier: GPL-3.0-or-later
#include "backend.hpp"

#include <QSemaphore>

namespace samkoll::client {

Backend::Backend(const QString& databasePath, QObject* parent) : QObject(parent), m_gui(new QObject(this))
{
    m_thread.setObjectName(QStringLiteral("samkoll-db"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker,
        [this, path = databasePath.toStdString()] {
            QString error;
            try {
                m_engine = std::make_unique<SyncEngine>(path);
            } catch (const std::exception& e) {
                error = QString::fromStdString(e.what());
            }
            const bool ok = m_engine != nullptr;
            QMetaObject::invokeMethod(
                m_gui,
                [this, ok, error] {
                    m_open = ok;
                    emit opened(ok, error);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

Backend::~Backend()
{
    // The engine is closed on its own thread, after every queued job.
    QMetaObject::invokeMethod(m_worker, [this] { m_engine.reset(); }, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

core::Error Backend::thrownError(const char* what)
{
    // Called on the worker thread; the signal is delivered on the GUI thread.
    qWarning("samkoll: a background job failed: %s", what);
    auto error = core::makeError("internal", "",
                                 "ett oväntat fel avbröt åtgärden. Inget av den sparades – försök igen; "
                                 "händer det igen, starta om Samkoll och kontakta kansliet");
    error.detail = what;
    QMetaObject::invokeMethod(m_gui, [this, message = QString::fromStdString(error.message)] { emit jobFailed(message); },
                              Qt::QueuedConnection);
    return error;
}

core::Error Backend::notOpenError()
{
    return core::makeError("not_open", "", "den lokala databasen är inte öppen – starta om Samkoll");
}

void Backend::drain()
{
    QSemaphore done;
    QMetaObject::invokeMethod(m_worker, [&done] { done.release(); }, Qt::QueuedConnection);
    done.acquire();
}

}  // namespace samkoll::client
