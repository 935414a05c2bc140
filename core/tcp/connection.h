#pragma once
// One TCP endpoint as a Sans-I/O state machine (RFC 9293). Rules of the core:
//  - time is always an argument; the connection never reads a clock, sleeps or touches a socket;
//  - inputs are user calls and handle*(); outputs are polled: pollTransmit, pollEvent, pollTimeout;
//  - the state changes in exactly one place (setState), through a row of the transition table, and that
//    change is reported with its cause and RFC section.
#include "byte_queue.h"
#include "config.h"
#include "endpoint_event.h"
#include "payload_queue.h"
#include "rto.h"
#include "segment.h"
#include "state.h"
#include "time.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace tcplab {

struct Transmit {
    Segment segment;
    bool retransmission = false;
    bool keepAliveProbe = false;
};

// The answer to a user call; RFC 9293 §3.10 names the errors ("connection does not exist", ...).
struct CallResult {
    bool ok = true;
    std::string_view error; // empty when ok
    static CallResult success() { return {}; }
    static CallResult failure(std::string_view why) { return {false, why}; }
};

class Connection {
public:
    Connection(EndpointConfig config, std::uint16_t localPort);

    // User calls (RFC 9293 §3.10.1–§3.10.6). `now` is the driver's time.
    CallResult listen(TimeUs now);
    CallResult connect(TimeUs now, std::uint16_t remotePort);
    CallResult send(TimeUs now, std::span<const std::uint8_t> data, bool push = true);
    // The same, keeping the caller's buffer: the segments share it instead of copying it (payload.h).
    CallResult sendShared(TimeUs now, Payload data, bool push = true);
    // Reads up to maxBytes that arrived in order (only needed when config.autoRead is false).
    std::vector<std::uint8_t> receive(TimeUs now, std::size_t maxBytes);
    CallResult close(TimeUs now); // half-close: FIN after the queued data
    CallResult abort(TimeUs now); // RST

    // Inputs.
    void handleSegment(TimeUs now, const Segment &segment);
    void handleTimeout(TimeUs now); // call at or after pollTimeout()

    // Outputs.
    std::optional<Transmit> pollTransmit();
    std::optional<EndpointEvent> pollEvent();
    std::optional<TimeUs> pollTimeout() const; // earliest armed timer deadline

    // Observation (for tests, the inspector and the hands-on controls).
    TcpState state() const { return m_state; }
    const EndpointConfig &config() const { return m_config; }
    std::uint16_t localPort() const { return m_localPort; }
    std::uint16_t remotePort() const { return m_remotePort; }
    std::uint32_t iss() const { return m_iss; }
    std::uint32_t irs() const { return m_irs; }
    std::uint32_t sndUna() const { return m_sndUna; }
    std::uint32_t sndNxt() const { return m_sndNxt; }
    std::uint32_t rcvNxt() const { return m_rcvNxt; }
    std::uint32_t rcvWnd() const;
    std::size_t unsentBytes() const { return m_sendQueue.size(); }
    const RtoEstimator &rto() const { return m_rtoEstimator; }
    bool passiveOpen() const { return m_passiveOpen; }

    // Which user calls the state allows, for enabling buttons (RFC 9293 §3.10).
    bool canListen() const;
    bool canConnect() const;
    bool canSend() const;
    bool canClose() const;
    bool canAbort() const;

private:
    // Implementation state lives in connection.cpp's helpers; members below are the TCB (§3.3.1).
    void setState(TimeUs now, TcpState to, TcpEvent event, std::string_view cause);

    EndpointConfig m_config;
    std::uint16_t m_localPort;
    std::uint16_t m_remotePort = 0;
    TcpState m_state = TcpState::Closed;
    bool m_passiveOpen = false;

    // Send sequence variables.
    std::uint32_t m_iss = 0, m_sndUna = 0, m_sndNxt = 0, m_sndWnd = 0, m_sndWl1 = 0, m_sndWl2 = 0;
    // Receive sequence variables.
    std::uint32_t m_irs = 0, m_rcvNxt = 0;

    PayloadQueue m_sendQueue;       // accepted from the user, not yet sent
    PayloadQueue m_retransmitQueue; // sent, not yet acknowledged (from SND.UNA)
    ByteQueue m_receiveBuffer;      // in order, not yet read by the user
    bool m_finQueued = false, m_finSent = false;

    RtoEstimator m_rtoEstimator;
    std::deque<Transmit> m_transmits;
    std::deque<EndpointEvent> m_events;
    // Further implementation members (timers, RTT measurement, keep-alive) are added by connection.cpp's
    // author below this line.

