// Timers as data: retransmission (RFC 6298, RFC 9293 §3.8.1 and §3.8.3), keep-alive (§3.8.4), the
// clock-driven ISN (§3.4.1) and the profiles' constants.
#include "connection_harness.h"
#include "tcp/rules.h"

#include <gtest/gtest.h>

namespace tcplab {
namespace {

using test::Harness;
using test::kClientPort;
using test::kPeerIsn;
using test::kServerPort;

constexpr std::uint32_t kRcvNxt = kPeerIsn + 1;
constexpr std::uint32_t kSndNxt = 1001;

std::vector<TimerArmed> armed(const Harness &h, TimerKind kind)
{
    std::vector<TimerArmed> out;
    for (const auto &a : h.ep.eventsOf<TimerArmed>()) {
        if (a.kind == kind) out.push_back(a);
    }
    return out;
}

// ---- retransmission ----

TEST(Rfc6298_5_5, SynIsRetransmittedAfter1s2s4sThenTheConnectionTimesOut)
{
    Harness h(teachingProfile(1000), kClientPort, kServerPort); // synRetries = 3
    h.connect();
    h.take();
    std::vector<TimeUs> sentAt;
    while (h.conn().pollTimeout()) {
        h.fireNext();
        for (const Transmit &t : h.ep.unread) {
            EXPECT_EQ(t.segment.flags, kSyn);
            EXPECT_EQ(t.segment.seq, 1000u);
            EXPECT_TRUE(t.retransmission);
            sentAt.push_back(h.now);
        }
        h.take();
    }
    EXPECT_EQ(sentAt, (std::vector<TimeUs>{1 * kSecond, 3 * kSecond, 7 * kSecond}));
    EXPECT_EQ(h.now, 15 * kSecond);
    EXPECT_EQ(h.state(), TcpState::Closed);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RetransmitLimit);
    ASSERT_EQ(h.ep.errors.size(), 1u);
    EXPECT_EQ(h.ep.errors[0].kind, ConnectionErrorKind::TimedOut);
    // Each arming reports its duration and attempt: 1 s, 2 s, 4 s, 8 s.
    const auto rto = armed(h, TimerKind::Retransmission);
    ASSERT_EQ(rto.size(), 4u);
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(rto[i].duration, (TimeUs{1} << i) * kSecond);
        EXPECT_EQ(rto[i].attempt, i);
    }
}

TEST(Rfc9293_3_8_3, LinuxProfileRetriesTheSynSixTimes)
{
    Harness h(linuxProfile(7), kClientPort, kServerPort);
    h.connect();
    h.runUntil(10 * 60 * kSecond);
    EXPECT_EQ(h.state(), TcpState::Closed);
    EXPECT_EQ(h.now, 10 * 60 * kSecond);
    const auto fired = h.ep.eventsOf<TimerFired>();
    ASSERT_EQ(fired.size(), 7u);
    // 1+2+4+8+16+32+64 = 127 s after the first SYN, as Linux with tcp_syn_retries = 6.
    EXPECT_EQ(h.ep.changes.back().event, TcpEvent::RetransmitLimit);
    EXPECT_EQ(armed(h, TimerKind::Retransmission).back().deadline, 127 * kSecond);
}

TEST(Rfc9293_3_10_7_2, SynAckIsRetransmittedAndSynRcvdGivesUp)
{
    Harness h;
    h.driveTo(TcpState::SynRcvd);
    h.runUntil(1 * kSecond);
    const Segment again = h.takeOne();
    EXPECT_EQ(again.flags, kSyn | kAck);
    EXPECT_EQ(again.seq, 1000u);
    EXPECT_EQ(again.ack, kRcvNxt);
    EXPECT_TRUE(h.lastTaken[0].retransmission);
    h.runUntil(15 * kSecond);
    EXPECT_EQ(h.state(), TcpState::Closed);
    EXPECT_EQ(h.lastChange()->from, TcpState::SynRcvd);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RetransmitLimit);
}

