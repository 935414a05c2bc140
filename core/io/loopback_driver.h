#pragma once
// The loopback driver: the core's endpoints talk through real UDP sockets on 127.0.0.1, one socket per
// endpoint, each datagram carrying a segment's exact TCP wire bytes (encodeSegment, with the checksum over
// the IPv4 pseudo-header of 127.0.0.1). Timers run on the wall clock (steady_clock, µs since open()), and the
// loop waits in poll(). It records the same Trace as the simulator, with wall-clock times.
//
// What differs from the simulator, on purpose:
//  - the link is the kernel's: the scenario's delays and its duplicate/delay/hold rules are not applied
//    (a Note says so); its drop rules and dropNextFrom() discard a segment before it is sent, and the trace
//    records SegmentSent followed by SegmentDropped;
//  - SegmentSent's `arrival` is the send time (the real arrival is the SegmentDelivered with the same id),
//    or -1 for a dropped segment;
//  - a datagram that does not decode (random bytes, truncated, bad checksum) or that does not come from the
//    peer's socket is counted and recorded as SegmentDiscarded at the receiving side with the reason, and
//    changes nothing.
// No privileges, no Qt; only 127.0.0.1 is ever addressed.
#include "sim/scenario.h"
#include "tcp/connection.h"
#include "trace/trace.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tcplab {

struct LoopbackOptions {
    // UDP ports to bind on 127.0.0.1; 0: a free port chosen by the kernel. Connection pair i uses port + i.
    std::uint16_t clientUdpPort = 0;
    std::uint16_t serverUdpPort = 0;
};

struct LoopbackStats {
    std::uint64_t datagramsSent = 0;
    std::uint64_t datagramsReceived = 0;  // every datagram read from a socket, hostile ones included
    std::uint64_t datagramsDiscarded = 0; // did not decode, or not from the peer's socket
    std::uint64_t segmentsDropped = 0;    // by a drop intent or a drop rule, before sending
};

class LoopbackDriver {
public:
    explicit LoopbackDriver(Scenario scenario, LoopbackOptions options = {});
    ~LoopbackDriver();
    LoopbackDriver(const LoopbackDriver &) = delete;
    LoopbackDriver &operator=(const LoopbackDriver &) = delete;

    // Binds the sockets and starts the clock. Returns "" on success, otherwise what went wrong, naming the
    // port ("UDP port 5000 on 127.0.0.1 is already in use (client socket)"); then nothing is bound.
    std::string open();
    bool isOpen() const;

    TimeUs now() const; // µs of the steady clock since open()

    // Handles what is due (scheduled calls, timers, datagrams), waiting in poll() in between, until now()
    // reaches `deadline` (driver time).
    void runUntil(TimeUs deadline);
    // One round: waits at most `maxWait` µs for a datagram or the next due time, then handles what is due.
    void pollOnce(TimeUs maxWait);
    // Runs until finished(), the scenario's endAt, or `limit` (driver time; -1: no limit of its own).
    void runToEnd(TimeUs limit = -1);
    // Every scheduled call made, no timer armed, no datagram of ours still in the kernel.
    bool finished() const;

    // Intents, as in the simulator. The next segment `side` sends on pair `conn` is discarded unsent.
    void dropNextFrom(Side side, int conn = 0);
    CallResult call(Side side, CallKind kind, std::vector<std::uint8_t> data = {}, int conn = 0);

    const Scenario &scenario() const;
    const Trace &trace() const;
    const Connection &endpoint(Side side, int conn = 0) const;
    int connectionCount() const;
    std::uint16_t udpPort(Side side, int conn = 0) const; // 0 before open()
    const LoopbackStats &stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace tcplab
