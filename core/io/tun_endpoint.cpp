#include "io/tun_endpoint.h"

#include "trace/endpoint_trace.h"

#include <algorithm>
#include <poll.h>

namespace tcplab {

TunEndpoint::TunEndpoint(TunDevice &tun, TunEndpointOptions options)
    : m_tun(tun), m_options(options), m_connection(options.config, options.localPort),
      m_start(std::chrono::steady_clock::now())
{
    TraceEvent &note = m_trace.emplace();
    note.kind = TraceKind::Note;
    note.side = m_options.side;
    note.text = "tun: core " + ipv4ToString(options.localIp) + ":" + std::to_string(options.localPort) +
                " behind " + tun.name() + ", kernel " + ipv4ToString(options.kernelIp) +
                "; times are wall-clock µs";
}

TimeUs TunEndpoint::now() const
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - m_start)
        .count();
}

CallResult TunEndpoint::call(CallKind kind, std::vector<std::uint8_t> data)
{
    const TimeUs t = now();
    CallResult result;
    switch (kind) {
    case CallKind::Listen:
        result = m_connection.listen(t);
        break;
    case CallKind::Connect:
        result = m_connection.connect(t, m_options.remotePort);
        break;
    case CallKind::Send:
        result = m_connection.send(t, data);
        break;
    case CallKind::Close:
        result = m_connection.close(t);
        break;
    case CallKind::Abort:
        result = m_connection.abort(t);
        break;
    case CallKind::Receive:
    case CallKind::Crash:
    case CallKind::Restart:
        result = CallResult::failure("not supported over a TUN device");
        break;
    }
    TraceEvent &ev = m_trace.emplace();
    ev.t = t;
    ev.kind = TraceKind::UserCall;
    ev.side = m_options.side;
    ev.call = kind;
    ev.callOk = result.ok;
    ev.text = std::string(result.error);
    ev.data = std::move(data);
    drain(t);
    return result;
}

void TunEndpoint::drain(TimeUs t)
{
    while (auto polled = m_connection.pollEvent()) {
        TraceEvent ev;
        ev.t = t;
        ev.side = m_options.side;
        fillTraceEvent(ev, *polled);
        if (ev.kind == TraceKind::DataDelivered)
            m_received.insert(m_received.end(), ev.data.begin(), ev.data.end());
        m_trace.append(std::move(ev));
    }
    while (auto tx = m_connection.pollTransmit())
        send(t, *tx);
}

void TunEndpoint::send(TimeUs t, const Transmit &tx)
{
    TraceEvent &sent = m_trace.emplace();
    sent.t = t;
    sent.kind = TraceKind::SegmentSent;
    sent.side = m_options.side;
    sent.segmentId = m_nextSegmentId++;
    sent.segment = tx.segment;
    sent.retransmission = tx.retransmission;
    sent.keepAliveProbe = tx.keepAliveProbe;
    sent.arrival = t;
    const std::uint64_t id = sent.segmentId;
    if (m_dropCore && m_dropCore(tx.segment)) {
        m_dropCore = nullptr;
        ++m_stats.dropped;
        TraceEvent &drop = m_trace.emplace();
        drop.t = t;
        drop.kind = TraceKind::SegmentDropped;
        drop.side = m_options.side;
        drop.segmentId = id;
        drop.segment = tx.segment;
        drop.text = "dropped by the test (before writing to the TUN)";
        return;
    }
    const IpPair ips{m_options.localIp, m_options.kernelIp};
    const std::vector<std::uint8_t> packet = ipv4Packet(encodeSegment(tx.segment, ips), ips, m_ipId++);
    if (m_tun.writePacket(packet)) {
        ++m_stats.packetsOut;
    } else {
        TraceEvent &drop = m_trace.emplace();
        drop.t = t;
        drop.kind = TraceKind::SegmentDropped;
        drop.side = m_options.side;
        drop.segmentId = id;
        drop.text = "write to the TUN device failed";
    }
}

void TunEndpoint::readPackets()
{
    const Side kernelSide = peerOf(m_options.side);
    while (auto packet = m_tun.readPacket()) {
        const TimeUs t = now();
        ++m_stats.packetsIn;
        const Ipv4Packet ip = parseIpv4(*packet);
        if (!ip.ok() || ip.ips.src != m_options.kernelIp || ip.ips.dst != m_options.localIp) {
            ++m_stats.ignored; // the kernel's own chatter on a new link (IPv6, ...), not ours
            continue;
        }
        const DecodeResult decoded = decodeSegment(ip.payload, ip.ips);
        TraceEvent &sent = m_trace.emplace();
        sent.t = t;
        sent.side = kernelSide;
        sent.segmentId = m_nextSegmentId++;
        if (!decoded.ok()) {
            sent.kind = TraceKind::SegmentDiscarded;
            sent.side = m_options.side;
            sent.text = "kernel packet does not decode: " + decoded.message;
            continue;
        }
        sent.kind = TraceKind::SegmentSent;
        sent.segment = decoded.segment;
        sent.arrival = t;
        if (const std::string options = describeTcpOptions(ip.payload); !options.empty())
            sent.text = "options: " + options;
        const std::uint64_t id = sent.segmentId;
        if (decoded.segment.has(kSyn)) m_kernelSynTimes.push_back(t);
        if (m_dropKernel && m_dropKernel(decoded.segment)) {
            m_dropKernel = nullptr;
            ++m_stats.dropped;
            TraceEvent &drop = m_trace.emplace();
            drop.t = t;
            drop.kind = TraceKind::SegmentDropped;
            drop.side = kernelSide;
            drop.segmentId = id;
            drop.segment = decoded.segment;
            drop.text = "dropped by the test (read from the TUN, not given to the core)";
            continue;
        }
        m_connection.handleSegment(t, decoded.segment);
        drain(t);
    }
}

void TunEndpoint::handleDueTimer()
{
    const TimeUs t = now();
    if (const auto deadline = m_connection.pollTimeout(); deadline && *deadline <= t) {
        m_connection.handleTimeout(t);
        drain(t);
    }
}

void TunEndpoint::pollOnce(TimeUs maxWait)
{
    handleDueTimer();
    TimeUs wait = std::max<TimeUs>(maxWait, 0);
    if (const auto deadline = m_connection.pollTimeout())
        wait = std::clamp<TimeUs>(*deadline - now(), 0, wait);
    pollfd fd{m_tun.fd(), POLLIN, 0};
    // Whole milliseconds, rounded up, so that a timer is never handled before its deadline.
    const int timeoutMs = static_cast<int>((wait + kMillisecond - 1) / kMillisecond);
    if (::poll(&fd, 1, timeoutMs) > 0 && (fd.revents & POLLIN) != 0) readPackets();
    handleDueTimer();
}

bool TunEndpoint::runUntil(const std::function<bool()> &done, TimeUs timeout)
{
    const TimeUs end = now() + timeout;
    while (!done()) {
        const TimeUs t = now();
        if (t >= end) return done();
        pollOnce(std::min<TimeUs>(end - t, 10 * kMillisecond));
    }
    return true;
}

} // namespace tcplab
