// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include "samkoll/domain/entities.hpp"
#include "samkoll/domain/result.hpp"
#include "samkoll/sync/protocol.hpp"

namespace samkoll::client {

class Backend;

/// Ekonomi (the kansli's entry): the year's budget lines, one row each, with
/// the year's budget, the utfall of every month (line × month), the year's
/// sum and the prognos — as the finance core reads them (a month's utfall is
/// the kansli's own entry, else the SIE import's, else the CSV import's) —
/// and the opening equity. A cell typed here is the kansli's own utfall for
/// the month (empty: back to the import), made at once, offline too, and sent
/// through the outbox like every finance edit.
class FinanceEntry : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Ekonomiinmatningen ägs av AppController")
    Q_PROPERTY(int year READ year WRITE setYear NOTIFY yearChanged)
    Q_PROPERTY(QVariantList years READ years NOTIFY yearChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY loaded)
    /// The opening equity in kronor as text ("" when none is entered).
    Q_PROPERTY(QString openingEquity READ openingEquity NOTIFY loaded)
    Q_PROPERTY(QString error READ error NOTIFY loaded)
    /// The kansli's figures of the year another computer changed first: the
    /// server refused them as conflicts. [{seq, what, message}], to settle().
    Q_PROPERTY(QVariantList conflicts READ conflicts NOTIFY loaded)

public:
    enum Role {
        CodeRole = Qt::UserRole + 1,
        NameRole,
        GroupRole,     ///< the group's name ("Intäkter", …)
        UnitRole,      ///< the budget unit's code
        BudgetRole,    ///< the year's budget, kronor as text
        MonthsRole,    ///< twelve texts: the month's utfall in kronor, "" for none
        TotalRole,     ///< the year's utfall so far
        ForecastRole,  ///< the entered prognos, "" when computed
        ConflictCellsRole,  ///< the line's cells in conflict: 0 budget, 1–12 the months, 13 prognos
    };
    Q_ENUM(Role)

    explicit FinanceEntry(Backend& backend, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setDevice(core::Id federationId);
    Q_INVOKABLE void reload();
    int year() const { return m_year; }
    void setYear(int year);
    QVariantList years() const { return m_years; }
    QString openingEquity() const { return m_openingEquity; }
    QString error() const { return m_error; }
    QVariantList conflicts() const { return m_conflicts; }
    /// Keep this computer's figure (sent again over the other) or take the other's.
    Q_INVOKABLE void settle(qlonglong seq, bool keepMine);

    /// The kansli's utfall of row's line for month 1–12, as typed ("−12 500",
    /// "1 234,50"; empty clears it). Answers with saved or rejected (field "amount").
    Q_INVOKABLE void setOutcome(int row, int month, const QString& text);
    /// The line's budget for the year (a year amount).
    Q_INVOKABLE void setBudget(int row, const QString& text);
    /// The line's prognos for the year (empty: computed again).
    Q_INVOKABLE void setForecast(int row, const QString& text);
    Q_INVOKABLE void setOpeningEquity(const QString& text);
    /// A new budget line (or a line's name, group, unit and team changed):
    /// `group` income, administration, operations, interventions or
    /// financial; `unit` a budget unit's code (made when new); `team` a
    /// team's code for an insats, or empty. Through the outbox like every
    /// finance edit; the code and the name are required and named when missing.
    Q_INVOKABLE void saveLine(const QString& code, const QString& name, const QString& group, const QString& unit,
                              const QString& team);
    /// The line's budget for the year as a new version (a revised budget; the earlier stays).
    Q_INVOKABLE void reviseBudget(int row, const QString& text);

    struct Row {
        QString code, name, group, unit, budget, total, forecast;
        QStringList months;
        QVariantList conflictCells;
    };

signals:
    void yearChanged();
    void loaded();
    void saved();
    void rejected(const QString& field, const QString& message);
    void changed();

private:
    void edit(int kind, const std::string& line, int month, std::optional<std::int64_t> amount);
    /// The year's budget of a row's line: set, or a new version when `revise`.
    void budget(int row, const QString& text, bool revise);
    /// Makes a finance edit here and queues it; answers saved or rejected.
    void send(int kind, const core::FinanceEdit& e);

    Backend& m_backend;
    core::Id m_federationId = 0;
    int m_year = 0;
    QVariantList m_years;
    std::vector<Row> m_rows;
    QString m_openingEquity, m_error;
    QVariantList m_conflicts;
};

}  // namespace samkoll::client
