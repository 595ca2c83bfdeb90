// SPDX-License-Identifier: GPL-3.0-or-later
// The baseline of the client's start-up benchmark: the smallest Qt Quick
// window (one Controls label), started and measured exactly like the client.
#include <cstdio>
#include <fstream>
#include <string>

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>

int main(int argc, char* argv[])
{
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Fusion"));  // as the client
    QQmlApplicationEngine engine;
    engine.loadData(R"(import QtQuick
import QtQuick.Controls
ApplicationWindow { width: 1200; height: 780; visible: true; Label { text: "Hej" } })");
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().value(0));
    if (!window)
        return 1;
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [] {
        long peak = 0;
        std::ifstream status("/proc/self/status");
        for (std::string line; std::getline(status, line);)
            if (line.rfind("VmHWM:", 0) == 0)
                peak = std::stol(line.substr(6));
        std::printf("första bildrutan, minne %ld kB\n", peak);
        std::fflush(stdout);
        QCoreApplication::exit(0);
    }, Qt::SingleShotConnection);
    return QGuiApplication::exec();
}
