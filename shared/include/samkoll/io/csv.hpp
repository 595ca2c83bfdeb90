// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "samkoll/domain/result.hpp"

namespace samkoll::core {

/// A parsed CSV file: RFC 4180 quoting, UTF-8 with or without a BOM, or
/// Windows-1252 (Swedish Excel's default) when the bytes are not UTF-8; CRLF
/// or LF; delimiter ';' (Swedish Excel), ',' or tab — detected from the header line.
struct CsvTable {
    struct Row {
        int line = 0;  ///< 1-based line number in the file, for error messages
        std::vector<std::string> fields;
    };
    std::string fileName;
    char delimiter = ';';
    std::string encoding = "UTF-8";   ///< or "Windows-1252", as read
    std::vector<std::string> header;  ///< case-folded, trimmed
    std::vector<Row> rows;            ///< blank lines are skipped

    /// Column index of the first of `names` present in the header.
    [[nodiscard]] std::optional<std::size_t> column(std::initializer_list<std::string_view> names) const;
    /// "fil.csv, rad 12"
    [[nodiscard]] std::string where(const Row& row) const;
};

Result<CsvTable> parseCsv(std::string_view text, const std::string& fileName);

/// Integer with optional sign and spaces as digit grouping ("12 345", "−3").
std::optional<std::int64_t> parseInteger(std::string_view text);
/// Decimal number with ',' or '.' as decimal separator ("1 234,5").
std::optional<double> parseDecimal(std::string_view text);
/// Kronor with up to two decimals ("−1 234 567,50", "125000") as exact öre.
std::optional<std::int64_t> parseKronor(std::string_view text);
/// Trims spaces and tabs.
std::string_view trim(std::string_view text);

}  // namespace samkoll::core
