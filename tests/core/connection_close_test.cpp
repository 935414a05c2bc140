// Closing: the CLOSE call (RFC 9293 §3.10.4) in every state, FIN processing (§3.10.7.4 "eighth"),
// simultaneous close (§3.6 Figure 13), TIME_WAIT (§3.6.1, §3.10.8), and ABORT (§3.10.5).
#include "connection_harness.h"

#include <gtest/gtest.h>

namespace tcplab {
namespace {

using test::Harness;
using test::kClientPort;
using test::kPeerIsn;
using test::kServerPort;

constexpr std::uint32_t kRcvNxt = kPeerIsn + 1;
constexpr std::uint32_t kSndNxt = 1001;

// ---- CLOSE ----

TEST(Rfc9293_3_10_4, CloseInEstablishedSendsFinAndEntersFinWait1)
{
    Harness h;
    h.establishAsServer();
    ASSERT_TRUE(h.close().ok);
    EXPECT_EQ(h.state(), TcpState::FinWait1);
    const Segment fin = h.takeOne();
    EXPECT_EQ(fin.flags, kFin | kAck);
    EXPECT_EQ(fin.seq, kSndNxt);
    EXPECT_EQ(fin.ack, kRcvNxt);
    EXPECT_EQ(h.conn().sndNxt(), kSndNxt + 1); // the FIN takes one sequence number
    EXPECT_EQ(h.deadline(TimerKind::Retransmission), std::optional<TimeUs>(1 * kSecond));
}

TEST(Rfc9293_3_10_4, CloseInListenOrSynSentDeletesTheConnection)
{
    Harness l;
    l.listen();
    ASSERT_TRUE(l.close().ok);
    EXPECT_EQ(l.state(), TcpState::Closed);
    EXPECT_EQ(l.lastChange()->event, TcpEvent::Close);

    Harness s(teachingProfile(1000), kClientPort, kServerPort);
    s.connect();
    s.take();
    ASSERT_TRUE(s.close().ok);
    EXPECT_EQ(s.state(), TcpState::Closed);
    s.expectNothingSent();
    EXPECT_FALSE(s.conn().pollTimeout().has_value()); // the SYN's timer is gone
}

TEST(Rfc9293_3_10_4, CloseWithoutAConnectionFails)
{
    Harness h;
    EXPECT_EQ(h.close().error, "connection does not exist");
}

TEST(Rfc9293_3_10_4, CloseInSynRcvdSendsFinAndEntersFinWait1)
{
    Harness h;
    h.driveTo(TcpState::SynRcvd);
    ASSERT_TRUE(h.close().ok);
    EXPECT_EQ(h.state(), TcpState::FinWait1);
    const Segment fin = h.takeOne();
    EXPECT_EQ(fin.flags, kFin | kAck);
    EXPECT_EQ(fin.seq, kSndNxt); // right after the SYN
    // The ACK of SYN and FIN together takes it to FIN_WAIT_2.
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 1));
    EXPECT_EQ(h.state(), TcpState::FinWait2);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RcvAckOfFin);
}

TEST(Rfc9293_3_10_4, CloseInSynRcvdWithQueuedDataWaitsForEstablished)
{
    Harness h;
    h.driveTo(TcpState::SynRcvd);
    h.send("abc");
    ASSERT_TRUE(h.close().ok);
    EXPECT_EQ(h.state(), TcpState::SynRcvd); // "queue for processing after entering ESTABLISHED"
    h.expectNothingSent();
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt));
    EXPECT_EQ(test::statesVisited(h.ep).back(), TcpState::FinWait1);
    const auto sent = h.take();
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_EQ(test::text(sent[0].payload), "abc");
    EXPECT_EQ(sent[1].flags, kFin | kAck);
    EXPECT_EQ(sent[1].seq, kSndNxt + 3);
}

