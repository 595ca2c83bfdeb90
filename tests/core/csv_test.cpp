// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "samkoll/io/csv.hpp"

using namespace samkoll::core;

TEST_CASE("CSV: Swedish Excel export with semicolons, BOM and CRLF", "[core][csv]")
{
    auto t = parseCsv("\xEF\xBB\xBF" "Kod;Kön;Text\r\nA-1;Kvinna;\"ett; två\"\r\n\r\n;;\r\nA-2;Man;\"sa \"\"hej\"\"\"\r\n", "f.csv");
    REQUIRE(t);
    CHECK(t->delimiter == ';');
    CHECK(t->header == std::vector<std::string>{"kod", "kön", "text"});
    REQUIRE(t->rows.size() == 2);
    CHECK(t->rows[0].fields[2] == "ett; två");
    CHECK(t->rows[1].fields[2] == "sa \"hej\"");
    CHECK(t->rows[1].line == 5);
    CHECK(t->column({"kön"}) == 1u);
    CHECK(t->column({"KÖN"}) == 1u);
}

TEST_CASE("CSV: commas and tabs are detected", "[core][csv]")
{
    auto c = parseCsv("a,b\n1,2\n", "c.csv");
    REQUIRE(c);
    CHECK(c->delimiter == ',');
    auto t = parseCsv("a\tb\n1\t2\n", "t.csv");
    REQUIRE(t);
    CHECK(t->delimiter == '\t');
}

TEST_CASE("CSV: malformed files are refused with file and line", "[core][csv]")
{
    auto fields = parseCsv("a;b\n1;2\n1;2;3\n", "x.csv");
    REQUIRE_FALSE(fields);
    CHECK(fields.error().where == "x.csv, rad 3");
    auto quote = parseCsv("a;b\n1;\"open\n", "q.csv");
    REQUIRE_FALSE(quote);
    CHECK(quote.error().where == "q.csv, rad 2");
    CHECK_FALSE(parseCsv("", "e.csv"));
    CHECK_FALSE(parseCsv(std::string("a;b\n1;\0", 7), "bin.csv"));
}

TEST_CASE("Numbers in Swedish format", "[core][csv]")
{
    CHECK(parseInteger("12 345") == 12345);
    CHECK(parseInteger("-3") == -3);
    CHECK(parseInteger("−3") == -3);
    CHECK(parseInteger("+7") == 7);
    CHECK_FALSE(parseInteger("3,5"));
    CHECK_FALSE(parseInteger("abc"));
    CHECK_FALSE(parseInteger(""));
    CHECK(parseDecimal("1 234,5") == Approx(1234.5));
    CHECK(parseDecimal("0.25") == Approx(0.25));
    CHECK_FALSE(parseDecimal("1,2,3"));
}
