// Opening a connection: the OPEN call (RFC 9293 §3.10.1), segments arriving in CLOSED, LISTEN, SYN_SENT and
// SYN_RCVD (§3.10.7.1–§3.10.7.4), simultaneous open (§3.5 Figure 7), old duplicate SYNs (§3.5 Figure 8).
#include "connection_harness.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tcplab {
namespace {

using test::Harness;
using test::kClientPort;
using test::kPeerIsn;
using test::kServerPort;

// ---- §3.10.1 OPEN ----

TEST(Rfc9293_3_10_1, ConnectSendsSynWithMssAndEntersSynSent)
{
    Harness h(teachingProfile(1000), kClientPort, kServerPort);
    ASSERT_TRUE(h.connect().ok);
    EXPECT_EQ(h.state(), TcpState::SynSent);
    const Segment syn = h.takeOne();
    EXPECT_EQ(syn.flags, kSyn);
    EXPECT_EQ(syn.seq, 1000u);
    EXPECT_EQ(syn.ack, 0u);
    EXPECT_EQ(syn.srcPort, kClientPort);
    EXPECT_EQ(syn.dstPort, kServerPort);
    EXPECT_EQ(syn.window, 65535);
    EXPECT_EQ(syn.mss, std::optional<std::uint16_t>(536));
    EXPECT_EQ(h.conn().sndUna(), 1000u);
    EXPECT_EQ(h.conn().sndNxt(), 1001u);
    EXPECT_EQ(h.conn().pollTimeout(), std::optional<TimeUs>(1 * kSecond)); // RFC 6298 §2.1
}

TEST(Rfc9293_3_10_1, OpenOnAnOpenConnectionFails)
{
    Harness h;
    ASSERT_TRUE(h.listen().ok);
    const CallResult again = h.listen();
    EXPECT_FALSE(again.ok);
    EXPECT_EQ(again.error, "connection already exists");
    Harness e;
    e.establishAsServer();
    EXPECT_EQ(e.connect().error, "connection already exists");
    EXPECT_EQ(e.state(), TcpState::Established);
}

TEST(Rfc9293_3_10_1, ActiveOpenFromListenBecomesAnActiveConnection)
{
    Harness h;
    h.listen();
    ASSERT_TRUE(h.connect().ok);
    EXPECT_EQ(h.state(), TcpState::SynSent);
    EXPECT_FALSE(h.conn().passiveOpen());
    EXPECT_EQ(h.takeOne().flags, kSyn);
}

TEST(Rfc9293_3_10_2, SendWithoutAConnectionFails)
{
    Harness h;
    EXPECT_EQ(h.send("x").error, "connection does not exist");
    h.listen();
    EXPECT_EQ(h.send("x").error, "foreign socket unspecified");
    EXPECT_EQ(h.state(), TcpState::Listen);
    h.expectNothingSent();
}

// ---- §3.10.7.1 CLOSED ----

TEST(Rfc9293_3_10_7_1, ClosedAnswersAnAckWithRstAtSegAck)
{
    Harness h;
    h.recv(h.seg(kAck, 300, 777, "data"));
    const Segment rst = h.takeOne();
    EXPECT_EQ(rst.flags, kRst);
    EXPECT_EQ(rst.seq, 777u);
    EXPECT_EQ(rst.ack, 0u);
    EXPECT_EQ(rst.srcPort, kServerPort);
    EXPECT_EQ(rst.dstPort, kClientPort);
    EXPECT_EQ(h.state(), TcpState::Closed);
    ASSERT_EQ(h.discards().size(), 1u);
    EXPECT_EQ(h.discards()[0].rfc, "RFC 9293 §3.10.7.1");
}

TEST(Rfc9293_3_10_7_1, ClosedAnswersANonAckWithRstAckCoveringTheSegment)
{
    Harness h;
    h.recv(h.seg(kSyn, 300, 0, "abc")); // SEG.LEN = 1 + 3
    const Segment rst = h.takeOne();
    EXPECT_EQ(rst.flags, kRst | kAck);
    EXPECT_EQ(rst.seq, 0u);
    EXPECT_EQ(rst.ack, 304u);
}

TEST(Rfc9293_3_10_7_1, ClosedIgnoresRst)
{
    Harness h;
    h.recv(h.seg(kRst, 300));
    h.recv(h.seg(kRst | kAck, 300, 5));
    h.expectNothingSent();
    EXPECT_EQ(h.discards().size(), 2u);
}

// ---- §3.10.7.2 LISTEN ----

TEST(Rfc9293_3_10_7_2, ListenIgnoresRst)
{
    Harness h;
    h.listen();
    h.recv(h.seg(kRst, 300));
    h.expectNothingSent();
    EXPECT_EQ(h.state(), TcpState::Listen);
}

TEST(Rfc9293_3_10_7_2, AckInListenGetsRstAtSegAck)
{
    Harness h;
    h.listen();
    h.recv(h.seg(kAck, 300, 4242));
    const Segment rst = h.takeOne();
    EXPECT_EQ(rst.flags, kRst);
    EXPECT_EQ(rst.seq, 4242u);
    EXPECT_EQ(h.state(), TcpState::Listen);
    // A SYN,ACK is an ACK too.
    h.recv(h.seg(kSyn | kAck, 300, 17));
    EXPECT_EQ(h.takeOne().seq, 17u);
    EXPECT_EQ(h.state(), TcpState::Listen);
}

TEST(Rfc9293_3_10_7_2, SynInListenGetsSynAckAndEntersSynRcvd)
{
    Harness h;
    h.listen();
    Segment syn = h.seg(kSyn, kPeerIsn, 0, {}, 8192);
    syn.mss = 1460;
    h.recv(syn);
    EXPECT_EQ(h.state(), TcpState::SynRcvd);
    const Segment synAck = h.takeOne();
    EXPECT_EQ(synAck.flags, kSyn | kAck);
    EXPECT_EQ(synAck.seq, 1000u);
    EXPECT_EQ(synAck.ack, kPeerIsn + 1);
    EXPECT_EQ(synAck.dstPort, kClientPort);
    EXPECT_EQ(synAck.mss, std::optional<std::uint16_t>(536));
    EXPECT_EQ(h.conn().irs(), kPeerIsn);
    EXPECT_EQ(h.conn().rcvNxt(), kPeerIsn + 1);
    EXPECT_EQ(h.conn().remotePort(), kClientPort);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RcvSyn);
    EXPECT_EQ(h.lastChange()->rfc, "RFC 9293 §3.10.7.2");
    EXPECT_EQ(h.deadline(TimerKind::Retransmission), std::optional<TimeUs>(1 * kSecond));
}

