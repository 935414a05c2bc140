#include "io/loopback_driver.h"

#include "io/loopback_socket.h"
#include "io/loopback_triggers.h"
#include "sim/link.h"
#include "tcp/wire.h"
#include "trace/endpoint_trace.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <sys/socket.h>
#include <type_traits>
#include <unistd.h>
#include <utility>

namespace tcplab {

namespace {

constexpr std::size_t kMaxDatagram = 65535;

struct Endpoint {
    Side side;
    int conn;
    std::uint16_t tcpPort;
    EndpointConfig config;
    std::optional<Connection> connection;
    detail::UdpSocket socket;
    int dropNext = 0;
    // Segment ids of our datagrams not yet read by the peer, with their bytes (the peer looks them up).
    std::deque<std::pair<std::vector<std::uint8_t>, std::uint64_t>> unread;
};

// A segment the link holds before it is handed to the kernel (its one-way delay, a delay or hold rule, a
// duplicate's later copy).
struct Held {
    std::uint64_t segmentId = 0;
    std::size_t endpoint = 0; // the sender's index
    TimeUs sentAt = 0;
    TimeUs sendAt = 0;
    bool retransmission = false;
    Segment segment;
};

} // namespace

struct LoopbackDriver::Impl {
    Scenario scenario;
    LoopbackOptions options;
    Trace trace;
    LoopbackStats stats;
    std::vector<Endpoint> endpoints;  // client 0, server 0, client 1, server 1, ...
    std::vector<ScheduledCall> calls; // sorted by time
    std::size_t nextCall = 0;
    std::optional<Link> link; // the simulator's link: rules, their counters, the seeded random stream
    LinkFate fate;
    std::vector<Held> held; // in the order they were held
    std::uint64_t nextSegmentId = 1;
    bool open = false;
    std::uint16_t portInUse = 0; // the port open() found in use
    std::chrono::steady_clock::time_point start;
    std::optional<std::chrono::steady_clock::time_point> pausedAt;
    detail::CallTriggers triggers; // calls that wait for a state or for data
    std::vector<std::uint8_t> buffer = std::vector<std::uint8_t>(kMaxDatagram);

    Endpoint &at(Side side, int conn)
    {
        return endpoints[static_cast<std::size_t>(conn * 2 + (side == Side::Server))];
    }
    Endpoint &peerOf(const Endpoint &e)
    {
        return at(e.side == Side::Client ? Side::Server : Side::Client, e.conn);
    }

    TimeUs now() const
    {
        if (!open) return 0;
        const auto wall = pausedAt ? *pausedAt : std::chrono::steady_clock::now();
        return std::chrono::duration_cast<std::chrono::microseconds>(wall - start).count();
    }

    TraceEvent event(TimeUs t, TraceKind kind, const Endpoint &e)
    {
        TraceEvent ev;
        ev.t = t;
        ev.kind = kind;
        ev.side = e.side;
        ev.conn = e.conn;
        return ev;
    }

    void note(TimeUs t, Side side, int conn, std::string text)
    {
        TraceEvent ev;
        ev.t = t;
        ev.kind = TraceKind::Note;
        ev.side = side;
        ev.conn = conn;
        ev.text = std::move(text);
        trace.append(std::move(ev));
    }

    // Records the endpoint's events, then sends (or drops) what it wants to transmit.
    void drain(TimeUs t, Endpoint &e, std::uint64_t inputSegmentId = 0)
    {
        Connection &c = *e.connection;
        while (auto polled = c.pollEvent()) {
            TraceEvent ev = event(t, TraceKind::Note, e);
            fillTraceEvent(ev, *polled);
            if (ev.kind == TraceKind::SegmentDiscarded) ev.segmentId = inputSegmentId;
            trace.append(std::move(ev));
        }
        while (auto tx = c.pollTransmit())
            transmit(t, e, *tx);
    }

    std::size_t indexOf(const Endpoint &e) const { return static_cast<std::size_t>(&e - endpoints.data()); }

