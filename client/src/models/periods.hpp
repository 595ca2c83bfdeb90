// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server_task.hpp"

#include <QVariantList>

#include <nlohmann/json_fwd.hpp>
#include <QtQml/qqmlregistration.h>

namespace samkoll::client {

class Backend;

/// Period: the förbund's years, open or fastställt, and what the board
/// approved (the index as it was locked). The kansli fastställer a year after
/// the board's decision and can reopen it; the board sees what was approved.
/// On the server (/api/v1/periods), so it needs the network: a lock must hold
/// for every device at once.
class Periods : public samkoll::client::ServerTask {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Perioderna ägs av AppController")
    /// [{year, locked, lockedAt, lockedBy, index, colour, teams: [{code, name, index, colour}]}], newest first.
    Q_PROPERTY(QVariantList years READ years NOTIFY changed)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)

public:
    explicit Periods(Backend& backend, QObject* parent = nullptr);

    Q_INVOKABLE void reload();
    /// Fastställ `year` by the decision `by` ("Styrelsen 2022-03-14 § 12").
    Q_INVOKABLE void lock(int year, const QString& by);
    Q_INVOKABLE void unlock(int year);

    QVariantList years() const { return m_years; }
    /// Shows the server's answer (GET/POST /api/v1/periods) — every answer
    /// goes through here; the view tests give one without a server.
    void show(const nlohmann::json& answer);
    bool loaded() const { return m_loaded; }

private:
    void request(const QString& change, int year, const QString& by);

    Backend& m_backend;
    QVariantList m_years;
    bool m_loaded = false;
};

}  // namespace samkoll::client
