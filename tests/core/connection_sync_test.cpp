// Segments in the synchronized states (RFC 9293 §3.10.7.4): the acceptability test of Table 6, RST and
// SYN handling with RFC 5961's challenge ACK, half-open connection discovery (§3.5.1), and data transfer:
// delivery, acknowledgment, trimming, out-of-order, windows and zero-window probes.
#include "connection_harness.h"
#include "tcp/rules.h"

#include <gtest/gtest.h>

namespace tcplab {
namespace {

using test::Harness;
using test::kClientPort;
using test::kPeerIsn;
using test::kServerPort;

constexpr std::uint32_t kRcvNxt = kPeerIsn + 1; // after establishAsServer()
constexpr std::uint32_t kSndNxt = 1001;

// ---- Table 6 ----

TEST(Rfc9293_3_10_7_4_Table6, ZeroLengthSegmentInAZeroWindowMustBeAtRcvNxt)
{
    EXPECT_TRUE(rules::segmentAcceptable(100, 0, 100, 0));
    EXPECT_FALSE(rules::segmentAcceptable(101, 0, 100, 0));
    EXPECT_FALSE(rules::segmentAcceptable(99, 0, 100, 0));
}

TEST(Rfc9293_3_10_7_4_Table6, ZeroLengthSegmentMustStartInTheWindow)
{
    EXPECT_TRUE(rules::segmentAcceptable(100, 0, 100, 10));
    EXPECT_TRUE(rules::segmentAcceptable(109, 0, 100, 10));
    EXPECT_FALSE(rules::segmentAcceptable(110, 0, 100, 10));
    EXPECT_FALSE(rules::segmentAcceptable(99, 0, 100, 10)); // a keep-alive probe
}

TEST(Rfc9293_3_10_7_4_Table6, SegmentWithTextIsNeverAcceptableInAZeroWindow)
{
    EXPECT_FALSE(rules::segmentAcceptable(100, 1, 100, 0));
    EXPECT_FALSE(rules::segmentAcceptable(100, 50, 100, 0));
}

TEST(Rfc9293_3_10_7_4_Table6, SegmentWithTextMustStartOrEndInTheWindow)
{
    EXPECT_TRUE(rules::segmentAcceptable(100, 5, 100, 10));  // starts at RCV.NXT
    EXPECT_TRUE(rules::segmentAcceptable(95, 10, 100, 10));  // ends inside (overlap)
    EXPECT_TRUE(rules::segmentAcceptable(105, 20, 100, 10)); // starts inside, ends past
    EXPECT_FALSE(rules::segmentAcceptable(90, 10, 100, 10)); // ends at 99: an old duplicate
    EXPECT_FALSE(rules::segmentAcceptable(110, 5, 100, 10)); // past the window
}

TEST(Rfc9293_3_10_7_4_Table6, AcceptabilityHoldsAcrossTheWrap)
{
    EXPECT_TRUE(rules::segmentAcceptable(0x00000005u, 0, 0xfffffff0u, 0x20));
    EXPECT_TRUE(rules::segmentAcceptable(0xffffffe0u, 0x20, 0xfffffff0u, 0x20)); // ends at 0xffffffff
    EXPECT_FALSE(rules::segmentAcceptable(0x00000010u, 0, 0xfffffff0u, 0x20));
}

// ---- first: the sequence number ----

TEST(Rfc9293_3_10_7_4, UnacceptableSegmentInEstablishedGetsEmptyAck)
{
    Harness h;
    h.establishAsServer();
    const std::size_t eventsBefore = h.ep.changes.size();
    h.recv(h.seg(kAck, kRcvNxt + 65535, kSndNxt, "beyond")); // just past the window
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.seq, kSndNxt);
    EXPECT_EQ(ack.ack, kRcvNxt);
    EXPECT_TRUE(ack.payload.empty());
    EXPECT_EQ(h.conn().rcvNxt(), kRcvNxt);
    EXPECT_EQ(h.ep.delivered, "");
    EXPECT_EQ(h.state(), TcpState::Established);
    EXPECT_EQ(h.ep.changes.size(), eventsBefore);
    ASSERT_EQ(h.discards().size(), 1u);
    EXPECT_EQ(h.discards()[0].reason, "not acceptable: outside the window");
    EXPECT_EQ(h.discards()[0].rfc, "RFC 9293 §3.10.7.4");
}

TEST(Rfc9293_3_10_7_4, OldDuplicateDataGetsEmptyAck)
{
    Harness h;
    h.establishAsServer();
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt, "hello"));
    h.take();
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt, "hello")); // retransmitted: all below RCV.NXT
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.ack, kRcvNxt + 5);
    EXPECT_EQ(h.ep.delivered, "hello");
}

