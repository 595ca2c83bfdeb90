// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "samkoll/domain/personnummer.hpp"

using samkoll::core::looksLikePersonnummer;

TEST_CASE("Anything shaped like a personnummer is detected", "[core][personnummer]")
{
    CHECK(looksLikePersonnummer("850101-1234"));
    CHECK(looksLikePersonnummer("850101+1234"));
    CHECK(looksLikePersonnummer("8501011234"));
    CHECK(looksLikePersonnummer("19850101-1234"));
    CHECK(looksLikePersonnummer("198501011234"));
    CHECK(looksLikePersonnummer("VNS-850101-1234"));
    CHECK(looksLikePersonnummer("pnr 850101 1234"));
    SECTION("samordningsnummer (day + 60)")
    {
        CHECK(looksLikePersonnummer("850161-1234"));
    }
    SECTION("a wrong check digit is still a personnummer")
    {
        CHECK(looksLikePersonnummer("850101-1230"));
    }
}

TEST_CASE("Team pseudonyms are not mistaken for personnummer", "[core][personnummer]")
{
    CHECK_FALSE(looksLikePersonnummer("VNS-2021-017"));
    CHECK_FALSE(looksLikePersonnummer("UT-2021-123"));
    CHECK_FALSE(looksLikePersonnummer("VT2021-0042"));
    CHECK_FALSE(looksLikePersonnummer("20210315"));
    CHECK_FALSE(looksLikePersonnummer("851301-1234"));  // month 13
    CHECK_FALSE(looksLikePersonnummer("850100-1234"));  // day 0
    CHECK_FALSE(looksLikePersonnummer("1234567"));
    CHECK_FALSE(looksLikePersonnummer(""));
}

TEST_CASE("Ordinary variants of a personnummer are detected too", "[core][personnummer]")
{
    // 811218-9876 is Skatteverket's example number (valid check digit).
    const char* variants[] = {
        "811218\u20139876",                 // en dash, as a word processor writes '-'
        "811218\u20149876",                 // em dash
        "811218\u22129876",                 // minus sign
        "811218_9876",
        "811218.9876",
        "811218/9876",
        "811218 - 9876",                    // a run of separators
        "811218\u00a09876",                 // no-break space
        "81 12 18 98 76",                   // spaced groups
        "8112 1898 76",
        "1981-12-18-9876",
        "19811218 9876",
        "\uff18\uff11\uff11\uff12\uff11\uff18\uff0d\uff19\uff18\uff17\uff16",  // fullwidth digits and hyphen
        "\u0668\u0661\u0661\u0662\u0661\u0668\u0669\u0668\u0667\u0666",        // Arabic-Indic digits
        "VNS 811218–9876",
        "deltagaren (811278–9873) fick arbete",  // samordningsnummer in a story
    };
    for (const char* v : variants) {
        INFO(v);
        CHECK(looksLikePersonnummer(v));
    }
}

TEST_CASE("Phone numbers, dates and codes in groups are not personnummer", "[core][personnummer]")
{
    const char* ordinary[] = {
        "070-123 45 67",          // a mobile number: date-like, but no valid check digit
        "090-16 15 00",
        "2021-03-15 kl 14.30",
        "möte 2021-09-03, 12 deltagare",
        "81 12 18 98 70",         // spaced groups need the check digit
        "VNS-2021-017",
        "ärende 12 av 95",
    };
    for (const char* v : ordinary) {
        INFO(v);
        CHECK_FALSE(looksLikePersonnummer(v));
    }
}
