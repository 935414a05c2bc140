// The wire encoding of RFC 9293 §3.1 and the checksum of RFC 1071 over the IPv4 pseudo-header. The expected
// bytes were computed independently (a separate RFC 1071 implementation) and are written out here in hex.
#include "tcp/wire.h"

#include <gtest/gtest.h>

#include <string>

namespace tcplab {
namespace {

std::vector<std::uint8_t> fromHex(std::string_view hex)
{
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<std::uint8_t>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
    return out;
}

Segment synSegment()
{
    Segment s;
    s.srcPort = 40000;
    s.dstPort = 80;
    s.seq = 1000;
    s.flags = kSyn;
    s.window = 65535;
    s.mss = 536;
    return s;
}

// Sets the checksum field of hand-made bytes so that only the property under test is wrong.
void fixChecksum(std::vector<std::uint8_t> &b, IpPair ips = {})
{
    b[16] = b[17] = 0;
    const std::uint16_t c = tcpChecksum(b, ips);
    b[16] = static_cast<std::uint8_t>(c >> 8);
    b[17] = static_cast<std::uint8_t>(c);
}

TEST(Rfc9293_3_1, SynWithMssOptionEncodesExactly)
{
    EXPECT_EQ(encodeSegment(synSegment()), fromHex("9c400050000003e8000000006002fffffd47000002040218"));
}

TEST(Rfc9293_3_1, DataSegmentEncodesExactlyWithDataOffsetFive)
{
    Segment s;
    s.srcPort = 40000;
    s.dstPort = 80;
    s.seq = 0xfffffff0;
    s.ack = 5001;
    s.flags = kPsh | kAck;
    s.window = 65535;
    s.payload = {'h', 'e', 'l', 'l', 'o'}; // odd length: the checksum pads the last byte with zero
    EXPECT_EQ(encodeSegment(s), fromHex("9c400050fffffff0000013895018ffffbde8000068656c6c6f"));
}

TEST(Rfc9293_3_1, ChecksumCoversThePseudoHeaderAddresses)
{
    Segment s;
    s.srcPort = 80;
    s.dstPort = 40000;
    s.seq = 5000;
    s.ack = 1001;
    s.flags = kSyn | kAck;
    s.window = 65535;
    s.mss = 1460;
    EXPECT_EQ(encodeSegment(s), fromHex("00509c4000001388000003e96012ffffe6120000020405b4"));
    EXPECT_EQ(encodeSegment(s, {0x0a000001, 0x0a000002}),
              fromHex("00509c4000001388000003e96012ffffd0120000020405b4"));
    // Decoding with other addresses than the sender's fails the checksum.
    EXPECT_EQ(decodeSegment(encodeSegment(s), {0x0a000001, 0x0a000002}).error, DecodeError::BadChecksum);
}

TEST(Rfc1071, ChecksumOfAValidSegmentIncludingItsChecksumIsZero)
{
    const auto b = encodeSegment(synSegment());
    EXPECT_EQ(tcpChecksum(b, {}), 0);
}

TEST(Rfc9293_3_7_1, MssOptionIsSentOnlyWithSyn)
{
    Segment s = synSegment();
    s.flags = kAck;
    const auto b = encodeSegment(s);
    ASSERT_EQ(b.size(), 20u);
    EXPECT_EQ(b[12] >> 4, 5);
    EXPECT_FALSE(decodeSegment(b).segment.mss.has_value());
}

TEST(Rfc9293_3_7_1, MssOptionOnANonSynSegmentIsCheckedButNotTaken)
{
    // A peer that breaks the rule: an ACK with a well-formed MSS option. It decodes (the option is valid),
    // but the segment does not announce an MSS, just as encodeSegment would not send one.
    std::vector<std::uint8_t> b = fromHex("9c400050000003e800000001"
                                          "6010ffff00000000"
                                          "020405b4");
    fixChecksum(b);
    const DecodeResult r = decodeSegment(b);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.segment.flags, kAck);
    EXPECT_FALSE(r.segment.mss.has_value());
    EXPECT_EQ(decodeSegment(encodeSegment(r.segment)).segment, r.segment);

