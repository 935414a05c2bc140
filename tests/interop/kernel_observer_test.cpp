// The kernel observer on 127.0.0.1 with an ephemeral port: the default session's calls against the
// kernel's own TCP, its segments captured on lo and its states read through TCP_INFO and sock_diag.
#include "io/kernel_observer.h"
#include "sim/scenario.h"
#include "trace/json_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace tcplab {
namespace {

bool sawState(const Trace &trace, Side side, TcpState state)
{
    return std::any_of(trace.events().begin(), trace.events().end(), [&](const TraceEvent &e) {
        return e.kind == TraceKind::StateChanged && e.side == side && e.to == state;
    });
}

bool sawSegment(const Trace &trace, Side side, std::uint8_t flags)
{
    return std::any_of(trace.events().begin(), trace.events().end(), [&](const TraceEvent &e) {
        return e.kind == TraceKind::SegmentSent && e.side == side && e.segment.flags == flags;
    });
}

TEST(KernelObserver, DefaultCallsShowHandshakeAndCloseStates)
{
    if (::geteuid() != 0) GTEST_SKIP() << "needs root (or CAP_NET_RAW) to capture on lo; CI runs as root";
    std::string problem;
    const Trace trace = runKernelSession(defaultScenario(Profile::Linux, 1), 300 * kMillisecond, problem);
    if (std::getenv("TCPLAB_INTEROP_TRACE") || ::testing::Test::HasFailure())
        std::cerr << traceToJsonLines(trace);
    ASSERT_EQ(problem, "") << "capture expected as root";

    EXPECT_TRUE(sawSegment(trace, Side::Client, kSyn));
    EXPECT_TRUE(sawSegment(trace, Side::Server, kSyn | kAck));
    EXPECT_TRUE(sawSegment(trace, Side::Client, kAck));
    const auto syn = std::find_if(trace.events().begin(), trace.events().end(),
                                  [](const TraceEvent &e) { return e.kind == TraceKind::SegmentSent; });
    ASSERT_NE(syn, trace.events().end());
    EXPECT_NE(syn->text.find("wscale"), std::string::npos) << "the kernel's SYN options are noted";

    EXPECT_TRUE(sawState(trace, Side::Server, TcpState::Listen));
    EXPECT_TRUE(sawState(trace, Side::Client, TcpState::SynSent));
    EXPECT_TRUE(sawState(trace, Side::Client, TcpState::Established));
    EXPECT_TRUE(sawState(trace, Side::Server, TcpState::Established));
    EXPECT_TRUE(sawState(trace, Side::Client, TcpState::FinWait1));
    EXPECT_TRUE(sawState(trace, Side::Client, TcpState::FinWait2));
    EXPECT_TRUE(sawState(trace, Side::Server, TcpState::CloseWait));
    EXPECT_TRUE(sawState(trace, Side::Server, TcpState::LastAck));
    EXPECT_TRUE(sawState(trace, Side::Client, TcpState::TimeWait)) << "TIME_WAIT comes from sock_diag";
    EXPECT_TRUE(sawState(trace, Side::Server, TcpState::Closed));
    // FIN_WAIT_2 and TIME_WAIT must have been observed, not inferred.
    for (const TraceEvent &e : trace.events()) {
        if (e.kind == TraceKind::StateChanged && (e.to == TcpState::TimeWait || e.to == TcpState::FinWait2)) {
            EXPECT_EQ(e.text.rfind("observed via", 0), 0u) << e.text;
        }
    }
}

TEST(KernelObserver, WithoutCaptureSaysWhyAndStillShowsStates)
{
    KernelObserverOptions options;
    options.capture = false;
    std::string problem;
    const Trace trace =
        runKernelSession(defaultScenario(Profile::Linux, 1), 100 * kMillisecond, problem, options);
    EXPECT_NE(problem.find("only states are shown"), std::string::npos) << problem;
    EXPECT_TRUE(sawState(trace, Side::Client, TcpState::Established));
    EXPECT_TRUE(sawState(trace, Side::Client, TcpState::TimeWait));
    EXPECT_TRUE(std::none_of(trace.events().begin(), trace.events().end(),
                             [](const TraceEvent &e) { return e.kind == TraceKind::SegmentSent; }));
}

} // namespace
} // namespace tcplab
