// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/domain/personnummer.hpp"

#include <string>

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

bool plausibleDate(std::string_view mmdd)
{
    const int month = number(mmdd.substr(0, 2));
    int day = number(mmdd.substr(2, 2));
    if (day > 60)
        day -= 60;  // samordningsnummer
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

bool looksLikePersonnummer(std::string_view text)
{
    // Collapse the text into runs of digits, keeping a single '-', '+' or space
    // between digits so that "850101-1234" and "850101 1234" are one candidate.
    for (std::size_t start = 0; start < text.size(); ++start) {
        if (!isDigit(text[start]) || (start > 0 && isDigit(text[start - 1])))
            continue;
        std::size_t i = start;
        std::string datePart;
        while (i < text.size() && isDigit(text[i]))
            datePart.push_back(text[i++]);
        if (datePart.size() != 6 && datePart.size() != 8 && datePart.size() != 10 && datePart.size() != 12)
            continue;
        std::string serial;
        if (datePart.size() == 10 || datePart.size() == 12) {
            serial = datePart.substr(datePart.size() - 4);
            datePart.resize(datePart.size() - 4);
        } else if (i + 1 < text.size() && (text[i] == '-' || text[i] == '+' || text[i] == ' ')) {
            std::size_t j = i + 1;
            while (j < text.size() && isDigit(text[j]))
                serial.push_back(text[j++]);
            if (serial.size() != 4)
                continue;
        } else {
            continue;
        }
        const std::string_view mmdd = std::string_view(datePart).substr(datePart.size() - 4);
        if (datePart.size() == 8) {
            const int century = number(std::string_view(datePart).substr(0, 2));
            if (century != 18 && century != 19 && century != 20)
                continue;
        }
        if (plausibleDate(mmdd))
            return true;
    }
    return false;
}

}  // namespace samkoll::core
