#include "trace/pcap_reader.h"

#include "tcp/wire.h"
#include "trace/pcap_writer.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <utility>

namespace tcplab {

namespace {

constexpr std::uint32_t kPcapngMagic = 0x0a0d0d0a;
constexpr std::uint32_t kModifiedPcapMagic = 0xa1b2cd34; // Alexey Kuznetzov's patched libpcap
// A captured length above this and above the snaplen means the record header is damaged; Wireshark's
// largest per-link-type maximum is 256 KiB for most link types.
constexpr std::uint32_t kMaxSaneCaptureLength = 262144;

std::string hex32(std::uint32_t v)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08x", v);
    return buf;
}

std::string hex16(std::uint16_t v)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%04x", v);
    return buf;
}

std::uint16_t be16(const std::uint8_t *p)
{
    return static_cast<std::uint16_t>(p[0] << 8 | p[1]);
}

std::uint32_t be32(const std::uint8_t *p)
{
    return static_cast<std::uint32_t>(p[0]) << 24 | static_cast<std::uint32_t>(p[1]) << 16 |
           static_cast<std::uint32_t>(p[2]) << 8 | p[3];
}

std::uint32_t le32(const std::uint8_t *p)
{
    return static_cast<std::uint32_t>(p[3]) << 24 | static_cast<std::uint32_t>(p[2]) << 16 |
           static_cast<std::uint32_t>(p[1]) << 8 | p[0];
}

struct FileReader {
    std::span<const std::uint8_t> bytes;
    bool bigEndian = false;
    std::uint32_t u32(std::size_t at) const { return bigEndian ? be32(&bytes[at]) : le32(&bytes[at]); }
    std::uint16_t u16(std::size_t at) const
    {
        return bigEndian ? be16(&bytes[at]) : static_cast<std::uint16_t>(bytes[at + 1] << 8 | bytes[at]);
    }
};

} // namespace

std::string PcapIssue::describe() const
{
    if (packet == 0) return "file header (byte offset " + std::to_string(offset) + "): " + message;
    return "packet " + std::to_string(packet) + " (byte offset " + std::to_string(offset) + "): " + message;
}

bool isKnownLinkType(std::uint32_t linkType)
{
    switch (static_cast<PcapLinkType>(linkType)) {
    case PcapLinkType::Null:
    case PcapLinkType::Ethernet:
    case PcapLinkType::RawDlt12:
    case PcapLinkType::RawDlt14:
    case PcapLinkType::Raw:
    case PcapLinkType::LinuxSll:
    case PcapLinkType::LinuxSll2:
        return true;
    }
    return false;
}

