// The simulated session: virtual clock and event queue, endpoint outputs into the trace, scheduled and
// interactive calls, several connection pairs, crash and restart, determinism.
#include "sim/event_queue.h"
#include "sim/session.h"
#include "trace/json_writer.h"

#include <gtest/gtest.h>

namespace tcplab {
namespace {

std::vector<TcpState> statesOf(const Trace &trace, Side side, int conn = 0)
{
    std::vector<TcpState> states;
    for (const TraceEvent &e : trace.events()) {
        if (e.side != side || e.conn != conn) continue;
        // A crash leaves CLOSED without a state change (it is no transition of the state machine).
        if (e.kind == TraceKind::UserCall && (e.call == CallKind::Crash || e.call == CallKind::Restart))
            states.push_back(TcpState::Closed);
        if (e.kind != TraceKind::StateChanged) continue;
        if (states.empty()) states.push_back(e.from);
        EXPECT_EQ(states.back(), e.from) << "state changes must chain";
        states.push_back(e.to);
    }
    return states;
}

std::vector<std::uint8_t> dataAt(const Trace &trace, Side side, int conn = 0)
{
    std::vector<std::uint8_t> bytes;
    for (const TraceEvent &e : trace.events())
        if (e.kind == TraceKind::DataDelivered && e.side == side && e.conn == conn)
            bytes.insert(bytes.end(), e.data.begin(), e.data.end());
    return bytes;
}

std::vector<std::uint8_t> bytes(std::string_view text)
{
    return {text.begin(), text.end()};
}

const TraceEvent *findKind(const Trace &trace, TraceKind kind, std::size_t from = 0)
{
    for (std::size_t i = from; i < trace.size(); ++i)
        if (trace[i].kind == kind) return &trace[i];
    return nullptr;
}

// A scenario with only the listen and connect of the default: the caller adds what it tests.
Scenario handshakeOnly()
{
    Scenario scenario = defaultScenario();
    scenario.calls.resize(2);
    return scenario;
}

TEST(EventQueue, OrdersByTimeThenByInsertion)
{
    EventQueue queue;
    queue.push(30, 0, 1);
    queue.push(10, 0, 2);
    queue.push(30, 0, 3);
    queue.push(10, 0, 4);
    queue.push(20, 0, 5);
    std::vector<std::uint32_t> order;
    while (!queue.empty())
        order.push_back(queue.pop().index);
    EXPECT_EQ(order, (std::vector<std::uint32_t>{2, 4, 5, 1, 3}));
}

TEST(EventQueue, ManySameTimeEntriesKeepTheirInsertionOrder)
{
    EventQueue queue;
    for (std::uint32_t i = 0; i < 1000; ++i)
        queue.push(i % 3 == 0 ? 5 : 7, 0, i);
    std::uint32_t last5 = 0, last7 = 0;
    bool first5 = true, first7 = true;
    while (!queue.empty()) {
        const QueueEntry e = queue.pop();
        std::uint32_t &last = e.t == 5 ? last5 : last7;
        bool &first = e.t == 5 ? first5 : first7;
        if (!first) {
            EXPECT_GT(e.index, last);
        }
        first = false;
        last = e.index;
    }
}

TEST(Session, DefaultScenarioClientGoesThroughTheActiveOpenAndCloseStates)
{
    Session session(defaultScenario());
    session.runToEnd();
    EXPECT_EQ(
        statesOf(session.trace(), Side::Client),
        (std::vector<TcpState>{TcpState::Closed, TcpState::SynSent, TcpState::Established, TcpState::FinWait1,
                               TcpState::FinWait2, TcpState::TimeWait, TcpState::Closed}));
}

TEST(Session, DefaultScenarioServerGoesThroughThePassiveOpenAndCloseStates)
{
    Session session(defaultScenario());
    session.runToEnd();
    EXPECT_EQ(
        statesOf(session.trace(), Side::Server),
        (std::vector<TcpState>{TcpState::Closed, TcpState::Listen, TcpState::SynRcvd, TcpState::Established,
                               TcpState::CloseWait, TcpState::LastAck, TcpState::Closed}));
}

TEST(Session, DefaultScenarioUsesTheTeachingIsnsAndExchangesTheRequestAndReply)
{
    const Scenario scenario = defaultScenario();
    EXPECT_EQ(scenario.client.fixedIsn, 1000u);
    EXPECT_EQ(scenario.server.fixedIsn, 5000u);
    Session session(scenario);
    session.runToEnd();
    EXPECT_EQ(dataAt(session.trace(), Side::Server), bytes("GET / HTTP/1.0\r\n\r\n"));
    EXPECT_EQ(dataAt(session.trace(), Side::Client), bytes("HTTP/1.0 200 OK\r\n\r\nhello\n"));
    const TraceEvent *syn = findKind(session.trace(), TraceKind::SegmentSent);
    ASSERT_NE(syn, nullptr);
    EXPECT_EQ(syn->segment.seq, 1000u);
    EXPECT_TRUE(session.finished());
    EXPECT_EQ(session.endpoint(Side::Client).state(), TcpState::Closed);
    EXPECT_EQ(session.endpoint(Side::Server).state(), TcpState::Closed);
}

TEST(Session, DefaultScenarioShowsCloseWaitForAMomentAndTimeWaitFor2Msl)
{
    Session session(defaultScenario());
    session.runToEnd();
    TimeUs closeWaitAt = -1, lastAckAt = -1, timeWaitAt = -1, closedAt = -1;
    for (const TraceEvent &e : session.trace().events()) {
        if (e.kind != TraceKind::StateChanged) continue;
        if (e.to == TcpState::CloseWait) closeWaitAt = e.t;
        if (e.to == TcpState::LastAck) lastAckAt = e.t;
        if (e.to == TcpState::TimeWait) timeWaitAt = e.t;
        if (e.side == Side::Client && e.to == TcpState::Closed) closedAt = e.t;
    }
    EXPECT_GE(lastAckAt - closeWaitAt, 100 * kMillisecond);
    EXPECT_EQ(closedAt - timeWaitAt, 2 * kSecond); // teaching MSL 1 s
}

TEST(Session, SegmentEventsRecordSenderPlannedArrivalAndDelivery)
{
    Session session(handshakeOnly());
    session.runToEnd();
    const Trace &trace = session.trace();
    const TraceEvent *sent = findKind(trace, TraceKind::SegmentSent);
    ASSERT_NE(sent, nullptr);
    EXPECT_EQ(sent->segmentId, 1u);
    EXPECT_EQ(sent->side, Side::Client);
    EXPECT_EQ(sent->t, 10 * kMillisecond);
    EXPECT_EQ(sent->arrival, 60 * kMillisecond);
    const TraceEvent *delivered = findKind(trace, TraceKind::SegmentDelivered);
    ASSERT_NE(delivered, nullptr);
    EXPECT_EQ(delivered->segmentId, 1u);
    EXPECT_EQ(delivered->t, 60 * kMillisecond);
    EXPECT_EQ(delivered->segment, sent->segment);
}

TEST(Session, TraceIsInTimeOrderWithIdsEqualToPositions)
{
    Session session(defaultScenario());
    session.runToEnd();
    const Trace &trace = session.trace();
    for (std::size_t i = 0; i < trace.size(); ++i) {
        EXPECT_EQ(trace[i].eventId, i);
        if (i > 0) {
            EXPECT_LE(trace[i - 1].t, trace[i].t);
        }
    }
}

TEST(Session, RunUntilProcessesEventsUpToTAndLeavesTheClockThere)
{
    Session session(defaultScenario());
    EXPECT_EQ(session.nextEventTime(), 0);
    session.runUntil(60 * kMillisecond);
    EXPECT_EQ(session.now(), 60 * kMillisecond);
    EXPECT_EQ(session.endpoint(Side::Server).state(), TcpState::SynRcvd); // the SYN arrived at exactly 60 ms
    EXPECT_EQ(session.endpoint(Side::Client).state(), TcpState::SynSent);
    for (const TraceEvent &e : session.trace().events())
        EXPECT_LE(e.t, 60 * kMillisecond);
    EXPECT_EQ(session.nextEventTime(), 110 * kMillisecond);
    session.runUntil(70 * kMillisecond);
    EXPECT_EQ(session.now(), 70 * kMillisecond);
}

TEST(Session, StepProcessesEverythingAtTheNextTimeOnly)
{
    Session session(defaultScenario());
    ASSERT_TRUE(session.step());
    EXPECT_EQ(session.now(), 0);
    EXPECT_EQ(session.endpoint(Side::Server).state(), TcpState::Listen);
    ASSERT_TRUE(session.step());
    EXPECT_EQ(session.now(), 10 * kMillisecond);
    EXPECT_EQ(session.endpoint(Side::Client).state(), TcpState::SynSent);
    int steps = 2;
    while (session.step())
        ++steps;
    EXPECT_TRUE(session.finished());
    EXPECT_FALSE(session.nextEventTime());
    EXPECT_GT(steps, 10);
}

TEST(Session, EndAtStopsTheSimulation)
{
    Scenario scenario = defaultScenario();
    scenario.endAt = 100 * kMillisecond;
    Session session(scenario);
    session.runToEnd();
    EXPECT_TRUE(session.finished());
    EXPECT_EQ(session.endpoint(Side::Client).state(), TcpState::SynSent);
    EXPECT_LE(session.trace().events().back().t, 100 * kMillisecond);
}

TEST(Session, TimersAreRecordedWithDeadlines)
{
    Session session(defaultScenario());
    session.runToEnd();
    bool armed2Msl = false, fired2Msl = false;
    for (const TraceEvent &e : session.trace().events()) {
        if (e.kind == TraceKind::TimerArmed && e.timer == TimerKind::TimeWait) {
            armed2Msl = true;
            EXPECT_EQ(e.duration, 2 * kSecond);
            EXPECT_EQ(e.deadline, e.t + e.duration);
        }
        if (e.kind == TraceKind::TimerFired && e.timer == TimerKind::TimeWait) {
            fired2Msl = true;
            EXPECT_EQ(e.t, e.deadline);
        }
    }
    EXPECT_TRUE(armed2Msl);
    EXPECT_TRUE(fired2Msl);
}

TEST(Session, UserDropOfASegmentInFlightRecordsItNowAndItNeverArrives)
{
    Session session(handshakeOnly());
    session.runUntil(30 * kMillisecond);
    const std::vector<InFlight> flying = session.inFlight();
    ASSERT_EQ(flying.size(), 1u);
    EXPECT_EQ(flying[0].segmentId, 1u);
    EXPECT_EQ(flying[0].arrival, 60 * kMillisecond);
    EXPECT_TRUE(session.dropSegment(1));
    EXPECT_TRUE(session.inFlight().empty());
    const TraceEvent &dropped = session.trace().events().back();
    EXPECT_EQ(dropped.kind, TraceKind::SegmentDropped);
    EXPECT_EQ(dropped.t, 30 * kMillisecond);
    EXPECT_EQ(dropped.text, "dropped by user");
    session.runUntil(500 * kMillisecond);
    EXPECT_EQ(session.endpoint(Side::Server).state(), TcpState::Listen);
    ASSERT_EQ(session.intents().size(), 1u);
    EXPECT_EQ(session.intents()[0].kind, Intent::Kind::DropSegment);
    EXPECT_EQ(session.intents()[0].at, 30 * kMillisecond);
}

TEST(Session, IntentsThatDoNotApplyChangeNothingAndAreNotRecorded)
{
    Session session(handshakeOnly());
    session.runUntil(30 * kMillisecond);
    const std::size_t before = session.trace().size();
    EXPECT_FALSE(session.dropSegment(99));
    EXPECT_FALSE(session.duplicateSegment(99));
    EXPECT_FALSE(session.delaySegment(1, 0));
    EXPECT_EQ(session.trace().size(), before);
    EXPECT_TRUE(session.intents().empty());
}

TEST(Session, UserDuplicateMakesACopyWithItsOwnId)
{
    Session session(handshakeOnly());
    session.runUntil(30 * kMillisecond);
    ASSERT_TRUE(session.duplicateSegment(1));
    const TraceEvent &copy = session.trace().events().back();
    EXPECT_EQ(copy.kind, TraceKind::SegmentSent);
    EXPECT_EQ(copy.segmentId, 2u);
    EXPECT_EQ(copy.duplicateOf, 1u);
    EXPECT_EQ(copy.arrival, 80 * kMillisecond);
    EXPECT_EQ(session.inFlight().size(), 2u);
    session.runUntil(80 * kMillisecond);
    int deliveredSyns = 0;
    for (const TraceEvent &e : session.trace().events())
        deliveredSyns +=
            e.kind == TraceKind::SegmentDelivered && e.segment.has(kSyn) && e.side == Side::Client;
    EXPECT_EQ(deliveredSyns, 2);
}

TEST(Session, UserDelayMovesTheArrivalAndSaysSo)
{
    Session session(handshakeOnly());
    session.runUntil(30 * kMillisecond);
    ASSERT_TRUE(session.delaySegment(1, 40 * kMillisecond));
    const TraceEvent &note = session.trace().events().back();
    EXPECT_EQ(note.kind, TraceKind::Note);
    EXPECT_EQ(note.segmentId, 1u);
    EXPECT_EQ(note.arrival, 100 * kMillisecond);
    session.runUntil(99 * kMillisecond);
    EXPECT_EQ(session.endpoint(Side::Server).state(), TcpState::Listen);
    session.runUntil(100 * kMillisecond);
    EXPECT_EQ(session.endpoint(Side::Server).state(), TcpState::SynRcvd);
}

TEST(Session, DropNextFromDropsTheNextSegmentOfThatSideMidway)
{
    Session session(handshakeOnly());
    session.runUntil(5 * kMillisecond);
    session.dropNextFrom(Side::Client);
    session.runUntil(500 * kMillisecond);
    const TraceEvent *dropped = findKind(session.trace(), TraceKind::SegmentDropped);
    ASSERT_NE(dropped, nullptr);
    EXPECT_EQ(dropped->segmentId, 1u);
    EXPECT_EQ(dropped->t, 35 * kMillisecond);
    EXPECT_EQ(dropped->text, "dropped by user (next from client)");
}

TEST(Session, InteractiveCallsAreRecordedWithTheirResult)
{
    Session session(handshakeOnly());
    session.runUntil(200 * kMillisecond);
    const CallResult sent = session.call(Side::Client, CallKind::Send, bytes("hi"));
    EXPECT_TRUE(sent.ok);
    const TraceEvent *call = nullptr;
    for (const TraceEvent &e : session.trace().events())
        if (e.kind == TraceKind::UserCall && e.call == CallKind::Send) call = &e;
    ASSERT_NE(call, nullptr);
    EXPECT_TRUE(call->callOk);
    EXPECT_EQ(call->t, 200 * kMillisecond);

    const CallResult again = session.call(Side::Server, CallKind::Listen);
    EXPECT_FALSE(again.ok);
    const TraceEvent &failed = session.trace().events()[session.trace().size() - 1];
    EXPECT_EQ(failed.kind, TraceKind::UserCall);
    EXPECT_FALSE(failed.callOk);
    EXPECT_EQ(failed.text, std::string(again.error));
    EXPECT_FALSE(failed.text.empty());
    session.runUntil(300 * kMillisecond);
    EXPECT_EQ(dataAt(session.trace(), Side::Server), bytes("hi"));
    EXPECT_EQ(session.intents().size(), 2u);
}

TEST(Session, WithoutAutoReadDataWaitsForAReceiveCall)
{
    Scenario scenario = handshakeOnly();
    scenario.server.autoRead = false;
    ScheduledCall send;
    send.at = 200 * kMillisecond;
    send.side = Side::Client;
    send.call = CallKind::Send;
    send.data = bytes("hello");
    ScheduledCall receive;
    receive.at = 400 * kMillisecond;
    receive.side = Side::Server;
    receive.call = CallKind::Receive;
    receive.receiveBytes = 3;
    scenario.calls.push_back(send);
    scenario.calls.push_back(receive);
    Session session(scenario);
    session.runUntil(399 * kMillisecond);
    EXPECT_TRUE(dataAt(session.trace(), Side::Server).empty());
    session.runUntil(400 * kMillisecond);
    EXPECT_EQ(dataAt(session.trace(), Side::Server), bytes("hel"));
    session.call(Side::Server, CallKind::Receive);
    EXPECT_EQ(dataAt(session.trace(), Side::Server), bytes("hello"));
}

TEST(Session, CrashLosesTheTcbSilentlyAndThePeerIsResetWhenItSpeaks)
{
    // RFC 9293 §3.5.1 half-open connection: the server crashes, the client sends, the new server answers RST.
    Scenario scenario = handshakeOnly();
    ScheduledCall crash;
    crash.at = 300 * kMillisecond;
    crash.side = Side::Server;
    crash.call = CallKind::Crash;
    ScheduledCall send;
    send.at = 400 * kMillisecond;
    send.side = Side::Client;
    send.call = CallKind::Send;
    send.data = bytes("anyone?");
    scenario.calls.push_back(crash);
    scenario.calls.push_back(send);
    Session session(scenario);
    session.runUntil(300 * kMillisecond);
    EXPECT_EQ(session.endpoint(Side::Server).state(), TcpState::Closed);
    // No state change is recorded for the crash: it is not a transition of the state machine.
    for (const TraceEvent &e : session.trace().events())
        if (e.kind == TraceKind::StateChanged && e.side == Side::Server) {
            EXPECT_NE(e.to, TcpState::Closed);
        }
    const std::size_t afterCrash = session.trace().size();
    EXPECT_EQ(session.trace()[afterCrash - 1].kind, TraceKind::UserCall);
    EXPECT_EQ(session.trace()[afterCrash - 1].call, CallKind::Crash);
    EXPECT_TRUE(session.inFlight().empty()); // nothing was said on the wire
    session.runToEnd();
    const TraceEvent *error = findKind(session.trace(), TraceKind::ConnectionError, afterCrash);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->side, Side::Client);
    EXPECT_EQ(session.endpoint(Side::Client).state(), TcpState::Closed);
}

TEST(Session, RestartOfAServerIsACrashFollowedByListen)
{
    Scenario scenario = handshakeOnly();
    ScheduledCall restart;
    restart.at = 300 * kMillisecond;
    restart.side = Side::Server;
    restart.call = CallKind::Restart;
    scenario.calls.push_back(restart);
    Session session(scenario);
    session.runUntil(300 * kMillisecond);
    EXPECT_EQ(session.endpoint(Side::Server).state(), TcpState::Listen);
    const std::vector<TcpState> states = statesOf(session.trace(), Side::Server);
    ASSERT_GE(states.size(), 3u);
    EXPECT_EQ(states[states.size() - 3], TcpState::Established);
    EXPECT_EQ(states[states.size() - 2], TcpState::Closed);
    EXPECT_EQ(states.back(), TcpState::Listen);
}

TEST(Session, CrashCancelsTheArmedTimersInTheTrace)
{
    Scenario scenario = handshakeOnly();
    ScheduledCall crash;
    crash.at = 30 * kMillisecond; // the client waits for SYN,ACK with its RTO armed
    crash.side = Side::Client;
    crash.call = CallKind::Crash;
    scenario.calls.push_back(crash);
    Session session(scenario);
    session.runUntil(30 * kMillisecond);
    const TraceEvent &last = session.trace().events().back();
    EXPECT_EQ(last.kind, TraceKind::TimerCancelled);
    EXPECT_EQ(last.timer, TimerKind::Retransmission);
    EXPECT_EQ(last.deadline, 10 * kMillisecond + kSecond);
}

TEST(Session, SeveralConnectionPairsUseConsecutiveClientPortsAndTheirOwnIndex)
{
    Scenario scenario = defaultScenario();
    scenario.connections = 3;
    std::vector<ScheduledCall> calls;
    for (int conn = 0; conn < 3; ++conn)
        for (ScheduledCall call : scenario.calls) {
            call.conn = conn;
            call.at += conn * 5 * kMillisecond;
            calls.push_back(call);
        }
    scenario.calls = calls;
    Session session(scenario);
    EXPECT_EQ(session.connectionCount(), 3);
    session.runToEnd();
    for (int conn = 0; conn < 3; ++conn) {
        EXPECT_EQ(statesOf(session.trace(), Side::Client, conn).size(), 7u) << conn;
        EXPECT_EQ(dataAt(session.trace(), Side::Server, conn), bytes("GET / HTTP/1.0\r\n\r\n")) << conn;
        EXPECT_EQ(session.endpoint(Side::Client, conn).localPort(), 40000 + conn);
    }
    for (const TraceEvent &e : session.trace().events()) {
        if (e.kind != TraceKind::SegmentSent) continue;
        const std::uint16_t clientPort = e.side == Side::Client ? e.segment.srcPort : e.segment.dstPort;
        EXPECT_EQ(clientPort, 40000 + e.conn);
    }
}

TEST(Session, ACallOnAConnectionThatDoesNotExistFailsCleanly)
{
    Session session(defaultScenario());
    const CallResult result = session.call(Side::Client, CallKind::Connect, {}, 5);
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(session.trace().events().back().kind, TraceKind::UserCall);
    EXPECT_FALSE(session.trace().events().back().callOk);
}

TEST(Session, SameScenarioAndSeedGiveAByteIdenticalTrace)
{
    Scenario scenario = defaultScenario(Profile::Linux, 7);
    LinkRule loss;
    loss.probability = 0.25;
    scenario.link.rules = {loss};
    Session a(scenario), b(scenario);
    a.runToEnd();
    b.runToEnd();
    EXPECT_EQ(traceToJsonLines(a.trace()), traceToJsonLines(b.trace()));
}

TEST(Session, ADifferentSeedWithRandomLossGivesADifferentTrace)
{
    const auto run = [](std::uint64_t seed) {
        Scenario scenario = defaultScenario(Profile::Teaching, seed);
        LinkRule loss;
        loss.probability = 0.3;
        scenario.link.rules = {loss};
        Session session(scenario);
        session.runToEnd();
        return traceToJsonLines(session.trace());
    };
    EXPECT_EQ(run(1), run(1));
    EXPECT_NE(run(1), run(2));
}

TEST(Session, MovedSessionKeepsRunning)
{
    Session a(defaultScenario());
    a.runUntil(100 * kMillisecond);
    Session b = std::move(a);
    b.runToEnd();
    EXPECT_EQ(b.endpoint(Side::Client).state(), TcpState::Closed);
}

} // namespace
} // namespace tcplab
