// The pcap writer: the file format of pcap-savefile(5), IPv4 headers of RFC 791, TCP bytes of encodeSegment.
#include "trace/pcap_reader.h"
#include "trace/pcap_writer.h"

#include <gtest/gtest.h>

namespace tcplab {
namespace {

std::uint32_t le32At(const std::vector<std::uint8_t> &b, std::size_t at)
{
    return static_cast<std::uint32_t>(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);
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

TEST(PcapWriter, FileHeaderIsClassicPcapLittleEndianMicroseconds)
{
    PcapWriter writer(PcapLinkType::Raw);
    const auto &b = writer.bytes();
    ASSERT_EQ(b.size(), kPcapFileHeaderSize);
    EXPECT_EQ(le32At(b, 0), kPcapMagicMicroseconds);
    EXPECT_EQ(b[4], 2);
    EXPECT_EQ(b[6], 4);
    EXPECT_EQ(le32At(b, 16), kPcapDefaultSnaplen);
    EXPECT_EQ(le32At(b, 20), 101u);
}

TEST(PcapWriter, Ipv4HeaderRfc791HasValidChecksumTtl64AndLoopbackAddresses)
{
    const std::vector<std::uint8_t> payload(24, 0xab);
    const auto ip = ipv4Packet(payload, {}, 7);
    ASSERT_EQ(ip.size(), 44u);
    EXPECT_EQ(ip[0], 0x45);
    EXPECT_EQ(ip[2] << 8 | ip[3], 44);
    EXPECT_EQ(ip[4] << 8 | ip[5], 7);
    EXPECT_EQ(ip[8], 64);
    EXPECT_EQ(ip[9], 6);
    EXPECT_EQ(ip[12], 127);
    EXPECT_EQ(ip[15], 1);
    EXPECT_EQ(ip[16], 127);
    EXPECT_EQ(ip[19], 1);
    // A correct header sums to 0xffff, so the checksum over it (field included) is 0.
    EXPECT_EQ(ipv4HeaderChecksum({ip.data(), 20}), 0);
}

TEST(PcapWriter, SegmentRecordCarriesExactEncodedTcpBytesAndTimestamp)
{
    PcapWriter writer(PcapLinkType::Raw);
    const Segment syn = synSegment();
    writer.addSegment(1'234'567, syn);
    const auto &b = writer.bytes();
    const auto tcp = encodeSegment(syn);
    const std::size_t rec = kPcapFileHeaderSize;
    EXPECT_EQ(le32At(b, rec), 1u);          // seconds
    EXPECT_EQ(le32At(b, rec + 4), 234567u); // microseconds
    EXPECT_EQ(le32At(b, rec + 8), 20 + tcp.size());
    EXPECT_EQ(le32At(b, rec + 12), 20 + tcp.size());
    const std::vector<std::uint8_t> written(b.begin() + rec + 16 + 20, b.end());
    EXPECT_EQ(written, tcp);
    EXPECT_TRUE(decodeSegment(written).ok());
}

TEST(PcapWriter, IpIdIncreasesByOnePerPacket)
{
    PcapWriter writer(PcapLinkType::Raw);
    for (int i = 0; i < 3; ++i)
        writer.addSegment(i, synSegment());
    const PcapCapture capture = readPcap(writer.bytes());
    ASSERT_EQ(capture.packets.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        const auto &d = capture.packets[i].data;
        EXPECT_EQ(d[4] << 8 | d[5], static_cast<int>(i + 1));
    }
}

TEST(PcapWriter, EthernetFramesCarryIpv4EtherType)
{
    PcapWriter writer(PcapLinkType::Ethernet);
    writer.addSegment(0, synSegment());
    const PcapCapture capture = readPcap(writer.bytes());
    ASSERT_EQ(capture.packets.size(), 1u);
    EXPECT_EQ(capture.linkType, 1u);
    const auto &d = capture.packets[0].data;
    EXPECT_EQ(d[12], 0x08);
    EXPECT_EQ(d[13], 0x00);
    EXPECT_EQ(d[14], 0x45);
}

TEST(PcapWriter, SnaplenCutsThePacketButKeepsTheOriginalLength)
{
    PcapWriter writer(PcapLinkType::Raw, 40);
    Segment data = synSegment();
    data.flags = kAck | kPsh;
    data.mss.reset();
    data.payload.assign(100, 'x');
    writer.addSegment(0, data);
    const PcapCapture capture = readPcap(writer.bytes());
    ASSERT_EQ(capture.packets.size(), 1u);
    EXPECT_EQ(capture.packets[0].data.size(), 40u);
    EXPECT_EQ(capture.packets[0].originalLength, 140u);
    EXPECT_TRUE(capture.packets[0].truncated());
}

TEST(PcapWriter, TraceExportWritesOnePacketPerSegmentSentIncludingDropped)
{
    Trace trace;
    TraceEvent sent;
    sent.kind = TraceKind::SegmentSent;
    sent.t = 100;
    sent.segment = synSegment();
    sent.segmentId = 1;
    trace.append(sent);
    TraceEvent dropped;
    dropped.kind = TraceKind::SegmentDropped;
    dropped.t = 100;
    dropped.segmentId = 1;
    trace.append(dropped);
    TraceEvent state;
    state.kind = TraceKind::StateChanged;
    trace.append(state);
    sent.t = 1'000'100;
    sent.retransmission = true;
    sent.segmentId = 2;
    trace.append(sent);
    const PcapCapture capture = readPcap(traceToPcap(trace));
    ASSERT_TRUE(capture.ok());
    ASSERT_EQ(capture.packets.size(), 2u);
    EXPECT_EQ(capture.packets[0].tUs(), 100);
    EXPECT_EQ(capture.packets[1].tUs(), 1'000'100);
}

} // namespace
} // namespace tcplab
