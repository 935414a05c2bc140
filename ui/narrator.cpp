#include "ui/narrator.h"

#include "ui/core_text.h"

#include "tcp/transitions.h"

namespace tcplab::ui {
namespace {

QString stateText(TcpState state)
{
    return QString::fromLatin1(stateName(state).data(), stateName(state).size());
}
QString flagsText(const Segment &segment)
{
    return QString::fromStdString(flagsToString(segment.flags)).replace(QLatin1Char('|'), QLatin1Char('+'));
}

// The segment the same endpoint sent at the same moment, right after a state change (its reply).
const TraceEvent *replySentWith(const Trace &trace, std::size_t index)
{
    const TraceEvent &change = trace[index];
    for (std::size_t i = index + 1; i < trace.size() && trace[i].t == change.t; ++i) {
        const TraceEvent &e = trace[i];
        if (e.kind == TraceKind::SegmentSent && e.side == change.side && e.conn == change.conn) return &e;
    }
    for (std::size_t i = index; i-- > 0 && trace[i].t == change.t;) {
        const TraceEvent &e = trace[i];
        if (e.kind == TraceKind::SegmentSent && e.side == change.side && e.conn == change.conn) return &e;
    }
    return nullptr;
}

} // namespace

QString Narrator::sideName(Side side)
{
    return side == Side::Client ? tr("The client") : tr("The server");
}

QString Narrator::durationText(TimeUs duration)
{
    if (duration % kSecond == 0) return tr("%1 s").arg(duration / kSecond);
    if (duration >= kSecond) return tr("%1 s").arg(double(duration) / kSecond, 0, 'f', 2);
    return tr("%1 ms").arg(double(duration) / kMillisecond, 0, 'g', 4);
}

QString Narrator::withRfc(const QString &sentence, std::string_view rfc)
{
    if (rfc.empty()) return sentence;
    // RFC sections carry "§", which the core spells in UTF-8.
    return tr("%1 (%2)").arg(sentence, QString::fromUtf8(rfc.data(), qsizetype(rfc.size())));
}

QString Narrator::narrate(const Trace &trace, std::size_t index)
{
    const TraceEvent &event = trace[index];
    const QString who = sideName(event.side);
    switch (event.kind) {
    case TraceKind::StateChanged:
        return stateChange(trace, index);
    case TraceKind::SegmentSent:
        return segmentSent(event);
    case TraceKind::SegmentDropped:
        return tr("The %1 from %2 is lost on the way (%3): it never arrives.")
            .arg(flagsText(event.segment), who.toLower(), coreText(event.text));
    case TraceKind::SegmentDiscarded:
        return withRfc(tr("%1 ignores the segment it received: %2.").arg(who, coreText(event.text)),
                       event.rfc);
    case TraceKind::TimerArmed:
        return timerArmed(event);
    case TraceKind::TimerFired:
        return timerFired(event);
    case TraceKind::UserCall:
        if (event.callOk) return {};
        return tr("%1 calls %2, which is refused: %3.")
            .arg(who, QString::fromLatin1(callName(event.call).data(), callName(event.call).size()),
                 coreText(event.text));
    case TraceKind::DataDelivered:
        return tr("%1's application reads %n byte(s).", nullptr, int(event.data.size())).arg(who);
    case TraceKind::ConnectionError:
        return tr("%1 reports an error to its application: %2.").arg(who, coreText(event.text));
    case TraceKind::Note:
        return QString::fromStdString(event.text);
    case TraceKind::SegmentDelivered:
    case TraceKind::TimerCancelled:
        return {};
    }
    return {};
}

QString Narrator::narrateRange(const Trace &trace, TimeUs from, TimeUs to)
{
    QStringList lines;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        if (trace[i].t <= from || trace[i].t > to) continue;
        const QString line = narrate(trace, i);
        if (!line.isEmpty()) lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QString Narrator::segmentSent(const TraceEvent &event)
{
    const Segment &s = event.segment;
    const QString who = sideName(event.side);
    QString sentence;
    if (event.keepAliveProbe) {
        sentence =
            tr("%1 sends a keep-alive probe: an empty ACK with seq = %2, one below what the peer expects, "
               "so the peer must answer with an ACK.")
                .arg(who)
                .arg(s.seq);
    } else if (s.has(kRst)) {
        sentence = tr("%1 sends RST (seq = %2): the connection is reset, nothing more is exchanged on it.")
                       .arg(who)
                       .arg(s.seq);
    } else if (s.has(kSyn) && s.has(kAck)) {
        sentence =
            tr("%1 answers SYN+ACK: seq = %2 is its own initial sequence number, ack = %3 is the peer's "
               "ISN + 1 (a SYN takes up one sequence number).")
                .arg(who)
                .arg(s.seq)
                .arg(s.ack);
    } else if (s.has(kSyn)) {
        sentence = tr("%1 sends SYN with seq = %2, its initial sequence number (ISN). A SYN carries no data.")
                       .arg(who)
                       .arg(s.seq);
    } else if (s.has(kFin)) {
        sentence =
            s.payload.empty()
                ? tr("%1 sends FIN (seq = %2, ack = %3): it has no more data to send, but it can still "
                     "receive (a half-close).")
                      .arg(who)
                      .arg(s.seq)
                      .arg(s.ack)
                : tr("%1 sends its last %n byte(s) together with FIN (seq = %2, ack = %3).", nullptr,
                     int(s.payload.size()))
                      .arg(who)
                      .arg(s.seq)
                      .arg(s.ack);
    } else if (!s.payload.empty()) {
        sentence =
            tr("%1 sends %n byte(s) of data: seq = %2 numbers the first byte, ack = %3 acknowledges what it "
               "has received.",
               nullptr, int(s.payload.size()))
                .arg(who)
                .arg(s.seq)
                .arg(s.ack);
    } else {
        sentence = tr("%1 sends ACK with ack = %2: it has received every byte before %2 and expects %2 next.")
                       .arg(who)
                       .arg(s.ack);
    }
    if (event.retransmission) sentence = tr("Retransmission: %1").arg(sentence);
    return sentence;
}

QString Narrator::timerArmed(const TraceEvent &event)
{
    const QString who = sideName(event.side);
    switch (event.timer) {
    case TimerKind::Retransmission:
        if (event.attempt == 0) return {}; // the first arming of every send would drown the narration
        return withRfc(tr("%1 restarts its retransmission timer with a doubled RTO of %2 (attempt %3).")
                           .arg(who, durationText(event.duration))
                           .arg(event.attempt),
                       "RFC 6298 §5.5");
    case TimerKind::TimeWait:
        return withRfc(tr("%1 waits 2·MSL = %2 in TIME_WAIT: long enough for its last ACK to be resent if it "
                          "is lost, and for old segments of this connection to die out.")
                           .arg(who, durationText(event.duration)),
                       "RFC 9293 §3.4.2");
    case TimerKind::KeepAlive:
        return tr("%1 arms its keep-alive timer: %2 of silence before it probes the peer.")
            .arg(who, durationText(event.duration));
    case TimerKind::DelayedAck:
        return withRfc(tr("%1 holds its ACK for up to %2, so that data or its own FIN can carry it.")
                           .arg(who, durationText(event.duration)),
                       "RFC 9293 §3.8.6.3");
    }
    return {};
}

QString Narrator::timerFired(const TraceEvent &event)
{
    const QString who = sideName(event.side);
    switch (event.timer) {
    case TimerKind::Retransmission:
        return withRfc(tr("%1's retransmission timer expires: no ACK came in time, so it sends the oldest "
                          "unacknowledged segment again.")
                           .arg(who),
                       "RFC 6298 §5.4");
    case TimerKind::TimeWait:
        return tr("2·MSL has passed: %1 leaves TIME_WAIT.").arg(who.toLower());
    case TimerKind::KeepAlive:
        return tr("%1 has heard nothing for the keep-alive interval.").arg(who);
    case TimerKind::DelayedAck:
        return tr("%1's delayed-ACK timer expires: nothing came to carry the ACK, so it goes alone.")
            .arg(who);
    }
    return {};
}

QString Narrator::stateChange(const Trace &trace, std::size_t index)
{
    const TraceEvent &event = trace[index];
    const QString who = sideName(event.side);
    const QString to = stateText(event.to);
    const TraceEvent *reply = replySentWith(trace, index);
    const QString ack =
        reply && reply->segment.has(kAck) ? QString::number(reply->segment.ack) : QStringLiteral("?");

    QString sentence;
    switch (event.transition) {
    case TcpEvent::PassiveOpen:
        sentence = tr("%1 calls LISTEN (a passive open) and enters %2: it waits for a SYN.").arg(who, to);
        break;
    case TcpEvent::ActiveOpen:
        sentence = tr("%1 calls CONNECT (an active open): it sends SYN and enters %2.").arg(who, to);
        break;
    case TcpEvent::SendInListen:
        sentence = tr("%1 sends data while listening: it must first open the connection, so it sends SYN and "
                      "enters %2.")
                       .arg(who, to);
        break;
    case TcpEvent::Close:
        if (event.from == TcpState::CloseWait)
            sentence =
                tr("%1 has finished sending too: it calls CLOSE, sends its FIN and enters %2, waiting for "
                   "the ACK of that FIN.")
                    .arg(who, to);
        else if (event.to == TcpState::FinWait1)
            sentence =
                tr("%1 calls CLOSE: it sends FIN and enters %2. It will send no more data, but it can still "
                   "receive.")
                    .arg(who, to);
        else
            sentence = tr("%1 calls CLOSE before the connection exists: it simply enters %2.").arg(who, to);
        break;
    case TcpEvent::Abort:
        sentence = tr("%1 aborts the connection: it sends RST if it was synchronized and enters %2 at once.")
                       .arg(who, to);
        break;
    case TcpEvent::RcvSyn:
        if (event.from == TcpState::SynSent)
            sentence =
                tr("%1 got a SYN while its own SYN is still unanswered: a simultaneous open. It answers "
                   "SYN+ACK (ack = %2) and enters %3.")
                    .arg(who, ack, to);
        else
            sentence = tr("%1 got a SYN, answers SYN+ACK (ack = %2) and enters %3.").arg(who, ack, to);
        break;
    case TcpEvent::RcvSynAck:
        sentence = tr("%1 got SYN+ACK acknowledging its SYN: it answers ACK (ack = %2) and enters %3.")
                       .arg(who, ack, to);
        break;
    case TcpEvent::RcvAckOfSyn:
        sentence =
            tr("%1 got the ACK of its SYN: the three-way handshake is complete, it enters %2.").arg(who, to);
        break;
    case TcpEvent::RcvFin:
        if (event.from == TcpState::FinWait1)
            sentence =
                tr("%1 got the peer's FIN before the ACK of its own: both sides are closing at once. It "
                   "ACKs the FIN and enters %2.")
                    .arg(who, to);
        else if (event.from == TcpState::FinWait2)
            sentence =
                tr("%1 got the peer's FIN: it ACKs it (ack = %2) and enters %3, in case that ACK is lost "
                   "and the FIN comes again.")
                    .arg(who, ack, to);
        else
            sentence =
                tr("%1 got FIN: the peer will send no more. It ACKs it (ack = %2) and enters %3; it may "
                   "still send data of its own (a half-close).")
                    .arg(who, ack, to);
        break;
    case TcpEvent::RcvAckOfFin:
        if (event.to == TcpState::FinWait2)
            sentence =
                tr("%1's FIN is acknowledged: it enters %2 and waits for the peer's FIN.").arg(who, to);
        else if (event.to == TcpState::TimeWait)
            sentence = tr("%1's FIN is acknowledged: it enters %2.").arg(who, to);
        else
            sentence = tr("%1's FIN is acknowledged: the connection is closed (%2).").arg(who, to);
        break;
    case TcpEvent::RcvFinAckOfFin:
        sentence =
            tr("%1 got the peer's FIN together with the ACK of its own FIN: it ACKs it and goes straight to "
               "%2.")
                .arg(who, to);
        break;
    case TcpEvent::RcvRst:
        if (event.to == TcpState::Listen)
            sentence =
                tr("%1 got RST: the connection attempt was not wanted (an old duplicate SYN), so it goes "
                   "back to %2.")
                    .arg(who, to);
        else if (event.from == TcpState::SynSent)
            sentence =
                tr("%1 got RST in answer to its SYN: connection refused, nobody listens on that port. It "
                   "enters %2.")
                    .arg(who, to);
        else
            sentence = tr("%1 got an acceptable RST: the connection is reset, it enters %2.").arg(who, to);
        break;
    case TcpEvent::Timeout2Msl:
        sentence = tr("%1's TIME_WAIT timer (2·MSL) expires: the connection is finally %2.").arg(who, to);
        break;
    case TcpEvent::RetransmitLimit:
        sentence = tr("%1 has retransmitted too often without an answer: it gives up, reports a timeout and "
                      "enters %2.")
                       .arg(who, to);
        break;
    case TcpEvent::KeepAliveLimit:
        sentence = tr("%1's keep-alive probes went unanswered: it declares the peer dead and enters %2.")
                       .arg(who, to);
        break;
    }
    return withRfc(sentence, event.rfc);
}

} // namespace tcplab::ui