    // A malformed MSS option is an error whatever the flags.
    b[21] = 3;
    fixChecksum(b);
    EXPECT_EQ(decodeSegment(b).error, DecodeError::BadOptionLength);
}

TEST(Rfc9293_3_1, DecodeRoundTripsEveryField)
{
    Segment s;
    s.srcPort = 1234;
    s.dstPort = 80;
    s.seq = 0xfffffffe;
    s.ack = 7;
    s.flags = kSyn | kAck | kUrg | kPsh;
    s.window = 4321;
    s.urgentPointer = 3;
    s.mss = 1460;
    s.payload = {1, 2, 3, 4, 5, 6, 7};
    const DecodeResult r = decodeSegment(encodeSegment(s));
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.segment, s);
    EXPECT_EQ(r.dataOffsetWords, 6);
    EXPECT_EQ(r.message, "");
}

TEST(WireDecode, FewerThanTwentyBytesIsTooShort)
{
    const auto b = encodeSegment(synSegment());
    const DecodeResult r = decodeSegment(std::span(b).first(19));
    EXPECT_EQ(r.error, DecodeError::TooShort);
    EXPECT_EQ(r.message, "segment is 19 bytes, shorter than the 20-byte TCP header");
    EXPECT_EQ(decodeSegment({}).error, DecodeError::TooShort);
}

TEST(WireDecode, DataOffsetBelowFiveIsRejected)
{
    auto b = encodeSegment(synSegment());
    b[12] = 4 << 4;
    fixChecksum(b);
    const DecodeResult r = decodeSegment(b);
    EXPECT_EQ(r.error, DecodeError::BadDataOffset);
    EXPECT_EQ(r.message, "data offset 4 (16 bytes) is below the minimum of 5");
}

TEST(WireDecode, DataOffsetPastTheEndIsRejected)
{
    auto b = encodeSegment(synSegment());
    b[12] = 15 << 4;
    fixChecksum(b);
    const DecodeResult r = decodeSegment(b);
    EXPECT_EQ(r.error, DecodeError::BadDataOffset);
    EXPECT_EQ(r.message, "data offset 15 (60 bytes) runs past the end of the 24-byte segment");
}

TEST(WireDecode, OptionLengthBelowTwoIsRejected)
{
    auto b = encodeSegment(synSegment());
    b[20] = 8; // timestamps kind, length 1
    b[21] = 1;
    fixChecksum(b);
    const DecodeResult r = decodeSegment(b);
    EXPECT_EQ(r.error, DecodeError::BadOptionLength);
    EXPECT_EQ(r.message, "option kind 8 at byte 20 has length 1, below the minimum of 2");
}

TEST(WireDecode, OptionRunningPastTheHeaderIsRejected)
{
    auto b = encodeSegment(synSegment());
    b[21] = 10;
    fixChecksum(b);
    const DecodeResult r = decodeSegment(b);
    EXPECT_EQ(r.error, DecodeError::BadOptionLength);
    EXPECT_EQ(r.message, "option kind 2 at byte 20 has length 10 and runs past the header end at byte 24");
}

TEST(WireDecode, OptionWithoutItsLengthByteIsRejected)
{
    auto b = encodeSegment(synSegment());
    b[20] = 1; // NOP NOP NOP, then kind 3 in the last byte with no room for its length
    b[21] = 1;
    b[22] = 1;
    b[23] = 3;
    fixChecksum(b);
    const DecodeResult r = decodeSegment(b);
    EXPECT_EQ(r.error, DecodeError::BadOptionLength);
    EXPECT_EQ(r.message, "option kind 3 at byte 23 has no length byte before the header ends at byte 24");
}

TEST(WireDecode, MssOptionOfTheWrongLengthIsRejected)
{
    std::vector<std::uint8_t> b = encodeSegment(synSegment());
    b[12] = 7 << 4; // 28-byte header: MSS with length 6, then NOP NOP
    b.insert(b.begin() + 24, {0, 0, 1, 1});
    b[21] = 6;
    fixChecksum(b);
    const DecodeResult r = decodeSegment(b);
    EXPECT_EQ(r.error, DecodeError::BadOptionLength);
    EXPECT_EQ(r.message, "MSS option at byte 20 has length 6; it must be 4");
}