TEST(Rfc9293_3_10_4, CloseInCloseWaitSendsFinAndEntersLastAck)
{
    Harness h;
    h.driveTo(TcpState::CloseWait);
    ASSERT_TRUE(h.close().ok);
    EXPECT_EQ(h.state(), TcpState::LastAck);
    const Segment fin = h.takeOne();
    EXPECT_EQ(fin.flags, kFin | kAck);
    EXPECT_EQ(fin.seq, kSndNxt);
    EXPECT_EQ(fin.ack, kRcvNxt + 1);
    h.recv(h.seg(kAck, kRcvNxt + 1, kSndNxt + 1));
    EXPECT_EQ(h.state(), TcpState::Closed);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RcvAckOfFin);
    h.expectNothingSent();
    EXPECT_FALSE(h.conn().pollTimeout().has_value());
}

TEST(Rfc9293_3_10_4, CloseAfterCloseSaysConnectionClosing)
{
    for (TcpState s :
         {TcpState::FinWait1, TcpState::FinWait2, TcpState::Closing, TcpState::LastAck, TcpState::TimeWait}) {
        Harness h;
        h.driveTo(s);
        EXPECT_EQ(h.close().error, "connection closing") << stateName(s);
        EXPECT_EQ(h.state(), s);
        h.expectNothingSent(std::string(stateName(s)).c_str()); // no second FIN
        EXPECT_EQ(h.send("x").error, "connection closing") << stateName(s);
    }
}

TEST(Rfc9293_3_10_4, FinFollowsTheQueuedDataOfAHalfClose)
{
    Harness h;
    h.establishAsServer(kPeerIsn, 3); // a tiny window holds the data back
    h.send("abcdef");
    EXPECT_EQ(h.takeOne().payload.size(), 3u);
    h.close();
    h.expectNothingSent("FIN must wait for the data");
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 3, {}, 10));
    const auto sent = h.take();
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_EQ(test::text(sent[0].payload), "def");
    EXPECT_EQ(sent[1].flags, kFin | kAck);
    EXPECT_EQ(sent[1].seq, kSndNxt + 6);
}

// ---- eighth: the FIN bit ----

TEST(Rfc9293_3_10_7_4, FinInEstablishedIsAcknowledgedAndEntersCloseWait)
{
    Harness h;
    h.establishAsServer();
    h.recv(h.seg(kFin | kAck, kRcvNxt, kSndNxt));
    EXPECT_EQ(h.state(), TcpState::CloseWait);
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.ack, kRcvNxt + 1); // the FIN takes one sequence number
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RcvFin);
}

TEST(Rfc9293_3_10_7_4, FinWithDataDeliversTheDataFirst)
{
    Harness h;
    h.establishAsServer();
    h.recv(h.seg(kFin | kPsh | kAck, kRcvNxt, kSndNxt, "bye"));
    EXPECT_EQ(h.ep.delivered, "bye");
    EXPECT_EQ(h.takeOne().ack, kRcvNxt + 4);
    EXPECT_EQ(h.state(), TcpState::CloseWait);
}

TEST(Rfc9293_3_10_7_4, OutOfOrderFinIsNotProcessed)
{
    Harness h;
    h.establishAsServer();
    h.recv(h.seg(kFin | kAck, kRcvNxt + 3, kSndNxt)); // "abc" before it was lost
    EXPECT_EQ(h.state(), TcpState::Established);
    EXPECT_EQ(h.takeOne().ack, kRcvNxt);
}

TEST(Rfc9293_3_10_7_4, AckOfOurFinInFinWait1EntersFinWait2)
{
    Harness h;
    h.driveTo(TcpState::FinWait1);
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 1));
    EXPECT_EQ(h.state(), TcpState::FinWait2);
    h.expectNothingSent();
    EXPECT_FALSE(h.conn().pollTimeout().has_value());
}

TEST(Rfc9293_3_10_7_4, FinInFinWait2EntersTimeWaitForTwoMsl)
{
    Harness h;
    h.driveTo(TcpState::FinWait2);
    h.now = 5 * kSecond;
    h.recv(h.seg(kFin | kAck, kRcvNxt, kSndNxt + 1));
    EXPECT_EQ(h.state(), TcpState::TimeWait);
    EXPECT_EQ(h.takeOne().ack, kRcvNxt + 1);
    EXPECT_EQ(h.conn().pollTimeout(), std::optional<TimeUs>(7 * kSecond)); // 2·MSL, MSL = 1 s
}

