// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include "samkoll/domain/entities.hpp"
#include "samkoll/domain/language.hpp"

namespace samkoll::client {

class Backend;

/// Budget och utfall: the förbund's driftredovisning for a year or a tertial
/// to date, with equity against the recommended maximum — computed on this
/// computer by the finance core from the finance data sync brought (so it
/// works offline), as the rows every presentation shows (the core's
/// operatingReportRows: each cell already Swedish tkr text). The board's copy
/// is aggregates only, like the server's answer to a board device.
class FinanceView : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Ekonomivyn ägs av AppController")
    Q_PROPERTY(int year READ year WRITE setYear NOTIFY changed)
    Q_PROPERTY(QVariantList years READ years NOTIFY changed)
    /// 0 = the whole year, 1–2 = tertial 1 or 2 to date.
    Q_PROPERTY(int tertial READ tertial WRITE setTertial NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    /// {kind: "unit"|"group"|"line"|"groupSum"|"unitResult"|"total", label, cells: [8 texts]}
    Q_PROPERTY(QVariantList rows READ rows NOTIFY changed)
    /// {label, value}
    Q_PROPERTY(QVariantList equity READ equity NOTIFY changed)
    Q_PROPERTY(QString verdict READ verdict NOTIFY changed)
    Q_PROPERTY(QStringList notes READ notes NOTIFY changed)
    /// The year's tertials, each on its own, for the chart and its table:
    /// {tertial, budgetCosts, outcomeCosts (kronor; costs positive here, undefined
    /// before any utfall), cells: [the driftredovisning's tkr texts]}.
    Q_PROPERTY(QVariantList tertials READ tertials NOTIFY changed)
    /// Cost per participant and outcome: {cells: [insats, team, utfall, deltagare,
    /// avslut, positiva avslut, per deltagare, per avslut, per positivt avslut]}.
    Q_PROPERTY(QVariantList costs READ costs NOTIFY changed)
    /// Each member's contribution for the year: {cells: [member, kronor]}, as the driftredovisning has them.
    Q_PROPERTY(QVariantList members READ members NOTIFY changed)
    /// "Tilldelning 10 000 000 kr. …the key…", or "" when the year has no member contribution lines.
    Q_PROPERTY(QString allocation READ allocation NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)

public:
    explicit FinanceView(Backend& backend, QObject* parent = nullptr);

    void setDevice(core::Id federationId, bool aggregatesOnly);
    /// The language of the core's words (targets, results, notes, row labels); recomputes.
    void setLanguage(core::Language language);
    Q_INVOKABLE void reload();

    int year() const { return m_year; }
    void setYear(int year);
    QVariantList years() const { return m_years; }
    int tertial() const { return m_tertial; }
    void setTertial(int tertial);
    QString title() const { return m_title; }
    QVariantList rows() const { return m_rows; }
    QVariantList equity() const { return m_equity; }
    QString verdict() const { return m_verdict; }
    QStringList notes() const { return m_notes; }
    QVariantList tertials() const { return m_tertials; }
    QVariantList costs() const { return m_costs; }
    QVariantList members() const { return m_members; }
    QString allocation() const { return m_allocation; }
    QString error() const { return m_error; }

signals:
    void changed();

private:
    Backend& m_backend;
    core::Id m_federationId = 0;
    core::Language m_language = core::Language::Swedish;
    bool m_aggregatesOnly = true;
    int m_year = 0;  ///< 0: the newest year with figures
    int m_tertial = 0;
    QVariantList m_years, m_rows, m_equity, m_tertials, m_costs, m_members;
    QString m_allocation;
    QString m_title, m_verdict, m_error;
    QStringList m_notes;
};

}  // namespace samkoll::client