PcapCapture readPcap(std::span<const std::uint8_t> bytes)
{
    PcapCapture capture;
    auto fail = [&](std::uint64_t offset, std::string message) {
        capture.issues.push_back({offset, 0, std::move(message)});
        return capture;
    };
    if (bytes.size() < 4)
        return fail(0, "the file is " + std::to_string(bytes.size()) +
                           " bytes long; a pcap file starts with a 24-byte header");
    const std::uint32_t magic = le32(bytes.data());
    FileReader in{bytes};
    if (magic == kPcapngMagic)
        return fail(
            0, "pcapng is not supported; save as pcap (Wireshark: File > Save As > \"Wireshark/tcpdump - "
               "pcap\", or: editcap -F pcap in.pcapng out.pcap)");
    if (magic == kPcapMagicMicroseconds) {
        in.bigEndian = false;
    } else if (magic == kPcapMagicNanoseconds) {
        in.bigEndian = false;
        capture.nanosecond = true;
    } else if (be32(bytes.data()) == kPcapMagicMicroseconds) {
        in.bigEndian = true;
    } else if (be32(bytes.data()) == kPcapMagicNanoseconds) {
        in.bigEndian = true;
        capture.nanosecond = true;
    } else if (magic == kModifiedPcapMagic || be32(bytes.data()) == kModifiedPcapMagic) {
        return fail(0, "the modified (Kuznetzov) pcap format is not supported; save as pcap");
    } else if (bytes[0] == 0x1f && bytes[1] == 0x8b) {
        return fail(0, "the file is gzip-compressed; decompress it first");
    } else {
        return fail(0, "magic number " + hex32(be32(bytes.data())) +
                           " is not a pcap magic number (a1b2c3d4 or a1b23c4d in either byte order)");
    }
    capture.bigEndian = in.bigEndian;
    if (bytes.size() < kPcapFileHeaderSize)
        return fail(bytes.size(), "the file header is cut short: " + std::to_string(bytes.size()) + " of " +
                                      std::to_string(kPcapFileHeaderSize) + " bytes");
    capture.versionMajor = in.u16(4);
    capture.versionMinor = in.u16(6);
    capture.snaplen = in.u32(16);
    // The upper bits carry the FCS length (pcap-savefile(5)); the link type is the low 16 bits.
    capture.linkType = in.u32(20) & 0xffff;
    capture.headerOk = true;
    if (capture.versionMajor != 2)
        capture.issues.push_back({4, 0,
                                  "version " + std::to_string(capture.versionMajor) + "." +
                                      std::to_string(capture.versionMinor) +
                                      " is not 2.x; reading it as 2.4"});
    if (!isKnownLinkType(capture.linkType))
        capture.issues.push_back(
            {20, 0,
             "link type " + std::to_string(capture.linkType) +
                 " is not supported (supported: 0 null, 1 Ethernet, 12/14/101 raw IP, 113 Linux SLL, "
                 "276 Linux SLL2); records are read but not decoded"});

    const std::uint64_t fractionLimit = capture.nanosecond ? 1000000000ULL : 1000000ULL;
    std::size_t at = kPcapFileHeaderSize;
    // A file is at least 16 + 1 bytes per packet: reserving by that bound would over-allocate for big
    // packets, so reserve by a typical small TCP packet instead.
    capture.packets.reserve(bytes.size() / 80);
    std::uint64_t number = 0;
    while (at < bytes.size()) {
        ++number;
        const std::size_t left = bytes.size() - at;
        if (left < kPcapRecordHeaderSize) {
            capture.issues.push_back({at, number,
                                      "the record header is cut short: " + std::to_string(left) + " of " +
                                          std::to_string(kPcapRecordHeaderSize) +
                                          " bytes (the file ends here)"});
            break;
        }
        const std::uint32_t seconds = in.u32(at);
        const std::uint32_t fraction = in.u32(at + 4);
        const std::uint32_t captured = in.u32(at + 8);
        std::uint32_t original = in.u32(at + 12);
        if (captured > kMaxSaneCaptureLength && captured > capture.snaplen) {
            capture.issues.push_back({at + 8, number,
                                      "captured length " + std::to_string(captured) +
                                          " exceeds both the snaplen (" + std::to_string(capture.snaplen) +
                                          ") and the largest packet a capture holds (" +
                                          std::to_string(kMaxSaneCaptureLength) +
                                          "): the record header is damaged; reading stops here"});
            break;
        }
        if (captured > left - kPcapRecordHeaderSize) {
            capture.issues.push_back(
                {at + 8, number,
                 "the record says " + std::to_string(captured) + " captured bytes but only " +
                     std::to_string(left - kPcapRecordHeaderSize) + " remain: the file is cut short"});
            break;
        }
        if (fraction >= fractionLimit)
            capture.issues.push_back({at + 4, number,
                                      "timestamp fraction " + std::to_string(fraction) + " is not below " +
                                          std::to_string(fractionLimit) + "; kept as it is"});
        if (captured > original) {
            capture.issues.push_back({at + 12, number,
                                      "captured length " + std::to_string(captured) +
                                          " is larger than the original length " + std::to_string(original) +
                                          "; using the captured length"});
            original = captured;
        }
        PcapRecord record;
        record.number = number;
        record.offset = at;
        record.tNs = static_cast<std::int64_t>(seconds) * 1000000000LL +
                     static_cast<std::int64_t>(capture.nanosecond ? fraction : fraction * 1000ULL);
        record.originalLength = original;
        const std::size_t dataAt = at + kPcapRecordHeaderSize;
        record.data.assign(bytes.begin() + static_cast<std::ptrdiff_t>(dataAt),
                           bytes.begin() + static_cast<std::ptrdiff_t>(dataAt + captured));
        capture.packets.push_back(std::move(record));
        at = dataAt + captured;
    }
    return capture;
}

// ---- addresses ----

