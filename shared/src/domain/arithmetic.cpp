// SPDX-License-Identifier: GPL-3.0-or-later
#include "samkoll/domain/arithmetic.hpp"

#include <algorithm>
#include <numeric>

namespace samkoll::core {

std::int64_t divRoundHalfUp(std::int64_t numerator, std::int64_t denominator)
{
    return (2 * numerator + denominator) / (2 * denominator);
}

std::int64_t divRoundHalfAway(std::int64_t numerator, std::int64_t denominator)
{
    const std::int64_t magnitude = divRoundHalfUp(numerator < 0 ? -numerator : numerator, denominator);
    return numerator < 0 ? -magnitude : magnitude;
}

std::vector<std::int64_t> splitLargestRemainder(std::int64_t total, const std::vector<std::int64_t>& weights)
{
    std::vector<std::int64_t> parts(weights.size(), 0);
    const std::int64_t sum = std::accumulate(weights.begin(), weights.end(), std::int64_t{0});
    if (sum <= 0 || total <= 0)
        return parts;
    // total × weight can exceed 64 bits for national sums in öre: 128-bit products.
    std::vector<std::pair<Int128, std::size_t>> remainders;
    std::int64_t given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const Int128 product = static_cast<Int128>(total) * weights[i];
        parts[i] = static_cast<std::int64_t>(product / sum);
        given += parts[i];
        remainders.emplace_back(product % sum, i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; given < total; ++k, ++given)
        ++parts[remainders[k % remainders.size()].second];
    return parts;
}

}  // namespace samkoll::core
