#pragma once
// The loopback driver's state (io/loopback_driver.h), shared by the files that each do one part of its work:
// loopback_driver.cpp (the public calls), loopback_driver_loop.cpp (what is due, poll),
// loopback_link_fates.cpp (the link's decisions carried out before sending) and loopback_datagrams.cpp (the
// UDP sockets' bytes).
#include "io/loopback_driver.h"
#include "io/loopback_socket.h"
#include "io/loopback_triggers.h"
#include "sim/link.h"

#include <chrono>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tcplab {

namespace detail {

constexpr std::size_t kMaxDatagram = 65535;

struct LoopbackEndpoint {
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
struct HeldSegment {
    std::uint64_t segmentId = 0;
    std::size_t endpoint = 0; // the sender's index
    TimeUs sentAt = 0;
    TimeUs sendAt = 0;
    bool retransmission = false;
    Segment segment;
};

} // namespace detail

struct LoopbackDriver::Impl {
    using Endpoint = detail::LoopbackEndpoint;
    using Held = detail::HeldSegment;

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
    std::vector<std::uint8_t> buffer = std::vector<std::uint8_t>(detail::kMaxDatagram);

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

    std::size_t indexOf(const Endpoint &e) const { return static_cast<std::size_t>(&e - endpoints.data()); }

    // ---- The loop (loopback_driver_loop.cpp): calls, timers and what arrived, in time order. ----
    // Records the endpoint's events, then sends (or drops) what it wants to transmit.
    void drain(TimeUs t, Endpoint &e, std::uint64_t inputSegmentId = 0);
    CallResult runCall(TimeUs t, const ScheduledCall &c);
    // Moves the waiting calls whose trigger the trace now shows into the timed calls.
    void fireTriggers();
    void handleDue();
    std::optional<TimeUs> nextDue() const;
    void pollOnce(TimeUs maxWait);
    bool finished() const;

    // ---- The link's fates (loopback_link_fates.cpp): drop, hold, copy, before the kernel sees a segment. ----
    // The link decides the segment's fate now; the driver drops it, sends it, or holds it until its time.
    void transmit(TimeUs t, Endpoint &e, const Transmit &tx);
    // A second copy of `original`, sent by the link (not by the endpoint) at `sendAt`.
    void holdCopy(TimeUs t, const Held &original, TimeUs sendAt, std::string why);
    void recordDrop(TimeUs t, const Endpoint &e, std::uint64_t id, const Segment &segment,
                    bool retransmission, const std::string &why);
    // Sends the held segments whose time has come, earliest first.
    void sendDue(TimeUs t);
    Held *findHeld(std::uint64_t segmentId);

    // ---- The UDP wire (loopback_datagrams.cpp): sendto() and recvfrom() of the segments' bytes. ----
    // Hands the segment's wire bytes to the kernel, to the peer's socket.
    void send(TimeUs t, const Held &segment);
    void receive(Endpoint &e);
    void discard(TimeUs t, const Endpoint &receiver, std::string why, const Segment *segment);
};

} // namespace tcplab
