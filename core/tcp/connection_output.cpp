// Sending: the segments a Connection puts on the wire. No Nagle, no congestion control; data is cut by
// the effective send MSS (RFC 9293 §3.7.1) and limited by the peer's window, with a one-octet probe into a
// zero window (§3.8.6.1). The FIN follows the queued data (§3.10.4). ACKs are sent at once, or, with
// config.delayedAck, may wait for data or a FIN to ride on (§3.8.6.3).
//
// Delayed ACK (RFC 9293 §3.8.6.3, RFC 1122 §4.2.3.2, as Linux does it in tcp_input.c):
//  - in-order text: the ACK waits up to config.delayedAckTimeout, except that the second full-sized
//    segment since our last ACK is acknowledged at once ("at least every second full-sized segment");
//  - a FIN that takes ESTABLISHED (or SYN_RCVD) to CLOSE_WAIT: the ACK waits, so that an application
//    that closes promptly sends one FIN,ACK carrying both (Linux's tcp_fin() schedules a delayed ACK);
//  - a FIN in FIN_WAIT_1 or FIN_WAIT_2, the ACK that completes a handshake, out-of-order or unacceptable
//    segments, challenge ACKs and window updates: at once;
//  - any segment we send carries ACK=RCV.NXT, so sending one cancels the timer.
//
// RFC 9293's SND.NXT is m_sndMax here: on a retransmission timeout m_sndNxt goes back to SND.UNA
// (go-back-N) while m_sndMax keeps the highest sequence number sent, as BSD's snd_max does.
#include "connection.h"

#include "seq.h"

#include <algorithm>

namespace tcplab {

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
    if (!(flags & kRst)) {
        // RFC 7323 §2.2: "The window field in a segment where the SYN bit is set ... MUST NOT be scaled";
        // every other window is RCV.WND >> Rcv.Wind.Shift (§2.3).
        const std::uint32_t window = (flags & kSyn) ? rcvWnd() : rcvWnd() >> m_rcvWindowShift;
        s.window = static_cast<std::uint16_t>(std::min<std::uint32_t>(window, 65535));
    }
    return s;
}

std::optional<std::uint8_t> Connection::offeredWindowScale() const
{
    // RFC 7323 §2.2: the option MAY be sent in an initial <SYN>, and in a <SYN,ACK> "only if a Window Scale
    // option was received in the initial <SYN> segment". §2.3: the shift count is limited to 14.
    if (!m_config.windowScale) return std::nullopt;
    if (m_state != TcpState::SynSent && !m_peerWindowScale) return std::nullopt;
    return std::min<std::uint8_t>(*m_config.windowScale, 14);
}

void Connection::queueTransmit(Segment segment, bool retransmission, bool keepAliveProbe)
{
    if (segment.has(kAck) && !segment.has(kRst)) {
        m_lastAdvertisedWindow =
            segment.has(kSyn) ? segment.window : std::uint32_t{segment.window} << m_rcvWindowShift;
        // It carries ACK=RCV.NXT: whatever ACK was waiting rides on it.
        m_fullSegmentsUnacked = 0;
        cancelTimer(TimerKind::DelayedAck);
    }
    m_transmits.push_back(Transmit{std::move(segment), retransmission, keepAliveProbe});
}

void Connection::owesAckForText(std::size_t bytes)
{
    if (!m_config.delayedAck) {
        m_ackNeeded = true;
        return;
    }
    if (bytes >= sendMss()) ++m_fullSegmentsUnacked;
    if (m_fullSegmentsUnacked >= 2)
        m_ackNeeded = true; // "at least every second full-sized segment" (§3.8.6.3)
    else
        m_ackMayWait = true;
}

void Connection::owesAckForFin(TcpState before)
{
    const bool toCloseWait = before == TcpState::Established || before == TcpState::SynRcvd;
    if (m_config.delayedAck && toCloseWait)
        m_ackMayWait = true; // our own FIN may follow soon and carry it
    else
        m_ackNeeded = true;
}

void Connection::sendOwedAck(TimeUs now)
{
    if (m_ackNeeded) {
        sendAck();
    } else if (m_ackMayWait && !m_delayedAckTimer.deadline && m_state != TcpState::Closed) {
        armTimer(TimerKind::DelayedAck, now, m_config.delayedAckTimeout, 0);
    }
    m_ackNeeded = m_ackMayWait = false;
}

void Connection::sendAck()
{
    queueTransmit(makeSegment(m_sndMax, kAck)); // <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>
}

void Connection::sendRst()
{
    queueTransmit(makeSegment(m_sndMax, kRst)); // <SEQ=SND.NXT><CTL=RST>
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
    queueTransmit(std::move(r));
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
        s.windowScale = offeredWindowScale();
        const bool retransmission = seq::lt(m_iss, m_sndMax);
        timeIt(m_iss, retransmission);
        queueTransmit(std::move(s), retransmission);
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
            if (m_retransmitQueue.size() < offset + n) {
                // The octets about to be sent for the first time (their buffer is shared, not copied).
                m_sendQueue.moveFrontTo(offset + n - m_retransmitQueue.size(), m_retransmitQueue);
            }
            Segment s = makeSegment(m_sndNxt, kAck);
            s.payload = m_retransmitQueue.slice(offset, n);
            const std::uint32_t end = m_sndNxt + static_cast<std::uint32_t>(n);
            if (m_pushPending && seq::lt(m_sndNxt, m_pushSeq) && seq::le(m_pushSeq, end))
                s.flags |= kPsh; // the last segment of a pushed SEND (§3.9.1)
            const bool retransmission = seq::lt(m_sndNxt, m_sndMax);
            timeIt(m_sndNxt, retransmission);
            queueTransmit(std::move(s), retransmission);
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
            queueTransmit(makeSegment(finSeq, kFin | kAck), retransmission);
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

} // namespace tcplab