TEST(Rfc6298_5_4, DataIsResentFromSndUnaAndGivesUpAfterDataRetries)
{
    Harness h; // dataRetries = 5
    h.establishAsServer();
    h.now = 10 * kSecond;
    h.send(std::string(1200, 'd')); // 536 + 536 + 128
    auto first = h.take();
    ASSERT_EQ(first.size(), 3u);
    EXPECT_EQ(h.conn().pollTimeout(), std::optional<TimeUs>(11 * kSecond));
    // The first segment is acknowledged: the timer restarts from now (RFC 6298 §5.3).
    h.now = 10500 * kMillisecond;
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 536));
    EXPECT_EQ(h.conn().pollTimeout(), std::optional<TimeUs>(11500 * kMillisecond));
    // Nothing more comes back: go back to SND.UNA and resend both remaining segments.
    h.fireNext();
    auto again = h.take();
    ASSERT_EQ(again.size(), 2u);
    EXPECT_EQ(again[0].seq, kSndNxt + 536);
    EXPECT_EQ(again[0].payload.size(), 536u);
    EXPECT_EQ(again[1].seq, kSndNxt + 1072);
    EXPECT_TRUE(h.lastTaken[0].retransmission && h.lastTaken[1].retransmission);
    // Back-off doubles: 2, 4, 8, 16 s; the sixth expiry gives up.
    std::vector<TimeUs> times;
    while (h.conn().pollTimeout())
        times.push_back(h.fireNext());
    EXPECT_EQ(times, (std::vector<TimeUs>{13500 * kMillisecond, 17500 * kMillisecond, 25500 * kMillisecond,
                                          41500 * kMillisecond, 73500 * kMillisecond}));
    EXPECT_EQ(h.state(), TcpState::Closed);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RetransmitLimit);
    EXPECT_EQ(h.ep.errors.back().kind, ConnectionErrorKind::TimedOut);
}

TEST(Rfc6298_5_3, AckAfterARetransmissionGoesOnFromTheNewSndUna)
{
    Harness h;
    h.establishAsServer();
    h.send("abcdef");
    h.take();
    h.fireNext(); // at 1 s
    EXPECT_EQ(test::text(h.takeOne().payload), "abcdef");
    // An ACK for what the first transmission carried: all acknowledged, timer off.
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 6));
    EXPECT_EQ(h.conn().sndUna(), kSndNxt + 6);
    EXPECT_FALSE(h.conn().pollTimeout().has_value());
    ASSERT_FALSE(h.ep.eventsOf<TimerCancelled>().empty());
}

TEST(Rfc6298_3, KarnsRuleTakesNoSampleFromARetransmittedSegment)
{
    Harness h(teachingProfile(1000), kClientPort, kServerPort);
    h.connect();
    h.take();
    h.now = 100 * kMillisecond;
    h.recv(h.seg(kSyn | kAck, kPeerIsn, 1001));
    h.take();
    ASSERT_EQ(h.conn().rto().srtt(), std::optional<TimeUs>(100 * kMillisecond));
    // Lost, retransmitted at 11 s, acknowledged at 11.3 s: ambiguous, no sample.
    h.now = 10 * kSecond;
    h.send("x");
    h.take();
    h.fireNext();
    h.take();
    h.now = 11300 * kMillisecond;
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 1));
    EXPECT_EQ(h.conn().rto().srtt(), std::optional<TimeUs>(100 * kMillisecond));
    // The back-off stays until a valid sample (RFC 6298 §5.7 note): next RTO is still 2 s.
    h.send("y");
    EXPECT_EQ(armed(h, TimerKind::Retransmission).back().duration, 2 * kSecond);
    h.take();
    // Sent once, acknowledged after 300 ms: a sample. SRTT = 7/8·100 + 1/8·300 = 125 ms.
    h.now = 11600 * kMillisecond;
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 2));
    EXPECT_EQ(h.conn().rto().srtt(), std::optional<TimeUs>(125 * kMillisecond));
    EXPECT_EQ(h.conn().rto().rto(), 1 * kSecond); // the floor, RFC 6298 §2.4
}

