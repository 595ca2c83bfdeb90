// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "samkoll/domain/result.hpp"

/// gzip for HTTP bodies, shared by the server and the client's transport. Its
/// own small library (samkoll_gzip, zlib), so the core stays free of zlib.
namespace samkoll::core {

/// gzip-compresses `data` (zlib, fastest level).
std::string gzipCompress(std::string_view data);
/// Decompresses gzip data: the error is "too_large" when it would exceed
/// `limit` bytes (a "zip bomb"), "invalid_body" when it is not valid gzip.
Result<std::string> gzipDecompress(std::string_view data, std::size_t limit);

}  // namespace samkoll::core
