// SPDX-License-Identifier: GPL-3.0-or-later
// The client's C++ tests: Catch2 inside a Qt GUI application (as the client:
// a saved PDF report needs fonts), on the offscreen platform — no window.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QGuiApplication>

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