TEST(Rfc6298_5_7, AfterASynTimeoutDataStartsWithAThreeSecondRto)
{
    Harness h(teachingProfile(1000), kClientPort, kServerPort);
    h.connect();
    h.take();
    h.fireNext(); // SYN again at 1 s
    h.take();
    h.now = 1100 * kMillisecond;
    h.recv(h.seg(kSyn | kAck, kPeerIsn, 1001));
    h.take();
    EXPECT_EQ(h.conn().rto().rto(), 3 * kSecond);
    h.send("x");
    EXPECT_EQ(h.conn().pollTimeout(), std::optional<TimeUs>(4100 * kMillisecond));
}

TEST(Rfc9293_3_8_3, FinIsRetransmittedUntilAcknowledged)
{
    Harness h;
    h.driveTo(TcpState::FinWait1);
    h.fireNext();
    const Segment fin = h.takeOne();
    EXPECT_EQ(fin.flags, kFin | kAck);
    EXPECT_EQ(fin.seq, kSndNxt);
    EXPECT_TRUE(h.lastTaken[0].retransmission);
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt + 1));
    EXPECT_EQ(h.state(), TcpState::FinWait2);
    h.runUntil(100 * kSecond);
    EXPECT_EQ(h.state(), TcpState::FinWait2); // no timer of ours closes FIN_WAIT_2
}

TEST(Rfc9293_3_8_3, LastAckGivesUpWhenItsFinIsNeverAcknowledged)
{
    Harness h;
    h.driveTo(TcpState::LastAck);
    h.runUntil(100 * kSecond);
    EXPECT_EQ(h.state(), TcpState::Closed);
    EXPECT_EQ(h.lastChange()->from, TcpState::LastAck);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::RetransmitLimit);
}

TEST(ConnectionTimers, HandleTimeoutBeforeADeadlineDoesNothing)
{
    Harness h;
    h.establishAsServer();
    h.send("x");
    h.take();
    const std::size_t events = h.ep.events.size();
    h.conn().handleTimeout(999 * kMillisecond);
    h.ep.drain();
    EXPECT_EQ(h.ep.events.size(), events);
    h.expectNothingSent();
}

// ---- keep-alive (§3.8.4) ----

EndpointConfig keepAliveConfig()
{
    EndpointConfig c = teachingProfile(1000);
    c.keepAlive = true; // idle 10 s, every 2 s, 3 probes
    return c;
}

TEST(Rfc9293_3_8_4, IdleConnectionIsProbedWithSndNxtMinusOne)
{
    Harness h(keepAliveConfig());
    h.establishAsServer();
    EXPECT_EQ(h.deadline(TimerKind::KeepAlive), std::optional<TimeUs>(10 * kSecond));
    h.runUntil(10 * kSecond);
    const Segment probe = h.takeOne();
    EXPECT_EQ(probe.flags, kAck);
    EXPECT_EQ(probe.seq, kSndNxt - 1);
    EXPECT_EQ(probe.ack, kRcvNxt);
    EXPECT_TRUE(probe.payload.empty());
    EXPECT_TRUE(h.lastTaken[0].keepAliveProbe);
    EXPECT_EQ(h.deadline(TimerKind::KeepAlive), std::optional<TimeUs>(12 * kSecond));
    // The peer's ACK shows it is alive: idle time starts again and the probe count is reset.
    h.now = 10100 * kMillisecond;
    h.recv(h.seg(kAck, kRcvNxt, kSndNxt));
    h.expectNothingSent();
    EXPECT_EQ(h.deadline(TimerKind::KeepAlive), std::optional<TimeUs>(20100 * kMillisecond));
    EXPECT_EQ(armed(h, TimerKind::KeepAlive).back().attempt, 0);
}

