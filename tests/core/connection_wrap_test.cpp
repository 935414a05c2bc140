// Sequence numbers near 2^32 (RFC 9293 §3.4): a whole connection whose numbers wrap around zero.
#include "connection_harness.h"

#include <gtest/gtest.h>

namespace tcplab {
namespace {

using test::bytes;
using test::kServerPort;

TEST(Rfc9293_3_4, ConnectionWithIsnNearTheWrapHandshakesTransfersAndCloses)
{
    test::Pair p(teachingProfile(0xfffffff0u), teachingProfile(0xfffffffeu));
    p.at(0, [&](TimeUs now) { p.server.conn.listen(now); });
    p.at(0, [&](TimeUs now) { p.client.conn.connect(now, kServerPort); });
    p.runUntil(1 * kSecond);
    ASSERT_EQ(p.client.conn.state(), TcpState::Established);
    ASSERT_EQ(p.server.conn.state(), TcpState::Established);
    EXPECT_EQ(p.client.conn.sndNxt(), 0xfffffff1u);
    EXPECT_EQ(p.server.conn.sndNxt(), 0xffffffffu);

    // 40 octets from the client cross zero; 3 from the server land on 0xffffffff, 0, 1.
    const std::string request(40, 'q');
    p.at(1 * kSecond, [&](TimeUs now) { p.client.conn.send(now, bytes(request)); });
    p.at(2 * kSecond, [&](TimeUs now) { p.server.conn.send(now, bytes("abc")); });
    p.runUntil(3 * kSecond);
    EXPECT_EQ(p.server.delivered, request);
    EXPECT_EQ(p.client.delivered, "abc");
    EXPECT_EQ(p.client.conn.sndUna(), 0xfffffff1u + 40); // 0x19
    EXPECT_EQ(p.client.conn.sndUna(), 0x19u);
    EXPECT_EQ(p.server.conn.rcvNxt(), 0x19u);
    EXPECT_EQ(p.server.conn.sndUna(), 2u);
    EXPECT_EQ(p.client.conn.rcvNxt(), 2u);
    // Each acknowledgment was immediate: nothing retransmitted.
    for (const auto &s : p.log)
        EXPECT_FALSE(s.transmit.retransmission);

    p.at(4 * kSecond, [&](TimeUs now) { p.client.conn.close(now); });
    p.at(5 * kSecond, [&](TimeUs now) { p.server.conn.close(now); });
    p.runUntil(10 * kSecond);
    EXPECT_EQ(p.client.conn.state(), TcpState::Closed);
    EXPECT_EQ(p.server.conn.state(), TcpState::Closed);
    EXPECT_EQ(p.client.conn.sndUna(), 0x1au); // the FIN took 0x19
    EXPECT_EQ(p.server.conn.sndUna(), 3u);
    EXPECT_EQ(p.client.changes.back().event, TcpEvent::Timeout2Msl);
}

TEST(Rfc9293_3_4, RetransmissionAcrossTheWrapResendsFromSndUna)
{
    test::Pair p(teachingProfile(0xfffffff0u), teachingProfile(7));
    p.at(0, [&](TimeUs now) { p.server.conn.listen(now); });
    p.at(0, [&](TimeUs now) { p.client.conn.connect(now, kServerPort); });
    int dropped = 0;
    p.dropIf = [&](bool fromClient, const Segment &s) {
        return fromClient && !s.payload.empty() && dropped++ == 0; // the first data segment is lost
    };
    p.at(1 * kSecond, [&](TimeUs now) { p.client.conn.send(now, std::vector<std::uint8_t>(30, 'w')); });
    p.runUntil(5 * kSecond);
    EXPECT_EQ(p.server.delivered, std::string(30, 'w'));
    EXPECT_EQ(p.client.conn.sndUna(), 0xfffffff1u + 30);
    int retransmissions = 0;
    for (const auto &s : p.log) {
        if (s.transmit.retransmission) {
            ++retransmissions;
            EXPECT_EQ(s.transmit.segment.seq, 0xfffffff1u);
            EXPECT_EQ(s.at, 2 * kSecond); // one RTO after the send
        }
    }
    EXPECT_EQ(retransmissions, 1);
}

TEST(Rfc9293_3_4, RstAndChallengeAckAcrossTheWrap)
{
    test::Harness h;
    h.establishAsServer(0xfffffffau); // RCV.NXT = 0xfffffffb
    h.recv(h.seg(kRst, 0x00000010u)); // in the window, past zero, not at RCV.NXT
    EXPECT_EQ(h.takeOne().ack, 0xfffffffbu);
    EXPECT_EQ(h.state(), TcpState::Established);
    h.recv(h.seg(kAck, 0xfffffffbu, 1001, "0123456789")); // crosses zero
    EXPECT_EQ(h.takeOne().ack, 5u);
    h.recv(h.seg(kRst, 5u));
    EXPECT_EQ(h.state(), TcpState::Closed);
}

} // namespace
} // namespace tcplab
