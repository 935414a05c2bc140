#pragma once
// The names scripts use for states and errors (tcp_info's TCPI_*, sockstat's, errno's), and the small
// readers of script text that the runner shares between its files.
#include "script/packetdrill_script.h"
#include "tcp/endpoint_event.h"
#include "tcp/state.h"

#include <optional>
#include <string_view>

namespace tcplab::packetdrill {

// What a `sockstat ... | grep -c STATE | grep N` line checks.
struct StateCount {
    TcpState state;
    bool in; // N == 1: the socket is in `state`; N == 0: it is not
};

// ESTABLISHED or a state after it (RFC 9293 §3.5.2's synchronized states).
bool isSynchronizedState(TcpState state);
std::string_view sockstatName(TcpState state); // "SYN_RCVD"
std::string_view tcpiName(TcpState state);     // "TCPI_SYN_RECEIVED"
std::optional<TcpState> stateFromTcpi(std::string_view name);
std::optional<TcpState> stateFromSockstat(std::string_view name);
std::string_view errnoFor(ConnectionErrorKind kind); // "ECONNRESET"

// The call's argument `index` as a number ("3", "[65536]"); nullopt when it is not one.
std::optional<long> integerArg(const SyscallSpec &call, std::size_t index);
// "[ECONNRESET]" -> "ECONNRESET"
std::string_view bracketed(std::string_view text);
// `sockstat ... | grep -c STATE | grep N` (N 0 or 1)
std::optional<StateCount> sockstatCount(std::string_view text);
// `assert tcpi_state == TCPI_X`
std::optional<TcpState> tcpiAssertion(std::string_view text);

} // namespace tcplab::packetdrill
