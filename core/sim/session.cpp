#include "sim/session.h"

#include "sim/event_queue.h"
#include "sim/link.h"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>
#include <variant>

namespace tcplab {

namespace {

// What a queue entry means; QueueEntry::index and ::tag are read according to it.
enum QueueKind : std::uint32_t {
    kScheduledCall, // index: scenario.calls
    kArrival,       // index: flight slot, tag: the flight's generation
    kLinkDrop,      // index: flight slot, tag: the flight's generation
    kTimer,         // index: endpoint, tag: the endpoint's timer generation
};

constexpr std::size_t kTimerKinds = 3;

std::size_t timerIndex(TimerKind kind)
{
    return static_cast<std::size_t>(kind);
}

// A segment on the wire. Slots are reused; `generation` tells a queue entry for an earlier occupant (or
// for an arrival that was rescheduled) from the live one.
struct Flight {
    std::uint64_t segmentId = 0;
    std::uint64_t generation = 0;
    Side from = Side::Client;
    int conn = 0;
    TimeUs sentAt = 0;
    TimeUs arrival = 0;
    bool live = false;
    bool dropsMidway = false;
    bool retransmission = false;
    int dropRule = LinkFate::kNoRule;
    Segment segment;
};

struct ArmedTimer {
    bool armed = false;
    TimeUs deadline = 0;
    int attempt = 0;
};

struct Endpoint {
    std::optional<Connection> connection;
    Side side = Side::Client;
    int conn = 0;
    std::uint16_t localPort = 0;
    std::uint16_t remotePort = 0;
    std::uint64_t timerGeneration = 0;
    std::optional<TimeUs> queuedDeadline; // the deadline a live kTimer entry is queued for
    std::array<ArmedTimer, kTimerKinds> timers{};
};

} // namespace

struct Session::Impl {
    explicit Impl(Scenario s) : scenario(std::move(s)), link(scenario.link, scenario.seed) {}

    Scenario scenario;
    Trace trace;
    Link link;
    LinkFate fate;
    EventQueue queue;
    TimeUs now = 0;
    std::vector<Endpoint> endpoints; // index: conn * 2 + side
    std::vector<Flight> flights;
    std::vector<std::uint32_t> freeFlights;
    std::uint64_t nextSegmentId = 1; // 0 means "no segment" in a TraceEvent
    std::uint64_t delivering = 0;    // the segment being handled, for the endpoint's SegmentDiscarded
    bool deliveringRetransmission = false;
    std::vector<Intent> intents;

    void start();
    Endpoint &endpointAt(Side side, int conn) { return endpoints[index(side, conn)]; }
    static std::size_t index(Side side, int conn)
    {
        return static_cast<std::size_t>(conn) * 2 + (side == Side::Client ? 0 : 1);
    }
    bool validConn(int conn) const { return conn >= 0 && conn < scenario.connections; }

    // A new event at the end of the trace, stamped now, to be filled in place.
    TraceEvent &event(TraceKind kind, Side side, int conn)
    {
        TraceEvent &e = trace.emplace();
        e.t = now;
        e.kind = kind;
        e.side = side;
        e.conn = conn;
        return e;
    }

    // Running.
    void process(const QueueEntry &entry);
    bool isStale(const QueueEntry &entry) const;
    void prune();
    bool pending(TimeUs limit) const { return !queue.empty() && queue.top().t <= limit; }
    void runUntil(TimeUs t);

    // Endpoint outputs into the trace.
    void drain(Endpoint &ep);
    void record(Endpoint &ep, EndpointEvent &&endpointEvent);
    void transmit(Endpoint &ep, Transmit &&tx);
    void syncTimer(Endpoint &ep);
    void fireTimer(Endpoint &ep);

    // The link.
    std::uint32_t allocateFlight();
    void releaseFlight(std::uint32_t slot);
    Flight *findFlight(std::uint64_t segmentId);
    void arrive(std::uint32_t slot);
    void dropMidway(std::uint32_t slot);

    // User calls, scheduled or interactive.
    CallResult perform(Side side, CallKind kind, int conn, const std::vector<std::uint8_t> &data,
                       std::size_t receiveBytes);
    void crash(Endpoint &ep);
};

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
            ep.connection.emplace(side == Side::Client ? scenario.client : scenario.server, ep.localPort);
        }
    }
    // Roughly what one connection's life records; more is grown as needed.
    trace.reserve(256 * static_cast<std::size_t>(scenario.connections));
    flights.reserve(16);
    queue.reserve(64 + scenario.calls.size());
    for (std::size_t i = 0; i < scenario.calls.size(); ++i)
        queue.push(std::max<TimeUs>(scenario.calls[i].at, 0), kScheduledCall, static_cast<std::uint32_t>(i));
}

