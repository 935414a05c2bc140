// The UDP wire of the loopback driver: a segment's exact TCP bytes in one datagram to the peer's socket on
// 127.0.0.1, and what arrives decoded, matched to the segment it was, or discarded with the reason.
#include "io/loopback_driver_impl.h"

#include "tcp/wire.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>

namespace tcplab {

// Hands the segment's wire bytes to the kernel, to the peer's socket.
void LoopbackDriver::Impl::send(TimeUs t, const Held &segment)
{
    Endpoint &e = endpoints[segment.endpoint];
    std::vector<std::uint8_t> bytes = encodeSegment(segment.segment);
    const Endpoint &peer = peerOf(e);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    to.sin_port = htons(peer.socket.port());
    const ssize_t n = ::sendto(e.socket.fd(), bytes.data(), bytes.size(), 0,
                               reinterpret_cast<const sockaddr *>(&to), sizeof to);
    if (n != static_cast<ssize_t>(bytes.size())) {
        recordDrop(t, e, segment.segmentId, segment.segment, segment.retransmission,
                   std::string("sendto failed: ") + std::strerror(errno));
        return;
    }
    ++stats.datagramsSent;
    e.unread.emplace_back(std::move(bytes), segment.segmentId);
}

void LoopbackDriver::Impl::receive(Endpoint &e)
{
    for (;;) {
        sockaddr_in from{};
        socklen_t fromLength = sizeof from;
        const ssize_t n = ::recvfrom(e.socket.fd(), buffer.data(), buffer.size(), MSG_DONTWAIT,
                                     reinterpret_cast<sockaddr *>(&from), &fromLength);
        if (n < 0) return; // EAGAIN: nothing more; any other error leaves the socket to the next round
        const TimeUs t = now();
        ++stats.datagramsReceived;
        const std::span<const std::uint8_t> bytes(buffer.data(), static_cast<std::size_t>(n));
        const DecodeResult decoded = decodeSegment(bytes);
        const std::uint16_t fromPort = ntohs(from.sin_port);
        const std::string source = std::string("UDP 127.0.0.1:") + std::to_string(fromPort);
        if (!decoded.ok()) {
            discard(t, e,
                    "datagram of " + std::to_string(n) + " bytes from " + source + ": " + decoded.message,
                    nullptr);
            continue;
        }
        Endpoint &peer = peerOf(e);
        if (from.sin_addr.s_addr != htonl(INADDR_LOOPBACK) || fromPort != peer.socket.port()) {
            discard(t, e, "datagram from " + source + ", which is not the peer's socket", &decoded.segment);
            continue;
        }
        std::uint64_t id = 0;
        const auto match = std::find_if(peer.unread.begin(), peer.unread.end(), [&](const auto &u) {
            return std::equal(u.first.begin(), u.first.end(), bytes.begin(), bytes.end());
        });
        if (match != peer.unread.end()) {
            id = match->second;
            peer.unread.erase(match);
        }
        TraceEvent delivered = event(t, TraceKind::SegmentDelivered, peer);
        delivered.segmentId = id;
        delivered.segment = decoded.segment;
        trace.append(std::move(delivered));
        e.connection->handleSegment(t, decoded.segment);
        drain(t, e, id);
    }
}

void LoopbackDriver::Impl::discard(TimeUs t, const Endpoint &receiver, std::string why,
                                   const Segment *segment)
{
    ++stats.datagramsDiscarded;
    TraceEvent ev = event(t, TraceKind::SegmentDiscarded, receiver);
    if (segment) ev.segment = *segment;
    ev.text = std::move(why);
    trace.append(std::move(ev));
}

} // namespace tcplab
