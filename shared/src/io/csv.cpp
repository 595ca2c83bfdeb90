// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/io/csv.hpp"

#include "samkoll/domain/text.hpp"

#include <charconv>
#include <cmath>

#include "samkoll/domain/terms.hpp"

namespace samkoll::core {

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

namespace {

char detectDelimiter(std::string_view text)
{
    std::size_t semicolons = 0, commas = 0, tabs = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        if (quoted)
            continue;
        if (c == '\n')
            break;
        semicolons += c == ';';
        commas += c == ',';
        tabs += c == '\t';
    }
    if (semicolons >= commas && semicolons >= tabs && semicolons > 0)
        return ';';
    if (tabs > commas)
        return '\t';
    return ',';
}

/// Removes spaces (and no-break spaces) used as digit grouping and turns a
/// Unicode minus into '-'.
std::string normaliseNumber(std::string_view text)
{
    text = trim(text);
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == ' ')
            continue;
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            ++i;
            continue;
        }
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x88 &&
            static_cast<unsigned char>(text[i + 2]) == 0x92) {
            out.push_back('-');
            i += 2;
            continue;
        }
        out.push_back(static_cast<char>(c));
    }
    return out;
}

}  // namespace

std::optional<std::int64_t> parseInteger(std::string_view text)
{
    const std::string s = normaliseNumber(text);
    if (s.empty())
        return std::nullopt;
    const char* begin = s.data() + (s[0] == '+' ? 1 : 0);
    std::int64_t v = 0;
    auto [ptr, ec] = std::from_chars(begin, s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size())
        return std::nullopt;
    return v;
}

std::optional<std::int64_t> parseKronor(std::string_view text)
{
    std::string s = normaliseNumber(text);
    if (s.empty())
        return std::nullopt;
    const auto comma = s.find_first_of(",.");
    std::string whole = s.substr(0, comma);
    std::string fraction = comma == std::string::npos ? std::string() : s.substr(comma + 1);
    if (fraction.size() > 2 || fraction.find_first_not_of("0123456789") != std::string::npos ||
        (comma != std::string::npos && fraction.empty()))
        return std::nullopt;
    const bool negative = !whole.empty() && whole[0] == '-';
    auto kronor = parseInteger(whole);
    if (!kronor || (whole == "-" || whole == "+"))
        return std::nullopt;
    fraction.resize(2, '0');
    const std::int64_t ore = (fraction[0] - '0') * 10 + (fraction[1] - '0');
    if (*kronor > 90'000'000'000'000'000 / 100 || *kronor < -90'000'000'000'000'000 / 100)
        return std::nullopt;
    return *kronor * 100 + (negative ? -ore : ore);
}

std::optional<double> parseDecimal(std::string_view text)
{
    std::string s = normaliseNumber(text);
    if (s.empty())
        return std::nullopt;
    for (auto& c : s)
        if (c == ',')
            c = '.';
    double v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<std::size_t> CsvTable::column(std::initializer_list<std::string_view> names) const
{
    for (auto name : names) {
        const std::string key = foldCase(name);
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == key)
                return i;
    }
    return std::nullopt;
}

std::string CsvTable::where(const Row& row) const
{
    return fileName + ", rad " + std::to_string(row.line);
}

Result<CsvTable> parseCsv(std::string_view input, const std::string& fileName)
{
    CsvTable table;
    table.fileName = fileName;
    std::string_view text = input;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    // Swedish Excel saves "CSV (semikolonavgränsad)" in Windows-1252, not
    // UTF-8: a file that is not valid UTF-8 is read as Windows-1252.
    std::string converted;
    if (!validUtf8(text)) {
        converted = fromWindows1252(text);
        text = converted;
        table.encoding = "Windows-1252";
    }
    if (text.find('\0') != std::string_view::npos) {
        Error e = makeError("invalid_csv", "", "filen innehåller binära data – spara den som CSV (UTF-8) och försök igen");
        e.where = fileName;
        return e;
    }
    table.delimiter = detectDelimiter(text);

    std::vector<std::vector<std::string>> records;
    std::vector<int> lines;
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    int line = 1;
    int recordLine = 1;
    auto endField = [&] {
        fields.push_back(fieldWasQuoted ? field : std::string(trim(field)));
        field.clear();
        fieldWasQuoted = false;
    };
    auto endRecord = [&] {
        endField();
        // Spreadsheets export empty rows as ";;;;" — those are blank too.
        bool blank = true;
        for (const auto& f : fields)
            blank = blank && f.empty();
        if (!blank) {
            records.push_back(std::move(fields));
            lines.push_back(recordLine);
        }
        fields.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field.push_back(c);
            }
            continue;
        }
        if (c == '"' && trim(field).empty()) {
            field.clear();
            quoted = true;
            fieldWasQuoted = true;
        } else if (c == table.delimiter) {
            endField();
        } else if (c == '\r') {
            continue;
        } else if (c == '\n') {
            endRecord();
            ++line;
            recordLine = line;
        } else {
            field.push_back(c);
        }
    }
    if (quoted) {
        Error e = makeError("invalid_csv", "", "citattecknet som börjar på raden avslutas aldrig");
        e.where = fileName + ", rad " + std::to_string(recordLine);
        return e;
    }
    if (!field.empty() || !fields.empty())
        endRecord();
    if (records.empty()) {
        Error e = makeError("invalid_csv", "", "filen är tom – första raden ska vara en rubrikrad med kolumnnamn");
        e.where = fileName;
        return e;
    }
    for (const auto& h : records[0])
        table.header.push_back(foldCase(h));
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() != table.header.size()) {
            Error e = makeError("invalid_csv", "",
                                "raden har " + std::to_string(records[r].size()) + " fält men rubrikraden har " +
                                    std::to_string(table.header.size()) + " (avgränsare '" +
                                    std::string(1, table.delimiter == '\t' ? ' ' : table.delimiter) + "')");
            e.where = fileName + ", rad " + std::to_string(lines[r]);
            return e;
        }
        table.rows.push_back({lines[r], std::move(records[r])});
    }
    return table;
}

}  // namespace samkoll::core
