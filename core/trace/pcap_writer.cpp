#include "trace/pcap_writer.h"

#include <algorithm>

namespace tcplab {

namespace {

void putLe16(std::vector<std::uint8_t> &out, std::uint16_t v)
{
    out.push_back(static_cast<std::uint8_t>(v));
    out.push_back(static_cast<std::uint8_t>(v >> 8));
}

void putLe32(std::vector<std::uint8_t> &out, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

void putBe16(std::uint8_t *p, std::uint16_t v)
{
    p[0] = static_cast<std::uint8_t>(v >> 8);
    p[1] = static_cast<std::uint8_t>(v);
}

void putBe32(std::uint8_t *p, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
}

constexpr std::size_t kEthernetHeaderSize = 14;
constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;

} // namespace

std::uint16_t ipv4HeaderChecksum(std::span<const std::uint8_t> header)
{
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i + 1 < header.size(); i += 2)
        sum += static_cast<std::uint32_t>(header[i] << 8 | header[i + 1]);
    if (header.size() % 2 != 0) sum += static_cast<std::uint32_t>(header.back() << 8);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return static_cast<std::uint16_t>(~sum);
}

std::vector<std::uint8_t> ipv4Packet(std::span<const std::uint8_t> payload, IpPair ips, std::uint16_t ipId,
                                     std::uint8_t ttl)
{
    std::vector<std::uint8_t> packet(20 + payload.size());
    std::uint8_t *h = packet.data();
    h[0] = 0x45; // version 4, header length 5 words
    h[1] = 0;    // DSCP/ECN
    putBe16(h + 2, static_cast<std::uint16_t>(packet.size()));
    putBe16(h + 4, ipId);
    putBe16(h + 6, 0x4000); // Don't Fragment, as Linux sends TCP
    h[8] = ttl;
    h[9] = 6; // TCP
    putBe32(h + 12, ips.src);
    putBe32(h + 16, ips.dst);
    putBe16(h + 10, ipv4HeaderChecksum({h, 20}));
    std::copy(payload.begin(), payload.end(), packet.begin() + 20);
    return packet;
}

PcapWriter::PcapWriter(PcapLinkType linkType, std::uint32_t snaplen)
    : m_linkType(linkType), m_snaplen(snaplen)
{
    putLe32(m_bytes, kPcapMagicMicroseconds);
    putLe16(m_bytes, 2); // version 2.4
    putLe16(m_bytes, 4);
    putLe32(m_bytes, 0); // thiszone
    putLe32(m_bytes, 0); // sigfigs
    putLe32(m_bytes, m_snaplen);
    putLe32(m_bytes, static_cast<std::uint32_t>(m_linkType));
}

void PcapWriter::addPacket(TimeUs t, std::span<const std::uint8_t> linkBytes, std::uint32_t originalLength)
{
    const TimeUs clamped = std::max<TimeUs>(t, 0);
    const auto captured = static_cast<std::uint32_t>(std::min<std::size_t>(linkBytes.size(), m_snaplen));
    putLe32(m_bytes, static_cast<std::uint32_t>(clamped / kSecond));
    putLe32(m_bytes, static_cast<std::uint32_t>(clamped % kSecond));
    putLe32(m_bytes, captured);
    putLe32(m_bytes, originalLength != 0 ? originalLength : static_cast<std::uint32_t>(linkBytes.size()));
    m_bytes.insert(m_bytes.end(), linkBytes.begin(), linkBytes.begin() + captured);
    ++m_packets;
}

void PcapWriter::addSegment(TimeUs t, const Segment &segment, IpPair ips)
{
    const std::vector<std::uint8_t> tcp = encodeSegment(segment, ips);
    std::vector<std::uint8_t> ip = ipv4Packet(tcp, ips, m_nextIpId++);
    if (m_linkType == PcapLinkType::Ethernet) {
        // Linux's lo has all-zero MAC addresses; Wireshark shows them as 00:00:00_00:00:00.
        std::vector<std::uint8_t> frame(kEthernetHeaderSize, 0);
        putBe16(frame.data() + 12, kEtherTypeIpv4);
        frame.insert(frame.end(), ip.begin(), ip.end());
        addPacket(t, frame);
    } else {
        addPacket(t, ip);
    }
}

std::vector<std::uint8_t> traceToPcap(const Trace &trace, const PcapExportOptions &options)
{
    const PcapLinkType link =
        options.linkType == PcapLinkType::Ethernet ? PcapLinkType::Ethernet : PcapLinkType::Raw;
    PcapWriter writer(link);
    for (const TraceEvent &event : trace.events()) {
        if (event.kind == TraceKind::SegmentSent)
            writer.addSegment(event.t + options.epochOffsetUs, event.segment);
    }
    return writer.takeBytes();
}

} // namespace tcplab
