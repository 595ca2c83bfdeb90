// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include "samkoll/domain/result.hpp"

namespace samkoll::client {

/// What the kansli and the board ask the server for and wait on (a report, a
/// lock of a year): whether it is under way, what came of it and, if it
/// failed, why and for which field — the same four properties on every such
/// page, so QML shows them alike. Derive with the qualified name
/// (`class Users : public samkoll::client::ServerTask`): Qt 6.4's type
/// registrar drops an unqualified base, and QML tools then miss these four.
class ServerTask : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("En serveruppgift ägs av AppController")
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    /// What was done ("Sparade …", "2021 är fastställt …"), or empty.
    Q_PROPERTY(QString message READ message NOTIFY changed)
    /// Why not, naming what to change.
    Q_PROPERTY(QString error READ error NOTIFY changed)
    /// The field the error is about ("year", "team", "by", "file" …), or empty.
    Q_PROPERTY(QString errorField READ errorField NOTIFY changed)

public:
    using QObject::QObject;

    bool busy() const { return m_busy; }
    QString message() const { return m_message; }
    QString error() const { return m_error; }
    QString errorField() const { return m_errorField; }

signals:
    void changed();

protected:
    /// Starts a request: busy, the last outcome cleared. False when one is under way.
    bool begin();
    void succeed(const QString& message);
    void fail(const QString& field, const QString& error);
    /// The core's or the server's error, as a sentence.
    void fail(const core::Error& error);

private:
    bool m_busy = false;
    QString m_message, m_error, m_errorField;
};

}  // namespace samkoll::client
