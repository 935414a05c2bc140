#pragma once
// Test helpers for the connection state machine, in the manner of smoltcp's socket tests: one endpoint fed
// hand-made segments by the test (Harness), or two endpoints on a simulated link (Pair). Time is always
// passed in; nothing sleeps. Every state change either makes is checked against the transition table.
#include "tcp/config.h"
#include "tcp/connection.h"
#include "tcp/transitions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tcplab::test {

constexpr std::uint32_t kLocalIsn = 1000; // the endpoint under test (teaching profile)
constexpr std::uint32_t kPeerIsn = 5000;  // the scripted peer
constexpr std::uint16_t kServerPort = 80;
constexpr std::uint16_t kClientPort = 40000;

inline std::vector<std::uint8_t> bytes(std::string_view text)
{
    return {text.begin(), text.end()};
}

inline std::string text(const std::vector<std::uint8_t> &b)
{
    return {b.begin(), b.end()};
}

// A connection plus everything it has reported, drained after every input.
struct Endpoint {
    explicit Endpoint(EndpointConfig config, std::uint16_t port) : conn(std::move(config), port) {}

    Connection conn;
    std::vector<Transmit> unread; // sent and not yet taken by the test
    std::vector<EndpointEvent> events;
    std::vector<StateChanged> changes;
    std::string delivered; // DataDelivered, concatenated
    std::vector<ConnectionError> errors;

    void drain()
    {
        while (auto t = conn.pollTransmit())
            unread.push_back(std::move(*t));
        while (auto e = conn.pollEvent()) {
            if (const auto *sc = std::get_if<StateChanged>(&*e)) {
                // Every transition taken must be a row of the table (DESIGN.md, "Rules of the core").
                EXPECT_NE(findTransition(sc->from, sc->event, sc->to), nullptr)
                    << stateName(sc->from) << " --" << eventName(sc->event) << "--> " << stateName(sc->to);
                changes.push_back(*sc);
            }
            if (const auto *d = std::get_if<DataDelivered>(&*e)) delivered += text(d->bytes);
            if (const auto *err = std::get_if<ConnectionError>(&*e)) errors.push_back(*err);
            events.push_back(std::move(*e));
        }
    }

    template <typename T> std::vector<T> eventsOf() const
    {
        std::vector<T> out;
        for (const auto &e : events) {
            if (const auto *t = std::get_if<T>(&e)) out.push_back(*t);
        }
        return out;
    }
};

// One endpoint and a scripted peer. The test makes the peer's segments with seg() and feeds them in.
class Harness {
public:
    explicit Harness(EndpointConfig config = teachingProfile(kLocalIsn),
                     std::uint16_t localPort = kServerPort, std::uint16_t peerPort = kClientPort)
        : ep(std::move(config), localPort), peerPort(peerPort)
    {
    }

    Endpoint ep;
    std::uint16_t peerPort;
    TimeUs now = 0;

    Connection &conn() { return ep.conn; }
    TcpState state() const { return ep.conn.state(); }

    // A segment from the peer.
    Segment seg(std::uint8_t flags, std::uint32_t seqNumber, std::uint32_t ackNumber = 0,
                std::string_view payload = {}, std::uint16_t window = 65535) const
    {
        Segment s;
        s.srcPort = peerPort;
        s.dstPort = ep.conn.localPort();
        s.seq = seqNumber;
        s.ack = ackNumber;
        s.flags = flags;
        s.window = window;
        s.payload = bytes(payload);
        return s;
    }

    void recv(const Segment &s)
    {
        ep.conn.handleSegment(now, s);
        ep.drain();
    }

    // Calls, at the current time.
    CallResult listen() { return after(ep.conn.listen(now)); }
    CallResult connect() { return after(ep.conn.connect(now, peerPort)); }
    CallResult send(std::string_view data, bool push = true)
    {
        const auto b = bytes(data);
        return after(ep.conn.send(now, b, push));
    }
    CallResult close() { return after(ep.conn.close(now)); }
    CallResult abort() { return after(ep.conn.abort(now)); }
    std::string receive(std::size_t n)
    {
        auto b = ep.conn.receive(now, n);
        ep.drain();
        return text(b);
    }

