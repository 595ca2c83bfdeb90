// SPDX-License-Identifier: GPL-3.0-or-later
// Test helper: a coordinator who saves cases and survey answers as fast as the
// client lets them, printing "saved N" once each save is confirmed — until
// the test kills the process with SIGKILL at a random moment.
#include <cstdio>

#include <QCoreApplication>

#include "app_controller.hpp"

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    samkoll::client::AppController controller(QString::fromLocal8Bit(argv[1]));
    controller.setBackgroundSyncSeconds(0);
    int saved = 0;
    auto next = [&] {
        auto form = controller.blankCase();
        form["code"] = QStringLiteral("KILL-%1-%2").arg(QCoreApplication::applicationPid()).arg(saved + 1);
        form["gender"] = saved % 2 ? "man" : "woman";
        form["birth_year"] = "1990";
        form["referral_date"] = "2021-03-01";
        form["referring_party"] = "af";
        controller.saveCase(form);
    };
    QObject::connect(&controller, &samkoll::client::AppController::caseSaved, &app, [&] {
        std::printf("saved %d\n", ++saved);
        std::fflush(stdout);
        next();
    });
    QObject::connect(&controller, &samkoll::client::AppController::caseRejected, &app,
                     [&](const QString& field, const QString& message) {
                         std::printf("rejected %s %s\n", qPrintable(field), qPrintable(message));
                         std::fflush(stdout);
                         QCoreApplication::exit(1);
                     });
    QObject::connect(&controller, &samkoll::client::AppController::stateChanged, &app, [&, started = false]() mutable {
        if (!started && controller.ready() && !controller.teamCode().isEmpty()) {
            started = true;
            next();
        }
    });
    return QCoreApplication::exec();
}
