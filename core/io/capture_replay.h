#pragma once
// Replaying a captured conversation through the core, by observation: two Connections (the client gets
// connect() at the time of the first SYN, the server listen()), each captured segment delivered to the
// receiving side's Connection at its capture time. Before that, the segment is compared with what the
// sending side's Connection would have sent at that point; when the capture shows data, a FIN or an RST the
// core has not been asked for, the matching user call (SEND, CLOSE, ABORT) is made first, since a capture
// does not show the application's calls. So each step says what state the core's rules put both ends in,
// and whether the captured segment is what the core would send.
//
// Also flagged, per direction: a retransmission (the segment's sequence range was seen before) and a gap
// (the segment starts beyond the highest sequence number seen: the capture missed bytes).
//
// Window scaling (RFC 7323 §2): each Connection offers the shift its captured SYN carried (or none), so
// the two negotiate it as the capture's ends did and read each other's windows scaled.
// ReplayResult::windowScaling says whether it was negotiated.
//
// Delayed ACKs: an ACK the capture shows sent at once, where the core would send the same ACK only when its
// delayed-ACK timer fires (Linux's quick-ACK mode), matches, with a remark: RFC 9293 §3.8.6.3 allows both.
//
// Limits (the core implements RFC 9293): SACK and timestamps are not modelled; the core's timers run on the
// capture's clock with the configured RTO, so a peer with another RTO differs in when it retransmits, and
// such steps are marked as not matching rather than forced into agreement.
#include "tcp/config.h"
#include "tcp/state.h"
#include "trace/pcap_reader.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tcplab {

struct ReplayOptions {
    // Timers and buffer of both Connections; the ISNs and MSS come from the capture's SYNs.
    EndpointConfig base = linuxProfile(1);
    // After the last segment, timers run until this capture time (e.g. to see TIME_WAIT end); -1: they
    // stop at the last segment.
    TimeUs runTimersUntil = -1;
};

struct ReplayStep {
    std::size_t segment = 0; // index into the segments given
    Side from = Side::Client;
    TcpState clientState = TcpState::Closed; // after the segment was delivered
    TcpState serverState = TcpState::Closed;
    bool matchesCore = false; // the sending Connection would send exactly this (flags, seq, ack, length)
    bool earlyAck = false;    // ... but only when its delayed-ACK timer fires: it was sent sooner
    bool retransmission = false;
    std::uint32_t gapBytes = 0; // sequence space missing before this segment
    std::string remark;         // what differs, what call was inferred
    // The state changes this step made: states[statesBegin, statesEnd). Those of the sender come from the
    // call inferred before it sent; those of the receiver from the delivery. Changes outside every step's
    // range were made by timers (or by LISTEN and CONNECT before the first segment).
    std::size_t statesBegin = 0;
    std::size_t statesEnd = 0;
};

struct StateStep {
    TimeUs t = 0;
    Side side = Side::Client;
    TcpState from = TcpState::Closed;
    TcpState to = TcpState::Closed;
};

// RFC 7323 §2.2: both SYNs carried the window scale option, so windows after them are scaled.
struct WindowScaling {
    bool negotiated = false;
    std::uint8_t clientShift = 0; // the shift of the windows the client sends
    std::uint8_t serverShift = 0;
};

struct ReplayResult {
    bool replayed = false; // false: no SYN to start from (see `problem`)
    std::string problem;
    std::vector<ReplayStep> steps;
    std::vector<StateStep> states; // every state change of both Connections, in order
    TcpState finalClient = TcpState::Closed;
    TcpState finalServer = TcpState::Closed;
    WindowScaling windowScaling; // as the captured SYNs negotiated it
};

ReplayResult replayCapture(const std::vector<CapturedSegment> &segments, const ReplayOptions &options = {});

} // namespace tcplab
