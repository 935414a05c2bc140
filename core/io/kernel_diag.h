#pragma once
// Reading the kernel's own TCP states: getsockopt(TCP_INFO) on a socket we hold, and a NETLINK_SOCK_DIAG
// dump (inet_diag_req_v2) of every IPv4 TCP socket of the current network namespace - the only place a
// socket in TIME_WAIT can still be seen once its fd is closed. No privileges needed for either.
#include "tcp/state.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcplab {

// The kernel's state numbers (include/net/tcp_states.h), which are not the order of RFC 9293's list.
enum class LinuxTcpState : int {
    Established = 1,
    SynSent = 2,
    SynRecv = 3,
    FinWait1 = 4,
    FinWait2 = 5,
    TimeWait = 6,
    Close = 7,
    CloseWait = 8,
    LastAck = 9,
    Listen = 10,
    Closing = 11,
    NewSynRecv = 12, // a request socket: a SYN answered, no full socket yet (ss shows SYN-RECV)
};

// SYN_RECV and NEW_SYN_RECV are both SYN_RCVD; TCP_CLOSE is CLOSED. nullopt for an unknown number.
std::optional<TcpState> fromLinuxState(int linuxState);
std::string_view linuxStateName(int linuxState); // "TCP_ESTABLISHED", ...

struct KernelSocket {
    std::uint32_t localIp = 0, remoteIp = 0; // host byte order
    std::uint16_t localPort = 0, remotePort = 0;
    int linuxState = 0;
    std::uint32_t inode = 0; // 0 for TIME_WAIT and request sockets (no file behind them)
};

// Every IPv4 TCP socket of this namespace, or an error message. The netlink socket is opened for the dump
// and closed after, so the namespace is the caller's at the time of the call.
struct DiagDump {
    std::string error;
    std::vector<KernelSocket> sockets;
};
DiagDump dumpTcpSockets();

// The state of the socket behind `fd` from TCP_INFO, with the options the kernel negotiated.
struct TcpInfoSnapshot {
    int linuxState = 0;
    bool windowScaling = false; // TCPI_OPT_WSCALE: both SYNs carried wscale
    bool timestamps = false;    // TCPI_OPT_TIMESTAMPS
    bool sack = false;          // TCPI_OPT_SACK
    int sndWscale = 0, rcvWscale = 0;
    std::uint32_t sndMss = 0, rcvMss = 0;
    std::uint32_t retransmits = 0; // tcpi_total_retrans
    std::optional<TcpState> state() const { return fromLinuxState(linuxState); }
};
std::optional<TcpInfoSnapshot> tcpInfo(int fd);

} // namespace tcplab
