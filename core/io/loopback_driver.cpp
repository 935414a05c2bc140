#include "io/loopback_driver.h"

#include "tcp/wire.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <random>
#include <sys/socket.h>
#include <type_traits>
#include <unistd.h>
#include <utility>

namespace tcplab {

namespace {

constexpr std::size_t kMaxDatagram = 65535;

class UdpSocket {
public:
    UdpSocket() = default;
    UdpSocket(const UdpSocket &) = delete;
    UdpSocket &operator=(const UdpSocket &) = delete;
    UdpSocket(UdpSocket &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)), m_port(other.m_port) {}
    ~UdpSocket() { close(); }

    // "" or the reason it failed.
    std::string bind(std::uint16_t port, const std::string &who)
    {
        m_fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (m_fd < 0) return "cannot create the " + who + "'s UDP socket: " + std::strerror(errno);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(port);
        if (::bind(m_fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) != 0) {
            const int err = errno;
            close();
            if (err == EADDRINUSE)
                return "UDP port " + std::to_string(port) + " on 127.0.0.1 is already in use (" + who +
                       " socket); choose another port or 0 for any free port";
            return "cannot bind the " + who + "'s UDP socket to 127.0.0.1:" + std::to_string(port) + ": " +
                   std::strerror(err);
        }
        socklen_t len = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        return {};
    }

    void close()
    {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = -1;
        m_port = 0;
    }

    int fd() const { return m_fd; }
    std::uint16_t port() const { return m_port; }

private:
    int m_fd = -1;
    std::uint16_t m_port = 0;
};

struct Endpoint {
    Side side;
    int conn;
    std::uint16_t tcpPort;
    EndpointConfig config;
    std::optional<Connection> connection;
    UdpSocket socket;
    int dropNext = 0;
    // Segment ids of our datagrams not yet read by the peer, with their bytes (the peer looks them up).
    std::deque<std::pair<std::vector<std::uint8_t>, std::uint64_t>> unread;
};

} // namespace

