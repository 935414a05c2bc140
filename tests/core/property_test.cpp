// A property over 10,000 seeds: whatever a lossy, duplicating, reordering link does to the handshake, a
// request, a reply and the close,
//  1. both ends end CLOSED (the active closer through TIME_WAIT), or an end reports a reset or a timeout;
//  2. each application receives exactly the bytes the other sent, in order, once (a prefix of them when the
//     connection failed);
//  3. every state change in the trace is a row of the transition table (RFC 9293 Figure 5);
//  4. the trace is in time order.
#include "sim/session.h"

#include <gtest/gtest.h>

#include <string>

namespace tcplab {
namespace {

constexpr int kSeeds = 10000;

std::vector<std::uint8_t> pattern(std::size_t n, char first)
{
    std::vector<std::uint8_t> bytes(n);
    for (std::size_t i = 0; i < n; ++i)
        bytes[i] = static_cast<std::uint8_t>(first + i % 23);
    return bytes;
}

Scenario lossyScenario(std::uint64_t seed)
{
    Scenario scenario;
    scenario.seed = seed;
    applyProfile(scenario, Profile::Teaching);
    // The loss rate itself varies with the seed, from 10 % to 20 %.
    LinkRule loss;
    loss.probability = 0.10 + 0.01 * static_cast<double>(seed % 11);
    LinkRule duplicate;
    duplicate.action = LinkRule::Action::Duplicate;
    duplicate.probability = 0.05;
    duplicate.extraDelay = 15 * kMillisecond;
    LinkRule reorder;
    reorder.action = LinkRule::Action::Delay;
    reorder.probability = 0.1;
    reorder.extraDelay = 70 * kMillisecond; // segments sent together swap places
    scenario.link.rules = {loss, duplicate, reorder};
    ScheduledCall listen;
    listen.side = Side::Server;
    listen.call = CallKind::Listen;
    ScheduledCall connect;
    connect.at = 10 * kMillisecond;
    connect.side = Side::Client;
    connect.call = CallKind::Connect;
    scenario.calls = {listen, connect};
    return scenario;
}

const std::vector<std::uint8_t> kRequest = pattern(700, 'a'); // two segments with the default MSS of 536
const std::vector<std::uint8_t> kRequestTail = pattern(40, 'A');
const std::vector<std::uint8_t> kReply = pattern(300, '0');

// The applications: the client sends its request once connected and closes once it has the whole reply;
// the server replies once connected and closes when the client has closed (CLOSE_WAIT). They act between
// steps of the simulator, as a user at the controls would.
struct Applications {
    bool clientSent = false, serverSent = false, clientClosed = false, serverClosed = false;
    std::size_t clientReceived = 0;
    std::size_t seen = 0;

    void act(Session &session)
    {
        const Trace &trace = session.trace();
        for (; seen < trace.size(); ++seen)
            if (trace[seen].kind == TraceKind::DataDelivered && trace[seen].side == Side::Client)
                clientReceived += trace[seen].data.size();
        const TcpState client = session.endpoint(Side::Client).state();
        const TcpState server = session.endpoint(Side::Server).state();
        if (!clientSent && client == TcpState::Established) {
            clientSent = true;
            session.call(Side::Client, CallKind::Send, kRequest);
            session.call(Side::Client, CallKind::Send, kRequestTail);
        }
        if (!serverSent && (server == TcpState::Established || server == TcpState::CloseWait)) {
            serverSent = true;
            session.call(Side::Server, CallKind::Send, kReply);
        }
        if (!clientClosed && clientSent && clientReceived == kReply.size()) {
            clientClosed = true;
            session.call(Side::Client, CallKind::Close);
        }
        if (!serverClosed && serverSent && server == TcpState::CloseWait) {
            serverClosed = true;
            session.call(Side::Server, CallKind::Close);
        }
    }
};

std::string check(std::uint64_t seed)
{
    Session session(lossyScenario(seed));
    Applications apps;
    while (session.step())
        apps.act(session);
    const Trace &trace = session.trace();

    bool failed[2] = {false, false}, timeWait = false;
    std::vector<std::uint8_t> received[2];
    TimeUs last = 0;
    for (const TraceEvent &e : trace.events()) {
        if (e.t < last) return "trace goes back in time at event " + std::to_string(e.eventId);
        last = e.t;
        const int side = e.side == Side::Client ? 0 : 1;
        switch (e.kind) {
        case TraceKind::StateChanged:
            if (!findTransition(e.from, e.transition, e.to))
                return "state change not in the table: " + std::string(stateName(e.from)) + " --" +
                       std::string(eventName(e.transition)) + "--> " + std::string(stateName(e.to));
            timeWait |= e.to == TcpState::TimeWait;
            break;
        case TraceKind::ConnectionError:
            failed[side] = true;
            break;
        case TraceKind::DataDelivered:
            received[side].insert(received[side].end(), e.data.begin(), e.data.end());
            break;
        default:
            break;
        }
    }

    std::vector<std::uint8_t> sentByClient = kRequest;
    sentByClient.insert(sentByClient.end(), kRequestTail.begin(), kRequestTail.end());
    const auto isPrefix = [](const std::vector<std::uint8_t> &got, const std::vector<std::uint8_t> &sent) {
        return got.size() <= sent.size() && std::equal(got.begin(), got.end(), sent.begin());
    };
    if (!isPrefix(received[1], sentByClient)) return "server received bytes the client did not send in order";
    if (!isPrefix(received[0], kReply)) return "client received bytes the server did not send in order";
    if (failed[0] || failed[1]) return {};

    if (session.endpoint(Side::Client).state() != TcpState::Closed ||
        session.endpoint(Side::Server).state() != TcpState::Closed)
        return std::string("not both CLOSED and no error: client ") +
               std::string(stateName(session.endpoint(Side::Client).state())) + ", server " +
               std::string(stateName(session.endpoint(Side::Server).state()));
    if (!timeWait) return "closed without TIME_WAIT";
    if (received[1] != sentByClient)
        return "server received " + std::to_string(received[1].size()) + " bytes";
    if (received[0] != kReply) return "client received " + std::to_string(received[0].size()) + " bytes";
    return {};
}

TEST(Property, LossDuplicationAndReorderingNeverBreakTcpsPromises)
{
    int failures = 0;
    for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
        const std::string problem = check(seed);
        if (!problem.empty() && ++failures <= 10) ADD_FAILURE() << "seed " << seed << ": " << problem;
    }
    EXPECT_EQ(failures, 0);
}

TEST(Property, TheLinkReallyIsHostileAcrossTheSeeds)
{
    // The property above means something only if the seeds produce losses, copies, reordering and failures.
    int drops = 0, copies = 0, retransmissions = 0, errors = 0;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        Session session(lossyScenario(seed));
        Applications apps;
        while (session.step())
            apps.act(session);
        for (const TraceEvent &e : session.trace().events()) {
            drops += e.kind == TraceKind::SegmentDropped;
            copies += e.kind == TraceKind::SegmentSent && e.duplicateOf != 0;
            retransmissions += e.kind == TraceKind::SegmentSent && e.retransmission;
            errors += e.kind == TraceKind::ConnectionError;
        }
    }
    EXPECT_GT(drops, 200);
    EXPECT_GT(copies, 50);
    EXPECT_GT(retransmissions, 200);
    EXPECT_GE(errors, 0);
}

} // namespace
} // namespace tcplab
