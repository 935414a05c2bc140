// The connection state machine of RFC 9293. Its rules, in the order §3.10 (Event Processing) gives them:
//
//  User calls (§3.10.1–§3.10.5): OPEN (listen/connect), SEND, RECEIVE, CLOSE (a half-close: the FIN goes
//  after the queued data), ABORT (RST).
//
//  Segment arrival (§3.10.7): in CLOSED answer everything but a RST with a RST (§3.10.7.1); in LISTEN
//  answer an ACK with a RST and a SYN with a SYN,ACK (§3.10.7.2); in SYN_SENT check the ACK, then the RST,
//  then the SYN (§3.10.7.3); in every other state check, in order (§3.10.7.4): first the sequence number
//  (Table 6; an unacceptable segment gets an empty ACK unless it is a RST), second the RST bit, fourth the
//  SYN bit, fifth the ACK field, seventh the segment text, eighth the FIN bit. (Third, security, and
//  sixth, URG, are not modelled: tcplab sends no urgent data and ignores the urgent pointer.)
//
//  Timers (§3.10.8, RFC 6298): retransmission with Karn's rule and back-off, giving up after a retry
//  limit (§3.8.3 R2); TIME_WAIT for 2·MSL; keep-alive probes (§3.8.4).
//
//  Choices where the RFCs leave one (each is also noted where it is made):
//  - RST validation follows RFC 5961 §3.2, which RFC 9293 §3.10.7.4 allows: an in-window RST resets only
//    when SEG.SEQ = RCV.NXT, otherwise it is answered with a challenge ACK.
//  - A SYN in a synchronized state is answered with a challenge ACK (RFC 5961 §4.2, RFC 9293 §3.10.7.4).
//  - A RST in TIME_WAIT closes the connection (RFC 9293), not ignored as RFC 1337 recommends.
//  - One received segment makes one state change: a FIN that also acknowledges our FIN takes FIN_WAIT_1
//    straight to TIME_WAIT, and an ACK of our SYN with a FIN takes SYN_RCVD straight to CLOSE_WAIT (both
//    are the eighth step's rows for those states).
//  - Out-of-order data is dropped and re-acknowledged (no reassembly queue, no SACK); data or FIN on a
//    SYN is not accepted (the peer sends it again).
//  - No Nagle, no delayed ACK, no congestion control: every data segment is acknowledged at once.
//  - RFC 9293's SND.NXT is m_sndMax here: on a retransmission timeout m_sndNxt goes back to SND.UNA
//    (go-back-N) while m_sndMax keeps the highest sequence number sent, as BSD's snd_max does.
#include "connection.h"

#include "rules.h"
#include "seq.h"
#include "wire.h"

#include <algorithm>
#include <cassert>

