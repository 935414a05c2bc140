#include "sim/session_impl.h"

#include "trace/endpoint_trace.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace tcplab {

using detail::ArmedTimer;

void Session::Impl::start()
{
    scenario.connections = std::max(scenario.connections, 1);
    endpoints.resize(static_cast<std::size_t>(scenario.connections) * 2);
    for (int conn = 0; conn < scenario.connections; ++conn) {
        const auto clientPort = static_cast<std::uint16_t>(scenario.clientPort + conn);
        for (Side side : {Side::Client, Side::Server}) {
            Endpoint &ep = endpointAt(side, conn);
            ep.side = side;
            ep.conn = conn;
            ep.localPort = side == Side::Client ? clientPort : scenario.serverPort;
            ep.remotePort = side == Side::Client ? scenario.serverPort : clientPort;
            createMachine(ep, std::nullopt, true);
        }
    }
    triggerFired.assign(scenario.calls.size(), false);
    heartbeatRuns.assign(scenario.heartbeats.size(), {});
    // Roughly what one connection's life records; more is grown as needed.
    trace.reserve(std::min<std::size_t>(256 * static_cast<std::size_t>(scenario.connections), 4096));
    flights.reserve(16);
    freeFlights.reserve(16);
    queue.reserve(64 + scenario.calls.size());
    for (std::size_t i = 0; i < scenario.calls.size(); ++i)
        if (!scenario.calls[i].trigger)
            queue.push(std::max<TimeUs>(scenario.calls[i].at, 0), detail::kScheduledCall,
                       static_cast<std::uint32_t>(i));
}

bool Session::Impl::isStale(const QueueEntry &entry) const
{
    switch (entry.kind) {
    case detail::kArrival:
    case detail::kLinkDrop: {
        const Flight &flight = flights[entry.index];
        return !flight.live || flight.generation != entry.tag;
    }
    case detail::kTimer:
        return endpoints[entry.index].timerGeneration != entry.tag;
    default:
        return false;
    }
}

void Session::Impl::prune()
{
    while (!queue.empty() && isStale(queue.top()))
        queue.pop();
}

void Session::Impl::process(const QueueEntry &entry)
{
    now = entry.t;
    switch (entry.kind) {
    case detail::kScheduledCall: {
        const ScheduledCall &call = scenario.calls[entry.index];
        perform(call.side, call.call, call.conn, call.data, call.receiveBytes, call.isn);
        break;
    }
    case detail::kArrival:
        arrive(entry.index);
        break;
    case detail::kLinkDrop:
        dropMidway(entry.index);
        break;
    case detail::kTimer:
        fireTimer(endpoints[entry.index]);
        break;
    case detail::kHeartbeat:
        heartbeat(entry.index, entry.tag != 0);
        break;
    default:
        break;
    }
}

void Session::Impl::runUntil(TimeUs t)
{
    const TimeUs limit = std::min(t, scenario.endAt);
    prune();
    while (pending(limit)) {
        const QueueEntry entry = queue.pop();
        process(entry);
        prune();
    }
    now = std::max(now, t);
}

void Session::Impl::drain(Endpoint &ep)
{
    withMachine(ep, [&](auto &machine) {
        while (auto endpointEvent = machine.pollEvent())
            record(ep, *endpointEvent);
        while (auto tx = machine.pollTransmit())
            transmit(ep, std::move(*tx));
    });
    syncTimer(ep);
}

void Session::Impl::record(Endpoint &ep, const EndpointEvent &endpointEvent)
{
    TraceEvent &t = event(TraceKind::Note, ep.side, ep.conn);
    fillTraceEvent(t, endpointEvent);
    // What only the session knows, and its application's reactions. `t` is not used after a reaction,
    // which may append to the trace.
    switch (t.kind) {
    case TraceKind::StateChanged:
        reactToState(ep, t.to);
        break;
    case TraceKind::TimerArmed:
        ep.timers[detail::timerIndex(t.timer)] = {true, t.deadline, t.attempt};
        break;
    case TraceKind::TimerCancelled:
    case TraceKind::TimerFired: {
        // The deadline (and, for a cancel, the attempt) is that of the timer as it was armed.
        ArmedTimer &armed = ep.timers[detail::timerIndex(t.timer)];
        t.deadline = armed.deadline;
        if (t.kind == TraceKind::TimerCancelled) t.attempt = armed.attempt;
        armed.armed = false;
        break;
    }
    case TraceKind::SegmentDiscarded:
        t.segmentId = delivering;
        t.retransmission = deliveringRetransmission;
        break;
    case TraceKind::DataDelivered:
        reactToData(ep, t.data.size());
        break;
    default:
        break;
    }
}