IpAddress IpAddress::v4(std::uint32_t hostOrder)
{
    IpAddress a;
    for (int i = 0; i < 4; ++i)
        a.bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(hostOrder >> (24 - 8 * i));
    return a;
}

std::uint32_t IpAddress::v4HostOrder() const
{
    return be32(bytes.data());
}

std::string IpAddress::toString() const
{
    if (!v6)
        return std::to_string(bytes[0]) + "." + std::to_string(bytes[1]) + "." + std::to_string(bytes[2]) +
               "." + std::to_string(bytes[3]);
    // RFC 5952: the longest run of two or more zero groups becomes "::".
    std::array<std::uint16_t, 8> groups{};
    for (std::size_t i = 0; i < 8; ++i)
        groups[i] = be16(&bytes[2 * i]);
    int bestStart = -1, bestLength = 0;
    for (int i = 0; i < 8;) {
        int j = i;
        while (j < 8 && groups[static_cast<std::size_t>(j)] == 0)
            ++j;
        if (j - i > bestLength && j - i >= 2) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j == i ? i + 1 : j;
    }
    std::string out;
    char buf[8];
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            out += "::";
            i += bestLength - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':') out += ':';
        std::snprintf(buf, sizeof buf, "%x", groups[static_cast<std::size_t>(i)]);
        out += buf;
    }
    return out;
}

std::string TcpAddress::toString() const
{
    return ip.v6 ? "[" + ip.toString() + "]:" + std::to_string(port)
                 : ip.toString() + ":" + std::to_string(port);
}

std::string TcpConversation::describe() const
{
    return client.toString() + " <-> " + server.toString();
}

std::string_view checksumStatusName(ChecksumStatus status)
{
    switch (status) {
    case ChecksumStatus::Good:
        return "good";
    case ChecksumStatus::Bad:
        return "bad";
    case ChecksumStatus::Unverified:
        return "unverified";
    case ChecksumStatus::Offloaded:
        return "unverified (offloaded)";
    }
    return "?";
}

// ---- link and IP layers ----