TEST(Rfc9293_3_10_7_4, FinAckingOurFinInFinWait1GoesStraightToTimeWait)
{
    Harness h;
    h.driveTo(TcpState::FinWait1);
    h.recv(h.seg(kFin | kAck, kRcvNxt, kSndNxt + 1));
    EXPECT_EQ(h.state(), TcpState::TimeWait);
    ASSERT_EQ(h.ep.changes.size(), 5u); // LISTEN, SYN_RCVD, ESTABLISHED, FIN_WAIT_1, TIME_WAIT
    EXPECT_EQ(h.lastChange()->from, TcpState::FinWait1);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RcvFinAckOfFin);
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.seq, kSndNxt + 1);
    EXPECT_EQ(ack.ack, kRcvNxt + 1);
}

TEST(Rfc9293_3_6_Figure13, SimultaneousCloseGoesThroughClosingToTimeWait)
{
    Harness h;
    h.driveTo(TcpState::FinWait1);
    h.now = 1 * kSecond / 2;
    h.recv(h.seg(kFin | kAck, kRcvNxt, kSndNxt)); // the peer's FIN, not yet acknowledging ours
    EXPECT_EQ(h.state(), TcpState::Closing);
    Segment ack = h.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.seq, kSndNxt + 1);
    EXPECT_EQ(ack.ack, kRcvNxt + 1);
    h.now = 600 * kMillisecond;
    h.recv(h.seg(kAck, kRcvNxt + 1, kSndNxt + 1));
    EXPECT_EQ(h.state(), TcpState::TimeWait);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RcvAckOfFin);
    h.expectNothingSent();
    EXPECT_EQ(h.conn().pollTimeout(), std::optional<TimeUs>(2600 * kMillisecond));
}

TEST(Rfc9293_3_6_Figure13, SimultaneousCloseBetweenTwoEndpoints)
{
    test::Pair p;
    p.at(0, [&](TimeUs now) { p.server.conn.listen(now); });
    p.at(0, [&](TimeUs now) { p.client.conn.connect(now, kServerPort); });
    p.at(1 * kSecond, [&](TimeUs now) {
        p.client.conn.close(now);
        p.server.conn.close(now);
    });
    p.runUntil(1100 * kMillisecond);
    const std::vector states{TcpState::FinWait1, TcpState::Closing, TcpState::TimeWait};
    auto tail = [](const test::Endpoint &ep) {
        auto v = test::statesVisited(ep);
        return std::vector<TcpState>(v.end() - 3, v.end());
    };
    EXPECT_EQ(tail(p.client), states);
    EXPECT_EQ(tail(p.server), states);
    // Both entered TIME_WAIT at 1.1 s and leave it 2·MSL later.
    p.runUntil(3100 * kMillisecond - 1);
    EXPECT_EQ(p.client.conn.state(), TcpState::TimeWait);
    p.runUntil(3100 * kMillisecond);
    EXPECT_EQ(p.client.conn.state(), TcpState::Closed);
    EXPECT_EQ(p.server.conn.state(), TcpState::Closed);
}

// ---- TIME_WAIT ----

