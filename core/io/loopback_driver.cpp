#include "io/loopback_driver_impl.h"

#include <algorithm>

namespace tcplab {

namespace {
using Endpoint = detail::LoopbackEndpoint;
using Held = detail::HeldSegment;
} // namespace

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