    void recordDrop(TimeUs t, const Endpoint &e, std::uint64_t id, const Segment &segment,
                    bool retransmission, const std::string &why)
    {
        ++stats.segmentsDropped;
        TraceEvent drop = event(t, TraceKind::SegmentDropped, e);
        drop.segmentId = id;
        drop.segment = segment;
        drop.retransmission = retransmission;
        drop.text = why + " (before sending)";
        trace.append(std::move(drop));
    }

    // The link decides the segment's fate now; the driver drops it, sends it, or holds it until its time.
    void transmit(TimeUs t, Endpoint &e, const Transmit &tx)
    {
        const std::uint64_t id = nextSegmentId++;
        std::optional<std::string> dropped;
        if (e.dropNext > 0) {
            --e.dropNext;
            fate.reset();
            dropped = link->reason(LinkFate::kUserRule, e.side);
        } else {
            link->decide({e.side, e.conn, id, t, tx.segment.flags}, fate);
            if (fate.dropped) dropped = link->reason(fate.dropRule, e.side);
        }
        const TimeUs linkDelay = options.linkDelays ? 0 : link->delay(e.side);
        const TimeUs sendAt = std::max(t, fate.arrival - linkDelay);
        TraceEvent sent = event(t, TraceKind::SegmentSent, e);
        sent.segmentId = id;
        sent.segment = tx.segment;
        sent.retransmission = tx.retransmission;
        sent.keepAliveProbe = tx.keepAliveProbe;
        sent.arrival = dropped ? -1 : sendAt;
        if (!dropped && fate.lastRule != LinkFate::kNoRule) sent.text = link->reason(fate.lastRule, e.side);
        trace.append(std::move(sent));
        if (dropped) {
            recordDrop(t, e, id, tx.segment, tx.retransmission, *dropped);
            return;
        }
        Held segment{id, indexOf(e), t, sendAt, tx.retransmission, tx.segment};
        for (const LinkCopy &copy : fate.copies)
            holdCopy(t, segment, copy.arrival - linkDelay, link->reason(copy.rule, e.side));
        if (sendAt <= t)
            send(t, segment);
        else
            held.push_back(std::move(segment));
    }

    // A second copy of `original`, sent by the link (not by the endpoint) at `sendAt`.
    void holdCopy(TimeUs t, const Held &original, TimeUs sendAt, std::string why)
    {
        ++stats.segmentsDuplicated;
        Held copy = original;
        copy.segmentId = nextSegmentId++;
        copy.sentAt = t;
        copy.sendAt = std::max(t, sendAt);
        TraceEvent sent = event(t, TraceKind::SegmentSent, endpoints[original.endpoint]);
        sent.segmentId = copy.segmentId;
        sent.segment = copy.segment;
        sent.retransmission = copy.retransmission;
        sent.arrival = copy.sendAt;
        sent.duplicateOf = original.segmentId;
        sent.text = std::move(why);
        trace.append(std::move(sent));
        held.push_back(std::move(copy));
    }

    // Hands the segment's wire bytes to the kernel, to the peer's socket.
    void send(TimeUs t, const Held &segment)
    {
        Endpoint &e = endpoints[segment.endpoint];
        std::vector<std::uint8_t> bytes = encodeSegment(segment.segment);
        const Endpoint &peer = peerOf(e);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        to.sin_port = htons(peer.socket.port());
        const ssize_t n = ::sendto(e.socket.fd(), bytes.data(), bytes.size(), 0,
                                   reinterpret_cast<const sockaddr *>(&to), sizeof to);
        if (n != static_cast<ssize_t>(bytes.size())) {
            recordDrop(t, e, segment.segmentId, segment.segment, segment.retransmission,
                       std::string("sendto failed: ") + std::strerror(errno));
            return;
        }
        ++stats.datagramsSent;
        e.unread.emplace_back(std::move(bytes), segment.segmentId);
    }