TEST(Rfc9293_3_10_7_2, SegmentWithoutSynAckOrRstInListenIsDropped)
{
    Harness h;
    h.listen();
    h.recv(h.seg(kFin, 300));
    h.recv(h.seg(0, 300, 0, "data"));
    h.expectNothingSent();
    EXPECT_EQ(h.state(), TcpState::Listen);
    EXPECT_EQ(h.discards().size(), 2u);
}

TEST(Rfc9293_3_10_7_2, TextOnASynIsHeldUntilTheHandshakeCompletes)
{
    // "Any other control or text should be queued for processing later."
    Harness h;
    h.listen();
    h.recv(h.seg(kSyn, kPeerIsn, 0, "early"));
    EXPECT_EQ(h.takeOne().ack, kPeerIsn + 1); // only the SYN is acknowledged yet
    EXPECT_EQ(h.ep.delivered, "");
    h.recv(h.seg(kAck, kPeerIsn + 1, 1001));
    EXPECT_EQ(h.state(), TcpState::Established);
    EXPECT_EQ(h.ep.delivered, "early");
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.ack, kPeerIsn + 1 + 5);
    // The peer's retransmission of the same text is now a duplicate.
    h.recv(h.seg(kAck | kPsh, kPeerIsn + 1, 1001, "early"));
    EXPECT_EQ(h.ep.delivered, "early");
    EXPECT_EQ(h.takeOne().ack, kPeerIsn + 1 + 5);
}