namespace {

enum class Located { Tcp, NotTcp, Error };

struct TcpLocation {
    Located what = Located::NotTcp;
    std::string error;
    IpAddress src, dst;
    std::span<const std::uint8_t> tcp; // captured TCP bytes (never beyond the IP length)
    std::uint32_t tcpLength = 0;       // as the IP header gives it
};

TcpLocation locateIp(std::span<const std::uint8_t> ip)
{
    TcpLocation loc;
    auto error = [&](std::string message) {
        loc.what = Located::Error;
        loc.error = std::move(message);
        return loc;
    };
    if (ip.empty()) return loc;
    const int version = ip[0] >> 4;
    if (version == 4) {
        if (ip.size() < 20)
            return error("IPv4 header cut short: " + std::to_string(ip.size()) + " of 20 bytes captured");
        const std::size_t ihl = static_cast<std::size_t>(ip[0] & 0x0f) * 4;
        if (ihl < 20) return error("IPv4 header length " + std::to_string(ihl) + " is below 20");
        if (ip[9] != 6) return loc;
        if (ip.size() < ihl)
            return error("IPv4 header with options cut short: " + std::to_string(ip.size()) + " of " +
                         std::to_string(ihl) + " bytes captured");
        const std::uint16_t fragment = be16(&ip[6]);
        if ((fragment & 0x1fff) != 0 || (fragment & 0x2000) != 0)
            return error("fragmented IPv4 packet (not reassembled)");
        std::size_t total = be16(&ip[2]);
        if (total == 0) total = ip.size(); // TCP segmentation offload: the capture shows length 0
        if (total < ihl)
            return error("IPv4 total length " + std::to_string(total) + " is shorter than its header (" +
                         std::to_string(ihl) + ")");
        loc.src = IpAddress::v4(be32(&ip[12]));
        loc.dst = IpAddress::v4(be32(&ip[16]));
        loc.tcpLength = static_cast<std::uint32_t>(total - ihl);
        const std::size_t captured = std::min(ip.size(), total) - ihl;
        loc.tcp = ip.subspan(ihl, captured);
        loc.what = Located::Tcp;
        return loc;
    }
    if (version == 6) {
        if (ip.size() < 40)
            return error("IPv6 header cut short: " + std::to_string(ip.size()) + " of 40 bytes captured");
        std::uint8_t next = ip[6];
        std::size_t at = 40;
        std::size_t payload = be16(&ip[4]);
        if (payload == 0) payload = ip.size() - 40; // jumbogram or offload
        // Hop-by-hop, routing and destination options headers are skipped; a fragment header is not.
        while (next == 0 || next == 43 || next == 60) {
            if (ip.size() < at + 2) return error("IPv6 extension header cut short");
            const std::size_t length = (static_cast<std::size_t>(ip[at + 1]) + 1) * 8;
            next = ip[at];
            at += length;
        }
        if (next == 44) return error("fragmented IPv6 packet (not reassembled)");
        if (next != 6) return loc;
        if (at > 40 + payload || at > ip.size()) return error("IPv6 extension headers run past the packet");
        for (std::size_t i = 0; i < 16; ++i) {
            loc.src.bytes[i] = ip[8 + i];
            loc.dst.bytes[i] = ip[24 + i];
        }
        loc.src.v6 = loc.dst.v6 = true;
        loc.tcpLength = static_cast<std::uint32_t>(40 + payload - at);
        loc.tcp = ip.subspan(at, std::min(ip.size(), 40 + payload) - at);
        loc.what = Located::Tcp;
        return loc;
    }
    return error("IP version " + std::to_string(version) + " (neither 4 nor 6)");
}

TcpLocation locateTcp(std::uint32_t linkType, std::span<const std::uint8_t> frame)
{
    auto byEtherType = [&](std::uint16_t type, std::size_t at) {
        if (type != 0x0800 && type != 0x86dd) return TcpLocation{};
        return locateIp(frame.subspan(at));
    };
    auto cut = [](const char *what) {
        TcpLocation loc;
        loc.what = Located::Error;
        loc.error = std::string(what) + " header cut short";
        return loc;
    };
    switch (static_cast<PcapLinkType>(linkType)) {
    case PcapLinkType::Null:
        if (frame.size() < 4) return cut("null/loopback");
        return locateIp(frame.subspan(4)); // the family's byte order varies; the IP version nibble does not
    case PcapLinkType::Ethernet: {
        std::size_t at = 12;
        if (frame.size() < at + 2) return cut("Ethernet");
        std::uint16_t type = be16(&frame[at]);
        while (type == 0x8100 || type == 0x88a8) { // 802.1Q / 802.1ad tags
            at += 4;
            if (frame.size() < at + 2) return cut("VLAN");
            type = be16(&frame[at]);
        }
        return byEtherType(type, at + 2);
    }
    case PcapLinkType::RawDlt12:
    case PcapLinkType::RawDlt14:
    case PcapLinkType::Raw:
        return locateIp(frame);
    case PcapLinkType::LinuxSll:
        if (frame.size() < 16) return cut("Linux SLL");
        return byEtherType(be16(&frame[14]), 16);
    case PcapLinkType::LinuxSll2:
        if (frame.size() < 20) return cut("Linux SLL2");
        return byEtherType(be16(&frame[0]), 20);
    }
    return {};
}

using ConversationKey = std::pair<TcpAddress, TcpAddress>;

ConversationKey keyOf(const TcpAddress &a, const TcpAddress &b)
{
    return a < b ? std::pair(a, b) : std::pair(b, a);
}

// RFC 1071 sum of a byte run, not yet folded or complemented.
std::uint32_t sum16(std::span<const std::uint8_t> bytes, std::uint32_t sum = 0)
{
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2)
        sum += static_cast<std::uint32_t>(bytes[i] << 8 | bytes[i + 1]);
    if (bytes.size() % 2 != 0) sum += static_cast<std::uint32_t>(bytes.back() << 8);
    return sum;
}

std::uint16_t fold(std::uint32_t sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return static_cast<std::uint16_t>(~sum);
}

// The pseudo-header's sum (RFC 9293 §3.1; RFC 8200 §8.1 for IPv6), folded but not complemented: what a
// host that offloads the checksum writes in the field for the network card to complete (Linux's
// CHECKSUM_PARTIAL).
std::uint16_t pseudoHeaderSum(const IpAddress &src, const IpAddress &dst, std::uint32_t tcpLength)
{
    const std::size_t addressBytes = src.v6 ? 16 : 4;
    std::uint32_t sum = sum16(std::span(src.bytes).first(addressBytes));
    sum = sum16(std::span(dst.bytes).first(addressBytes), sum);
    sum += tcpLength >> 16;
    sum += tcpLength & 0xffff;
    sum += 6;
    return static_cast<std::uint16_t>(~fold(sum));
}

