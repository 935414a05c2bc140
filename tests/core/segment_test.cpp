// The segment value type (RFC 9293 §3.1, SEG.LEN of §3.4) and the flag names.
#include "tcp/segment.h"

#include <gtest/gtest.h>

namespace tcplab {
namespace {

TEST(Rfc9293_3_4, SegLenCountsPayloadSynAndFin)
{
    Segment s;
    EXPECT_EQ(s.sequenceLength(), 0u);
    s.flags = kSyn;
    EXPECT_EQ(s.sequenceLength(), 1u);
    s.flags = kSyn | kFin;
    EXPECT_EQ(s.sequenceLength(), 2u);
    s.flags = kFin | kAck;
    s.payload = {1, 2, 3};
    EXPECT_EQ(s.sequenceLength(), 4u);
    s.flags = kAck | kRst | kPsh; // RST, ACK and PSH take no sequence space
    EXPECT_EQ(s.sequenceLength(), 3u);
}

TEST(SegmentFlags, PrintedInTheFixedOrder)
{
    EXPECT_EQ(flagsToString(0), "");
    EXPECT_EQ(flagsToString(kSyn), "SYN");
    EXPECT_EQ(flagsToString(kAck | kSyn), "SYN|ACK");
    EXPECT_EQ(flagsToString(kAck | kFin), "FIN|ACK");
    EXPECT_EQ(flagsToString(kAck | kRst), "RST|ACK");
    EXPECT_EQ(flagsToString(kAck | kPsh), "PSH|ACK");
    EXPECT_EQ(flagsToString(kUrg | kAck | kPsh | kRst | kFin | kSyn), "SYN|FIN|RST|PSH|ACK|URG");
}

TEST(SegmentFlags, ParsedBackFromTheirNames)
{
    for (unsigned flags = 0; flags < 64; ++flags) {
        const auto text = flagsToString(static_cast<std::uint8_t>(flags));
        EXPECT_EQ(flagsFromString(text), std::optional<std::uint8_t>(flags)) << text;
    }
    EXPECT_EQ(flagsFromString("ACK|SYN"), std::optional<std::uint8_t>(kSyn | kAck));
    EXPECT_FALSE(flagsFromString("SYN|XYZ").has_value());
    EXPECT_FALSE(flagsFromString("S.").has_value());
    EXPECT_FALSE(flagsFromString("SYN|").has_value());
    EXPECT_FALSE(flagsFromString("syn").has_value());
}

} // namespace
} // namespace tcplab
