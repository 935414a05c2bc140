// The sequence diagram's model is built from the trace alone: one arrow per segment sent, with the label
// written from that segment; drops end an arrow where the segment was lost; state changes become marks
// and bands. Synthetic traces keep each rule visible.
#include "ui/segment_label.h"
#include "ui/sequence_model.h"

#include <QtTest>

using namespace tcplab;
using namespace tcplab::ui;

namespace {

Segment makeSegment(std::uint8_t flags, std::uint32_t seq, std::uint32_t ack, std::size_t length = 0)
{
    Segment segment;
    segment.flags = flags;
    segment.seq = seq;
    segment.ack = ack;
    segment.payload.assign(length, std::uint8_t('x'));
    return segment;
}

TraceEvent sent(TimeUs t, Side side, std::uint64_t id, TimeUs arrival, Segment segment)
{
    TraceEvent event;
    event.t = t;
    event.kind = TraceKind::SegmentSent;
    event.side = side;
    event.segmentId = id;
    event.arrival = arrival;
    event.segment = std::move(segment);
    return event;
}

TraceEvent ofSegment(TraceKind kind, TimeUs t, Side side, std::uint64_t id)
{
    TraceEvent event;
    event.t = t;
    event.kind = kind;
    event.side = side;
    event.segmentId = id;
    return event;
}

TraceEvent timerTraceEvent(TraceKind kind, TimeUs t, Side side, TimerKind timer, TimeUs duration = 0,
                           int attempt = 0)
{
    TraceEvent event;
    event.t = t;
    event.kind = kind;
    event.side = side;
    event.timer = timer;
    event.duration = duration;
    event.deadline = t + duration;
    event.attempt = attempt;
    return event;
}

TraceEvent stateChanged(TimeUs t, Side side, TcpState from, TcpState to)
{
    TraceEvent event;
    event.t = t;
    event.kind = TraceKind::StateChanged;
    event.side = side;
    event.from = from;
    event.to = to;
    return event;
}

} // namespace

class TestSequenceModel : public QObject {
    Q_OBJECT

private slots:
    void labelWritesFlagsSeqAckAndLength_rfc9293_3_1()
    {
        QCOMPARE(segmentLabel(makeSegment(kSyn, 1000, 0)), QStringLiteral("SYN seq=1000"));
        QCOMPARE(segmentLabel(makeSegment(kSyn | kAck, 5000, 1001)),
                 QStringLiteral("SYN|ACK seq=5000 ack=1001"));
        QCOMPARE(segmentLabel(makeSegment(kAck, 1001, 5001, 5)),
                 QStringLiteral("ACK seq=1001 ack=5001 len=5"));
        // No ACK flag: the acknowledgment field means nothing and is not written.
        QCOMPARE(segmentLabel(makeSegment(kRst, 7, 99)), QStringLiteral("RST seq=7"));
    }

