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

TEST_CASE("A refusal of the core reads in the chosen language: the core's own sentence in Swedish, by its code in English",
          "[client][i18n]")
{
    Localization l10n;
    const samkoll::core::Error locked{"locked_period", "year", "2021 är fastställt – inget i det kan ändras", {}};
    const samkoll::core::Error conflict{"conflict", "motivation", "bedömningen av 1.2.4 ändrades på en annan dator", {}};
    const samkoll::core::Error invalid{"invalid_value", "kind", "okänd rapport", {}};
    const samkoll::core::Error odd{"no_mapping", "mapping", "förbundet har ingen kontomappning ännu", {}};
    REQUIRE(l10n.apply(QStringLiteral("sv")));
    CHECK(samkoll::client::errorText(locked) == "2021 är fastställt – inget i det kan ändras.");
    CHECK(samkoll::client::errorText(conflict) == "Bedömningen av 1.2.4 ändrades på en annan dator.");
    REQUIRE(l10n.apply(QStringLiteral("en")));
    CHECK(samkoll::client::errorText(locked).startsWith("The year is approved and locked"));
    // The conflict keeps the other judgment's words (the kansli's text), behind an English explanation.
    CHECK(samkoll::client::errorText(conflict).startsWith("Changed on another computer"));
    CHECK(samkoll::client::errorText(conflict).contains("1.2.4"));
    // A value refused: the field in English, the core's words as the detail.
    CHECK(samkoll::client::errorText(invalid) == "kind has a value that cannot be used (Okänd rapport.)");
    // A code without an English text: the core's sentence, never nothing.
    CHECK(samkoll::client::errorText(odd) == "Förbundet har ingen kontomappning ännu.");
}