// ---- second: the RST bit ----

TEST(Rfc9293_3_10_7_4, RstOutsideTheWindowIsDroppedSilently)
{
    Harness h;
    h.establishAsServer();
    h.recv(h.seg(kRst, kRcvNxt - 1));
    h.recv(h.seg(kRst, kRcvNxt + 70000));
    h.expectNothingSent();
    EXPECT_EQ(h.state(), TcpState::Established);
}

TEST(Rfc9293_3_10_7_4, RstAtRcvNxtResetsTheConnection)
{
    Harness h;
    h.establishAsServer();
    h.send("unsent?");
    h.take();
    h.recv(h.seg(kRst, kRcvNxt));
    EXPECT_EQ(h.state(), TcpState::Closed);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RcvRst);
    ASSERT_EQ(h.ep.errors.size(), 1u);
    EXPECT_EQ(h.ep.errors[0].kind, ConnectionErrorKind::Reset);
    h.expectNothingSent();
    EXPECT_FALSE(h.conn().pollTimeout().has_value()); // the RTO of the data is gone
}

TEST(Rfc5961_3_2, InWindowRstNotAtRcvNxtGetsAChallengeAck)
{
    // RFC 9293 §3.10.7.4 allows RFC 5961's mitigation; tcplab uses it.
    Harness h;
    h.establishAsServer();
    h.recv(h.seg(kRst, kRcvNxt + 100));
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.seq, kSndNxt);
    EXPECT_EQ(ack.ack, kRcvNxt);
    EXPECT_EQ(h.state(), TcpState::Established);
    ASSERT_EQ(h.discards().size(), 1u);
    EXPECT_EQ(h.discards()[0].rfc, "RFC 5961 §3.2");
}

TEST(Rfc9293_3_10_7_4, RstResetsEverySynchronizedState)
{
    for (TcpState s : {TcpState::Established, TcpState::FinWait1, TcpState::FinWait2, TcpState::CloseWait,
                       TcpState::Closing, TcpState::LastAck, TcpState::TimeWait}) {
        Harness h;
        h.driveTo(s);
        h.recv(h.seg(kRst, h.conn().rcvNxt()));
        EXPECT_EQ(h.state(), TcpState::Closed) << stateName(s);
        EXPECT_EQ(h.lastChange()->event, TcpEvent::RcvRst) << stateName(s);
        // The user hears "connection reset" where it still waits for something (§3.10.7.4 second).
        const bool told = s == TcpState::Established || s == TcpState::FinWait1 || s == TcpState::FinWait2 ||
                          s == TcpState::CloseWait;
        EXPECT_EQ(h.ep.errors.size(), told ? 1u : 0u) << stateName(s);
        h.expectNothingSent(std::string(stateName(s)).c_str());
    }
}

// ---- fourth: the SYN bit ----

TEST(Rfc5961_4_2, SynInEstablishedGetsAChallengeAckAndChangesNothing)
{
    Harness h;
    h.establishAsServer();
    h.recv(h.seg(kSyn, kRcvNxt + 10)); // in the window
    Segment ack = h.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.seq, kSndNxt);
    EXPECT_EQ(ack.ack, kRcvNxt);
    EXPECT_EQ(h.state(), TcpState::Established);
    EXPECT_EQ(h.conn().rcvNxt(), kRcvNxt);
    EXPECT_EQ(h.discards().back().rfc, "RFC 5961 §4.2");
    h.recv(h.seg(kSyn, 12345678)); // outside: the first step ACKs it the same way
    ack = h.takeOne();
    EXPECT_EQ(ack.ack, kRcvNxt);
    EXPECT_EQ(h.state(), TcpState::Established);
}

TEST(Rfc5961_4_2, SynInTimeWaitGetsAChallengeAck)
{
    Harness h;
    h.driveTo(TcpState::TimeWait);
    h.recv(h.seg(kSyn, h.conn().rcvNxt() + 1000));
    EXPECT_EQ(h.takeOne().flags, kAck);
    EXPECT_EQ(h.state(), TcpState::TimeWait);
}

