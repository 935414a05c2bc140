// Sequence number arithmetic modulo 2^32 (RFC 9293 §3.4).
#include "tcp/seq.h"

#include <gtest/gtest.h>

namespace tcplab {
namespace {

TEST(Rfc9293_3_4, ComparisonsHoldAcrossTheWrap)
{
    EXPECT_TRUE(seq::lt(0xfffffff0u, 0x00000010u));
    EXPECT_TRUE(seq::gt(0x00000010u, 0xfffffff0u));
    EXPECT_TRUE(seq::lt(0xffffffffu, 0u));
    EXPECT_TRUE(seq::le(0xffffffffu, 0xffffffffu));
    EXPECT_FALSE(seq::lt(0u, 0xffffffffu));
    EXPECT_TRUE(seq::ge(5u, 0xfffffffbu));
    EXPECT_EQ(seq::distance(0xfffffff0u, 0x10u), 0x20);
    EXPECT_EQ(seq::distance(0x10u, 0xfffffff0u), -0x20);
}

TEST(Rfc9293_3_4, InWindowAcrossTheWrap)
{
    // A window of 32 starting 16 below 2^32.
    const std::uint32_t low = 0xfffffff0u;
    const std::uint32_t high = low + 32; // 0x10
    EXPECT_TRUE(seq::inWindow(0xfffffff0u, low, high));
    EXPECT_TRUE(seq::inWindow(0xffffffffu, low, high));
    EXPECT_TRUE(seq::inWindow(0u, low, high));
    EXPECT_TRUE(seq::inWindow(0xfu, low, high));
    EXPECT_FALSE(seq::inWindow(0x10u, low, high)); // high is excluded
    EXPECT_FALSE(seq::inWindow(0xffffffefu, low, high));
    EXPECT_FALSE(seq::inWindow(0u, 0u, 0u)); // an empty window holds nothing
}

TEST(Rfc9293_3_4, HalfTheSpaceApartIsTheLimit)
{
    // Within 2^31 the order is right; at exactly 2^31 apart neither is "less" in both directions.
    EXPECT_TRUE(seq::lt(0u, 0x7fffffffu));
    EXPECT_FALSE(seq::lt(0u, 0x80000000u) && seq::lt(0x80000000u, 0u));
}

} // namespace
} // namespace tcplab