struct LoopbackDriver::Impl {
    Scenario scenario;
    LoopbackOptions options;
    Trace trace;
    LoopbackStats stats;
    std::vector<Endpoint> endpoints;  // client 0, server 0, client 1, server 1, ...
    std::vector<ScheduledCall> calls; // sorted by time
    std::size_t nextCall = 0;
    std::vector<int> ruleUses;
    int sentByClient = 0, sentByServer = 0;
    std::uint64_t nextSegmentId = 1;
    std::mt19937_64 random;
    bool open = false;
    std::chrono::steady_clock::time_point start;
    std::vector<std::uint8_t> buffer = std::vector<std::uint8_t>(kMaxDatagram);

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
        return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start)
            .count();
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

    // Records the endpoint's events, then sends (or drops) what it wants to transmit.
    void drain(TimeUs t, Endpoint &e, std::uint64_t inputSegmentId = 0)
    {
        Connection &c = *e.connection;
        while (auto polled = c.pollEvent()) {
            TraceEvent ev = event(t, TraceKind::Note, e);
            std::visit(
                [&](const auto &x) {
                    using T = std::decay_t<decltype(x)>;
                    if constexpr (std::is_same_v<T, StateChanged>) {
                        ev.kind = TraceKind::StateChanged;
                        ev.from = x.from;
                        ev.to = x.to;
                        ev.transition = x.event;
                        ev.text = std::string(x.cause);
                        ev.rfc = x.rfc;
                    } else if constexpr (std::is_same_v<T, TimerArmed>) {
                        ev.kind = TraceKind::TimerArmed;
                        ev.timer = x.kind;
                        ev.deadline = x.deadline;
                        ev.duration = x.duration;
                        ev.attempt = x.attempt;
                    } else if constexpr (std::is_same_v<T, TimerCancelled>) {
                        ev.kind = TraceKind::TimerCancelled;
                        ev.timer = x.kind;
                    } else if constexpr (std::is_same_v<T, TimerFired>) {
                        ev.kind = TraceKind::TimerFired;
                        ev.timer = x.kind;
                        ev.attempt = x.attempt;
                    } else if constexpr (std::is_same_v<T, SegmentDiscarded>) {
                        ev.kind = TraceKind::SegmentDiscarded;
                        ev.segmentId = inputSegmentId;
                        ev.segment = x.segment;
                        ev.text = std::string(x.reason);
                        ev.rfc = x.rfc;
                    } else if constexpr (std::is_same_v<T, DataDelivered>) {
                        ev.kind = TraceKind::DataDelivered;
                        ev.data = x.bytes;
                    } else if constexpr (std::is_same_v<T, ConnectionError>) {
                        ev.kind = TraceKind::ConnectionError;
                        ev.text = std::string(x.message);
                    }
                },
                *polled);
            trace.append(std::move(ev));
        }
        while (auto tx = c.pollTransmit())
            transmit(t, e, *tx);
    }

    std::optional<std::string> dropRule(TimeUs t, const Endpoint &e, const Segment &s, std::uint64_t id)
    {
        const int bySide = e.side == Side::Client ? sentByClient : sentByServer;
        const int total = sentByClient + sentByServer;
        for (std::size_t i = 0; i < scenario.link.rules.size(); ++i) {
            const LinkRule &r = scenario.link.rules[i];
            if (r.action != LinkRule::Action::Drop) continue;
            if (r.count >= 0 && ruleUses[i] >= r.count) continue;
            if (r.from && *r.from != e.side) continue;
            if (r.nth && *r.nth != (r.from ? bySide : total)) continue;
            if ((s.flags & r.flagsMask) != r.flagsValue) continue;
            if (r.segmentId && *r.segmentId != id) continue;
            if ((r.fromTime && t < *r.fromTime) || (r.untilTime && t >= *r.untilTime)) continue;
            if (r.conn && *r.conn != e.conn) continue;
            if (r.probability < 1.0 &&
                std::uniform_real_distribution<double>(0.0, 1.0)(random) >= r.probability)
                continue;
            ++ruleUses[i];
            return r.label.empty() ? std::string("drop rule") : r.label;
        }
        return std::nullopt;
    }

    void transmit(TimeUs t, Endpoint &e, const Transmit &tx)
    {
        const std::uint64_t id = nextSegmentId++;
        (e.side == Side::Client ? sentByClient : sentByServer) += 1;
        std::optional<std::string> dropped;
        if (e.dropNext > 0) {
            --e.dropNext;
            dropped = "dropped by user";
        } else {
            dropped = dropRule(t, e, tx.segment, id);
        }
        std::vector<std::uint8_t> bytes;
        if (!dropped) {
            bytes = encodeSegment(tx.segment);
            const Endpoint &peer = peerOf(e);
            sockaddr_in to{};
            to.sin_family = AF_INET;
            to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            to.sin_port = htons(peer.socket.port());
            const ssize_t n = ::sendto(e.socket.fd(), bytes.data(), bytes.size(), 0,
                                       reinterpret_cast<const sockaddr *>(&to), sizeof to);
            if (n != static_cast<ssize_t>(bytes.size()))
                dropped = std::string("sendto failed: ") + std::strerror(errno);
        }
        TraceEvent sent = event(t, TraceKind::SegmentSent, e);
        sent.segmentId = id;
        sent.segment = tx.segment;
        sent.retransmission = tx.retransmission;
        sent.keepAliveProbe = tx.keepAliveProbe;
        sent.arrival = dropped ? -1 : t;
        trace.append(std::move(sent));
        if (dropped) {
            ++stats.segmentsDropped;
            TraceEvent drop = event(t, TraceKind::SegmentDropped, e);
            drop.segmentId = id;
            drop.segment = tx.segment;
            drop.text = *dropped + " (before sending)";
            trace.append(std::move(drop));
            return;
        }
        ++stats.datagramsSent;
        e.unread.emplace_back(std::move(bytes), id);
    }

    void discard(TimeUs t, const Endpoint &receiver, std::string why, const Segment *segment)
    {
        ++stats.datagramsDiscarded;
        TraceEvent ev = event(t, TraceKind::SegmentDiscarded, receiver);
        if (segment) ev.segment = *segment;
        ev.text = std::move(why);
        trace.append(std::move(ev));
    }

    void receive(Endpoint &e)
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
                discard(t, e, "datagram from " + source + ", which is not the peer's socket",
                        &decoded.segment);
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

    CallResult runCall(TimeUs t, const ScheduledCall &c)
    {
        Endpoint &e = at(c.side, c.conn);
        Connection &conn = *e.connection;
        CallResult result;
        std::vector<std::uint8_t> received;
        switch (c.call) {
        case CallKind::Listen:
            result = conn.listen(t);
            break;
        case CallKind::Connect:
            result = conn.connect(t, static_cast<std::uint16_t>(scenario.serverPort));
            break;
        case CallKind::Send:
            result = conn.send(t, c.data);
            break;
        case CallKind::Receive:
            received = conn.receive(t, c.receiveBytes);
            break;
        case CallKind::Close:
            result = conn.close(t);
            break;
        case CallKind::Abort:
            result = conn.abort(t);
            break;
        case CallKind::Crash:
        case CallKind::Restart:
            // The endpoint loses its connection state without sending anything (a host crash and reboot).
            e.connection.emplace(e.config, e.tcpPort);
            break;
        }
        TraceEvent ev = event(t, TraceKind::UserCall, e);
        ev.call = c.call;
        ev.callOk = result.ok;
        ev.text = std::string(result.error);
        ev.data = c.call == CallKind::Receive ? received : c.data;
        trace.append(std::move(ev));
        drain(t, e);
        return result;
    }

    void handleDue()
    {
        TimeUs t = now();
        while (nextCall < calls.size() && calls[nextCall].at <= t)
            runCall(t, calls[nextCall++]);
        for (Endpoint &e : endpoints) {
            const auto deadline = e.connection->pollTimeout();
            if (deadline && *deadline <= t) {
                e.connection->handleTimeout(t);
                drain(t, e);
            }
        }
    }

    std::optional<TimeUs> nextDue() const
    {
        std::optional<TimeUs> due;
        if (nextCall < calls.size()) due = calls[nextCall].at;
        for (const Endpoint &e : endpoints) {
            const auto d = e.connection->pollTimeout();
            if (d && (!due || *d < *due)) due = d;
        }
        return due;
    }

    void pollOnce(TimeUs maxWait)
    {
        if (!open) return;
        handleDue();
        TimeUs wait = std::max<TimeUs>(maxWait, 0);
        if (const auto due = nextDue()) wait = std::clamp<TimeUs>(*due - now(), 0, wait);
        std::vector<pollfd> fds;
        fds.reserve(endpoints.size());
        for (const Endpoint &e : endpoints)
            fds.push_back({e.socket.fd(), POLLIN, 0});
        // Round up to whole milliseconds so that a timer is never handled before its deadline.
        const int timeoutMs = static_cast<int>((wait + kMillisecond - 1) / kMillisecond);
        const int ready = ::poll(fds.data(), fds.size(), timeoutMs);
        if (ready > 0) {
            for (std::size_t i = 0; i < fds.size(); ++i)
                if ((fds[i].revents & POLLIN) != 0) receive(endpoints[i]);
        }
        handleDue();
    }

    bool finished() const
    {
        if (nextCall < calls.size()) return false;
        for (const Endpoint &e : endpoints)
            if (e.connection->pollTimeout() || !e.unread.empty()) return false;
        return true;
    }
};

