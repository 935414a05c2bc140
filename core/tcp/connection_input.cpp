// Segment arrival, RFC 9293 §3.10.7. In CLOSED answer everything but a RST with a RST (§3.10.7.1); in
// LISTEN answer an ACK with a RST and a SYN with a SYN,ACK (§3.10.7.2); in SYN_SENT check the ACK, then the
// RST, then the SYN (§3.10.7.3); in every other state check, in order (§3.10.7.4): first the sequence
// number (Table 6; an unacceptable segment gets an empty ACK unless it is a RST), second the RST bit,
// fourth the SYN bit, fifth the ACK field, seventh the segment text, eighth the FIN bit. (Third, security,
// and sixth, URG, are not modelled: tcplab sends no urgent data and ignores the urgent pointer.)
//
// Choices where the RFCs leave one (each is also noted where it is made):
//  - RST validation follows RFC 5961 §3.2, which RFC 9293 §3.10.7.4 allows: an in-window RST resets only
//    when SEG.SEQ = RCV.NXT, otherwise it is answered with a challenge ACK.
//  - A SYN in a synchronized state is answered with a challenge ACK (RFC 5961 §4.2, RFC 9293 §3.10.7.4).
//  - A RST in TIME_WAIT closes the connection (RFC 9293), not ignored as RFC 1337 recommends.
//  - A FIN that also acknowledges our FIN takes FIN_WAIT_1 straight to TIME_WAIT, and an ACK of our SYN
//    with a FIN takes SYN_RCVD straight to CLOSE_WAIT: the eighth step's rows for those states, rather
//    than a stop in FIN_WAIT_2 or ESTABLISHED on the way. (A SYN,ACK with a FIN in SYN_SENT does pass
//    through ESTABLISHED: §3.10.7.3 enters it before it goes on to the FIN.)
//  - Simultaneous open follows §3.5 Figure 7: the peer's SYN,ACK arriving in SYN_RCVD completes it.
//  - A retransmitted FIN in TIME_WAIT is recognised although Table 6 finds it unacceptable, so that the
//    2·MSL timer restarts as the eighth step asks. Other acceptable segments in TIME_WAIT are
//    acknowledged, except a pure ACK at RCV.NXT (which would let two TIME_WAIT ends ACK each other's
//    ACKs for ever).
//  - Out-of-order data is dropped and re-acknowledged (no reassembly queue, no SACK). Text on a SYN is
//    held until the handshake completes; a FIN on a SYN is not accepted (the peer sends it again).
//  - A RST answering our SYN is reported as "connection refused" (what sockets call ECONNREFUSED);
//    RFC 9293 §3.10.7.3 words it "connection reset".
#include "connection.h"

#include "connection_detail.h"
#include "rules.h"
#include "seq.h"

#include <algorithm>

namespace tcplab {

namespace {

constexpr std::string_view kRfcClosed = "RFC 9293 §3.10.7.1";
constexpr std::string_view kRfcListen = "RFC 9293 §3.10.7.2";
constexpr std::string_view kRfcSynSent = "RFC 9293 §3.10.7.3";
constexpr std::string_view kRfcOther = "RFC 9293 §3.10.7.4";
constexpr std::string_view kRfc5961Rst = "RFC 5961 §3.2";
constexpr std::string_view kRfc5961Syn = "RFC 5961 §4.2";

} // namespace

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
        m_peerMss = segment.mss.value_or(detail::kDefaultMss);
        takeWindowScale(segment);
        // The SYN's window is the send window until the handshake's ACK updates it (as BSD and Linux do).
        m_sndWnd = windowOf(segment);
        m_sndWl1 = segment.seq;
        m_sndWl2 = m_iss;
        holdSynText(segment);
        setState(now, TcpState::SynRcvd, TcpEvent::RcvSyn, "rcv SYN");
        transmit(now); // <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>
        if (segment.has(kFin))
            discard(segment, "FIN on a SYN not accepted (the peer sends it again)", kRfcListen);
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
    m_peerMss = segment.mss.value_or(detail::kDefaultMss);
    takeWindowScale(segment);
    m_sndWnd = windowOf(segment);
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
            if (rest.payload.size() > window) rest.payload.resize(window);
            if (rest.payload.size() >= window) // the FIN's sequence number lies past the window
                rest.flags = static_cast<std::uint8_t>(rest.flags & ~kFin);
            if (!rest.payload.empty()) processText(now, rest);
            if (rest.has(kFin)) processFin(now, rest);
        }
        // The handshake's ACK goes at once, delayed ACK or not: the peer's SYN_RCVD waits for it.
        if (!transmit(now)) sendAck(); // <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>
        m_ackNeeded = m_ackMayWait = false;
        return;
    }
    // Simultaneous open: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>, SND.NXT stays ISS+1; the retransmission
    // timer of our SYN keeps running and will resend it as a SYN,ACK.
    m_sndWl2 = m_iss;
    m_rttSeq.reset(); // the SYN's round trip is no longer measurable
    setState(now, TcpState::SynRcvd, TcpEvent::RcvSyn, "rcv SYN");
    Segment synAck = makeSegment(m_iss, kSyn | kAck);
    synAck.mss = m_config.mss;
    synAck.windowScale = offeredWindowScale();
    queueTransmit(std::move(synAck));
    holdSynText(segment);
    if (segment.has(kFin))
        discard(segment, "FIN on a SYN not accepted (the peer sends it again)", kRfcSynSent);
}

