// Window scaling (RFC 7323 §2): the window scale option (kind 3, length 3) on SYNs, negotiation (both SYNs
// must carry it, else both shifts are 0), SND.WND = SEG.WND << Snd.Wind.Shift except on SYNs, advertised
// windows RCV.WND >> Rcv.Wind.Shift, and shift counts capped at 14.
#include "connection_harness.h"
#include "lesson/scenario_parser.h"
#include "sim/session.h"
#include "tcp/wire.h"
#include "trace/json_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <string>

namespace tcplab {
namespace {

using test::Harness;
using test::kPeerIsn;
using test::Pair;

EndpointConfig scaling(std::optional<std::uint8_t> shift, std::uint32_t receiveBuffer = 65535)
{
    EndpointConfig config = teachingProfile(1000);
    config.windowScale = shift;
    config.receiveBuffer = receiveBuffer;
    config.mss = 1460;
    return config;
}

Segment synWith(std::optional<std::uint8_t> windowScale, std::uint16_t window = 65535)
{
    Segment s;
    s.srcPort = test::kClientPort;
    s.dstPort = test::kServerPort;
    s.seq = kPeerIsn;
    s.flags = kSyn;
    s.window = window;
    s.mss = 1460;
    s.windowScale = windowScale;
    return s;
}

// The octets of data the endpoint sent in the segments taken.
std::size_t dataSent(const std::vector<Segment> &segments)
{
    std::size_t n = 0;
    for (const Segment &s : segments)
        n += s.payload.size();
    return n;
}

// A passively opened endpoint after a SYN (with `peerShift` or none) and the handshake's ACK carrying
// `ackWindow`; returns the SYN,ACK it sent.
Segment establishServer(Harness &h, std::optional<std::uint8_t> peerShift, std::uint16_t ackWindow)
{
    h.listen();
    h.recv(synWith(peerShift));
    const Segment synAck = h.takeOne();
    h.recv(h.seg(kAck, kPeerIsn + 1, h.iss() + 1, {}, ackWindow));
    EXPECT_EQ(h.state(), TcpState::Established);
    h.take();
    return synAck;
}

TEST(Rfc7323_2_2, TheOptionIsKind3Length3AfterANopOnASyn)
{
    Segment syn = synWith(7);
    const std::vector<std::uint8_t> wire = encodeSegment(syn);
    ASSERT_EQ(wire.size(), 28u); // 20 + MSS (4) + NOP (1) + window scale (3)
    EXPECT_EQ(wire[12] >> 4, 7);
    EXPECT_EQ(wire[20], 2); // MSS
    EXPECT_EQ(wire[24], 1); // NOP
    EXPECT_EQ(wire[25], 3); // kind 3
    EXPECT_EQ(wire[26], 3); // length 3
    EXPECT_EQ(wire[27], 7); // shift.cnt
    const DecodeResult decoded = decodeSegment(wire);
    ASSERT_TRUE(decoded.ok()) << decoded.message;
    EXPECT_EQ(decoded.segment, syn);

    const auto layout = wireLayout(syn);
    EXPECT_STREQ(layout.back().name, "Option: window scale");
    EXPECT_EQ(layout.back().offset, 25);
    EXPECT_EQ(layout.back().length, 3);
}

TEST(Rfc7323_2_2, TheOptionOnASegmentWithoutSynIsIgnored)
{
    // "A Window Scale option in a segment without a SYN bit MUST be ignored."
    std::vector<std::uint8_t> wire = encodeSegment(synWith(7));
    wire[13] = kAck;
    wire[16] = wire[17] = 0;
    const std::uint16_t sum = tcpChecksum(wire, {});
    wire[16] = static_cast<std::uint8_t>(sum >> 8);
    wire[17] = static_cast<std::uint8_t>(sum);
    const DecodeResult decoded = decodeSegment(wire);
    ASSERT_TRUE(decoded.ok()) << decoded.message;
    EXPECT_FALSE(decoded.segment.windowScale.has_value());
    // Nor is it put on the wire for a segment without SYN.
    Segment ack = synWith(7);
    ack.flags = kAck;
    EXPECT_EQ(encodeSegment(ack).size(), 20u);
}

TEST(Rfc7323_2_2, AWindowScaleOptionOfAnotherLengthIsAnError)
{
    // Kind 3 with length 4 inside a 28-byte header, then NOPs and the end of the list.
    std::vector<std::uint8_t> wire = encodeSegment(synWith(7));
    const std::uint8_t options[] = {3, 4, 7, 0, 1, 1, 1, 0};
    std::copy(std::begin(options), std::end(options), wire.begin() + 20);
    wire[16] = wire[17] = 0;
    const std::uint16_t sum = tcpChecksum(wire, {});
    wire[16] = static_cast<std::uint8_t>(sum >> 8);
    wire[17] = static_cast<std::uint8_t>(sum);
    const DecodeResult decoded = decodeSegment(wire);
    EXPECT_EQ(decoded.error, DecodeError::BadOptionLength);
    EXPECT_EQ(decoded.message, "window scale option at byte 20 has length 4; it must be 3");
}

TEST(Rfc7323_2_2, WithoutTheOptionOnThePeersSynWindowsAreUnscaled)
{
    // "If a Window Scale option was not received in the initial <SYN>, ... both Snd.Wind.Shift and
    // Rcv.Wind.Shift [are] zero" — and the <SYN,ACK> may not carry the option.
    Harness h(scaling(7));
    const Segment synAck = establishServer(h, std::nullopt, 1000);
    EXPECT_FALSE(synAck.windowScale.has_value());
    h.send(std::string(3000, 'x'));
    EXPECT_EQ(dataSent(h.take()), 1000u); // the ACK's window 1000, not 1000 << 7
    h.recv(h.seg(kAck, kPeerIsn + 1, h.iss() + 1001, {}, 1000));
    const auto sent = h.take();
    ASSERT_FALSE(sent.empty());
    EXPECT_EQ(sent.front().window, 65535); // our window, unshifted
}

TEST(Rfc7323_2_2, WithoutTheOptionInOurConfigurationThePeersOfferIsNotTaken)
{
    Harness h(scaling(std::nullopt));
    const Segment synAck = establishServer(h, 7, 1000);
    EXPECT_FALSE(synAck.windowScale.has_value());
    h.send(std::string(3000, 'x'));
    EXPECT_EQ(dataSent(h.take()), 1000u);
}

TEST(Rfc7323_2_2, WhenBothSynsCarryTheOptionWindowsAreScaledBothWays)
{
    Harness h(scaling(7, 1 << 20));
    const Segment synAck = establishServer(h, 2, 100);
    ASSERT_TRUE(synAck.windowScale.has_value());
    EXPECT_EQ(*synAck.windowScale, 7);
    // The SYN,ACK's own window is not scaled: the 1 MiB buffer shows as the largest 16-bit value.
    EXPECT_EQ(synAck.window, 65535);

    // SND.WND = 100 << 2 = 400.
    h.send(std::string(3000, 'x'));
    const auto sent = h.take();
    EXPECT_EQ(dataSent(sent), 400u);
    // Our window RCV.WND >> Rcv.Wind.Shift: 1 MiB >> 7 = 8192.
    ASSERT_FALSE(sent.empty());
    EXPECT_EQ(sent.front().window, 8192);
}

TEST(Rfc7323_2_2, TheWindowOfASynIsNeverScaled)
{
    // "The window field in a segment where the SYN bit is set (i.e., a <SYN> or <SYN,ACK>) MUST NOT be
    // scaled." The client offers 7, the server's SYN,ACK offers 3 with window 100: SND.WND is 100, not 800.
    Harness h(scaling(7), test::kClientPort, test::kServerPort);
    h.connect();
    const Segment syn = h.takeOne();
    ASSERT_TRUE(syn.windowScale.has_value());
    EXPECT_EQ(*syn.windowScale, 7);
    Segment synAck = h.seg(kSyn | kAck, kPeerIsn, h.iss() + 1, {}, 100);
    synAck.windowScale = 3;
    h.recv(synAck);
    ASSERT_EQ(h.state(), TcpState::Established);
    h.take();
    h.send(std::string(3000, 'x'));
    EXPECT_EQ(dataSent(h.take()), 100u);
    // The next window update is scaled: 100 << 3 = 800 octets from SND.UNA.
    h.recv(h.seg(kAck, kPeerIsn + 1, h.iss() + 101, {}, 100));
    EXPECT_EQ(dataSent(h.take()), 800u);
}

TEST(Rfc7323_2_3, AReceivedShiftAbove14IsReadAs14)
{
    // "If a Window Scale option is received with a shift.cnt value larger than 14, the TCP SHOULD log the
    // error but MUST use 14 instead of the specified value."
    Harness h(scaling(7));
    establishServer(h, 15, 1);
    h.send(std::string(40000, 'x'));
    EXPECT_EQ(dataSent(h.take()), std::size_t{1} << 14);
}

TEST(Rfc7323_2_3, AConfiguredShiftAbove14IsSentAs14)
{
    Harness h(scaling(20), test::kClientPort, test::kServerPort);
    h.connect();
    const Segment syn = h.takeOne();
    ASSERT_TRUE(syn.windowScale.has_value());
    EXPECT_EQ(*syn.windowScale, 14);
}

TEST(Rfc7323_2, TheTeachingProfileSendsNoOptionAndTheLinuxProfileOffers7)
{
    EXPECT_FALSE(teachingProfile(1000).windowScale.has_value());
    ASSERT_TRUE(linuxProfile(1).windowScale.has_value());
    EXPECT_EQ(*linuxProfile(1).windowScale, 7);
}

TEST(Rfc7323_2, TwoScalingEndpointsTransferDataAndCloseWithScaledWindows)
{
    Pair p(scaling(7), scaling(7, 5000000));
    p.at(0, [&](TimeUs now) { p.server.conn.listen(now); });
    p.at(10 * kMillisecond, [&](TimeUs now) { p.client.conn.connect(now, test::kServerPort); });
    p.at(200 * kMillisecond,
         [&](TimeUs now) { p.client.conn.send(now, std::vector<std::uint8_t>(100000, 'w')); });
    p.at(2 * kSecond, [&](TimeUs now) { p.client.conn.close(now); });
    p.at(3 * kSecond, [&](TimeUs now) { p.server.conn.close(now); });
    p.runUntil(10 * kSecond);
    EXPECT_EQ(p.server.delivered.size(), 100000u);
    EXPECT_EQ(p.client.conn.state(), TcpState::Closed);
    EXPECT_EQ(p.server.conn.state(), TcpState::Closed);
    // The server's 5 MB buffer is advertised as 5000000 >> 7 = 39062 after the SYNs; its SYN,ACK says 65535.
    bool sawScaled = false;
    for (const auto &sent : p.log) {
        if (sent.fromClient) continue;
        if (sent.transmit.segment.has(kSyn)) {
            EXPECT_EQ(sent.transmit.segment.window, 65535);
        } else if (sent.transmit.segment.window == 5000000 >> 7) {
            sawScaled = true;
        }
    }
    EXPECT_TRUE(sawScaled);
}

TEST(Rfc7323_2, TheScenarioSettingAndTheTraceCarryTheShift)
{
    const ParseResult parsed = parseScenario("client.window_scale 7\nserver.window_scale 3\n"
                                             "at 0ms server listen\nat 10ms client connect\n");
    ASSERT_TRUE(parsed.ok()) << parsed.error.message;
    EXPECT_EQ(parsed.scenario->client.windowScale, std::optional<std::uint8_t>(7));
    EXPECT_EQ(parsed.scenario->server.windowScale, std::optional<std::uint8_t>(3));
    EXPECT_FALSE(parseScenario("client.window_scale off\n").scenario->client.windowScale.has_value());

    const ParseResult tooLarge = parseScenario("client.window_scale 15\n");
    ASSERT_FALSE(tooLarge.ok());
    EXPECT_EQ(tooLarge.error.message, "expected a shift count from 0 to 14 (RFC 7323 §2.3), or off");

    Session session(*parsed.scenario);
    session.runToEnd();
    int synsWithShift = 0;
    for (const TraceEvent &e : session.trace().events()) {
        if (e.kind != TraceKind::SegmentSent || !e.segment.has(kSyn)) continue;
        const std::string json = traceEventToJson(e);
        EXPECT_NE(json.find(e.side == Side::Client ? "\"wscale\":7" : "\"wscale\":3"), std::string::npos)
            << json;
        ++synsWithShift;
    }
    EXPECT_EQ(synsWithShift, 2);
}

} // namespace
} // namespace tcplab
