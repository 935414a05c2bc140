#pragma once
// How a segment is written on its arrow: flags, then the numbers a textbook writes beside it.
#include "tcp/segment.h"

#include <QString>

namespace tcplab::ui {

// "SYN seq=1000", "SYN|ACK seq=5000 ack=1001", "ACK seq=1001 ack=5001 len=5". The acknowledgment number
// is written only when ACK is set (RFC 9293 §3.1: it is meaningless otherwise), the length only when the
// segment carries data. Flag names and field names stay as in the RFC in every language.
//
// With bases, the numbers are written relative to them (modulo 2^32, as sequence space is): `seqBase` is the
// sender's initial sequence number, `ackBase` the receiver's. Wireshark's "relative sequence numbers".
struct SeqBases {
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
};
QString segmentLabel(const Segment &segment, SeqBases bases = {});

} // namespace tcplab::ui