    void oneArrowPerSegmentSentWithItsLabel()
    {
        Trace trace;
        trace.append(sent(0, Side::Client, 1, 50'000, makeSegment(kSyn, 1000, 0)));
        trace.append(ofSegment(TraceKind::SegmentDelivered, 50'000, Side::Client, 1));
        trace.append(sent(50'000, Side::Server, 2, 100'000, makeSegment(kSyn | kAck, 5000, 1001)));
        const SequenceModel model = buildSequenceModel(trace);
        QCOMPARE(model.arrows.size(), std::size_t(2));
        QCOMPARE(model.arrows[0].label, segmentLabel(trace[0].segment));
        QCOMPARE(model.arrows[1].label, segmentLabel(trace[2].segment));
        QCOMPARE(model.arrows[0].fate, SequenceArrow::Fate::Delivered);
        QCOMPARE(model.arrows[0].endAt, TimeUs(50'000));
        QCOMPARE(model.arrows[1].fate, SequenceArrow::Fate::Travelling);
        QCOMPARE(model.arrows[1].from, Side::Server);
        QCOMPARE(model.arrows[1].reachAt, TimeUs(100'000));
        QCOMPARE(model.lastEventAt, TimeUs(50'000));
    }

    void travellingSegmentHeadMovesWithTime()
    {
        Trace trace;
        trace.append(sent(0, Side::Client, 1, 40'000, makeSegment(kSyn, 1000, 0)));
        const SequenceModel model = buildSequenceModel(trace);
        const SequenceArrow &arrow = model.arrows.front();
        const auto head = arrowHeadAt(arrow, 10'000);
        QVERIFY(head);
        QVERIFY(head->moving);
        QCOMPARE(head->t, TimeUs(10'000));
        QCOMPARE(head->fraction, 0.25);
        QVERIFY(!arrowHeadAt(arrow, -1));
    }

    void segmentDroppedOnTheWayEndsWhereItWas()
    {
        Trace trace;
        trace.append(sent(100'000, Side::Server, 7, 150'000, makeSegment(kSyn | kAck, 5000, 1001)));
        trace.append(ofSegment(TraceKind::SegmentDropped, 120'000, Side::Server, 7));
        const SequenceModel model = buildSequenceModel(trace);
        const SequenceArrow &arrow = model.arrows.front();
        QCOMPARE(arrow.fate, SequenceArrow::Fate::Dropped);
        QCOMPARE(arrow.endAt, TimeUs(120'000));
        QCOMPARE(arrow.endFraction, 0.4);
        const auto head = arrowHeadAt(arrow, 500'000);
        QVERIFY(head && !head->moving);
        QCOMPARE(head->fraction, 0.4);
    }

    void segmentDroppedAsItLeavesIsDrawnLostHalfWay()
    {
        Trace trace;
        trace.append(sent(0, Side::Client, 1, -1, makeSegment(kSyn, 1000, 0)));
        trace.append(ofSegment(TraceKind::SegmentDropped, 0, Side::Client, 1));
        const SequenceModel model = buildSequenceModel(trace, NominalDelays{30'000, 30'000});
        const SequenceArrow &arrow = model.arrows.front();
        QCOMPARE(arrow.fate, SequenceArrow::Fate::Dropped);
        QCOMPARE(arrow.reachAt, TimeUs(30'000));
        QCOMPARE(arrow.endAt, TimeUs(15'000));
        QCOMPARE(arrow.endFraction, 0.5);
    }

    void stateChangesBecomeMarksAndBands()
    {
        Trace trace;
        trace.append(stateChanged(0, Side::Client, TcpState::Closed, TcpState::SynSent));
        trace.append(stateChanged(100'000, Side::Client, TcpState::SynSent, TcpState::Established));
        trace.append(stateChanged(20'000, Side::Server, TcpState::Closed, TcpState::Listen));
        const SequenceModel model = buildSequenceModel(trace);
        QCOMPARE(model.marks.size(), std::size_t(3));
        QCOMPARE(model.marks[1].to, TcpState::Established);
        // Client: SYN_SENT [0, 100 ms), ESTABLISHED from 100 ms; server: CLOSED [0, 20 ms), LISTEN after.
        QCOMPARE(model.bands.size(), std::size_t(4));
        QCOMPARE(model.bands[0].state, TcpState::SynSent);
        QCOMPARE(model.bands[0].end, TimeUs(100'000));
        QCOMPARE(model.bands[1].state, TcpState::Established);
        QCOMPARE(model.bands[1].end, TimeUs(-1));
        QCOMPARE(model.bands[2].state, TcpState::Closed);
        QCOMPARE(model.bands[2].end, TimeUs(20'000));
        QCOMPARE(model.bands[3].state, TcpState::Listen);
    }

    void relativeNumbersSubtractEachSidesIsn()
    {
        Trace trace;
        trace.append(sent(0, Side::Client, 1, 50'000, makeSegment(kSyn, 1000, 0)));
        trace.append(sent(50'000, Side::Server, 2, 100'000, makeSegment(kSyn | kAck, 5000, 1001)));
        trace.append(sent(100'000, Side::Client, 3, 150'000, makeSegment(kAck, 1001, 5001, 5)));
        const SequenceModel model = buildSequenceModel(trace, {}, SeqNumbers::Relative);
        // As Wireshark writes them: the SYN is 0, the first byte 1, each side from its own ISN.
        QCOMPARE(model.arrows[0].label, QStringLiteral("SYN seq=0"));
        QCOMPARE(model.arrows[1].label, QStringLiteral("SYN|ACK seq=0 ack=1"));
        QCOMPARE(model.arrows[2].label, QStringLiteral("ACK seq=1 ack=1 len=5"));
        // Sequence space wraps (RFC 9293 §3.4): an ISN near 2^32 still gives small relative numbers.
        Trace wrapped;
        wrapped.append(sent(0, Side::Client, 1, 50'000, makeSegment(kSyn, 0xFFFFFFF0u, 0)));
        wrapped.append(sent(10, Side::Client, 2, 50'000, makeSegment(kAck, 0x00000005u, 0)));
        QCOMPARE(buildSequenceModel(wrapped, {}, SeqNumbers::Relative).arrows[1].label,
                 QStringLiteral("ACK seq=21 ack=0"));
    }

    void timersRunFromArmingToCancelOrFire()
    {
        Trace trace;
        trace.append(
            timerTraceEvent(TraceKind::TimerArmed, 0, Side::Client, TimerKind::Retransmission, 1'000'000));
        trace.append(
            timerTraceEvent(TraceKind::TimerFired, 1'000'000, Side::Client, TimerKind::Retransmission));
        trace.append(timerTraceEvent(TraceKind::TimerArmed, 1'000'000, Side::Client,
                                     TimerKind::Retransmission, 2'000'000, 1));
        trace.append(
            timerTraceEvent(TraceKind::TimerCancelled, 1'100'000, Side::Client, TimerKind::Retransmission));
        trace.append(
            timerTraceEvent(TraceKind::TimerArmed, 1'200'000, Side::Server, TimerKind::TimeWait, 4'000'000));
        const SequenceModel model = buildSequenceModel(trace);
        QCOMPARE(model.timers.size(), std::size_t(3));
        QCOMPARE(model.timers[0].end, SequenceTimer::End::Fired);
        QCOMPARE(model.timers[0].barEnd(), TimeUs(1'000'000));
        QCOMPARE(model.timers[1].end, SequenceTimer::End::Cancelled);
        QCOMPARE(model.timers[1].attempt, 1);
        QCOMPARE(model.timers[1].barEnd(), TimeUs(1'100'000));
        // Still running: the bar goes to the deadline.
        QCOMPARE(model.timers[2].end, SequenceTimer::End::Running);
        QCOMPARE(model.timers[2].barEnd(), TimeUs(5'200'000));
        QCOMPARE(model.longestTimer, TimeUs(4'000'000));
    }

    void delayedSegmentArrivesLater()
    {
        Trace trace;
        trace.append(sent(0, Side::Client, 1, 50'000, makeSegment(kSyn, 1000, 0)));
        TraceEvent note;
        note.t = 20'000;
        note.kind = TraceKind::Note;
        note.segmentId = 1;
        note.arrival = 250'000;
        trace.append(note);
        const SequenceModel model = buildSequenceModel(trace);
        QCOMPARE(model.arrows[0].reachAt, TimeUs(250'000));
        QCOMPARE(model.arrows[0].delayedBy, TimeUs(200'000));
    }

    void arrowsBetweenFindsEveryArrowReachingTheRange()
    {
        Trace trace;
        for (int i = 0; i < 100; ++i)
            trace.append(sent(i * 10'000, Side::Client, std::uint64_t(i + 1), i * 10'000 + 50'000,
                              makeSegment(kAck, 1000, 0)));
        const SequenceModel model = buildSequenceModel(trace);
        const auto [first, last] = arrowsBetween(model, 300'000, 400'000);
        for (std::size_t i = 0; i < model.arrows.size(); ++i) {
            const SequenceArrow &a = model.arrows[i];
            const bool reaches = a.sentAt <= 400'000 && a.reachAt >= 300'000;
            if (reaches) QVERIFY(i >= first && i < last);
        }
        QVERIFY(last - first <= 16); // and not many more
    }
};

QTEST_GUILESS_MAIN(TestSequenceModel)
#include "test_sequence_model.moc"