bool Session::Impl::isStale(const QueueEntry &entry) const
{
    switch (entry.kind) {
    case kArrival:
    case kLinkDrop: {
        const Flight &flight = flights[entry.index];
        return !flight.live || flight.generation != entry.tag;
    }
    case kTimer:
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
    case kScheduledCall: {
        const ScheduledCall &call = scenario.calls[entry.index];
        perform(call.side, call.call, call.conn, call.data, call.receiveBytes);
        break;
    }
    case kArrival:
        arrive(entry.index);
        break;
    case kLinkDrop:
        dropMidway(entry.index);
        break;
    case kTimer:
        fireTimer(endpoints[entry.index]);
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
    Connection &connection = *ep.connection;
    while (auto endpointEvent = connection.pollEvent())
        record(ep, std::move(*endpointEvent));
    while (auto tx = connection.pollTransmit())
        transmit(ep, std::move(*tx));
    syncTimer(ep);
}

void Session::Impl::record(Endpoint &ep, EndpointEvent &&endpointEvent)
{
    std::visit(
        [&](auto &&e) {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, StateChanged>) {
                TraceEvent &t = event(TraceKind::StateChanged, ep.side, ep.conn);
                t.from = e.from;
                t.to = e.to;
                t.transition = e.event;
                t.text = e.cause;
                t.rfc = e.rfc;
            } else if constexpr (std::is_same_v<T, TimerArmed>) {
                ep.timers[timerIndex(e.kind)] = {true, e.deadline, e.attempt};
                TraceEvent &t = event(TraceKind::TimerArmed, ep.side, ep.conn);
                t.timer = e.kind;
                t.deadline = e.deadline;
                t.duration = e.duration;
                t.attempt = e.attempt;
            } else if constexpr (std::is_same_v<T, TimerCancelled> || std::is_same_v<T, TimerFired>) {
                // The deadline (and, for a cancel, the attempt) is that of the timer as it was armed.
                ArmedTimer &armed = ep.timers[timerIndex(e.kind)];
                constexpr bool fired = std::is_same_v<T, TimerFired>;
                TraceEvent &t =
                    event(fired ? TraceKind::TimerFired : TraceKind::TimerCancelled, ep.side, ep.conn);
                t.timer = e.kind;
                t.deadline = armed.deadline;
                if constexpr (fired)
                    t.attempt = e.attempt;
                else
                    t.attempt = armed.attempt;
                armed.armed = false;
            } else if constexpr (std::is_same_v<T, SegmentDiscarded>) {
                TraceEvent &t = event(TraceKind::SegmentDiscarded, ep.side, ep.conn);
                t.segmentId = delivering;
                t.retransmission = deliveringRetransmission;
                t.segment = std::move(e.segment);
                t.text = e.reason;
                t.rfc = e.rfc;
            } else if constexpr (std::is_same_v<T, DataDelivered>) {
                TraceEvent &t = event(TraceKind::DataDelivered, ep.side, ep.conn);
                t.data = std::move(e.bytes);
            } else if constexpr (std::is_same_v<T, ConnectionError>) {
                TraceEvent &t = event(TraceKind::ConnectionError, ep.side, ep.conn);
                t.text = e.message;
            }
        },
        std::move(endpointEvent));
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

Flight *Session::Impl::findFlight(std::uint64_t segmentId)
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
        queue.push(fate.dropAt, kLinkDrop, slot, flight.generation);
    else
        queue.push(fate.arrival, kArrival, slot, flight.generation);

    for (const LinkCopy &copy : fate.copies) {
        const std::uint64_t copyId = nextSegmentId++;
        const std::uint32_t copySlot = allocateFlight();
        Flight &original = flights[slot]; // allocateFlight may have moved the vector
        TraceEvent &dup = event(TraceKind::SegmentSent, ep.side, ep.conn);
        dup.segmentId = copyId;
        dup.segment = original.segment;
        dup.retransmission = tx.retransmission;
        dup.arrival = copy.arrival;
        dup.duplicateOf = id;
        dup.text = link.reason(copy.rule, ep.side);

        Flight &copied = flights[copySlot];
        copied.segmentId = copyId;
        copied.from = ep.side;
        copied.conn = ep.conn;
        copied.sentAt = now;
        copied.arrival = copy.arrival;
        copied.live = true;
        copied.dropsMidway = false;
        copied.retransmission = tx.retransmission;
        copied.dropRule = LinkFate::kNoRule;
        copied.segment = original.segment;
        queue.push(copy.arrival, kArrival, copySlot, copied.generation);
    }
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
    ep.connection->handleSegment(now, delivered.segment);
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
    const std::optional<TimeUs> deadline = ep.connection->pollTimeout();
    if (deadline == ep.queuedDeadline) return;
    ++ep.timerGeneration;
    ep.queuedDeadline = deadline;
    if (deadline)
        queue.push(std::max(*deadline, now), kTimer, static_cast<std::uint32_t>(index(ep.side, ep.conn)),
                   ep.timerGeneration);
}

