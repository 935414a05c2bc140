#include "io/kernel_observer.h"

#include "io/kernel_diag.h"
#include "io/tun_device.h"
#include "tcp/transitions.h"
#include "tcp/wire.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <netinet/in.h>
#include <optional>
#include <pcap/pcap.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tcplab {

namespace {

TimeUs realtimeUs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<TimeUs>(ts.tv_sec) * kSecond + ts.tv_nsec / 1000;
}

void closeFd(int &fd)
{
    if (fd >= 0) ::close(fd);
    fd = -1;
}

sockaddr_in loopback(std::uint16_t port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port);
    return a;
}

std::uint16_t boundPort(int fd)
{
    sockaddr_in a{};
    socklen_t length = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &length);
    return ntohs(a.sin_port);
}

// Bytes of the link-layer header before IPv4 for the capture's link type, or nullopt when unsupported.
std::optional<std::size_t> linkHeaderBytes(int linkType)
{
    switch (linkType) {
    case DLT_EN10MB: // Linux's lo has an Ethernet header of zero addresses
        return 14;
    case DLT_LINUX_SLL:
        return 16;
    case DLT_NULL:
        return 4;
    case DLT_RAW:
        return 0;
    default:
        return std::nullopt;
    }
}

// What was seen, stamped on the wall clock; the trace is rebuilt from these in time order.
struct Record {
    enum class Kind { Call, Segment, Observed, Data, Note } kind = Kind::Note;
    TimeUs t = 0;
    std::uint64_t order = 0; // ties keep the order of arrival
    TraceEvent event;        // ready-made for Call, Segment, Data, Note
    Side side = Side::Client;
    TcpState state = TcpState::Closed; // Observed
    std::string_view via;              // Observed: "TCP_INFO" or "sock_diag"
};

struct SideState {
    std::optional<TcpState> observed; // last value recorded, to keep only changes
};

} // namespace

struct KernelObserver::Impl {
    KernelObserverOptions options;
    TimeUs start = realtimeUs();
    int listener = -1, accepted = -1, client = -1;
    bool hadChild = false, connected = false;
    std::uint16_t serverPort = 0, clientPort = 0;
    pcap_t *pcap = nullptr;
    std::size_t linkBytes = 0;
    std::string captureProblem = "the capture starts with LISTEN";
    std::vector<Record> records;
    std::uint64_t nextOrder = 0, nextSegmentId = 1;
    SideState sides[2];
    Trace trace;

    ~Impl()
    {
        closeFd(listener);
        closeFd(accepted);
        closeFd(client);
        if (pcap) pcap_close(pcap);
    }

    TimeUs now() const { return realtimeUs() - start; }

    Record &add(Record::Kind kind, TimeUs t, Side side)
    {
        Record &r = records.emplace_back();
        r.kind = kind;
        r.t = t;
        r.order = nextOrder++;
        r.side = side;
        r.event.t = t;
        r.event.side = side;
        return r;
    }

    void note(Side side, std::string text)
    {
        Record &r = add(Record::Kind::Note, now(), side);
        r.event.kind = TraceKind::Note;
        r.event.text = std::move(text);
    }