TEST(Rfc9293_3_10_7_4, TimeWaitReAcksARetransmittedFinAndRestartsTwoMsl)
{
    Harness h;
    h.driveTo(TcpState::FinWait2);
    h.now = 10 * kSecond;
    h.recv(h.seg(kFin | kAck, kRcvNxt, kSndNxt + 1));
    h.take();
    ASSERT_EQ(h.conn().pollTimeout(), std::optional<TimeUs>(12 * kSecond));
    // Our ACK was lost; the peer's FIN comes again at 11.5 s.
    h.now = 11500 * kMillisecond;
    h.recv(h.seg(kFin | kAck, kRcvNxt, kSndNxt + 1));
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.seq, kSndNxt + 1);
    EXPECT_EQ(ack.ack, kRcvNxt + 1);
    EXPECT_EQ(h.conn().pollTimeout(), std::optional<TimeUs>(13500 * kMillisecond));
    h.runUntil(12 * kSecond);
    EXPECT_EQ(h.state(), TcpState::TimeWait); // the first deadline no longer counts
    h.runUntil(13500 * kMillisecond);
    EXPECT_EQ(h.state(), TcpState::Closed);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::Timeout2Msl);
    const auto fired = h.ep.eventsOf<TimerFired>();
    ASSERT_FALSE(fired.empty());
    EXPECT_EQ(fired.back().kind, TimerKind::TimeWait);
}

TEST(Rfc9293_3_10_7_4, SegmentOffRcvNxtInTimeWaitIsAcknowledged)
{
    // Fifth step, TIME-WAIT: "The only thing that can arrive in this state is a retransmission of the
    // remote FIN. Acknowledge it, and restart the 2 MSL timeout."
    Harness h;
    h.driveTo(TcpState::TimeWait);
    h.now = 1 * kSecond;
    h.recv(h.seg(kAck, kRcvNxt + 2, kSndNxt + 1)); // in the window, past RCV.NXT
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.seq, kSndNxt + 1);
    EXPECT_EQ(ack.ack, kRcvNxt + 1);
    EXPECT_EQ(h.conn().pollTimeout(), std::optional<TimeUs>(2 * kSecond)); // not a FIN: no restart
    // A new FIN at RCV.NXT is acknowledged and restarts the timer.
    h.recv(h.seg(kFin | kAck, kRcvNxt + 1, kSndNxt + 1));
    EXPECT_EQ(h.takeOne().flags, kAck);
    EXPECT_EQ(h.conn().pollTimeout(), std::optional<TimeUs>(3 * kSecond));
    EXPECT_EQ(h.state(), TcpState::TimeWait);
}

TEST(Rfc9293_3_10_7_4, PureAckAtRcvNxtInTimeWaitGetsNoAnswer)
{
    // Otherwise two ends in TIME_WAIT would acknowledge each other's ACKs for ever.
    Harness h;
    h.driveTo(TcpState::TimeWait);
    h.recv(h.seg(kAck, kRcvNxt + 1, kSndNxt + 1));
    h.expectNothingSent();
    EXPECT_EQ(h.state(), TcpState::TimeWait);
}

TEST(Rfc9293_3_6_Figure13, DuplicatedAckInASimultaneousCloseEndsQuietly)
{
    test::Pair p;
    p.at(0, [&](TimeUs now) { p.server.conn.listen(now); });
    p.at(0, [&](TimeUs now) { p.client.conn.connect(now, kServerPort); });
    p.at(1 * kSecond, [&](TimeUs now) {
        p.client.conn.close(now);
        p.server.conn.close(now);
    });
    p.runUntil(1060 * kMillisecond); // both in CLOSING, their ACKs on the way
    // Deliver the client's last ACK to the server a second time, after the server is in TIME_WAIT.
    Segment again;
    for (const auto &s : p.log) {
        if (s.fromClient && s.transmit.segment.flags == kAck) again = s.transmit.segment;
    }
    p.runUntil(1200 * kMillisecond);
    ASSERT_EQ(p.server.conn.state(), TcpState::TimeWait);
    const std::size_t before = p.log.size();
    p.server.conn.handleSegment(p.now, again);
    p.pump();
    p.runUntil(10 * kSecond);
    EXPECT_EQ(p.log.size(), before);
    EXPECT_EQ(p.client.conn.state(), TcpState::Closed);
    EXPECT_EQ(p.server.conn.state(), TcpState::Closed);
}