    // Sends the held segments whose time has come, earliest first.
    void sendDue(TimeUs t)
    {
        for (;;) {
            auto next = std::min_element(held.begin(), held.end(),
                                         [](const Held &a, const Held &b) { return a.sendAt < b.sendAt; });
            if (next == held.end() || next->sendAt > t) return;
            const Held segment = std::move(*next);
            held.erase(next);
            send(t, segment);
        }
    }

    Held *findHeld(std::uint64_t segmentId)
    {
        auto it =
            std::find_if(held.begin(), held.end(), [&](const Held &h) { return h.segmentId == segmentId; });
        return it == held.end() ? nullptr : &*it;
    }

    void discard(TimeUs t, const Endpoint &receiver, std::string why, const Segment *segment)
    {
        ++stats.datagramsDiscarded;
        TraceEvent ev = event(t, TraceKind::SegmentDiscarded, receiver);
        if (segment) ev.segment = *segment;
        ev.text = std::move(why);
        trace.append(std::move(ev));
    }

    void receive(Endpoint &e)
    {
        for (;;) {
            sockaddr_in from{};
            socklen_t fromLength = sizeof from;
            const ssize_t n = ::recvfrom(e.socket.fd(), buffer.data(), buffer.size(), MSG_DONTWAIT,
                                         reinterpret_cast<sockaddr *>(&from), &fromLength);
            if (n < 0) return; // EAGAIN: nothing more; any other error leaves the socket to the next round
            const TimeUs t = now();
            ++stats.datagramsReceived;
            const std::span<const std::uint8_t> bytes(buffer.data(), static_cast<std::size_t>(n));
            const DecodeResult decoded = decodeSegment(bytes);
            const std::uint16_t fromPort = ntohs(from.sin_port);
            const std::string source = std::string("UDP 127.0.0.1:") + std::to_string(fromPort);
            if (!decoded.ok()) {
                discard(t, e,
                        "datagram of " + std::to_string(n) + " bytes from " + source + ": " + decoded.message,
                        nullptr);
                continue;
            }
            Endpoint &peer = peerOf(e);
            if (from.sin_addr.s_addr != htonl(INADDR_LOOPBACK) || fromPort != peer.socket.port()) {
                discard(t, e, "datagram from " + source + ", which is not the peer's socket",
                        &decoded.segment);
                continue;
            }
            std::uint64_t id = 0;
            const auto match = std::find_if(peer.unread.begin(), peer.unread.end(), [&](const auto &u) {
                return std::equal(u.first.begin(), u.first.end(), bytes.begin(), bytes.end());
            });
            if (match != peer.unread.end()) {
                id = match->second;
                peer.unread.erase(match);
            }
            TraceEvent delivered = event(t, TraceKind::SegmentDelivered, peer);
            delivered.segmentId = id;
            delivered.segment = decoded.segment;
            trace.append(std::move(delivered));
            e.connection->handleSegment(t, decoded.segment);
            drain(t, e, id);
        }
    }

    CallResult runCall(TimeUs t, const ScheduledCall &c)
    {
        Endpoint &e = at(c.side, c.conn);
        Connection &conn = *e.connection;
        CallResult result;
        std::vector<std::uint8_t> received;
        switch (c.call) {
        case CallKind::Listen:
            result = conn.listen(t);
            break;
        case CallKind::Connect:
            result = conn.connect(t, static_cast<std::uint16_t>(scenario.serverPort));
            break;
        case CallKind::Send:
            result = conn.send(t, c.data);
            break;
        case CallKind::Receive:
            received = conn.receive(t, c.receiveBytes);
            break;
        case CallKind::Close:
            result = conn.close(t);
            break;
        case CallKind::Abort:
            result = conn.abort(t);
            break;
        case CallKind::Crash:
        case CallKind::Restart:
            // The endpoint loses its connection state without sending anything (a host crash and reboot).
            e.connection.emplace(e.config, e.tcpPort);
            break;
        }
        TraceEvent ev = event(t, TraceKind::UserCall, e);
        ev.call = c.call;
        ev.callOk = result.ok;
        ev.text = std::string(result.error);
        ev.data = c.call == CallKind::Receive ? received : c.data;
        trace.append(std::move(ev));
        drain(t, e);
        return result;
    }