TEST(Rfc9293_3_10_7_3, TextOnASimultaneousSynIsDeliveredAfterTheHandshake)
{
    Harness h(teachingProfile(1000), kClientPort, kServerPort);
    h.connect();
    h.take();
    h.recv(h.seg(kSyn, kPeerIsn, 0, "abc"));
    EXPECT_EQ(h.takeOne().ack, kPeerIsn + 1);
    EXPECT_EQ(h.ep.delivered, "");
    h.recv(h.seg(kAck, kPeerIsn + 4, 1001)); // the peer's ACK, after its three octets
    EXPECT_EQ(h.state(), TcpState::Established);
    EXPECT_EQ(h.ep.delivered, "abc");
    EXPECT_EQ(h.takeOne().ack, kPeerIsn + 4);
}

// ---- §3.10.7.3 SYN_SENT ----

TEST(Rfc9293_3_10_7_3, SynAckCompletesTheHandshakeWithAnAck)
{
    Harness h(teachingProfile(1000), kClientPort, kServerPort);
    h.connect();
    h.take();
    h.now = 120 * kMillisecond;
    Segment synAck = h.seg(kSyn | kAck, kPeerIsn, 1001, {}, 4000);
    synAck.mss = 100;
    h.recv(synAck);
    EXPECT_EQ(h.state(), TcpState::Established);
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.seq, 1001u);
    EXPECT_EQ(ack.ack, kPeerIsn + 1);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RcvSynAck);
    EXPECT_FALSE(h.conn().pollTimeout().has_value()); // RFC 6298 §5.2: nothing outstanding
    EXPECT_EQ(h.conn().rto().srtt(), std::optional<TimeUs>(120 * kMillisecond));
    // The peer's MSS (100) and window (4000) now bound what is sent.
    h.send(std::string(250, 'a'));
    const auto data = h.take();
    ASSERT_EQ(data.size(), 3u);
    EXPECT_EQ(data[0].payload.size(), 100u);
    EXPECT_EQ(data[2].payload.size(), 50u);
}

TEST(Rfc9293_3_10_7_3, TextAndFinOnASynAckAreProcessedAfterEstablishing)
{
    // "If there are other controls or text in the segment, then continue processing at the sixth step".
    Harness h(teachingProfile(1000), kClientPort, kServerPort);
    h.connect();
    h.take();
    h.recv(h.seg(kSyn | kAck | kFin, kPeerIsn, 1001, "hi"));
    EXPECT_EQ(h.ep.delivered, "hi");
    EXPECT_EQ(test::statesVisited(h.ep),
              (std::vector{TcpState::SynSent, TcpState::Established, TcpState::CloseWait}));
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.ack, kPeerIsn + 1 + 2 + 1); // SYN, "hi", FIN
}

TEST(Rfc9293_3_10_7_3, UnacceptableAckInSynSentGetsRst)
{
    Harness h(teachingProfile(1000), kClientPort, kServerPort);
    h.connect();
    h.take();
    h.recv(h.seg(kAck, kPeerIsn, 1000)); // SEG.ACK =< ISS
    Segment rst = h.takeOne();
    EXPECT_EQ(rst.flags, kRst);
    EXPECT_EQ(rst.seq, 1000u);
    h.recv(h.seg(kSyn | kAck, kPeerIsn, 1002)); // SEG.ACK > SND.NXT
    rst = h.takeOne();
    EXPECT_EQ(rst.flags, kRst);
    EXPECT_EQ(rst.seq, 1002u);
    EXPECT_EQ(h.state(), TcpState::SynSent);
}

TEST(Rfc9293_3_10_7_3, RstWithAnUnacceptableAckInSynSentIsIgnored)
{
    Harness h(teachingProfile(1000), kClientPort, kServerPort);
    h.connect();
    h.take();
    h.recv(h.seg(kRst | kAck, 0, 5));
    h.expectNothingSent();
    EXPECT_EQ(h.state(), TcpState::SynSent);
}

