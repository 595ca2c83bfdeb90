// SPDX-License-Identifier: GPL-3.0-or-later
// Qt Quick Test of the client's QML views, headless (QT_QPA_PLATFORM=offscreen):
// the real views and the real AppController on a seeded device database.
#include <QDir>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

#include "app_controller.hpp"
#include "device_seed.hpp"
#include "localization.hpp"
#include "samkoll/demo/demo_data.hpp"
#include "samkoll/finance/finance_store.hpp"
#include "samkoll/report/reports.hpp"
#include "samkoll/store/repository.hpp"
#include "samkoll/sync/protocol.hpp"

#include <nlohmann/json.hpp>

Q_IMPORT_QML_PLUGIN(SamkollPlugin)

namespace {
int g_qmlWarnings = 0;
QtMessageHandler g_previous = nullptr;

/// A view that prints a QML warning (a failed binding, a missing property)
/// fails the run, even when every assertion passed.
void countQmlWarnings(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    // "QQmlComponent: Component is not ready" names no file, but is a part of
    // a view that was never made (a list's header under ComponentBehavior: Bound).
    if (type == QtWarningMsg && (message.contains(QLatin1String(".qml:")) || message.startsWith(QLatin1String("QQmlComponent:")) ||
                                 (context.file && QByteArray(context.file).endsWith(".qml"))))
        ++g_qmlWarnings;
    g_previous(type, context, message);
}
}  // namespace

