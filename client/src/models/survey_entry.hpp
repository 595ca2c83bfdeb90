// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include "samkoll/domain/entities.hpp"
#include "samkoll/sync/replica.hpp"

namespace samkoll::client {

class Backend;

/// Enkäter: pick a questionnaire, respondent group and period; enter tallies
/// as a grid or one answer sheet at a time; see totals, the response rate and
/// each entry batch; correct a batch by a counter-entry. Reads and writes run
/// on the database thread.
class SurveyEntry : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Enkätinmatningen ägs av AppController")
    Q_PROPERTY(QVariantList questionnaires READ questionnaires NOTIFY definitionsChanged)
    Q_PROPERTY(QVariantList groups READ groups NOTIFY definitionsChanged)
    Q_PROPERTY(QVariantList periods READ periods CONSTANT)
    Q_PROPERTY(QString questionnaire READ questionnaire WRITE setQuestionnaire NOTIFY selectionChanged)
    Q_PROPERTY(QString group READ group WRITE setGroup NOTIFY selectionChanged)
    Q_PROPERTY(QString period READ period WRITE setPeriod NOTIFY selectionChanged)
    Q_PROPERTY(QVariantList questions READ questions NOTIFY selectionChanged)
    Q_PROPERTY(QVariantMap totals READ totals NOTIFY roundChanged)
    Q_PROPERTY(QVariantList batches READ batches NOTIFY roundChanged)
    Q_PROPERTY(int invited READ invited NOTIFY roundChanged)
    Q_PROPERTY(int respondents READ respondents NOTIFY roundChanged)
    Q_PROPERTY(QString responseRateText READ responseRateText NOTIFY roundChanged)

public:
    explicit SurveyEntry(Backend& backend, QObject* parent = nullptr);

    /// The device's team and login (entered_by), set once the device knows them.
    /// `teamName` fills the "[plattform]" of a question's text ("Har personalen på [plattform] …").
    void setDevice(core::Id federationId, core::Id teamId, const QString& teamCode, const QString& login,
                   const QString& teamName = {});
    /// Re-reads definitions and the round (after a sync).
    Q_INVOKABLE void reload();

    QVariantList questionnaires() const { return m_questionnaires; }
    QVariantList groups() const;
    QVariantList periods() const;
    QString questionnaire() const { return m_questionnaire; }
    void setQuestionnaire(const QString& code);
    QString group() const { return m_group; }
    void setGroup(const QString& code);
    QString period() const { return m_period; }
    void setPeriod(const QString& period);
    QVariantList questions() const;
    QVariantMap totals() const { return m_totals; }
    QVariantList batches() const { return m_batches; }
    int invited() const { return m_invited; }
    int respondents() const { return m_respondents; }
    QString responseRateText() const;

    /// Current total of one cell.
    Q_INVOKABLE int total(const QString& question, int option, const QString& gender) const;
    /// Saves the grid: [{question, option, gender, count}], counts as typed. Empty cells are skipped.
    Q_INVOKABLE void saveGrid(const QVariantList& cells);
    /// Saves one answer sheet: {question code: option (1-based)} for the answered questions.
    Q_INVOKABLE void saveSheet(const QVariantMap& answers, const QString& gender);
    /// A counter-entry of a whole batch.
    Q_INVOKABLE void correct(const QString& batch);
    Q_INVOKABLE void setInvited(const QString& invited);

signals:
    void definitionsChanged();
    void selectionChanged();
    void roundChanged();
    /// `rows` cells saved with `answers` answers in all (a counter-entry: 0, 0;
    /// a correction of cells: `correction`, answers net).
    void saved(int rows, int answers, bool correction);
    void rejected(const QString& field, const QString& message);
    /// A local write happened (the controller schedules a sync).
    void changed();

private:
    QString questionText(const std::string& text) const;
    void loadRound();
    void save(std::vector<core::TallyEntry> entries, bool correction = false);
    core::RoundKey roundKey() const;

    Backend& m_backend;
    core::Id m_federation = 0;
    core::Id m_team = 0;
    QString m_teamCode;
    QString m_teamName;
    QString m_login;
    QVariantList m_questionnaires;
    QVariantMap m_questionsByCode;  ///< questionnaire code → its questions
    QString m_questionnaire;
    QString m_group = QStringLiteral("participants_exit");
    QString m_period;
    QVariantMap m_totals;
    QVariantList m_batches;
    int m_invited = 0;
    int m_respondents = 0;
    quint64 m_generation = 0;
};

}  // namespace samkoll::client
