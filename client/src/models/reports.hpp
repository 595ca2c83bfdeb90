// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "server_task.hpp"

#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include "samkoll/domain/entities.hpp"

namespace samkoll::client {

class Backend;

/// "Skapa rapport": the kansli and the board ask the server for a report
/// (/api/v1/report — the same description `samkolld report` writes, the
/// board's copy with aggregates only) and save it here as PDF, HTML or CSV.
/// The server makes it because only it has every team's data; offline the
/// page says so.
class Reports : public samkoll::client::ServerTask {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Rapporterna ägs av AppController")
    /// Years with a social budget, newest first.
    Q_PROPERTY(QVariantList years READ years NOTIFY changed)
    /// The teams: [{code, name}].
    Q_PROPERTY(QVariantList teams READ teams NOTIFY changed)

public:
    explicit Reports(Backend& backend, QObject* parent = nullptr);

    void setFederation(core::Id federationId);
    Q_INVOKABLE void reload();

    /// Makes `kind` ("bokslut", "delar", "drift", "statistik", "ranking") for
    /// `year` and `tertial` (0: the whole year) and `team` ("" the förbund,
    /// "alla" every unit, or a team's code) and saves it at `file` as
    /// `format` ("pdf", "html", "csv": one file per table beside it).
    Q_INVOKABLE void make(const QString& kind, int year, int tertial, const QString& team, const QString& format,
                          const QUrl& file);
    /// Where to save, to start from: the Documents folder and a name such as
    /// "socialt-bokslut-2021-vannas.pdf".
    Q_INVOKABLE QUrl suggestedFile(const QString& kind, int year, int tertial, const QString& team,
                                      const QString& format) const;

    QVariantList years() const { return m_years; }
    QVariantList teams() const { return m_teams; }
private:
    Backend& m_backend;
    core::Id m_federationId = 0;
    QVariantList m_years, m_teams;
};

}  // namespace samkoll::client
