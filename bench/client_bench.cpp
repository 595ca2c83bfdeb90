// SPDX-License-Identifier: GPL-3.0-or-later
// The client's benchmarks (figures printed, never asserted):
//  1. cold start to first frame of the real client on a device with N cases,
//     against the smallest Qt Quick window started the same way in the same run;
//  2. opening the case list (the real CasesPage and AppController) on N cases,
//     in frames, and scrolling through it screen by screen, with the memory the
//     process grew by;
//  3. the Förbundet screen (the kansli's and the board's) with 7 teams × 5
//     years: the server's computation of it, the answer made into the
//     screen's lists, and the frames until the ranking and the trend show.
// Usage: client_bench [--cases 100000] [--starts 5] [--screens 300]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickView>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>

#include <nlohmann/json.hpp>

#include "app_controller.hpp"
#include "samkoll/demo/demo_data.hpp"
#include "samkoll/io/budget_json.hpp"
#include "samkoll/report/reports.hpp"
#include "samkoll/store/repository.hpp"
#include "sync_engine.hpp"

Q_IMPORT_QML_PLUGIN(SamkollPlugin)

namespace {

using Clock = std::chrono::steady_clock;
using namespace samkoll::core;

long kilobytes(const char* field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0)
            return std::stol(line.substr(std::strlen(field)));
    return 0;
}

/// A Vännäs device, enrolled against a server that is not there (offline), with `n` cases.
void seed(const std::string& path, int n)
{
    samkoll::client::SyncEngine engine(path);
    Repository repo(engine.database());
    const Id fed = repo.addFederation("sf", "Samordningsförbundet Bench").value();
    (void)repo.addMember(fed, "vannas", "Vännäs kommun", MemberKind::Kommun);
    const Id team = repo.addTeam(fed, "vannas", "Samordningsteamet Vännäs", std::string("vannas")).value();
    for (auto [k, v] : {std::pair<const char*, const char*>{"federation", "sf"}, {"team", "vannas"}, {"role", "coordinator"},
                        {"server_url", "https://127.0.0.1:9"}, {"device_id", "bench"}, {"token", "x"}})
        (void)engine.replica().setState(k, v);
    auto& db = engine.database();
    (void)inTransaction<void>(db, [&]() -> Status {
        auto st = db.prepare(
            "INSERT INTO cases (uid, federation_id, team_id, code, gender, birth_year, referral_date, referring_party, "
            "decision, decision_date, start_date) VALUES (?, ?, ?, ?, ?, ?, ?, 'af', 'yes', ?, ?)");
        for (int i = 0; i < n; ++i) {
            const Date referral = Date::fromDays(Date{2015, 1, 1}.days() + i % 4000);
            st.bind(1, "bench-" + std::to_string(i)).bind(2, fed).bind(3, team).bind(4, "VNS-" + std::to_string(100000 + i));
            st.bind(5, i % 2 ? "man" : "woman").bind(6, 1970 + i % 30).bind(7, referral.iso());
            st.bind(8, Date::fromDays(referral.days() + 3).iso()).bind(9, Date::fromDays(referral.days() + 10).iso());
            st.run();
            st.reset();
        }
        return {};
    });
}

struct Start {
    double ms = -1;  ///< from fork to the child's first line ("first frame")
    long peakKb = 0; ///< the child's peak memory then, as it printed ("minne N kB")
};

