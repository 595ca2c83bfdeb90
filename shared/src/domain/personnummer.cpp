// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/domain/personnummer.hpp"

#include <string>
#include <vector>

namespace samkoll::core {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int number(std::string_view s)
{
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

/// Decodes one UTF-8 character at `i` (advancing it); invalid bytes read as U+FFFD.
char32_t decode(std::string_view s, std::size_t& i)
{
    const auto b = static_cast<unsigned char>(s[i++]);
    if (b < 0x80)
        return b;
    int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
    if (extra < 0)
        return 0xFFFD;
    char32_t c = b & (0x3F >> extra);
    for (; extra > 0; --extra) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80)
            return 0xFFFD;
        c = (c << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return c;
}

/// The text as ASCII as far as a personnummer goes: every Unicode decimal
/// digit a user can type or paste (fullwidth, Arabic-Indic, …) becomes 0–9,
/// every dash (what a word processor makes of '-') becomes '-', every space
/// becomes ' '; anything else becomes 'x' (a letter: it ends a number).
std::string normalise(std::string_view text)
{
    // First code points of Unicode's common blocks of ten decimal digits.
    static constexpr char32_t kZeros[] = {0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66,
                                          0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0E50, 0x0ED0, 0x0F20, 0x1040,
                                          0x17E0, 0x1810, 0xFF10, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6};
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = decode(text, i);
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
            continue;
        }
        char mapped = 'x';
        for (char32_t zero : kZeros)
            if (c >= zero && c < zero + 10)
                mapped = static_cast<char>('0' + (c - zero));
        if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D || c == 0x00AD)
            mapped = '-';
        if (c == 0x00A0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000)
            mapped = ' ';
        if (c == 0xFF0B)
            mapped = '+';
        out.push_back(mapped);
    }
    return out;
}

/// What may stand between the groups of a number that is typed in parts.
bool isSeparator(char c)
{
    return c == '-' || c == '+' || c == ' ' || c == '_' || c == '.' || c == '/' || c == '\t' || c == ':' || c == ',';
}

bool plausibleDate(std::string_view yymmdd)
{
    const int month = number(yymmdd.substr(yymmdd.size() - 4, 2));
    int day = number(yymmdd.substr(yymmdd.size() - 2, 2));
    if (day > 60)
        day -= 60;  // samordningsnummer
    if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31))
        return false;
    if (yymmdd.size() == 8) {
        const int century = number(yymmdd.substr(0, 2));
        return century == 18 || century == 19 || century == 20;
    }
    return true;
}

/// The Luhn check of the ten-digit form YYMMDDNNNC.
bool luhnValid(std::string_view tenDigits)
{
    int sum = 0;
    for (std::size_t i = 0; i < 10; ++i) {
        int d = tenDigits[i] - '0';
        if (i % 2 == 0) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return sum % 10 == 0;
}

struct Group {
    std::string digits;
    std::size_t separators = 0;  ///< length of the separator run before the next group (0: none follows)
    char firstSeparator = 0;
};

}  // namespace

bool looksLikePersonnummer(std::string_view original)
{
    const std::string text = normalise(original);
    // Runs of digits, with the separator run that follows each (a letter ends the chain).
    std::vector<std::vector<Group>> chains(1);
    for (std::size_t i = 0; i < text.size();) {
        if (!isDigit(text[i])) {
            ++i;
            continue;
        }
        Group g;
        while (i < text.size() && isDigit(text[i]))
            g.digits.push_back(text[i++]);
        std::size_t j = i;
        while (j < text.size() && isSeparator(text[j]))
            ++j;
        const bool continues = j < text.size() && isDigit(text[j]) && j > i;
        if (continues) {
            g.separators = j - i;
            g.firstSeparator = text[i];
        }
        chains.back().push_back(std::move(g));
        if (!continues)
            chains.emplace_back();
        i = j;
    }
    for (const auto& chain : chains) {
        for (std::size_t start = 0; start < chain.size(); ++start) {
            // The classic shapes, check digit not required (a mistyped personnummer
            // is still one): YYMMDDNNNN, YYYYMMDDNNNN, and a date group, one
            // separator of any kind, four digits.
            const auto& first = chain[start];
            const auto n = first.digits.size();
            if ((n == 10 || n == 12) && plausibleDate(std::string_view(first.digits).substr(0, n - 4)))
                return true;
            if ((n == 6 || n == 8) && first.separators > 0 && start + 1 < chain.size() &&
                chain[start + 1].digits.size() == 4 && plausibleDate(first.digits))
                return true;
            // Typed in other groups ("85 01 01 12 34", "8501-0112-34"): ten or
            // twelve digits across separators, a date and a valid check digit.
            std::string joined;
            for (std::size_t k = start; k < chain.size() && joined.size() < 12; ++k) {
                joined += chain[k].digits;
                if (k == start)
                    continue;  // one group alone is the classic shape above
                if ((joined.size() == 10 || joined.size() == 12) &&
                    plausibleDate(std::string_view(joined).substr(0, joined.size() - 4)) &&
                    luhnValid(std::string_view(joined).substr(joined.size() - 10)))
                    return true;
                if (k + 1 < chain.size() && chain[k].separators == 0)
                    break;
            }
        }
    }
    return false;
}

}  // namespace samkoll::core
