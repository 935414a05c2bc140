// The trace: append-only, ids are positions, and the names every export and view prints.
#include "trace/trace.h"

#include <gtest/gtest.h>

namespace tcplab {
namespace {

TEST(Trace, AppendAssignsConsecutiveIdsFromZero)
{
    Trace trace;
    TraceEvent e;
    e.eventId = 99; // ignored: the trace numbers its events
    EXPECT_EQ(trace.append(e), 0u);
    EXPECT_EQ(trace.append(e), 1u);
    EXPECT_EQ(trace.append(e), 2u);
    ASSERT_EQ(trace.size(), 3u);
    for (std::size_t i = 0; i < trace.size(); ++i)
        EXPECT_EQ(trace[i].eventId, i);
}

TEST(Trace, AppendKeepsTheEventsFields)
{
    Trace trace;
    TraceEvent e;
    e.t = 1234;
    e.kind = TraceKind::SegmentSent;
    e.side = Side::Server;
    e.conn = 2;
    e.segmentId = 7;
    e.segment.flags = kSyn | kAck;
    e.segment.payload = {1, 2, 3};
    e.text = "why";
    trace.append(std::move(e));
    const TraceEvent &stored = trace.events().front();
    EXPECT_EQ(stored.t, 1234);
    EXPECT_EQ(stored.kind, TraceKind::SegmentSent);
    EXPECT_EQ(stored.side, Side::Server);
    EXPECT_EQ(stored.conn, 2);
    EXPECT_EQ(stored.segmentId, 7u);
    EXPECT_EQ(stored.segment.payload, (std::vector<std::uint8_t>{1, 2, 3}));
    EXPECT_EQ(stored.text, "why");
}

TEST(Trace, ClearEmptiesAndRestartsIds)
{
    Trace trace;
    trace.append({});
    trace.clear();
    EXPECT_EQ(trace.size(), 0u);
    EXPECT_EQ(trace.append({}), 0u);
}

TEST(Trace, SideNamesAndPeers)
{
    EXPECT_EQ(sideName(Side::Client), "client");
    EXPECT_EQ(sideName(Side::Server), "server");
    EXPECT_EQ(peerOf(Side::Client), Side::Server);
    EXPECT_EQ(peerOf(Side::Server), Side::Client);
}

TEST(Trace, CallNamesAreTheRfc9293UserCallsInCapitals)
{
    EXPECT_EQ(callName(CallKind::Listen), "LISTEN");
    EXPECT_EQ(callName(CallKind::Connect), "CONNECT");
    EXPECT_EQ(callName(CallKind::Send), "SEND");
    EXPECT_EQ(callName(CallKind::Receive), "RECEIVE");
    EXPECT_EQ(callName(CallKind::Close), "CLOSE");
    EXPECT_EQ(callName(CallKind::Abort), "ABORT");
    EXPECT_EQ(callName(CallKind::Crash), "CRASH");
    EXPECT_EQ(callName(CallKind::Restart), "RESTART");
}

TEST(Trace, KindNamesAreDistinctSnakeCase)
{
    const TraceKind kinds[] = {
        TraceKind::UserCall,       TraceKind::SegmentSent,      TraceKind::SegmentDelivered,
        TraceKind::SegmentDropped, TraceKind::SegmentDiscarded, TraceKind::StateChanged,
        TraceKind::TimerArmed,     TraceKind::TimerCancelled,   TraceKind::TimerFired,
        TraceKind::DataDelivered,  TraceKind::ConnectionError,  TraceKind::Note};
    std::vector<std::string_view> names;
    for (TraceKind kind : kinds) {
        const std::string_view name = traceKindName(kind);
        for (char c : name)
            EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << name;
        EXPECT_EQ(std::count(names.begin(), names.end(), name), 0) << name;
        names.push_back(name);
    }
    EXPECT_EQ(traceKindName(TraceKind::SegmentSent), "segment_sent");
    EXPECT_EQ(traceKindName(TraceKind::StateChanged), "state_changed");
}

} // namespace
} // namespace tcplab