TEST(WireDecode, UnknownOptionsAndNopsAreSkippedByTheirLength)
{
    // NOP, NOP, timestamps (kind 8, length 10), window scale (kind 3, length 3), NOP, MSS 1460, EOL padding.
    std::vector<std::uint8_t> b = fromHex("9c400050000003e80000000000"
                                          "02ffff00000000");
    const auto options = fromHex("0101080a0000000100000002030307"
                                 "01020405b4"
                                 "00000000");
    b.insert(b.end(), options.begin(), options.end());
    b[12] = static_cast<std::uint8_t>((b.size() / 4) << 4);
    ASSERT_EQ(b.size() % 4, 0u);
    fixChecksum(b);
    const DecodeResult r = decodeSegment(b);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_EQ(r.segment.mss, std::optional<std::uint16_t>(1460));
    EXPECT_EQ(r.segment.flags, kSyn);
    EXPECT_TRUE(r.segment.payload.empty());
}

TEST(WireDecode, EndOfOptionListStopsTheParse)
{
    // EOL first: the bytes after it are padding, even if they look like a malformed option.
    auto b = encodeSegment(synSegment());
    b[20] = 0;
    b[21] = 1;
    b[22] = 9;
    b[23] = 0;
    fixChecksum(b);
    const DecodeResult r = decodeSegment(b);
    ASSERT_TRUE(r.ok()) << r.message;
    EXPECT_FALSE(r.segment.mss.has_value());
}

TEST(WireDecode, BadChecksumIsReportedWithBothValues)
{
    auto b = encodeSegment(synSegment());
    b[17] ^= 0x01; // 0xfd47 -> 0xfd46
    const DecodeResult r = decodeSegment(b);
    EXPECT_EQ(r.error, DecodeError::BadChecksum);
    EXPECT_EQ(r.checksum, 0xfd46);
    EXPECT_EQ(r.message, "checksum 0xfd46 is wrong: the bytes and the IPv4 pseudo-header give 0xfd47");
    // A flipped payload bit is caught as well.
    Segment s = synSegment();
    s.payload = {1, 2, 3};
    auto d = encodeSegment(s);
    d.back() ^= 0x80;
    EXPECT_EQ(decodeSegment(d).error, DecodeError::BadChecksum);
}

TEST(WireDecode, ArbitraryBytesNeverCrash)
{
    // Every truncation of a valid segment, and many deterministic pseudo-random buffers, decode to a
    // result (ok or an error with a message); the sanitizer build checks the reads.
    Segment s = synSegment();
    s.payload = {9, 8, 7, 6, 5};
    const auto valid = encodeSegment(s);
    for (std::size_t n = 0; n <= valid.size(); ++n) {
        const DecodeResult r = decodeSegment(std::span(valid).first(n));
        EXPECT_EQ(r.ok(), n == valid.size()) << n;
        EXPECT_EQ(r.ok(), r.message.empty());
    }
    std::uint64_t x = 0x9e3779b97f4a7c15ULL;
    for (int round = 0; round < 20000; ++round) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        std::vector<std::uint8_t> b(x % 80);
        for (auto &byte : b) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            byte = static_cast<std::uint8_t>(x);
        }
        if (b.size() >= 20 && round % 2 == 0) fixChecksum(b); // half of them reach the option parser
        const DecodeResult r = decodeSegment(b);
        EXPECT_EQ(r.ok(), r.message.empty());
    }
}

TEST(WireLayout, FieldsTileTheHeaderAndData)
{
    Segment s = synSegment();
    s.payload = {1, 2, 3};
    const auto fields = wireLayout(s);
    const auto encoded = encodeSegment(s);
    int next = 0;
    for (const WireField &f : fields) {
        EXPECT_EQ(f.offset, next) << f.name;
        next = f.offset + f.length;
    }
    EXPECT_EQ(next, static_cast<int>(encoded.size()));
    EXPECT_STREQ(fields[2].name, "Sequence number");
    EXPECT_EQ(fields[2].offset, 4);
    EXPECT_EQ(fields[2].length, 4);
    EXPECT_STREQ(fields[9].name, "Option: maximum segment size");
    EXPECT_EQ(fields[9].offset, 20);
    EXPECT_STREQ(fields.back().name, "Data");
    EXPECT_EQ(fields.back().offset, 24);

    Segment ack;
    ack.flags = kAck;
    ack.mss = 536; // not on the wire without SYN
    EXPECT_EQ(wireLayout(ack).size(), 9u);
    EXPECT_EQ(wireLayout(ack).back().offset + wireLayout(ack).back().length, 20);
}

} // namespace
} // namespace tcplab
