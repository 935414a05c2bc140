// The whole life of a connection between two endpoints: three-way handshake (RFC 9293 §3.5 Figure 6), data
// both ways, a four-way close from either side, TIME_WAIT for exactly 2·MSL (§3.6).
#include "connection_harness.h"

#include <gtest/gtest.h>

namespace tcplab {
namespace {

using test::bytes;
using test::Pair;
using test::statesVisited;

TEST(Rfc9293_3_5, ThreeWayHandshakeSegmentsAndStates)
{
    Pair p;
    p.at(0, [&](TimeUs now) { ASSERT_TRUE(p.server.conn.listen(now).ok); });
    p.at(0, [&](TimeUs now) { ASSERT_TRUE(p.client.conn.connect(now, test::kServerPort).ok); });
    p.runUntil(1 * kSecond);

    ASSERT_EQ(p.log.size(), 3u);
    const Segment &syn = p.log[0].transmit.segment;
    EXPECT_TRUE(p.log[0].fromClient);
    EXPECT_EQ(syn.flags, kSyn);
    EXPECT_EQ(syn.seq, 1000u);
    EXPECT_EQ(syn.mss, std::optional<std::uint16_t>(536));
    const Segment &synAck = p.log[1].transmit.segment;
    EXPECT_EQ(synAck.flags, kSyn | kAck);
    EXPECT_EQ(synAck.seq, 5000u);
    EXPECT_EQ(synAck.ack, 1001u);
    EXPECT_EQ(synAck.mss, std::optional<std::uint16_t>(536));
    const Segment &ack = p.log[2].transmit.segment;
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.seq, 1001u);
    EXPECT_EQ(ack.ack, 5001u);
    EXPECT_FALSE(ack.mss.has_value());

