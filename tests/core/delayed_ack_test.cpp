// Delayed ACK (RFC 9293 §3.8.6.3, RFC 1122 §4.2.3.2): an ACK may wait up to 500 ms for data or a FIN to
// carry it, but at least every second full-sized segment is acknowledged at once. The wait is a real timer:
// armed, cancelled when an outgoing segment carries the ACK, fired when nothing did.
#include "connection_harness.h"

#include <gtest/gtest.h>

namespace tcplab {
namespace {

using test::Harness;
using test::kPeerIsn;
using test::Pair;

constexpr std::uint32_t kRcvNxt = kPeerIsn + 1;
constexpr std::uint32_t kSndNxt = 1001;
constexpr TimeUs kDelay = 200 * kMillisecond;

EndpointConfig delaying(std::uint32_t isn = 1000)
{
    EndpointConfig config = teachingProfile(isn);
    config.delayedAck = true;
    config.delayedAckTimeout = kDelay;
    return config;
}

int count(const std::vector<EndpointEvent> &events, TimerKind kind, int which)
{
    int n = 0;
    for (const EndpointEvent &e : events) {
        if (which == 0 && std::holds_alternative<TimerArmed>(e)) n += std::get<TimerArmed>(e).kind == kind;
        if (which == 1 && std::holds_alternative<TimerCancelled>(e))
            n += std::get<TimerCancelled>(e).kind == kind;
        if (which == 2 && std::holds_alternative<TimerFired>(e)) n += std::get<TimerFired>(e).kind == kind;
    }
    return n;
}

TEST(Rfc9293_3_8_6_3, AnAckIsDelayedThenSentAloneWhenTheTimerFires)
{
    Harness h(delaying());
    h.establishAsServer();
    h.recv(h.seg(kAck | kPsh, kRcvNxt, kSndNxt, "GET /"));
    h.expectNothingSent("on arrival");
    EXPECT_EQ(h.deadline(TimerKind::DelayedAck), std::optional<TimeUs>(kDelay));

    h.runUntil(kDelay - 1);
    h.expectNothingSent("before the timeout");
    h.runUntil(kDelay);
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.seq, kSndNxt);
    EXPECT_EQ(ack.ack, kRcvNxt + 5);
    EXPECT_EQ(count(h.ep.events, TimerKind::DelayedAck, 2), 1);
    EXPECT_EQ(timerName(TimerKind::DelayedAck), "DELAYED_ACK");
}

TEST(Rfc9293_3_8_6_3, WithoutDelayedAckEverySegmentIsAcknowledgedAtOnce)
{
    Harness h; // the teaching profile: off
    EXPECT_FALSE(h.conn().config().delayedAck);
    h.establishAsServer();
    h.recv(h.seg(kAck | kPsh, kRcvNxt, kSndNxt, "GET /"));
    EXPECT_EQ(h.takeOne().ack, kRcvNxt + 5);
    EXPECT_EQ(count(h.ep.events, TimerKind::DelayedAck, 0), 0);
}

TEST(Rfc9293_3_8_6_3, TheDelayedAckRidesOnOutgoingDataAndItsTimerIsCancelled)
{
    Harness h(delaying());
    h.establishAsServer();
    h.recv(h.seg(kAck | kPsh, kRcvNxt, kSndNxt, "GET /"));
    h.expectNothingSent();
    h.now = 30 * kMillisecond;
    h.send("200 OK");
    const Segment reply = h.takeOne();
    EXPECT_EQ(reply.payload.size(), 6u);
    EXPECT_EQ(reply.ack, kRcvNxt + 5); // the reply acknowledges the request
    EXPECT_EQ(count(h.ep.events, TimerKind::DelayedAck, 1), 1);
    EXPECT_FALSE(h.deadline(TimerKind::DelayedAck));
    h.runUntil(kDelay + 1);
    h.expectNothingSent("no lone ACK after the reply carried it");
}

TEST(Rfc9293_3_8_6_3, EverySecondFullSizedSegmentIsAcknowledgedAtOnce)
{
    Harness h(delaying());
    h.establishAsServer();
    const std::string full(536, 'x'); // the MSS of both ends
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt, full));
    h.expectNothingSent("after the first full-sized segment");
    h.now = 10 * kMillisecond;
    h.recv(h.seg(kAck, kRcvNxt + 536, kSndNxt, full));
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.ack, kRcvNxt + 2 * 536);
    EXPECT_FALSE(h.deadline(TimerKind::DelayedAck)); // the ACK sent cancelled the timer
    // The count starts again: a third segment waits.
    h.recv(h.seg(kAck, kRcvNxt + 2 * 536, kSndNxt, full));
    h.expectNothingSent("after the third");
    EXPECT_EQ(h.deadline(TimerKind::DelayedAck), std::optional<TimeUs>(10 * kMillisecond + kDelay));
}

TEST(Rfc9293_3_8_6_3, SmallSegmentsWaitForTheTimerWhichKeepsItsFirstDeadline)
{
    Harness h(delaying());
    h.establishAsServer();
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt, "a"));
    h.now = 50 * kMillisecond;
    h.recv(h.seg(kAck, kRcvNxt + 1, kSndNxt, "b"));
    h.expectNothingSent();
    EXPECT_EQ(h.deadline(TimerKind::DelayedAck),
              std::optional<TimeUs>(kDelay)); // at most 500 ms after the first
    h.runUntil(kDelay);
    EXPECT_EQ(h.takeOne().ack, kRcvNxt + 2);
}

