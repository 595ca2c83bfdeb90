// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/io/gzip.hpp"

#include <zlib.h>

namespace samkoll::core {

std::string gzipCompress(std::string_view data)
{
    z_stream zs{};
    // Level 1, as web servers use for bodies compressed on the fly: JSON with
    // repeated keys shrinks nearly as much as at the default level, at a
    // fraction of the CPU (a 2 000-operation batch is compressed per request).
    deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out;
    out.resize(deflateBound(&zs, static_cast<uLong>(data.size())) + 32);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

Result<std::string> gzipDecompress(std::string_view data, std::size_t limit)
{
    const auto invalid = [] { return makeError("invalid_body", "body", "kroppen är inte giltig gzip"); };
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 16) != Z_OK)
        return invalid();
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    std::string out;
    char buf[16384];
    int rc = Z_OK;
    bool tooLarge = false;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            break;
        out.append(buf, sizeof buf - zs.avail_out);
        if (out.size() > limit) {
            tooLarge = true;
            break;
        }
        if (zs.avail_in == 0 && rc == Z_OK && zs.avail_out != 0)
            break;  // truncated input
    }
    inflateEnd(&zs);
    if (tooLarge)
        return makeError("too_large", "body",
                         "kroppen är för stor uppackad (högst " + std::to_string(limit / (1024 * 1024)) + " MiB)");
    if (rc != Z_STREAM_END)
        return invalid();
    return out;
}

}  // namespace samkoll::core
