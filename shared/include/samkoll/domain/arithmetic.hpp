// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace samkoll::core {

/// 128-bit integers for exact products of amounts and weights (GCC and clang).
__extension__ typedef __int128 Int128;

/// Integer division rounded half up, for a non-negative numerator and a
/// positive denominator (shares, index values).
std::int64_t divRoundHalfUp(std::int64_t numerator, std::int64_t denominator);

/// Integer division of a signed amount, halves rounded away from zero (the
/// way a Swedish table rounds −1 500 kr to −2 tkr). `denominator` > 0.
std::int64_t divRoundHalfAway(std::int64_t numerator, std::int64_t denominator);

/// Splits `total` (≥ 0) in proportion to `weights` (≥ 0, not all zero) into
/// whole units by the largest-remainder method: the parts always add up to
/// `total` exactly. Ties in the remainder go to the earlier weight.
std::vector<std::int64_t> splitLargestRemainder(std::int64_t total, const std::vector<std::int64_t>& weights);

}  // namespace samkoll::core
