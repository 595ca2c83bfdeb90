// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/report/format.hpp"

#include <cmath>
#include <cstdio>

namespace samkoll::core {

std::string formatInteger(std::int64_t value)
{
    const bool negative = value < 0;
    std::string digits = std::to_string(negative ? -value : value);
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out.push_back(' ');
        out.push_back(digits[i]);
    }
    return negative ? "−" + out : out;
}

std::string formatCenti(std::int64_t centi)
{
    const bool negative = centi < 0;
    const std::int64_t abs = negative ? -centi : centi;
    std::string out = formatInteger(abs / 100);
    const std::int64_t frac = abs % 100;
    if (frac != 0) {
        out += ',';
        out += static_cast<char>('0' + frac / 10);
        if (frac % 10 != 0)
            out += static_cast<char>('0' + frac % 10);
    }
    return negative ? "−" + out : out;
}

std::string formatDecimal(double value, int decimals)
{
    if (!std::isfinite(value))
        return "–";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
    std::string text = buf;
    const auto dot = text.find('.');
    std::string whole = text.substr(0, dot);
    std::string out = formatInteger(std::stoll(whole));
    if (dot != std::string::npos)
        out += "," + text.substr(dot + 1);
    const bool negative = value < 0 && out.find_first_not_of("0, ") != std::string::npos;
    return negative ? "−" + out : out;
}

std::string formatPercent(std::int64_t n, std::int64_t N)
{
    if (N <= 0)
        return "–";
    return formatInteger(divRoundHalfUp(100 * n, N)) + " %";
}

std::string formatShare(std::int64_t n, std::int64_t N, Language language)
{
    const std::string of(say(language, " av ", " of "));
    if (N <= 0)
        return "– (0" + of + "0)";
    return formatPercent(n, N) + " (" + formatInteger(n) + of + formatInteger(N) + ")";
}

std::size_t displayWidth(std::string_view text)
{
    std::size_t w = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80)
            ++w;
    return w;
}

// Never cuts: a longer text keeps every character and one separating space.
std::string padRight(std::string_view text, std::size_t width)
{
    std::string out(text);
    const auto w = displayWidth(out);
    out.append(w < width ? width - w : 1, ' ');
    return out;
}

std::string padLeft(std::string_view text, std::size_t width)
{
    const auto w = displayWidth(text);
    return std::string(w < width ? width - w : 1, ' ') + std::string(text);
}

std::string csvField(const std::string& text)
{
    if (text.find_first_of(";\"\r\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace samkoll::core
