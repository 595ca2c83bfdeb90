// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <string_view>

namespace samkoll::core {

/// The schema as ordered migrations; migration i brings user_version from i to i+1.
/// Never edit a released migration: append a new one.
std::span<const std::string_view> schemaMigrations();

/// The schema version this build writes (the number of migrations).
int currentSchemaVersion();

}  // namespace samkoll::core
