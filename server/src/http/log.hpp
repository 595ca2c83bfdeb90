// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace samkoll::server {

/// Writes one line to standard error (the journal under systemd):
/// "samkolld: 2026-11-30T03:40:01Z <what>: <detail>". Any thread; lines never
/// interleave. Control characters in `detail` are shown as '?', so nothing a
/// client sent can forge a log line. Never logs tokens or enrolment codes:
/// callers pass what happened, not request bodies or headers.
void logLine(std::string_view what, std::string_view detail = {});

}  // namespace samkoll::server