// The checksum the TCP header should carry (IPv4 or IPv6), over bytes whose checksum field is zero.
std::uint16_t tcpChecksumOver(std::span<const std::uint8_t> tcpWithZeroChecksum, const IpAddress &src,
                              const IpAddress &dst)
{
    const auto length = static_cast<std::uint32_t>(tcpWithZeroChecksum.size());
    return fold(sum16(tcpWithZeroChecksum, pseudoHeaderSum(src, dst, length)));
}

} // namespace

ConversationList listTcpConversations(const PcapCapture &capture)
{
    ConversationList list;
    struct Open {
        int index = 0;
        bool ended = false;
        std::optional<std::uint32_t> synSeq;
    };
    std::map<ConversationKey, Open> open;
    auto last = open.end();
    if (!isKnownLinkType(capture.linkType)) return list;
    for (std::size_t i = 0; i < capture.packets.size(); ++i) {
        const PcapRecord &record = capture.packets[i];
        const TcpLocation loc = locateTcp(capture.linkType, record.data);
        if (loc.what == Located::NotTcp) {
            ++list.nonTcpPackets;
            continue;
        }
        if (loc.what == Located::Error) {
            list.issues.push_back({record.offset, record.number, loc.error});
            continue;
        }
        if (loc.tcp.size() < 20) {
            list.issues.push_back(
                {record.offset, record.number,
                 "TCP header cut short: " + std::to_string(loc.tcp.size()) + " of 20 bytes captured"});
            continue;
        }
        const TcpAddress src{loc.src, be16(&loc.tcp[0])};
        const TcpAddress dst{loc.dst, be16(&loc.tcp[2])};
        const std::uint32_t seqNo = be32(&loc.tcp[4]);
        const std::uint8_t flags = loc.tcp[13];
        const bool pureSyn = (flags & kSyn) != 0 && (flags & kAck) == 0;
        const ConversationKey key = keyOf(src, dst);
        // Packets of one conversation usually come in runs: skip the map lookup for a repeat of the last key.
        auto it = last != open.end() && last->first == key ? last : open.find(key);
        const bool restart = it != open.end() && pureSyn && it->second.ended && it->second.synSeq != seqNo;
        if (it == open.end() || restart) {
            TcpConversation conversation;
            conversation.index = static_cast<int>(list.conversations.size());
            conversation.client = src;
            conversation.server = dst;
            conversation.firstUs = record.tUs();
            list.conversations.push_back(std::move(conversation));
            Open state;
            state.index = static_cast<int>(list.conversations.size()) - 1;
            it = open.insert_or_assign(key, state).first;
        }
        last = it;
        Open &state = it->second;
        TcpConversation &conversation = list.conversations[static_cast<std::size_t>(state.index)];
        if (pureSyn && !conversation.sawSyn) {
            // The first SYN without ACK names the client, even when packets before it were seen.
            conversation.sawSyn = true;
            state.synSeq = seqNo;
            if (!(src == conversation.client)) {
                std::swap(conversation.client, conversation.server);
                std::swap(conversation.packetsFromClient, conversation.packetsFromServer);
                std::swap(conversation.payloadFromClient, conversation.payloadFromServer);
            }
        }
        if ((flags & (kFin | kRst)) != 0) state.ended = true;
        const std::size_t headerLength = static_cast<std::size_t>(loc.tcp[12] >> 4) * 4;
        const std::uint64_t payload = loc.tcpLength > headerLength ? loc.tcpLength - headerLength : 0;
        if (src == conversation.client) {
            ++conversation.packetsFromClient;
            conversation.payloadFromClient += payload;
        } else {
            ++conversation.packetsFromServer;
            conversation.payloadFromServer += payload;
        }
        conversation.lastUs = std::max(conversation.lastUs, record.tUs());
        conversation.firstUs = std::min(conversation.firstUs, record.tUs());
        conversation.records.push_back(i);
    }
    return list;
}