std::uint32_t Session::Impl::allocateFlight()
{
    if (!freeFlights.empty()) {
        const std::uint32_t slot = freeFlights.back();
        freeFlights.pop_back();
        return slot;
    }
    flights.emplace_back();
    return static_cast<std::uint32_t>(flights.size() - 1);
}

void Session::Impl::releaseFlight(std::uint32_t slot)
{
    Flight &flight = flights[slot];
    flight.live = false;
    ++flight.generation;
    freeFlights.push_back(slot);
}

detail::Flight *Session::Impl::findFlight(std::uint64_t segmentId)
{
    for (Flight &flight : flights)
        if (flight.live && flight.segmentId == segmentId) return &flight;
    return nullptr;
}

void Session::Impl::transmit(Endpoint &ep, Transmit &&tx)
{
    const std::uint64_t id = nextSegmentId++;
    link.decide({ep.side, ep.conn, id, now, tx.segment.flags}, fate);

    TraceEvent &sent = event(TraceKind::SegmentSent, ep.side, ep.conn);
    sent.segmentId = id;
    sent.segment = tx.segment;
    sent.retransmission = tx.retransmission;
    sent.keepAliveProbe = tx.keepAliveProbe;
    sent.arrival = fate.dropped ? -1 : fate.arrival;
    if (!fate.dropped && fate.lastRule != LinkFate::kNoRule) sent.text = link.reason(fate.lastRule, ep.side);

    const std::uint32_t slot = allocateFlight();
    Flight &flight = flights[slot];
    flight.segmentId = id;
    flight.from = ep.side;
    flight.conn = ep.conn;
    flight.sentAt = now;
    flight.live = true;
    flight.dropsMidway = fate.dropped;
    flight.retransmission = tx.retransmission;
    flight.dropRule = fate.dropRule;
    flight.arrival = fate.dropped ? now + link.delay(ep.side) : fate.arrival;
    flight.segment = std::move(tx.segment);
    if (fate.dropped)
        queue.push(fate.dropAt, detail::kLinkDrop, slot, flight.generation);
    else
        queue.push(fate.arrival, detail::kArrival, slot, flight.generation);

    for (const LinkCopy &copy : fate.copies)
        launchCopy(slot, copy.arrival, link.reason(copy.rule, ep.side));
}

void Session::Impl::launchCopy(std::uint32_t slot, TimeUs arrival, std::string why)
{
    const std::uint64_t copyId = nextSegmentId++;
    const std::uint32_t copySlot = allocateFlight();
    const Flight &original = flights[slot]; // after allocateFlight, which may move the vector
    TraceEvent &sent = event(TraceKind::SegmentSent, original.from, original.conn);
    sent.segmentId = copyId;
    sent.segment = original.segment;
    sent.retransmission = original.retransmission;
    sent.arrival = arrival;
    sent.duplicateOf = original.segmentId;
    sent.text = std::move(why);

    Flight &copied = flights[copySlot];
    copied.segmentId = copyId;
    copied.from = original.from;
    copied.conn = original.conn;
    copied.sentAt = now;
    copied.arrival = arrival;
    copied.live = true;
    copied.dropsMidway = false;
    copied.retransmission = original.retransmission;
    copied.dropRule = LinkFate::kNoRule;
    copied.segment = original.segment;
    queue.push(arrival, detail::kArrival, copySlot, copied.generation);
}

void Session::Impl::arrive(std::uint32_t slot)
{
    Flight &flight = flights[slot];
    const Side to = peerOf(flight.from);
    const int conn = flight.conn;
    Endpoint &ep = endpointAt(to, conn);

    TraceEvent &delivered = event(TraceKind::SegmentDelivered, flight.from, conn);
    delivered.segmentId = flight.segmentId;
    delivered.retransmission = flight.retransmission;
    delivered.segment = std::move(flight.segment);
    const std::uint64_t id = flight.segmentId;
    const bool retransmission = flight.retransmission;
    releaseFlight(slot);

    if (delivered.segment.dstPort != ep.localPort) {
        Segment segment = delivered.segment; // the next event may move the trace's storage
        TraceEvent &discarded = event(TraceKind::SegmentDiscarded, to, conn);
        discarded.segmentId = id;
        discarded.retransmission = retransmission;
        discarded.text = "no endpoint on port " + std::to_string(segment.dstPort);
        discarded.segment = std::move(segment);
        discarded.rfc = "RFC 9293 §3.10.7.1";
        return;
    }
    delivering = id;
    deliveringRetransmission = retransmission;
    // The endpoint reads the segment where the trace keeps it; nothing appends to the trace during the call.
    withMachine(ep, [&](auto &machine) { machine.handleSegment(now, delivered.segment); });
    drain(ep);
    delivering = 0;
}

