// SPDX-License-Identifier: GPL-3.0-or-later
// Samkoll, the coordinator's desktop client. Thin: options, language, the QML
// engine and the window; everything else is in samkoll_client_app.
#include <functional>
#include <vector>
#include <atomic>
#include <cstdio>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QUrl>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

#include "app_controller.hpp"
#include "localization.hpp"

Q_IMPORT_QML_PLUGIN(SamkollPlugin)

namespace {

std::atomic<int> g_qmlWarnings{0};

/// The process's peak resident memory (VmHWM), for the start-up measurement.
long peakMemoryKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const auto& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return 0;
}
QtMessageHandler g_previousHandler = nullptr;

/// Counts warnings that come from QML, so the screen tour can fail on them.
void countQmlWarnings(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const bool fromQml = (context.file && QByteArray(context.file).endsWith(".qml")) || message.contains(QLatin1String(".qml:")) ||
                         message.startsWith(QLatin1String("QQmlComponent:")) ||  // a component that was never made
                         (context.category && QByteArray(context.category).startsWith("qt.qml"));
    if (type != QtDebugMsg && type != QtInfoMsg && fromQml)
        ++g_qmlWarnings;
    g_previousHandler(type, context, message);
}

/// Goes through the main screens, saves a screenshot of each in `dir`, then
/// quits: exit code 1 when QML printed any warning on the way. The tour's
/// steps live here, not in the views: each prepares the models (the demo
/// förbund's figures are for 2021) and shows a screen by its key.
void runTour(QQmlApplicationEngine& engine, samkoll::client::AppController& app, const QString& dir)
{
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().value(0));
    if (!window) {
        QCoreApplication::exit(2);
        return;
    }
    QDir().mkpath(dir);
    auto show = [window](const char* key) {
        QMetaObject::invokeMethod(window, "showScreen", Q_ARG(QVariant, QString::fromLatin1(key)));
    };
    auto onCasesPage = [window, show](const char* method) {
        show("cases");
        if (auto* page = window->findChild<QObject*>(QStringLiteral("casesPage")))
            QMetaObject::invokeMethod(page, method);
    };
    struct Step {
        const char* file;
        std::function<void()> prepare;
    };
    // A board device has the board's screens (the förbund, budget and outcome).
    const bool board = app.role() == QLatin1String("board");
    const bool office = app.role() == QLatin1String("central_office");
    auto onFederationPage = [window, show](const char* method, const QString& code) {
        show("federation");
        if (auto* page = window->findChild<QObject*>(QStringLiteral("federationPage"))) {
            if (code.isNull())
                QMetaObject::invokeMethod(page, method);
            else
                QMetaObject::invokeMethod(page, method, Q_ARG(QVariant, code));
        }
    };
    const auto steps = std::make_shared<std::vector<Step>>(office ? std::vector<Step>{
        {"kansli-forbundet.png", [&app, onFederationPage] {
             app.federationView()->setYear(2021);
             onFederationPage("choose", QStringLiteral("vindeln"));
         }},
        {"kansli-utveckling.png", [onFederationPage] { onFederationPage("showTrend", QString()); }},
        {"kansli-bedomningar.png", [window, show] {
             show("judgments");
             if (auto* page = window->findChild<QObject*>(QStringLiteral("judgmentsPage")))
                 QMetaObject::invokeMethod(page, "open", Q_ARG(QVariant, 1));
         }},
        {"kansli-ekonomi.png", [&app, show] { app.financeEntry()->setYear(2021); show("financeEntry"); }},
        {"kansli-styrelsen.png", [&app, show] { app.composition()->setYear(2021); show("composition"); }},
        {"kansli-social-budget.png", [&app, show] {
             // 2022 started from 2021, with a weight out of range: the import's check names it.
             app.socialBudget()->setYear(2021);
             show("socialBudget");
             QTimer::singleShot(600, &app, [&app] {
                 app.socialBudget()->startNextYear();
                 app.socialBudget()->setWeight(2, QStringLiteral("12"));
             });
         }},
        {"kansli-utfall.png", [&app, show, dir] {
             // A month of the bookkeeping as SIE, read against the demo's mapping: what it changes, and the omappat.
             const QString file = dir + QStringLiteral("/bokforing-2021-09.se");
             QFile sie(file);
             if (sie.open(QIODevice::WriteOnly))
                 sie.write("#FLAGGA 0\n#SIETYP 2\n#FNAMN \"Samordningsf\x94rbundet Ume\x86regionen (demo)\"\n"
                           "#RAR 0 20210101 20211231\n#KONTO 7010 \"L\x94ner\"\n#KONTO 6110 \"Kontorsmaterial\"\n"
                           "#PSALDO 0 202109 7010 {} 98500.00\n#PSALDO 0 202109 6110 {} 2450.00\n");
             sie.close();
             show("sie");  // the page asks for the mapping first; the file after it
             QTimer::singleShot(800, &app, [&app, file] { app.sie()->openFile(QUrl::fromLocalFile(file)); });
         }},
        {"kansli-perioder.png", [show] { show("periods"); }},
        {"kansli-anvandare.png", [&app, show] {
             show("users");  // the page reloads the list; the code after that
             QTimer::singleShot(500, &app, [&app] { app.users()->makeCode(QStringLiteral("anna")); });
         }},
    } : board ? std::vector<Step>{
        {"styrelse-forbundet.png", [&app, show] { app.federationView()->setYear(2021); show("federation"); }},
        {"styrelse-utveckling.png", [onFederationPage] { onFederationPage("showTrend", QString()); }},
        {"styrelse-budget.png", [&app, show] { app.finance()->setYear(2021); app.finance()->setTertial(2); show("finance"); }},
        {"styrelse-rapport.png", [window, show, dir] {
             // The delårsrapport T2 as the board saves it: the page's own choices, then its make().
             show("reports");
             if (auto* page = window->findChild<QObject*>(QStringLiteral("reportsPage"))) {
                 page->setProperty("kind", QStringLiteral("delar"));
                 page->setProperty("year", 2021);
                 page->setProperty("tertial", 2);
                 QMetaObject::invokeMethod(page, "make", Q_ARG(QVariant, QUrl::fromLocalFile(dir + QStringLiteral("/delarsrapport-2021-t2.pdf"))));
             }
         }},
        {"styrelse-synk.png", [show] { show("sync"); }},
    } : std::vector<Step>{
        {"oversikt.png", [&app, show] { app.overview()->setYear(2021); show("overview"); }},
        {"arenden.png", [show] { show("cases"); }},
        {"nytt-arende.png", [onCasesPage] { onCasesPage("newCase"); }},
        {"arende-fel.png", [onCasesPage] { onCasesPage("demonstrateValidation"); }},
        {"enkater.png", [&app, show] { app.surveys()->setPeriod(QStringLiteral("2021")); show("surveys"); }},
        {"goda-exempel.png", [show] { show("stories"); }},
        {"sammansattning.png", [&app, show] { app.composition()->setYear(2021); show("composition"); }},
        {"synk.png", [show] { show("sync"); }},
    });
    auto index = std::make_shared<std::size_t>(0);
    auto* timer = new QTimer(window);
    timer->setInterval(1200);
    QObject::connect(timer, &QTimer::timeout, window, [=] {
        const std::size_t i = (*index)++;
        if (i > 0) {
            const auto image = window->grabWindow();
            image.save(dir + QLatin1Char('/') + QLatin1String((*steps)[i - 1].file));
            std::printf("skärmbild: %s/%s\n", qPrintable(dir), (*steps)[i - 1].file);
        }
        if (i >= steps->size()) {
            timer->stop();
            std::printf("QML-varningar: %d\n", g_qmlWarnings.load());
            std::fflush(stdout);
            QCoreApplication::exit(g_qmlWarnings.load() == 0 ? 0 : 1);
            return;
        }
        (*steps)[i].prepare();
    });
    timer->start();
}

}  // namespace

