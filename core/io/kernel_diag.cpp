#include "io/kernel_diag.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tcplab {

std::optional<TcpState> fromLinuxState(int linuxState)
{
    switch (static_cast<LinuxTcpState>(linuxState)) {
    case LinuxTcpState::Established:
        return TcpState::Established;
    case LinuxTcpState::SynSent:
        return TcpState::SynSent;
    case LinuxTcpState::SynRecv:
    case LinuxTcpState::NewSynRecv:
        return TcpState::SynRcvd;
    case LinuxTcpState::FinWait1:
        return TcpState::FinWait1;
    case LinuxTcpState::FinWait2:
        return TcpState::FinWait2;
    case LinuxTcpState::TimeWait:
        return TcpState::TimeWait;
    case LinuxTcpState::Close:
        return TcpState::Closed;
    case LinuxTcpState::CloseWait:
        return TcpState::CloseWait;
    case LinuxTcpState::LastAck:
        return TcpState::LastAck;
    case LinuxTcpState::Listen:
        return TcpState::Listen;
    case LinuxTcpState::Closing:
        return TcpState::Closing;
    }
    return std::nullopt;
}

std::string_view linuxStateName(int linuxState)
{
    static constexpr std::string_view kNames[] = {"?",
                                                  "TCP_ESTABLISHED",
                                                  "TCP_SYN_SENT",
                                                  "TCP_SYN_RECV",
                                                  "TCP_FIN_WAIT1",
                                                  "TCP_FIN_WAIT2",
                                                  "TCP_TIME_WAIT",
                                                  "TCP_CLOSE",
                                                  "TCP_CLOSE_WAIT",
                                                  "TCP_LAST_ACK",
                                                  "TCP_LISTEN",
                                                  "TCP_CLOSING",
                                                  "TCP_NEW_SYN_RECV"};
    if (linuxState < 1 || linuxState > 12) return "?";
    return kNames[linuxState];
}

DiagDump dumpTcpSockets()
{
    DiagDump dump;
    const int fd = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (fd < 0) {
        dump.error = std::string("cannot open a NETLINK_SOCK_DIAG socket: ") + std::strerror(errno);
        return dump;
    }
    struct {
        nlmsghdr header;
        inet_diag_req_v2 request;
    } message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    message.request.sdiag_family = AF_INET;
    message.request.sdiag_protocol = IPPROTO_TCP;
    message.request.idiag_states = ~0u; // every state, TIME_WAIT and request sockets included
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(fd, &message, sizeof message, 0, reinterpret_cast<sockaddr *>(&kernel), sizeof kernel) < 0) {
        dump.error = std::string("sock_diag request failed: ") + std::strerror(errno);
        ::close(fd);
        return dump;
    }
    alignas(nlmsghdr) char buffer[32768];
    for (bool done = false; !done;) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            dump.error = std::string("sock_diag reply failed: ") + std::strerror(errno);
            break;
        }
        if (n == 0) break;
        int left = static_cast<int>(n);
        for (auto *h = reinterpret_cast<nlmsghdr *>(buffer); NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
            if (h->nlmsg_type == NLMSG_DONE) {
                done = true;
                break;
            }
            if (h->nlmsg_type == NLMSG_ERROR) {
                const auto *error = static_cast<const nlmsgerr *>(NLMSG_DATA(h));
                dump.error = std::string("sock_diag error: ") + std::strerror(-error->error);
                done = true;
                break;
            }
            const auto *msg = static_cast<const inet_diag_msg *>(NLMSG_DATA(h));
            KernelSocket s;
            s.localIp = ntohl(msg->id.idiag_src[0]);
            s.remoteIp = ntohl(msg->id.idiag_dst[0]);
            s.localPort = ntohs(msg->id.idiag_sport);
            s.remotePort = ntohs(msg->id.idiag_dport);
            s.linuxState = msg->idiag_state;
            s.inode = msg->idiag_inode;
            dump.sockets.push_back(s);
        }
    }
    ::close(fd);
    return dump;
}

std::optional<TcpInfoSnapshot> tcpInfo(int fd)
{
    tcp_info info{};
    socklen_t length = sizeof info;
    if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &length) != 0) return std::nullopt;
    TcpInfoSnapshot s;
    s.linuxState = info.tcpi_state;
    s.windowScaling = (info.tcpi_options & TCPI_OPT_WSCALE) != 0;
    s.timestamps = (info.tcpi_options & TCPI_OPT_TIMESTAMPS) != 0;
    s.sack = (info.tcpi_options & TCPI_OPT_SACK) != 0;
    s.sndWscale = info.tcpi_snd_wscale;
    s.rcvWscale = info.tcpi_rcv_wscale;
    s.sndMss = info.tcpi_snd_mss;
    s.rcvMss = info.tcpi_rcv_mss;
    s.retransmits = info.tcpi_total_retrans;
    return s;
}

} // namespace tcplab
