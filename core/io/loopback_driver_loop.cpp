// The loopback driver's loop: scheduled and triggered calls, the Connections' timers, and waiting in poll()
// for the next datagram or due time.
#include "io/loopback_driver_impl.h"

#include "trace/endpoint_trace.h"

#include <algorithm>
#include <poll.h>

namespace tcplab {

// Records the endpoint's events, then sends (or drops) what it wants to transmit.
void LoopbackDriver::Impl::drain(TimeUs t, Endpoint &e, std::uint64_t inputSegmentId)
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

CallResult LoopbackDriver::Impl::runCall(TimeUs t, const ScheduledCall &c)
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
void LoopbackDriver::Impl::fireTriggers()
{
    triggers.scan(trace, [&](ScheduledCall call) {
        const auto at = std::upper_bound(calls.begin() + static_cast<std::ptrdiff_t>(nextCall), calls.end(),
                                         call.at, [](TimeUs t, const ScheduledCall &c) { return t < c.at; });
        calls.insert(at, std::move(call));
    });
}

void LoopbackDriver::Impl::handleDue()
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

std::optional<TimeUs> LoopbackDriver::Impl::nextDue() const
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

void LoopbackDriver::Impl::pollOnce(TimeUs maxWait)
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

bool LoopbackDriver::Impl::finished() const
{
    if (nextCall < calls.size() || !held.empty()) return false;
    for (const Endpoint &e : endpoints)
        if (e.connection->pollTimeout() || !e.unread.empty()) return false;
    return true;
}

} // namespace tcplab
