// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "samkoll/domain/entities.hpp"

namespace samkoll::client {

class Backend;

/// Goda exempel: the team's success stories, newest first; write, categorise
/// and edit them. The core refuses a personnummer in a title or text.
class Stories : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Goda exempel ägs av AppController")
    Q_PROPERTY(QVariantList items READ items NOTIFY itemsChanged)

public:
    explicit Stories(Backend& backend, QObject* parent = nullptr);
    void setTeam(core::Id teamId);
    Q_INVOKABLE void reload();
    QVariantList items() const { return m_items; }

    /// A new story: today, first category.
    Q_INVOKABLE QVariantMap blank() const;
    /// Saves {uid (empty = new), category, date, title, text}; answers saved or rejected.
    Q_INVOKABLE void save(const QVariantMap& story);

signals:
    void itemsChanged();
    void saved(const QString& uid);
    void rejected(const QString& field, const QString& message);
    void changed();

private:
    Backend& m_backend;
    core::Id m_team = 0;
    QVariantList m_items;
};

}  // namespace samkoll::client
