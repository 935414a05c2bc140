// The TCP header of RFC 9293 §3.1, byte for byte:
//
//   0-1 source port, 2-3 destination port, 4-7 sequence number, 8-11 acknowledgment number,
//   12 data offset (high nibble, in 32-bit words) and reserved bits, 13 flags (CWR ECE URG ACK PSH RST SYN
//   FIN), 14-15 window, 16-17 checksum, 18-19 urgent pointer, then options up to the data offset, then data.
//
// All fields are big-endian. The checksum is the 16-bit one's complement of the one's complement sum
// (RFC 1071) over the IPv4 pseudo-header (source, destination, zero, protocol 6, TCP length) and the
// TCP bytes with the checksum field taken as zero.
#include "wire.h"

#include <cstdio>

namespace tcplab {

namespace {

constexpr std::size_t kHeaderBytes = 20;
constexpr std::uint8_t kProtocolTcp = 6;
constexpr std::uint8_t kOptionEol = 0; // RFC 9293 §3.2: end of option list
constexpr std::uint8_t kOptionNop = 1; // no-operation
constexpr std::uint8_t kOptionMss = 2; // maximum segment size, length 4
constexpr std::uint8_t kOptionMssLength = 4;
constexpr std::uint8_t kOptionWindowScale = 3; // RFC 7323 §2.2: kind 3, length 3, the shift count
constexpr std::uint8_t kOptionWindowScaleLength = 3;
constexpr std::uint8_t kFlagBits = kFin | kSyn | kRst | kPsh | kAck | kUrg;

void put16(std::vector<std::uint8_t> &out, std::size_t at, std::uint16_t v)
{
    out[at] = static_cast<std::uint8_t>(v >> 8);
    out[at + 1] = static_cast<std::uint8_t>(v);
}

void put32(std::vector<std::uint8_t> &out, std::size_t at, std::uint32_t v)
{
    put16(out, at, static_cast<std::uint16_t>(v >> 16));
    put16(out, at + 2, static_cast<std::uint16_t>(v));
}

std::uint16_t get16(std::span<const std::uint8_t> b, std::size_t at)
{
    return static_cast<std::uint16_t>(b[at] << 8 | b[at + 1]);
}

std::uint32_t get32(std::span<const std::uint8_t> b, std::size_t at)
{
    return std::uint32_t{get16(b, at)} << 16 | get16(b, at + 2);
}

// The options a segment carries on the wire: the MSS option, only with SYN (RFC 9293 §3.7.1).
bool carriesMss(const Segment &segment)
{
    return segment.has(kSyn) && segment.mss.has_value();
}

// The window scale option, only with SYN (RFC 7323 §2.2), sent after a NOP so that it ends on a 32-bit
// boundary, as Linux and BSD lay it out.
bool carriesWindowScale(const Segment &segment)
{
    return segment.has(kSyn) && segment.windowScale.has_value();
}

std::size_t optionBytes(const Segment &segment)
{
    return (carriesMss(segment) ? kOptionMssLength : 0) +
           (carriesWindowScale(segment) ? 1 + kOptionWindowScaleLength : 0);
}

std::size_t headerLength(const Segment &segment)
{
    return kHeaderBytes + (optionBytes(segment) + 3) / 4 * 4; // padded to whole 32-bit words
}

// The one's complement sum of RFC 1071, folded to 16 bits (not yet complemented).
std::uint32_t addWords(std::uint32_t sum, std::span<const std::uint8_t> bytes)
{
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2)
        sum += static_cast<std::uint32_t>(bytes[i] << 8 | bytes[i + 1]);
    if (i < bytes.size())
        sum += static_cast<std::uint32_t>(bytes[i] << 8); // an odd last byte is padded with zero
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return sum;
}

std::uint16_t checksumWithZeroField(std::span<const std::uint8_t> tcpBytes, IpPair ips)
{
    std::vector<std::uint8_t> copy(tcpBytes.begin(), tcpBytes.end());
    copy[16] = copy[17] = 0;
    return tcpChecksum(copy, ips);
}

std::string format(const char *pattern, auto... args)
{
    char buffer[200];
    std::snprintf(buffer, sizeof buffer, pattern, args...);
    return buffer;
}

DecodeResult failure(DecodeError error, std::string message)
{
    DecodeResult r;
    r.error = error;
    r.message = std::move(message);
    return r;
}

} // namespace

