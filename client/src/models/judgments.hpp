// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include "samkoll/domain/entities.hpp"
#include "samkoll/domain/result.hpp"

namespace samkoll::client {

class Backend;

/// Bedömningar (the kansli's): every manual indicator of the year's social
/// budget × every unit it applies to (the förbund, each team): achieved or
/// not with the motivation, who and when — or not judged yet, which leaves the
/// unit not assessable on it. A judgment is made here at once (offline too)
/// and travels through the outbox; one refused because another kansli device
/// changed it first is shown with the other judgment, to keep or let go.
class Judgments : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Bedömningarna ägs av AppController")
    Q_PROPERTY(int year READ year WRITE setYear NOTIFY yearChanged)
    Q_PROPERTY(QVariantList years READ years NOTIFY yearChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY loaded)
    /// Units × indicators still without a judgment.
    Q_PROPERTY(int missing READ missing NOTIFY loaded)
    Q_PROPERTY(int conflicts READ conflicts NOTIFY loaded)
    Q_PROPERTY(QString error READ error NOTIFY loaded)

public:
    enum Role {
        IndicatorRole = Qt::UserRole + 1,  ///< "indicatorCode"
        TextRole,        ///< "wording": the indicator's text
        UnitRole,        ///< a team's code; "" for the förbund
        UnitNameRole,
        StateRole,       ///< "judged": "achieved", "not_achieved" or "none"
        MotivationRole,
        ByRole,          ///< login of whoever made it
        AtRole,          ///< when, as the user reads it
        PendingRole,     ///< made here, not yet on the server
        ConflictRole,    ///< why the server refused it (another judgment came first), or ""
    };
    Q_ENUM(Role)

    explicit Judgments(Backend& backend, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setDevice(core::Id federationId);
    Q_INVOKABLE void reload();
    int year() const { return m_year; }
    void setYear(int year);
    QVariantList years() const { return m_years; }
    int missing() const { return m_missing; }
    int conflicts() const { return m_conflicts; }
    QString error() const { return m_error; }

    /// Judges row `row`: achieved or not, with the motivation; answers with saved or rejected.
    Q_INVOKABLE void judge(int row, bool achieved, const QString& motivation);
    /// Takes the judgment of `row` away (not assessable again).
    Q_INVOKABLE void clear(int row);
    /// Settles a refused judgment: keep this computer's, or take the other.
    Q_INVOKABLE void settle(int row, bool keepMine);

    struct Row {
        QString indicator, text, unit, unitName, state, motivation, by, at, conflict;
        bool pending = false;
        qint64 seq = 0;  ///< the outbox entry of a pending or refused judgment
    };

signals:
    void yearChanged();
    void loaded();
    void saved(int row);
    void rejected(const QString& field, const QString& message);
    /// A local edit was made (the app syncs soon).
    void changed();

private:
    void edit(int row, std::optional<bool> achieved, const QString& motivation);
    /// The answer to an edit or a settlement: saved (and reloaded) or why not.
    void done(int row, const core::Status& status);

    Backend& m_backend;
    core::Id m_federationId = 0;
    int m_year = 0;  ///< 0: the newest year with a social budget up to this one
    QVariantList m_years;
    std::vector<Row> m_rows;
    int m_missing = 0, m_conflicts = 0;
    QString m_error;
};

}  // namespace samkoll::client