Start timeToFirstFrame(const std::vector<std::string>& argv)
{
    int out[2];
    if (pipe(out) != 0)
        return {};
    const auto start = Clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        close(out[1]);
        std::vector<char*> args;
        for (const auto& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    close(out[1]);
    char buf[256];
    const auto got = read(out[0], buf, sizeof buf);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    close(out[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (got <= 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return {};
    const std::string line(buf, static_cast<std::size_t>(got));
    const auto at = line.find("minne ");
    return {ms, at == std::string::npos ? 0 : std::stol(line.substr(at + 6))};
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char* argv[])
{
    int cases = 100000, starts = 5, screens = 300;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--cases"))
            cases = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--starts"))
            starts = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--screens"))
            screens = std::atoi(argv[i + 1]);
    }
    QTemporaryDir dir;
    const auto db = dir.filePath(QStringLiteral("samkoll.db")).toStdString();
    std::printf("Förbereder en enhet med %d ärenden …\n", cases);
    seed(db, cases);

    // --- 1. Cold start ---------------------------------------------------------
    const auto here = std::filesystem::path(argv[0]).parent_path();
    const std::string client = (here / ".." / "client" / "samkoll").string();
    const std::string minimal = (here / "minimal_quick_window").string();
    std::vector<double> app, base, appKb, baseKb;
    for (int i = 0; i < starts; ++i) {
        const auto b = timeToFirstFrame({minimal});
        const auto a = timeToFirstFrame({client, "--data", dir.path().toStdString(), "--first-frame", "--sync-interval", "0"});
        base.push_back(b.ms);
        baseKb.push_back(static_cast<double>(b.peakKb));
        app.push_back(a.ms);
        appKb.push_back(static_cast<double>(a.peakKb));
    }
    const double appMs = median(app), baseMs = median(base);
    std::printf("\nKallstart till första bildruta (median av %d):\n", starts);
    std::printf("  minsta Qt Quick-fönster  %8.1f ms\n", baseMs);
    std::printf("  Samkoll, %6d ärenden   %8.1f ms   = %.2f× (mål ≤ 2×), första sidan av listan på skärmen\n", cases, appMs,
                baseMs > 0 ? appMs / baseMs : 0.0);
    std::printf("  minne vid första bildrutan: minsta fönstret %.1f MB, Samkoll %.1f MB (+%.1f MB)\n", median(baseKb) / 1024,
                median(appKb) / 1024, (median(appKb) - median(baseKb)) / 1024);

    // --- 2. The case list in process ---------------------------------------------
    QGuiApplication qapp(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    const long rssBefore = kilobytes("VmRSS:");
    auto controller = std::make_unique<samkoll::client::AppController>(QString::fromStdString(db));
    controller->setBackgroundSyncSeconds(0);
    samkoll::client::AppController::setInstance(controller.get());
    QQuickView view;
    view.engine()->addImportPath(QStringLiteral("qrc:/"));
    view.setResizeMode(QQuickView::SizeRootObjectToView);
    view.resize(1200, 780);
    QElapsedTimer opening;
    opening.start();
    int frames = 0;
    QObject::connect(&view, &QQuickWindow::frameSwapped, &view, [&] { ++frames; });
    view.setSource(QUrl(QStringLiteral("qrc:/Samkoll/qml/CasesPage.qml")));
    view.show();
    auto* list = view.rootObject() ? view.rootObject()->findChild<QQuickItem*>(QStringLiteral("caseList")) : nullptr;
    if (!list) {
        std::printf("ärendelistan hittades inte\n");
        return 1;
    }
    auto spin = [&](auto done, int ms) {
        QElapsedTimer t;
        t.start();
        while (!done() && t.elapsed() < ms)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        return done();
    };
    spin([&] { return list->property("count").toInt() > 0 && frames > 0; }, 30000);
    const int framesAtOpen = frames;
    const long rssOpen = kilobytes("VmRSS:");
    const double openMs = static_cast<double>(opening.elapsed());
    std::printf("\nÄrendelistan med %d ärenden:\n", cases);
    std::printf("  öppnad med första sidan på %.0f ms (%d bildrutor; %.1f bildrutor à 16,7 ms)\n", openMs, framesAtOpen,
                openMs / 16.7);

    // Scroll a screen at a time, waiting for each frame; pages are fetched as the view nears the end.
    std::vector<double> frameMs;
    const double screen = list->height();
    for (int s = 0; s < screens; ++s) {
        const int before = frames;
        const auto t0 = Clock::now();
        const double maxY = list->property("contentHeight").toDouble() - screen;
        list->setProperty("contentY", std::min(list->property("contentY").toDouble() + screen, std::max(0.0, maxY)));
        spin([&] { return frames > before; }, 2000);
        frameMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(frameMs.begin(), frameMs.end());
    const auto rows = controller->cases()->rowCount();
    std::printf("  rullad %d skärmar (%d rader hämtade): bildruta median %.1f ms, 95:e percentil %.1f ms, längsta %.1f ms\n",
                screens, rows, frameMs[frameMs.size() / 2], frameMs[frameMs.size() * 95 / 100], frameMs.back());
    const long peak = kilobytes("VmHWM:");
    std::printf("  minne: fönstret med första sidan +%.1f MB (Qt Quick, renderare, typsnitt, databas), "
                "rullningen därefter +%.1f MB; topp %.1f MB (mål: tillväxt under 100 MB)\n",
                (rssOpen - rssBefore) / 1024.0, (peak - rssOpen) / 1024.0, peak / 1024.0);

    // --- 3. Förbundet: 7 teams × 5 years ---------------------------------------------
    // The demo förbund (7 teams, 2020–2021) with the same social budget for
    // 2017–2019 too, so the trend has five years to compute and draw.
    auto demoDb = Database::open(":memory:").value();
    Repository demoRepo(*demoDb);
    const auto demo = createDemoFederation(demoRepo);
    if (!demo) {
        std::printf("demoförbundet: %s\n", demo.error().describe().c_str());
        return 1;
    }
    for (int y = 2017; y <= 2019; ++y) {
        auto doc = parseBudgetDocument(socialBudgetTemplate2021());
        if (!doc)
            return 1;
        doc->budget.year = y;
        (void)demoRepo.saveBudget(demo->federationId, *doc, false);
    }
    const auto computing = Clock::now();
    auto federationView = federationOverviewJson(*demoDb, demo->federationId, 2021, std::nullopt, Language::Swedish, 0, "nu");
    const double computeMs = std::chrono::duration<double, std::milli>(Clock::now() - computing).count();
    if (!federationView) {
        std::printf("förbundsvyn: %s\n", federationView.error().describe().c_str());
        return 1;
    }
    QQuickView fedView;
    fedView.engine()->addImportPath(QStringLiteral("qrc:/"));
    fedView.setResizeMode(QQuickView::SizeRootObjectToView);
    fedView.resize(1200, 780);
    int fedFrames = 0;
    QObject::connect(&fedView, &QQuickWindow::frameSwapped, &fedView, [&] { ++fedFrames; });
    fedView.setSource(QUrl(QStringLiteral("qrc:/Samkoll/qml/FederationPage.qml")));
    fedView.show();
    spin([&] { return fedFrames > 0; }, 10000);
    auto* ranking = fedView.rootObject() ? fedView.rootObject()->findChild<QQuickItem*>(QStringLiteral("rankingList")) : nullptr;
    if (!ranking) {
        std::printf("rangordningen hittades inte\n");
        return 1;
    }
    const auto preparing = Clock::now();
    auto prepared = samkoll::client::FederationView::prepare(*federationView);  // on the database thread in the client
    const double prepareMs = std::chrono::duration<double, std::milli>(Clock::now() - preparing).count();
    const int framesBefore = fedFrames;
    const auto showing = Clock::now();
    controller->federationView()->show(std::move(prepared), false);  // what the job's answer does on the GUI thread
    const double convertMs = std::chrono::duration<double, std::milli>(Clock::now() - showing).count();
    spin([&] { return ranking->property("count").toInt() == 7 && fedFrames > framesBefore; }, 10000);
    const double shownMs = std::chrono::duration<double, std::milli>(Clock::now() - showing).count();
    QMetaObject::invokeMethod(fedView.rootObject(), "showTrend");
    const int beforeTrend = fedFrames;
    const auto trendAt = Clock::now();
    spin([&] { return fedFrames > beforeTrend; }, 10000);
    const double trendMs = std::chrono::duration<double, std::milli>(Clock::now() - trendAt).count();
    std::printf("\nFörbundet, 7 team × %zu år:\n", federationView->at("trend").at("years").size());
    std::printf("  servern räknar vyn (kärnan, 5 års index för förbundet och alla team) på %.0f ms\n", computeMs);
    std::printf("  svaret görs om till listor på databastråden på %.0f ms\n", prepareMs);
    std::printf("  på GUI-tråden: listorna byts på %.1f ms; rangordningen på skärmen efter %.0f ms "
                "(%d bildrutor); fliken Över åren ritad på %.0f ms (mål: inom några bildrutor à 16,7 ms)\n",
                convertMs, shownMs, fedFrames - framesBefore, trendMs);
    return 0;
}