// ---- §3.5.1 half-open connections ----

TEST(Rfc9293_3_5_1_Figure9, HalfOpenConnectionIsDiscoveredWhenTheCrashedSideReconnects)
{
    Harness a(teachingProfile(400), kClientPort, kServerPort); // crashed, now CLOSED
    Harness b(teachingProfile(300), kServerPort, kClientPort); // still ESTABLISHED (receive 100)
    b.establishAsServer(99);
    // 3. A sends <SEQ=400><CTL=SYN>.
    a.connect();
    b.recv(a.takeOne());
    // 4. B answers with an ACK: <SEQ=301><ACK=100><CTL=ACK> (challenge ACK, RFC 5961 §4).
    const Segment ack = b.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.seq, 301u);
    EXPECT_EQ(ack.ack, 100u);
    EXPECT_EQ(b.state(), TcpState::Established);
    // 5. A sees an ACK for nothing it sent: <SEQ=100><CTL=RST>; B aborts.
    a.recv(ack);
    const Segment rst = a.takeOne();
    EXPECT_EQ(rst.flags, kRst);
    EXPECT_EQ(rst.seq, 100u);
    EXPECT_EQ(a.state(), TcpState::SynSent);
    b.recv(rst);
    EXPECT_EQ(b.state(), TcpState::Closed);
    EXPECT_EQ(b.ep.errors.at(0).kind, ConnectionErrorKind::Reset);
    // 7. A's SYN goes again on its retransmission timer.
    a.runUntil(1 * kSecond);
    const Segment again = a.takeOne();
    EXPECT_EQ(again.flags, kSyn);
    EXPECT_EQ(again.seq, 400u);
}

TEST(Rfc9293_3_5_1_Figure10, DataToACrashedPeerIsAnsweredWithRst)
{
    Harness a(teachingProfile(100), kClientPort, kServerPort); // rebooted: no TCB
    Harness b(teachingProfile(299), kServerPort, kClientPort); // send 300, receive 100
    b.establishAsServer(99);
    b.send("ABC");
    const Segment data = b.takeOne();
    EXPECT_EQ(data.seq, 300u);
    EXPECT_EQ(data.ack, 100u);
    a.recv(data);
    const Segment rst = a.takeOne();
    EXPECT_EQ(rst.flags, kRst);
    EXPECT_EQ(rst.seq, 100u);
    b.recv(rst);
    EXPECT_EQ(b.state(), TcpState::Closed);
}

// ---- fifth: the ACK field ----

TEST(Rfc9293_3_10_7_4, AckOfUnsentDataGetsAnAckAndIsDropped)
{
    Harness h;
    h.establishAsServer();
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 50, "data"));
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.ack, kRcvNxt); // the data was dropped with it
    EXPECT_EQ(h.conn().sndUna(), kSndNxt);
    EXPECT_EQ(h.ep.delivered, "");
}

TEST(Rfc9293_3_10_7_4, SegmentWithoutAckIsDropped)
{
    Harness h;
    h.establishAsServer();
    h.recv(h.seg(kPsh, kRcvNxt, 0, "data"));
    h.expectNothingSent();
    EXPECT_EQ(h.ep.delivered, "");
    EXPECT_EQ(h.conn().rcvNxt(), kRcvNxt);
    EXPECT_EQ(h.discards().back().reason, "no ACK bit");
}

TEST(Rfc9293_3_10_7_4, CumulativeAckRemovesAcknowledgedData)
{
    Harness h;
    h.establishAsServer();
    h.send("0123456789");
    h.take();
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 4));
    EXPECT_EQ(h.conn().sndUna(), kSndNxt + 4);
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 2)); // an old ACK: ignored
    EXPECT_EQ(h.conn().sndUna(), kSndNxt + 4);
    h.expectNothingSent();
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 10));
    EXPECT_EQ(h.conn().sndUna(), kSndNxt + 10);
    EXPECT_FALSE(h.conn().pollTimeout().has_value());
}

TEST(Rfc9293_3_10_7_4, SendWindowIsTakenOnlyFromNewerSegments)
{
    // SND.WL1/SND.WL2: a reordered older segment must not shrink or grow the window.
    Harness h;
    h.establishAsServer();
    // The peer sent "ab" with window 5, then an ACK with window 100; they arrive in the other order.
    h.recv(h.seg(kAck, kRcvNxt + 2, kSndNxt, {}, 100)); // SND.WL1 <- kRcvNxt+2
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt, "ab", 5));     // SEG.SEQ < SND.WL1: its window is stale
    h.take();
    h.send(std::string(300, 'z'));
    const auto sent = h.take();
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].payload.size(), 100u);
}

