// Replay: stepping back is a new session from the same scenario with the same intents, run to an earlier
// time. Its trace must be exactly the prefix of the original's (DESIGN.md: "the replay is exact").
#include "sim/session.h"
#include "trace/json_writer.h"

#include <gtest/gtest.h>

namespace tcplab {
namespace {

// The JSON lines of every event at or before `until`.
std::string prefix(const Trace &trace, TimeUs until)
{
    std::string out;
    for (const TraceEvent &e : trace.events()) {
        if (e.t > until) break;
        out += traceEventToJson(e) + "\n";
    }
    return out;
}

// A session driven by hand: a user drop of the SYN,ACK in flight, a user send, a delay and a duplicate.
Session interactiveSession(const Scenario &scenario)
{
    Session session(scenario);
    session.runUntil(80 * kMillisecond); // the SYN,ACK (segment 2) left the server at 60 ms
    EXPECT_TRUE(session.dropSegment(2));
    session.runUntil(1200 * kMillisecond); // the retransmitted SYN,ACK completes the handshake
    session.call(Side::Client, CallKind::Send, {'a', 'b', 'c'});
    session.runUntil(1210 * kMillisecond);
    const std::vector<InFlight> flying = session.inFlight();
    EXPECT_FALSE(flying.empty());
    if (!flying.empty()) {
        EXPECT_TRUE(session.delaySegment(flying.front().segmentId, 20 * kMillisecond));
        EXPECT_TRUE(session.duplicateSegment(flying.front().segmentId));
    }
    session.dropNextFrom(Side::Server);
    session.runUntil(6 * kSecond);
    return session;
}

// Only the listen and connect: the rest is done by hand.
Scenario handshakeOnly()
{
    Scenario scenario = defaultScenario();
    scenario.calls.resize(2);
    return scenario;
}

TEST(Replay, ReplayToAnEarlierTimeGivesExactlyThePrefixOfTheTrace)
{
    const Scenario scenario = handshakeOnly();
    Session original = interactiveSession(scenario);
    ASSERT_EQ(original.intents().size(), 5u);
    const TimeUs end = original.now();
    for (TimeUs until :
         {TimeUs{0}, 10 * kMillisecond, 79 * kMillisecond, 80 * kMillisecond, 85 * kMillisecond,
          1200 * kMillisecond, 1210 * kMillisecond, 1300 * kMillisecond, 3 * kSecond, end}) {
        Session replayed = Session::replay(scenario, original.intents(), until);
        EXPECT_EQ(replayed.now(), until);
        EXPECT_EQ(traceToJsonLines(replayed.trace()), prefix(original.trace(), until)) << "until " << until;
    }
}

TEST(Replay, ReplayRecordsTheSameIntentsUpToItsTime)
{
    const Scenario scenario = handshakeOnly();
    Session original = interactiveSession(scenario);
    Session replayed = Session::replay(scenario, original.intents(), 1200 * kMillisecond);
    ASSERT_EQ(replayed.intents().size(), 2u);
    EXPECT_EQ(replayed.intents()[0].kind, Intent::Kind::DropSegment);
    EXPECT_EQ(replayed.intents()[1].kind, Intent::Kind::Call);
}

TEST(Replay, ReplayedSessionContinuesExactlyLikeTheOriginal)
{
    const Scenario scenario = handshakeOnly();
    Session original = interactiveSession(scenario);
    original.runToEnd();
    Session replayed = Session::replay(scenario, original.intents(), 1250 * kMillisecond);
    replayed.runToEnd();
    EXPECT_EQ(traceToJsonLines(replayed.trace()), traceToJsonLines(original.trace()));
}

TEST(Replay, ReplayWithRandomLossIsExactToo)
{
    Scenario scenario = defaultScenario(Profile::Linux, 11);
    LinkRule loss;
    loss.probability = 0.2;
    scenario.link.rules = {loss};
    Session original(scenario);
    original.runUntil(75 * kMillisecond);
    for (const InFlight &f : original.inFlight())
        original.dropSegment(f.segmentId);
    original.runToEnd();
    for (TimeUs until : {TimeUs{75 * kMillisecond}, TimeUs{2 * kSecond}, original.now()}) {
        Session replayed = Session::replay(scenario, original.intents(), until);
        EXPECT_EQ(traceToJsonLines(replayed.trace()), prefix(original.trace(), until)) << until;
    }
}

} // namespace
} // namespace tcplab
