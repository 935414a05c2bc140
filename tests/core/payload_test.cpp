// Payload (tcp/payload.h): a segment's bytes are shared, not copied, as the segment travels through the
// trace, and trimming it to the receive window (RFC 9293 §3.10.7.4) keeps the right bytes.
#include "tcp/segment.h"

#include <gtest/gtest.h>

#include <vector>

namespace tcplab {
namespace {

TEST(Payload, CopiesShareOneBufferAndCompareByBytes)
{
    Segment sent;
    sent.payload = {'h', 'e', 'l', 'l', 'o'};
    const Segment inTrace = sent;
    const Segment delivered = sent;
    EXPECT_EQ(sent.payload.useCount(), 3);
    EXPECT_EQ(inTrace.payload.data(), sent.payload.data());
    EXPECT_EQ(delivered, sent);
    EXPECT_EQ(delivered.payload, (std::vector<std::uint8_t>{'h', 'e', 'l', 'l', 'o'}));
}

TEST(Payload, TrimmingTheFrontAndBackLeavesOtherCopiesWhole)
{
    Segment original;
    original.payload = {1, 2, 3, 4, 5, 6};
    Segment trimmed = original;
    trimmed.payload.erase(trimmed.payload.begin(), trimmed.payload.begin() + 2); // below RCV.NXT
    trimmed.payload.resize(3);                                                   // past the window
    EXPECT_EQ(trimmed.payload, (std::vector<std::uint8_t>{3, 4, 5}));
    EXPECT_EQ(original.payload, (std::vector<std::uint8_t>{1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(trimmed.payload.useCount(), 2); // still one buffer

    Payload middle = original.payload;
    middle.erase(middle.begin() + 1, middle.begin() + 5);
    EXPECT_EQ(middle, (std::vector<std::uint8_t>{1, 6}));
    EXPECT_EQ(original.payload.size(), 6u);
}

TEST(Payload, GrowingOrReassigningNeverChangesAnotherCopy)
{
    Payload a = {7, 8};
    Payload b = a;
    b.push_back(9);
    b.resize(5, 0xff);
    EXPECT_EQ(a, (std::vector<std::uint8_t>{7, 8}));
    EXPECT_EQ(b, (std::vector<std::uint8_t>{7, 8, 9, 0xff, 0xff}));
    b.assign(b.begin() + 1, b.begin() + 3); // from its own bytes
    EXPECT_EQ(b, (std::vector<std::uint8_t>{8, 9}));
    a.clear();
    EXPECT_TRUE(a.empty());
    EXPECT_EQ(a.useCount(), 0);
    const std::vector<std::uint8_t> asVector = b;
    EXPECT_EQ(asVector, (std::vector<std::uint8_t>{8, 9}));
}

} // namespace
} // namespace tcplab
