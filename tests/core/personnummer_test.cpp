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