TEST(Rfc9293_3_8_4, UnansweredKeepAlivesAbortTheConnectionWithRst)
{
    Harness h(keepAliveConfig());
    h.establishAsServer();
    std::vector<TimeUs> probesAt;
    while (h.state() != TcpState::Closed && h.conn().pollTimeout()) {
        h.fireNext();
        for (const auto &t : h.ep.unread) {
            if (t.keepAliveProbe) probesAt.push_back(h.now);
        }
        if (h.state() != TcpState::Closed) h.take();
    }
    EXPECT_EQ(probesAt, (std::vector<TimeUs>{10 * kSecond, 12 * kSecond, 14 * kSecond}));
    EXPECT_EQ(h.now, 16 * kSecond);
    const Segment rst = h.takeOne();
    EXPECT_EQ(rst.flags, kRst);
    EXPECT_EQ(rst.seq, kSndNxt);
    EXPECT_EQ(h.state(), TcpState::Closed);
    EXPECT_EQ(h.lastChange()->event, TcpEvent::KeepAliveLimit);
    ASSERT_EQ(h.ep.errors.size(), 1u);
    EXPECT_EQ(h.ep.errors[0].kind, ConnectionErrorKind::KeepAliveTimedOut);
}

TEST(Rfc9293_3_8_4, KeepAliveProbeFailsTheAcceptabilityTestAndIsAcked)
{
    Harness h;
    h.establishAsServer();
    h.recv(h.seg(kAck, kRcvNxt - 1, kSndNxt)); // the peer's probe
    const Segment ack = h.takeOne();
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.seq, kSndNxt);
    EXPECT_EQ(ack.ack, kRcvNxt);
    EXPECT_EQ(h.state(), TcpState::Established);
}

TEST(Rfc9293_3_8_4, KeepAlivesBetweenTwoLiveEndpointsNeverAbort)
{
    test::Pair p(keepAliveConfig(), teachingProfile(5000));
    p.at(0, [&](TimeUs now) { p.server.conn.listen(now); });
    p.at(0, [&](TimeUs now) { p.client.conn.connect(now, kServerPort); });
    p.runUntil(100 * kSecond);
    EXPECT_EQ(p.client.conn.state(), TcpState::Established);
    EXPECT_EQ(p.server.conn.state(), TcpState::Established);
    int probes = 0;
    for (const auto &s : p.log)
        probes += s.transmit.keepAliveProbe ? 1 : 0;
    // Idle from 0.1 s: a probe every 10.1 s (sent, answered 100 ms later, idle again).
    EXPECT_EQ(probes, 9);
}

TEST(Rfc9293_3_8_4, KeepAliveIsOffByDefault)
{
    Harness h;
    h.establishAsServer();
    EXPECT_FALSE(h.conn().pollTimeout().has_value());
    EXPECT_TRUE(armed(h, TimerKind::KeepAlive).empty());
}

// ---- ISN (§3.4.1) ----

TEST(Rfc9293_3_4_1, FixedIsnIsTheConfiguredOne)
{
    Harness h(teachingProfile(424242), kClientPort, kServerPort);
    h.now = 77 * kSecond;
    h.connect();
    EXPECT_EQ(h.takeOne().seq, 424242u);
}

