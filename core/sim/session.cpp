#include "sim/session.h"

#include "sim/session_impl.h"

#include <algorithm>

namespace tcplab {

using detail::Flight;

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
    const auto slot = static_cast<std::uint32_t>(flight - d.flights.data());
    d.launchCopy(slot, d.now + d.link.delay(flight->from), "duplicated by user");
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
    d.queue.push(flight->arrival, detail::kArrival, static_cast<std::uint32_t>(flight - d.flights.data()),
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
