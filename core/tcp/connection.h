#pragma once
// One TCP endpoint as a Sans-I/O state machine (RFC 9293). Rules of the core:
//  - time is always an argument; the connection never reads a clock, sleeps or touches a socket;
//  - inputs are user calls and handle*(); outputs are polled: pollTransmit, pollEvent, pollTimeout;
//  - the state changes in exactly one place (setState), through a row of the transition table, and that
//    change is reported with its cause and RFC section.
#include "config.h"
#include "endpoint_event.h"
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

    std::deque<std::uint8_t> m_sendQueue;     // accepted from the user, not yet sent
    std::deque<std::uint8_t> m_retransmitQueue; // sent, not yet acknowledged (from SND.UNA)
    std::deque<std::uint8_t> m_receiveBuffer; // in order, not yet read by the user
    bool m_finQueued = false, m_finSent = false;

    RtoEstimator m_rtoEstimator;
    std::deque<Transmit> m_transmits;
    std::deque<EndpointEvent> m_events;
    // Further implementation members (timers, RTT measurement, keep-alive) are added by connection.cpp's
    // author below this line.
};

} // namespace tcplab
