// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "samkoll/domain/entities.hpp"

namespace samkoll::client {

class Backend;

/// Sammansättning: women and men among the team's staff and steering group
/// for a year (the gender-balance indicators read it).
class CompositionForm : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Sammansättningen ägs av AppController")
    Q_PROPERTY(int year READ year WRITE setYear NOTIFY yearChanged)
    /// {"staff": {women, men, known}, "steering_group": {…}}
    Q_PROPERTY(QVariantMap values READ values NOTIFY valuesChanged)
    /// The bodies this device enters: a team's staff and steering group, or
    /// (the kansli, no team) the förbund's board.
    Q_PROPERTY(QStringList bodies READ bodies NOTIFY valuesChanged)
    /// The förbund's own (a kansli computer: the board), not a team's.
    Q_PROPERTY(bool forFederation READ forFederation NOTIFY valuesChanged)

public:
    explicit CompositionForm(Backend& backend, QObject* parent = nullptr);
    void setTeam(core::Id federationId, core::Id teamId);
    Q_INVOKABLE void reload();
    int year() const { return m_year; }
    void setYear(int year);
    QVariantMap values() const { return m_values; }
    QStringList bodies() const;
    bool forFederation() const { return m_team == 0; }

    /// Saves one body ("staff", "steering_group" or "board") with the numbers as typed.
    Q_INVOKABLE void save(const QString& body, const QString& women, const QString& men);

signals:
    void yearChanged();
    void valuesChanged();
    void saved(const QString& body);
    void rejected(const QString& field, const QString& message);
    void changed();

private:
    Backend& m_backend;
    core::Id m_federation = 0;
    core::Id m_team = 0;
    int m_year;
    QVariantMap m_values;
};

}  // namespace samkoll::client
