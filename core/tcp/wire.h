#pragma once
// Exact wire encoding of a segment (RFC 9293 §3.1) with the checksum over the IPv4 pseudo-header, and a
// decoder for untrusted bytes that never crashes and says what is wrong.
#include "segment.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace tcplab {

// 127.0.0.1 in host byte order.
constexpr std::uint32_t kLoopbackIp = 0x7f000001;

// The IPv4 addresses for the pseudo-header, host byte order.
struct IpPair {
    std::uint32_t src = kLoopbackIp;
    std::uint32_t dst = kLoopbackIp;
};

std::vector<std::uint8_t> encodeSegment(const Segment &segment, IpPair ips = {});

// The Internet checksum (RFC 1071) of the TCP bytes with the IPv4 pseudo-header.
std::uint16_t tcpChecksum(std::span<const std::uint8_t> tcpBytes, IpPair ips);

enum class DecodeError {
    None,
    TooShort,        // fewer than 20 bytes
    BadDataOffset,   // data offset < 5 or past the end of the bytes
    BadOptionLength, // an option's length byte is < 2 or runs past the header
    BadChecksum,
};

struct DecodeResult {
    DecodeError error = DecodeError::None;
    std::string message; // precise, e.g. "data offset 4 (16 bytes) is below the minimum of 5"
    Segment segment;     // valid only when error == None
    std::uint16_t checksum = 0;   // as found on the wire
    std::uint8_t dataOffsetWords = 0;
    bool ok() const { return error == DecodeError::None; }
};

DecodeResult decodeSegment(std::span<const std::uint8_t> bytes, IpPair ips = {});

// Where each header field lies in the encoded bytes, for the packet inspector's hover highlight.
struct WireField {
    const char *name; // "Source port", "Sequence number", ... (English; the UI translates)
    int offset;       // byte offset
    int length;       // bytes
};
std::vector<WireField> wireLayout(const Segment &segment);

} // namespace tcplab
