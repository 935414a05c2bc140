// The pcap reader: pcap-savefile(5) in both byte orders and both timestamp precisions, the link types of
// https://www.tcpdump.org/linktypes.html, damage reported with offset and packet number, TCP conversations.
#include "trace/pcap_reader.h"
#include "trace/pcap_writer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace tcplab {
namespace {

Segment makeSegment(std::uint16_t src, std::uint16_t dst, std::uint32_t seq, std::uint32_t ack,
                    std::uint8_t flags, std::size_t payload = 0)
{
    Segment s;
    s.srcPort = src;
    s.dstPort = dst;
    s.seq = seq;
    s.ack = ack;
    s.flags = flags;
    s.window = 65535;
    if ((flags & kSyn) != 0) s.mss = 536;
    s.payload.assign(payload, 'p');
    return s;
}

// A handshake, one data segment and its ACK between 127.0.0.1:40000 and 127.0.0.1:80.
std::vector<Segment> exchange()
{
    return {
        makeSegment(40000, 80, 1000, 0, kSyn),    makeSegment(80, 40000, 5000, 1001, kSyn | kAck),
        makeSegment(40000, 80, 1001, 5001, kAck), makeSegment(40000, 80, 1001, 5001, kAck | kPsh, 10),
        makeSegment(80, 40000, 5001, 1011, kAck),
    };
}

std::vector<std::uint8_t> exchangeFile(PcapLinkType link = PcapLinkType::Raw)
{
    PcapWriter writer(link);
    TimeUs t = 1'700'000'000LL * kSecond;
    for (const Segment &s : exchange())
        writer.addSegment(t += 1500, s);
    return writer.takeBytes();
}

// A capture under tests/data/captures (empty when it is missing: the tests then fail on its header).
std::vector<std::uint8_t> readTestCapture(const std::string &name)
{
    std::ifstream in(std::string(TCPLAB_TEST_DATA_DIR) + "/captures/" + name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void swap32(std::vector<std::uint8_t> &b, std::size_t at)
{
    std::swap(b[at], b[at + 3]), std::swap(b[at + 1], b[at + 2]);
}
void swap16(std::vector<std::uint8_t> &b, std::size_t at)
{
    std::swap(b[at], b[at + 1]);
}

// Rewrites a little-endian microsecond file in big-endian order and/or with nanosecond timestamps.
std::vector<std::uint8_t> convert(std::vector<std::uint8_t> b, bool bigEndian, bool nanoseconds)
{
    auto le32 = [&](std::size_t at) {
        return static_cast<std::uint32_t>(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);
    };
    auto put32 = [&](std::size_t at, std::uint32_t v) {
        for (int i = 0; i < 4; ++i)
            b[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
    };
    if (nanoseconds) {
        put32(0, kPcapMagicNanoseconds);
        for (std::size_t at = kPcapFileHeaderSize; at < b.size(); at += 16 + le32(at + 8))
            put32(at + 4, le32(at + 4) * 1000 + 7);
    }
    if (bigEndian) {
        std::size_t at = kPcapFileHeaderSize;
        while (at < b.size()) {
            const std::uint32_t len = le32(at + 8);
            for (int i = 0; i < 4; ++i)
                swap32(b, at + 4 * static_cast<std::size_t>(i));
            at += 16 + len;
        }
        swap32(b, 0);
        swap16(b, 4);
        swap16(b, 6);
        for (std::size_t at2 : {8, 12, 16, 20})
            swap32(b, at2);
    }
    return b;
}

void expectExchange(const PcapCapture &capture)
{
    ASSERT_TRUE(capture.ok()) << (capture.issues.empty() ? "" : capture.issues[0].describe());
    const ConversationList list = listTcpConversations(capture);
    ASSERT_EQ(list.conversations.size(), 1u);
    const TcpConversation &c = list.conversations[0];
    EXPECT_EQ(c.client.toString(), "127.0.0.1:40000");
    EXPECT_EQ(c.server.toString(), "127.0.0.1:80");
    EXPECT_EQ(c.packetsFromClient, 3u);
    EXPECT_EQ(c.packetsFromServer, 2u);
    EXPECT_EQ(c.payloadFromClient, 10u);
    const ConversationSegments segs = conversationSegments(capture, c);
    EXPECT_TRUE(segs.issues.empty());
    ASSERT_EQ(segs.segments.size(), 5u);
    const auto expected = exchange();
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(segs.segments[i].segment, expected[i]) << "segment " << i;
        EXPECT_EQ(segs.segments[i].checksum, ChecksumStatus::Good);
        EXPECT_EQ(segs.segments[i].from, expected[i].srcPort == 40000 ? Side::Client : Side::Server);
        EXPECT_EQ(segs.segments[i].packet, i + 1);
    }
}

TEST(PcapReader, ReadsWhatTheWriterWrote)
{
    const PcapCapture capture = readPcap(exchangeFile());
    EXPECT_FALSE(capture.bigEndian);
    EXPECT_FALSE(capture.nanosecond);
    ASSERT_EQ(capture.packets.size(), 5u);
    EXPECT_EQ(capture.packets[0].tUs(), 1'700'000'000LL * kSecond + 1500);
    expectExchange(capture);
}

TEST(PcapReader, ReadsBigEndianFiles)
{
    const PcapCapture capture = readPcap(convert(exchangeFile(), true, false));
    EXPECT_TRUE(capture.bigEndian);
    expectExchange(capture);
    EXPECT_EQ(capture.packets[1].tUs(), 1'700'000'000LL * kSecond + 3000);
}

TEST(PcapReader, ReadsNanosecondTimestampsInBothByteOrders)
{
    for (bool big : {false, true}) {
        const PcapCapture capture = readPcap(convert(exchangeFile(), big, true));
        EXPECT_TRUE(capture.nanosecond);
        expectExchange(capture);
        EXPECT_EQ(capture.packets[0].tNs, (1'700'000'000LL * kSecond + 1500) * 1000 + 7);
    }
}

TEST(PcapReader, DecodesEveryLinkType)
{
    expectExchange(readPcap(exchangeFile(PcapLinkType::Ethernet)));
    // Wrap the raw IP packets in each other link layer.
    const PcapCapture raw = readPcap(exchangeFile());
    struct Case {
        PcapLinkType link;
        std::vector<std::uint8_t> header;
    };
    const std::vector<Case> cases = {
        {PcapLinkType::Raw, {}},
        {PcapLinkType::RawDlt12, {}},
        {PcapLinkType::RawDlt14, {}},
        {PcapLinkType::Null, {2, 0, 0, 0}},
        // SLL: packet type 0 (to us), ARPHRD_LOOPBACK 772, address length 6, address, protocol 0x0800.
        {PcapLinkType::LinuxSll, {0, 0, 0x03, 0x04, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0x08, 0x00}},
        // SLL2: protocol 0x0800, reserved, interface index 1, ARPHRD 772, packet type, address length,
        // address.
        {PcapLinkType::LinuxSll2, {0x08, 0x00, 0, 0, 0, 0, 0, 1, 0x03, 0x04, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0}},
    };
    for (const Case &c : cases) {
        PcapWriter writer(c.link);
        for (const PcapRecord &r : raw.packets) {
            std::vector<std::uint8_t> frame = c.header;
            frame.insert(frame.end(), r.data.begin(), r.data.end());
            writer.addPacket(r.tUs(), frame);
        }
        SCOPED_TRACE(static_cast<int>(c.link));
        expectExchange(readPcap(writer.bytes()));
    }
}

TEST(PcapReader, CutFileReportsOffsetAndPacketNumberAndKeepsWhatWasRead)
{
    std::vector<std::uint8_t> file = exchangeFile();
    const PcapCapture whole = readPcap(file);
    const std::size_t fourthAt = whole.packets[3].offset;
    file.resize(fourthAt + 20); // the header of packet 4 and 4 of its bytes
    const PcapCapture capture = readPcap(file);
    EXPECT_EQ(capture.packets.size(), 3u);
    ASSERT_EQ(capture.issues.size(), 1u);
    EXPECT_EQ(capture.issues[0].packet, 4u);
    EXPECT_EQ(capture.issues[0].offset, fourthAt + 8);
    EXPECT_NE(capture.issues[0].describe().find("cut short"), std::string::npos)
        << capture.issues[0].describe();
    EXPECT_NE(capture.issues[0].describe().find("packet 4"), std::string::npos);

    file.resize(fourthAt + 5); // part of a record header
    const PcapCapture cutHeader = readPcap(file);
    EXPECT_EQ(cutHeader.packets.size(), 3u);
    ASSERT_EQ(cutHeader.issues.size(), 1u);
    EXPECT_EQ(cutHeader.issues[0].offset, fourthAt);
    EXPECT_NE(cutHeader.issues[0].message.find("5 of 16"), std::string::npos) << cutHeader.issues[0].message;
}

TEST(PcapReader, AbsurdCapturedLengthStopsReadingWithAMessage)
{
    std::vector<std::uint8_t> file = exchangeFile();
    const std::size_t second = readPcap(file).packets[1].offset;
    file[second + 8 + 3] = 0x7f; // captured length ~2 GB
    const PcapCapture capture = readPcap(file);
    EXPECT_EQ(capture.packets.size(), 1u);
    ASSERT_EQ(capture.issues.size(), 1u);
    EXPECT_EQ(capture.issues[0].packet, 2u);
    EXPECT_NE(capture.issues[0].message.find("damaged"), std::string::npos);
}

TEST(PcapReader, FileHeaderProblemsAreNamed)
{
    const PcapCapture empty = readPcap({});
    EXPECT_FALSE(empty.headerOk);
    ASSERT_EQ(empty.issues.size(), 1u);
    EXPECT_NE(empty.issues[0].describe().find("file header"), std::string::npos);

    const std::vector<std::uint8_t> pcapng = {0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a};
    const PcapCapture ng = readPcap(pcapng);
    ASSERT_EQ(ng.issues.size(), 1u);
    EXPECT_NE(ng.issues[0].message.find("pcapng is not supported; save as pcap"), std::string::npos);

    const std::vector<std::uint8_t> text = {'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd'};
    const PcapCapture notPcap = readPcap(text);
    ASSERT_EQ(notPcap.issues.size(), 1u);
    EXPECT_NE(notPcap.issues[0].message.find("0x68656c6c"), std::string::npos) << notPcap.issues[0].message;

    std::vector<std::uint8_t> shortHeader = exchangeFile();
    shortHeader.resize(10);
    const PcapCapture cut = readPcap(shortHeader);
    EXPECT_FALSE(cut.headerOk);
    EXPECT_NE(cut.issues[0].message.find("10 of 24"), std::string::npos);
}

TEST(PcapReader, SnaplenCutPacketIsReportedNotRejected)
{
    PcapWriter writer(PcapLinkType::Raw, 20 + 20 + 2); // IP + TCP header + 2 payload bytes
    for (const Segment &s : exchange())
        writer.addSegment(0, s);
    const PcapCapture capture = readPcap(writer.bytes());
    ASSERT_TRUE(capture.ok());
    const ConversationList list = listTcpConversations(capture);
    ASSERT_EQ(list.conversations.size(), 1u);
    EXPECT_EQ(list.conversations[0].payloadFromClient, 10u); // from the IP length, not the captured bytes
    const ConversationSegments segs = conversationSegments(capture, list.conversations[0]);
    // The SYN and SYN,ACK carry a 4-byte MSS option: their 24-byte header is cut too, which is an issue.
    ASSERT_EQ(segs.segments.size(), 3u);
    ASSERT_EQ(segs.issues.size(), 2u);
    EXPECT_NE(segs.issues[0].message.find("TCP header cut by the snaplen"), std::string::npos);
    const CapturedSegment &data = segs.segments[1];
    EXPECT_TRUE(data.truncated);
    EXPECT_EQ(data.checksum, ChecksumStatus::Unverified);
    EXPECT_EQ(data.payloadLength, 10u);
    EXPECT_EQ(data.segment.payload.size(), 2u);
    EXPECT_EQ(data.segment.seq, 1001u);
    EXPECT_NE(data.note.find("2 of 10"), std::string::npos) << data.note;
    EXPECT_EQ(segs.segments[0].checksum, ChecksumStatus::Good);
}

TEST(PcapReader, BadChecksumIsMarkedAndTheSegmentKept)
{
    std::vector<std::uint8_t> file = exchangeFile();
    const PcapCapture before = readPcap(file);
    file[before.packets[3].offset + 16 + 20 + 16] ^= 0xff; // TCP checksum's high byte of packet 4
    const PcapCapture capture = readPcap(file);
    const ConversationList list = listTcpConversations(capture);
    const ConversationSegments segs = conversationSegments(capture, list.conversations.at(0));
    ASSERT_EQ(segs.segments.size(), 5u);
    EXPECT_EQ(segs.segments[3].checksum, ChecksumStatus::Bad);
    EXPECT_NE(segs.segments[3].note.find("bad TCP checksum"), std::string::npos);
    EXPECT_EQ(segs.segments[3].segment.payload.size(), 10u);
    EXPECT_EQ(segs.segments[4].checksum, ChecksumStatus::Good);
}

// Linux leaves the checksum to the network card (CHECKSUM_PARTIAL): the field holds the pseudo-header sum
// (RFC 9293 §3.1) folded but not complemented, and a capture on the sending host, or on `lo`, sees it so.
TEST(PcapReader, OffloadedChecksumIsUnverifiedNotBad)
{
    std::vector<std::uint8_t> file = exchangeFile();
    const PcapCapture before = readPcap(file);
    const std::size_t tcpAt = before.packets[3].offset + 16 + 20;
    // 127.0.0.1 twice, protocol 6, TCP length 30 (20-byte header, 10 payload bytes).
    const std::uint16_t partial = 0x7f00 + 0x0001 + 0x7f00 + 0x0001 + 6 + 30;
    file[tcpAt + 16] = static_cast<std::uint8_t>(partial >> 8);
    file[tcpAt + 17] = static_cast<std::uint8_t>(partial);
    // Packet 5 carries the pseudo-header sum plus one: damage, not offload.
    const std::size_t ackAt = before.packets[4].offset + 16 + 20;
    const std::uint16_t nearMiss = 0x7f00 + 0x0001 + 0x7f00 + 0x0001 + 6 + 20 + 1;
    file[ackAt + 16] = static_cast<std::uint8_t>(nearMiss >> 8);
    file[ackAt + 17] = static_cast<std::uint8_t>(nearMiss);
    const PcapCapture capture = readPcap(file);
    const ConversationSegments segs =
        conversationSegments(capture, listTcpConversations(capture).conversations.at(0));
    ASSERT_EQ(segs.segments.size(), 5u);
    EXPECT_EQ(segs.segments[3].checksum, ChecksumStatus::Offloaded);
    EXPECT_EQ(checksumStatusName(segs.segments[3].checksum), "unverified (offloaded)");
    EXPECT_EQ(segs.segments[3].segment.payload.size(), 10u);
    EXPECT_EQ(segs.segments[4].checksum, ChecksumStatus::Bad);
    EXPECT_EQ(segs.segments[0].checksum, ChecksumStatus::Good);
}

// A real capture: tcpdump on Linux's `lo` while a client sent "hello", the server answered and closed.
// Every segment the kernel sent with an offloaded checksum reads "unverified (offloaded)"; the final ACK,
// sent from the TIME_WAIT path with a full checksum, reads "good"; none reads "bad".
TEST(PcapReader, LinuxLoopbackCaptureHasNoBadChecksums)
{
    const std::vector<std::uint8_t> bytes = readTestCapture("linux-lo-exchange.pcap");
    const PcapCapture capture = readPcap(bytes);
    ASSERT_TRUE(capture.ok());
    EXPECT_EQ(capture.linkType, static_cast<std::uint32_t>(PcapLinkType::Ethernet));
    const ConversationList list = listTcpConversations(capture);
    ASSERT_EQ(list.conversations.size(), 1u);
    const ConversationSegments segs = conversationSegments(capture, list.conversations[0]);
    ASSERT_EQ(segs.segments.size(), 11u);
    std::size_t offloaded = 0;
    for (const CapturedSegment &s : segs.segments) {
        EXPECT_NE(s.checksum, ChecksumStatus::Bad) << "packet " << s.packet << ": " << s.note;
        offloaded += s.checksum == ChecksumStatus::Offloaded;
    }
    EXPECT_EQ(offloaded, 10u);
    EXPECT_EQ(segs.segments.back().checksum, ChecksumStatus::Good);
}

TEST(PcapReader, ConversationsAreListedWithTheirClientAndCounts)
{
    PcapWriter writer(PcapLinkType::Raw);
    // The server's SYN,ACK comes first in the file (captured out of order); the SYN still names the client.
    writer.addSegment(1, makeSegment(80, 40001, 5000, 1001, kSyn | kAck));
    writer.addSegment(2, makeSegment(40001, 80, 1000, 0, kSyn));
    for (const Segment &s : exchange())
        writer.addSegment(3, s);
    // A second connection on 40000 after the first one ended (a FIN) is a new conversation.
    writer.addSegment(4, makeSegment(40000, 80, 1011, 5001, kFin | kAck));
    writer.addSegment(5, makeSegment(40000, 80, 9000, 0, kSyn));
    const std::vector<std::uint8_t> udp = ipv4Packet(std::vector<std::uint8_t>(8, 0), {}, 1);
    std::vector<std::uint8_t> udpPacket = udp;
    udpPacket[9] = 17;
    writer.addPacket(6, udpPacket);
    const PcapCapture capture = readPcap(writer.bytes());
    const ConversationList list = listTcpConversations(capture);
    EXPECT_EQ(list.nonTcpPackets, 1u);
    ASSERT_EQ(list.conversations.size(), 3u);
    EXPECT_EQ(list.conversations[0].describe(), "127.0.0.1:40001 <-> 127.0.0.1:80");
    EXPECT_EQ(list.conversations[0].packetsFromClient, 1u);
    EXPECT_EQ(list.conversations[0].packetsFromServer, 1u);
    EXPECT_EQ(list.conversations[1].packetCount(), 6u);
    EXPECT_EQ(list.conversations[2].packetCount(), 1u);
    EXPECT_EQ(list.conversations[2].client.port, 40000);
}

// A SYN sent again with the same ISN is a retransmission (RFC 9293 §3.8.1, RFC 6298 §5), not a new
// connection, even after the server refused the first copy with a RST; only a SYN with another ISN after
// the connection ended starts a new conversation on the same ports.
TEST(PcapReader, RetransmittedSynStaysInItsConversation)
{
    PcapWriter writer(PcapLinkType::Raw);
    writer.addSegment(1, makeSegment(40000, 80, 1000, 0, kSyn));
    writer.addSegment(2, makeSegment(80, 40000, 0, 1001, kRst | kAck)); // not listening yet
    writer.addSegment(3, makeSegment(40000, 80, 1000, 0, kSyn));        // the same SYN again
    writer.addSegment(4, makeSegment(80, 40000, 5000, 1001, kSyn | kAck));
    writer.addSegment(5, makeSegment(40000, 80, 1000, 0, kSyn)); // crossed the SYN,ACK: again
    writer.addSegment(6, makeSegment(40000, 80, 1001, 5001, kAck));
    writer.addSegment(7, makeSegment(40000, 80, 1001, 5001, kFin | kAck));
    writer.addSegment(8, makeSegment(80, 40000, 5001, 1002, kFin | kAck));
    writer.addSegment(9, makeSegment(40000, 80, 1000, 0, kSyn)); // a late duplicate of the old SYN
    writer.addSegment(10, makeSegment(40000, 80, 1002, 5002, kAck));
    writer.addSegment(11, makeSegment(40000, 80, 7000, 0, kSyn)); // a new incarnation
    writer.addSegment(12, makeSegment(40000, 80, 7000, 0, kSyn)); // ... retransmitted
    const PcapCapture capture = readPcap(writer.bytes());
    const ConversationList list = listTcpConversations(capture);
    ASSERT_EQ(list.conversations.size(), 2u);
    EXPECT_EQ(list.conversations[0].packetCount(), 10u);
    EXPECT_EQ(list.conversations[0].client.port, 40000);
    EXPECT_EQ(list.conversations[1].packetCount(), 2u);
}

// The same on a real capture: Linux dropped a SYN because the listener's accept queue was full and sent
// it again a second later with the same ISN.
TEST(PcapReader, RealRetransmittedSynStaysInItsConversation)
{
    const std::vector<std::uint8_t> bytes = readTestCapture("linux-lo-syn-retransmitted.pcap");
    const PcapCapture capture = readPcap(bytes);
    ASSERT_TRUE(capture.ok());
    const ConversationList list = listTcpConversations(capture);
    ASSERT_EQ(list.conversations.size(), 2u); // two client sockets
    const TcpConversation &retried = list.conversations[1];
    EXPECT_EQ(retried.packetCount(), 9u);
    const ConversationSegments segs = conversationSegments(capture, retried);
    ASSERT_GE(segs.segments.size(), 2u);
    EXPECT_TRUE(segs.segments[0].segment.has(kSyn));
    EXPECT_TRUE(segs.segments[1].segment.has(kSyn));
    EXPECT_FALSE(segs.segments[1].segment.has(kAck));
    EXPECT_EQ(segs.segments[0].segment.seq, segs.segments[1].segment.seq);
}

TEST(PcapReader, Ipv6TcpIsDecodedAndItsChecksumVerified)
{
    // ::1 → ::1, TCP checksum over the IPv6 pseudo-header (RFC 8200 §8.1).
    const Segment syn = makeSegment(40000, 80, 1000, 0, kSyn);
    std::vector<std::uint8_t> tcp = encodeSegment(syn);
    tcp[16] = tcp[17] = 0;
    std::uint32_t sum = 1 + 1 + static_cast<std::uint32_t>(tcp.size()) + 6; // ::1 twice, length, next header
    for (std::size_t i = 0; i + 1 < tcp.size(); i += 2)
        sum += static_cast<std::uint32_t>(tcp[i] << 8 | tcp[i + 1]);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    const auto check = static_cast<std::uint16_t>(~sum);
    tcp[16] = static_cast<std::uint8_t>(check >> 8);
    tcp[17] = static_cast<std::uint8_t>(check);
    std::vector<std::uint8_t> ip(40, 0);
    ip[0] = 0x60;
    ip[4] = static_cast<std::uint8_t>(tcp.size() >> 8);
    ip[5] = static_cast<std::uint8_t>(tcp.size());
    ip[6] = 6;
    ip[7] = 64;
    ip[23] = 1;
    ip[39] = 1;
    ip.insert(ip.end(), tcp.begin(), tcp.end());
    PcapWriter writer(PcapLinkType::Raw);
    writer.addPacket(0, ip);
    ip[40 + 16] ^= 1;
    writer.addPacket(1, ip);
    const PcapCapture capture = readPcap(writer.bytes());
    const ConversationList list = listTcpConversations(capture);
    ASSERT_EQ(list.conversations.size(), 1u);
    EXPECT_EQ(list.conversations[0].describe(), "[::1]:40000 <-> [::1]:80");
    const ConversationSegments segs = conversationSegments(capture, list.conversations[0]);
    ASSERT_EQ(segs.segments.size(), 2u);
    EXPECT_EQ(segs.segments[0].checksum, ChecksumStatus::Good);
    EXPECT_EQ(segs.segments[0].segment, syn);
    EXPECT_EQ(segs.segments[1].checksum, ChecksumStatus::Bad);
}

TEST(PcapReader, GarbagePacketsBecomeIssuesNotCrashes)
{
    PcapWriter writer(PcapLinkType::Raw);
    writer.addPacket(0, std::vector<std::uint8_t>{0x45, 0x00});
    writer.addPacket(0, std::vector<std::uint8_t>{0x99});
    std::vector<std::uint8_t> shortTcp = ipv4Packet(std::vector<std::uint8_t>(8, 0), {}, 1);
    writer.addPacket(0, shortTcp);
    writer.addPacket(0, std::vector<std::uint8_t>{});
    const PcapCapture capture = readPcap(writer.bytes());
    ASSERT_EQ(capture.packets.size(), 4u);
    const ConversationList list = listTcpConversations(capture);
    EXPECT_TRUE(list.conversations.empty());
    ASSERT_EQ(list.issues.size(), 3u);
    EXPECT_EQ(list.issues[0].packet, 1u);
    EXPECT_NE(list.issues[2].message.find("TCP header cut short"), std::string::npos);
}

} // namespace
} // namespace tcplab