namespace tcplab {

namespace {

constexpr std::string_view kRfcClosed = "RFC 9293 §3.10.7.1";
constexpr std::string_view kRfcListen = "RFC 9293 §3.10.7.2";
constexpr std::string_view kRfcSynSent = "RFC 9293 §3.10.7.3";
constexpr std::string_view kRfcOther = "RFC 9293 §3.10.7.4";
constexpr std::string_view kRfc5961Rst = "RFC 5961 §3.2";
constexpr std::string_view kRfc5961Syn = "RFC 5961 §4.2";

constexpr std::uint16_t kDefaultMss = 536;  // RFC 9293 §3.7.1
constexpr std::uint32_t kMaxWindow = 65535; // no window scaling (RFC 7323 is not modelled)

bool isKeepAliveState(TcpState state)
{
    return state == TcpState::Established || state == TcpState::FinWait2 || state == TcpState::CloseWait;
}

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
    m_sendQueue.insert(m_sendQueue.end(), data.begin(), data.end());
    if (push && !data.empty()) {
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
    std::vector<std::uint8_t> bytes(m_receiveBuffer.begin(), m_receiveBuffer.begin() + static_cast<long>(n));
    m_receiveBuffer.erase(m_receiveBuffer.begin(), m_receiveBuffer.begin() + static_cast<long>(n));
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
    return static_cast<std::uint32_t>(std::min<std::size_t>(free, kMaxWindow));
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
    std::optional<TimeUs> earliest;
    for (const Timer *t : {&m_rtxTimer, &m_timeWaitTimer, &m_keepAliveTimer}) {
        if (t->deadline && (!earliest || *t->deadline < *earliest)) earliest = t->deadline;
    }
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
        if (isKeepAliveState(to)) {
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
    m_finQueued = m_finSent = m_synAcked = m_closePending = m_synRetransmitted = m_persisting = false;
    m_pushPending = false;
    m_finSeq = m_pushSeq = 0;
    m_peerMss = kDefaultMss;
    m_lastAdvertisedWindow = 0;
    m_rtxAttempts = m_keepAliveProbesSent = 0;
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
}

void Connection::handleTimeout(TimeUs now)
{
    // Fire every timer that is due, earliest first. A handler may re-arm timers, always into the future
    // for positive durations; the bound only guards against a configuration of zero durations.
    for (int round = 0; round < 16; ++round) {
        Timer *due = nullptr;
        TimerKind kind = TimerKind::Retransmission;
        for (TimerKind k : {TimerKind::TimeWait, TimerKind::Retransmission, TimerKind::KeepAlive}) {
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
    if (!m_config.keepAlive || !isKeepAliveState(m_state)) return;
    m_keepAliveProbesSent = 0;
    armTimer(TimerKind::KeepAlive, now, m_config.keepAliveIdle, 0);
}

void Connection::onKeepAliveTimeout(TimeUs now)
{
    if (!isKeepAliveState(m_state)) return;
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
    emit(makeSegment(m_sndMax - 1, kAck), false, /*keepAliveProbe=*/true);
    ++m_keepAliveProbesSent;
    armTimer(TimerKind::KeepAlive, now, m_config.keepAliveInterval, m_keepAliveProbesSent);
}

// ---------------------------------------------------------------------------------------------------
// Sending

std::uint32_t Connection::dataFrontSeq() const
{
    // The first data octet follows the SYN; once the SYN is acknowledged m_retransmitQueue starts at
    // SND.UNA (a FIN is only ever acknowledged after all data, when the queue is empty).
    return m_synAcked ? m_sndUna : m_iss + 1;
}

std::uint32_t Connection::sendMss() const
{
    // RFC 9293 §3.7.1: Eff.snd.MSS is bounded by the peer's MSS option (536 without one) and by our own.
    return std::max<std::uint32_t>(1, std::min<std::uint32_t>(m_peerMss, m_config.mss));
}

bool Connection::finAcked() const
{
    return m_finSent && seq::gt(m_sndUna, m_finSeq);
}

Segment Connection::makeSegment(std::uint32_t seqNumber, std::uint8_t flags) const
{
    Segment s;
    s.srcPort = m_localPort;
    s.dstPort = m_remotePort;
    s.seq = seqNumber;
    s.flags = flags;
    if (flags & kAck) s.ack = m_rcvNxt;
    if (!(flags & kRst)) s.window = static_cast<std::uint16_t>(rcvWnd());
    return s;
}

void Connection::emit(Segment segment, bool retransmission, bool keepAliveProbe)
{
    if (segment.has(kAck) && !segment.has(kRst)) m_lastAdvertisedWindow = segment.window;
    m_transmits.push_back(Transmit{std::move(segment), retransmission, keepAliveProbe});
}

void Connection::sendAck()
{
    emit(makeSegment(m_sndMax, kAck)); // <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>
}

void Connection::sendRst()
{
    emit(makeSegment(m_sndMax, kRst)); // <SEQ=SND.NXT><CTL=RST>
}

void Connection::sendRstReply(const Segment &to)
{
    // §3.10.7.1: "If the ACK bit is off, sequence number zero is used, <SEQ=0><ACK=SEG.SEQ+SEG.LEN>
    // <CTL=RST,ACK>; if the ACK bit is on, <SEQ=SEG.ACK><CTL=RST>."
    Segment r;
    r.srcPort = to.dstPort;
    r.dstPort = to.srcPort;
    if (to.has(kAck)) {
        r.seq = to.ack;
        r.flags = kRst;
    } else {
        r.seq = 0;
        r.ack = to.seq + to.sequenceLength();
        r.flags = kRst | kAck;
    }
    emit(std::move(r));
}

bool Connection::transmit(TimeUs now, bool forceOne)
{
    const bool synStates = m_state == TcpState::SynSent || m_state == TcpState::SynRcvd ||
                           (m_state == TcpState::FinWait1 && !m_synAcked);
    const bool dataStates = m_state == TcpState::Established || m_state == TcpState::CloseWait ||
                            m_state == TcpState::FinWait1 || m_state == TcpState::Closing ||
                            m_state == TcpState::LastAck;
    bool sent = false;
    bool probe = false; // an octet or FIN forced into a closed window
    auto usableWindow = [this] { return seq::distance(m_sndNxt, m_sndUna + m_sndWnd); };
    auto sentUpTo = [this](std::uint32_t end) {
        m_sndNxt = end;
        if (seq::gt(end, m_sndMax)) m_sndMax = end;
    };
    auto timeIt = [this, now](std::uint32_t seqNumber, bool retransmission) {
        if (!retransmission && !m_rttSeq) {
            m_rttSeq = seqNumber;
            m_rttStart = now;
        }
    };

    // The SYN (SYN_SENT) or SYN,ACK (SYN_RCVD, or FIN_WAIT_1 closed before the SYN was acknowledged).
    if (synStates && !m_synAcked && m_sndNxt == m_iss) {
        Segment s = makeSegment(m_iss, m_state == TcpState::SynSent ? kSyn : kSyn | kAck);
        s.mss = m_config.mss; // RFC 9293 §3.7.1: the MSS option, only on SYN
        const bool retransmission = seq::lt(m_iss, m_sndMax);
        timeIt(m_iss, retransmission);
        emit(std::move(s), retransmission);
        sentUpTo(m_iss + 1);
        sent = true;
    }

    // Data from SND.NXT, segmented by the MSS, within the peer's window.
    if (dataStates && m_synAcked) {
        while (true) {
            const std::size_t offset = m_sndNxt - dataFrontSeq();
            const std::size_t total = m_retransmitQueue.size() + m_sendQueue.size();
            if (offset >= total) break;
            const std::int32_t usable = usableWindow();
            std::size_t n = std::min<std::size_t>(total - offset, sendMss());
            if (usable <= 0) {
                if (!forceOne || sent) break;
                n = 1; // zero-window probe
                probe = true;
            } else {
                n = std::min<std::size_t>(n, static_cast<std::size_t>(usable));
            }
            while (m_retransmitQueue.size() < offset + n) {
                m_retransmitQueue.push_back(m_sendQueue.front());
                m_sendQueue.pop_front();
            }
            Segment s = makeSegment(m_sndNxt, kAck);
            const auto first = m_retransmitQueue.begin() + static_cast<long>(offset);
            s.payload.assign(first, first + static_cast<long>(n));
            const std::uint32_t end = m_sndNxt + static_cast<std::uint32_t>(n);
            if (m_pushPending && seq::lt(m_sndNxt, m_pushSeq) && seq::le(m_pushSeq, end))
                s.flags |= kPsh; // the last segment of a pushed SEND (§3.9.1)
            const bool retransmission = seq::lt(m_sndNxt, m_sndMax);
            timeIt(m_sndNxt, retransmission);
            emit(std::move(s), retransmission);
            sentUpTo(end);
            sent = true;
            if (usable <= 0) break;
        }
    }

    // The FIN, once every queued octet has been sent (§3.10.4: "queue this until all preceding SENDs have
    // been segmentized"). It takes one sequence number and so needs one octet of window.
    const bool finStates =
        m_state == TcpState::FinWait1 || m_state == TcpState::Closing || m_state == TcpState::LastAck;
    if (finStates && m_finQueued && m_sendQueue.empty()) {
        const std::uint32_t finSeq =
            m_synAcked ? dataFrontSeq() + static_cast<std::uint32_t>(m_retransmitQueue.size()) : m_iss + 1;
        const bool due = m_sndNxt == finSeq && (m_synAcked || m_sndMax != m_iss);
        if (due && (usableWindow() >= 1 || (forceOne && !sent))) {
            probe = usableWindow() < 1;
            const bool retransmission = m_finSent;
            m_finSent = true;
            m_finSeq = finSeq;
            timeIt(finSeq, retransmission);
            emit(makeSegment(finSeq, kFin | kAck), retransmission);
            sentUpTo(finSeq + 1);
            sent = true;
        }
    }

    if (sent) {
        m_persisting = probe;
        if (!m_rtxTimer.deadline) // RFC 6298 §5.1
            armTimer(TimerKind::Retransmission, now, m_rtoEstimator.rto(), m_rtxAttempts);
        return true;
    }

    // Zero-window persist (§3.8.6.1): something waits, nothing is in flight to bring a window update, and
    // the window is shut. The retransmission timer then sends a one-octet probe when it fires.
    const bool waiting = !m_sendQueue.empty() || (m_finQueued && !m_finSent);
    if (dataStates && m_synAcked && waiting && m_sndMax == m_sndUna && !m_rtxTimer.deadline) {
        m_persisting = true;
        armTimer(TimerKind::Retransmission, now, m_rtoEstimator.rto(), m_rtxAttempts);
    }
    return false;
}

// ---------------------------------------------------------------------------------------------------
// Segment arrival (RFC 9293 §3.10.7)

void Connection::discard(const Segment &segment, std::string_view reason, std::string_view rfc)
{
    m_events.emplace_back(SegmentDiscarded{segment, reason, rfc});
}

void Connection::handleSegment(TimeUs now, const Segment &segment)
{
    if (segment.dstPort != m_localPort) {
        discard(segment, "not addressed to this port", kRfcClosed);
        return;
    }
    switch (m_state) {
    case TcpState::Closed:
        segmentInClosed(segment);
        return;
    case TcpState::Listen:
        segmentInListen(now, segment);
        return;
    default:
        break;
    }
    if (segment.srcPort != m_remotePort) {
        // Another connection's segment: to this host it is one for which no TCB exists (§3.10.7.1).
        segmentInClosed(segment);
        return;
    }
    if (m_state == TcpState::SynSent)
        segmentInSynSent(now, segment);
    else
        segmentOtherwise(now, segment);
}

void Connection::segmentInClosed(const Segment &segment)
{
    // §3.10.7.1: "An incoming segment containing a RST is discarded. An incoming segment not containing a
    // RST causes a RST to be sent in response."
    if (segment.has(kRst)) {
        discard(segment, "no connection: RST ignored", kRfcClosed);
        return;
    }
    sendRstReply(segment);
    discard(segment, "no connection: answered with RST", kRfcClosed);
}

void Connection::segmentInListen(TimeUs now, const Segment &segment)
{
    // §3.10.7.2, first: a RST cannot concern a connection that does not exist yet.
    if (segment.has(kRst)) {
        discard(segment, "RST in LISTEN ignored", kRfcListen);
        return;
    }
    // Second: an ACK in LISTEN acknowledges nothing we sent: <SEQ=SEG.ACK><CTL=RST>.
    if (segment.has(kAck)) {
        sendRstReply(segment);
        discard(segment, "ACK in LISTEN: answered with RST", kRfcListen);
        return;
    }
    // Third: a SYN. (The security check is not modelled.)
    if (segment.has(kSyn)) {
        m_remotePort = segment.srcPort;
        m_irs = segment.seq;
        m_rcvNxt = segment.seq + 1;
        m_iss = chooseIss(now);
        m_sndUna = m_sndNxt = m_sndMax = m_iss;
        m_peerMss = segment.mss.value_or(kDefaultMss);
        // The SYN's window is the send window until the handshake's ACK updates it (as BSD and Linux do).
        m_sndWnd = segment.window;
        m_sndWl1 = segment.seq;
        m_sndWl2 = m_iss;
        setState(now, TcpState::SynRcvd, TcpEvent::RcvSyn, "rcv SYN");
        transmit(now); // <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>
        if (!segment.payload.empty() || segment.has(kFin))
            discard(segment, "data or FIN on a SYN not accepted (the peer sends it again)", kRfcListen);
        return;
    }
    // Fourth: anything else is dropped.
    discard(segment, "neither SYN, ACK nor RST in LISTEN", kRfcListen);
}

void Connection::segmentInSynSent(TimeUs now, const Segment &segment)
{
    // §3.10.7.3, first: the ACK must acknowledge our SYN: SND.UNA < SEG.ACK =< SND.NXT.
    bool ackAcceptable = false;
    if (segment.has(kAck)) {
        if (seq::le(segment.ack, m_iss) || seq::gt(segment.ack, m_sndMax)) {
            if (segment.has(kRst)) {
                discard(segment, "RST with an unacceptable ACK in SYN_SENT", kRfcSynSent);
            } else {
                sendRstReply(segment); // <SEQ=SEG.ACK><CTL=RST>
                discard(segment, "unacceptable ACK in SYN_SENT: answered with RST", kRfcSynSent);
            }
            return;
        }
        ackAcceptable = seq::lt(m_sndUna, segment.ack);
    }
    // Second: a RST is acceptable only if its ACK acknowledges our SYN (§3.5.3).
    if (segment.has(kRst)) {
        if (!ackAcceptable) {
            discard(segment, "RST without ACK in SYN_SENT ignored", kRfcSynSent);
            return;
        }
        // RFC 9293 words this "connection reset"; a socket reports it as ECONNREFUSED, and the lab names
        // it the way students meet it.
        m_events.emplace_back(ConnectionError{ConnectionErrorKind::Refused, "connection refused"});
        enterClosed(now, TcpEvent::RcvRst, "rcv RST,ACK");
        return;
    }
    // Fourth: the SYN.
    if (!segment.has(kSyn)) {
        discard(segment, "neither SYN nor RST in SYN_SENT", kRfcSynSent);
        return;
    }
    m_irs = segment.seq;
    m_rcvNxt = segment.seq + 1;
    m_peerMss = segment.mss.value_or(kDefaultMss);
    m_sndWnd = segment.window;
    m_sndWl1 = segment.seq;
    if (ackAcceptable) {
        acknowledgeUpTo(now, segment.ack);
        m_sndWl2 = segment.ack;
        setState(now, TcpState::Established, TcpEvent::RcvSynAck, "rcv SYN,ACK");
        m_ackNeeded = true;
        // "If there are other controls or text in the segment, then continue processing at the sixth
        // step": the text and FIN after the SYN.
        if (!segment.payload.empty() || segment.has(kFin)) {
            Segment rest = segment;
            rest.flags = static_cast<std::uint8_t>(rest.flags & ~kSyn);
            rest.seq = segment.seq + 1;
            const std::uint32_t window = rcvWnd();
            if (rest.payload.size() > window) {
                rest.payload.resize(window);
                rest.flags = static_cast<std::uint8_t>(rest.flags & ~kFin);
            }
            if (!rest.payload.empty()) processText(now, rest);
            if (rest.has(kFin)) processFin(now, rest);
        }
        if (!transmit(now)) sendAck(); // <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>
        m_ackNeeded = false;
        return;
    }
    // Simultaneous open: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>, SND.NXT stays ISS+1; the retransmission
    // timer of our SYN keeps running and will resend it as a SYN,ACK.
    m_sndWl2 = m_iss;
    m_rttSeq.reset(); // the SYN's round trip is no longer measurable
    setState(now, TcpState::SynRcvd, TcpEvent::RcvSyn, "rcv SYN");
    Segment synAck = makeSegment(m_iss, kSyn | kAck);
    synAck.mss = m_config.mss;
    emit(std::move(synAck));
    if (!segment.payload.empty() || segment.has(kFin))
        discard(segment, "data or FIN on a SYN not accepted (the peer sends it again)", kRfcSynSent);
}

void Connection::segmentOtherwise(TimeUs now, Segment segment)
{
    const Segment original = segment;
    m_ackNeeded = false;

    // TIME_WAIT: "The only thing that can arrive in this state is a retransmission of the remote FIN.
    // Acknowledge it, and restart the 2 MSL timeout" (§3.10.7.4 eighth). The retransmitted FIN lies just
    // below RCV.NXT, so Table 6 would only ACK it; the restart needs it recognised here.
    if (m_state == TcpState::TimeWait && segment.has(kFin) && !segment.has(kRst) && !segment.has(kSyn) &&
        segment.seq + segment.sequenceLength() == m_rcvNxt) {
        sendAck();
        armTimer(TimerKind::TimeWait, now, 2 * m_config.msl, 0);
        return;
    }

    // Simultaneous open as RFC 9293 §3.5 Figure 7 draws it (line 6): the peer's SYN,ACK reaches us in
    // SYN_RCVD. Its SYN lies below RCV.NXT, so Table 6 alone would answer it with an ACK and wait for the
    // peer's answer; Figure 7 (and Linux) take its ACK of our SYN and become ESTABLISHED with no further
    // segment.
    if (m_state == TcpState::SynRcvd && !m_passiveOpen && segment.has(kSyn) && segment.has(kAck) &&
        !segment.has(kRst) && segment.seq == m_irs && seq::lt(m_sndUna, segment.ack) &&
        seq::le(segment.ack, m_sndMax)) {
        acknowledgeUpTo(now, segment.ack);
        m_sndWnd = segment.window;
        m_sndWl1 = segment.seq;
        m_sndWl2 = segment.ack;
        setState(now, TcpState::Established, TcpEvent::RcvSynAck, "rcv SYN,ACK");
        if (m_closePending) {
            m_closePending = false;
            m_finQueued = true;
            setState(now, TcpState::FinWait1, TcpEvent::Close, "call CLOSE (queued in SYN_RCVD)");
        }
        transmit(now);
        return;
    }

    // First: the sequence number (Table 6).
    const std::uint32_t window = rcvWnd();
    const bool hadSyn = segment.has(kSyn);
    if (!rules::segmentAcceptable(segment.seq, segment.sequenceLength(), m_rcvNxt, window)) {
        // "If the RCV.WND is zero, no segments will be acceptable, but special allowance should be made to
        // accept valid ACKs, URGs, and RSTs": keep the controls of a segment at RCV.NXT, drop its text.
        if (window == 0 && segment.seq == m_rcvNxt && !segment.has(kSyn)) {
            segment.payload.clear();
            segment.flags = static_cast<std::uint8_t>(segment.flags & ~kFin);
            m_ackNeeded = true;
            discard(original, "receive window is zero: text dropped, ACK processed", kRfcOther);
        } else {
            if (!segment.has(kRst)) sendAck(); // <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>
            discard(original,
                    segment.has(kRst) ? "RST outside the receive window"
                                      : "not acceptable: outside the window",
                    kRfcOther);
            return;
        }
    }
    // Trim to the part inside the window, starting at RCV.NXT where it overlaps it.
    if (seq::lt(segment.seq, m_rcvNxt)) {
        std::uint32_t duplicate = m_rcvNxt - segment.seq;
        if (segment.has(kSyn)) {
            segment.flags = static_cast<std::uint8_t>(segment.flags & ~kSyn);
            --duplicate;
        }
        const std::size_t cut = std::min<std::size_t>(duplicate, segment.payload.size());
        segment.payload.erase(segment.payload.begin(), segment.payload.begin() + static_cast<long>(cut));
        segment.seq = m_rcvNxt;
    }
    const std::uint32_t rightEdge = m_rcvNxt + window;
    const std::uint32_t room = seq::gt(rightEdge, segment.seq) ? rightEdge - segment.seq : 0;
    if (segment.payload.size() > room) segment.payload.resize(room);
    if (segment.has(kFin) &&
        !seq::lt(segment.seq + static_cast<std::uint32_t>(segment.payload.size()), rightEdge))
        segment.flags = static_cast<std::uint8_t>(segment.flags & ~kFin);

    // Second: the RST bit. RFC 9293 §3.10.7.4 allows the RFC 5961 §3.2 mitigation, and tcplab uses it: only
    // a RST at exactly RCV.NXT resets; any other in-window RST gets a challenge ACK.
    if (segment.has(kRst)) {
        if (original.seq != m_rcvNxt) {
            sendAck();
            discard(original, "RST in window but not at RCV.NXT: challenge ACK", kRfc5961Rst);
            return;
        }
        switch (m_state) {
        case TcpState::SynRcvd:
            if (m_passiveOpen) {
                returnToListen(now, TcpEvent::RcvRst, "rcv RST");
            } else {
                m_events.emplace_back(ConnectionError{ConnectionErrorKind::Refused, "connection refused"});
                enterClosed(now, TcpEvent::RcvRst, "rcv RST");
            }
            return;
        case TcpState::Established:
        case TcpState::FinWait1:
        case TcpState::FinWait2:
        case TcpState::CloseWait:
            m_events.emplace_back(ConnectionError{ConnectionErrorKind::Reset, "connection reset"});
            enterClosed(now, TcpEvent::RcvRst, "rcv RST");
            return;
        default: // CLOSING, LAST_ACK, TIME_WAIT
            enterClosed(now, TcpEvent::RcvRst, "rcv RST");
            return;
        }
    }

    if (isKeepAliveState(m_state)) restartKeepAlive(now); // the peer is alive: idleness starts again

    // Fourth: the SYN bit.
    if (hadSyn) {
        if (m_state == TcpState::SynRcvd && m_passiveOpen) {
            // "If the connection was initiated with a passive OPEN, then return this connection to the
            // LISTEN state and return."
            returnToListen(now, TcpEvent::RcvSyn, "rcv SYN");
            return;
        }
        sendAck(); // challenge ACK <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>
        discard(original, "SYN in a synchronized state: challenge ACK", kRfc5961Syn);
        return;
    }

    // Fifth: the ACK field.
    if (!segment.has(kAck)) {
        discard(original, "no ACK bit", kRfcOther);
        return;
    }
    const bool inOrder = segment.seq == m_rcvNxt;
    const bool finWillBeProcessed = segment.has(kFin) && inOrder &&
                                    (m_state == TcpState::SynRcvd || m_state == TcpState::Established ||
                                     m_state == TcpState::FinWait1 || m_state == TcpState::FinWait2);
    if (!processAck(now, segment, finWillBeProcessed)) return;

    // (Sixth, the URG bit, is not modelled.)

    // Seventh: the segment text. Out-of-order text is not held: it is dropped and RCV.NXT re-acknowledged.
    if (!inOrder && (!segment.payload.empty() || segment.has(kFin))) {
        m_ackNeeded = true;
        discard(original, "out of order: text dropped, RCV.NXT acknowledged again", kRfcOther);
    } else {
        if (!segment.payload.empty()) processText(now, segment);
        // Eighth: the FIN bit.
        if (finWillBeProcessed) processFin(now, segment);
    }

    if (!transmit(now) && m_ackNeeded) sendAck();
    m_ackNeeded = false;
}

bool Connection::processAck(TimeUs now, const Segment &segment, bool finWillBeProcessed)
{
    if (m_state == TcpState::SynRcvd) {
        // "If SND.UNA < SEG.ACK =< SND.NXT, then enter ESTABLISHED state and continue processing";
        // otherwise <SEQ=SEG.ACK><CTL=RST>.
        if (!(seq::lt(m_sndUna, segment.ack) && seq::le(segment.ack, m_sndMax))) {
            sendRstReply(segment);
            discard(segment, "unacceptable ACK in SYN_RCVD: answered with RST", kRfcOther);
            return false;
        }
        acknowledgeUpTo(now, segment.ack);
        m_sndWnd = segment.window;
        m_sndWl1 = segment.seq;
        m_sndWl2 = segment.ack;
        if (!finWillBeProcessed) { // else the eighth step goes straight to CLOSE_WAIT
            setState(now, TcpState::Established, TcpEvent::RcvAckOfSyn, "rcv ACK of SYN");
            if (m_closePending) {
                m_closePending = false;
                m_finQueued = true;
                setState(now, TcpState::FinWait1, TcpEvent::Close, "call CLOSE (queued in SYN_RCVD)");
            }
        }
        return true;
    }

    if (m_state == TcpState::TimeWait) {
        // Only a retransmitted FIN is expected (handled before the acceptability test).
        discard(segment, "TIME_WAIT expects only a retransmitted FIN", kRfcOther);
        return false;
    }

    // ESTABLISHED processing, shared by FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING and LAST_ACK.
    if (seq::gt(segment.ack, m_sndMax)) {
        sendAck(); // "the ACK acks something not yet sent"
        discard(segment, "ACK of something not yet sent", kRfcOther);
        return false;
    }
    if (m_persisting) m_rtxAttempts = 0; // the peer answers our zero-window probes: it is alive, keep probing
    if (seq::lt(m_sndUna, segment.ack)) acknowledgeUpTo(now, segment.ack);
    if (seq::le(m_sndUna, segment.ack)) updateSendWindow(segment);
    if (m_persisting && m_sndWnd > 0) {
        // The window reopened: send again from SND.UNA, since the peer did not take the probe octet.
        m_persisting = false;
        m_sndNxt = m_sndUna;
    }
    // (SEG.ACK < SND.UNA: a duplicate ACK, ignored.)

    switch (m_state) {
    case TcpState::FinWait1:
        if (finAcked() && !finWillBeProcessed)
            setState(now, TcpState::FinWait2, TcpEvent::RcvAckOfFin, "rcv ACK of FIN");
        return true;
    case TcpState::Closing:
        // "if the ACK acknowledges our FIN, then enter the TIME-WAIT state; otherwise, ignore the segment."
        if (finAcked()) setState(now, TcpState::TimeWait, TcpEvent::RcvAckOfFin, "rcv ACK of FIN");
        return false;
    case TcpState::LastAck:
        // "If our FIN is now acknowledged, delete the TCB, enter the CLOSED state, and return."
        if (finAcked()) {
            enterClosed(now, TcpEvent::RcvAckOfFin, "rcv ACK of FIN");
            return false;
        }
        transmit(now);
        return false;
    default:
        return true;
    }
}

void Connection::acknowledgeUpTo(TimeUs now, std::uint32_t ack)
{
    // SND.UNA < ack =< SND.NXT: remove what it covers from the retransmission queue.
    std::uint32_t covered = ack - m_sndUna;
    if (!m_synAcked) {
        m_synAcked = true;
        --covered; // the SYN's sequence number
    }
    if (m_finSent && seq::le(m_sndUna, m_finSeq) && seq::gt(ack, m_finSeq))
        --covered; // the FIN's sequence number
    const std::size_t drop = std::min<std::size_t>(covered, m_retransmitQueue.size());
    m_retransmitQueue.erase(m_retransmitQueue.begin(), m_retransmitQueue.begin() + static_cast<long>(drop));

    if (m_rttSeq && seq::lt(*m_rttSeq, ack)) { // RFC 6298 §2: a sample from a segment sent once
        m_rtoEstimator.addSample(now - m_rttStart);
        m_rttSeq.reset();
    }
    m_sndUna = ack;
    if (seq::lt(m_sndNxt, ack)) m_sndNxt = ack; // an ACK for octets sent before a go-back
    m_rtxAttempts = 0;

    if (m_synRetransmitted && !m_rtoEstimator.srtt()) {
        // RFC 6298 §5.7: after a SYN timed out, an RTO below 3 s is re-initialised to 3 s for data.
        constexpr TimeUs kSynTimeoutRto = 3 * kSecond;
        m_rtoEstimator =
            RtoEstimator(std::max(kSynTimeoutRto, m_config.initialRto), m_config.minRto, m_config.maxRto);
        m_synRetransmitted = false;
    }

    if (m_sndUna == m_sndMax) {
        cancelTimer(TimerKind::Retransmission); // RFC 6298 §5.2
        m_persisting = false;
    } else {
        armTimer(TimerKind::Retransmission, now, m_rtoEstimator.rto(), 0); // §5.3
    }
}

void Connection::updateSendWindow(const Segment &segment)
{
    // "If SND.WL1 < SEG.SEQ or (SND.WL1 = SEG.SEQ and SND.WL2 =< SEG.ACK)": not an old segment.
    if (seq::lt(m_sndWl1, segment.seq) || (m_sndWl1 == segment.seq && seq::le(m_sndWl2, segment.ack))) {
        m_sndWnd = segment.window;
        m_sndWl1 = segment.seq;
        m_sndWl2 = segment.ack;
    }
}

void Connection::processText(TimeUs now, const Segment &segment)
{
    (void)now;
    switch (m_state) {
    case TcpState::SynRcvd: // only when the same segment's FIN takes it to CLOSE_WAIT
    case TcpState::Established:
    case TcpState::FinWait1:
    case TcpState::FinWait2:
        break;
    default:
        // CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT: "This should not occur since a FIN has been received
        // from the remote side. Ignore the segment text."
        discard(segment, "text after the peer's FIN ignored", kRfcOther);
        return;
    }
    m_rcvNxt += static_cast<std::uint32_t>(segment.payload.size());
    if (m_config.autoRead)
        m_events.emplace_back(DataDelivered{segment.payload});
    else
        m_receiveBuffer.insert(m_receiveBuffer.end(), segment.payload.begin(), segment.payload.end());
    m_ackNeeded = true; // every data segment is acknowledged at once (no delayed ACK)
}

void Connection::processFin(TimeUs now, const Segment &segment)
{
    (void)segment;
    m_rcvNxt += 1; // the FIN takes one sequence number
    m_ackNeeded = true;
    switch (m_state) {
    case TcpState::SynRcvd:
        setState(now, TcpState::CloseWait, TcpEvent::RcvFin, "rcv ACK of SYN + FIN");
        if (m_closePending) {
            m_closePending = false;
            m_finQueued = true;
            setState(now, TcpState::LastAck, TcpEvent::Close, "call CLOSE (queued in SYN_RCVD)");
        }
        break;
    case TcpState::Established:
        setState(now, TcpState::CloseWait, TcpEvent::RcvFin, "rcv FIN");
        break;
    case TcpState::FinWait1:
        // "If our FIN has been ACKed (perhaps in this segment), then enter TIME-WAIT ...; otherwise, enter
        // the CLOSING state."
        if (finAcked())
            setState(now, TcpState::TimeWait, TcpEvent::RcvFinAckOfFin, "rcv FIN,ACK");
        else
            setState(now, TcpState::Closing, TcpEvent::RcvFin, "rcv FIN");
        break;
    case TcpState::FinWait2:
        setState(now, TcpState::TimeWait, TcpEvent::RcvFin, "rcv FIN");
        break;
    default:
        break;
    }
}

} // namespace tcplab