    // Timers as data: a deadline when armed (RFC 6298 retransmission, RFC 9293 §3.10.8 2·MSL, §3.8.4
    // keep-alive, §3.8.6.3 delayed ACK).
    struct Timer {
        std::optional<TimeUs> deadline;
    };
    Timer &timer(TimerKind kind);
    const Timer &timer(TimerKind kind) const;
    void armTimer(TimerKind kind, TimeUs now, TimeUs duration, int attempt);
    void cancelTimer(TimerKind kind);
    void cancelAllTimers();
    void onRetransmissionTimeout(TimeUs now);
    void onTimeWaitTimeout(TimeUs now);
    void onKeepAliveTimeout(TimeUs now);
    void restartKeepAlive(TimeUs now);
    // Delayed ACK (RFC 9293 §3.8.6.3): whether the ACK owed for what just arrived may wait.
    void owesAckForText(std::size_t bytes);
    void owesAckForFin(TcpState before);
    void sendOwedAck(TimeUs now); // at the end of processing a segment: now, later, or not at all

    // Opening and resetting the TCB.
    void resetTcb();
    std::uint32_t chooseIss(TimeUs now) const;
    void enterClosed(TimeUs now, TcpEvent event, std::string_view cause);
    void returnToListen(TimeUs now, TcpEvent event, std::string_view cause);

    // Segment arrival, one function per group of RFC 9293 §3.10.7.
    void segmentInClosed(const Segment &segment);                                 // §3.10.7.1
    void segmentInListen(TimeUs now, const Segment &segment);                     // §3.10.7.2
    void segmentInSynSent(TimeUs now, const Segment &segment);                    // §3.10.7.3
    void segmentOtherwise(TimeUs now, const Segment &original);                   // §3.10.7.4
    bool processAck(TimeUs now, const Segment &segment, bool finWillBeProcessed); // "fifth"; false: stop
    void processText(TimeUs now, const Segment &segment);                         // "seventh"
    void processFin(TimeUs now, const Segment &segment);                          // "eighth"
    void acknowledgeUpTo(TimeUs now, std::uint32_t ack);
    void updateSendWindow(const Segment &segment);
    void discard(const Segment &segment, std::string_view reason, std::string_view rfc);
    void holdSynText(const Segment &syn);
    void takeWindowScale(const Segment &syn);             // the peer's SYN: negotiate (RFC 7323 §2.2)
    std::uint32_t windowOf(const Segment &segment) const; // SEG.WND in bytes (RFC 7323 §2.3)

    // Output.
    Segment makeSegment(std::uint32_t seq, std::uint8_t flags) const;
    std::optional<std::uint8_t> offeredWindowScale() const; // the option our SYN or SYN,ACK carries
    void queueTransmit(Segment segment, bool retransmission = false, bool keepAliveProbe = false);
    void sendAck();
    void sendRstReply(const Segment &to); // <SEQ=SEG.ACK><CTL=RST> or <SEQ=0><ACK=...><CTL=RST,ACK>
    void sendRst();                       // <SEQ=SND.NXT><CTL=RST> (ABORT, keep-alive limit)
    // Sends what the window allows: SYN, data from SND.NXT, FIN. forceOne sends one octet into a
    // closed window (a zero-window probe, RFC 9293 §3.8.6.1). Returns whether anything was sent.
    bool transmit(TimeUs now, bool forceOne = false);
    std::uint32_t dataFrontSeq() const; // sequence number of m_retransmitQueue.front()
    std::uint32_t sendMss() const;
    bool finAcked() const;

    std::uint32_t m_sndMax = 0;  // highest sequence number sent + 1 (BSD snd_max); SND.NXT goes back to
                                 // SND.UNA on a retransmission timeout
    std::uint32_t m_finSeq = 0;  // valid when m_finSent
    std::uint32_t m_pushSeq = 0; // a segment covering this octet's end carries PSH
    bool m_pushPending = false;
    bool m_synAcked = false;
    bool m_closePending = false; // CLOSE in SYN_RCVD with data queued (§3.10.4)
    bool m_synRetransmitted = false;
    bool m_persisting = false;                // the retransmission timer is the zero-window persist timer
    std::uint16_t m_peerMss = 536;            // RFC 9293 §3.7.1 default when the SYN has no MSS option
    std::uint32_t m_lastAdvertisedWindow = 0; // in bytes, as the peer reads it (scaled)
    // Window scaling (RFC 7323 §2.2): both shifts stay 0 unless both SYNs carried the option.
    std::uint8_t m_sndWindowShift = 0;             // Snd.Wind.Shift: the peer's, for windows it sends
    std::uint8_t m_rcvWindowShift = 0;             // Rcv.Wind.Shift: ours, for windows we advertise
    std::optional<std::uint8_t> m_peerWindowScale; // the shift the peer's SYN offered (at most 14)
    bool m_ackNeeded = false;                      // an ACK is owed for the segment being processed, at once
    bool m_ackMayWait = false;                     // ... or it may be delayed (config.delayedAck)
    int m_fullSegmentsUnacked = 0;                 // full-sized segments received since our last ACK
    std::vector<std::uint8_t> m_synText;           // text that came on the peer's SYN, held in SYN_RCVD

    Timer m_rtxTimer, m_timeWaitTimer, m_keepAliveTimer, m_delayedAckTimer;
    int m_rtxAttempts = 0;
    int m_keepAliveProbesSent = 0;
    std::optional<std::uint32_t> m_rttSeq; // Karn's rule: one timed segment, never a retransmitted one
    TimeUs m_rttStart = 0;
};

} // namespace tcplab
