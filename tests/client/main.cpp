// SPDX-License-Identifier: GPL-3.0-or-later
// The client's C++ tests: Catch2 inside a Qt application (no window needed).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
