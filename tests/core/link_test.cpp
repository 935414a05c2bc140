// The link model: one-way delays and the rules drop, duplicate, delay and hold, with their selectors. Each
// rule is checked on the Link itself (exact decisions) and, where it matters, through a whole session.
#include "sim/link.h"
#include "sim/random.h"
#include "sim/session.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tcplab {
namespace {

LinkConfig linkWith(std::vector<LinkRule> rules)
{
    LinkConfig config;
    config.delayClientToServer = 50 * kMillisecond;
    config.delayServerToClient = 40 * kMillisecond;
    config.rules = std::move(rules);
    return config;
}

LinkRule rule(LinkRule::Action action)
{
    LinkRule r;
    r.action = action;
    return r;
}

// Sends one segment through the link and returns its fate.
struct Sender {
    Link link;
    std::uint64_t nextId = 1;
    LinkFate fate;

    explicit Sender(LinkConfig config, std::uint64_t seed = 1) : link(config, seed) {}
    const LinkFate &send(Side from, TimeUs at, std::uint8_t flags = kAck, int conn = 0)
    {
        link.decide({from, conn, nextId++, at, flags}, fate);
        return fate;
    }
};

TEST(Random, SplitMix64MatchesTheReferenceOutput)
{
    // The first output of splitmix64 from state 0 in the reference implementation (Vigna, splitmix64.c).
    std::uint64_t state = 0;
    EXPECT_EQ(splitmix64(state), 0xe220a8397b1dcdafULL);
}

TEST(Random, SameSeedSameStreamAndUniformIsInUnitInterval)
{
    Random a(42), b(42), c(43);
    bool differs = false;
    for (int i = 0; i < 1000; ++i) {
        const std::uint64_t x = a.next();
        EXPECT_EQ(x, b.next());
        differs |= x != c.next();
    }
    EXPECT_TRUE(differs);
    Random r(7);
    for (int i = 0; i < 1000; ++i) {
        const double u = r.uniform();
        EXPECT_GE(u, 0.0);
        EXPECT_LT(u, 1.0);
    }
}

TEST(Link, WithoutRulesEverySegmentArrivesAfterItsDirectionsDelay)
{
    Sender s(linkWith({}));
    EXPECT_FALSE(s.send(Side::Client, 10).dropped);
    EXPECT_EQ(s.fate.arrival, 10 + 50 * kMillisecond);
    EXPECT_EQ(s.send(Side::Server, 10).arrival, 10 + 40 * kMillisecond);
    EXPECT_TRUE(s.fate.copies.empty());
}

TEST(Link, DropNthFromASideDropsExactlyThatSegmentAtTheMidpointOfItsFlight)
{
    LinkRule r = rule(LinkRule::Action::Drop);
    r.from = Side::Client;
    r.nth = 2;
    Sender s(linkWith({r}));
    EXPECT_FALSE(s.send(Side::Client, 0).dropped);
    EXPECT_FALSE(s.send(Side::Server, 5).dropped); // the server's segments do not count
    const LinkFate &fate = s.send(Side::Client, 1000);
    EXPECT_TRUE(fate.dropped);
    EXPECT_EQ(fate.dropRule, 0);
    EXPECT_EQ(fate.dropAt, 1000 + 25 * kMillisecond);
    EXPECT_FALSE(s.send(Side::Client, 2000).dropped);
}

TEST(Link, NthCountsOnlySegmentsMatchingTheOtherSelectorsSoNthSynIsARetransmission)
{
    LinkRule r = rule(LinkRule::Action::Drop);
    r.flagsMask = r.flagsValue = kSyn;
    r.nth = 2;
    Sender s(linkWith({r}));
    EXPECT_FALSE(s.send(Side::Client, 0, kSyn).dropped);
    EXPECT_FALSE(s.send(Side::Client, 1, kAck).dropped);
    EXPECT_TRUE(s.send(Side::Client, 2, kSyn).dropped);
}

TEST(Link, DropByFlagsMatchesSetAndClearFlags)
{
    LinkRule r = rule(LinkRule::Action::Drop);
    r.flagsMask = kSyn | kAck;
    r.flagsValue = kSyn; // SYN without ACK
    Sender s(linkWith({r}));
    EXPECT_TRUE(s.send(Side::Client, 0, kSyn).dropped);
    EXPECT_FALSE(s.send(Side::Server, 0, kSyn | kAck).dropped);
    EXPECT_FALSE(s.send(Side::Client, 0, kAck).dropped);
    EXPECT_TRUE(s.send(Side::Client, 0, kSyn).dropped); // no count: every one
}

TEST(Link, DropByIdDropsOnlyThatSegment)
{
    LinkRule r = rule(LinkRule::Action::Drop);
    r.segmentId = 3;
    Sender s(linkWith({r}));
    EXPECT_FALSE(s.send(Side::Client, 0).dropped);
    EXPECT_FALSE(s.send(Side::Server, 0).dropped);
    EXPECT_TRUE(s.send(Side::Client, 0).dropped);
    EXPECT_FALSE(s.send(Side::Client, 0).dropped);
}

TEST(Link, TimeWindowCutsTheLinkFromAfterUntilBefore)
{
    LinkRule r = rule(LinkRule::Action::Drop);
    r.fromTime = 100;
    r.untilTime = 200;
    Sender s(linkWith({r}));
    EXPECT_FALSE(s.send(Side::Client, 99).dropped);
    EXPECT_TRUE(s.send(Side::Client, 100).dropped);
    EXPECT_TRUE(s.send(Side::Server, 199).dropped);
    EXPECT_FALSE(s.send(Side::Client, 200).dropped);
}

TEST(Link, CountBoundsHowManySegmentsARuleActsOn)
{
    LinkRule r = rule(LinkRule::Action::Drop);
    r.count = 2;
    Sender s(linkWith({r}));
    EXPECT_TRUE(s.send(Side::Client, 0).dropped);
    EXPECT_TRUE(s.send(Side::Client, 0).dropped);
    EXPECT_FALSE(s.send(Side::Client, 0).dropped);
}

TEST(Link, ConnSelectorMatchesOneConnectionOnly)
{
    LinkRule r = rule(LinkRule::Action::Drop);
    r.conn = 1;
    Sender s(linkWith({r}));
    EXPECT_FALSE(s.send(Side::Client, 0, kSyn, 0).dropped);
    EXPECT_TRUE(s.send(Side::Client, 0, kSyn, 1).dropped);
}

TEST(Link, RandomLossDropsAboutTheGivenFractionAndIsReproducibleFromTheSeed)
{
    LinkRule r = rule(LinkRule::Action::Drop);
    r.probability = 0.3;
    const auto pattern = [&](std::uint64_t seed) {
        Sender s(linkWith({r}), seed);
        std::vector<bool> dropped;
        for (int i = 0; i < 10000; ++i)
            dropped.push_back(s.send(Side::Client, i).dropped);
        return dropped;
    };
    const std::vector<bool> a = pattern(7);
    const auto drops = std::count(a.begin(), a.end(), true);
    EXPECT_GT(drops, 2800);
    EXPECT_LT(drops, 3200);
    EXPECT_EQ(a, pattern(7));
    EXPECT_NE(a, pattern(8));
}

TEST(Link, DuplicateSendsACopyArrivingExtraLater)
{
    LinkRule r = rule(LinkRule::Action::Duplicate);
    r.from = Side::Server;
    r.extraDelay = 30 * kMillisecond;
    Sender s(linkWith({r}));
    EXPECT_TRUE(s.send(Side::Client, 0).copies.empty());
    const LinkFate &fate = s.send(Side::Server, 1000);
    EXPECT_FALSE(fate.dropped);
    EXPECT_EQ(fate.arrival, 1000 + 40 * kMillisecond);
    ASSERT_EQ(fate.copies.size(), 1u);
    EXPECT_EQ(fate.copies[0].arrival, 1000 + 70 * kMillisecond);
    EXPECT_EQ(fate.copies[0].rule, 0);
}

TEST(Link, DelayAddsExtraSoALaterSegmentOvertakes)
{
    LinkRule r = rule(LinkRule::Action::Delay);
    r.nth = 1;
    r.extraDelay = 30 * kMillisecond;
    LinkRule again = r;
    again.extraDelay = 5 * kMillisecond;
    Sender s(linkWith({r, again}));
    const TimeUs first = s.send(Side::Client, 0).arrival;
    EXPECT_EQ(first, 85 * kMillisecond); // both delay rules add up
    EXPECT_EQ(s.fate.lastRule, 1);
    const TimeUs second = s.send(Side::Client, 10 * kMillisecond).arrival;
    EXPECT_EQ(second, 60 * kMillisecond);
    EXPECT_LT(second, first);
}

TEST(Link, HoldKeepsTheSegmentUntilReleaseButNeverShortensItsFlight)
{
    LinkRule r = rule(LinkRule::Action::Hold);
    r.count = 2;
    r.releaseAt = 900 * kMillisecond;
    Sender s(linkWith({r}));
    EXPECT_EQ(s.send(Side::Client, 0).arrival, 900 * kMillisecond);
    EXPECT_EQ(s.send(Side::Client, 880 * kMillisecond).arrival, 930 * kMillisecond);
    EXPECT_EQ(s.send(Side::Client, 0).arrival, 50 * kMillisecond); // count exhausted
}

TEST(Link, ADropEndsTheRuleListSoLaterRulesNeitherActNorCount)
{
    LinkRule drop = rule(LinkRule::Action::Drop);
    drop.nth = 1;
    LinkRule dup = rule(LinkRule::Action::Duplicate);
    dup.nth = 1;
    Sender s(linkWith({drop, dup}));
    EXPECT_TRUE(s.send(Side::Client, 0).dropped);
    EXPECT_TRUE(s.fate.copies.empty());
    // The duplicate rule never saw the dropped segment: the next one is its first.
    EXPECT_EQ(s.send(Side::Client, 0).copies.size(), 1u);
}

TEST(Link, RandomRulesDrawOnlyForMatchingSegments)
{
    // A deterministic rule in front must not shift the random stream of the rule behind it.
    LinkRule random = rule(LinkRule::Action::Drop);
    random.from = Side::Client;
    random.probability = 0.5;
    LinkRule delayServer = rule(LinkRule::Action::Delay);
    delayServer.from = Side::Server;
    delayServer.extraDelay = 1;
    Sender plain(linkWith({random}), 3), mixed(linkWith({delayServer, random}), 3);
    for (int i = 0; i < 200; ++i) {
        const bool a = plain.send(Side::Client, i).dropped;
        mixed.send(Side::Server, i);
        EXPECT_EQ(a, mixed.send(Side::Client, i).dropped) << i;
    }
}

TEST(Link, DropNextFromIsOneShotPerCall)
{
    Sender s(linkWith({}));
    s.link.dropNextFrom(Side::Server);
    EXPECT_FALSE(s.send(Side::Client, 0).dropped);
    EXPECT_TRUE(s.send(Side::Server, 0).dropped);
    EXPECT_EQ(s.fate.dropRule, LinkFate::kUserRule);
    EXPECT_FALSE(s.send(Side::Server, 0).dropped);
    EXPECT_EQ(s.link.reason(LinkFate::kUserRule, Side::Server), "dropped by user (next from server)");
}

TEST(Link, ReasonIsTheLabelOrAGeneratedDescription)
{
    LinkRule labelled = rule(LinkRule::Action::Drop);
    labelled.label = "drop the SYN+ACK";
    LinkRule nth = rule(LinkRule::Action::Drop);
    nth.from = Side::Client;
    nth.nth = 1;
    LinkRule random = rule(LinkRule::Action::Drop);
    random.probability = 0.2;
    random.from = Side::Server;
    LinkRule hold = rule(LinkRule::Action::Hold);
    hold.flagsMask = hold.flagsValue = kSyn;
    hold.releaseAt = 1500 * kMillisecond;
    hold.count = 1;
    LinkRule cut = rule(LinkRule::Action::Drop);
    cut.fromTime = kSecond;
    cut.untilTime = 2 * kSecond;
    Link link(linkWith({labelled, nth, random, hold, cut}), 1);
    EXPECT_EQ(link.reason(0, Side::Client), "drop the SYN+ACK");
    EXPECT_EQ(link.reason(1, Side::Client), "rule: drop the 1st segment from client");
    EXPECT_EQ(link.reason(2, Side::Client), "rule: drop 20% of segments from server");
    EXPECT_EQ(link.reason(3, Side::Client), "rule: hold the next SYN segment until 1.5 s");
    EXPECT_EQ(link.reason(4, Side::Client), "rule: drop segments sent from 1 s to 2 s");
}

TEST(Link, OrdinalsAndDurationsReadAsEnglish)
{
    EXPECT_EQ(ordinal(1), "1st");
    EXPECT_EQ(ordinal(2), "2nd");
    EXPECT_EQ(ordinal(3), "3rd");
    EXPECT_EQ(ordinal(4), "4th");
    EXPECT_EQ(ordinal(11), "11th");
    EXPECT_EQ(ordinal(12), "12th");
    EXPECT_EQ(ordinal(21), "21st");
    EXPECT_EQ(ordinal(112), "112th");
    EXPECT_EQ(formatDuration(50 * kMillisecond), "50 ms");
    EXPECT_EQ(formatDuration(1500 * kMillisecond), "1.5 s");
    EXPECT_EQ(formatDuration(250), "250 us");
    EXPECT_EQ(formatDuration(2 * kSecond), "2 s");
    EXPECT_EQ(formatDuration(1050), "1.05 ms");
}

// The rules through a whole session, where the endpoints react to them.

// The listen and connect of the default scenario (its close at 600 ms would end a handshake still going on).
Scenario handshakeWith(std::vector<LinkRule> rules)
{
    Scenario scenario = defaultScenario();
    scenario.calls.resize(2);
    scenario.link.rules = std::move(rules);
    return scenario;
}

const TraceEvent *find(const Trace &trace, TraceKind kind, std::uint64_t segmentId)
{
    for (const TraceEvent &e : trace.events())
        if (e.kind == kind && e.segmentId == segmentId) return &e;
    return nullptr;
}

TEST(LinkInSession, DroppedSynIsRecordedMidwayAndRetransmittedAfterTheRto)
{
    LinkRule r = rule(LinkRule::Action::Drop);
    r.from = Side::Client;
    r.nth = 1;
    Session session(handshakeWith({r}));
    session.runToEnd();
    const Trace &trace = session.trace();
    const TraceEvent *sent = find(trace, TraceKind::SegmentSent, 1);
    ASSERT_NE(sent, nullptr);
    EXPECT_EQ(sent->arrival, -1);
    const TraceEvent *dropped = find(trace, TraceKind::SegmentDropped, 1);
    ASSERT_NE(dropped, nullptr);
    EXPECT_EQ(dropped->t, 10 * kMillisecond + 25 * kMillisecond);
    EXPECT_EQ(dropped->text, "rule: drop the 1st segment from client");
    EXPECT_TRUE(dropped->segment.has(kSyn));
    EXPECT_EQ(find(trace, TraceKind::SegmentDelivered, 1), nullptr);
    const TraceEvent *retry = find(trace, TraceKind::SegmentSent, 2);
    ASSERT_NE(retry, nullptr);
    EXPECT_TRUE(retry->retransmission);
    EXPECT_EQ(retry->t, 10 * kMillisecond + kSecond); // RFC 6298 §2.1 initial RTO
    EXPECT_EQ(session.endpoint(Side::Client).state(), TcpState::Established);
}

TEST(LinkInSession, HeldOldSynArrivesAtItsReleaseTime)
{
    LinkRule r = rule(LinkRule::Action::Hold);
    r.flagsMask = kSyn | kAck;
    r.flagsValue = kSyn;
    r.count = 1;
    r.releaseAt = 1500 * kMillisecond;
    Session session(handshakeWith({r}));
    session.runToEnd();
    const TraceEvent *sent = find(session.trace(), TraceKind::SegmentSent, 1);
    ASSERT_NE(sent, nullptr);
    EXPECT_EQ(sent->arrival, 1500 * kMillisecond);
    EXPECT_EQ(sent->text, "rule: hold the next SYN (without ACK) segment until 1.5 s");
    const TraceEvent *delivered = find(session.trace(), TraceKind::SegmentDelivered, 1);
    ASSERT_NE(delivered, nullptr);
    EXPECT_EQ(delivered->t, 1500 * kMillisecond);
}

TEST(LinkInSession, DuplicatedSegmentIsSentTwiceWithItsOwnIdAndArrivesTwice)
{
    LinkRule r = rule(LinkRule::Action::Duplicate);
    r.from = Side::Client;
    r.nth = 1;
    r.extraDelay = 10 * kMillisecond;
    Session session(handshakeWith({r}));
    session.runToEnd();
    const Trace &trace = session.trace();
    const TraceEvent *copy = find(trace, TraceKind::SegmentSent, 2);
    ASSERT_NE(copy, nullptr);
    EXPECT_EQ(copy->duplicateOf, 1u);
    EXPECT_TRUE(copy->segment.has(kSyn));
    EXPECT_EQ(copy->arrival, 70 * kMillisecond);
    ASSERT_NE(find(trace, TraceKind::SegmentDelivered, 1), nullptr);
    ASSERT_NE(find(trace, TraceKind::SegmentDelivered, 2), nullptr);
    // The handshake still completes once.
    int established = 0;
    for (const TraceEvent &e : trace.events())
        established += e.kind == TraceKind::StateChanged && e.to == TcpState::Established;
    EXPECT_EQ(established, 2);
}

TEST(LinkInSession, DelayedDataIsOvertakenAndTheReceiverStillReadsInOrder)
{
    Scenario scenario = defaultScenario();
    // Two sends 1 ms apart; the first is delayed by 30 ms.
    ScheduledCall second = scenario.calls[2];
    second.at += kMillisecond;
    second.data = {'!', '!'};
    scenario.calls.insert(scenario.calls.begin() + 3, second);
    LinkRule r = rule(LinkRule::Action::Delay);
    r.from = Side::Client;
    r.fromTime = 200 * kMillisecond;
    r.count = 1;
    r.extraDelay = 30 * kMillisecond;
    scenario.link.rules = {r};
    Session session(scenario);
    session.runToEnd();
    std::vector<std::uint64_t> deliveredData;
    std::vector<std::uint8_t> received;
    for (const TraceEvent &e : session.trace().events()) {
        if (e.kind == TraceKind::SegmentDelivered && e.side == Side::Client && !e.segment.payload.empty())
            deliveredData.push_back(e.segmentId);
        if (e.kind == TraceKind::DataDelivered && e.side == Side::Server)
            received.insert(received.end(), e.data.begin(), e.data.end());
    }
    ASSERT_GE(deliveredData.size(), 2u);
    EXPECT_GT(deliveredData[0], deliveredData[1]); // the later segment arrived first
    std::vector<std::uint8_t> expected = scenario.calls[2].data;
    expected.insert(expected.end(), {'!', '!'});
    EXPECT_EQ(received, expected);
}

} // namespace
} // namespace tcplab
