// The loopback driver carries out the scenario's link like the simulator does (sim/link.h): duplicate,
// delay, hold (and so reordering), random loss from the seed, and the user's intents on a segment the link
// still holds. The segments really cross the kernel's UDP on 127.0.0.1; times are wall-clock.
#include "io/loopback_driver.h"
#include "loopback_wait.h"
#include "sim/link.h"
#include "sim/session.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace tcplab {
namespace {

using loopback_test::runUntilBoth;
using loopback_test::runUntilTrue;

LinkRule rule(LinkRule::Action action, Side from, std::uint8_t flagsMask, std::uint8_t flagsValue)
{
    LinkRule r;
    r.action = action;
    r.from = from;
    r.flagsMask = flagsMask;
    r.flagsValue = flagsValue;
    r.count = 1;
    return r;
}

// The client's first segment that carries data (its request at 200 ms).
LinkRule onClientsRequest(LinkRule::Action action)
{
    return rule(action, Side::Client, kPsh, kPsh);
}

Scenario withRule(LinkRule r)
{
    Scenario scenario = defaultScenario();
    scenario.link.rules.push_back(std::move(r));
    return scenario;
}

// Runs the scenario over the loopback until `until` (driver time).
const Trace &runLoopback(LoopbackDriver &driver, TimeUs until)
{
    EXPECT_EQ(driver.open(), "");
    driver.runUntil(until);
    return driver.trace();
}

std::vector<const TraceEvent *> eventsOf(const Trace &trace, TraceKind kind, std::uint64_t segmentId = 0)
{
    std::vector<const TraceEvent *> out;
    for (const TraceEvent &e : trace.events())
        if (e.kind == kind && (segmentId == 0 || e.segmentId == segmentId)) out.push_back(&e);
    return out;
}

// The trace as lines, for a failure's message.
std::string dump(const Trace &trace)
{
    std::string out;
    for (const TraceEvent &e : trace.events())
        out += std::to_string(e.t) + " " + std::string(sideName(e.side)) + " " +
               std::string(traceKindName(e.kind)) + " #" + std::to_string(e.segmentId) + " " +
               flagsToString(e.segment.flags) + " " + e.text + "\n";
    return out;
}

const TraceEvent *firstSent(const Trace &trace, Side side, std::uint8_t flags)
{
    for (const TraceEvent &e : trace.events())
        if (e.kind == TraceKind::SegmentSent && e.side == side && (e.segment.flags & flags) == flags &&
            e.duplicateOf == 0)
            return &e;
    return nullptr;
}

TEST(LoopbackLink, TheOneWayDelayHoldsEachSegmentBeforeItIsSent)
{
    LoopbackDriver driver(defaultScenario());
    const Trace &trace = runLoopback(driver, 0);
    ASSERT_TRUE(runUntilTrue(driver, [&] { return firstSent(trace, Side::Client, kSyn) != nullptr; }));
    const std::uint64_t synId = firstSent(trace, Side::Client, kSyn)->segmentId;
    ASSERT_TRUE(
        runUntilTrue(driver, [&] { return !eventsOf(trace, TraceKind::SegmentDelivered, synId).empty(); }));
    const TraceEvent *syn = firstSent(trace, Side::Client, kSyn);
    EXPECT_EQ(syn->arrival, syn->t + 50 * kMillisecond);
    const auto delivered = eventsOf(trace, TraceKind::SegmentDelivered, syn->segmentId);
    ASSERT_EQ(delivered.size(), 1u);
    EXPECT_GE(delivered[0]->t, syn->arrival);
}

TEST(LoopbackLink, WithoutLinkDelaysOnlyTheKernelCarriesTheSegment)
{
    LoopbackOptions options;
    options.linkDelays = false;
    LoopbackDriver driver(defaultScenario(), options);
    const Trace &trace = runLoopback(driver, 0);
    ASSERT_TRUE(runUntilBoth(driver, TcpState::Established));
    const TraceEvent *syn = firstSent(trace, Side::Client, kSyn);
    ASSERT_NE(syn, nullptr);
    EXPECT_EQ(syn->arrival, syn->t); // nothing held: the kernel's loopback is the whole flight
}

// RFC 9293 §3.10.7.4: a segment wholly below RCV.NXT (here: the second copy of the request) is not
// acceptable; the receiver drops it and answers with an ACK.
TEST(LoopbackLink, ADuplicatedSegmentArrivesTwiceAndTheReceiverDiscardsTheCopyRfc9293_3_10_7_4)
{
    LinkRule duplicate = onClientsRequest(LinkRule::Action::Duplicate);
    duplicate.extraDelay = 20 * kMillisecond;
    LoopbackDriver driver(withRule(duplicate));
    const Trace &trace = runLoopback(driver, 0);
    const auto copyOfRequest = [&]() -> const TraceEvent * {
        const TraceEvent *request = firstSent(trace, Side::Client, kPsh);
        for (const TraceEvent &e : trace.events())
            if (request && e.kind == TraceKind::SegmentSent && e.duplicateOf == request->segmentId) return &e;
        return nullptr;
    };
    // Until the copy was delivered (and so discarded and answered in the same step).
    ASSERT_TRUE(runUntilTrue(driver, [&] {
        const TraceEvent *copy = copyOfRequest();
        return copy && !eventsOf(trace, TraceKind::SegmentDelivered, copy->segmentId).empty();
    })) << dump(trace);
    const TraceEvent *request = firstSent(trace, Side::Client, kPsh);
    const TraceEvent *copy = copyOfRequest();
    EXPECT_EQ(copy->arrival, request->arrival + 20 * kMillisecond);
    EXPECT_EQ(copy->segment.seq, request->segment.seq);

    // Both copies crossed the kernel and were delivered, the copy later.
    const auto first = eventsOf(trace, TraceKind::SegmentDelivered, request->segmentId);
    const auto second = eventsOf(trace, TraceKind::SegmentDelivered, copy->segmentId);
    ASSERT_EQ(first.size(), 1u);
    ASSERT_EQ(second.size(), 1u);
    // Wall clock: the copy is released at its planned arrival, 20 ms after the original's; the original's own
    // delivery may lag its plan by a little (seen under ASan), so compare with the plan, not with it.
    EXPECT_GE(second[0]->t, copy->arrival);
    EXPECT_GT(second[0]->t, first[0]->t);
    EXPECT_EQ(driver.stats().segmentsDuplicated, 1u);

    // The server took the data once and discarded the copy, answering it with an ACK.
    std::size_t bytes = 0;
    for (const TraceEvent *e : eventsOf(trace, TraceKind::DataDelivered))
        if (e->side == Side::Server) bytes += e->data.size();
    EXPECT_EQ(bytes, request->segment.payload.size());
    const auto discarded = eventsOf(trace, TraceKind::SegmentDiscarded, copy->segmentId);
    ASSERT_EQ(discarded.size(), 1u);
    EXPECT_EQ(discarded[0]->side, Side::Server);
    const auto after = std::find_if(
        trace.events().begin() + (discarded[0] - trace.events().data()), trace.events().end(),
        [](const TraceEvent &e) { return e.kind == TraceKind::SegmentSent && e.side == Side::Server; });
    ASSERT_NE(after, trace.events().end());
    EXPECT_TRUE(after->segment.has(kAck));
    EXPECT_EQ(after->t, discarded[0]->t);

    // The simulator makes the same decision for the same scenario.
    Session simulated(withRule(duplicate));
    simulated.runUntil(350 * kMillisecond);
    bool simulatorDiscards = false;
    for (const TraceEvent &e : simulated.trace().events())
        simulatorDiscards |= e.kind == TraceKind::SegmentDiscarded && e.side == Side::Server;
    EXPECT_TRUE(simulatorDiscards);
}

TEST(LoopbackLink, ADelayedSegmentArrivesLaterAndTheNextOneOvertakesIt)
{
    Scenario scenario = withRule(onClientsRequest(LinkRule::Action::Delay));
    scenario.link.rules[0].extraDelay = 100 * kMillisecond;
    // A second request 10 ms after the first: it overtakes the delayed one (reordering).
    ScheduledCall second = scenario.calls[2];
    second.at += 10 * kMillisecond;
    second.data = {'x'};
    scenario.calls.insert(scenario.calls.begin() + 3, second);
    LoopbackDriver driver(scenario);
    const Trace &trace = runLoopback(driver, 0);
    const auto requestsSent = [&] {
        std::vector<const TraceEvent *> out;
        for (const TraceEvent *e : eventsOf(trace, TraceKind::SegmentSent))
            if (e->side == Side::Client && !e->segment.payload.empty()) out.push_back(e);
        return out;
    };
    // Until the delayed request arrived, after the one that overtook it.
    ASSERT_TRUE(runUntilTrue(driver, [&] {
        const auto sent = requestsSent();
        return sent.size() >= 2 &&
               !eventsOf(trace, TraceKind::SegmentDelivered, sent[0]->segmentId).empty() &&
               !eventsOf(trace, TraceKind::SegmentDelivered, sent[1]->segmentId).empty();
    })) << dump(trace);
    const std::vector<const TraceEvent *> requests = requestsSent();
    EXPECT_EQ(requests[0]->arrival, requests[0]->t + 150 * kMillisecond);
    EXPECT_NE(requests[0]->text.find("delay"), std::string::npos) << requests[0]->text;
    const auto late = eventsOf(trace, TraceKind::SegmentDelivered, requests[0]->segmentId);
    const auto early = eventsOf(trace, TraceKind::SegmentDelivered, requests[1]->segmentId);
    ASSERT_EQ(late.size(), 1u);
    ASSERT_EQ(early.size(), 1u);
    EXPECT_GE(late[0]->t - requests[0]->t, 150 * kMillisecond);
    EXPECT_LT(early[0]->t, late[0]->t) << "the second request should arrive first";
    // The server's application gets the bytes in order, as far as the simulator's run gives them by then.
    const auto received = [](const Trace &t) {
        std::string bytes;
        for (const TraceEvent *e : eventsOf(t, TraceKind::DataDelivered))
            if (e->side == Side::Server) bytes.append(e->data.begin(), e->data.end());
        return bytes;
    };
    Session simulated(scenario);
    simulated.runUntil(450 * kMillisecond);
    EXPECT_EQ(received(trace), received(simulated.trace()));
    EXPECT_EQ(received(trace).rfind("GET", 0), 0u);
}

TEST(LoopbackLink, AHoldRuleReleasesTheSegmentAtItsTime)
{
    LinkRule hold = rule(LinkRule::Action::Hold, Side::Client, kSyn, kSyn);
    hold.releaseAt = 300 * kMillisecond;
    LoopbackDriver driver(withRule(hold));
    const Trace &trace = runLoopback(driver, 250 * kMillisecond);
    EXPECT_EQ(driver.endpoint(Side::Server).state(), TcpState::Listen);
    ASSERT_EQ(driver.inFlight().size(), 1u);
    EXPECT_TRUE(driver.inFlight()[0].segment.has(kSyn));
    ASSERT_TRUE(
        runUntilTrue(driver, [&] { return driver.endpoint(Side::Client).state() == TcpState::Established; }));
    const TraceEvent *syn = firstSent(trace, Side::Client, kSyn);
    ASSERT_NE(syn, nullptr);
    const auto delivered = eventsOf(trace, TraceKind::SegmentDelivered, syn->segmentId);
    ASSERT_EQ(delivered.size(), 1u);
    EXPECT_GE(delivered[0]->t, 300 * kMillisecond);
    EXPECT_EQ(driver.endpoint(Side::Client).state(), TcpState::Established);
}

// The dropped segments, as the indexes of the client's sent segments; `sent`: how many it sent.
std::vector<int> randomLosses(std::uint64_t seed, int *sent = nullptr)
{
    LinkRule loss;
    loss.action = LinkRule::Action::Drop;
    loss.from = Side::Client;
    loss.probability = 0.5;
    Scenario scenario = withRule(loss);
    scenario.seed = seed;
    scenario.link.delayClientToServer = scenario.link.delayServerToClient = 0;
    scenario.calls.resize(2); // LISTEN, CONNECT: the client retries its SYN until one gets through
    LoopbackDriver driver(scenario);
    EXPECT_EQ(driver.open(), "");
    // The SYN's retransmission timer doubles from 1 s (RFC 6298 §5.5); ten tries take over 17 minutes,
    // so this looks at the first few only.
    driver.runUntil(3500 * kMillisecond);
    std::vector<int> dropped;
    int index = 0;
    for (const TraceEvent *e : eventsOf(driver.trace(), TraceKind::SegmentSent)) {
        if (e->side != Side::Client) continue;
        if (!eventsOf(driver.trace(), TraceKind::SegmentDropped, e->segmentId).empty())
            dropped.push_back(index);
        ++index;
    }
    if (sent) *sent = index;
    return dropped;
}

TEST(LoopbackLink, RandomLossIsDrawnFromTheScenariosSeedAsInTheSimulator)
{
    int sent = 0;
    const std::vector<int> first = randomLosses(7, &sent);
    // The simulator's link draws the same losses for the same seed: a replay of the seed gives them again.
    LinkRule loss;
    loss.action = LinkRule::Action::Drop;
    loss.from = Side::Client;
    loss.probability = 0.5;
    Link link(LinkConfig{0, 0, {loss}}, 7);
    LinkFate fate;
    std::vector<int> expected;
    for (int i = 0; i < sent; ++i) {
        link.decide({Side::Client, 0, std::uint64_t(i + 1), 0, kSyn}, fate);
        if (fate.dropped) expected.push_back(i);
    }
    EXPECT_GT(sent, 1);
    EXPECT_EQ(first, expected);
}

TEST(LoopbackLink, DroppingAHeldSegmentDiscardsItBeforeSendingAndTheSynIsRetransmittedRfc6298)
{
    Scenario handshake = defaultScenario();
    handshake.calls.resize(2); // LISTEN, CONNECT: no CLOSE to end the client's retries
    LoopbackDriver driver(handshake);
    const Trace &trace = runLoopback(driver, 20 * kMillisecond); // the SYN left at 10 ms, held until 60 ms
    const auto held = driver.inFlight();
    ASSERT_EQ(held.size(), 1u);
    ASSERT_TRUE(held[0].segment.has(kSyn));
    ASSERT_TRUE(driver.dropSegment(held[0].segmentId));
    EXPECT_FALSE(driver.dropSegment(held[0].segmentId)); // gone: nothing to drop twice
    const auto dropped = eventsOf(trace, TraceKind::SegmentDropped, held[0].segmentId);
    ASSERT_EQ(dropped.size(), 1u);
    EXPECT_NE(dropped[0]->text.find("before sending"), std::string::npos) << dropped[0]->text;
    driver.runUntil(100 * kMillisecond);
    EXPECT_EQ(driver.stats().datagramsSent, 0u);
    EXPECT_EQ(driver.endpoint(Side::Server).state(), TcpState::Listen);
    // RFC 6298 §2.1: the initial RTO is 1 s; the retransmitted SYN opens the connection.
    ASSERT_TRUE(runUntilTrue(driver, [&] {
        return driver.endpoint(Side::Client).state() == TcpState::Established;
    })) << dump(trace);
    const auto retransmitted =
        std::find_if(trace.events().begin(), trace.events().end(), [](const TraceEvent &e) {
            return e.kind == TraceKind::SegmentSent && e.retransmission && e.segment.has(kSyn);
        });
    ASSERT_NE(retransmitted, trace.events().end()) << dump(trace);
    EXPECT_GE(retransmitted->t, 1010 * kMillisecond);
    EXPECT_EQ(driver.endpoint(Side::Client).state(), TcpState::Established);
}

TEST(LoopbackLink, DelayAndDuplicateIntentsActOnAHeldSegment)
{
    LoopbackDriver driver(defaultScenario());
    const Trace &trace = runLoopback(driver, 20 * kMillisecond);
    const auto held = driver.inFlight();
    ASSERT_EQ(held.size(), 1u);
    const std::uint64_t syn = held[0].segmentId;
    ASSERT_TRUE(driver.delaySegment(syn, 100 * kMillisecond));
    ASSERT_TRUE(driver.duplicateSegment(syn));
    EXPECT_EQ(driver.inFlight().size(), 2u);
    ASSERT_TRUE(runUntilBoth(driver, TcpState::Established)) << dump(trace);
    const auto delivered = eventsOf(trace, TraceKind::SegmentDelivered, syn);
    ASSERT_EQ(delivered.size(), 1u);
    EXPECT_GE(delivered[0]->t, held[0].arrival + 100 * kMillisecond);
    EXPECT_EQ(driver.stats().segmentsDuplicated, 1u);
    EXPECT_EQ(driver.endpoint(Side::Client).state(), TcpState::Established);
    EXPECT_EQ(driver.endpoint(Side::Server).state(), TcpState::Established);
}

TEST(LoopbackLink, PausingStopsTheClockAndHoldsEverything)
{
    LoopbackDriver driver(defaultScenario());
    runLoopback(driver, 20 * kMillisecond);
    driver.setPaused(true);
    const TimeUs frozen = driver.now();
    driver.pollOnce(0);
    driver.runUntil(frozen + 80 * kMillisecond); // returns at once: the clock does not move
    EXPECT_EQ(driver.now(), frozen);
    EXPECT_EQ(driver.inFlight().size(), 1u); // the SYN still waits
    driver.setPaused(false);
    ASSERT_TRUE(
        runUntilTrue(driver, [&] { return driver.endpoint(Side::Client).state() == TcpState::Established; }));
    EXPECT_EQ(driver.endpoint(Side::Client).state(), TcpState::Established);
    const auto notes = eventsOf(driver.trace(), TraceKind::Note);
    EXPECT_TRUE(std::any_of(notes.begin(), notes.end(),
                            [](const TraceEvent *e) { return e->text.find("pause") != std::string::npos; }));
}

TEST(LoopbackLink, ACallWithATriggerRunsWhenItsStateIsEntered)
{
    Scenario scenario = defaultScenario();
    scenario.calls.resize(2);
    ScheduledCall request;
    request.side = Side::Client;
    request.call = CallKind::Send;
    request.data = {'h', 'i'};
    request.trigger = CallTrigger{Side::Client, 0, TcpState::Established, 0, 5 * kMillisecond};
    scenario.calls.push_back(request);
    LoopbackDriver driver(scenario);
    const Trace &trace = runLoopback(driver, 0);
    const auto isSend = [](const TraceEvent *e) { return e->call == CallKind::Send; };
    ASSERT_TRUE(runUntilTrue(driver, [&] {
        const auto calls = eventsOf(trace, TraceKind::UserCall);
        return std::any_of(calls.begin(), calls.end(), isSend);
    }));
    const auto calls = eventsOf(trace, TraceKind::UserCall);
    const auto send = std::find_if(calls.begin(), calls.end(),
                                   [](const TraceEvent *e) { return e->call == CallKind::Send; });
    ASSERT_NE(send, calls.end());
    const auto established =
        std::find_if(trace.events().begin(), trace.events().end(), [](const TraceEvent &e) {
            return e.kind == TraceKind::StateChanged && e.side == Side::Client &&
                   e.to == TcpState::Established;
        });
    ASSERT_NE(established, trace.events().end());
    EXPECT_GE((*send)->t, established->t + 5 * kMillisecond);
}

} // namespace
} // namespace tcplab
