// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace samkoll::server {

/// Runs the admin command line (`samkolld …`) with `args` (without the program
/// name), writing results to `out` and errors to `err`. Returns the exit code:
/// 0 success, 1 a refused or failed operation, 2 a usage error.
int runAdminCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace samkoll::server
