// Replaying a capture through the core: a pcap of the simulator's own session replays with every segment
// matching what the core would send and the same state sequences; retransmissions and gaps are flagged.
#include "io/capture_replay.h"
#include "sim/session.h"
#include "trace/pcap_reader.h"
#include "trace/pcap_writer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace tcplab {
namespace {

std::vector<CapturedSegment> capturedDefaultSession(Trace *traceOut = nullptr)
{
    Session session(defaultScenario());
    session.runToEnd();
    if (traceOut) *traceOut = session.trace();
    const PcapCapture capture = readPcap(traceToPcap(session.trace()));
    const ConversationList list = listTcpConversations(capture);
    EXPECT_EQ(list.conversations.size(), 1u);
    return conversationSegments(capture, list.conversations.at(0)).segments;
}

// One connection of a real capture under tests/data/captures, decoded.
std::vector<CapturedSegment> realCapture(const std::string &name, std::size_t conversation = 0)
{
    std::ifstream in(std::string(TCPLAB_TEST_DATA_DIR) + "/captures/" + name, std::ios::binary);
    const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), {}};
    const PcapCapture capture = readPcap(bytes);
    EXPECT_TRUE(capture.ok()) << name;
    const ConversationList list = listTcpConversations(capture);
    if (conversation >= list.conversations.size()) {
        ADD_FAILURE() << name << " has no conversation " << conversation;
        return {};
    }
    return conversationSegments(capture, list.conversations[conversation]).segments;
}

std::string describeSteps(const ReplayResult &result)
{
    std::string text;
    for (const ReplayStep &step : result.steps)
        text += "#" + std::to_string(step.segment) + " " + std::string(sideName(step.from)) + " -> " +
                std::string(stateName(step.clientState)) + "/" + std::string(stateName(step.serverState)) +
                (step.matchesCore ? "" : " DIFFERS") + " " + step.remark + "\n";
    return text;
}

std::vector<std::pair<TcpState, TcpState>> path(const std::vector<StateStep> &states, Side side)
{
    std::vector<std::pair<TcpState, TcpState>> out;
    for (const StateStep &s : states)
        if (s.side == side) out.emplace_back(s.from, s.to);
    return out;
}

TEST(PcapReplay, SimulatorCaptureReplaysWithTheSameSegmentsAndStates)
{
    Trace trace;
    const std::vector<CapturedSegment> segments = capturedDefaultSession(&trace);
    ASSERT_FALSE(segments.empty());
    ReplayOptions options;
    options.base = teachingProfile(0);
    options.runTimersUntil = segments.back().t + 10 * kSecond;
    const ReplayResult result = replayCapture(segments, options);
    ASSERT_TRUE(result.replayed) << result.problem;
    ASSERT_EQ(result.steps.size(), segments.size());
    for (const ReplayStep &step : result.steps) {
        EXPECT_TRUE(step.matchesCore) << "segment " << step.segment << ": " << step.remark;
        EXPECT_FALSE(step.retransmission);
        EXPECT_EQ(step.gapBytes, 0u);
    }
    for (Side side : {Side::Client, Side::Server}) {
        std::vector<std::pair<TcpState, TcpState>> simulated;
        for (const TraceEvent &e : trace.events())
            if (e.kind == TraceKind::StateChanged && e.side == side) simulated.emplace_back(e.from, e.to);
        EXPECT_EQ(path(result.states, side), simulated) << sideName(side);
    }
    EXPECT_EQ(result.finalClient, TcpState::Closed);
    EXPECT_EQ(result.finalServer, TcpState::Closed);
}

TEST(PcapReplay, RepeatedSequenceIsARetransmissionAndMissingBytesAreAGap)
{
    std::vector<CapturedSegment> segments = capturedDefaultSession();
    const auto data = std::find_if(segments.begin(), segments.end(), [](const CapturedSegment &s) {
        return s.from == Side::Client && s.payloadLength > 0;
    });
    ASSERT_NE(data, segments.end());
    const std::size_t dataIndex = static_cast<std::size_t>(data - segments.begin());

    std::vector<CapturedSegment> repeated = segments;
    CapturedSegment again = repeated[dataIndex];
    again.t += 1000;
    repeated.insert(repeated.begin() + static_cast<std::ptrdiff_t>(dataIndex) + 1, again);
    const ReplayResult withRepeat = replayCapture(repeated);
    ASSERT_TRUE(withRepeat.replayed);
    EXPECT_TRUE(withRepeat.steps.at(dataIndex + 1).retransmission) << withRepeat.steps[dataIndex + 1].remark;
    EXPECT_FALSE(withRepeat.steps.at(dataIndex).retransmission);

    std::vector<CapturedSegment> missing = segments;
    const std::uint32_t length = missing[dataIndex].payloadLength;
    missing.erase(missing.begin() + static_cast<std::ptrdiff_t>(dataIndex));
    const ReplayResult withGap = replayCapture(missing);
    const auto gap = std::find_if(withGap.steps.begin(), withGap.steps.end(),
                                  [](const ReplayStep &s) { return s.gapBytes > 0; });
    ASSERT_NE(gap, withGap.steps.end());
    EXPECT_EQ(gap->gapBytes, length);
    EXPECT_EQ(gap->from, Side::Client);
    EXPECT_NE(gap->remark.find("not in the capture"), std::string::npos);
}

