// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace samkoll::core {

/// True when `text` contains something shaped like a Swedish personal identity
/// number or coordination number: YYMMDD-NNNN, YYMMDD+NNNN, YYMMDDNNNN,
/// YYYYMMDDNNNN or YYYYMMDD-NNNN, with a possible date (day 61–91 for a
/// samordningsnummer). The check digit is deliberately not required: a mistyped
/// personnummer is still a personnummer.
bool looksLikePersonnummer(std::string_view text);

}  // namespace samkoll::core
