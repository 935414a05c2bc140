// The connection state machine of RFC 9293: user calls, the one place the state changes, timers and
// polling. Segment arrival (§3.10.7) is in connection_input.cpp, sending in connection_output.cpp.
//
//  User calls (§3.10.1–§3.10.5): OPEN (listen/connect), SEND, RECEIVE, CLOSE (a half-close: the FIN goes
//  after the queued data), ABORT (RST).
//
//  Timers (§3.10.8, RFC 6298): retransmission with Karn's rule and back-off, giving up after a retry
//  limit (§3.8.3 R2); TIME_WAIT for 2·MSL; keep-alive probes (§3.8.4); the delayed ACK (§3.8.6.3).
//
//  RFC 9293's SND.NXT is m_sndMax here: on a retransmission timeout m_sndNxt goes back to SND.UNA
//  (go-back-N) while m_sndMax keeps the highest sequence number sent, as BSD's snd_max does.
#include "connection.h"

#include "connection_detail.h"
#include "rules.h"
#include "seq.h"
#include "wire.h"

#include <algorithm>
#include <cassert>

namespace tcplab {

namespace {

constexpr std::uint32_t kMaxWindow = 65535; // the 16-bit window field, before scaling (RFC 7323 §2)

bool isResetEvent(TcpEvent event)
{
    return event == TcpEvent::RcvRst || event == TcpEvent::Abort || event == TcpEvent::RetransmitLimit ||
           event == TcpEvent::KeepAliveLimit;
}

} // namespace

Connection::Connection(EndpointConfig config, std::uint16_t localPort)
    : m_config(config), m_localPort(localPort),
      m_rtoEstimator(config.initialRto, config.minRto, config.maxRto)
{
    // What one input usually leaves to poll: a few segments, a state change and some timer events.
}

// ---------------------------------------------------------------------------------------------------
// User calls (RFC 9293 §3.10.1–§3.10.5)

CallResult Connection::listen(TimeUs now)
{
    if (m_state != TcpState::Closed) return CallResult::failure("connection already exists"); // §3.10.1
    resetTcb();
    m_passiveOpen = true;
    setState(now, TcpState::Listen, TcpEvent::PassiveOpen, "call LISTEN");
    return CallResult::success();
}

CallResult Connection::connect(TimeUs now, std::uint16_t remotePort)
{
    // §3.10.1: an active OPEN from CLOSED, or from LISTEN once the foreign socket is named.
    if (m_state != TcpState::Closed && m_state != TcpState::Listen)
        return CallResult::failure("connection already exists");
    resetTcb();
    m_passiveOpen = false;
    m_remotePort = remotePort;
    m_iss = chooseIss(now);
    m_sndUna = m_sndNxt = m_sndMax = m_iss;
    setState(now, TcpState::SynSent, TcpEvent::ActiveOpen, "call CONNECT");
    transmit(now); // <SEQ=ISS><CTL=SYN>
    return CallResult::success();
}

CallResult Connection::send(TimeUs now, std::span<const std::uint8_t> data, bool push)
{
    return sendShared(now, Payload(data), push);
}

CallResult Connection::sendShared(TimeUs now, Payload data, bool push)
{
    // §3.10.2.
    switch (m_state) {
    case TcpState::Closed:
        return CallResult::failure("connection does not exist");
    case TcpState::Listen:
        return CallResult::failure("foreign socket unspecified");
    case TcpState::SynSent:
    case TcpState::SynRcvd:
    case TcpState::Established:
    case TcpState::CloseWait:
        if (m_finQueued || m_closePending) return CallResult::failure("connection closing");
        break;
    default:
        return CallResult::failure("connection closing");
    }
    const bool pushed = push && !data.empty();
    m_sendQueue.append(std::move(data));
    if (pushed) {
        m_pushSeq =
            dataFrontSeq() + static_cast<std::uint32_t>(m_retransmitQueue.size() + m_sendQueue.size());
        m_pushPending = true;
    }
    transmit(now); // queued in SYN_SENT and SYN_RCVD until ESTABLISHED
    return CallResult::success();
}

std::vector<std::uint8_t> Connection::receive(TimeUs /*now*/, std::size_t maxBytes)
{
    const std::size_t n = std::min(maxBytes, m_receiveBuffer.size());
    std::vector<std::uint8_t> bytes(m_receiveBuffer.begin(), m_receiveBuffer.begin() + n);
    m_receiveBuffer.popFront(n);
    if (!bytes.empty()) m_events.emplace_back(DataDelivered{bytes});

    // Receiver-side silly window avoidance (§3.8.6.2.2): announce the opened window once it has grown by
    // min(RCV.BUFF/2, MSS), and always when it reopens from zero.
    const bool peerMaySend =
        m_state == TcpState::Established || m_state == TcpState::FinWait1 || m_state == TcpState::FinWait2;
    if (peerMaySend && n > 0) {
        const std::uint32_t window = rcvWnd();
        const std::uint32_t threshold = std::min<std::uint32_t>(m_config.receiveBuffer / 2, sendMss());
        if (m_lastAdvertisedWindow == 0 || window - std::min(window, m_lastAdvertisedWindow) >= threshold)
            sendAck();
    }
    return bytes;
}

CallResult Connection::close(TimeUs now)
{
    // §3.10.4.
    switch (m_state) {
    case TcpState::Closed:
        return CallResult::failure("connection does not exist");
    case TcpState::Listen:
    case TcpState::SynSent:
        enterClosed(now, TcpEvent::Close, "call CLOSE");
        return CallResult::success();
    case TcpState::SynRcvd:
        if (m_closePending) return CallResult::failure("connection closing");
        if (!m_sendQueue.empty()) {
            m_closePending = true; // "queue for processing after entering ESTABLISHED state"
            return CallResult::success();
        }
        m_finQueued = true;
        setState(now, TcpState::FinWait1, TcpEvent::Close, "call CLOSE");
        transmit(now);
        return CallResult::success();
    case TcpState::Established:
        m_finQueued = true; // the FIN follows the queued data
        setState(now, TcpState::FinWait1, TcpEvent::Close, "call CLOSE");
        transmit(now);
        return CallResult::success();
    case TcpState::CloseWait:
        m_finQueued = true;
        setState(now, TcpState::LastAck, TcpEvent::Close, "call CLOSE");
        transmit(now);
        return CallResult::success();
    default: // FIN_WAIT_1, FIN_WAIT_2, CLOSING, LAST_ACK, TIME_WAIT
        return CallResult::failure("connection closing");
    }
}

CallResult Connection::abort(TimeUs now)
{
    // §3.10.5.
    switch (m_state) {
    case TcpState::Closed:
        return CallResult::failure("connection does not exist");
    case TcpState::SynRcvd:
    case TcpState::Established:
    case TcpState::FinWait1:
    case TcpState::FinWait2:
    case TcpState::CloseWait:
        sendRst(); // <SEQ=SND.NXT><CTL=RST>
        break;
    default: // LISTEN, SYN_SENT: nothing to tell the peer; CLOSING, LAST_ACK, TIME_WAIT: "ok"
        break;
    }
    enterClosed(now, TcpEvent::Abort, "call ABORT");
    return CallResult::success();
}

bool Connection::canListen() const
{
    return m_state == TcpState::Closed;
}

bool Connection::canConnect() const
{
    return m_state == TcpState::Closed || m_state == TcpState::Listen;
}

bool Connection::canSend() const
{
    switch (m_state) {
    case TcpState::SynSent:
    case TcpState::SynRcvd:
    case TcpState::Established:
    case TcpState::CloseWait:
        return !m_finQueued && !m_closePending;
    default:
        return false;
    }
}

bool Connection::canClose() const
{
    switch (m_state) {
    case TcpState::Listen:
    case TcpState::SynSent:
    case TcpState::Established:
    case TcpState::CloseWait:
        return true;
    case TcpState::SynRcvd:
        return !m_closePending;
    default:
        return false;
    }
}

bool Connection::canAbort() const
{
    return m_state != TcpState::Closed;
}

std::uint32_t Connection::rcvWnd() const
{
    const std::size_t buffered = m_receiveBuffer.size();
    const std::size_t free = m_config.receiveBuffer > buffered ? m_config.receiveBuffer - buffered : 0;
    // With a scale, what the window field can announce: 65535 << Rcv.Wind.Shift (RFC 7323 §2.3).
    return static_cast<std::uint32_t>(
        std::min<std::size_t>(free, std::size_t{kMaxWindow} << m_rcvWindowShift));
}

// ---------------------------------------------------------------------------------------------------
// Outputs

std::optional<Transmit> Connection::pollTransmit()
{
    if (m_transmits.empty()) return std::nullopt;
    Transmit transmit = std::move(m_transmits.front());
    m_transmits.pop_front();
    return transmit;
}

std::optional<EndpointEvent> Connection::pollEvent()
{
    if (m_events.empty()) return std::nullopt;
    EndpointEvent event = std::move(m_events.front());
    m_events.pop_front();
    return event;
}

std::optional<TimeUs> Connection::pollTimeout() const
{
    std::optional<TimeUs> earliest = m_rtxTimer.deadline;
    auto consider = [&earliest](const std::optional<TimeUs> &deadline) {
        if (deadline && (!earliest || *deadline < *earliest)) earliest = deadline;
    };
    consider(m_timeWaitTimer.deadline);
    consider(m_keepAliveTimer.deadline);
    consider(m_delayedAckTimer.deadline);
    return earliest;
}

// ---------------------------------------------------------------------------------------------------
// The one place the state changes.

void Connection::setState(TimeUs now, TcpState to, TcpEvent event, std::string_view cause)
{
    const Transition *row = findTransition(m_state, event, to);
    assert(row != nullptr && "state change not in the transition table");
    if (row == nullptr) return; // refused: the table is the definition of what may happen
    const TcpState from = m_state;
    m_state = to;
    m_events.emplace_back(StateChanged{from, to, event, cause, row->rfc});

    // What entering the state implies.
    switch (to) {
    case TcpState::Closed:
        cancelAllTimers();
        m_sendQueue.clear();
        m_retransmitQueue.clear();
        m_finQueued = m_closePending = m_persisting = false;
        if (isResetEvent(event)) m_receiveBuffer.clear(); // §3.10.7.4: "all segment queues should be flushed"
        break;
    case TcpState::Listen:
        if (from != TcpState::Closed) { // SYN_RCVD back to LISTEN: forget the half-made connection
            cancelAllTimers();
            resetTcb();
            m_passiveOpen = true;
        }
        break;
    case TcpState::TimeWait:
        // §3.10.7.4 eighth: "start the time-wait timer, turn off the other timers".
        cancelTimer(TimerKind::Retransmission);
        cancelTimer(TimerKind::KeepAlive);
        armTimer(TimerKind::TimeWait, now, 2 * m_config.msl, 0);
        break;
    default:
        if (detail::isKeepAliveState(to)) {
            if (m_config.keepAlive && !m_keepAliveTimer.deadline) restartKeepAlive(now);
        } else {
            cancelTimer(TimerKind::KeepAlive);
        }
        break;
    }
}

void Connection::enterClosed(TimeUs now, TcpEvent event, std::string_view cause)
{
    setState(now, TcpState::Closed, event, cause);
}

void Connection::returnToListen(TimeUs now, TcpEvent event, std::string_view cause)
{
    setState(now, TcpState::Listen, event, cause);
}

void Connection::resetTcb()
{
    m_remotePort = 0;
    m_iss = m_sndUna = m_sndNxt = m_sndMax = m_sndWnd = m_sndWl1 = m_sndWl2 = 0;
    m_irs = m_rcvNxt = 0;
    m_sendQueue.clear();
    m_retransmitQueue.clear();
    m_receiveBuffer.clear();
    m_synText.clear();
    m_finQueued = m_finSent = m_synAcked = m_closePending = m_synRetransmitted = m_persisting = false;
    m_pushPending = false;
    m_finSeq = m_pushSeq = 0;
    m_peerMss = detail::kDefaultMss;
    m_lastAdvertisedWindow = 0;
    m_sndWindowShift = m_rcvWindowShift = 0;
    m_peerWindowScale.reset();
    m_rtxAttempts = m_keepAliveProbesSent = 0;
    m_fullSegmentsUnacked = 0;
    m_rttSeq.reset();
    m_rtoEstimator = RtoEstimator(m_config.initialRto, m_config.minRto, m_config.maxRto);
}

std::uint32_t Connection::chooseIss(TimeUs now) const
{
    if (m_config.isnMode == IsnMode::Fixed) return m_config.fixedIsn;
    // tcplab only ever talks on 127.0.0.1, so both addresses of the connection id are the loopback one.
    return rules::clockDrivenIsn(now, kLoopbackIp, m_localPort, kLoopbackIp, m_remotePort, m_config.isnSeed);
}

// ---------------------------------------------------------------------------------------------------
// Timers

Connection::Timer &Connection::timer(TimerKind kind)
{
    switch (kind) {
    case TimerKind::TimeWait:
        return m_timeWaitTimer;
    case TimerKind::KeepAlive:
        return m_keepAliveTimer;
    case TimerKind::DelayedAck:
        return m_delayedAckTimer;
    case TimerKind::Retransmission:
        break;
    }
    return m_rtxTimer;
}

const Connection::Timer &Connection::timer(TimerKind kind) const
{
    return const_cast<Connection *>(this)->timer(kind);
}

void Connection::armTimer(TimerKind kind, TimeUs now, TimeUs duration, int attempt)
{
    timer(kind).deadline = now + duration;
    m_events.emplace_back(TimerArmed{kind, now + duration, duration, attempt});
}

void Connection::cancelTimer(TimerKind kind)
{
    Timer &t = timer(kind);
    if (!t.deadline) return;
    t.deadline.reset();
    m_events.emplace_back(TimerCancelled{kind});
}

void Connection::cancelAllTimers()
{
    cancelTimer(TimerKind::Retransmission);
    cancelTimer(TimerKind::TimeWait);
    cancelTimer(TimerKind::KeepAlive);
    cancelTimer(TimerKind::DelayedAck);
}

void Connection::handleTimeout(TimeUs now)
{
    // Fire every timer that is due, earliest first. A handler may re-arm timers, always into the future
    // for positive durations; the bound only guards against a configuration of zero durations.
    for (int round = 0; round < 16; ++round) {
        Timer *due = nullptr;
        TimerKind kind = TimerKind::Retransmission;
        for (TimerKind k :
             {TimerKind::TimeWait, TimerKind::Retransmission, TimerKind::KeepAlive, TimerKind::DelayedAck}) {
            Timer &t = timer(k);
            if (t.deadline && *t.deadline <= now && (!due || *t.deadline < *due->deadline)) {
                due = &t;
                kind = k;
            }
        }
        if (!due) return;
        due->deadline.reset();
        switch (kind) {
        case TimerKind::Retransmission:
            m_events.emplace_back(TimerFired{kind, m_rtxAttempts});
            onRetransmissionTimeout(now);
            break;
        case TimerKind::TimeWait:
            m_events.emplace_back(TimerFired{kind, 0});
            onTimeWaitTimeout(now);
            break;
        case TimerKind::KeepAlive:
            m_events.emplace_back(TimerFired{kind, m_keepAliveProbesSent});
            onKeepAliveTimeout(now);
            break;
        case TimerKind::DelayedAck:
            m_events.emplace_back(TimerFired{kind, 0});
            sendAck(); // the wait is over: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>
            break;
        }
    }
}

void Connection::onRetransmissionTimeout(TimeUs now)
{
    // §3.8.3: R2 for a SYN is synRetries, for everything else dataRetries; then give up.
    const bool synPhase = !m_synAcked;
    const int limit = synPhase ? m_config.synRetries : m_config.dataRetries;
    if (m_rtxAttempts >= limit) {
        m_events.emplace_back(ConnectionError{ConnectionErrorKind::TimedOut, "connection timed out"});
        enterClosed(now, TcpEvent::RetransmitLimit, synPhase ? "SYN not answered" : "retransmission limit");
        return;
    }
    ++m_rtxAttempts;
    m_rtoEstimator.backOff(); // RFC 6298 §5.5
    m_rttSeq.reset();         // Karn: no sample from a retransmitted segment (RFC 6298 §3)
    if (synPhase) m_synRetransmitted = true;
    // RFC 6298 §5.4 asks for the earliest unacknowledged segment; tcplab goes back to SND.UNA and resends
    // what the window allows (go-back-N), forcing one octet into a closed window as a probe (§3.8.6.1).
    m_sndNxt = m_sndUna;
    transmit(now, /*forceOne=*/true); // re-arms the timer with the doubled RTO (§5.6)
}

void Connection::onTimeWaitTimeout(TimeUs now)
{
    enterClosed(now, TcpEvent::Timeout2Msl, "timer 2MSL"); // §3.10.8
}

void Connection::restartKeepAlive(TimeUs now)
{
    if (!m_config.keepAlive || !detail::isKeepAliveState(m_state)) return;
    m_keepAliveProbesSent = 0;
    armTimer(TimerKind::KeepAlive, now, m_config.keepAliveIdle, 0);
}

void Connection::onKeepAliveTimeout(TimeUs now)
{
    if (!detail::isKeepAliveState(m_state)) return;
    // Keep-alives are for idle connections; while data is outstanding the retransmission timer watches.
    const bool busy = m_sndMax != m_sndUna || !m_sendQueue.empty() || (m_finQueued && !m_finSent);
    if (busy) {
        restartKeepAlive(now);
        return;
    }
    if (m_keepAliveProbesSent >= m_config.keepAliveProbes) {
        sendRst();
        m_events.emplace_back(
            ConnectionError{ConnectionErrorKind::KeepAliveTimedOut, "connection timed out (keep-alive)"});
        enterClosed(now, TcpEvent::KeepAliveLimit, "keep-alive probes unanswered");
        return;
    }
    // §3.8.4: <SEQ=SND.NXT-1><ACK=RCV.NXT>, no data. The peer finds it unacceptable and answers with an ACK.
    queueTransmit(makeSegment(m_sndMax - 1, kAck), false, /*keepAliveProbe=*/true);
    ++m_keepAliveProbesSent;
    armTimer(TimerKind::KeepAlive, now, m_config.keepAliveInterval, m_keepAliveProbesSent);
}

} // namespace tcplab