TEST(Rfc9293_3_5_3, RstWithoutAckInSynSentIsIgnored)
{
    // §3.5.3: in SYN_SENT a RST is acceptable only if its ACK acknowledges the SYN.
    Harness h(teachingProfile(1000), kClientPort, kServerPort);
    h.connect();
    h.take();
    h.recv(h.seg(kRst, 0));
    h.expectNothingSent();
    EXPECT_EQ(h.state(), TcpState::SynSent);
}

TEST(Rfc9293_3_10_7_3, RstAckingOurSynRefusesTheConnection)
{
    Harness h(teachingProfile(1000), kClientPort, kServerPort);
    h.connect();
    h.take();
    h.recv(h.seg(kRst | kAck, 0, 1001)); // what a CLOSED port answers (§3.10.7.1)
    EXPECT_EQ(h.state(), TcpState::Closed);
    h.expectNothingSent();
    ASSERT_EQ(h.ep.errors.size(), 1u);
    EXPECT_EQ(h.ep.errors[0].kind, ConnectionErrorKind::Refused);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RcvRst);
    EXPECT_FALSE(h.conn().pollTimeout().has_value());
}

TEST(Rfc9293_3_10_7_3, AcceptableAckWithoutSynInSynSentIsDropped)
{
    Harness h(teachingProfile(1000), kClientPort, kServerPort);
    h.connect();
    h.take();
    h.recv(h.seg(kAck, kPeerIsn, 1001));
    h.expectNothingSent();
    EXPECT_EQ(h.state(), TcpState::SynSent);
}

TEST(Rfc9293_3_10_7_3, SynInSynSentIsASimultaneousOpen)
{
    Harness h(teachingProfile(1000), kClientPort, kServerPort);
    h.connect();
    h.take();
    h.recv(h.seg(kSyn, kPeerIsn));
    EXPECT_EQ(h.state(), TcpState::SynRcvd);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RcvSyn);
    const Segment synAck = h.takeOne();
    EXPECT_EQ(synAck.flags, kSyn | kAck);
    EXPECT_EQ(synAck.seq, 1000u); // our ISS again
    EXPECT_EQ(synAck.ack, kPeerIsn + 1);
    EXPECT_EQ(h.conn().sndNxt(), 1001u);
    // Figure 7 line 6: the peer's SYN,ACK completes it with no further segment.
    h.recv(h.seg(kSyn | kAck, kPeerIsn, 1001));
    EXPECT_EQ(h.state(), TcpState::Established);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RcvSynAck);
    h.expectNothingSent();
}

TEST(Rfc9293_3_10_7_3, SynRetransmittedInSimultaneousOpenIsASynAck)
{
    Harness h(teachingProfile(1000), kClientPort, kServerPort);
    h.connect();
    h.take();
    h.recv(h.seg(kSyn, kPeerIsn));
    h.take();
    h.runUntil(1 * kSecond); // the SYN's RTO, started at 0
    const Segment again = h.takeOne();
    EXPECT_EQ(again.flags, kSyn | kAck);
    EXPECT_EQ(again.seq, 1000u);
    EXPECT_TRUE(h.lastTaken[0].retransmission);
}

TEST(Rfc9293_3_5_Figure7, SimultaneousOpenBetweenTwoEndpoints)
{
    test::Pair p;
    p.at(0, [&](TimeUs now) {
        p.client.conn.connect(now, kServerPort);
        p.server.conn.connect(now, kClientPort);
    });
    p.runUntil(5 * kSecond);
    EXPECT_EQ(p.client.conn.state(), TcpState::Established);
    EXPECT_EQ(p.server.conn.state(), TcpState::Established);
    // Both sides act at the same instants, so only the set of segments is fixed, not their order.
    auto sent = p.describe();
    std::sort(sent.begin(), sent.end());
    EXPECT_EQ(sent, (std::vector<std::string>{"C>SYN 1000:0 len 0", "C>SYN|ACK 1000:5001 len 0",
                                              "S>SYN 5000:0 len 0", "S>SYN|ACK 5000:1001 len 0"}));
    const std::vector states{TcpState::SynSent, TcpState::SynRcvd, TcpState::Established};
    EXPECT_EQ(test::statesVisited(p.client), states);
    EXPECT_EQ(test::statesVisited(p.server), states);
}