int main(int argc, char* argv[])
{
    g_previousHandler = qInstallMessageHandler(countQmlWarnings);
    QElapsedTimer sinceStart;
    sinceStart.start();
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Samkoll"));
    QGuiApplication::setApplicationName(QStringLiteral("Samkoll"));
    QGuiApplication::setApplicationVersion(QStringLiteral(SAMKOLL_VERSION));

    QCommandLineParser options;
    options.setApplicationDescription(QStringLiteral("Samkoll – uppföljning för samordningsförbund"));
    options.addHelpOption();
    options.addVersionOption();
    QCommandLineOption data(QStringLiteral("data"), QStringLiteral("Katalog för den lokala databasen."), QStringLiteral("katalog"));
    QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("Språk: sv eller en."), QStringLiteral("språk"));
    QCommandLineOption enrolUrl(QStringLiteral("enrol"), QStringLiteral("Registrera mot servern (om inte redan gjort)."),
                                QStringLiteral("adress"));
    QCommandLineOption code(QStringLiteral("code"), QStringLiteral("Registreringskod från kansliet."), QStringLiteral("kod"));
    QCommandLineOption ca(QStringLiteral("ca"), QStringLiteral("Serverns certifikat (PEM)."), QStringLiteral("fil"));
    QCommandLineOption tour(QStringLiteral("tour"), QStringLiteral("Gå igenom huvudvyerna, spara skärmbilder och avsluta."),
                            QStringLiteral("katalog"));
    QCommandLineOption firstFrame(QStringLiteral("first-frame"),
                                  QStringLiteral("Skriv tiden till första användbara bildrutan och avsluta (mätning)."));
    QCommandLineOption syncSeconds(QStringLiteral("sync-interval"), QStringLiteral("Sekunder mellan bakgrundssynkar (0 = av)."),
                                   QStringLiteral("sekunder"));
    options.addOptions({data, lang, enrolUrl, code, ca, tour, firstFrame, syncSeconds});
    options.process(app);

    const QString dataDir = options.isSet(data) ? options.value(data)
                                                : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDir);
    QSettings settings(dataDir + QStringLiteral("/samkoll.ini"), QSettings::IniFormat);

    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    samkoll::client::AppController controller(dataDir + QStringLiteral("/samkoll.db"));
    controller.setLanguage(options.isSet(lang) ? options.value(lang) : settings.value("language", "sv").toString());
    if (options.isSet(syncSeconds))
        controller.setBackgroundSyncSeconds(options.value(syncSeconds).toInt());

    QQmlApplicationEngine engine;
    samkoll::client::Localization localization;
    localization.apply(controller.language());
    QObject::connect(&controller, &samkoll::client::AppController::languageChanged, &app, [&] {
        localization.apply(controller.language(), &engine);
        settings.setValue("language", controller.language());
    });
    samkoll::client::AppController::setInstance(&controller);  // the QML singleton App
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/Samkoll/qml/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());

    if (options.isSet(firstFrame) && window) {
        // The first *usable* frame: the database open and, on an enrolled
        // device, the first page of the case list on screen.
        QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] {
            const bool usable = controller.ready() &&
                                (!controller.enrolled() || (!controller.cases()->loading() && controller.cases()->rowCount() > 0));
            if (!usable)
                return;
            std::printf("första användbara bildrutan efter %lld ms, minne %ld kB\n", static_cast<long long>(sinceStart.elapsed()),
                        peakMemoryKb());
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
        QTimer::singleShot(60000, &app, [] { QCoreApplication::exit(3); });  // never hang a measurement
    }

    // First start from the command line (scripts/demo): enrol once, then never again.
    if (options.isSet(enrolUrl)) {
        QObject::connect(&controller, &samkoll::client::AppController::stateChanged, &app, [&, done = false]() mutable {
            if (done || !controller.ready())
                return;
            done = true;
            if (!controller.enrolled())
                controller.enrol(options.value(enrolUrl), options.value(code), options.value(ca));
        });
    }
    if (options.isSet(tour)) {
        const QString dir = options.value(tour);
        // Start when the device is ready and enrolled (or after 10 s whatever the state).
        auto started = std::make_shared<bool>(false);
        auto start = [&engine, &controller, dir, started] {
            if (*started)
                return;
            *started = true;
            runTour(engine, controller, dir);
        };
        QObject::connect(&controller, &samkoll::client::AppController::stateChanged, &app, [&controller, start] {
            if (controller.ready() && controller.enrolled() &&
                (!controller.teamName().isEmpty() || controller.role() == QLatin1String("board")))
                start();
        });
        QTimer::singleShot(10000, &app, start);
    }
    return QGuiApplication::exec();
}
