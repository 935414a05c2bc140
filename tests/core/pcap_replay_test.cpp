// Replaying a capture through the core: a pcap of the simulator's own session replays with every segment
// matching what the core would send and the same state sequences; retransmissions and gaps are flagged.
#include "io/capture_replay.h"
#include "sim/session.h"
#include "trace/pcap_reader.h"
#include "trace/pcap_writer.h"

#include <gtest/gtest.h>

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

} // namespace
} // namespace tcplab