    // Moves the waiting calls whose trigger the trace now shows into the timed calls.
    void fireTriggers()
    {
        triggers.scan(trace, [&](ScheduledCall call) {
            const auto at =
                std::upper_bound(calls.begin() + static_cast<std::ptrdiff_t>(nextCall), calls.end(), call.at,
                                 [](TimeUs t, const ScheduledCall &c) { return t < c.at; });
            calls.insert(at, std::move(call));
        });
    }

    void handleDue()
    {
        if (pausedAt) return;
        TimeUs t = now();
        fireTriggers();
        while (nextCall < calls.size() && calls[nextCall].at <= t) {
            runCall(t, calls[nextCall++]);
            fireTriggers();
        }
        sendDue(t);
        for (Endpoint &e : endpoints) {
            const auto deadline = e.connection->pollTimeout();
            if (deadline && *deadline <= t) {
                e.connection->handleTimeout(t);
                drain(t, e);
            }
        }
        fireTriggers();
    }

    std::optional<TimeUs> nextDue() const
    {
        std::optional<TimeUs> due;
        if (nextCall < calls.size()) due = calls[nextCall].at;
        for (const Held &h : held)
            if (!due || h.sendAt < *due) due = h.sendAt;
        for (const Endpoint &e : endpoints) {
            const auto d = e.connection->pollTimeout();
            if (d && (!due || *d < *due)) due = d;
        }
        return due;
    }

    void pollOnce(TimeUs maxWait)
    {
        if (!open || pausedAt) return;
        handleDue();
        TimeUs wait = std::max<TimeUs>(maxWait, 0);
        if (const auto due = nextDue()) wait = std::clamp<TimeUs>(*due - now(), 0, wait);
        std::vector<pollfd> fds;
        fds.reserve(endpoints.size());
        for (const Endpoint &e : endpoints)
            fds.push_back({e.socket.fd(), POLLIN, 0});
        // Round up to whole milliseconds so that a timer is never handled before its deadline.
        const int timeoutMs = static_cast<int>((wait + kMillisecond - 1) / kMillisecond);
        const int ready = ::poll(fds.data(), fds.size(), timeoutMs);
        if (ready > 0) {
            for (std::size_t i = 0; i < fds.size(); ++i)
                if ((fds[i].revents & POLLIN) != 0) receive(endpoints[i]);
            fireTriggers();
        }
        handleDue();
    }

