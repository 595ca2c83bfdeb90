// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "samkoll/domain/entities.hpp"
#include "samkoll/domain/language.hpp"

namespace samkoll::client {

class Backend;

/// Översikt: the team's own Impactindex for a year and each tertial, computed
/// locally by the core (so it works offline), and beside it the förbund-wide
/// index as of the last sync. Both are the core's JSON report (the same the
/// server serves), as QML maps: total, areas, indicators with target, result,
/// signal, counts and the fairness markers.
class Overview : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Översikten ägs av AppController")
    Q_PROPERTY(int year READ year WRITE setYear NOTIFY yearChanged)
    Q_PROPERTY(QVariantList years READ years NOTIFY yearChanged)
    Q_PROPERTY(QVariantList periods READ periods NOTIFY computed)
    Q_PROPERTY(QVariantMap federation READ federation NOTIFY computed)
    Q_PROPERTY(QString federationTime READ federationTime NOTIFY computed)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY computed)

public:
    explicit Overview(Backend& backend, QObject* parent = nullptr);

    void setDevice(core::Id federationId, const QString& teamCode);
    /// The language of the core's words (targets, results, notes, row labels); recomputes.
    void setLanguage(core::Language language);
    /// Recomputes (after a local change or a sync).
    Q_INVOKABLE void reload();

    int year() const { return m_year; }
    void setYear(int year);
    QVariantList years() const;
    /// Whole year first, then tertial 1–3: the team's unit index of each (empty map when no budget).
    QVariantList periods() const { return m_periods; }
    QVariantMap federation() const { return m_federation; }
    QString federationTime() const { return m_federationTime; }
    bool busy() const { return m_busy; }
    QString error() const { return m_error; }

signals:
    void yearChanged();
    void computed();
    void busyChanged();

private:
    Backend& m_backend;
    core::Id m_federationId = 0;
    core::Language m_language = core::Language::Swedish;
    QString m_teamCode;
    int m_year;
    bool m_yearChosen = false;  ///< the user has picked a year: no default replaces it
    QVariantList m_periods;
    QVariantMap m_federation;
    QString m_federationTime;
    QString m_error;
    bool m_busy = false;
    bool m_again = false;
};

}  // namespace samkoll::client
