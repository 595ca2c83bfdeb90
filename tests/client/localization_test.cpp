// SPDX-License-Identifier: GPL-3.0-or-later
// Swedish by default from the compiled-in translation, English selectable,
// numbers in Swedish format either way.
#include <QCoreApplication>
#include <QLocale>

#include <catch2/catch.hpp>

#include "formatting.hpp"
#include "localization.hpp"

using samkoll::client::Localization;

TEST_CASE("Swedish is complete in the program and English can be chosen", "[client][i18n]")
{
    Localization l10n;
    REQUIRE(l10n.apply(QStringLiteral("sv")));
    CHECK(QCoreApplication::translate("Terms", "Woman") == "Kvinna");
    CHECK(QCoreApplication::translate("samkoll::client::AppController", "never") == "aldrig");
    CHECK(samkoll::client::termLabel(QStringLiteral("status"), QStringLiteral("active")) == "Pågående");
    CHECK(samkoll::client::formatCount(12345) == QStringLiteral("12\u00a0345"));
    CHECK(samkoll::client::formatPercent(0.775, 1) == QStringLiteral("77,5 %"));

    REQUIRE(l10n.apply(QStringLiteral("en")));
    CHECK(QCoreApplication::translate("Terms", "Woman") == "Woman");
    CHECK(samkoll::client::termLabel(QStringLiteral("status"), QStringLiteral("active")) == "Ongoing");
    CHECK(samkoll::client::formatPercent(0.775, 1) == QStringLiteral("77,5 %"));  // Swedish numbers in English too
    REQUIRE(l10n.apply(QStringLiteral("sv")));
    CHECK(QCoreApplication::translate("Terms", "Woman") == "Kvinna");
    l10n.apply(QStringLiteral("en"));  // leave the other tests in the source language
}