void Session::Impl::dropMidway(std::uint32_t slot)
{
    Flight &flight = flights[slot];
    TraceEvent &dropped = event(TraceKind::SegmentDropped, flight.from, flight.conn);
    dropped.segmentId = flight.segmentId;
    dropped.retransmission = flight.retransmission;
    dropped.text = link.reason(flight.dropRule, flight.from);
    dropped.segment = std::move(flight.segment);
    releaseFlight(slot);
}

void Session::Impl::syncTimer(Endpoint &ep)
{
    const std::optional<TimeUs> deadline =
        withMachine(ep, [](auto &machine) { return machine.pollTimeout(); });
    if (deadline == ep.queuedDeadline) return;
    ++ep.timerGeneration;
    ep.queuedDeadline = deadline;
    if (deadline)
        queue.push(std::max(*deadline, now), detail::kTimer,
                   static_cast<std::uint32_t>(index(ep.side, ep.conn)), ep.timerGeneration);
}

void Session::Impl::fireTimer(Endpoint &ep)
{
    ep.queuedDeadline.reset();
    ++ep.timerGeneration;
    withMachine(ep, [&](auto &machine) { machine.handleTimeout(now); });
    drain(ep);
    // A connection that still asks to be woken at or before now would spin the clock in place.
    if (ep.queuedDeadline && *ep.queuedDeadline <= now) {
        ++ep.timerGeneration;
        queue.push(now + 1, detail::kTimer, static_cast<std::uint32_t>(index(ep.side, ep.conn)),
                   ep.timerGeneration);
    }
}

void Session::Impl::crash(Endpoint &ep, std::optional<std::uint32_t> isn)
{
    // The TCB is lost without a word on the wire (RFC 9293 §3.5.1); its timers simply stop.
    for (std::size_t k = 0; k < detail::kTimerKinds; ++k) {
        ArmedTimer &armed = ep.timers[k];
        if (!armed.armed) continue;
        TraceEvent &t = event(TraceKind::TimerCancelled, ep.side, ep.conn);
        t.timer = static_cast<TimerKind>(k);
        t.deadline = armed.deadline;
        t.attempt = armed.attempt;
        armed.armed = false;
    }
    createMachine(ep, isn);
    syncTimer(ep);
}

CallResult Session::Impl::perform(Side side, CallKind kind, int conn, const std::vector<std::uint8_t> &data,
                                  std::size_t receiveBytes, std::optional<std::uint32_t> isn)
{
    TraceEvent &call = event(TraceKind::UserCall, side, conn);
    call.call = kind;
    if (!validConn(conn)) {
        call.callOk = false;
        call.text = "no such connection";
        return CallResult::failure("no such connection");
    }
    Endpoint &ep = endpointAt(side, conn);
    CallResult result;
    withMachine(ep, [&](auto &connection) {
        switch (kind) {
        case CallKind::Listen:
            result = connection.listen(now);
            break;
        case CallKind::Connect:
            result = connection.connect(now, ep.remotePort);
            break;
        case CallKind::Send:
            // One copy of the bytes, shared by the trace's SEND and the segments that carry them.
            call.data = Payload(data);
            if constexpr (requires { connection.sendShared(now, call.data); })
                result = connection.sendShared(now, call.data);
            else
                result = connection.send(now, std::span<const std::uint8_t>(data));
            break;
        case CallKind::Receive:
            // The connection reports what it hands over as DataDelivered.
            connection.receive(now,
                               receiveBytes == 0 ? std::numeric_limits<std::size_t>::max() : receiveBytes);
            break;
        case CallKind::Close:
            result = connection.close(now);
            break;
        case CallKind::Abort:
            result = connection.abort(now);
            break;
        case CallKind::Crash:
        case CallKind::Restart:
            break;
        }
    });
    call.callOk = result.ok;
    call.text = result.error;

    if (kind == CallKind::Crash || kind == CallKind::Restart) {
        crash(ep, isn);
        // A restarted server listens again, as a daemon that is started after a crash would.
        if (kind == CallKind::Restart && side == Side::Server)
            result = withMachine(ep, [&](auto &machine) { return machine.listen(now); });
    }
    drain(ep);
    return result;
}

} // namespace tcplab