TEST(PcapReplay, CaptureWithoutSynIsNotReplayed)
{
    std::vector<CapturedSegment> segments = capturedDefaultSession();
    segments.erase(segments.begin(), segments.begin() + 2);
    const ReplayResult result = replayCapture(segments);
    EXPECT_FALSE(result.replayed);
    EXPECT_NE(result.problem.find("no SYN"), std::string::npos);
}

// Real Linux captures on `lo` (tcpdump while Python sockets talked, committed under tests/data/captures).
// Linux offers window scaling in its SYN (RFC 7323 §2.2), so after the handshake its windows are scaled
// (a window of 64 means 64 << 10); it also ACKs at once early in a connection (quick-ACK mode) where the
// core's delayed ACK waits, and later waits too. Both ends' states must come out as RFC 9293 §3.3.2 has
// them, and every segment as the core would send it.
ReplayResult replayReal(const std::vector<CapturedSegment> &segments)
{
    ReplayOptions options; // the Linux profile: delayed ACKs of 40 ms
    options.runTimersUntil = segments.empty() ? -1 : segments.back().t; // nothing beyond the capture
    return replayCapture(segments, options);
}

using Path = std::vector<std::pair<TcpState, TcpState>>;

TEST(PcapReplay, RealLinuxTransferWithWindowScalingReplaysAsTheCoreWouldSendIt)
{
    // The client sends 5000 bytes, the server answers 3000, the client closes first.
    const std::vector<CapturedSegment> segments = realCapture("linux-lo-transfer.pcap");
    ASSERT_EQ(segments.size(), 11u);
    ASSERT_TRUE(segments[0].segment.windowScale.has_value());
    const ReplayResult result = replayReal(segments);
    ASSERT_TRUE(result.replayed) << result.problem;
    EXPECT_TRUE(result.windowScaling.negotiated);
    EXPECT_EQ(result.windowScaling.clientShift, *segments[0].segment.windowScale);
    ASSERT_EQ(result.steps.size(), segments.size());
    for (const ReplayStep &step : result.steps)
        EXPECT_TRUE(step.matchesCore) << describeSteps(result);
    // The server's quick ACK of the 5000 bytes: sent at once, where the core's timer would wait.
    EXPECT_TRUE(result.steps[4].earlyAck) << describeSteps(result);
    using enum TcpState;
    EXPECT_EQ(path(result.states, Side::Client), (Path{{Closed, SynSent},
                                                       {SynSent, Established},
                                                       {Established, FinWait1},
                                                       {FinWait1, FinWait2},
                                                       {FinWait2, TimeWait}}));
    EXPECT_EQ(path(result.states, Side::Server), (Path{{Closed, Listen},
                                                       {Listen, SynRcvd},
                                                       {SynRcvd, Established},
                                                       {Established, CloseWait},
                                                       {CloseWait, LastAck},
                                                       {LastAck, Closed}}));
    EXPECT_EQ(result.finalClient, TimeWait);
    EXPECT_EQ(result.finalServer, Closed);
}

TEST(PcapReplay, RealLinuxExchangeWhereTheServerClosesFirst)
{
    // "hello", "pong:hello", then the server closes: it passes TIME-WAIT, the client LAST-ACK.
    const std::vector<CapturedSegment> segments = realCapture("linux-lo-exchange.pcap");
    ASSERT_EQ(segments.size(), 11u);
    const ReplayResult result = replayReal(segments);
    ASSERT_TRUE(result.replayed) << result.problem;
    for (const ReplayStep &step : result.steps)
        EXPECT_TRUE(step.matchesCore) << describeSteps(result);
    using enum TcpState;
    EXPECT_EQ(path(result.states, Side::Client), (Path{{Closed, SynSent},
                                                       {SynSent, Established},
                                                       {Established, CloseWait},
                                                       {CloseWait, LastAck},
                                                       {LastAck, Closed}}));
    EXPECT_EQ(path(result.states, Side::Server), (Path{{Closed, Listen},
                                                       {Listen, SynRcvd},
                                                       {SynRcvd, Established},
                                                       {Established, FinWait1},
                                                       {FinWait1, FinWait2},
                                                       {FinWait2, TimeWait}}));
    EXPECT_EQ(result.finalClient, Closed);
    EXPECT_EQ(result.finalServer, TimeWait);
}

TEST(PcapReplay, RealRetransmittedSynIsFlaggedAndTheConnectionStillOpens)
{
    // The listener's accept queue was full: Linux dropped the first SYN and the client sent it again after
    // its 1 s RTO (RFC 6298 §2.1), with the same ISN.
    const std::vector<CapturedSegment> segments = realCapture("linux-lo-syn-retransmitted.pcap", 1);
    ASSERT_EQ(segments.size(), 9u);
    const ReplayResult result = replayReal(segments);
    ASSERT_TRUE(result.replayed) << result.problem;
    EXPECT_TRUE(result.steps[1].retransmission);
    EXPECT_TRUE(result.steps[1].matchesCore) << describeSteps(result); // the core's RTO fired as Linux's did
    EXPECT_EQ(result.steps[3].clientState, TcpState::Established);
    EXPECT_EQ(result.steps[3].serverState, TcpState::Established);
    EXPECT_EQ(result.finalClient, TcpState::Closed);
    EXPECT_EQ(result.finalServer, TcpState::TimeWait);
}

} // namespace
} // namespace tcplab
