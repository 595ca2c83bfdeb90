// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the importers: reading one CSV row's fields with errors that
// name the file, the line and the field.
#pragma once

#include <optional>
#include <string>

#include "samkoll/domain/date.hpp"
#include "samkoll/domain/terms.hpp"
#include "samkoll/io/csv.hpp"

namespace samkoll::core::csv_rows {

/// Reads the fields of one CSV row and builds errors that name file, line and field.
class RowReader {
public:
    RowReader(const CsvTable& t, const CsvTable::Row& r) : m_table(t), m_row(r) {}

    [[nodiscard]] std::string get(std::optional<std::size_t> column) const
    {
        return column ? m_row.fields[*column] : std::string();
    }

    [[nodiscard]] Error error(const std::string& field, const std::string& message, const char* code = "invalid_value") const
    {
        Error e = makeError(code, field, message);
        e.where = m_table.where(m_row);
        return e;
    }

    [[nodiscard]] Error wrap(Error e) const
    {
        e.where = m_table.where(m_row);
        return e;
    }

    template <typename E>
    Result<std::optional<E>> term(std::optional<std::size_t> column, const std::string& field, bool required) const
    {
        const auto text = get(column);
        if (text.empty()) {
            if (required)
                return error(field, "värde saknas – tillåtna: " + listCodes(termsOf<E>()), "required");
            return std::optional<E>();
        }
        auto v = parseTerm<E>(text);
        if (!v)
            return error(field, "okänt värde '" + text + "' för " + std::string(vocabularyName<E>()) +
                                    " – tillåtna: " + listCodes(termsOf<E>()));
        return std::optional<E>(*v);
    }

    Result<std::optional<Date>> date(std::optional<std::size_t> column, const std::string& field, bool required) const
    {
        const auto text = get(column);
        if (text.empty()) {
            if (required)
                return error(field, "datum saknas (ÅÅÅÅ-MM-DD)", "required");
            return std::optional<Date>();
        }
        auto d = Date::parse(text, field);
        if (!d)
            return wrap(d.error());
        return std::optional<Date>(*d);
    }

private:
    const CsvTable& m_table;
    const CsvTable::Row& m_row;
};

inline Error missingColumn(const CsvTable& t, const std::string& column)
{
    Error e = makeError("missing_column", column,
                        "kolumnen '" + column + "' saknas i rubrikraden (se docs/formats.md)");
    e.where = t.fileName + ", rad 1";
    return e;
}

}  // namespace samkoll::core::csv_rows