// ---- §3.10.7.4 in SYN_RCVD ----

TEST(Rfc9293_3_10_7_4, AckOfSynInSynRcvdEstablishesAndTakesTheSendWindow)
{
    Harness h;
    h.listen();
    h.recv(h.seg(kSyn, kPeerIsn, 0, {}, 65535));
    h.take();
    h.recv(h.seg(kAck, kPeerIsn + 1, 1001, {}, 10));
    EXPECT_EQ(h.state(), TcpState::Established);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RcvAckOfSyn);
    h.expectNothingSent();
    EXPECT_FALSE(h.conn().pollTimeout().has_value());
    h.send("0123456789abc");
    const auto sent = h.take();
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].payload.size(), 10u); // SND.WND = SEG.WND = 10
}

TEST(Rfc9293_3_10_7_4, UnacceptableAckInSynRcvdGetsRst)
{
    Harness h;
    h.listen();
    h.recv(h.seg(kSyn, kPeerIsn));
    h.take();
    h.recv(h.seg(kAck, kPeerIsn + 1, 5555));
    const Segment rst = h.takeOne();
    EXPECT_EQ(rst.flags, kRst);
    EXPECT_EQ(rst.seq, 5555u);
    EXPECT_EQ(h.state(), TcpState::SynRcvd);
}

TEST(Rfc9293_3_10_7_4, SegmentWithoutAckInSynRcvdIsDropped)
{
    Harness h;
    h.listen();
    h.recv(h.seg(kSyn, kPeerIsn));
    h.take();
    h.recv(h.seg(0, kPeerIsn + 1, 0, "data"));
    h.expectNothingSent();
    EXPECT_EQ(h.state(), TcpState::SynRcvd);
    EXPECT_EQ(h.conn().rcvNxt(), kPeerIsn + 1);
}

TEST(Rfc9293_3_10_7_4, DataWithTheHandshakeAckIsDelivered)
{
    Harness h;
    h.listen();
    h.recv(h.seg(kSyn, kPeerIsn));
    h.take();
    h.recv(h.seg(kAck | kPsh, kPeerIsn + 1, 1001, "GET /"));
    EXPECT_EQ(h.state(), TcpState::Established);
    EXPECT_EQ(h.ep.delivered, "GET /");
    EXPECT_EQ(h.takeOne().ack, kPeerIsn + 1 + 5);
}

TEST(Rfc9293_3_10_7_4, RstInSynRcvdFromAPassiveOpenReturnsToListen)
{
    Harness h;
    h.listen();
    h.recv(h.seg(kSyn, kPeerIsn));
    h.take();
    h.recv(h.seg(kRst, kPeerIsn + 1));
    EXPECT_EQ(h.state(), TcpState::Listen);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RcvRst);
    EXPECT_TRUE(h.ep.errors.empty()); // the user is not told: the listen goes on
    EXPECT_FALSE(h.conn().pollTimeout().has_value());
    EXPECT_EQ(h.conn().remotePort(), 0);
    h.expectNothingSent();
    // And the listening connection takes the next SYN.
    h.recv(h.seg(kSyn, 9000));
    EXPECT_EQ(h.state(), TcpState::SynRcvd);
    EXPECT_EQ(h.takeOne().ack, 9001u);
}

TEST(Rfc9293_3_10_7_4, RstInSynRcvdFromAnActiveOpenRefusesTheConnection)
{
    Harness h(teachingProfile(1000), kClientPort, kServerPort);
    h.connect();
    h.recv(h.seg(kSyn, kPeerIsn));
    h.take();
    h.recv(h.seg(kRst, kPeerIsn + 1));
    EXPECT_EQ(h.state(), TcpState::Closed);
    ASSERT_EQ(h.ep.errors.size(), 1u);
    EXPECT_EQ(h.ep.errors[0].kind, ConnectionErrorKind::Refused);
    EXPECT_EQ(h.ep.errors[0].message, "connection refused");
}

