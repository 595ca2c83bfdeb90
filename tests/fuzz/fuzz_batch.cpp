// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the sync protocol's batch decoder (what any enrolled
// device sends to POST /api/v1/sync/push), and the operations' re-encoding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "samkoll/sync/protocol.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto batch = samkoll::core::parseBatch(text);
    if (batch) {
        // What was accepted must encode and decode to the same operations.
        auto again = samkoll::core::parseBatch(samkoll::core::batchToJson(*batch).dump());
        if (!again || again->operations.size() != batch->operations.size())
            __builtin_trap();
    }
    return 0;
}
