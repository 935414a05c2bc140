#pragma once
// The classic pcap file format (https://www.tcpdump.org/manpages/pcap-savefile.5.html), written into a byte
// vector: the core does no I/O, the CLI and the UI write the bytes to a file.
//
// A session's trace becomes one packet per SegmentSent event: an IPv4 header (127.0.0.1 both ways, TTL 64,
// an IP ID that increases by one per packet, a valid header checksum) around the exact TCP bytes of
// encodeSegment (valid checksum over the IPv4 pseudo-header). A segment the link dropped is still written:
// the capture is taken at the sender's interface, where every segment the sender emits is seen, as
// tcpdump on the sending host would see it. Retransmissions are written each time they are sent.
#include "tcp/segment.h"
#include "tcp/time.h"
#include "tcp/wire.h"
#include "trace/trace.h"

#include <cstdint>
#include <span>
#include <vector>

namespace tcplab {

// LINKTYPE_ values of https://www.tcpdump.org/linktypes.html that the writer and reader know.
enum class PcapLinkType : std::uint32_t {
    Null = 0,       // BSD loopback: 4-byte address family in the writer's byte order
    Ethernet = 1,   // DLT_EN10MB
    RawDlt12 = 12,  // DLT_RAW on most BSDs
    RawDlt14 = 14,  // DLT_RAW on OpenBSD
    Raw = 101,      // LINKTYPE_RAW: the packet starts with the IP header
    LinuxSll = 113, // Linux "cooked" capture v1
    LinuxSll2 = 276,
};

// The pcap magic numbers (written in the writer's byte order; a reader sees them swapped when the file was
// written on a machine of the other byte order).
constexpr std::uint32_t kPcapMagicMicroseconds = 0xa1b2c3d4;
constexpr std::uint32_t kPcapMagicNanoseconds = 0xa1b23c4d;
constexpr std::size_t kPcapFileHeaderSize = 24;
constexpr std::size_t kPcapRecordHeaderSize = 16;
constexpr std::uint32_t kPcapDefaultSnaplen = 262144; // tcpdump's default since 4.99

// Builds a pcap file in memory, little-endian, microsecond timestamps.
class PcapWriter {
public:
    explicit PcapWriter(PcapLinkType linkType = PcapLinkType::Raw,
                        std::uint32_t snaplen = kPcapDefaultSnaplen);

    // One record with the link-layer bytes as given. `originalLength` 0 means bytes.size(); bytes beyond the
    // snaplen are cut off, as a capture would, and the record keeps the original length.
    void addPacket(TimeUs t, std::span<const std::uint8_t> linkBytes, std::uint32_t originalLength = 0);
    // One TCP segment: IPv4 header (+ an Ethernet header when the link type is Ethernet) around the exact
    // TCP bytes of encodeSegment. The IP ID is the writer's counter, starting at 1.
    void addSegment(TimeUs t, const Segment &segment, IpPair ips = {});

    PcapLinkType linkType() const { return m_linkType; }
    std::size_t packetCount() const { return m_packets; }
    const std::vector<std::uint8_t> &bytes() const { return m_bytes; }
    std::vector<std::uint8_t> takeBytes() { return std::move(m_bytes); }

private:
    PcapLinkType m_linkType;
    std::uint32_t m_snaplen;
    std::uint16_t m_nextIpId = 1;
    std::size_t m_packets = 0;
    std::vector<std::uint8_t> m_bytes;
};

// An IPv4 packet (20-byte header without options, protocol 6) around `payload`.
std::vector<std::uint8_t> ipv4Packet(std::span<const std::uint8_t> payload, IpPair ips, std::uint16_t ipId,
                                     std::uint8_t ttl = 64);
// The RFC 791 header checksum of a header whose checksum field is zero (or, when verifying, as found: a
// correct header sums to 0).
std::uint16_t ipv4HeaderChecksum(std::span<const std::uint8_t> header);

struct PcapExportOptions {
    PcapLinkType linkType = PcapLinkType::Raw;
    // Added to every trace time: the trace starts at 0, which Wireshark shows as 1970-01-01. 0 keeps it so.
    TimeUs epochOffsetUs = 0;
};

// One packet per SegmentSent event of the trace, in trace order (which is time order).
std::vector<std::uint8_t> traceToPcap(const Trace &trace, const PcapExportOptions &options = {});

} // namespace tcplab