LoopbackDriver::LoopbackDriver(Scenario scenario, LoopbackOptions options) : m_impl(std::make_unique<Impl>())
{
    Impl &d = *m_impl;
    d.scenario = std::move(scenario);
    d.options = options;
    d.random.seed(d.scenario.seed);
    d.ruleUses.assign(d.scenario.link.rules.size(), 0);
    d.calls = d.scenario.calls;
    std::stable_sort(d.calls.begin(), d.calls.end(),
                     [](const ScheduledCall &a, const ScheduledCall &b) { return a.at < b.at; });
    const int pairs = std::max(1, d.scenario.connections);
    d.endpoints.reserve(static_cast<std::size_t>(pairs) * 2);
    for (int i = 0; i < pairs; ++i) {
        for (Side side : {Side::Client, Side::Server}) {
            Endpoint e;
            e.side = side;
            e.conn = i;
            e.config = side == Side::Client ? d.scenario.client : d.scenario.server;
            e.tcpPort = static_cast<std::uint16_t>(side == Side::Client ? d.scenario.clientPort + i
                                                                        : d.scenario.serverPort);
            e.connection.emplace(e.config, e.tcpPort);
            d.endpoints.push_back(std::move(e));
        }
    }
}

LoopbackDriver::~LoopbackDriver() = default;

