// The transition table (DESIGN.md: "the transitions are data") and the state names of RFC 9293 §3.3.2.
// The last test drives endpoints through every rule the other tests check and requires that every row of
// the table is taken at least once and nothing outside it ever is.
#include "connection_harness.h"
#include "tcp/endpoint_event.h"
#include "tcp/state.h"
#include "tcp/transitions.h"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

namespace tcplab {
namespace {

using test::Harness;
using test::kClientPort;
using test::kPeerIsn;
using test::kServerPort;

TEST(Rfc9293_3_3_2, StatesHaveTheirNamesAndParseBack)
{
    EXPECT_EQ(stateName(TcpState::SynSent), "SYN_SENT");
    EXPECT_EQ(stateName(TcpState::FinWait1), "FIN_WAIT_1");
    EXPECT_EQ(stateName(TcpState::TimeWait), "TIME_WAIT");
    std::set<std::string_view> names;
    for (TcpState s : kAllStates) {
        names.insert(stateName(s));
        EXPECT_EQ(stateFromName(stateName(s)), std::optional(s));
    }
    EXPECT_EQ(names.size(), 11u);
    EXPECT_FALSE(stateFromName("SYN-SENT").has_value());
    EXPECT_FALSE(stateFromName("").has_value());
}

TEST(Rfc9293_3_5_2, SynchronizedStatesAreEstablishedAndLater)
{
    for (TcpState s : kAllStates) {
        const bool early = s == TcpState::Closed || s == TcpState::Listen || s == TcpState::SynSent ||
                           s == TcpState::SynRcvd;
        EXPECT_EQ(isSynchronized(s), !early) << stateName(s);
    }
}

TEST(EndpointEvents, TimerNames)
{
    EXPECT_EQ(timerName(TimerKind::Retransmission), "RTO");
    EXPECT_EQ(timerName(TimerKind::TimeWait), "2MSL");
    EXPECT_EQ(timerName(TimerKind::KeepAlive), "KEEPALIVE");
}

TEST(TransitionTable, RowsAreUniqueLabelledAndCiteTheirSource)
{
    std::set<std::tuple<TcpState, TcpEvent, TcpState>> seen;
    for (const Transition &t : transitionTable()) {
        EXPECT_TRUE(seen.insert({t.from, t.event, t.to}).second)
            << stateName(t.from) << " " << eventName(t.event) << " listed twice";
        EXPECT_FALSE(t.label.empty());
        EXPECT_TRUE(t.rfc.starts_with("RFC ")) << t.rfc;
        EXPECT_NE(t.from, t.to) << "a row must change the state";
        EXPECT_EQ(findTransition(t.from, t.event, t.to), &t);
    }
    EXPECT_EQ(findTransition(TcpState::Closed, TcpEvent::RcvFin, TcpState::Established), nullptr);
    EXPECT_EQ(findTransition(TcpState::TimeWait, TcpEvent::RcvSyn, TcpState::SynRcvd), nullptr);
}

TEST(TransitionTable, EveryStateButClosedCanBeAbortedAndClosedHasNoWayInButOpen)
{
    for (TcpState s : kAllStates) {
        if (s == TcpState::Closed) continue;
        EXPECT_NE(findTransition(s, TcpEvent::Abort, TcpState::Closed), nullptr) << stateName(s);
    }
    for (const Transition &t : transitionTable()) {
        if (t.from == TcpState::Closed) {
            EXPECT_TRUE(t.event == TcpEvent::PassiveOpen || t.event == TcpEvent::ActiveOpen);
        }
    }
}

TEST(TransitionTable, RequiredRowsArePresent)
{
    using S = TcpState;
    using E = TcpEvent;
    const std::tuple<S, E, S> required[] = {
        {S::Listen, E::Close, S::Closed},
        {S::SynSent, E::Close, S::Closed},
        {S::SynRcvd, E::Close, S::FinWait1},
        {S::SynRcvd, E::RcvFin, S::CloseWait},
        {S::SynRcvd, E::RcvRst, S::Listen},
        {S::SynRcvd, E::RcvRst, S::Closed},
        {S::FinWait1, E::RcvFinAckOfFin, S::TimeWait},
        {S::FinWait1, E::RcvFin, S::Closing},
        {S::Closing, E::RcvAckOfFin, S::TimeWait},
        {S::TimeWait, E::Timeout2Msl, S::Closed},
        {S::TimeWait, E::RcvRst, S::Closed},
        {S::SynSent, E::RetransmitLimit, S::Closed},
        {S::Established, E::KeepAliveLimit, S::Closed},
    };
    for (const auto &[from, event, to] : required)
        EXPECT_NE(findTransition(from, event, to), nullptr) << stateName(from) << " " << eventName(event);
    for (TcpState s :
         {S::Established, S::FinWait1, S::FinWait2, S::CloseWait, S::Closing, S::LastAck, S::TimeWait})
        EXPECT_NE(findTransition(s, E::RcvRst, S::Closed), nullptr) << stateName(s);
}

TEST(TransitionTable, EventNames)
{
    EXPECT_EQ(eventName(TcpEvent::RcvSyn), "rcv SYN");
    EXPECT_EQ(eventName(TcpEvent::Timeout2Msl), "timeout 2MSL");
    for (const Transition &t : transitionTable())
        EXPECT_NE(eventName(t.event), "?");
}

// ---- every transition taken is in the table, and every row is taken ----

using Taken = std::set<std::tuple<TcpState, TcpEvent, TcpState>>;

void collect(const test::Endpoint &ep, Taken &taken)
{
    for (const StateChanged &c : ep.changes) {
        EXPECT_NE(findTransition(c.from, c.event, c.to), nullptr);
        EXPECT_EQ(c.rfc, findTransition(c.from, c.event, c.to)->rfc);
        taken.insert({c.from, c.event, c.to});
    }
}

TEST(TransitionTable, EveryTransitionTakenIsInTheTableAndEveryRowIsReachable)
{
    Taken taken;
    auto run = [&](const std::function<void(Harness &)> &scenario,
                   EndpointConfig config = teachingProfile(1000), std::uint16_t port = kServerPort,
                   std::uint16_t peer = kClientPort) {
        Harness h(config, port, peer);
        scenario(h);
        collect(h.ep, taken);
    };
    const TcpState states[] = {TcpState::Listen,      TcpState::SynSent,  TcpState::SynRcvd,
                               TcpState::Established, TcpState::FinWait1, TcpState::FinWait2,
                               TcpState::CloseWait,   TcpState::Closing,  TcpState::LastAck,
                               TcpState::TimeWait};
    for (TcpState s : states) {
        run([s](Harness &h) {
            h.driveTo(s);
            h.abort();
        });
        run([s](Harness &h) {
            h.driveTo(s);
            h.close();
            h.runUntil(1000 * kSecond); // retransmission limits and 2·MSL
        });
        run([s](Harness &h) {
            h.driveTo(s);
            h.recv(h.seg(kRst, h.conn().rcvNxt()));
        });
        run([s](Harness &h) {
            h.driveTo(s);
            h.recv(h.seg(kSyn, h.conn().rcvNxt() + 10));
        });
        run([s](Harness &h) {
            h.driveTo(s);
            h.recv(h.seg(kFin | kAck, h.conn().rcvNxt(), h.conn().sndNxt()));
            h.runUntil(1000 * kSecond);
        });
    }
    // Active opens.
    auto client = [&](const std::function<void(Harness &)> &scenario) {
        run(scenario, teachingProfile(1000), kClientPort, kServerPort);
    };
    client([](Harness &h) { h.establishAsClient(); });
    client([](Harness &h) {
        h.listen();
        h.connect();
    });
    client([](Harness &h) {
        h.connect();
        h.recv(h.seg(kSyn, kPeerIsn));
        h.recv(h.seg(kSyn | kAck, kPeerIsn, 1001));
    });
    client([](Harness &h) { // simultaneous open refused
        h.connect();
        h.recv(h.seg(kSyn, kPeerIsn));
        h.recv(h.seg(kRst, kPeerIsn + 1));
    });
    client([](Harness &h) {
        h.connect();
        h.recv(h.seg(kRst | kAck, 0, 1001));
    });
    client([](Harness &h) { // SYN_RCVD of an active open gives up
        h.connect();
        h.recv(h.seg(kSyn, kPeerIsn));
        h.runUntil(1000 * kSecond);
    });
    // Data and keep-alive limits.
    run([](Harness &h) {
        h.establishAsServer();
        h.send("lost");
        h.runUntil(1000 * kSecond);
    });
    run([](Harness &h) {
        h.driveTo(TcpState::CloseWait);
        h.send("lost");
        h.runUntil(1000 * kSecond);
    });
    EndpointConfig keepAlive = teachingProfile(1000);
    keepAlive.keepAlive = true;
    for (TcpState s : {TcpState::Established, TcpState::FinWait2, TcpState::CloseWait}) {
        run(
            [s](Harness &h) {
                h.driveTo(s);
                h.runUntil(1000 * kSecond);
            },
            keepAlive);
    }

    for (const Transition &t : transitionTable()) {
        if (t.event == TcpEvent::SendInListen)
            continue; // drawn from Figure 5; Connection::send() cannot name a foreign socket (§3.10.2)
        EXPECT_TRUE(taken.contains({t.from, t.event, t.to}))
            << "never taken: " << stateName(t.from) << " --" << eventName(t.event) << "--> "
            << stateName(t.to);
    }
}

} // namespace
} // namespace tcplab
