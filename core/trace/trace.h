#pragma once
// The trace: an append-only list of everything that happened in a session, each event stamped with its
// time and a stable id. Every view, export and test reads it; nothing else carries protocol facts out.
#include "tcp/endpoint_event.h"
#include "tcp/segment.h"
#include "tcp/state.h"
#include "tcp/time.h"
#include "tcp/transitions.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tcplab {

enum class Side { Client, Server };
std::string_view sideName(Side side); // "client" / "server"
inline Side peerOf(Side side) { return side == Side::Client ? Side::Server : Side::Client; }

enum class CallKind { Listen, Connect, Send, Receive, Close, Abort, Crash, Restart };
std::string_view callName(CallKind kind); // "LISTEN", "CONNECT", "SEND", "RECEIVE", "CLOSE", "ABORT", ...

enum class TraceKind {
    UserCall,         // call, callOk, text = error
    SegmentSent,      // segmentId, segment, retransmission, arrival (planned; -1 when it will not arrive)
    SegmentDelivered, // segmentId, segment (at the receiver)
    SegmentDropped,   // segmentId, text = why (the rule, or "dropped by user")
    SegmentDiscarded, // segmentId, segment, text = why the receiver ignored it, rfc
    StateChanged,     // from, to, transition, text = cause, rfc
    TimerArmed,       // timer, deadline, duration, attempt
    TimerCancelled,   // timer
    TimerFired,       // timer, attempt
    DataDelivered,    // data
    ConnectionError,  // text = message
    Note,             // text: a driver's remark (e.g. "link cut")
};
std::string_view traceKindName(TraceKind kind); // "segment_sent", "state_changed", ...

struct TraceEvent {
    // User-provided so that emplace_back() runs the member initializers below without first zeroing all
    // ~230 bytes (value-initialization), which was the simulator's largest single cost.
    TraceEvent() noexcept {}

    std::uint64_t eventId = 0; // position in the trace, stable across replays
    TimeUs t = 0;
    TraceKind kind = TraceKind::Note;
    Side side = Side::Client; // the endpoint it happened at (for segments: the sender)
    int conn = 0;             // connection index within the session (several for HTTP/1.0)

    // Segments.
    std::uint64_t segmentId = 0;
    Segment segment;
    bool retransmission = false;
    bool keepAliveProbe = false;
    TimeUs arrival = -1;
    std::uint64_t duplicateOf = 0; // SegmentSent of a copy the link made: the original's segmentId

    // State changes.
    TcpState from = TcpState::Closed;
    TcpState to = TcpState::Closed;
    TcpEvent transition = TcpEvent::PassiveOpen;

    // Timers.
    TimerKind timer = TimerKind::Retransmission;
    TimeUs deadline = 0;
    TimeUs duration = 0;
    int attempt = 0;

    // User calls.
    CallKind call = CallKind::Listen;
    bool callOk = true;

    std::string text;     // cause, reason or message (English, fixed wording; the UI translates by key)
    std::string_view rfc; // RFC section, static
    Payload data;         // UserCall SEND: the bytes given; DataDelivered: the bytes handed over
};

class Trace {
public:
    // Appends and assigns the next eventId; returns it.
    std::uint64_t append(TraceEvent event);
    // Appends a default event with the next eventId and returns it to be filled in place (a driver's fast
    // path: no temporary to move). The reference is valid until the next append.
    TraceEvent &emplace();
    const std::vector<TraceEvent> &events() const { return m_events; }
    std::size_t size() const { return m_events.size(); }
    const TraceEvent &operator[](std::size_t i) const { return m_events[i]; }
    void clear() { m_events.clear(); }
    void reserve(std::size_t n) { m_events.reserve(n); }

private:
    std::vector<TraceEvent> m_events;
};

} // namespace tcplab
