#include "variant/two_way_endpoint.h"

#include <algorithm>

namespace tcplab {

namespace {
// Every transition of the variant names itself: it is no row of RFC 9293's table.
constexpr std::string_view kNotTcp = "hypothetical, not TCP (RFC 9293 §3.5 explains why TCP uses three)";
} // namespace

TwoWayHandshakeEndpoint::TwoWayHandshakeEndpoint(EndpointConfig config, std::uint16_t localPort)
    : m_config(config), m_localPort(localPort), m_iss(config.fixedIsn)
{
}

void TwoWayHandshakeEndpoint::setState(TcpState to, TcpEvent event, std::string_view cause)
{
    m_events.push_back(StateChanged{m_state, to, event, cause, kNotTcp});
    m_state = to;
}

void TwoWayHandshakeEndpoint::sendSegment(std::uint8_t flags, std::span<const std::uint8_t> payload)
{
    Segment segment;
    segment.srcPort = m_localPort;
    segment.dstPort = m_remotePort;
    segment.seq = m_sndNxt;
    segment.ack = (flags & kAck) ? m_rcvNxt : 0;
    segment.flags = flags;
    segment.window = static_cast<std::uint16_t>(std::min<std::uint32_t>(m_config.receiveBuffer, 65535));
    if (flags & kSyn) segment.mss = m_config.mss;
    segment.payload.assign(payload.begin(), payload.end());
    m_sndNxt += segment.sequenceLength();
    m_transmits.push_back({std::move(segment), false, false});
}

void TwoWayHandshakeEndpoint::ignore(const Segment &segment, std::string_view reason)
{
    m_events.push_back(SegmentDiscarded{segment, reason, kNotTcp});
}

CallResult TwoWayHandshakeEndpoint::listen(TimeUs)
{
    if (m_state != TcpState::Closed) return CallResult::failure("connection already exists");
    setState(TcpState::Listen, TcpEvent::PassiveOpen, "call LISTEN");
    return CallResult::success();
}

CallResult TwoWayHandshakeEndpoint::connect(TimeUs, std::uint16_t remotePort)
{
    if (m_state != TcpState::Closed) return CallResult::failure("connection already exists");
    m_remotePort = remotePort;
    m_sndNxt = m_iss;
    setState(TcpState::SynSent, TcpEvent::ActiveOpen, "call CONNECT");
    sendSegment(kSyn);
    return CallResult::success();
}

CallResult TwoWayHandshakeEndpoint::send(TimeUs, std::span<const std::uint8_t> data)
{
    if (m_state != TcpState::Established) return CallResult::failure("connection does not exist");
    sendSegment(kAck | kPsh, data);
    return CallResult::success();
}

std::vector<std::uint8_t> TwoWayHandshakeEndpoint::receive(TimeUs, std::size_t)
{
    return {}; // data is handed over as it arrives
}

CallResult TwoWayHandshakeEndpoint::close(TimeUs)
{
    // The thought experiment is about opening; closing is not modelled.
    return CallResult::failure("not modelled by the hypothetical two-way handshake");
}

CallResult TwoWayHandshakeEndpoint::abort(TimeUs)
{
    if (m_state == TcpState::Closed) return CallResult::failure("connection does not exist");
    if (m_state != TcpState::Listen) sendSegment(kRst);
    setState(TcpState::Closed, TcpEvent::Abort, "call ABORT");
    return CallResult::success();
}

void TwoWayHandshakeEndpoint::handleSegment(TimeUs, const Segment &segment)
{
    switch (m_state) {
    case TcpState::Listen:
        if (!segment.has(kSyn) || segment.has(kAck) || segment.has(kRst))
            return ignore(segment, "a listening two-way server waits for a SYN");
        // The whole point of the variant: one segment from the network, and the server is committed.
        m_remotePort = segment.srcPort;
        m_rcvNxt = segment.seq + 1;
        m_sndNxt = m_iss;
        setState(TcpState::Established, TcpEvent::RcvSyn, "rcv SYN (two-way: commit at once)");
        sendSegment(kSyn | kAck);
        return;
    case TcpState::SynSent:
        if (segment.has(kSyn) && segment.has(kAck) && segment.ack == m_iss + 1) {
            m_rcvNxt = segment.seq + 1;
            setState(TcpState::Established, TcpEvent::RcvSynAck, "rcv SYN,ACK (two-way: no third segment)");
            return;
        }
        return ignore(segment,
                      "not an answer to this SYN; a two-way client has no message to refuse it with");
    case TcpState::Established:
        if (segment.has(kRst)) {
            setState(TcpState::Closed, TcpEvent::RcvRst, "rcv RST");
            m_events.push_back(ConnectionError{ConnectionErrorKind::Reset, "connection reset"});
            return;
        }
        if (segment.has(kSyn)) return ignore(segment, "already ESTABLISHED: a further SYN is ignored");
        if (!segment.payload.empty() && segment.seq == m_rcvNxt) {
            m_rcvNxt += static_cast<std::uint32_t>(segment.payload.size());
            m_events.push_back(DataDelivered{segment.payload});
            sendSegment(kAck);
        }
        return;
    default:
        return ignore(segment, "no connection");
    }
}

std::optional<Transmit> TwoWayHandshakeEndpoint::pollTransmit()
{
    if (m_transmits.empty()) return std::nullopt;
    Transmit tx = std::move(m_transmits.front());
    m_transmits.pop_front();
    return tx;
}

std::optional<EndpointEvent> TwoWayHandshakeEndpoint::pollEvent()
{
    if (m_events.empty()) return std::nullopt;
    EndpointEvent event = std::move(m_events.front());
    m_events.pop_front();
    return event;
}

} // namespace tcplab