    void openCapture()
    {
        if (!options.capture) {
            captureProblem = "capture turned off: only states are shown";
            return;
        }
        char error[PCAP_ERRBUF_SIZE] = {};
        pcap = pcap_create("lo", error);
        auto fail = [&](const std::string &why) {
            captureProblem =
                "no capture on lo (" + why + "): only states are shown; capturing needs root or CAP_NET_RAW";
            if (pcap) pcap_close(pcap);
            pcap = nullptr;
        };
        if (!pcap) return fail(error);
        pcap_set_snaplen(pcap, 65535);
        pcap_set_immediate_mode(pcap, 1); // each packet at once, not after a buffer fills
        pcap_set_timeout(pcap, 1);
        if (const int rc = pcap_activate(pcap); rc < 0) return fail(pcap_geterr(pcap));
        const auto header = linkHeaderBytes(pcap_datalink(pcap));
        if (!header) return fail("link type " + std::to_string(pcap_datalink(pcap)) + " is not supported");
        linkBytes = *header;
        bpf_program program{};
        const std::string filter = "tcp port " + std::to_string(serverPort);
        if (pcap_compile(pcap, &program, filter.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0)
            return fail(std::string("filter: ") + pcap_geterr(pcap));
        const int set = pcap_setfilter(pcap, &program);
        pcap_freecode(&program);
        if (set != 0) return fail(std::string("filter: ") + pcap_geterr(pcap));
        if (pcap_setnonblock(pcap, 1, error) != 0) return fail(error);
        captureProblem.clear();
        note(Side::Server, "kernel: capturing on lo with filter \"" + filter + "\"");
    }

    static void onPacket(u_char *user, const pcap_pkthdr *header, const u_char *bytes)
    {
        reinterpret_cast<Impl *>(user)->packet(*header, std::span(bytes, header->caplen));
    }

    void packet(const pcap_pkthdr &header, std::span<const std::uint8_t> bytes)
    {
        if (bytes.size() <= linkBytes) return;
        const Ipv4Packet ip = parseIpv4(bytes.subspan(linkBytes));
        if (!ip.ok()) return;
        const TimeUs t = static_cast<TimeUs>(header.ts.tv_sec) * kSecond + header.ts.tv_usec - start;
        // Locally sent segments carry only the pseudo-header sum on lo (checksum offload): complete it so
        // that decodeSegment's check passes, and say so.
        std::vector<std::uint8_t> tcp(ip.payload.begin(), ip.payload.end());
        DecodeResult decoded = decodeSegment(tcp, ip.ips);
        bool offloaded = false;
        if (decoded.error == DecodeError::BadChecksum && tcp.size() >= 20) {
            tcp[16] = tcp[17] = 0;
            const std::uint16_t sum = tcpChecksum(tcp, ip.ips);
            tcp[16] = static_cast<std::uint8_t>(sum >> 8);
            tcp[17] = static_cast<std::uint8_t>(sum);
            decoded = decodeSegment(tcp, ip.ips);
            offloaded = true;
        }
        if (!decoded.ok()) {
            note(Side::Client, "kernel: a captured packet does not decode: " + decoded.message);
            return;
        }
        const Side side = decoded.segment.srcPort == serverPort ? Side::Server : Side::Client;
        Record &r = add(Record::Kind::Segment, t, side);
        r.event.kind = TraceKind::SegmentSent;
        r.event.segmentId = nextSegmentId++;
        r.event.segment = decoded.segment;
        r.event.arrival = t;
        std::string text = describeTcpOptions(tcp);
        if (!text.empty()) text = "options: " + text;
        if (offloaded) text += std::string(text.empty() ? "" : "; ") + "checksum completed (offloaded on lo)";
        r.event.text = std::move(text);
    }

    void observe(Side side, TimeUs t)
    {
        std::optional<TcpState> state;
        std::string_view via = "TCP_INFO";
        const int fd = side == Side::Client ? client : (accepted >= 0 ? accepted : -1);
        const std::uint16_t local = side == Side::Client ? clientPort : serverPort;
        const std::uint16_t remote = side == Side::Client ? serverPort : clientPort;
        if (fd >= 0) {
            if (const auto info = tcplab::tcpInfo(fd)) state = info->state();
        } else if ((side == Side::Client && connected) || (side == Side::Server && clientPort != 0)) {
            via = "sock_diag";
            const DiagDump dump = dumpTcpSockets();
            for (const KernelSocket &s : dump.sockets)
                if (s.localIp == kLoopbackIp && s.localPort == local && s.remotePort == remote)
                    state = fromLinuxState(s.linuxState);
            if (state) {
                if (side == Side::Server) hadChild = true;
            } else if (side == Side::Server && !hadChild && listener >= 0) {
                via = "TCP_INFO";
                if (const auto info = tcplab::tcpInfo(listener)) state = info->state();
            } else if (dump.error.empty()) {
                state = TcpState::Closed; // gone from the kernel's tables
            }
        } else if (side == Side::Server && listener >= 0) {
            if (const auto info = tcplab::tcpInfo(listener)) state = info->state();
        }
        if (!state) return;
        SideState &s = sides[side == Side::Server];
        if (s.observed == state) return;
        s.observed = state;
        Record &r = add(Record::Kind::Observed, t, side);
        r.state = *state;
        r.via = via;
    }

    void readFrom(int fd, Side side)
    {
        if (fd < 0) return;
        std::uint8_t buffer[4096];
        for (;;) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n <= 0) return;
            Record &r = add(Record::Kind::Data, now(), side);
            r.event.kind = TraceKind::DataDelivered;
            r.event.data.assign(buffer, buffer + n);
        }
    }

    void pollRound()
    {
        if (pcap) pcap_dispatch(pcap, -1, &Impl::onPacket, reinterpret_cast<u_char *>(this));
        if (listener >= 0 && accepted < 0) {
            const int fd = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd >= 0) {
                accepted = fd;
                hadChild = true;
            }
        }
        readFrom(client, Side::Client);
        readFrom(accepted, Side::Server);
        const TimeUs t = now();
        observe(Side::Client, t);
        observe(Side::Server, t);
    }

    CallResult doCall(Side side, CallKind kind, const std::vector<std::uint8_t> &data)
    {
        pollRound(); // what happened before the call is stamped before it
        auto fail = [](const char *why) { return CallResult::failure(why); };
        int &fd = side == Side::Client ? client : accepted;
        switch (kind) {
        case CallKind::Listen: {
            if (side != Side::Server || listener >= 0) return fail("LISTEN is the server's, once");
            listener = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            const sockaddr_in a = loopback(options.serverPort);
            if (listener < 0 || ::bind(listener, reinterpret_cast<const sockaddr *>(&a), sizeof a) != 0 ||
                ::listen(listener, 4) != 0) {
                closeFd(listener);
                return fail("socket, bind or listen failed on 127.0.0.1");
            }
            serverPort = boundPort(listener);
            openCapture();
            return CallResult::success();
        }
        case CallKind::Connect: {
            if (side != Side::Client || client >= 0) return fail("CONNECT is the client's, once");
            client = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            // Bound first so that the port is known before the SYN leaves.
            const sockaddr_in local = loopback(0);
            const sockaddr_in to = loopback(serverPort);
            if (client < 0 || ::bind(client, reinterpret_cast<const sockaddr *>(&local), sizeof local) != 0)
                return fail("socket or bind failed on 127.0.0.1");
            clientPort = boundPort(client);
            connected = true;
            if (::connect(client, reinterpret_cast<const sockaddr *>(&to), sizeof to) != 0 &&
                errno != EINPROGRESS)
                return fail("connection refused");
            return CallResult::success();
        }
        case CallKind::Send:
            if (fd < 0) return fail("connection does not exist");
            if (::send(fd, data.data(), data.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(data.size()))
                return fail("the kernel did not take all the data");
            return CallResult::success();
        case CallKind::Close:
            if (fd < 0 && !(side == Side::Server && listener >= 0)) return fail("connection does not exist");
            closeFd(fd);
            if (side == Side::Server) closeFd(listener);
            return CallResult::success();
        case CallKind::Abort:
        case CallKind::Receive:
        case CallKind::Crash:
        case CallKind::Restart:
            break;
        }
        return fail("not supported by the kernel observer");
    }

    // Segments, calls and observations in time order, with the states the capture proves but no poll saw.
    void rebuild()
    {
        std::vector<const Record *> sorted;
        sorted.reserve(records.size());
        for (const Record &r : records)
            sorted.push_back(&r);
        std::stable_sort(sorted.begin(), sorted.end(), [](const Record *a, const Record *b) {
            return a->t != b->t ? a->t < b->t : a->order < b->order;
        });
        trace.clear();
        TcpState current[2] = {TcpState::Closed, TcpState::Closed};
        auto change = [&](TimeUs t, Side side, TcpState to, std::string cause) {
            TcpState &from = current[side == Side::Server];
            if (from == to) return;
            TraceEvent ev;
            ev.t = t;
            ev.kind = TraceKind::StateChanged;
            ev.side = side;
            ev.from = from;
            ev.to = to;
            for (const Transition &row : transitionTable()) {
                if (row.from == from && row.to == to) {
                    ev.transition = row.event;
                    ev.rfc = row.rfc;
                    break;
                }
            }
            ev.text = std::move(cause);
            trace.append(std::move(ev));
            from = to;
        };
        for (const Record *r : sorted) {
            if (r->kind == Record::Kind::Observed) {
                change(r->t, r->side, r->state, "observed via " + std::string(r->via));
                continue;
            }
            trace.append(r->event);
            if (r->kind != Record::Kind::Segment) continue;
            const Segment &s = r->event.segment;
            const TcpState state = current[r->side == Side::Server];
            if (s.has(kSyn) && !s.has(kAck) && state == TcpState::Closed)
                change(r->t, r->side, TcpState::SynSent,
                       "inferred from the captured SYN (too brief to observe)");
            else if (s.has(kSyn) && s.has(kAck) && state == TcpState::Listen)
                change(r->t, r->side, TcpState::SynRcvd,
                       "inferred from the captured SYN,ACK (too brief to observe)");
            else if (s.has(kFin) && state == TcpState::Established)
                change(r->t, r->side, TcpState::FinWait1,
                       "inferred from the captured FIN (too brief to observe)");
            else if (s.has(kFin) && state == TcpState::CloseWait)
                change(r->t, r->side, TcpState::LastAck,
                       "inferred from the captured FIN (too brief to observe)");
        }
    }
};

