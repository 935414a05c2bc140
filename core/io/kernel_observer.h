#pragma once
// The kernel observer: the operating system's own TCP on 127.0.0.1, driven by calls on real sockets, and
// watched from outside. States come from getsockopt(TCP_INFO) while we hold a socket, and from
// NETLINK_SOCK_DIAG once its fd is closed (TIME_WAIT shows only there); segments come from libpcap on `lo`
// (filter "tcp port N") when the process may capture (root or CAP_NET_RAW), otherwise captureProblem()
// says why and the trace holds the states only.
//
// The result is a tcplab Trace like the simulator's: UserCall for each call, SegmentSent for each captured
// segment with the kernel's real ISNs and windows (its other options in the note), DataDelivered for what
// the application read, and StateChanged for each state change seen - cause "observed via sock_diag" (or
// "observed via TCP_INFO"). On loopback a whole handshake or close runs inside one system call, so states
// such as SYN_SENT or LAST_ACK may never be visible to a poll; when the capture shows the segment that must
// have caused one, the state is recorded with the cause "inferred from the captured ...", never as observed.
#include "io/kernel_diag.h"
#include "sim/scenario.h"
#include "tcp/connection.h"
#include "trace/trace.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tcplab {

struct KernelObserverOptions {
    std::uint16_t serverPort = 0; // 0: an ephemeral port chosen by the kernel (bind port 0)
    bool capture = true;          // try libpcap on lo
    TimeUs pollInterval = 1 * kMillisecond;
};

class KernelObserver {
public:
    explicit KernelObserver(KernelObserverOptions options = {});
    ~KernelObserver();
    KernelObserver(const KernelObserver &) = delete;
    KernelObserver &operator=(const KernelObserver &) = delete;

    // Calls on the kernel's sockets. Server: LISTEN (socket, bind, listen; accepts by itself later),
    // SEND, CLOSE (close() of the accepted socket and the listener). Client: CONNECT (non-blocking), SEND,
    // CLOSE (close()). The application reads whatever arrives, as the core's autoRead does.
    CallResult call(Side side, CallKind kind, std::vector<std::uint8_t> data = {});
    // shutdown(SHUT_WR): a FIN while the socket stays open to read.
    CallResult shutdownWrite(Side side);

    // Watches (captures, accepts, reads, polls states) for `duration` µs.
    void observeFor(TimeUs duration);
    TimeUs now() const; // µs of the wall clock since the observer was made

    // The trace so far (rebuilt from what was captured and observed, in time order).
    const Trace &trace();
    bool capturing() const;
    const std::string &captureProblem() const; // "" when capturing
    std::uint16_t serverPort() const;
    std::uint16_t clientPort() const;
    // TCP_INFO of the socket a side holds now (the accepted one for the server), with the options the kernel
    // negotiated; nullopt once it is closed (or before it exists).
    std::optional<TcpInfoSnapshot> tcpInfo(Side side) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Plays a scenario's calls (their times, sides and data; one connection pair) against the kernel and watches
// until `tail` µs after the last call. Returns the trace; `problem` gets the capture problem, if any.
Trace runKernelSession(const Scenario &scenario, TimeUs tail, std::string &problem,
                       KernelObserverOptions options = {});

} // namespace tcplab