TEST(Rfc9293_3_4_1, ClockDrivenIsnIsMPlusAKeyedHash)
{
    auto isnAt = [](TimeUs now, std::uint64_t seed, std::uint16_t remotePort) {
        Connection c(linuxProfile(seed), kClientPort);
        c.connect(now, remotePort);
        return c.iss();
    };
    // Deterministic: the same inputs give the same number.
    EXPECT_EQ(isnAt(5 * kSecond, 1, 80), isnAt(5 * kSecond, 1, 80));
    // M ticks every 4 µs: 4 ms later the ISN is 1000 higher.
    EXPECT_EQ(isnAt(5 * kSecond + 4 * kMillisecond, 1, 80) - isnAt(5 * kSecond, 1, 80), 1000u);
    EXPECT_EQ(isnAt(5 * kSecond + 3, 1, 80), isnAt(5 * kSecond, 1, 80));
    // F depends on the secret and on the connection id.
    EXPECT_NE(isnAt(5 * kSecond, 1, 80), isnAt(5 * kSecond, 2, 80));
    EXPECT_NE(isnAt(5 * kSecond, 1, 80), isnAt(5 * kSecond, 1, 81));
    EXPECT_EQ(isnAt(0, 9, 80), rules::clockDrivenIsn(0, 0x7f000001, kClientPort, 0x7f000001, 80, 9));
}

TEST(Rfc9293_3_4_1, PassiveOpenChoosesItsIsnWhenTheSynArrives)
{
    Connection c(linuxProfile(3), kServerPort);
    c.listen(0);
    Segment syn;
    syn.srcPort = kClientPort;
    syn.dstPort = kServerPort;
    syn.seq = 1;
    syn.flags = kSyn;
    c.handleSegment(8 * kMillisecond, syn);
    EXPECT_EQ(c.iss(),
              rules::clockDrivenIsn(8 * kMillisecond, 0x7f000001, kServerPort, 0x7f000001, kClientPort, 3));
}

// ---- profiles ----

TEST(Profiles, TeachingProfileUsesRfcTimersAndShortMsl)
{
    const EndpointConfig c = teachingProfile(1000);
    EXPECT_EQ(c.isnMode, IsnMode::Fixed);
    EXPECT_EQ(c.fixedIsn, 1000u);
    EXPECT_EQ(c.msl, 1 * kSecond);
    EXPECT_EQ(c.initialRto, 1 * kSecond);
    EXPECT_EQ(c.minRto, 1 * kSecond);
    EXPECT_EQ(c.synRetries, 3);
    EXPECT_EQ(c.dataRetries, 5);
    EXPECT_FALSE(c.keepAlive);
    EXPECT_EQ(c.keepAliveIdle, 10 * kSecond);
    EXPECT_EQ(c.keepAliveInterval, 2 * kSecond);
    EXPECT_EQ(c.keepAliveProbes, 3);
    EXPECT_EQ(profileName(Profile::Teaching), "teaching");
}

TEST(Profiles, LinuxProfileUsesLinuxDefaults)
{
    const EndpointConfig c = linuxProfile(99);
    EXPECT_EQ(c.isnMode, IsnMode::ClockDriven);
    EXPECT_EQ(c.isnSeed, 99u);
    EXPECT_EQ(2 * c.msl, 60 * kSecond);
    EXPECT_EQ(c.synRetries, 6);
    EXPECT_EQ(c.dataRetries, 15);
    EXPECT_EQ(c.initialRto, 1 * kSecond);
    EXPECT_EQ(c.minRto, 200 * kMillisecond);
    EXPECT_EQ(c.maxRto, 120 * kSecond);
    EXPECT_FALSE(c.keepAlive);
    EXPECT_EQ(c.keepAliveIdle, 7200 * kSecond);
    EXPECT_EQ(c.keepAliveInterval, 75 * kSecond);
    EXPECT_EQ(c.keepAliveProbes, 9);
    EXPECT_EQ(profileName(Profile::Linux), "linux");
}

TEST(Rfc9293_3_10_8, LinuxProfileTimeWaitLastsSixtySeconds)
{
    Harness h(linuxProfile(1));
    h.driveTo(TcpState::TimeWait);
    EXPECT_EQ(h.deadline(TimerKind::TimeWait), std::optional<TimeUs>(60 * kSecond));
}

} // namespace
} // namespace tcplab