TEST(Rfc9293_3_8_6_3, OutOfOrderDataIsAcknowledgedAtOnce)
{
    Harness h(delaying());
    h.establishAsServer();
    h.recv(h.seg(kAck, kRcvNxt + 10, kSndNxt, "late"));
    EXPECT_EQ(h.takeOne().ack, kRcvNxt); // the duplicate ACK tells the sender what is missing
}

// Linux's tcp_fin(): a FIN in ESTABLISHED schedules a delayed ACK (the application will likely close
// soon); if it closes within the delay, one FIN,ACK carries both — the close takes three segments.
TEST(Rfc9293_3_8_6_3, AFinInEstablishedWaitsAndRidesOnOurFinWhenWeCloseInTime)
{
    Harness h(delaying());
    h.establishAsServer();
    h.recv(h.seg(kFin | kAck, kRcvNxt, kSndNxt));
    EXPECT_EQ(h.state(), TcpState::CloseWait);
    h.expectNothingSent("the FIN's ACK waits");
    h.now = 20 * kMillisecond;
    h.close();
    EXPECT_EQ(h.state(), TcpState::LastAck);
    const Segment fin = h.takeOne();
    EXPECT_EQ(fin.flags, kFin | kAck);
    EXPECT_EQ(fin.seq, kSndNxt);
    EXPECT_EQ(fin.ack, kRcvNxt + 1); // acknowledges the peer's FIN
    EXPECT_EQ(count(h.ep.events, TimerKind::DelayedAck, 1), 1);
    h.runUntil(kDelay + 1);
    h.expectNothingSent("the FIN,ACK carried the ACK");
}

TEST(Rfc9293_3_8_6_3, AFinInEstablishedIsAcknowledgedAloneWhenTheApplicationDoesNotClose)
{
    Harness h(delaying());
    h.establishAsServer();
    h.recv(h.seg(kFin | kAck, kRcvNxt, kSndNxt));
    h.expectNothingSent();
    h.runUntil(kDelay);
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.ack, kRcvNxt + 1);
    EXPECT_EQ(h.state(), TcpState::CloseWait);
}

// Linux's tcp_fin() sends the ACK of a FIN in FIN_WAIT_1 or FIN_WAIT_2 at once: we have sent our FIN, so
// nothing of ours can carry it, and the peer's LAST_ACK waits for it.
TEST(Rfc9293_3_8_6_3, AFinInFinWait2IsAcknowledgedAtOnce)
{
    Harness h(delaying());
    h.driveTo(TcpState::FinWait2);
    h.recv(h.seg(kFin | kAck, kRcvNxt, kSndNxt + 1));
    EXPECT_EQ(h.state(), TcpState::TimeWait);
    EXPECT_EQ(h.takeOne().ack, kRcvNxt + 1);
}

TEST(Rfc9293_3_8_6_3, TheHandshakeAckIsNeverDelayed)
{
    Harness h(delaying(), test::kClientPort, test::kServerPort);
    h.connect();
    h.take();
    h.recv(h.seg(kSyn | kAck, kPeerIsn, 1001));
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(h.state(), TcpState::Established);
}

TEST(Rfc9293_3_8_6_3, ADelayedAckTimerIsCancelledWhenTheConnectionCloses)
{
    Harness h(delaying());
    h.establishAsServer();
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt, "x"));
    ASSERT_TRUE(h.deadline(TimerKind::DelayedAck));
    h.abort();
    EXPECT_FALSE(h.deadline(TimerKind::DelayedAck));
    EXPECT_FALSE(h.conn().pollTimeout());
}

// RFC 9293 §3.10.7.4, FIN_WAIT_1 "if our FIN has been ACKed (perhaps in this segment), then enter
// TIME-WAIT": the three-segment close seen end to end, the client never in FIN_WAIT_2.
TEST(Rfc9293_3_10_7_4, ThreeSegmentCloseTakesTheClientFromFinWait1StraightToTimeWait)
{
    Pair pair(teachingProfile(1000), delaying(5000));
    pair.at(0, [&](TimeUs t) { pair.server.conn.listen(t); });
    pair.at(10 * kMillisecond, [&](TimeUs t) { pair.client.conn.connect(t, test::kServerPort); });
    pair.at(300 * kMillisecond, [&](TimeUs t) { pair.client.conn.close(t); });
    pair.at(380 * kMillisecond, [&](TimeUs t) { pair.server.conn.close(t); }); // the FIN came at 350 ms
    pair.runUntil(5 * kSecond);
    const std::vector<std::string> expected = {"C>SYN 1000:0 len 0",        "S>SYN|ACK 5000:1001 len 0",
                                               "C>ACK 1001:5001 len 0",     "C>FIN|ACK 1001:5001 len 0",
                                               "S>FIN|ACK 5001:1002 len 0", "C>ACK 1002:5002 len 0"};
    EXPECT_EQ(pair.describe(), expected);
    const std::vector<TcpState> client = {TcpState::SynSent, TcpState::Established, TcpState::FinWait1,
                                          TcpState::TimeWait, TcpState::Closed};
    EXPECT_EQ(test::statesVisited(pair.client), client);
}

TEST(Profiles, LinuxDelaysAcksFortyMillisecondsAndTeachingDoesNot)
{
    EXPECT_TRUE(linuxProfile(1).delayedAck);
    EXPECT_EQ(linuxProfile(1).delayedAckTimeout, 40 * kMillisecond); // Linux TCP_DELACK_MIN
    EXPECT_FALSE(teachingProfile(1000).delayedAck);
    EXPECT_LE(teachingProfile(1000).delayedAckTimeout, 500 * kMillisecond); // RFC 1122 §4.2.3.2
}

} // namespace
} // namespace tcplab