    // Segments sent since the last take.
    std::vector<Segment> take()
    {
        std::vector<Segment> out;
        for (auto &t : ep.unread)
            out.push_back(t.segment);
        lastTaken = std::move(ep.unread);
        ep.unread.clear();
        return out;
    }
    // Exactly one segment was sent since the last take.
    Segment takeOne()
    {
        auto all = take();
        EXPECT_EQ(all.size(), 1u) << "segments sent: " << all.size();
        return all.empty() ? Segment{} : all.front();
    }
    void expectNothingSent(const char *where = "")
    {
        auto all = take();
        EXPECT_TRUE(all.empty()) << where << ": sent " << all.size() << " segment(s), first flags "
                                 << (all.empty() ? "" : flagsToString(all.front().flags));
    }
    std::vector<Transmit> lastTaken; // the Transmit records of the last take()

    // Moves time to t, firing every timer due on the way at its own deadline.
    void runUntil(TimeUs t)
    {
        while (auto deadline = ep.conn.pollTimeout()) {
            if (*deadline > t) break;
            now = std::max(now, *deadline);
            ep.conn.handleTimeout(now);
            ep.drain();
        }
        now = std::max(now, t);
    }
    // Fires the next timer; returns its time.
    TimeUs fireNext()
    {
        const auto deadline = ep.conn.pollTimeout();
        EXPECT_TRUE(deadline.has_value());
        if (!deadline) return now;
        now = std::max(now, *deadline);
        ep.conn.handleTimeout(now);
        ep.drain();
        return now;
    }

    std::optional<TimeUs> deadline(TimerKind kind) const
    {
        // The latest TimerArmed not followed by a cancel or fire of the same kind.
        std::optional<TimeUs> d;
        for (const auto &e : ep.events) {
            if (const auto *a = std::get_if<TimerArmed>(&e); a && a->kind == kind) d = a->deadline;
            if (const auto *c = std::get_if<TimerCancelled>(&e); c && c->kind == kind) d.reset();
            if (const auto *f = std::get_if<TimerFired>(&e); f && f->kind == kind) d.reset();
        }
        return d;
    }

    std::vector<SegmentDiscarded> discards() const { return ep.eventsOf<SegmentDiscarded>(); }
    std::optional<StateChanged> lastChange() const
    {
        if (ep.changes.empty()) return std::nullopt;
        return ep.changes.back();
    }

    // ---- Building the endpoint into a state, with the peer's ISN kPeerIsn. ----

    // Passive open and handshake: ESTABLISHED as a server. RCV.NXT = kPeerIsn+1, SND.NXT = kLocalIsn+1.
    void establishAsServer(std::uint32_t peerIsn = kPeerIsn, std::uint16_t peerWindow = 65535)
    {
        listen();
        recv(seg(kSyn, peerIsn, 0, {}, peerWindow));
        takeOne(); // SYN,ACK
        recv(seg(kAck, peerIsn + 1, iss() + 1, {}, peerWindow));
        take();
    }
    // Active open and handshake: ESTABLISHED as a client.
    void establishAsClient(std::uint32_t peerIsn = kPeerIsn, std::uint16_t peerWindow = 65535)
    {
        connect();
        takeOne(); // SYN
        recv(seg(kSyn | kAck, peerIsn, iss() + 1, {}, peerWindow));
        take(); // ACK
    }

    // Drives a passively opened endpoint (or an active one for SYN_SENT) into `target` with the peer's
    // ISN kPeerIsn, and takes what it sent on the way. Afterwards SND.NXT and RCV.NXT are:
    //   ESTABLISHED: ISS+1, kPeerIsn+1;  FIN_WAIT_1/CLOSING: our FIN at ISS+1;  CLOSE_WAIT: peer FIN at
    //   kPeerIsn+1;  FIN_WAIT_2, TIME_WAIT, LAST_ACK accordingly.
    void driveTo(TcpState target)
    {
        const std::uint32_t peerNxt = kPeerIsn + 1;
        switch (target) {
        case TcpState::Closed:
            break;
        case TcpState::Listen:
            listen();
            break;
        case TcpState::SynSent:
            connect();
            break;
        case TcpState::SynRcvd:
            listen();
            recv(seg(kSyn, kPeerIsn));
            break;
        case TcpState::Established:
            establishAsServer();
            break;
        case TcpState::FinWait1:
            establishAsServer();
            close();
            break;
        case TcpState::FinWait2:
            driveTo(TcpState::FinWait1);
            recv(seg(kAck, peerNxt, iss() + 2));
            break;
        case TcpState::CloseWait:
            establishAsServer();
            recv(seg(kFin | kAck, peerNxt, iss() + 1));
            break;
        case TcpState::Closing:
            driveTo(TcpState::FinWait1);
            recv(seg(kFin | kAck, peerNxt, iss() + 1));
            break;
        case TcpState::LastAck:
            driveTo(TcpState::CloseWait);
            close();
            break;
        case TcpState::TimeWait:
            driveTo(TcpState::FinWait2);
            recv(seg(kFin | kAck, peerNxt, iss() + 2));
            break;
        }
        take();
        EXPECT_EQ(state(), target) << "driveTo " << stateName(target);
    }
    std::uint32_t iss() const { return ep.conn.iss(); }

private:
    CallResult after(CallResult r)
    {
        ep.drain();
        return r;
    }
};

