#pragma once
// The eleven connection states of RFC 9293 §3.3.2, printed everywhere (trace, CLI, UI) with the names
// below. The RFC writes SYN-SENT; tcplab uses the underscore form that netstat and most textbooks use.
#include <array>
#include <optional>
#include <string_view>

namespace tcplab {

enum class TcpState {
    Closed,
    Listen,
    SynSent,
    SynRcvd,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
};

constexpr std::array<TcpState, 11> kAllStates = {
    TcpState::Closed,   TcpState::Listen,    TcpState::SynSent, TcpState::SynRcvd,
    TcpState::Established, TcpState::FinWait1, TcpState::FinWait2, TcpState::CloseWait,
    TcpState::Closing,  TcpState::LastAck,   TcpState::TimeWait,
};

// "SYN_SENT", "ESTABLISHED", ...
std::string_view stateName(TcpState state);
std::optional<TcpState> stateFromName(std::string_view name);

// Synchronized states (RFC 9293 §3.5.2 group 3): ESTABLISHED and later.
bool isSynchronized(TcpState state);

} // namespace tcplab
