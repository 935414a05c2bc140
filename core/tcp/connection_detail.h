#pragma once
// Small helpers shared by connection.cpp and connection_input.cpp (not part of the public API).
#include "state.h"

#include <cstdint>

namespace tcplab::detail {

constexpr std::uint16_t kDefaultMss = 536; // RFC 9293 §3.7.1: the send MSS when a SYN carries no option

// The states in which keep-alive probes watch an idle connection (§3.8.4): the peer may still send.
inline bool isKeepAliveState(TcpState state)
{
    return state == TcpState::Established || state == TcpState::FinWait2 || state == TcpState::CloseWait;
}

} // namespace tcplab::detail
