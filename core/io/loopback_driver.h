#pragma once
// The loopback driver: the core's endpoints talk through real UDP sockets on 127.0.0.1, one socket per
// endpoint, each datagram carrying a segment's exact TCP wire bytes (encodeSegment, with the checksum over
// the IPv4 pseudo-header of 127.0.0.1). Timers run on the wall clock (steady_clock, µs since open(), less
// the time spent paused), and the loop waits in poll() or in the caller's event loop (socketDescriptors,
// nextDue, pollOnce(0)). It records the same Trace as the simulator, with wall-clock times.
//
// The scenario's link (sim/link.h, the same code as the simulator's) decides each segment's fate as it is
// sent; the driver carries it out before the kernel sees the segment:
//  - the one-way delay (unless LoopbackOptions::linkDelays is false), a delay rule's extra and a hold rule's
//    release time: the segment is held in the driver and handed to sendto() when its time comes, so later
//    segments overtake it (reordering); SegmentSent's `arrival` is that planned time and the real arrival is
//    the SegmentDelivered with the same id;
//  - a duplicate rule: a second SegmentSent (duplicateOf the original), held until the copy's time;
//  - a drop rule, a random loss drawn from the scenario's seed, dropNextFrom() or dropSegment() on a held
//    segment: the segment is discarded before it is sent, and the trace records SegmentDropped saying so.
// A datagram that does not decode (random bytes, truncated, bad checksum) or that does not come from the
// peer's socket is counted and recorded as SegmentDiscarded at the receiving side with the reason, and
// changes nothing. Calls with a trigger (a state entered, bytes received) run when the trace shows it.
// No privileges, no Qt; only 127.0.0.1 is ever addressed.
#include "sim/scenario.h"
#include "sim/session.h"
#include "tcp/connection.h"
#include "trace/trace.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tcplab {

struct LoopbackOptions {
    // UDP ports to bind on 127.0.0.1; 0: a free port chosen by the kernel. Connection pair i uses port + i.
    std::uint16_t clientUdpPort = 0;
    std::uint16_t serverUdpPort = 0;
    // Hold each segment for the link's one-way delay before sending it, as the simulated link delays it: the
    // diagram then reads like the simulator's, and a click can drop a segment while it waits. false: only
    // the rules' extra delays are held; the kernel's loopback is the whole flight.
    bool linkDelays = true;
};

struct LoopbackStats {
    std::uint64_t datagramsSent = 0;
    std::uint64_t datagramsReceived = 0;  // every datagram read from a socket, hostile ones included
    std::uint64_t datagramsDiscarded = 0; // did not decode, or not from the peer's socket
    std::uint64_t segmentsDropped = 0;    // by a drop intent or a drop rule, before sending
    std::uint64_t segmentsDuplicated = 0; // copies made by a duplicate rule or intent
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
    // After open() failed because a given port was taken: that port; otherwise 0.
    std::uint16_t portInUse() const;

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

    // Pausing stops the driver's clock: nothing is handled, datagrams wait in the kernel, and the pause is
    // left out of now() (a note records how long it was). Resuming goes on where it stopped.
    void setPaused(bool paused);
    bool isPaused() const;
    // For a caller's event loop: the sockets to watch for reading, and the driver time at which something
    // is due next (a scheduled call, a timer, a held segment's send); nullopt when nothing is.
    std::vector<int> socketDescriptors() const;
    std::optional<TimeUs> nextDue() const;

    // Intents, as in the simulator. The next segment `side` sends on pair `conn` is discarded unsent.
    void dropNextFrom(Side side, int conn = 0);
    // On a segment still held before sending: discard it, hold it `extra` longer, or send a copy after a
    // one-way delay. false (and nothing changes) when it is not held any more.
    bool dropSegment(std::uint64_t segmentId);
    bool delaySegment(std::uint64_t segmentId, TimeUs extra);
    bool duplicateSegment(std::uint64_t segmentId);
    // The segments held before sending, by id (those in the kernel's buffer for a few µs are not listed).
    std::vector<InFlight> inFlight() const;
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
