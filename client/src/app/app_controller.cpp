// SPDX-License-Identifier: GPL-3.0-or-later
#include "app_controller.hpp"

#include <fstream>
#include <utility>
#include <sstream>

#include <QCoreApplication>
#include <QJSEngine>
#include <QSysInfo>

#include "case_form.hpp"
#include "formatting.hpp"
#include "samkoll/store/repository.hpp"

namespace samkoll::client {

using namespace samkoll::core;

AppController* AppController::s_instance = nullptr;

namespace {

/// An outbox operation the server refused, as the Synk page lists it.
struct RefusedRow {
    std::int64_t seq = 0;
    std::string caseCode;  ///< for a case: its code now
    std::string code;
    std::string message;
    OperationKind kind = OperationKind::CaseUpsert;
    bool settleable = false;
};

/// Everything the window shows about this device, read in one job.
struct Snapshot {
    SyncStatus status;
    std::string role, teamCode, teamName, federationName, serverUrl, login;
    bool pinned = false;  ///< the server's own certificate, given at enrolment (else the system's CA store)
    Id teamId = 0;
    Id federationId = 0;
    std::vector<ConflictInfo> conflicts;
    std::vector<RefusedRow> refused;
};

Snapshot readSnapshot(SyncEngine& e)
{
    Snapshot s;
    s.status = e.status();
    auto& r = e.replica();
    s.role = r.state("role").value_or("");
    s.teamCode = r.state("team").value_or("");
    s.serverUrl = r.state("server_url").value_or("");
    s.pinned = !r.state("server_ca").value_or("").empty();
    s.login = r.state("login").value_or(r.state("device_id").value_or(""));
    Repository repo(e.database());
    if (auto fedCode = r.state("federation")) {
        if (auto fed = repo.federation(*fedCode)) {
            s.federationName = fed->name;
            s.federationId = fed->id;
            if (auto team = repo.team(fed->id, s.teamCode)) {
                s.teamId = team->id;
                s.teamName = team->name;
            }
        }
    }
    s.conflicts = r.conflicts();
    for (auto& op : r.refused())
        s.refused.push_back(
            {op.seq, std::move(op.caseCode), std::move(op.code), std::move(op.message), op.kind, op.settleable});
    return s;
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

/// What a refused operation was, in the coordinator's words.
QString describe(const RefusedRow& r)
{
    switch (r.kind) {
    case OperationKind::CaseUpsert:
    case OperationKind::CaseDelete:
        return r.caseCode.empty() ? AppController::tr("A case") : AppController::tr("Case %1").arg(q(r.caseCode));
    case OperationKind::TallyAdd:
        return AppController::tr("Survey entry");
    case OperationKind::RoundInvited:
        return AppController::tr("Number invited to a survey");
    case OperationKind::StoryUpsert:
        return AppController::tr("Success story");
    case OperationKind::CompositionSet:
        return AppController::tr("Composition");
    case OperationKind::ConflictResolve:
        return AppController::tr("Conflict resolution");
    case OperationKind::FinanceLine:
        return AppController::tr("Budget line");
    case OperationKind::FinanceBudget:
        return AppController::tr("Budget");
    case OperationKind::FinanceOutcome:
        return AppController::tr("Outcome (utfall)");
    case OperationKind::FinanceForecast:
        return AppController::tr("Forecast");
    case OperationKind::FinanceEquity:
        return AppController::tr("Opening equity");
    case OperationKind::FinanceSetting:
        return AppController::tr("Finance setting");
    case OperationKind::JudgmentSet:
        return AppController::tr("Judgment");
    }
    return {};
}

const char* const kFieldLabels[][2] = {
    {"code", QT_TRANSLATE_NOOP("Fields", "Case code")},
    {"gender", QT_TRANSLATE_NOOP("Fields", "Gender")},
    {"birth_year", QT_TRANSLATE_NOOP("Fields", "Year of birth")},
    {"referral_date", QT_TRANSLATE_NOOP("Fields", "Referral date")},
    {"referring_party", QT_TRANSLATE_NOOP("Fields", "Referred by")},
    {"decision", QT_TRANSLATE_NOOP("Fields", "Decision")},
    {"decision_date", QT_TRANSLATE_NOOP("Fields", "Decision date")},
    {"start_date", QT_TRANSLATE_NOOP("Fields", "Start date")},
    {"exit_date", QT_TRANSLATE_NOOP("Fields", "Exit date")},
    {"exit_outcome", QT_TRANSLATE_NOOP("Fields", "Outcome at exit")},
    {"income_support", QT_TRANSLATE_NOOP("Fields", "Income support at start")},
    {"education", QT_TRANSLATE_NOOP("Fields", "Education")},
    {"support_duration", QT_TRANSLATE_NOOP("Fields", "Time with public support")},
};

}  // namespace

AppController::AppController(const QString& databasePath, QObject* parent)
    : QObject(parent), m_backend(databasePath), m_cases(m_backend), m_surveys(m_backend), m_overview(m_backend),
      m_finance(m_backend), m_federationView(m_backend), m_judgments(m_backend), m_socialBudget(m_backend), m_hae(m_backend), m_sie(m_backend), m_financeEntry(m_backend), m_reports(m_backend), m_periods(m_backend), m_users(m_backend), m_stories(m_backend), m_composition(m_backend)
{
    connect(&m_stories, &Stories::changed, this, &AppController::afterLocalChange);
    connect(&m_composition, &CompositionForm::changed, this, &AppController::afterLocalChange);
    connect(&m_judgments, &Judgments::changed, this, &AppController::afterLocalChange);
    // A social budget saved on the server: this computer fetches the configuration again at once.
    // A social budget or HÅE figures saved on the server: this computer fetches the configuration again at once.
    const auto refetchConfiguration = [this] {
        m_refreshConfiguration = true;
        syncNow();
    };
    connect(&m_socialBudget, &SocialBudgetEditor::saved, this, refetchConfiguration);
    connect(&m_hae, &HaeImport::imported, this, refetchConfiguration);
    // SIE utfall imported on the server: it comes with the next sync, at once.
    connect(&m_sie, &SieImport::imported, this, [this] { syncNow(); });
    connect(&m_financeEntry, &FinanceEntry::changed, this, [this] {
        m_finance.reload();  // the follow-up of what was just entered
        afterLocalChange();
    });
    connect(&m_surveys, &SurveyEntry::changed, this, &AppController::afterLocalChange);
    connect(&m_backend, &Backend::opened, this, [this](bool ok, const QString& error) {
        m_ready = ok;
        m_openError = ok ? QString()
                         : tr("The local database could not be opened: %1. Nothing has been changed in it; "
                              "contact the central office.")
                               .arg(error);
        emit stateChanged();
        if (ok)
            refresh();
    });
    connect(&m_backend, &Backend::jobFailed, this, [this](const QString&) {
        emit notice(tr("An unexpected error stopped the action. Nothing of it was saved – try again; if it happens "
                       "again, restart Samkoll and tell the central office."));
    });
    m_syncTimer.setInterval(60 * 1000);
    connect(&m_syncTimer, &QTimer::timeout, this, [this] {
        if (m_enrolled)
            syncNow();
    });
    m_soonTimer.setSingleShot(true);
    m_soonTimer.setInterval(3000);
    connect(&m_soonTimer, &QTimer::timeout, this, [this] {
        if (m_enrolled)
            syncNow();
    });
}

AppController::~AppController()
{
    if (s_instance == this)
        s_instance = nullptr;
}

void AppController::setInstance(AppController* instance)
{
    s_instance = instance;
}

AppController* AppController::create(QQmlEngine*, QJSEngine*)
{
    Q_ASSERT_X(s_instance, "AppController::create", "setInstance() before the QML engine loads");
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void AppController::setBackgroundSyncSeconds(int seconds)
{
    if (seconds <= 0) {
        m_syncTimer.stop();
    } else {
        m_syncTimer.setInterval(seconds * 1000);
        if (m_enrolled)
            m_syncTimer.start();
    }
    emit stateChanged();
}

void AppController::setLanguage(const QString& language)
{
    const auto lang = language == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("sv");
    if (lang == m_language)
        return;
    m_language = lang;
    emit languageChanged();
    // The core's words (targets, results, notes, the driftredovisning's labels)
    // and the labels built here (conflicts, refused changes) follow the language.
    const auto core = lang == QLatin1String("en") ? core::Language::English : core::Language::Swedish;
    m_overview.setLanguage(core);
    m_finance.setLanguage(core);
    m_federationView.setLanguage(core);
    refresh();
}

QString AppController::lastSync() const
{
    return m_lastSyncIso.isEmpty() ? tr("never") : formatTimestamp(m_lastSyncIso);
}

void AppController::refresh()
{
    m_backend.run(this, readSnapshot, [this](Result<Snapshot> read) {
        if (!read)
            return;  // Backend::jobFailed has told the user; the window keeps what it showed
        auto& s = *read;
        m_enrolled = s.status.enrolled;
        m_role = q(s.role);
        m_teamCode = q(s.teamCode);
        m_teamName = q(s.teamName);
        m_federationName = q(s.federationName);
        m_serverUrl = q(s.serverUrl);
        m_certificateTrust = s.serverUrl.empty() ? QString()
                             : s.pinned ? tr("The server's own certificate, given at enrolment (pinned)")
                                        : tr("Issued by a trusted authority (this computer's certificate store)");
        m_teamId = s.teamId;
        m_pending = s.status.pending;
        m_refusedCount = s.status.refused;
        m_conflictCount = s.status.conflicts;
        m_lastSyncIso = q(s.status.lastSync);
        m_online = s.status.online;
        // An unreachable server is no error: the work is saved here and goes when it can.
        const bool unreachable = s.status.lastError && s.status.lastError->code == "network";
        m_lastError = s.status.lastError && !unreachable ? sentence(s.status.lastError->message) : m_jobError;
        m_offlineNote.clear();
        if (unreachable)
            m_offlineNote = tr("The server is not answering just now – your changes are saved here and sent when it "
                               "can be reached. Last tried %1.")
                                .arg(formatTimestamp(q(s.status.lastAttempt)));
        m_clockWarning.clear();
        if (s.status.clockSkewMs) {
            const auto minutes = *s.status.clockSkewMs / 60000;
            m_clockWarning = tr("This computer's clock is %1 minutes %2 the server's. Set the right time so that "
                                "dates and the order of edits come out right.")
                                 .arg(formatCount(std::llabs(minutes)))
                                 .arg(minutes > 0 ? tr("ahead of") : tr("behind"));
        }
        m_conflicts.clear();
        for (const auto& c : s.conflicts) {
            const auto field = q(c.field);
            auto show = [&](const std::optional<std::string>& v) {
                if (!v)
                    return tr("(empty)");
                return termLabel(field, q(*v));
            };
            m_conflicts.push_back(QVariantMap{{QStringLiteral("uid"), q(c.uid)},
                                              {QStringLiteral("caseUid"), q(c.caseUid)},
                                              {QStringLiteral("caseCode"), q(c.caseCode)},
                                              {QStringLiteral("field"), field},
                                              {QStringLiteral("fieldLabel"), fieldLabel(field)},
                                              {QStringLiteral("kept"), show(c.kept)},
                                              {QStringLiteral("other"), show(c.other)}});
        }
        m_refused.clear();
        for (const auto& r : s.refused)
            m_refused.push_back(QVariantMap{
                {QStringLiteral("seq"), static_cast<qlonglong>(r.seq)},
                {QStringLiteral("what"), describe(r)},
                {QStringLiteral("code"), q(r.code)},
                {QStringLiteral("reason"), sentence(r.message)},
                {QStringLiteral("needsConfirmation"), r.code == "mass_delete"},
                {QStringLiteral("settleable"), r.settleable}});
        if (m_enrolled && !m_syncTimer.isActive() && m_syncTimer.interval() > 0)
            m_syncTimer.start();
        if (m_enrolled && !m_startedSync) {
            m_startedSync = true;  // once at start: learn whether the server is reachable, bring news
            QTimer::singleShot(0, this, [this] { syncNow(); });
        }
        m_cases.setTeam(m_teamId);
        m_surveys.setDevice(s.federationId, s.teamId, m_teamCode, q(s.login), m_teamName);
        m_overview.setDevice(s.federationId, m_teamCode);
        // The förbund's money: the kansli and the board (the board: aggregates only).
        if (m_role == QLatin1String("central_office") || m_role == QLatin1String("board")) {
            m_finance.setDevice(s.federationId, m_role == QLatin1String("board"));
            m_reports.setFederation(s.federationId);
            m_federationView.setDevice(s.federationId);
        }
        if (m_role == QLatin1String("central_office")) {
            m_judgments.setDevice(s.federationId);
            m_socialBudget.setDevice(s.federationId);
            m_financeEntry.setDevice(s.federationId);
        }
        m_stories.setTeam(s.teamId);
        m_composition.setTeam(s.federationId, s.teamId);
        emit stateChanged();
        emit syncStateChanged();
    });
}

void AppController::enrol(const QString& serverUrl, const QString& code, const QString& certificateFile)
{
    const auto url = serverUrl.trimmed();
    if (!url.startsWith(QLatin1String("https://")) && !url.startsWith(QLatin1String("http://"))) {
        emit enrolmentFinished(false, QStringLiteral("server"),
                               tr("Write the server address in full, e.g. https://samkoll.example.se:8443"));
        return;
    }
    if (code.trimmed().isEmpty()) {
        emit enrolmentFinished(false, QStringLiteral("code"), tr("Enter the enrolment code from the central office."));
        return;
    }
    struct Outcome {
        Status status;
        std::string field;
    };
    m_syncing = true;
    emit syncStateChanged();
    m_backend.run(
        this,
        [url = url.toStdString(), code = code.trimmed().toStdString(), certFile = certificateFile.trimmed().toStdString(),
         device = QSysInfo::machineHostName().toStdString()](SyncEngine& e) -> Outcome {
            std::string pem;
            if (!certFile.empty()) {
                std::ifstream in(certFile);
                std::stringstream buf;
                buf << in.rdbuf();
                pem = buf.str();
                if (!in || pem.find("BEGIN CERTIFICATE") == std::string::npos)
                    return {makeError("certificate", "certificate", "filen '" + certFile + "' är inget certifikat"),
                            "certificate"};
            }
            auto s = e.enrol(url, code, device.empty() ? "samkoll" : device, pem);
            if (!s)
                return {s, s.error().code == "network"       ? "server"
                           : s.error().code == "certificate" ? "certificate"
                                                             : "code"};
            // The first sync brings the förbund's configuration (teams, questionnaires).
            (void)e.syncOnce();
            return {{}, {}};
        },
        [this](Result<Outcome> outcome) {
            m_syncing = false;
            emit syncStateChanged();
            if (!outcome) {
                emit enrolmentFinished(false, QStringLiteral("server"), sentence(outcome.error().message));
                refresh();
                return;
            }
            auto& o = *outcome;
            if (o.status)
                emit enrolmentFinished(true, {}, {});
            else
                emit enrolmentFinished(false, q(o.field), sentence(o.status.error().message));
            refresh();
        });
}

QVariantMap AppController::blankCase() const
{
    return caseform::blank();
}

QVariantMap AppController::checkCase(const QVariantMap& form) const
{
    auto c = caseform::check(form, m_teamId);
    if (c)
        return {};
    return {{QStringLiteral("field"), q(c.error().field)}, {QStringLiteral("message"), sentence(c.error().message)}};
}

void AppController::saveCase(const QVariantMap& form)
{
    // Every field's problem at once: the form marks them all and puts the cursor in the first.
    if (const auto problems = caseform::checkAll(form, m_teamId); !problems.empty()) {
        QVariantList all;
        for (const auto& e : problems)
            all.push_back(QVariantMap{{QStringLiteral("field"), q(e.field)}, {QStringLiteral("message"), sentence(e.message)}});
        emit caseRejected(q(problems.front().field), sentence(problems.front().message));
        emit caseProblems(all);
        return;
    }
    auto c = caseform::check(form, m_teamId);
    if (!c) {
        emit caseRejected(q(c.error().field), sentence(c.error().message));
        return;
    }
    const bool create = c->uid.empty();
    m_backend.run(
        this,
        [c = *c, create](SyncEngine& e) -> Result<std::string> {
            if (create)
                return e.replica().createCase(c);
            if (auto s = e.replica().editCase(c); !s)
                return s.error();
            return c.uid;
        },
        [this, create](Result<std::string> saved) {
            if (!saved) {
                auto field = q(saved.error().field);
                // The store names the unique pair; the form shows it at the code.
                if (saved.error().code == "duplicate")
                    field = QStringLiteral("code");
                emit caseRejected(field, sentence(saved.error().message));
                return;
            }
            const auto uid = q(*saved);
            emit caseSaved(uid, create);
            if (create)
                m_cases.reload();
            else
                m_cases.refreshCase(uid);
            afterLocalChange();
        });
}

void AppController::deleteCase(const QString& uid)
{
    const int row = m_cases.rowOf(uid);
    const auto code = row >= 0 ? m_cases.data(m_cases.index(row), CaseListModel::CodeRole).toString() : QString();
    m_backend.run(
        this, [uid = uid.toStdString()](SyncEngine& e) { return e.replica().deleteCase(uid); },
        [this, uid, code](Status s) {
            if (!s) {
                emit notice(sentence(s.error().message));
                return;
            }
            emit caseDeleted(uid, code);
            m_cases.reload();
            afterLocalChange();
        });
}

void AppController::undoDelete(const QString& uid)
{
    m_backend.run(
        this, [uid = uid.toStdString()](SyncEngine& e) { return e.replica().undoDelete(uid); },
        [this, uid](Status s) {
            if (!s) {
                emit notice(sentence(s.error().message));
                return;
            }
            emit caseRestored(uid);
            m_cases.reload();
            refresh();
        });
}

QVariantList AppController::termOptions(const QString& vocabulary, const QString& blankLabel) const
{
    auto options = samkoll::client::termOptions(vocabulary);
    if (!blankLabel.isEmpty())
        options.prepend(QVariantMap{{QStringLiteral("code"), QString()}, {QStringLiteral("label"), blankLabel}});
    return options;
}

QString AppController::fieldLabel(const QString& field) const
{
    for (const auto& [code, text] : kFieldLabels)
        if (field == QLatin1String(code))
            return QCoreApplication::translate("Fields", text);
    return field;
}

void AppController::afterLocalChange()
{
    refresh();
    m_overview.reload();
    if (m_enrolled)
        m_soonTimer.start();
}

void AppController::syncNow(bool confirmMassDelete)
{
    if (!m_enrolled)
        return;
    if (m_syncing) {
        m_syncAgain = true;  // a change arrived during the sync: one more round afterwards
        return;
    }
    m_syncing = true;
    emit syncStateChanged();
    // The first sync after start also refreshes the förbund's configuration.
    const bool refreshConfig = std::exchange(m_refreshConfiguration, false);
    m_backend.run(
        this,
        [confirmMassDelete, refreshConfig](SyncEngine& e) {
            auto report = e.syncOnce(confirmMassDelete, refreshConfig);
            // What changed locally: downloads, acknowledged uploads ("ej synkad" goes away) and refusals.
            return report ? report->pulled + report->acknowledged + report->refused : -1;
        },
        [this, refreshConfig](Result<int> result) {
            // A job that failed (threw) ends the sync like a failed sync: never stuck "syncing".
            const int changed = result ? *result : -1;
            m_jobError = result ? QString() : sentence(result.error().message);
            m_syncing = false;
            if (changed < 0 && refreshConfig)
                m_refreshConfiguration = true;  // try again next time
            emit syncFinished(changed >= 0);
            m_overview.reload();
            // Every team's work meets on the server. A kansli computer downloads
            // every team's changes, so it asks for the Förbundet screen again when
            // something arrived; a board computer downloads no team's work and
            // asks after each sync.
            if ((changed > 0 && m_role == QLatin1String("central_office")) ||
                (changed >= 0 && m_role == QLatin1String("board")))
                m_federationView.reload();
            if (changed > 0 && m_role == QLatin1String("central_office"))
                m_judgments.reload();  // acknowledged, refused or arrived
            if ((refreshConfig || changed > 0) && changed >= 0 && m_role == QLatin1String("central_office"))
                m_socialBudget.refresh();  // a budget saved here, or the configuration at start
            if (changed > 0) {
                m_finance.reload();
                m_financeEntry.reload();
                m_reports.reload();
                m_cases.reload();
                m_surveys.reload();
                m_stories.reload();
                m_composition.reload();
            }
            refresh();
            if (m_syncAgain) {
                m_syncAgain = false;
                syncNow();
            }
        });
}

void AppController::resolveConflict(const QString& uid, bool takeOther)
{
    m_backend.run(
        this, [uid = uid.toStdString(), takeOther](SyncEngine& e) { return e.replica().resolveConflict(uid, takeOther); },
        [this](Status s) {
            if (!s) {
                emit notice(sentence(s.error().message));
                return;
            }
            m_cases.reload();
            afterLocalChange();
        });
}

void AppController::settle(qlonglong seq, bool keepMine)
{
    m_backend.run(
        this, [seq, keepMine](SyncEngine& e) { return e.replica().settle(seq, keepMine); },
        [this](Status s) {
            if (!s) {
                emit notice(errorText(s.error()));
                return;
            }
            if (m_role == QLatin1String("central_office")) {
                m_judgments.reload();
                m_financeEntry.reload();
                m_finance.reload();
            }
            afterLocalChange();
        });
}

}  // namespace samkoll::client