std::uint16_t tcpChecksum(std::span<const std::uint8_t> tcpBytes, IpPair ips)
{
    const auto length = static_cast<std::uint16_t>(tcpBytes.size());
    const std::uint8_t pseudo[12] = {
        static_cast<std::uint8_t>(ips.src >> 24),
        static_cast<std::uint8_t>(ips.src >> 16),
        static_cast<std::uint8_t>(ips.src >> 8),
        static_cast<std::uint8_t>(ips.src),
        static_cast<std::uint8_t>(ips.dst >> 24),
        static_cast<std::uint8_t>(ips.dst >> 16),
        static_cast<std::uint8_t>(ips.dst >> 8),
        static_cast<std::uint8_t>(ips.dst),
        0,
        kProtocolTcp,
        static_cast<std::uint8_t>(length >> 8),
        static_cast<std::uint8_t>(length),
    };
    std::uint32_t sum = addWords(0, pseudo);
    sum = addWords(sum, tcpBytes);
    return static_cast<std::uint16_t>(~sum & 0xffff);
}

std::vector<std::uint8_t> encodeSegment(const Segment &segment, IpPair ips)
{
    const std::size_t header = headerLength(segment);
    std::vector<std::uint8_t> out(header + segment.payload.size(), 0);
    put16(out, 0, segment.srcPort);
    put16(out, 2, segment.dstPort);
    put32(out, 4, segment.seq);
    put32(out, 8, segment.ack);
    out[12] = static_cast<std::uint8_t>((header / 4) << 4);
    out[13] = segment.flags & kFlagBits;
    put16(out, 14, segment.window);
    put16(out, 18, segment.urgentPointer);
    std::size_t at = kHeaderBytes;
    if (carriesMss(segment)) {
        out[at] = kOptionMss;
        out[at + 1] = kOptionMssLength;
        put16(out, at + 2, *segment.mss);
        at += kOptionMssLength;
    }
    if (carriesWindowScale(segment)) {
        out[at] = kOptionNop;
        out[at + 1] = kOptionWindowScale;
        out[at + 2] = kOptionWindowScaleLength;
        out[at + 3] = *segment.windowScale;
    }
    // Any padding after the options is zero, which is also the end-of-option-list kind.
    std::copy(segment.payload.begin(), segment.payload.end(), out.begin() + static_cast<long>(header));
    put16(out, 16, tcpChecksum(out, ips));
    return out;
}