// ---- seventh: the segment text ----

TEST(Rfc9293_3_10_7_4, DataIsDeliveredAndAcknowledgedAtOnce)
{
    Harness h;
    h.establishAsServer();
    h.recv(h.seg(kAck | kPsh, kRcvNxt, kSndNxt, "hello"));
    EXPECT_EQ(h.ep.delivered, "hello");
    const Segment ack = h.takeOne(); // no delayed ACK
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.seq, kSndNxt);
    EXPECT_EQ(ack.ack, kRcvNxt + 5);
    EXPECT_EQ(ack.window, 65535);
    EXPECT_EQ(h.conn().rcvNxt(), kRcvNxt + 5);
}

TEST(Rfc9293_3_10_7_4, OutOfOrderDataIsDroppedAndRcvNxtAcknowledgedAgain)
{
    Harness h;
    h.establishAsServer();
    h.recv(h.seg(kAck, kRcvNxt + 5, kSndNxt, "world"));
    EXPECT_EQ(h.ep.delivered, "");
    EXPECT_EQ(h.takeOne().ack, kRcvNxt);
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt, "hello"));
    EXPECT_EQ(h.takeOne().ack, kRcvNxt + 5);
    EXPECT_EQ(h.ep.delivered, "hello"); // "world" must come again
}

TEST(Rfc9293_3_10_7_4, OverlappingRetransmissionIsTrimmedToTheNewOctets)
{
    Harness h;
    h.establishAsServer();
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt, "hello"));
    h.take();
    h.recv(h.seg(kAck, kRcvNxt + 2, kSndNxt, "lloworld"));
    EXPECT_EQ(h.ep.delivered, "helloworld");
    EXPECT_EQ(h.takeOne().ack, kRcvNxt + 10);
}

TEST(Rfc9293_3_10_7_4, TextBeyondTheReceiveWindowIsCutOff)
{
    EndpointConfig config = teachingProfile(1000);
    config.receiveBuffer = 10;
    config.autoRead = false;
    Harness h(config);
    h.establishAsServer();
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt, "0123456789ABCDE"));
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.ack, kRcvNxt + 10);
    EXPECT_EQ(ack.window, 0); // advertised window = buffer - unread
    EXPECT_EQ(h.conn().rcvWnd(), 0u);
    EXPECT_EQ(h.ep.delivered, ""); // not read yet
    // Reading opens the window, and the opened window is announced.
    EXPECT_EQ(h.receive(4), "0123");
    EXPECT_EQ(h.ep.delivered, "0123");
    const Segment update = h.takeOne();
    EXPECT_EQ(update.flags, kAck);
    EXPECT_EQ(update.window, 4);
    EXPECT_EQ(h.receive(100), "456789");
}

TEST(Rfc9293_3_10_7_4, ZeroReceiveWindowStillTakesAcks)
{
    // "If the RCV.WND is zero, no segments will be acceptable, but special allowance should be made to
    // accept valid ACKs, URGs, and RSTs."
    EndpointConfig config = teachingProfile(1000);
    config.receiveBuffer = 4;
    config.autoRead = false;
    Harness h(config);
    h.establishAsServer();
    h.send("ping");
    h.take();
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt, "full"));
    h.take();
    ASSERT_EQ(h.conn().rcvWnd(), 0u);
    h.recv(h.seg(kAck, kRcvNxt + 4, kSndNxt + 4, "more")); // acknowledges "ping", text cannot fit
    EXPECT_EQ(h.conn().sndUna(), kSndNxt + 4);
    EXPECT_EQ(h.conn().rcvNxt(), kRcvNxt + 4);
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.ack, kRcvNxt + 4);
    EXPECT_EQ(ack.window, 0);
}

TEST(Rfc9293_3_10_7_4, DataInCloseWaitIsIgnored)
{
    // "seventh ... CLOSE-WAIT: This should not occur since a FIN has been received from the remote side.
    // Ignore the segment text."
    Harness h;
    h.driveTo(TcpState::CloseWait);
    h.recv(h.seg(kAck, kRcvNxt + 1, kSndNxt, "late"));
    EXPECT_EQ(h.ep.delivered, "");
    EXPECT_EQ(h.conn().rcvNxt(), kRcvNxt + 1);
    EXPECT_EQ(h.state(), TcpState::CloseWait);
    EXPECT_EQ(h.discards().back().reason, "text after the peer's FIN ignored");
}