void Connection::holdSynText(const Segment &syn)
{
    // "Any other control or text should be queued for processing later" (§3.10.7.2): the text of a SYN is
    // kept, as far as the window goes, and delivered (and acknowledged) once the handshake completes.
    const std::size_t n = std::min<std::size_t>(syn.payload.size(), rcvWnd());
    m_synText.assign(syn.payload.begin(), syn.payload.begin() + static_cast<long>(n));
}

void Connection::segmentOtherwise(TimeUs now, const Segment &original)
{
    Segment segment = original; // trimmed to the window below; `original` is what the trace reports
    m_ackNeeded = m_ackMayWait = false;

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
        m_sndWnd = windowOf(segment);
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

    if (detail::isKeepAliveState(m_state)) restartKeepAlive(now); // the peer is alive: idleness starts again

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
    // Whether the eighth step will see this FIN: the text before it must continue what has arrived,
    // including the text of the SYN that SYN_RCVD holds until the handshake completes.
    const std::uint32_t textEnd =
        m_rcvNxt + (m_state == TcpState::SynRcvd ? static_cast<std::uint32_t>(m_synText.size()) : 0);
    const bool finWillBeProcessed =
        segment.has(kFin) && seq::le(segment.seq, textEnd) &&
        seq::le(textEnd, segment.seq + static_cast<std::uint32_t>(segment.payload.size())) &&
        (m_state == TcpState::SynRcvd || m_state == TcpState::Established || m_state == TcpState::FinWait1 ||
         m_state == TcpState::FinWait2);
    if (!processAck(now, segment, finWillBeProcessed)) return;
    if (seq::lt(segment.seq, m_rcvNxt)) { // the SYN's text was just delivered: cut what repeats it
        const std::size_t cut = std::min<std::size_t>(m_rcvNxt - segment.seq, segment.payload.size());
        segment.payload.erase(segment.payload.begin(), segment.payload.begin() + static_cast<long>(cut));
        segment.seq = m_rcvNxt;
    }
    const bool inOrder = segment.seq == m_rcvNxt;

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

    if (transmit(now)) m_ackNeeded = m_ackMayWait = false; // data or a FIN sent now carries the ACK
    sendOwedAck(now);
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
        m_sndWnd = windowOf(segment);
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
        if (!m_synText.empty()) {
            // Text that came with the SYN, "queued for processing after the ESTABLISHED state has been
            // reached" (§3.10.7.2, §3.10.7.3).
            Segment held;
            held.seq = m_rcvNxt;
            held.payload = std::move(m_synText);
            m_synText.clear();
            processText(now, held);
        }
        return true;
    }

    if (m_state == TcpState::TimeWait) {
        // "The only thing that can arrive in this state is a retransmission of the remote FIN. Acknowledge
        // it, and restart the 2 MSL timeout." A FIN is acknowledged and restarts the timer (the FIN just
        // below RCV.NXT is recognised before Table 6); other text or a segment off RCV.NXT is acknowledged.
        // A pure ACK at RCV.NXT is not: two ends in TIME_WAIT would otherwise acknowledge each other's
        // ACKs for ever (a duplicated segment is enough to start it). Linux and FreeBSD stay silent too.
        if (segment.has(kFin)) {
            sendAck();
            armTimer(TimerKind::TimeWait, now, 2 * m_config.msl, 0);
        } else if (segment.seq != m_rcvNxt || !segment.payload.empty()) {
            sendAck();
        } else {
            discard(segment, "TIME_WAIT: a pure ACK needs no answer", kRfcOther);
        }
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
    m_retransmitQueue.popFront(drop);

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
        m_sndWnd = windowOf(segment);
        m_sndWl1 = segment.seq;
        m_sndWl2 = segment.ack;
    }
}

void Connection::takeWindowScale(const Segment &syn)
{
    // RFC 7323 §2.3: "If a Window Scale option is received with a shift.cnt value larger than 14, the TCP
    // SHOULD log the error but MUST use 14 instead of the specified value."
    m_peerWindowScale.reset();
    if (syn.windowScale) m_peerWindowScale = std::min<std::uint8_t>(*syn.windowScale, 14);
    // §2.2: scaling is on in both directions only when both SYNs carried the option; otherwise both
    // shifts are zero.
    const bool both = m_config.windowScale && m_peerWindowScale;
    m_sndWindowShift = both ? *m_peerWindowScale : 0;
    m_rcvWindowShift = both ? std::min<std::uint8_t>(*m_config.windowScale, 14) : 0;
}

std::uint32_t Connection::windowOf(const Segment &segment) const
{
    // RFC 7323 §2.2: a SYN's window is never scaled; §2.3: SND.WND = SEG.WND << Snd.Wind.Shift.
    if (segment.has(kSyn)) return segment.window;
    return std::uint32_t{segment.window} << m_sndWindowShift;
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
        m_receiveBuffer.append(segment.payload.begin(), segment.payload.end());
    owesAckForText(segment.payload.size()); // at once, or after the delayed-ACK timeout (§3.8.6.3)
}

void Connection::processFin(TimeUs now, const Segment &segment)
{
    (void)segment;
    m_rcvNxt += 1; // the FIN takes one sequence number
    owesAckForFin(m_state);
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