ConversationSegments conversationSegments(const PcapCapture &capture, const TcpConversation &conversation)
{
    ConversationSegments out;
    out.segments.reserve(conversation.records.size());
    std::vector<std::uint8_t> patched;
    for (const std::size_t index : conversation.records) {
        if (index >= capture.packets.size()) continue;
        const PcapRecord &record = capture.packets[index];
        const TcpLocation loc = locateTcp(capture.linkType, record.data);
        if (loc.what != Located::Tcp || loc.tcp.size() < 20) {
            out.issues.push_back(
                {record.offset, record.number, loc.what == Located::Error ? loc.error : "no TCP"});
            continue;
        }
        CapturedSegment seg;
        seg.packet = record.number;
        seg.t = record.tUs();
        seg.from =
            TcpAddress{loc.src, be16(&loc.tcp[0])} == conversation.client ? Side::Client : Side::Server;
        seg.truncated = loc.tcp.size() < loc.tcpLength;
        seg.wireChecksum = be16(&loc.tcp[16]);
        const std::size_t headerLength = static_cast<std::size_t>(loc.tcp[12] >> 4) * 4;
        seg.payloadLength =
            loc.tcpLength > headerLength ? static_cast<std::uint32_t>(loc.tcpLength - headerLength) : 0;
        if (seg.truncated && loc.tcp.size() < headerLength) {
            out.issues.push_back({record.offset, record.number,
                                  "TCP header cut by the snaplen: " + std::to_string(loc.tcp.size()) +
                                      " of " + std::to_string(headerLength) + " bytes captured"});
            continue;
        }
        // The decoder verifies the checksum over the IPv4 pseudo-header. For a packet it cannot verify (cut
        // by the snaplen, or IPv6) the checksum field is replaced by the one it expects, so that the header
        // is still decoded by decodeSegment; the status says what was verified.
        const IpPair ips = loc.src.v6 ? IpPair{} : IpPair{loc.src.v4HostOrder(), loc.dst.v4HostOrder()};
        DecodeResult result;
        bool verified = false;
        if (!seg.truncated && !loc.src.v6) {
            result = decodeSegment(loc.tcp, ips);
            verified = result.error != DecodeError::BadChecksum;
        }
        if (!verified) {
            patched.assign(loc.tcp.begin(), loc.tcp.end());
            patched[16] = patched[17] = 0;
            const std::uint16_t expected = seg.truncated ? 0 : tcpChecksumOver(patched, loc.src, loc.dst);
            const std::uint16_t fill = tcpChecksum(patched, ips);
            patched[16] = static_cast<std::uint8_t>(fill >> 8);
            patched[17] = static_cast<std::uint8_t>(fill);
            result = decodeSegment(patched, ips);
            seg.expectedChecksum = expected;
            if (seg.truncated) {
                seg.checksum = ChecksumStatus::Unverified;
                seg.note = "cut by the snaplen: " + std::to_string(loc.tcp.size() - headerLength) + " of " +
                           std::to_string(seg.payloadLength) + " payload bytes captured";
            } else if (expected == seg.wireChecksum) {
                seg.checksum = ChecksumStatus::Good;
            } else if (seg.wireChecksum == pseudoHeaderSum(loc.src, loc.dst, loc.tcpLength)) {
                // A corrupted field matches the pseudo-header sum by chance once in 65,536.
                seg.checksum = ChecksumStatus::Offloaded;
                seg.note = "checksum unverified: offloaded (the field holds the pseudo-header sum " +
                           hex16(seg.wireChecksum) + ")";
            } else {
                seg.checksum = ChecksumStatus::Bad;
                seg.note =
                    "bad TCP checksum " + hex16(seg.wireChecksum) + " (expected " + hex16(expected) + ")";
            }
        }
        if (!result.ok()) {
            out.issues.push_back({record.offset, record.number, "TCP: " + result.message});
            continue;
        }
        seg.segment = std::move(result.segment);
        out.segments.push_back(std::move(seg));
    }
    const auto earlier = [](const CapturedSegment &a, const CapturedSegment &b) { return a.t < b.t; };
    if (!std::is_sorted(out.segments.begin(), out.segments.end(), earlier)) // most captures are
        std::stable_sort(out.segments.begin(), out.segments.end(), earlier);
    return out;
}

} // namespace tcplab