TEST(Rfc9293_3_10_7_4, FinWait2StillReceivesData)
{
    Harness h;
    h.driveTo(TcpState::FinWait2);
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 1, "rest"));
    EXPECT_EQ(h.ep.delivered, "rest");
    EXPECT_EQ(h.takeOne().ack, kRcvNxt + 4);
    EXPECT_EQ(h.state(), TcpState::FinWait2);
}

// ---- sending ----

TEST(Rfc9293_3_10_2, SendBeforeEstablishedIsQueuedUntilTheHandshakeCompletes)
{
    Harness h(teachingProfile(1000), kClientPort, kServerPort);
    h.connect();
    ASSERT_TRUE(h.send("early").ok);
    EXPECT_EQ(h.take().size(), 1u); // only the SYN
    EXPECT_EQ(h.conn().unsentBytes(), 5u);
    h.recv(h.seg(kSyn | kAck, kPeerIsn, 1001));
    const Segment third = h.takeOne(); // the handshake's ACK carries the data
    EXPECT_EQ(third.flags, kPsh | kAck);
    EXPECT_EQ(third.seq, 1001u);
    EXPECT_EQ(third.ack, kPeerIsn + 1);
    EXPECT_EQ(test::text(third.payload), "early");
}

TEST(Rfc9293_3_9_1, PshOnlyWhenTheSendAsksForIt)
{
    Harness h;
    h.establishAsServer();
    h.send("a", false);
    EXPECT_EQ(h.takeOne().flags, kAck);
    h.send("b", true);
    EXPECT_EQ(h.takeOne().flags, kPsh | kAck);
}

TEST(Rfc9293_3_8_6_1, SenderRespectsTheWindowAndProbesWhenItIsZero)
{
    Harness h;
    h.establishAsServer(kPeerIsn, 100);
    h.send(std::string(250, 'x'));
    auto sent = h.take();
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].payload.size(), 100u); // SND.WND = 100
    // The peer takes it and closes its window.
    h.now = 100 * kMillisecond;
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 100, {}, 0));
    h.expectNothingSent("zero window");
    // The persist timer runs on the RTO (1 s); its expiry sends a one-octet probe.
    EXPECT_EQ(h.conn().pollTimeout(), std::optional<TimeUs>(1100 * kMillisecond));
    h.fireNext();
    Segment probe = h.takeOne();
    EXPECT_EQ(probe.seq, kSndNxt + 100);
    EXPECT_EQ(probe.payload.size(), 1u);
    // The peer still has no room: it answers with an ACK of the same point; probing backs off.
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 100, {}, 0));
    h.expectNothingSent("answered probe");
    EXPECT_EQ(h.conn().pollTimeout(), std::optional<TimeUs>(1100 * kMillisecond + 2 * kSecond));
    h.fireNext();
    probe = h.takeOne();
    EXPECT_EQ(probe.seq, kSndNxt + 100);
    // Many answered probes never give up (the retry limit counts unanswered ones).
    for (int i = 0; i < 10; ++i) {
        h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 100, {}, 0));
        h.fireNext();
        h.take();
    }
    EXPECT_EQ(h.state(), TcpState::Established);
    // The window opens: the rest goes, starting again at the probed octet.
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 100, {}, 1000));
    sent = h.take();
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].seq, kSndNxt + 100);
    EXPECT_EQ(sent[0].payload.size(), 150u);
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 250, {}, 1000));
    EXPECT_FALSE(h.conn().pollTimeout().has_value());
}

TEST(Rfc9293_3_10_7_1, SegmentForAnotherPortPairIsAnsweredAsClosed)
{
    Harness h;
    h.establishAsServer();
    Segment stray = h.seg(kAck, 1, 2, "x");
    stray.srcPort = 41000; // another client
    h.recv(stray);
    const Segment rst = h.takeOne();
    EXPECT_EQ(rst.flags, kRst);
    EXPECT_EQ(rst.seq, 2u);
    EXPECT_EQ(rst.dstPort, 41000);
    EXPECT_EQ(h.state(), TcpState::Established);
}

} // namespace
} // namespace tcplab
