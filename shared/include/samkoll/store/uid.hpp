// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace samkoll::core {

/// A new random 128-bit id as 32 hex digits, for rows created anywhere (offline
/// too). Time-ordered: 48 bits of milliseconds, then 80 random bits. Any thread.
std::string newUid();

}  // namespace samkoll::core