TEST(Rfc9293_3_10_7_4, SynInSynRcvdFromAPassiveOpenReturnsToListen)
{
    // "fourth, check the SYN bit: SYN-RECEIVED STATE: If the connection was initiated with a passive OPEN,
    // then return this connection to the LISTEN state and return." No RST is sent.
    Harness h;
    h.listen();
    h.recv(h.seg(kSyn, kPeerIsn));
    h.take();
    h.recv(h.seg(kSyn, kPeerIsn + 100)); // a different SYN, inside the window
    EXPECT_EQ(h.state(), TcpState::Listen);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RcvSyn);
    h.expectNothingSent();
}

TEST(Rfc9293_3_10_7_4, RetransmittedSynInSynRcvdIsAnsweredWithAnAck)
{
    // The same SYN again lies below RCV.NXT: the acceptability test fails and the reply is an empty ACK.
    Harness h;
    h.listen();
    h.recv(h.seg(kSyn, kPeerIsn));
    h.take();
    h.recv(h.seg(kSyn, kPeerIsn));
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.seq, 1001u);
    EXPECT_EQ(ack.ack, kPeerIsn + 1);
    EXPECT_EQ(h.state(), TcpState::SynRcvd);
}

TEST(Rfc5961_4_2, SynInSynRcvdFromAnActiveOpenGetsAChallengeAck)
{
    Harness h(teachingProfile(1000), kClientPort, kServerPort);
    h.connect();
    h.recv(h.seg(kSyn, kPeerIsn));
    h.take();
    h.recv(h.seg(kSyn, kPeerIsn + 100));
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.seq, 1001u);
    EXPECT_EQ(ack.ack, kPeerIsn + 1);
    EXPECT_EQ(h.state(), TcpState::SynRcvd);
}

// ---- §3.5 Figure 8: recovery from an old duplicate SYN ----

TEST(Rfc9293_3_5_Figure8, OldDuplicateSynIsRecoveredFrom)
{
    Harness a(teachingProfile(100), kClientPort, kServerPort); // TCP Peer A
    Harness b(teachingProfile(300), kServerPort, kClientPort); // TCP Peer B
    // 1.
    b.listen();
    // 2. A sends <SEQ=100><CTL=SYN>, which is delayed.
    a.connect();
    const Segment realSyn = a.takeOne();
    // 3. An old duplicate <SEQ=90><CTL=SYN> reaches B.
    b.recv(b.seg(kSyn, 90));
    EXPECT_EQ(b.state(), TcpState::SynRcvd);
    // 4. B answers <SEQ=300><ACK=91><CTL=SYN,ACK>.
    const Segment synAck = b.takeOne();
    EXPECT_EQ(synAck.flags, kSyn | kAck);
    EXPECT_EQ(synAck.seq, 300u);
    EXPECT_EQ(synAck.ack, 91u);
    // 5. A finds the ACK unacceptable and sends <SEQ=91><CTL=RST>; B returns to LISTEN.
    a.recv(synAck);
    EXPECT_EQ(a.state(), TcpState::SynSent);
    const Segment rst = a.takeOne();
    EXPECT_EQ(rst.flags, kRst);
    EXPECT_EQ(rst.seq, 91u);
    b.recv(rst);
    EXPECT_EQ(b.state(), TcpState::Listen);
    b.expectNothingSent();
    // 6. The real SYN arrives; 7. B answers (the figure's 400 is a clock-driven ISN; this one is fixed).
    b.recv(realSyn);
    const Segment synAck2 = b.takeOne();
    EXPECT_EQ(synAck2.seq, 300u);
    EXPECT_EQ(synAck2.ack, 101u);
    // 8. A completes; B is ESTABLISHED on A's ACK.
    a.recv(synAck2);
    EXPECT_EQ(a.state(), TcpState::Established);
    const Segment ack = a.takeOne();
    EXPECT_EQ(ack.seq, 101u);
    EXPECT_EQ(ack.ack, 301u);
    b.recv(ack);
    EXPECT_EQ(b.state(), TcpState::Established);
}

} // namespace
} // namespace tcplab