std::string LoopbackDriver::open()
{
    Impl &d = *m_impl;
    if (d.open) return {};
    for (Endpoint &e : d.endpoints) {
        const std::uint16_t base = e.side == Side::Client ? d.options.clientUdpPort : d.options.serverUdpPort;
        const std::uint16_t port = base == 0 ? 0 : static_cast<std::uint16_t>(base + e.conn);
        std::string who = std::string(sideName(e.side));
        if (d.endpoints.size() > 2) who += " " + std::to_string(e.conn);
        if (std::string error = e.socket.bind(port, who); !error.empty()) {
            for (Endpoint &other : d.endpoints)
                other.socket.close();
            return error;
        }
    }
    d.open = true;
    d.start = std::chrono::steady_clock::now();
    for (const Endpoint &e : d.endpoints) {
        if (e.side != Side::Client) continue;
        const Endpoint &s = d.at(Side::Server, e.conn);
        d.note(0, Side::Client, e.conn,
               "loopback: client TCP port " + std::to_string(e.tcpPort) + " on UDP 127.0.0.1:" +
                   std::to_string(e.socket.port()) + ", server TCP port " + std::to_string(s.tcpPort) +
                   " on UDP 127.0.0.1:" + std::to_string(s.socket.port()) + "; times are wall-clock µs");
    }
    const bool otherRules = std::any_of(d.scenario.link.rules.begin(), d.scenario.link.rules.end(),
                                        [](const LinkRule &r) { return r.action != LinkRule::Action::Drop; });
    d.note(0, Side::Client, 0,
           std::string("loopback: the kernel's UDP is the link; the scenario's link delays") +
               (otherRules ? " and its duplicate/delay/hold rules are" : " are") + " not applied");
    return {};
}

bool LoopbackDriver::isOpen() const
{
    return m_impl->open;
}
TimeUs LoopbackDriver::now() const
{
    return m_impl->now();
}

void LoopbackDriver::pollOnce(TimeUs maxWait)
{
    m_impl->pollOnce(maxWait);
}

void LoopbackDriver::runUntil(TimeUs deadline)
{
    if (!m_impl->open) return;
    for (TimeUs t = now(); t < deadline; t = now())
        m_impl->pollOnce(deadline - t);
}

void LoopbackDriver::runToEnd(TimeUs limit)
{
    Impl &d = *m_impl;
    if (!d.open) return;
    const TimeUs end = limit < 0 ? d.scenario.endAt : std::min(limit, d.scenario.endAt);
    for (TimeUs t = now(); t < end && !d.finished(); t = now())
        d.pollOnce(end - t);
}

bool LoopbackDriver::finished() const
{
    return m_impl->finished();
}

void LoopbackDriver::dropNextFrom(Side side, int conn)
{
    ++m_impl->at(side, conn).dropNext;
}

CallResult LoopbackDriver::call(Side side, CallKind kind, std::vector<std::uint8_t> data, int conn)
{
    Impl &d = *m_impl;
    if (conn < 0 || conn >= connectionCount()) return CallResult::failure("no such connection");
    ScheduledCall c;
    c.at = now();
    c.side = side;
    c.call = kind;
    c.conn = conn;
    if (kind == CallKind::Receive)
        c.receiveBytes = data.size();
    else
        c.data = std::move(data);
    return d.runCall(c.at, c);
}

const Scenario &LoopbackDriver::scenario() const
{
    return m_impl->scenario;
}
const Trace &LoopbackDriver::trace() const
{
    return m_impl->trace;
}
const Connection &LoopbackDriver::endpoint(Side side, int conn) const
{
    return *m_impl->at(side, conn).connection;
}
int LoopbackDriver::connectionCount() const
{
    return static_cast<int>(m_impl->endpoints.size() / 2);
}
std::uint16_t LoopbackDriver::udpPort(Side side, int conn) const
{
    return m_impl->at(side, conn).socket.port();
}
const LoopbackStats &LoopbackDriver::stats() const
{
    return m_impl->stats;
}

} // namespace tcplab
