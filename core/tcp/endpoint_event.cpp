#include "endpoint_event.h"

namespace tcplab {

std::string_view timerName(TimerKind kind)
{
    switch (kind) {
    case TimerKind::Retransmission:
        return "RTO";
    case TimerKind::TimeWait:
        return "2MSL";
    case TimerKind::KeepAlive:
        return "KEEPALIVE";
    case TimerKind::DelayedAck:
        return "DELAYED_ACK";
    }
    return "?";
}

} // namespace tcplab