void Session::Impl::fireTimer(Endpoint &ep)
{
    ep.queuedDeadline.reset();
    ++ep.timerGeneration;
    ep.connection->handleTimeout(now);
    drain(ep);
    // A connection that still asks to be woken at or before now would spin the clock in place.
    if (ep.queuedDeadline && *ep.queuedDeadline <= now) {
        ++ep.timerGeneration;
        queue.push(now + 1, kTimer, static_cast<std::uint32_t>(index(ep.side, ep.conn)), ep.timerGeneration);
    }
}

void Session::Impl::crash(Endpoint &ep)
{
    // The TCB is lost without a word on the wire (RFC 9293 §3.5.1); its timers simply stop.
    for (std::size_t k = 0; k < kTimerKinds; ++k) {
        ArmedTimer &armed = ep.timers[k];
        if (!armed.armed) continue;
        TraceEvent &t = event(TraceKind::TimerCancelled, ep.side, ep.conn);
        t.timer = static_cast<TimerKind>(k);
        t.deadline = armed.deadline;
        t.attempt = armed.attempt;
        armed.armed = false;
    }
    ep.connection.emplace(ep.side == Side::Client ? scenario.client : scenario.server, ep.localPort);
    syncTimer(ep);
}

CallResult Session::Impl::perform(Side side, CallKind kind, int conn, const std::vector<std::uint8_t> &data,
                                  std::size_t receiveBytes)
{
    TraceEvent &call = event(TraceKind::UserCall, side, conn);
    call.call = kind;
    if (!validConn(conn)) {
        call.callOk = false;
        call.text = "no such connection";
        return CallResult::failure("no such connection");
    }
    Endpoint &ep = endpointAt(side, conn);
    Connection &connection = *ep.connection;
    CallResult result;
    switch (kind) {
    case CallKind::Listen:
        result = connection.listen(now);
        break;
    case CallKind::Connect:
        result = connection.connect(now, ep.remotePort);
        break;
    case CallKind::Send:
        result = connection.send(now, data);
        call.data = data;
        break;
    case CallKind::Receive:
        // The connection reports what it hands over as DataDelivered.
        connection.receive(now, receiveBytes == 0 ? std::numeric_limits<std::size_t>::max() : receiveBytes);
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
    call.callOk = result.ok;
    call.text = result.error;

    if (kind == CallKind::Crash || kind == CallKind::Restart) {
        crash(ep);
        // A restarted server listens again, as a daemon that is started after a crash would.
        if (kind == CallKind::Restart && side == Side::Server) result = ep.connection->listen(now);
    }
    drain(ep);
    return result;
}

// Session.

Session::Session(Scenario scenario) : m_impl(std::make_unique<Impl>(std::move(scenario)))
{
    m_impl->start();
}
Session::~Session() = default;
Session::Session(Session &&) noexcept = default;
Session &Session::operator=(Session &&) noexcept = default;

const Scenario &Session::scenario() const
{
    return m_impl->scenario;
}
const Trace &Session::trace() const
{
    return m_impl->trace;
}
TimeUs Session::now() const
{
    return m_impl->now;
}

void Session::runUntil(TimeUs t)
{
    m_impl->runUntil(t);
}

std::optional<TimeUs> Session::nextEventTime() const
{
    if (!m_impl->pending(m_impl->scenario.endAt)) return std::nullopt;
    return m_impl->queue.top().t;
}

bool Session::step()
{
    const std::optional<TimeUs> next = nextEventTime();
    if (!next) return false;
    m_impl->runUntil(*next);
    return true;
}

void Session::runToEnd()
{
    while (step()) {
    }
}

bool Session::finished() const
{
    return !nextEventTime().has_value();
}

bool Session::dropSegment(std::uint64_t segmentId)
{
    Impl &d = *m_impl;
    Flight *flight = d.findFlight(segmentId);
    if (!flight) return false;
    d.intents.push_back({Intent::Kind::DropSegment, d.now, segmentId, 0, flight->from, {}});
    TraceEvent &dropped = d.event(TraceKind::SegmentDropped, flight->from, flight->conn);
    dropped.segmentId = segmentId;
    dropped.retransmission = flight->retransmission;
    dropped.text = "dropped by user";
    dropped.segment = std::move(flight->segment);
    d.releaseFlight(static_cast<std::uint32_t>(flight - d.flights.data()));
    d.prune();
    return true;
}

bool Session::duplicateSegment(std::uint64_t segmentId)
{
    Impl &d = *m_impl;
    Flight *flight = d.findFlight(segmentId);
    if (!flight || flight->dropsMidway) return false;
    d.intents.push_back({Intent::Kind::DuplicateSegment, d.now, segmentId, 0, flight->from, {}});
    // The network sends another copy from here: it takes a whole one-way delay from now.
    const std::uint32_t original = static_cast<std::uint32_t>(flight - d.flights.data());
    const std::uint32_t slot = d.allocateFlight();
    const Flight &source = d.flights[original];
    const std::uint64_t copyId = d.nextSegmentId++;
    const TimeUs arrival = d.now + d.link.delay(source.from);

    TraceEvent &dup = d.event(TraceKind::SegmentSent, source.from, source.conn);
    dup.segmentId = copyId;
    dup.segment = source.segment;
    dup.arrival = arrival;
    dup.duplicateOf = segmentId;
    dup.retransmission = source.retransmission;
    dup.text = "duplicated by user";

    Flight &copy = d.flights[slot];
    copy.segmentId = copyId;
    copy.from = source.from;
    copy.conn = source.conn;
    copy.sentAt = d.now;
    copy.arrival = arrival;
    copy.live = true;
    copy.dropsMidway = false;
    copy.retransmission = source.retransmission;
    copy.dropRule = LinkFate::kNoRule;
    copy.segment = source.segment;
    d.queue.push(arrival, kArrival, slot, copy.generation);
    return true;
}

bool Session::delaySegment(std::uint64_t segmentId, TimeUs extra)
{
    Impl &d = *m_impl;
    Flight *flight = d.findFlight(segmentId);
    if (!flight || flight->dropsMidway || extra <= 0) return false;
    d.intents.push_back({Intent::Kind::DelaySegment, d.now, segmentId, extra, flight->from, {}});
    ++flight->generation;
    flight->arrival += extra;
    d.queue.push(flight->arrival, kArrival, static_cast<std::uint32_t>(flight - d.flights.data()),
                 flight->generation);

    TraceEvent &note = d.event(TraceKind::Note, flight->from, flight->conn);
    note.segmentId = segmentId;
    note.arrival = flight->arrival;
    note.text = "delayed by user by " + formatDuration(extra);
    d.prune();
    return true;
}

void Session::dropNextFrom(Side side)
{
    Impl &d = *m_impl;
    d.intents.push_back({Intent::Kind::DropNextFrom, d.now, 0, 0, side, {}});
    d.link.dropNextFrom(side);
    TraceEvent &note = d.event(TraceKind::Note, side, 0);
    note.text = "the link will drop the next segment from " + std::string(sideName(side)) + " (user)";
}

CallResult Session::call(Side side, CallKind kind, std::vector<std::uint8_t> data, int conn)
{
    Impl &d = *m_impl;
    Intent intent;
    intent.kind = Intent::Kind::Call;
    intent.at = d.now;
    intent.side = side;
    intent.call.at = d.now;
    intent.call.side = side;
    intent.call.call = kind;
    intent.call.conn = conn;
    intent.call.data = std::move(data);
    d.intents.push_back(std::move(intent));
    const ScheduledCall &call = d.intents.back().call;
    const CallResult result = d.perform(side, kind, conn, call.data, call.receiveBytes);
    d.prune();
    return result;
}

const std::vector<Intent> &Session::intents() const
{
    return m_impl->intents;
}

std::vector<InFlight> Session::inFlight() const
{
    std::vector<InFlight> out;
    for (const Flight &flight : m_impl->flights) {
        if (!flight.live) continue;
        out.push_back({flight.segmentId, flight.from, flight.conn, flight.sentAt, flight.arrival,
                       flight.segment, flight.dropsMidway});
    }
    std::sort(out.begin(), out.end(),
              [](const InFlight &a, const InFlight &b) { return a.segmentId < b.segmentId; });
    return out;
}

const Connection &Session::endpoint(Side side, int conn) const
{
    const int clamped = std::clamp(conn, 0, m_impl->scenario.connections - 1);
    return *m_impl->endpointAt(side, clamped).connection;
}

int Session::connectionCount() const
{
    return m_impl->scenario.connections;
}

Session Session::replay(const Scenario &scenario, const std::vector<Intent> &intents, TimeUs until)
{
    Session session(scenario);
    for (const Intent &intent : intents) {
        if (intent.at > until) break;
        session.runUntil(intent.at);
        switch (intent.kind) {
        case Intent::Kind::DropSegment:
            session.dropSegment(intent.segmentId);
            break;
        case Intent::Kind::DuplicateSegment:
            session.duplicateSegment(intent.segmentId);
            break;
        case Intent::Kind::DelaySegment:
            session.delaySegment(intent.segmentId, intent.extraDelay);
            break;
        case Intent::Kind::DropNextFrom:
            session.dropNextFrom(intent.side);
            break;
        case Intent::Kind::Call:
            session.call(intent.side, intent.call.call, intent.call.data, intent.call.conn);
            break;
        }
    }
    session.runUntil(until);
    return session;
}

} // namespace tcplab
