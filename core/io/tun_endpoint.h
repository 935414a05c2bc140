#pragma once
// One core endpoint as a host behind a TUN device: its segments are encoded (encodeSegment with the IPv4
// pseudo-header), wrapped in IPv4 and written to the device, and the kernel's packets read from the device
// are decoded and handed to Connection::handleSegment. Timers run on the wall clock (steady_clock µs since
// the endpoint was made); the loop waits in poll() on the TUN fd. This is how the interop tests let the core
// talk to the Linux kernel's TCP, and the trace it records reads like the simulator's: the core's side is
// `side`, the kernel is the peer side, and each kernel segment notes the options the core does not model.
#include "io/tun_device.h"
#include "tcp/connection.h"
#include "trace/trace.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tcplab {

struct TunEndpointOptions {
    Side side = Side::Client;   // which side the core plays in the trace
    std::uint32_t localIp = 0;  // the core's address (host order), routed to the TUN by the kernel
    std::uint32_t kernelIp = 0; // the kernel's address on the TUN
    std::uint16_t localPort = 0;
    std::uint16_t remotePort = 0; // for CONNECT
    EndpointConfig config;
};

struct TunStats {
    std::uint64_t packetsIn = 0, packetsOut = 0;
    std::uint64_t ignored = 0; // not IPv4 TCP between the two addresses (IPv6 router solicitations, ...)
    std::uint64_t dropped = 0; // by dropNext*()
};

class TunEndpoint {
public:
    TunEndpoint(TunDevice &tun, TunEndpointOptions options);

    TimeUs now() const;
    CallResult call(CallKind kind, std::vector<std::uint8_t> data = {});

    // The next segment that matches is discarded: one the core sends (never written to the TUN), or one the
    // kernel sends (read from the TUN and not given to the core). The trace records it as SegmentDropped.
    using Match = std::function<bool(const Segment &)>;
    void dropNextFromCore(Match match) { m_dropCore = std::move(match); }
    void dropNextFromKernel(Match match) { m_dropKernel = std::move(match); }

    // Waits at most maxWait µs for a packet or the next timer, then handles what is due.
    void pollOnce(TimeUs maxWait);
    // Polls until done() or `timeout` µs from now; returns done().
    bool runUntil(const std::function<bool()> &done, TimeUs timeout);

    const Connection &connection() const { return m_connection; }
    const Trace &trace() const { return m_trace; }
    const std::vector<std::uint8_t> &received() const { return m_received; }
    const TunStats &stats() const { return m_stats; }
    // Times (µs since start) of every segment with SYN that the kernel sent, for retransmission checks.
    const std::vector<TimeUs> &kernelSynTimes() const { return m_kernelSynTimes; }

private:
    void drain(TimeUs t);
    void send(TimeUs t, const Transmit &tx);
    void readPackets();
    void handleDueTimer();

    TunDevice &m_tun;
    TunEndpointOptions m_options;
    Connection m_connection;
    Trace m_trace;
    TunStats m_stats;
    Match m_dropCore, m_dropKernel;
    std::vector<std::uint8_t> m_received;
    std::vector<TimeUs> m_kernelSynTimes;
    std::uint64_t m_nextSegmentId = 1;
    std::uint16_t m_ipId = 1;
    std::chrono::steady_clock::time_point m_start;
};

} // namespace tcplab
