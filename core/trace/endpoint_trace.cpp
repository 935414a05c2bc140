#include "trace/endpoint_trace.h"

#include <type_traits>

namespace tcplab {

void fillTraceEvent(TraceEvent &event, const EndpointEvent &endpointEvent)
{
    std::visit(
        [&event](const auto &e) {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, StateChanged>) {
                event.kind = TraceKind::StateChanged;
                event.from = e.from;
                event.to = e.to;
                event.transition = e.event;
                event.text = e.cause;
                event.rfc = e.rfc;
            } else if constexpr (std::is_same_v<T, TimerArmed>) {
                event.kind = TraceKind::TimerArmed;
                event.timer = e.kind;
                event.deadline = e.deadline;
                event.duration = e.duration;
                event.attempt = e.attempt;
            } else if constexpr (std::is_same_v<T, TimerCancelled>) {
                event.kind = TraceKind::TimerCancelled;
                event.timer = e.kind;
            } else if constexpr (std::is_same_v<T, TimerFired>) {
                event.kind = TraceKind::TimerFired;
                event.timer = e.kind;
                event.attempt = e.attempt;
            } else if constexpr (std::is_same_v<T, SegmentDiscarded>) {
                event.kind = TraceKind::SegmentDiscarded;
                event.segment = e.segment; // shares the payload (tcp/payload.h)
                event.text = e.reason;
                event.rfc = e.rfc;
            } else if constexpr (std::is_same_v<T, DataDelivered>) {
                event.kind = TraceKind::DataDelivered;
                event.data = e.bytes;
            } else if constexpr (std::is_same_v<T, ConnectionError>) {
                event.kind = TraceKind::ConnectionError;
                event.text = e.message;
            }
        },
        endpointEvent);
}

} // namespace tcplab
