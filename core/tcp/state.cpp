#include "state.h"

namespace tcplab {

std::string_view stateName(TcpState state)
{
    switch (state) {
    case TcpState::Closed:
        return "CLOSED";
    case TcpState::Listen:
        return "LISTEN";
    case TcpState::SynSent:
        return "SYN_SENT";
    case TcpState::SynRcvd:
        return "SYN_RCVD";
    case TcpState::Established:
        return "ESTABLISHED";
    case TcpState::FinWait1:
        return "FIN_WAIT_1";
    case TcpState::FinWait2:
        return "FIN_WAIT_2";
    case TcpState::CloseWait:
        return "CLOSE_WAIT";
    case TcpState::Closing:
        return "CLOSING";
    case TcpState::LastAck:
        return "LAST_ACK";
    case TcpState::TimeWait:
        return "TIME_WAIT";
    }
    return "?";
}

std::optional<TcpState> stateFromName(std::string_view name)
{
    for (TcpState state : kAllStates) {
        if (stateName(state) == name) return state;
    }
    return std::nullopt;
}

bool isSynchronized(TcpState state)
{
    switch (state) {
    case TcpState::Closed:
    case TcpState::Listen:
    case TcpState::SynSent:
    case TcpState::SynRcvd:
        return false;
    default:
        return true;
    }
}

} // namespace tcplab