    EXPECT_EQ(p.client.conn.state(), TcpState::Established);
    EXPECT_EQ(p.server.conn.state(), TcpState::Established);
    EXPECT_EQ(statesVisited(p.client), (std::vector{TcpState::SynSent, TcpState::Established}));
    EXPECT_EQ(statesVisited(p.server),
              (std::vector{TcpState::Listen, TcpState::SynRcvd, TcpState::Established}));
    // Nothing outstanding: no retransmission timer left running.
    EXPECT_FALSE(p.client.conn.pollTimeout().has_value());
    EXPECT_FALSE(p.server.conn.pollTimeout().has_value());
}

TEST(Rfc9293_3_9, DataBothWaysIsDeliveredInOrderAndAcknowledged)
{
    Pair p;
    p.at(0, [&](TimeUs now) { p.server.conn.listen(now); });
    p.at(0, [&](TimeUs now) { p.client.conn.connect(now, test::kServerPort); });
    p.at(200 * kMillisecond, [&](TimeUs now) { p.client.conn.send(now, bytes("GET / HTTP/1.0\r\n\r\n")); });
    p.at(400 * kMillisecond,
         [&](TimeUs now) { p.server.conn.send(now, bytes("HTTP/1.0 200 OK\r\n\r\nhi")); });
    p.runUntil(1 * kSecond);

    EXPECT_EQ(p.server.delivered, "GET / HTTP/1.0\r\n\r\n");
    EXPECT_EQ(p.client.delivered, "HTTP/1.0 200 OK\r\n\r\nhi");
    EXPECT_EQ(p.client.conn.sndUna(), 1001u + 18);
    EXPECT_EQ(p.server.conn.rcvNxt(), 1001u + 18);
    EXPECT_EQ(p.server.conn.sndUna(), 5001u + 21);
    EXPECT_EQ(p.client.conn.rcvNxt(), 5001u + 21);
    // The request: one segment with PSH|ACK, acknowledged by an empty ACK at once.
    const auto &request = p.log[3].transmit.segment;
    EXPECT_EQ(request.flags, kPsh | kAck);
    EXPECT_EQ(request.seq, 1001u);
    EXPECT_EQ(request.payload.size(), 18u);
    const auto &ack = p.log[4].transmit.segment;
    EXPECT_FALSE(p.log[4].fromClient);
    EXPECT_EQ(ack.flags, kAck);
    EXPECT_EQ(ack.ack, 1001u + 18);
    EXPECT_TRUE(ack.payload.empty());
}

TEST(Rfc9293_3_6, ActiveCloseByClientEndsInTimeWaitForTwoMsl)
{
    Pair p;
    p.at(0, [&](TimeUs now) { p.server.conn.listen(now); });
    p.at(0, [&](TimeUs now) { p.client.conn.connect(now, test::kServerPort); });
    p.at(1 * kSecond, [&](TimeUs now) { ASSERT_TRUE(p.client.conn.close(now).ok); });
    // FIN at 1.0 s arrives 1.05 s; ACK back at 1.1 s.
    p.runUntil(1200 * kMillisecond);
    EXPECT_EQ(p.client.conn.state(), TcpState::FinWait2);
    EXPECT_EQ(p.server.conn.state(), TcpState::CloseWait);
    p.at(2 * kSecond, [&](TimeUs now) { ASSERT_TRUE(p.server.conn.close(now).ok); });
    p.runUntil(2100 * kMillisecond); // FIN arrives at 2.05 s
    EXPECT_EQ(p.client.conn.state(), TcpState::TimeWait);
    EXPECT_EQ(p.server.conn.state(), TcpState::Closed);

    // TIME_WAIT entered at 2.05 s lasts exactly 2·MSL = 2 s (teaching profile).
    ASSERT_TRUE(p.client.conn.pollTimeout().has_value());
    EXPECT_EQ(*p.client.conn.pollTimeout(), 2050 * kMillisecond + 2 * kSecond);
    p.runUntil(4050 * kMillisecond - 1);
    EXPECT_EQ(p.client.conn.state(), TcpState::TimeWait);
    p.runUntil(4050 * kMillisecond);
    EXPECT_EQ(p.client.conn.state(), TcpState::Closed);

    EXPECT_EQ(statesVisited(p.client),
              (std::vector{TcpState::SynSent, TcpState::Established, TcpState::FinWait1, TcpState::FinWait2,
                           TcpState::TimeWait, TcpState::Closed}));
    EXPECT_EQ(statesVisited(p.server),
              (std::vector{TcpState::Listen, TcpState::SynRcvd, TcpState::Established, TcpState::CloseWait,
                           TcpState::LastAck, TcpState::Closed}));
    EXPECT_EQ(p.client.changes.back().event, TcpEvent::Timeout2Msl);
    // FINs take one sequence number each.
    EXPECT_EQ(p.client.conn.sndUna(), 1002u);
    EXPECT_EQ(p.server.conn.sndUna(), 5002u);
}

TEST(Rfc9293_3_6, ActiveCloseByServerAfterDataKeepsTheFinBehindTheData)
{
    Pair p;
    p.at(0, [&](TimeUs now) { p.server.conn.listen(now); });
    p.at(0, [&](TimeUs now) { p.client.conn.connect(now, test::kServerPort); });
    p.at(1 * kSecond, [&](TimeUs now) {
        p.server.conn.send(now, bytes("bye"));
        p.server.conn.close(now); // half-close: the FIN follows the queued data
    });
    p.runUntil(1500 * kMillisecond);
    EXPECT_EQ(p.client.delivered, "bye");
    EXPECT_EQ(p.server.conn.state(), TcpState::FinWait2);
    EXPECT_EQ(p.client.conn.state(), TcpState::CloseWait);
    // The half-closed client may still send.
    p.at(2 * kSecond, [&](TimeUs now) { ASSERT_TRUE(p.client.conn.send(now, bytes("ok")).ok); });
    p.runUntil(2500 * kMillisecond);
    EXPECT_EQ(p.server.delivered, "ok");
    p.at(3 * kSecond, [&](TimeUs now) { p.client.conn.close(now); });
    p.runUntil(10 * kSecond);
    EXPECT_EQ(p.client.conn.state(), TcpState::Closed);
    EXPECT_EQ(p.server.conn.state(), TcpState::Closed);
    EXPECT_EQ(p.server.changes.back().event, TcpEvent::Timeout2Msl);
    EXPECT_EQ(p.client.changes.back().event, TcpEvent::RcvAckOfFin);
}

TEST(Rfc9293_3_7, LongSendIsSegmentedByThePeersMssWithPshOnTheLast)
{
    EndpointConfig server = teachingProfile(5000);
    server.mss = 100;
    Pair p(teachingProfile(1000), server);
    p.at(0, [&](TimeUs now) { p.server.conn.listen(now); });
    p.at(0, [&](TimeUs now) { p.client.conn.connect(now, test::kServerPort); });
    p.at(1 * kSecond, [&](TimeUs now) { p.client.conn.send(now, std::vector<std::uint8_t>(250, 'x')); });
    p.runUntil(2 * kSecond);
    std::vector<std::size_t> sizes;
    std::vector<std::uint8_t> flags;
    for (const auto &s : p.log) {
        if (s.fromClient && !s.transmit.segment.payload.empty()) {
            sizes.push_back(s.transmit.segment.payload.size());
            flags.push_back(s.transmit.segment.flags);
        }
    }
    EXPECT_EQ(sizes, (std::vector<std::size_t>{100, 100, 50}));
    EXPECT_EQ(flags, (std::vector<std::uint8_t>{kAck, kAck, kPsh | kAck}));
    EXPECT_EQ(p.server.delivered, std::string(250, 'x'));
}

} // namespace
} // namespace tcplab
