// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QAbstractListModel>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <nlohmann/json.hpp>

#include "samkoll/domain/entities.hpp"
#include "samkoll/domain/result.hpp"

namespace samkoll::client {

class Backend;

/// Social budget (the kansli's): the year's areas, goals and indicators with
/// their ideal shares, weights, targets and scopes, one row each (areas,
/// goals and indicators in the budget's order). The budget on this computer
/// came from the server; any change makes a draft — next year started from
/// this year's, a budget file or one of the templates (2021, the national NNS
/// core indicators) opened, an ideal share, a weight or a target changed —
/// which is checked whole by the import's own validation after every change
/// (`problem` names the field) and saved on the server when it holds. The
/// server checks it again, refuses a fastställt year, and every computer gets
/// it with its next sync.
class SocialBudgetEditor : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Den sociala budgeten ägs av AppController")
    Q_PROPERTY(int year READ year WRITE setYear NOTIFY loaded)
    /// The years with a budget on this computer (and a draft's), newest first.
    Q_PROPERTY(QVariantList years READ years NOTIFY loaded)
    Q_PROPERTY(int count READ rowCount NOTIFY loaded)
    /// A draft is shown (not yet saved on the server).
    Q_PROPERTY(bool draft READ draft NOTIFY loaded)
    /// Where the shown budget comes from ("Saved on the server", "Draft: 2027 started from 2026" …).
    Q_PROPERTY(QString source READ source NOTIFY loaded)
    /// Why the draft does not hold yet (the import's check, naming the field), or "".
    Q_PROPERTY(QString problem READ problem NOTIFY loaded)
    /// The indicator or area the problem is about ("2.4.1", "area 2"), or "".
    Q_PROPERTY(QString problemAt READ problemAt NOTIFY loaded)
    /// Saving it replaces the budget the year already has.
    Q_PROPERTY(bool replaces READ replaces NOTIFY loaded)
    /// The ideal shares added up, e.g. "40 + 30 + 30 = 100".
    Q_PROPERTY(QString shares READ shares NOTIFY loaded)
    Q_PROPERTY(bool busy READ busy NOTIFY loaded)
    /// What was done ("Saved …"), or "".
    Q_PROPERTY(QString message READ message NOTIFY loaded)
    /// Why an action failed (a file that is no budget, the server's refusal), or "".
    Q_PROPERTY(QString error READ error NOTIFY loaded)

public:
    enum Role {
        LevelRole = Qt::UserRole + 1,  ///< "level": "area", "goal" or "indicator"
        CodeRole,         ///< "1", "1.2", "1.2.4"
        WordingRole,      ///< the area's name, the goal's or the indicator's text
        KindRole,         ///< the indicator's kind, in words
        ScopeRole,        ///< where it applies, in words
        WeightRole,       ///< the indicator's weight as text
        TargetTypeRole,   ///< "at_least", "at_most", "between", "decrease", "none"
        TargetValueRole,  ///< "80", "12,5", "40–60"
        IdealShareRole,   ///< an area's ideal share as text
        AreaRole,         ///< the area's number (every row)
    };
    Q_ENUM(Role)

    explicit SocialBudgetEditor(Backend& backend, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setDevice(core::Id federationId);
    /// The year's saved budget again (a draft is let go).
    Q_INVOKABLE void reload();
    /// After a sync: the saved budget again, unless a draft is being made (nothing typed is lost).
    void refresh();
    int year() const { return m_year; }
    void setYear(int year);
    QVariantList years() const;
    bool draft() const { return m_draft; }
    QString source() const { return m_source; }
    QString problem() const { return m_problem; }
    QString problemAt() const { return m_problemAt; }
    bool replaces() const;
    QString shares() const { return m_shares; }
    bool busy() const { return m_busy; }
    QString message() const { return m_message; }
    QString error() const { return m_error; }

    /// A draft of next year (the shown year + 1) from the shown budget.
    Q_INVOKABLE void startNextYear();
    /// A draft from a budget file (docs/formats.md).
    Q_INVOKABLE void openFile(const QUrl& file);
    /// A draft of `year` from a shipped template: "2021" or "nns".
    Q_INVOKABLE void startFromTemplate(const QString& which, int year);
    /// Changes of the draft (a saved budget becomes a draft of its year).
    /// Answers `rejected(field, message)` when the text is no number.
    Q_INVOKABLE void setIdealShare(int row, const QString& text);
    Q_INVOKABLE void setWeight(int row, const QString& text);
    Q_INVOKABLE void setTarget(int row, const QString& type, const QString& value);
    /// Saves the draft on the server (replacing the year's budget when it has one).
    Q_INVOKABLE void save();

    struct Row {
        QString level, code, wording, kind, scope, weight, targetType, targetValue, idealShare;
        int area = 0;
    };

signals:
    void loaded();
    void rejected(const QString& field, const QString& message);
    /// The server has the budget: the configuration is fetched again.
    void saved();

private:
    /// Shows `draft` as a draft with `source`, and checks it.
    void showDraft(nlohmann::json draft, const QString& source);
    void rebuild();
    /// A change of the row (an "area" or an "indicator") made on a copy of the
    /// budget: shown as the draft, or named (`rejected`) with nothing changed.
    void change(int row, const char* level, const std::function<core::Status(nlohmann::json&, const Row&)>& edit);
    void check();
    void done();

    Backend& m_backend;
    core::Id m_federationId = 0;
    int m_year = 0;
    std::vector<int> m_savedYears;
    nlohmann::json m_budget;  ///< the shown budget in its file form
    std::vector<Row> m_rows;
    bool m_draft = false, m_busy = false;
    QString m_source, m_problem, m_problemAt, m_shares, m_message, m_error;
    int m_checks = 0;  ///< the last check asked for; an older answer is dropped
};

}  // namespace samkoll::client
