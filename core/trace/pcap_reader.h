#pragma once
// Reading a classic pcap file from bytes (the core does no I/O): both byte orders, microsecond and
// nanosecond timestamps; link types Null 0, Ethernet 1, raw IP 101/12/14, Linux cooked SLL 113 and SLL2 276.
// pcapng is recognised and refused with a message that says how to convert it.
//
// Damage never throws: reading stops at the first record that cannot be trusted, the issue says the byte
// offset, the packet number and what is wrong, and everything before it is returned.
//
// On top of the records: the TCP connections of the capture (IPv4 and IPv6) and, for one connection, its
// segments in time order from both sides, decoded with decodeSegment. The TCP checksum is verified when the
// packet is complete; a packet cut short by the snaplen is kept and marked, not rejected. A checksum field
// that holds just the pseudo-header sum was left to the network card (offload, and always on Linux's `lo`):
// it reads "unverified (offloaded)", as Wireshark leaves it unverified, and only other mismatches are bad.
#include "tcp/segment.h"
#include "tcp/time.h"
#include "trace/trace.h"

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tcplab {

struct PcapIssue {
    std::uint64_t offset = 0; // byte offset in the file where the problem is
    std::uint64_t packet = 0; // 1-based packet number; 0: the file header
    std::string message;
    // "packet 12 (byte offset 4096): captured length 70000 exceeds ..." / "file header: ..."
    std::string describe() const;
};

struct PcapRecord {
    std::uint64_t number = 0; // 1-based, as Wireshark numbers frames
    std::uint64_t offset = 0; // byte offset of the record header
    std::int64_t tNs = 0;     // since the Unix epoch
    std::uint32_t originalLength = 0;
    std::vector<std::uint8_t> data; // the captured bytes, from the link-layer header on
    bool truncated() const { return data.size() < originalLength; }
    TimeUs tUs() const { return tNs / 1000; }
};

struct PcapCapture {
    bool bigEndian = false;  // the file's byte order (the writer's machine)
    bool nanosecond = false; // magic 0xa1b23c4d
    std::uint16_t versionMajor = 0;
    std::uint16_t versionMinor = 0;
    std::uint32_t snaplen = 0;
    std::uint32_t linkType = 0;
    std::vector<PcapRecord> packets;
    std::vector<PcapIssue> issues; // empty when the file was read to its end without a problem
    bool headerOk = false;         // false: nothing could be read at all
    bool ok() const { return headerOk && issues.empty(); }
};

PcapCapture readPcap(std::span<const std::uint8_t> bytes);
bool isKnownLinkType(std::uint32_t linkType);

// ---- TCP on top of the records ----

struct IpAddress {
    bool v6 = false;
    std::array<std::uint8_t, 16> bytes{}; // IPv4 in the first four bytes
    static IpAddress v4(std::uint32_t hostOrder);
    std::uint32_t v4HostOrder() const;
    std::string toString() const; // "127.0.0.1", "::1" (IPv6 in full lower-case hex groups, zeros compressed)
    auto operator<=>(const IpAddress &) const = default;
};

struct TcpAddress {
    IpAddress ip;
    std::uint16_t port = 0;
    std::string toString() const; // "127.0.0.1:80", "[::1]:80"
    auto operator<=>(const TcpAddress &) const = default;
};

struct TcpConversation {
    int index = 0;     // position in the list, 0-based (Wireshark's tcp.stream)
    TcpAddress client; // the sender of the first SYN without ACK; without one, of the first packet
    TcpAddress server;
    bool sawSyn = false;
    std::size_t packetsFromClient = 0;
    std::size_t packetsFromServer = 0;
    std::uint64_t payloadFromClient = 0; // TCP payload bytes as the IP lengths give them
    std::uint64_t payloadFromServer = 0;
    TimeUs firstUs = 0;
    TimeUs lastUs = 0;
    std::vector<std::size_t> records; // indexes into PcapCapture::packets, in file order
    std::size_t packetCount() const { return packetsFromClient + packetsFromServer; }
    std::string describe() const; // "127.0.0.1:40000 <-> 127.0.0.1:80"
};

struct ConversationList {
    std::vector<TcpConversation> conversations;
    std::size_t nonTcpPackets = 0; // ARP, UDP, ... (not an error)
    std::vector<PcapIssue> issues; // packets that claim to be IP/TCP but cannot be parsed
};

// A new SYN on a 4-tuple whose earlier conversation has ended (FIN or RST seen) starts a new conversation.
ConversationList listTcpConversations(const PcapCapture &capture);

enum class ChecksumStatus {
    Good,
    Bad,
    Unverified, // the packet was cut by the snaplen, so the checksum cannot be computed
    // The field holds only the pseudo-header sum: the sending host left the rest to the network card
    // (checksum offload), so a capture on that host, and every capture on Linux's `lo`, shows the packet
    // before its checksum was completed. Wireshark calls this "unverified" too; it is not damage.
    Offloaded,
};
// "good", "bad", "unverified", "unverified (offloaded)"
std::string_view checksumStatusName(ChecksumStatus status);

struct CapturedSegment {
    std::uint64_t packet = 0; // the record's number
    TimeUs t = 0;             // µs since the epoch
    Side from = Side::Client;
    Segment segment;                 // payload as captured: shorter than payloadLength when truncated
    std::uint32_t payloadLength = 0; // from the IP header
    bool truncated = false;
    ChecksumStatus checksum = ChecksumStatus::Good;
    std::uint16_t wireChecksum = 0;
    std::uint16_t expectedChecksum = 0; // what a complete checksum would be (when Bad or Offloaded)
    std::string note; // "bad TCP checksum 0x1234 (expected 0x5678)", "snaplen cut 900 of 1448 payload bytes"
};

struct ConversationSegments {
    std::vector<CapturedSegment> segments; // time order (stable: file order for equal times)
    std::vector<PcapIssue> issues;         // packets of the conversation that could not be decoded
};

ConversationSegments conversationSegments(const PcapCapture &capture, const TcpConversation &conversation);

} // namespace tcplab
