// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace samkoll::core {

/// True when `text` (UTF-8) contains something shaped like a Swedish personal
/// identity number or coordination number (day 61–91), with a possible date:
/// - YYMMDDNNNN, YYYYMMDDNNNN, or the date and the last four separated by any
///   one run of '-', '+', space, '_', '.', '/', … — the check digit is not
///   required there: a mistyped personnummer is still a personnummer;
/// - ten or twelve digits typed in other groups ("81 12 18 98 76",
///   "1981-12-18-9876"): then the Luhn check digit must hold, so phone numbers
///   and dates are not mistaken for one.
/// Unicode digits (fullwidth, …), dashes (en dash, minus, …) and spaces (no-break,
/// thin, …) count as their ASCII forms.
bool looksLikePersonnummer(std::string_view text);

}  // namespace samkoll::core