KernelObserver::KernelObserver(KernelObserverOptions options) : m_impl(std::make_unique<Impl>())
{
    m_impl->options = options;
}

KernelObserver::~KernelObserver() = default;

CallResult KernelObserver::call(Side side, CallKind kind, std::vector<std::uint8_t> data)
{
    Impl &d = *m_impl;
    const TimeUs t = d.now();
    const CallResult result = d.doCall(side, kind, data);
    Record &r = d.add(Record::Kind::Call, t, side);
    r.event.kind = TraceKind::UserCall;
    r.event.call = kind;
    r.event.callOk = result.ok;
    r.event.text = std::string(result.error);
    r.event.data = std::move(data);
    d.pollRound();
    return result;
}

CallResult KernelObserver::shutdownWrite(Side side)
{
    Impl &d = *m_impl;
    const int fd = side == Side::Client ? d.client : d.accepted;
    if (fd < 0 || ::shutdown(fd, SHUT_WR) != 0) return CallResult::failure("connection does not exist");
    d.note(side, "kernel: shutdown(SHUT_WR)");
    d.pollRound();
    return CallResult::success();
}

void KernelObserver::observeFor(TimeUs duration)
{
    Impl &d = *m_impl;
    const TimeUs end = d.now() + duration;
    while (d.now() < end) {
        d.pollRound();
        pollfd fd{d.pcap ? pcap_get_selectable_fd(d.pcap) : -1, POLLIN, 0};
        const TimeUs wait = std::min(d.options.pollInterval, std::max<TimeUs>(0, end - d.now()));
        ::poll(&fd, 1, static_cast<int>((wait + kMillisecond - 1) / kMillisecond));
    }
    d.pollRound();
}