DecodeResult decodeSegment(std::span<const std::uint8_t> bytes, IpPair ips)
{
    if (bytes.size() < kHeaderBytes) {
        return failure(DecodeError::TooShort,
                       format("segment is %zu bytes, shorter than the 20-byte TCP header", bytes.size()));
    }
    const std::uint8_t offsetWords = bytes[12] >> 4;
    const std::size_t header = std::size_t{offsetWords} * 4;
    if (offsetWords < 5) {
        auto r =
            failure(DecodeError::BadDataOffset, format("data offset %u (%zu bytes) is below the minimum of 5",
                                                       unsigned{offsetWords}, header));
        r.dataOffsetWords = offsetWords;
        return r;
    }
    if (header > bytes.size()) {
        auto r = failure(DecodeError::BadDataOffset,
                         format("data offset %u (%zu bytes) runs past the end of the %zu-byte segment",
                                unsigned{offsetWords}, header, bytes.size()));
        r.dataOffsetWords = offsetWords;
        return r;
    }

    Segment s;
    s.srcPort = get16(bytes, 0);
    s.dstPort = get16(bytes, 2);
    s.seq = get32(bytes, 4);
    s.ack = get32(bytes, 8);
    s.flags = bytes[13] & kFlagBits; // CWR and ECE (RFC 3168) are not modelled
    s.window = get16(bytes, 14);
    s.urgentPointer = get16(bytes, 18);

    // Options (RFC 9293 §3.2): EOL ends the list, NOP is one byte, every other kind has a length byte
    // counting the kind and length bytes too. Unknown kinds are skipped by their length.
    std::size_t i = kHeaderBytes;
    while (i < header) {
        const std::uint8_t kind = bytes[i];
        if (kind == kOptionEol) break;
        if (kind == kOptionNop) {
            ++i;
            continue;
        }
        if (i + 1 >= header) {
            return failure(DecodeError::BadOptionLength,
                           format("option kind %u at byte %zu has no length byte before the header ends at "
                                  "byte %zu",
                                  unsigned{kind}, i, header));
        }
        const std::uint8_t length = bytes[i + 1];
        if (length < 2) {
            return failure(DecodeError::BadOptionLength,
                           format("option kind %u at byte %zu has length %u, below the minimum of 2",
                                  unsigned{kind}, i, unsigned{length}));
        }
        if (i + length > header) {
            return failure(DecodeError::BadOptionLength,
                           format("option kind %u at byte %zu has length %u and runs past the header end at "
                                  "byte %zu",
                                  unsigned{kind}, i, unsigned{length}, header));
        }
        if (kind == kOptionMss) {
            if (length != kOptionMssLength) {
                return failure(
                    DecodeError::BadOptionLength,
                    format("MSS option at byte %zu has length %u; it must be 4", i, unsigned{length}));
            }
            // "MUST only be sent in the initial connection request (i.e., in segments with the SYN
            // control bit set)" (§3.7.1): a receiver checks the option anywhere, but takes its value only
            // from a SYN, as Linux's tcp_parse_options does. So a decoded segment holds what
            // encodeSegment would put on the wire, and decode, encode, decode gives the same segment.
            if (s.has(kSyn)) s.mss = get16(bytes, i + 2);
        }
        if (kind == kOptionWindowScale) {
            if (length != kOptionWindowScaleLength) {
                return failure(DecodeError::BadOptionLength,
                               format("window scale option at byte %zu has length %u; it must be 3", i,
                                      unsigned{length}));
            }
            // RFC 7323 §2.2: "A Window Scale option in a segment without a SYN bit MUST be ignored." The
            // shift is kept as sent; a receiver reads one above 14 as 14 (§2.3).
            if (s.has(kSyn)) s.windowScale = bytes[i + 2];
        }
        i += length;
    }
    s.payload.assign(bytes.begin() + static_cast<long>(header), bytes.end());

    DecodeResult r;
    r.checksum = get16(bytes, 16);
    r.dataOffsetWords = offsetWords;
    const std::uint16_t expected = checksumWithZeroField(bytes, ips);
    if (r.checksum != expected) {
        r.error = DecodeError::BadChecksum;
        r.message = format("checksum 0x%04x is wrong: the bytes and the IPv4 pseudo-header give 0x%04x",
                           unsigned{r.checksum}, unsigned{expected});
        return r;
    }
    r.segment = std::move(s);
    return r;
}

std::vector<WireField> wireLayout(const Segment &segment)
{
    const int header = static_cast<int>(headerLength(segment));
    std::vector<WireField> fields = {
        {"Source port", 0, 2},     {"Destination port", 2, 2},
        {"Sequence number", 4, 4}, {"Acknowledgment number", 8, 4},
        {"Data offset", 12, 1}, // the high nibble; the low nibble is reserved
        {"Flags", 13, 1},          {"Window", 14, 2},
        {"Checksum", 16, 2},       {"Urgent pointer", 18, 2},
    };
    int at = static_cast<int>(kHeaderBytes);
    if (carriesMss(segment)) {
        fields.push_back({"Option: maximum segment size", at, kOptionMssLength});
        at += kOptionMssLength;
    }
    if (carriesWindowScale(segment)) {
        fields.push_back({"Option: no-operation", at, 1});
        fields.push_back({"Option: window scale", at + 1, kOptionWindowScaleLength});
        at += 1 + kOptionWindowScaleLength;
    }
    if (at < header) fields.push_back({"Padding", at, header - at});
    if (!segment.payload.empty())
        fields.push_back({"Data", header, static_cast<int>(segment.payload.size())});
    return fields;
}

} // namespace tcplab
