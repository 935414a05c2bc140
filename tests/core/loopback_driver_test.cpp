// The loopback driver: the core's endpoints over real UDP sockets on 127.0.0.1 (DESIGN.md "Real sockets").
#include "io/loopback_driver.h"
#include "loopback_test_socket.h"
#include "loopback_wait.h"
#include "sim/session.h"
#include "tcp/wire.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace tcplab {
namespace {

using loopback_test::runUntilBoth;
using loopback_test::runUntilTrue;
using loopback_test::TestSocket;

using StatePath = std::vector<std::pair<TcpState, TcpState>>;

StatePath statePath(const Trace &trace, Side side)
{
    StatePath path;
    for (const TraceEvent &e : trace.events())
        if (e.kind == TraceKind::StateChanged && e.side == side) path.emplace_back(e.from, e.to);
    return path;
}

std::string describe(const StatePath &path)
{
    std::string out;
    for (const auto &[from, to] : path)
        out += std::string(stateName(from)) + "->" + std::string(stateName(to)) + " ";
    return out;
}

Scenario listenOnly()
{
    Scenario scenario = defaultScenario();
    scenario.calls.resize(1); // the server's LISTEN at 0
    return scenario;
}

TEST(LoopbackDriver, DefaultSessionReachesTheSimulatorsStateSequences)
{
    Session simulated(defaultScenario());
    simulated.runToEnd();
    LoopbackDriver loopback(defaultScenario());
    ASSERT_EQ(loopback.open(), "");
    loopback.runToEnd(30 * kSecond);
    EXPECT_TRUE(loopback.finished());
    for (Side side : {Side::Client, Side::Server}) {
        const StatePath expected = statePath(simulated.trace(), side);
        const StatePath actual = statePath(loopback.trace(), side);
        EXPECT_FALSE(expected.empty());
        EXPECT_EQ(actual, expected) << sideName(side) << ": loopback " << describe(actual) << "\nsimulator "
                                    << describe(expected);
    }
    EXPECT_EQ(loopback.endpoint(Side::Client).state(), TcpState::Closed);
    EXPECT_EQ(loopback.endpoint(Side::Server).state(), TcpState::Closed);
    EXPECT_EQ(loopback.stats().datagramsDiscarded, 0u);
    EXPECT_EQ(loopback.stats().datagramsSent, loopback.stats().datagramsReceived);
}

TEST(LoopbackDriver, TraceNotesTheRealUdpPortsAndUsesWallClockTimes)
{
    LoopbackDriver loopback(defaultScenario());
    ASSERT_EQ(loopback.open(), "");
    loopback.runUntil(300 * kMillisecond);
    const std::string ports = "UDP 127.0.0.1:" + std::to_string(loopback.udpPort(Side::Client));
    bool noted = false;
    TimeUs last = 0;
    for (const TraceEvent &e : loopback.trace().events()) {
        noted = noted || (e.kind == TraceKind::Note && e.text.find(ports) != std::string::npos);
        EXPECT_GE(e.t, last);
        last = e.t;
    }
    EXPECT_TRUE(noted);
    EXPECT_GE(last, 200 * kMillisecond); // the client's SEND at 200 ms happened on the wall clock
    EXPECT_TRUE(runUntilTrue(
        loopback, [&] { return loopback.endpoint(Side::Client).state() == TcpState::Established; }));
}

TEST(LoopbackDriver, HostileDatagramsAreDiscardedCountedAndChangeNothing)
{
    LoopbackDriver loopback(listenOnly());
    ASSERT_EQ(loopback.open(), "");
    loopback.runUntil(10 * kMillisecond);
    ASSERT_EQ(loopback.endpoint(Side::Server).state(), TcpState::Listen);
    const std::size_t before = loopback.trace().size();

    Segment syn;
    syn.srcPort = 40000;
    syn.dstPort = 80;
    syn.seq = 1000;
    syn.flags = kSyn;
    syn.window = 65535;
    std::vector<std::uint8_t> badChecksum = encodeSegment(syn);
    badChecksum[16] ^= 0x5a;
    std::vector<std::uint8_t> random(64);
    std::uint32_t x = 12345;
    for (auto &b : random)
        b = static_cast<std::uint8_t>((x = x * 1103515245 + 12345) >> 16);
    random[12] = 0x50; // a plausible data offset, so that it is the checksum that rejects it
    const std::vector<std::uint8_t> validButStranger = encodeSegment(syn);
    const std::vector<std::uint8_t> truncated(validButStranger.begin(), validButStranger.begin() + 11);

    TestSocket stranger;
    const std::uint16_t server = loopback.udpPort(Side::Server);
    for (const std::vector<std::uint8_t> &bytes : {random, truncated, badChecksum, validButStranger})
        stranger.sendTo(server, bytes);
    runUntilTrue(loopback, [&] { return loopback.stats().datagramsReceived >= 4; });
    loopback.runUntil(loopback.now() + 20 * kMillisecond); // nothing more comes of them

    EXPECT_EQ(loopback.stats().datagramsReceived, 4u);
    EXPECT_EQ(loopback.stats().datagramsDiscarded, 4u);
    EXPECT_EQ(loopback.endpoint(Side::Server).state(), TcpState::Listen);
    std::vector<std::string> reasons;
    for (std::size_t i = before; i < loopback.trace().size(); ++i) {
        const TraceEvent &e = loopback.trace()[i];
        EXPECT_EQ(e.kind, TraceKind::SegmentDiscarded) << traceKindName(e.kind);
        EXPECT_EQ(e.side, Side::Server);
        reasons.push_back(e.text);
    }
    ASSERT_EQ(reasons.size(), 4u);
    const std::string source = "127.0.0.1:" + std::to_string(stranger.port());
    EXPECT_NE(reasons[0].find(decodeSegment(random).message), std::string::npos) << reasons[0];
    EXPECT_NE(reasons[1].find(decodeSegment(truncated).message), std::string::npos) << reasons[1];
    EXPECT_NE(reasons[2].find(decodeSegment(badChecksum).message), std::string::npos) << reasons[2];
    EXPECT_NE(reasons[3].find("not the peer"), std::string::npos) << reasons[3];
    for (const std::string &r : reasons)
        EXPECT_NE(r.find(source), std::string::npos) << r;
}

TEST(LoopbackDriver, PortInUseGivesAnErrorNamingThePort)
{
    TestSocket occupant;
    LoopbackOptions options;
    options.serverUdpPort = occupant.port();
    LoopbackDriver loopback(defaultScenario(), options);
    const std::string error = loopback.open();
    EXPECT_NE(error.find(std::to_string(occupant.port())), std::string::npos) << error;
    EXPECT_NE(error.find("in use"), std::string::npos) << error;
    EXPECT_FALSE(loopback.isOpen());
    EXPECT_EQ(loopback.udpPort(Side::Client), 0);
}

TEST(LoopbackDriver, GivenPortsAreBound)
{
    std::uint16_t port = 0;
    { // find a free port, then release it
        TestSocket other;
        port = other.port();
    }
    LoopbackOptions options;
    options.clientUdpPort = port;
    LoopbackDriver loopback(listenOnly(), options);
    ASSERT_EQ(loopback.open(), "");
    EXPECT_EQ(loopback.udpPort(Side::Client), port);
    EXPECT_NE(loopback.udpPort(Side::Server), 0);
}

TEST(LoopbackDriver, DropIntentDiscardsTheSegmentBeforeSendingRfc6298Retransmits)
{
    LoopbackDriver loopback(listenOnly());
    ASSERT_EQ(loopback.open(), "");
    loopback.runUntil(5 * kMillisecond);
    loopback.dropNextFrom(Side::Client);
    ASSERT_TRUE(loopback.call(Side::Client, CallKind::Connect).ok);
    loopback.runUntil(loopback.now() + 20 * kMillisecond);
    EXPECT_EQ(loopback.endpoint(Side::Server).state(), TcpState::Listen);
    EXPECT_EQ(loopback.stats().segmentsDropped, 1u);
    EXPECT_EQ(loopback.stats().datagramsSent, 0u);
    const auto &events = loopback.trace().events();
    auto sent = std::find_if(events.begin(), events.end(),
                             [](const TraceEvent &e) { return e.kind == TraceKind::SegmentSent; });
    ASSERT_NE(sent, events.end());
    EXPECT_EQ(sent->arrival, -1);
    const auto dropped = std::next(sent);
    ASSERT_NE(dropped, events.end());
    EXPECT_EQ(dropped->kind, TraceKind::SegmentDropped);
    EXPECT_EQ(dropped->segmentId, sent->segmentId);
    EXPECT_NE(dropped->text.find("dropped by user"), std::string::npos);
    // The initial RTO is 1 s (RFC 6298 §2.1): the retransmitted SYN opens the connection.
    EXPECT_TRUE(runUntilBoth(loopback, TcpState::Established));
}

} // namespace
} // namespace tcplab
