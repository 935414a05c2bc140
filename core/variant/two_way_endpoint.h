#pragma once
// A HYPOTHETICAL protocol, not TCP: a two-way handshake, shown beside the real one to answer "why three?"
// (RFC 9293 §3.5, Figure 8). It is a separate endpoint type so that nothing of it hides in the real state
// machine's paths; the session announces it in the trace with a note.
//
// Rules (the textbook's thought experiment):
//  - a listening server that receives a SYN commits at once: ESTABLISHED, answering SYN+ACK. It never
//    waits for a third segment, so it cannot tell a fresh SYN from an old duplicate;
//  - a client in SYN_SENT that receives a SYN+ACK acknowledging its SYN is ESTABLISHED; any other answer
//    is ignored - a two-way client has no third message in which to say "that is not mine";
//  - an ESTABLISHED endpoint ignores further SYNs (it is connected, even to a ghost);
//  - data in order is delivered; an RST closes. No timers: nothing is retransmitted.
// It speaks the same polled interface as Connection (tcp/connection.h), so the session drives either.
#include "tcp/config.h"
#include "tcp/connection.h"

#include <deque>
#include <optional>
#include <span>
#include <vector>

namespace tcplab {

class TwoWayHandshakeEndpoint {
public:
    TwoWayHandshakeEndpoint(EndpointConfig config, std::uint16_t localPort);

    CallResult listen(TimeUs now);
    CallResult connect(TimeUs now, std::uint16_t remotePort);
    CallResult send(TimeUs now, std::span<const std::uint8_t> data);
    std::vector<std::uint8_t> receive(TimeUs now, std::size_t maxBytes);
    CallResult close(TimeUs now);
    CallResult abort(TimeUs now);

    void handleSegment(TimeUs now, const Segment &segment);
    void handleTimeout(TimeUs) {}

    std::optional<Transmit> pollTransmit();
    std::optional<EndpointEvent> pollEvent();
    std::optional<TimeUs> pollTimeout() const { return std::nullopt; }

    TcpState state() const { return m_state; }

private:
    void setState(TcpState to, TcpEvent event, std::string_view cause);
    void sendSegment(std::uint8_t flags, std::span<const std::uint8_t> payload = {});
    void ignore(const Segment &segment, std::string_view reason);

    EndpointConfig m_config;
    std::uint16_t m_localPort;
    std::uint16_t m_remotePort = 0;
    TcpState m_state = TcpState::Closed;
    std::uint32_t m_iss = 0, m_sndNxt = 0, m_rcvNxt = 0;
    std::deque<Transmit> m_transmits;
    std::deque<EndpointEvent> m_events;
};

// The text of the trace note that marks a side as hypothetical.
inline constexpr std::string_view kTwoWayNote =
    "hypothetical two-way handshake: this side is not TCP; it commits on the SYN alone";

} // namespace tcplab