TimeUs KernelObserver::now() const
{
    return m_impl->now();
}

const Trace &KernelObserver::trace()
{
    m_impl->rebuild();
    return m_impl->trace;
}

bool KernelObserver::capturing() const
{
    return m_impl->pcap != nullptr;
}

const std::string &KernelObserver::captureProblem() const
{
    return m_impl->captureProblem;
}

std::uint16_t KernelObserver::serverPort() const
{
    return m_impl->serverPort;
}

std::uint16_t KernelObserver::clientPort() const
{
    return m_impl->clientPort;
}

std::optional<TcpInfoSnapshot> KernelObserver::tcpInfo(Side side) const
{
    const int fd = side == Side::Client ? m_impl->client : m_impl->accepted;
    if (fd < 0) return std::nullopt;
    return tcplab::tcpInfo(fd);
}

Trace runKernelSession(const Scenario &scenario, TimeUs tail, std::string &problem,
                       KernelObserverOptions options)
{
    KernelObserver observer(options);
    std::vector<ScheduledCall> calls;
    for (const ScheduledCall &c : scenario.calls)
        if (c.conn == 0) calls.push_back(c);
    std::stable_sort(calls.begin(), calls.end(),
                     [](const ScheduledCall &a, const ScheduledCall &b) { return a.at < b.at; });
    for (const ScheduledCall &c : calls) {
        if (const TimeUs wait = c.at - observer.now(); wait > 0) observer.observeFor(wait);
        observer.call(c.side, c.call, c.data);
    }
    observer.observeFor(tail);
    problem = observer.captureProblem();
    return observer.trace();
}

} // namespace tcplab
