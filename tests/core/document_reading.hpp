// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a document back in tests: its CSV as Excel would, a table by name.
#pragma once

#include <catch2/catch.hpp>

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "samkoll/report/document.hpp"

namespace samkoll::test {

/// The rows of a CSV file written by tableCsv (no quoted field holds a line break here).
inline std::vector<std::vector<std::string>> readCsv(const std::string& text)
{
    REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);  // the BOM Excel needs
    std::vector<std::vector<std::string>> rows;
    std::istringstream lines(text.substr(3));
    for (std::string line; std::getline(lines, line);) {
        REQUIRE(!line.empty());
        REQUIRE(line.back() == '\r');  // CRLF
        line.pop_back();
        std::vector<std::string> fields;
        std::string field;
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (quoted) {
                if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                    field += '"', ++i;
                else if (c == '"')
                    quoted = false;
                else
                    field += c;
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                fields.push_back(field);
                field.clear();
            } else {
                field += c;
            }
        }
        fields.push_back(field);
        rows.push_back(std::move(fields));
    }
    return rows;
}

inline const samkoll::core::DocTable& table(const samkoll::core::Document& d, const std::string& name)
{
    for (const auto& s : d.sections)
        for (const auto& t : s.tables)
            if (t.name == name)
                return t;
    FAIL("no table " << name);
    throw std::logic_error("unreachable");
}

}  // namespace samkoll::test
