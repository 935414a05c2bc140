#pragma once
// Sequence number arithmetic modulo 2^32 (RFC 9293 §3.4): a < b when the signed distance from a to b is
// positive, so comparisons hold across the wrap as long as the numbers are within 2^31 of each other.
#include <cstdint>

namespace tcplab::seq {

constexpr std::int32_t distance(std::uint32_t from, std::uint32_t to)
{
    return static_cast<std::int32_t>(to - from);
}
constexpr bool lt(std::uint32_t a, std::uint32_t b) { return distance(a, b) > 0; }
constexpr bool le(std::uint32_t a, std::uint32_t b) { return distance(a, b) >= 0; }
constexpr bool gt(std::uint32_t a, std::uint32_t b) { return lt(b, a); }
constexpr bool ge(std::uint32_t a, std::uint32_t b) { return le(b, a); }
// low <= x < high, modulo 2^32.
constexpr bool inWindow(std::uint32_t x, std::uint32_t low, std::uint32_t high)
{
    return le(low, x) && lt(x, high);
}

} // namespace tcplab::seq