/// What a view test cannot make through the views: the server's answers.
/// Reached from the tests as `TestDevice`.
class TestDevice : public QObject {
    Q_OBJECT
public:
    std::string db;
    samkoll::client::AppController* app = nullptr;
    samkoll::core::Id federation = 0, team = 0;
    /// Sammansättning for the förbund's own bodies (as on a kansli computer), or the team's again.
    Q_INVOKABLE void federationComposition(bool on) { app->composition()->setTeam(federation, on ? 0 : team); }
    /// The server's refusal of this device's March utfall of the line
    /// "kansli" in 2021: another computer changed it first (a conflict).
    Q_INVOKABLE void refuseMarchAsConflict()
    {
        using namespace samkoll::core;
        auto opened = Database::openExisting(db);
        if (!opened)
            qFatal("the device database does not open");
        Operation op;
        op.kind = OperationKind::FinanceOutcome;
        op.uid = "finance:2021";
        op.hlc = "0001700000000000-00000-device";
        op.finance.line = "kansli";
        op.finance.year = 2021;
        op.finance.month = 3;
        op.finance.amount = -1'250'000;
        op.finance.checked = true;
        (**opened)
            .prepare("INSERT INTO outbox (uid, operation, sent, refused_code, refused_message) VALUES (?, ?, 1, 'conflict', ?)")
            .bind(1, op.uid)
            .bind(2, operationToJson(op).dump())
            .bind(3, std::string("utfallet för kansli mars 2021 ändrades på en annan dator innan din ändring kom fram: nu "
                                 "11 000 kr, du såg inget inmatat och skrev −12 500 kr; din ändring är inte gjord – "
                                 "välj vilken som ska gälla"))
            .run();
    }
};

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable()
    {
        g_previous = qInstallMessageHandler(countQmlWarnings);
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        const auto db = m_dir.filePath(QStringLiteral("device.db"));
        m_device.db = db.toStdString();
        const auto error = samkoll::test::seedDeviceDatabase(db.toStdString(), 30, true);
        if (!error.empty())
            qFatal("seeding the device database failed: %s", error.c_str());
        m_app = std::make_unique<samkoll::client::AppController>(db);
        m_app->setBackgroundSyncSeconds(0);
        // The views are tested in the source language (English); a test may
        // switch, and the switch works as in the program: translator, then
        // every qsTr binding retranslated in place.
        m_app->setLanguage(QStringLiteral("en"));
        m_l10n.apply(m_app->language());
        samkoll::client::AppController::setInstance(m_app.get());
        showDemoFederation();
        // Bedömningar on this device, as on a kansli computer (the views are tested alike).
        auto opened = samkoll::core::Database::openExisting(db.toStdString());
        if (!opened)
            qFatal("the seeded device database does not open");
        const auto fed = samkoll::core::Repository(**opened).federation("sf")->id;
        m_app->judgments()->setDevice(fed);
        m_app->socialBudget()->setDevice(fed);
        // Ekonomi likewise, on one budget line with a January.
        using namespace samkoll::core::finance;
        FinanceStore store(**opened);
        if (!store.addUnit(fed, "SAMO", "Ordinarie verksamhet", false) ||
            !store.addLine(fed, {"kansli", "Kanslipersonal", LineGroup::Administration, "SAMO", "", ""}) ||
            !store.setBudget(fed, "kansli", 2021, kronor(-1'200'000)) || !store.setOutcome(fed, "kansli", 2021, 1, kronor(-95'500)))
            qFatal("the finance line could not be made");
        m_app->financeEntry()->setDevice(fed);
        // Budget och utfall (the kansli's exact view) on the same line.
        m_app->finance()->setDevice(fed, false);
        m_device.app = m_app.get();
        m_device.federation = fed;
        m_device.team = samkoll::core::Repository(**opened).team(fed, "vannas")->id;
        // SIE import as the server answers: one rule, and a file's preview with one omappat account.
        m_app->sie()->showMapping(nlohmann::json::parse(R"({
            "rules": [{"account_from": "7010", "account_to": "7099", "dimension": "", "object": "", "line": "kansli"}],
            "lines": [{"code": "kansli", "name": "Kanslipersonal"}]})"));
        m_app->sie()->showImport(nlohmann::json::parse(R"({
            "file": "bokforing-2026.se", "type": 2, "company": "Samordningsförbundet Test", "organisation_number": "",
            "checksum_verified": false, "fiscal_years": [{"index": 0, "start": "2026-01-01", "end": "2026-12-31"}],
            "from_vouchers": false, "months": [{"year": 2026, "month": 1}],
            "changes": [{"line": "kansli", "year": 2026, "month": 1, "before": 0, "after": -9550000}],
            "unmapped": [{"account": "5010", "name": "Lokalhyra", "objects": "", "amount": -1200000}],
            "budget_lines": [], "locked_years": [], "applied": false})"));
        // Användare as the server answers the kansli (the view is tested without a server).
        m_app->users()->show(nlohmann::json::parse(R"({
            "users": [{"login": "vns", "role": "coordinator", "team": {"code": "vannas", "name": "Samordningsteamet Vännäs"}},
                      {"login": "kansli", "role": "central_office", "team": null}],
            "devices": [{"id": "d-1", "login": "vns", "name": "vannas-laptop", "created_at": "2026-11-02T08:00:00Z",
                         "last_seen_at": "2026-11-30T07:55:00Z", "revoked": false, "this_device": false},
                        {"id": "d-2", "login": "kansli", "name": "kansli-dator", "created_at": "2026-10-01T08:00:00Z",
                         "last_seen_at": null, "revoked": false, "this_device": true}]})"));
    }
    void qmlEngineAvailable(QQmlEngine* engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(QStringLiteral("TestDevice"), &m_device);
        QObject::connect(m_app.get(), &samkoll::client::AppController::languageChanged, engine,
                         [this, engine] { m_l10n.apply(m_app->language(), engine); });
    }
    void cleanupTestCase()
    {
        m_app.reset();
        if (g_qmlWarnings > 0)
            qFatal("%d QML warning(s) during the view tests", g_qmlWarnings);
    }

private:
    /// The Förbundet screen as after the server's answer: the demo förbund's
    /// 2021 figures (seven teams, two years), computed by the core as the
    /// server computes them.
    void showDemoFederation()
    {
        using namespace samkoll::core;
        auto db = Database::open(":memory:");
        if (!db)
            qFatal("no database for the demo förbund");
        Repository repo(**db);
        auto demo = createDemoFederation(repo);
        if (!demo)
            qFatal("the demo förbund: %s", demo.error().describe().c_str());
        auto view = federationOverviewJson(**db, demo->federationId, 2021, std::nullopt, Language::English, 0,
                                           "2026-11-30 12:00");
        if (!view)
            qFatal("the Förbundet view: %s", view.error().describe().c_str());
        m_app->federationView()->show(*view, false);
        // Perioder as the server answers: 2021 fastställt by the board, 2022 open.
        if (auto lock = approveYear(**db, demo->federationId, 2021, "Styrelsen 2022-03-14 § 12"); !lock)
            qFatal("approving 2021: %s", lock.error().describe().c_str());
        auto years = yearStates(**db, demo->federationId);
        if (!years)
            qFatal("the years: %s", years.error().describe().c_str());
        m_app->periods()->show(yearStatesToJson(*years));
    }

    QTemporaryDir m_dir;
    TestDevice m_device;
    samkoll::client::Localization m_l10n;
    std::unique_ptr<samkoll::client::AppController> m_app;
};

QUICK_TEST_MAIN_WITH_SETUP(samkoll_qml, Setup)

#include "qml_main.moc"
