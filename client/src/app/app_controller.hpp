// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

#include "backend.hpp"
#include "case_list_model.hpp"
#include "survey_entry.hpp"
#include "finance_view.hpp"
#include "reports.hpp"
#include "periods.hpp"
#include "users.hpp"
#include "overview.hpp"
#include "federation_view.hpp"
#include "judgments.hpp"
#include "social_budget.hpp"
#include "hae_import.hpp"
#include "sie_import.hpp"
#include "finance_entry.hpp"
#include "stories.hpp"
#include "composition_form.hpp"

namespace samkoll::client {

/// What QML talks to: enrolment, the coordinator's team, saving cases, and
/// sync (state, "Synka nu", background sync, conflicts, refused changes).
/// Every database or network step runs on the Backend's thread; results come
/// back as property changes and signals.
class AppController : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(App)
    QML_SINGLETON
    Q_PROPERTY(bool ready READ ready NOTIFY stateChanged)
    Q_PROPERTY(QString openError READ openError NOTIFY stateChanged)
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY stateChanged)
    Q_PROPERTY(QString role READ role NOTIFY stateChanged)
    Q_PROPERTY(QString teamCode READ teamCode NOTIFY stateChanged)
    Q_PROPERTY(QString teamName READ teamName NOTIFY stateChanged)
    Q_PROPERTY(QString federationName READ federationName NOTIFY stateChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY stateChanged)
    /// How the device trusts the server's certificate: pinned at enrolment, or the system's CA store.
    Q_PROPERTY(QString certificateTrust READ certificateTrust NOTIFY stateChanged)
    Q_PROPERTY(bool online READ online NOTIFY syncStateChanged)
    Q_PROPERTY(bool syncing READ syncing NOTIFY syncStateChanged)
    Q_PROPERTY(int pending READ pending NOTIFY syncStateChanged)
    Q_PROPERTY(int refusedCount READ refusedCount NOTIFY syncStateChanged)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY syncStateChanged)
    Q_PROPERTY(QString lastSync READ lastSync NOTIFY syncStateChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY syncStateChanged)
    /// Not reaching the server is normal (a train, a basement): said calmly, with when it last tried.
    Q_PROPERTY(QString offlineNote READ offlineNote NOTIFY syncStateChanged)
    Q_PROPERTY(QString clockWarning READ clockWarning NOTIFY syncStateChanged)
    Q_PROPERTY(QVariantList conflicts READ conflicts NOTIFY syncStateChanged)
    Q_PROPERTY(QVariantList refused READ refused NOTIFY syncStateChanged)
    Q_PROPERTY(samkoll::client::CaseListModel* cases READ cases CONSTANT)
    Q_PROPERTY(samkoll::client::SurveyEntry* surveys READ surveys CONSTANT)
    Q_PROPERTY(samkoll::client::Overview* overview READ overview CONSTANT)
    Q_PROPERTY(samkoll::client::FinanceView* finance READ finance CONSTANT)
    Q_PROPERTY(samkoll::client::FederationView* federationView READ federationView CONSTANT)
    Q_PROPERTY(samkoll::client::Judgments* judgments READ judgments CONSTANT)
    Q_PROPERTY(samkoll::client::SocialBudgetEditor* socialBudget READ socialBudget CONSTANT)
    Q_PROPERTY(samkoll::client::HaeImport* hae READ hae CONSTANT)
    Q_PROPERTY(samkoll::client::SieImport* sie READ sie CONSTANT)
    Q_PROPERTY(samkoll::client::FinanceEntry* financeEntry READ financeEntry CONSTANT)
    Q_PROPERTY(samkoll::client::Reports* reports READ reports CONSTANT)
    Q_PROPERTY(samkoll::client::Periods* periods READ periods CONSTANT)
    Q_PROPERTY(samkoll::client::Users* users READ users CONSTANT)
    Q_PROPERTY(samkoll::client::Stories* stories READ stories CONSTANT)
    Q_PROPERTY(samkoll::client::CompositionForm* composition READ composition CONSTANT)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(int backgroundSyncSeconds READ backgroundSyncSeconds WRITE setBackgroundSyncSeconds NOTIFY stateChanged)

