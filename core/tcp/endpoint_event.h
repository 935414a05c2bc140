#pragma once
// What a Connection reports besides the segments it sends: polled with Connection::pollEvent().
#include "segment.h"
#include "state.h"
#include "time.h"
#include "transitions.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>
#include <vector>

namespace tcplab {

enum class TimerKind { Retransmission, TimeWait, KeepAlive, DelayedAck };
inline constexpr std::size_t kTimerKindCount = 4;
std::string_view timerName(TimerKind kind); // "RTO", "2MSL", "KEEPALIVE", "DELAYED_ACK"

struct StateChanged {
    TcpState from;
    TcpState to;
    TcpEvent event;
    std::string_view cause; // "rcv SYN,ACK", "call CLOSE", "timer 2MSL"
    std::string_view rfc;   // the section that prescribes it
};

struct TimerArmed {
    TimerKind kind;
    TimeUs deadline;
    TimeUs duration;
    int attempt; // RTO: retransmissions so far (0 for the first transmission); keep-alive: probes sent
};

struct TimerCancelled {
    TimerKind kind;
};

struct TimerFired {
    TimerKind kind;
    int attempt;
};

// A received segment that changed nothing but perhaps an ACK or RST in reply.
struct SegmentDiscarded {
    Segment segment;
    std::string_view reason; // "not acceptable: seq outside window", "RST not in window", ...
    std::string_view rfc;
};

struct DataDelivered {
    Payload bytes; // in order, once
};

enum class ConnectionErrorKind { Refused, Reset, TimedOut, KeepAliveTimedOut };
struct ConnectionError {
    ConnectionErrorKind kind;
    std::string_view message; // "connection reset", "connection refused", "connection timed out"
};

using EndpointEvent =
    std::variant<StateChanged, TimerArmed, TimerCancelled, TimerFired, SegmentDiscarded, DataDelivered,
                 ConnectionError>;

} // namespace tcplab
