#pragma once
// The inside of a Session (sim/session.h), shared by session.cpp (the public calls, intents, replay) and
// session_impl.cpp (the event loop, the endpoints' outputs into the trace, the link). Not for other users.
#include "sim/event_queue.h"
#include "sim/link.h"
#include "sim/session.h"
#include "variant/two_way_endpoint.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tcplab::detail {

// What a queue entry means; QueueEntry::index and ::tag are read according to it.
enum QueueKind : std::uint32_t {
    kScheduledCall, // index: scenario.calls
    kArrival,       // index: flight slot, tag: the flight's generation
    kLinkDrop,      // index: flight slot, tag: the flight's generation
    kTimer,         // index: endpoint, tag: the endpoint's timer generation
    kHeartbeat,     // index: scenario.heartbeats, tag: 0 the sender's beat, 1 the monitor's check
};

constexpr std::size_t kTimerKinds = kTimerKindCount;

inline std::size_t timerIndex(TimerKind kind)
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
    // Set when the scenario gives this side a hypothetical machine; it then replaces `connection` (which
    // stays a CLOSED placeholder for Session::endpoint()).
    std::optional<TwoWayHandshakeEndpoint> hypothetical;
    std::size_t received = 0; // bytes handed to the application, for receivedBytes triggers
    Side side = Side::Client;
    int conn = 0;
    std::uint16_t localPort = 0;
    std::uint16_t remotePort = 0;
    std::uint64_t timerGeneration = 0;
    std::optional<TimeUs> queuedDeadline; // the deadline a live kTimer entry is queued for
    std::array<ArmedTimer, kTimerKinds> timers{};
};

// The progress of one scenario heartbeat (sim/scenario.h).
struct HeartbeatRun {
    bool sending = false;    // the sender's beats are queued
    bool monitoring = false; // the monitor's checks are queued
    int missed = 0;          // periods in a row without a byte from the sender
    std::size_t seen = 0;    // the monitor's received count at its last check
};

} // namespace tcplab::detail

namespace tcplab {

struct Session::Impl {
    using Flight = detail::Flight;
    using Endpoint = detail::Endpoint;

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
    std::vector<bool> triggerFired; // per scenario call
    std::vector<detail::HeartbeatRun> heartbeatRuns;

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
    void record(Endpoint &ep, const EndpointEvent &endpointEvent);
    void transmit(Endpoint &ep, Transmit &&tx);
    // A copy of the segment in `slot`, sent now by the link (not by the endpoint), arriving at `arrival`.
    void launchCopy(std::uint32_t slot, TimeUs arrival, std::string why);
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
                       std::size_t receiveBytes, std::optional<std::uint32_t> isn = std::nullopt);
    void crash(Endpoint &ep, std::optional<std::uint32_t> isn = std::nullopt);

    // Calls `f` with the side's machine: the TCP connection, or the hypothetical variant that replaces it.
    // Both speak the same polled interface, so the event loop does not care which it drives.
    template <typename F> static decltype(auto) withMachine(Endpoint &ep, F &&f)
    {
        if (ep.hypothetical) return f(*ep.hypothetical);
        return f(*ep.connection);
    }

    // Reactive application behaviour (session_react.cpp): triggers and heartbeats.
    void createMachine(Endpoint &ep, std::optional<std::uint32_t> isn = std::nullopt, bool announce = false);
    void reactToState(const Endpoint &ep, TcpState entered);
    void reactToData(Endpoint &ep, std::size_t bytes);
    void fireTrigger(std::size_t call);
    void heartbeat(std::uint32_t index, bool check);
};

} // namespace tcplab