public:
    explicit AppController(const QString& databasePath, QObject* parent = nullptr);
    ~AppController() override;

    /// The instance QML's `App` refers to: set by main() (or a test) before
    /// the engine loads anything; the program owns it.
    static void setInstance(AppController* instance);
    /// For the QML engine (QML_SINGLETON): hands out the instance set above.
    static AppController* create(QQmlEngine* engine, QJSEngine* js);

    bool ready() const { return m_ready; }
    QString openError() const { return m_openError; }
    bool enrolled() const { return m_enrolled; }
    QString role() const { return m_role; }
    QString teamCode() const { return m_teamCode; }
    QString teamName() const { return m_teamName; }
    QString federationName() const { return m_federationName; }
    QString serverUrl() const { return m_serverUrl; }
    QString certificateTrust() const { return m_certificateTrust; }
    bool online() const { return m_online; }
    bool syncing() const { return m_syncing; }
    int pending() const { return m_pending; }
    int refusedCount() const { return m_refusedCount; }
    int conflictCount() const { return m_conflictCount; }
    QString lastSync() const;
    QString lastError() const { return m_lastError; }
    QString offlineNote() const { return m_offlineNote; }
    QString clockWarning() const { return m_clockWarning; }
    QVariantList conflicts() const { return m_conflicts; }
    QVariantList refused() const { return m_refused; }
    CaseListModel* cases() { return &m_cases; }
    SurveyEntry* surveys() { return &m_surveys; }
    Overview* overview() { return &m_overview; }
    FinanceView* finance() { return &m_finance; }
    FederationView* federationView() { return &m_federationView; }
    Judgments* judgments() { return &m_judgments; }
    SocialBudgetEditor* socialBudget() { return &m_socialBudget; }
    HaeImport* hae() { return &m_hae; }
    SieImport* sie() { return &m_sie; }
    FinanceEntry* financeEntry() { return &m_financeEntry; }
    Reports* reports() { return &m_reports; }
    Periods* periods() { return &m_periods; }
    Users* users() { return &m_users; }
    Stories* stories() { return &m_stories; }
    CompositionForm* composition() { return &m_composition; }
    int backgroundSyncSeconds() const { return m_syncTimer.interval() / 1000; }
    void setBackgroundSyncSeconds(int seconds);
    Backend& backend() { return m_backend; }
    QString language() const { return m_language; }
    /// "sv" or "en"; the application installs the translation (see main.cpp).
    void setLanguage(const QString& language);

    /// Exchanges the central office's enrolment code for this device's access;
    /// `certificateFile` is the server's certificate (empty: the system's trust store).
    Q_INVOKABLE void enrol(const QString& serverUrl, const QString& code, const QString& certificateFile);

    // --- Cases ------------------------------------------------------------------
    Q_INVOKABLE QVariantMap blankCase() const;
    /// Checks the form without saving: {} when fine, else {field, message}.
    Q_INVOKABLE QVariantMap checkCase(const QVariantMap& form) const;
    /// Saves a new case (no uid) or an edit; answers with caseSaved or caseRejected.
    Q_INVOKABLE void saveCase(const QVariantMap& form);
    Q_INVOKABLE void deleteCase(const QString& uid);
    Q_INVOKABLE void undoDelete(const QString& uid);
    /// The options of a vocabulary ({code, label}), in the current language;
    /// with `blankLabel`, a first option {code: "", label: blankLabel} ("–", "All statuses").
    Q_INVOKABLE QVariantList termOptions(const QString& vocabulary, const QString& blankLabel = QString()) const;
    Q_INVOKABLE QString fieldLabel(const QString& field) const;

    // --- Sync -------------------------------------------------------------------
    /// Synchronises now; `confirmMassDelete` after the user confirmed many deletes.
    Q_INVOKABLE void syncNow(bool confirmMassDelete = false);
    /// Settles a conflict: keep the current value, or take the other device's.
    Q_INVOKABLE void resolveConflict(const QString& uid, bool takeOther);
    /// Settles a refused change that met another computer's (a judgment, a
    /// finance figure): keep this one (sent again over the other) or take the other.
    Q_INVOKABLE void settle(qlonglong seq, bool keepMine);
    /// Re-reads sync state and the team from the database.
    Q_INVOKABLE void refresh();

signals:
    void stateChanged();
    void syncStateChanged();
    void enrolmentFinished(bool ok, const QString& field, const QString& message);
    void caseSaved(const QString& uid, bool created);
    void caseRejected(const QString& field, const QString& message);
    /// Every problem of the form at once ({field, message} in the form's order), after caseRejected for the first.
    void caseProblems(const QVariantList& problems);
    void caseDeleted(const QString& uid, const QString& code);
    void caseRestored(const QString& uid);
    /// Something the user should read (a refused undo, a failed job …).
    void notice(const QString& message);
    void syncFinished(bool ok);
    void languageChanged();

private:
    void afterLocalChange();

    Backend m_backend;
    CaseListModel m_cases;
    SurveyEntry m_surveys;
    Overview m_overview;
    FinanceView m_finance;
    FederationView m_federationView;
    Judgments m_judgments;
    SocialBudgetEditor m_socialBudget;
    HaeImport m_hae;
    SieImport m_sie;
    FinanceEntry m_financeEntry;
    Reports m_reports;
    Periods m_periods;
    Users m_users;
    Stories m_stories;
    CompositionForm m_composition;
    QTimer m_syncTimer;
    QTimer m_soonTimer;  ///< a sync shortly after local edits
    bool m_ready = false;
    QString m_openError;
    bool m_enrolled = false;
    QString m_role, m_teamCode, m_teamName, m_federationName, m_serverUrl;
    QString m_certificateTrust;
    core::Id m_teamId = 0;
    bool m_online = false;
    bool m_syncing = false;
    bool m_syncAgain = false;
    bool m_startedSync = false;
    bool m_refreshConfiguration = true;
    int m_pending = 0, m_refusedCount = 0, m_conflictCount = 0;
    QString m_lastSyncIso, m_lastError, m_offlineNote, m_clockWarning;
    QString m_jobError;
    static AppController* s_instance;  ///< why the last sync job failed without an engine error (it threw)
    QVariantList m_conflicts, m_refused;
    QString m_language = QStringLiteral("sv");
};

}  // namespace samkoll::client
