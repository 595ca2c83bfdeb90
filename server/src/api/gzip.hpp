// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace samkoll::server {

/// gzip-compresses `data` (zlib).
std::string gzipCompress(std::string_view data);
/// Decompresses gzip data; nullopt when it is not valid gzip or would exceed `limit` bytes.
std::optional<std::string> gzipDecompress(std::string_view data, std::size_t limit);

}  // namespace samkoll::server