// Two endpoints on a link with a one-way delay. The test may drop or hold segments with a filter.
class Pair {
public:
    struct InFlight {
        TimeUs arrival;
        bool toServer;
        Segment segment;
        bool retransmission;
        std::uint64_t order;
    };
    struct Sent {
        TimeUs at;
        bool fromClient;
        Transmit transmit;
        bool dropped;
    };

    explicit Pair(EndpointConfig clientConfig = teachingProfile(1000),
                  EndpointConfig serverConfig = teachingProfile(5000), TimeUs delay = 50 * kMillisecond)
        : client(std::move(clientConfig), kClientPort), server(std::move(serverConfig), kServerPort),
          delay(delay)
    {
    }

    Endpoint client;
    Endpoint server;
    TimeUs delay;
    TimeUs now = 0;
    std::vector<Sent> log; // every segment sent, in order
    // Return true to drop a segment (fromClient, segment).
    std::function<bool(bool, const Segment &)> dropIf;

    // Collects what the endpoints sent and puts it on the link.
    void pump()
    {
        client.drain();
        server.drain();
        for (auto *ep : {&client, &server}) {
            const bool fromClient = ep == &client;
            for (auto &t : ep->unread) {
                const bool drop = dropIf && dropIf(fromClient, t.segment);
                log.push_back({now, fromClient, t, drop});
                if (!drop)
                    m_link.push_back({now + delay, fromClient, t.segment, t.retransmission, m_order++});
            }
            ep->unread.clear();
        }
    }

    // Runs segment arrivals and timers in time order up to t.
    void runUntil(TimeUs t)
    {
        pump();
        while (true) {
            std::optional<TimeUs> next;
            for (const auto &f : m_link)
                next = next ? std::min(*next, f.arrival) : f.arrival;
            for (auto *ep : {&client, &server}) {
                if (auto d = ep->conn.pollTimeout()) next = next ? std::min(*next, *d) : *d;
            }
            if (!next || *next > t) break;
            now = std::max(now, *next);
            // Arrivals at this instant first, in sending order; then due timers.
            std::sort(m_link.begin(), m_link.end(), [](const InFlight &a, const InFlight &b) {
                return a.arrival != b.arrival ? a.arrival < b.arrival : a.order < b.order;
            });
            if (!m_link.empty() && m_link.front().arrival <= now) {
                InFlight f = m_link.front();
                m_link.erase(m_link.begin());
                (f.toServer ? server : client).conn.handleSegment(now, f.segment);
            } else {
                for (auto *ep : {&client, &server}) {
                    if (auto d = ep->conn.pollTimeout(); d && *d <= now) ep->conn.handleTimeout(now);
                }
            }
            pump();
        }
        now = std::max(now, t);
    }

    void at(TimeUs t, const std::function<void(TimeUs)> &call)
    {
        runUntil(t);
        call(now);
        pump();
    }

    std::vector<std::string> describe() const
    {
        std::vector<std::string> out;
        for (const auto &s : log) {
            out.push_back(std::string(s.fromClient ? "C>" : "S>") + flagsToString(s.transmit.segment.flags) +
                          " " + std::to_string(s.transmit.segment.seq) + ":" +
                          std::to_string(s.transmit.segment.ack) + " len " +
                          std::to_string(s.transmit.segment.payload.size()) +
                          (s.dropped ? " (dropped)" : ""));
        }
        return out;
    }

private:
    std::vector<InFlight> m_link;
    std::uint64_t m_order = 0;
};

inline std::vector<TcpState> statesVisited(const Endpoint &ep)
{
    std::vector<TcpState> out;
    for (const auto &c : ep.changes)
        out.push_back(c.to);
    return out;
}

} // namespace tcplab::test