TEST(Rfc9293_3_10_7_4, RstInTimeWaitClosesTheConnection)
{
    // RFC 9293 closes on an acceptable RST in TIME_WAIT; RFC 1337 would ignore it. tcplab follows RFC 9293.
    Harness h;
    h.driveTo(TcpState::TimeWait);
    h.recv(h.seg(kRst, kRcvNxt + 1));
    EXPECT_EQ(h.state(), TcpState::Closed);
    EXPECT_FALSE(h.conn().pollTimeout().has_value());
}

TEST(Rfc9293_3_10_7_1, AfterTimeWaitAStrayFinIsAnsweredWithRst)
{
    Harness h;
    h.driveTo(TcpState::TimeWait);
    h.runUntil(10 * kSecond);
    ASSERT_EQ(h.state(), TcpState::Closed);
    h.recv(h.seg(kFin | kAck, kRcvNxt, kSndNxt + 1));
    const Segment rst = h.takeOne();
    EXPECT_EQ(rst.flags, kRst);
    EXPECT_EQ(rst.seq, kSndNxt + 1);
}

// ---- ABORT ----

TEST(Rfc9293_3_10_5, AbortFromEveryStateEntersClosed)
{
    struct Case {
        TcpState state;
        bool sendsRst;
    };
    const Case cases[] = {
        {TcpState::Listen, false},     {TcpState::SynSent, false}, {TcpState::SynRcvd, true},
        {TcpState::Established, true}, {TcpState::FinWait1, true}, {TcpState::FinWait2, true},
        {TcpState::CloseWait, true},   {TcpState::Closing, false}, {TcpState::LastAck, false},
        {TcpState::TimeWait, false},
    };
    for (const Case &c : cases) {
        Harness h;
        h.driveTo(c.state);
        const std::uint32_t sndNxt = h.conn().sndNxt();
        ASSERT_TRUE(h.abort().ok) << stateName(c.state);
        EXPECT_EQ(h.state(), TcpState::Closed) << stateName(c.state);
        EXPECT_EQ(h.lastChange()->event, TcpEvent::Abort);
        EXPECT_FALSE(h.conn().pollTimeout().has_value()) << stateName(c.state);
        const auto sent = h.take();
        if (c.sendsRst) {
            ASSERT_EQ(sent.size(), 1u) << stateName(c.state);
            EXPECT_EQ(sent[0].flags, kRst) << stateName(c.state); // <SEQ=SND.NXT><CTL=RST>
            EXPECT_EQ(sent[0].seq, sndNxt) << stateName(c.state);
        } else {
            EXPECT_TRUE(sent.empty()) << stateName(c.state);
        }
    }
}

TEST(Rfc9293_3_10_5, AbortWithoutAConnectionFails)
{
    Harness h;
    EXPECT_EQ(h.abort().error, "connection does not exist");
}

TEST(Rfc9293_3_10_5, AbortsRstResetsThePeer)
{
    test::Pair p;
    p.at(0, [&](TimeUs now) { p.server.conn.listen(now); });
    p.at(0, [&](TimeUs now) { p.client.conn.connect(now, kServerPort); });
    p.at(1 * kSecond, [&](TimeUs now) { p.client.conn.abort(now); });
    p.runUntil(2 * kSecond);
    EXPECT_EQ(p.client.conn.state(), TcpState::Closed);
    EXPECT_EQ(p.server.conn.state(), TcpState::Closed);
    ASSERT_EQ(p.server.errors.size(), 1u);
    EXPECT_EQ(p.server.errors[0].kind, ConnectionErrorKind::Reset);
}

TEST(Rfc9293_3_10_7_4, AckOfSynWithFinInSynRcvdGoesStraightToCloseWait)
{
    Harness h;
    h.driveTo(TcpState::SynRcvd);
    h.recv(h.seg(kFin | kAck, kRcvNxt, kSndNxt));
    EXPECT_EQ(h.state(), TcpState::CloseWait);
    EXPECT_EQ(h.lastChange()->from, TcpState::SynRcvd);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RcvFin);
    EXPECT_EQ(h.takeOne().ack, kRcvNxt + 1);
}

} // namespace
} // namespace tcplab