    bool finished() const
    {
        if (nextCall < calls.size() || !held.empty()) return false;
        for (const Endpoint &e : endpoints)
            if (e.connection->pollTimeout() || !e.unread.empty()) return false;
        return true;
    }
};

LoopbackDriver::LoopbackDriver(Scenario scenario, LoopbackOptions options) : m_impl(std::make_unique<Impl>())
{
    Impl &d = *m_impl;
    d.scenario = std::move(scenario);
    d.options = options;
    d.link.emplace(d.scenario.link, d.scenario.seed);
    for (const ScheduledCall &c : d.scenario.calls)
        if (c.trigger)
            d.triggers.add(c);
        else
            d.calls.push_back(c);
    std::stable_sort(d.calls.begin(), d.calls.end(),
                     [](const ScheduledCall &a, const ScheduledCall &b) { return a.at < b.at; });
    const int pairs = std::max(1, d.scenario.connections);
    d.endpoints.reserve(static_cast<std::size_t>(pairs) * 2);
    for (int i = 0; i < pairs; ++i) {
        for (Side side : {Side::Client, Side::Server}) {
            Endpoint e;
            e.side = side;
            e.conn = i;
            e.config = side == Side::Client ? d.scenario.client : d.scenario.server;
            e.tcpPort = static_cast<std::uint16_t>(side == Side::Client ? d.scenario.clientPort + i
                                                                        : d.scenario.serverPort);
            e.connection.emplace(e.config, e.tcpPort);
            d.endpoints.push_back(std::move(e));
        }
    }
}

LoopbackDriver::~LoopbackDriver() = default;

std::string LoopbackDriver::open()
{
    Impl &d = *m_impl;
    if (d.open) return {};
    for (Endpoint &e : d.endpoints) {
        const std::uint16_t base = e.side == Side::Client ? d.options.clientUdpPort : d.options.serverUdpPort;
        const std::uint16_t port = base == 0 ? 0 : static_cast<std::uint16_t>(base + e.conn);
        std::string who = std::string(sideName(e.side));
        if (d.endpoints.size() > 2) who += " " + std::to_string(e.conn);
        if (std::string error = e.socket.bind(port, who); !error.empty()) {
            if (e.socket.portWasInUse()) d.portInUse = port;
            for (Endpoint &other : d.endpoints)
                other.socket.close();
            return error;
        }
    }
    d.open = true;
    d.start = std::chrono::steady_clock::now();
    for (const Endpoint &e : d.endpoints) {
        if (e.side != Side::Client) continue;
        const Endpoint &s = d.at(Side::Server, e.conn);
        d.note(0, Side::Client, e.conn,
               "loopback: client TCP port " + std::to_string(e.tcpPort) + " on UDP 127.0.0.1:" +
                   std::to_string(e.socket.port()) + ", server TCP port " + std::to_string(s.tcpPort) +
                   " on UDP 127.0.0.1:" + std::to_string(s.socket.port()) + "; times are wall-clock µs");
    }
    const LinkConfig &link = d.scenario.link;
    std::string linkNote =
        "loopback: the scenario's link decides each segment's fate as the simulator's does";
    if (d.options.linkDelays)
        linkNote += "; a segment waits its one-way delay (client to server " +
                    formatDuration(link.delayClientToServer) + ", server to client " +
                    formatDuration(link.delayServerToClient) + ") before it is sent";
    if (!link.rules.empty())
        linkNote +=
            "; its " + std::to_string(link.rules.size()) + " rule(s) drop, hold or copy before sending";
    d.note(0, Side::Client, 0, linkNote);
    return {};
}

bool LoopbackDriver::isOpen() const
{
    return m_impl->open;
}

std::uint16_t LoopbackDriver::portInUse() const
{
    return m_impl->portInUse;
}
TimeUs LoopbackDriver::now() const
{
    return m_impl->now();
}

void LoopbackDriver::pollOnce(TimeUs maxWait)
{
    m_impl->pollOnce(maxWait);
}

void LoopbackDriver::runUntil(TimeUs deadline)
{
    if (!m_impl->open || m_impl->pausedAt) return;
    for (TimeUs t = now(); t < deadline; t = now())
        m_impl->pollOnce(deadline - t);
}

void LoopbackDriver::runToEnd(TimeUs limit)
{
    Impl &d = *m_impl;
    if (!d.open || d.pausedAt) return;
    const TimeUs end = limit < 0 ? d.scenario.endAt : std::min(limit, d.scenario.endAt);
    for (TimeUs t = now(); t < end && !d.finished(); t = now())
        d.pollOnce(end - t);
}

bool LoopbackDriver::finished() const
{
    return m_impl->finished();
}

void LoopbackDriver::setPaused(bool paused)
{
    Impl &d = *m_impl;
    if (!d.open || paused == d.pausedAt.has_value()) return;
    const auto wall = std::chrono::steady_clock::now();
    if (paused) {
        d.pausedAt = wall;
        return;
    }
    const auto pause = wall - *d.pausedAt;
    d.start += pause;
    d.pausedAt.reset();
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(pause).count();
    d.note(d.now(), Side::Client, 0,
           "resumed after a pause of " + formatDuration(us) +
               ", which the trace's clock leaves out (datagrams waited in the kernel)");
}

bool LoopbackDriver::isPaused() const
{
    return m_impl->pausedAt.has_value();
}

std::vector<int> LoopbackDriver::socketDescriptors() const
{
    std::vector<int> fds;
    for (const Endpoint &e : m_impl->endpoints)
        if (e.socket.fd() >= 0) fds.push_back(e.socket.fd());
    return fds;
}

std::optional<TimeUs> LoopbackDriver::nextDue() const
{
    return m_impl->nextDue();
}

void LoopbackDriver::dropNextFrom(Side side, int conn)
{
    if (conn < 0 || conn >= connectionCount()) return;
    ++m_impl->at(side, conn).dropNext;
    m_impl->note(now(), side, conn,
                 "the next segment from " + std::string(sideName(side)) +
                     " will be dropped before sending (user)");
}

bool LoopbackDriver::dropSegment(std::uint64_t segmentId)
{
    Impl &d = *m_impl;
    Held *h = d.findHeld(segmentId);
    if (!h) return false;
    const Held segment = std::move(*h);
    d.held.erase(d.held.begin() + (h - d.held.data()));
    d.recordDrop(now(), d.endpoints[segment.endpoint], segment.segmentId, segment.segment,
                 segment.retransmission, "dropped by user");
    return true;
}

bool LoopbackDriver::delaySegment(std::uint64_t segmentId, TimeUs extra)
{
    Impl &d = *m_impl;
    Held *h = d.findHeld(segmentId);
    if (!h || extra <= 0) return false;
    h->sendAt += extra;
    TraceEvent note = d.event(now(), TraceKind::Note, d.endpoints[h->endpoint]);
    note.segmentId = segmentId;
    note.arrival = h->sendAt;
    note.text = "delayed by user by " + formatDuration(extra) + " (held before sending)";
    d.trace.append(std::move(note));
    return true;
}

bool LoopbackDriver::duplicateSegment(std::uint64_t segmentId)
{
    Impl &d = *m_impl;
    Held *h = d.findHeld(segmentId);
    if (!h) return false;
    const Held original = *h; // holdCopy grows d.held
    const TimeUs t = now();
    const Side from = d.endpoints[original.endpoint].side;
    d.holdCopy(t, original, t + (d.options.linkDelays ? d.link->delay(from) : 0), "duplicated by user");
    return true;
}

std::vector<InFlight> LoopbackDriver::inFlight() const
{
    std::vector<InFlight> out;
    for (const Held &h : m_impl->held) {
        const Endpoint &e = m_impl->endpoints[h.endpoint];
        out.push_back({h.segmentId, e.side, e.conn, h.sentAt, h.sendAt, h.segment, false});
    }
    std::sort(out.begin(), out.end(),
              [](const InFlight &a, const InFlight &b) { return a.segmentId < b.segmentId; });
    return out;
}

CallResult LoopbackDriver::call(Side side, CallKind kind, std::vector<std::uint8_t> data, int conn)
{
    Impl &d = *m_impl;
    if (conn < 0 || conn >= connectionCount()) return CallResult::failure("no such connection");
    ScheduledCall c;
    c.at = now();
    c.side = side;
    c.call = kind;
    c.conn = conn;
    if (kind == CallKind::Receive)
        c.receiveBytes = data.size();
    else
        c.data = std::move(data);
    return d.runCall(c.at, c);
}

const Scenario &LoopbackDriver::scenario() const
{
    return m_impl->scenario;
}
const Trace &LoopbackDriver::trace() const
{
    return m_impl->trace;
}
const Connection &LoopbackDriver::endpoint(Side side, int conn) const
{
    return *m_impl->at(side, conn).connection;
}
int LoopbackDriver::connectionCount() const
{
    return static_cast<int>(m_impl->endpoints.size() / 2);
}
std::uint16_t LoopbackDriver::udpPort(Side side, int conn) const
{
    return m_impl->at(side, conn).socket.port();
}
const LoopbackStats &LoopbackDriver::stats() const
{
    return m_impl->stats;
}

} // namespace tcplab
