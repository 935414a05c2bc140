#pragma once
// A TCP segment as a value (RFC 9293 §3.1). The wire form is in wire.h.
#include "payload.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tcplab {

enum TcpFlag : std::uint8_t {
    kFin = 0x01,
    kSyn = 0x02,
    kRst = 0x04,
    kPsh = 0x08,
    kAck = 0x10,
    kUrg = 0x20,
};

struct Segment {
    std::uint16_t srcPort = 0;
    std::uint16_t dstPort = 0;
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
    std::uint8_t flags = 0;
    std::uint16_t window = 0;
    std::uint16_t urgentPointer = 0;
    std::optional<std::uint16_t> mss; // the MSS option (RFC 9293 §3.7.1), sent only with SYN
    // The window scale option (RFC 7323 §2.2): the sender's shift count as it is on the wire (a value above
    // 14 is kept here and read as 14, §2.3). Sent only with SYN.
    std::optional<std::uint8_t> windowScale;
    Payload payload; // shared, not copied, when the segment is copied (payload.h)

    bool has(TcpFlag flag) const { return (flags & flag) != 0; }
    // SEG.LEN: payload octets plus one for SYN and one for FIN (RFC 9293 §3.4).
    std::uint32_t sequenceLength() const;

    bool operator==(const Segment &) const = default;
};

// "SYN|ACK", in the fixed order SYN FIN RST PSH ACK URG; "" for no flags.
std::string flagsToString(std::uint8_t flags);
// Parses "SYN|ACK" (also "S.", packetdrill style, is not accepted here). nullopt on an unknown name.
std::optional<std::uint8_t> flagsFromString(std::string_view text);

} // namespace tcplab
