#include "trace/trace.h"

namespace tcplab {

std::string_view sideName(Side side)
{
    switch (side) {
    case Side::Client:
        return "client";
    case Side::Server:
        return "server";
    }
    return "client";
}

std::string_view callName(CallKind kind)
{
    switch (kind) {
    case CallKind::Listen:
        return "LISTEN";
    case CallKind::Connect:
        return "CONNECT";
    case CallKind::Send:
        return "SEND";
    case CallKind::Receive:
        return "RECEIVE";
    case CallKind::Close:
        return "CLOSE";
    case CallKind::Abort:
        return "ABORT";
    case CallKind::Crash:
        return "CRASH";
    case CallKind::Restart:
        return "RESTART";
    }
    return "LISTEN";
}

std::string_view traceKindName(TraceKind kind)
{
    switch (kind) {
    case TraceKind::UserCall:
        return "user_call";
    case TraceKind::SegmentSent:
        return "segment_sent";
    case TraceKind::SegmentDelivered:
        return "segment_delivered";
    case TraceKind::SegmentDropped:
        return "segment_dropped";
    case TraceKind::SegmentDiscarded:
        return "segment_discarded";
    case TraceKind::StateChanged:
        return "state_changed";
    case TraceKind::TimerArmed:
        return "timer_armed";
    case TraceKind::TimerCancelled:
        return "timer_cancelled";
    case TraceKind::TimerFired:
        return "timer_fired";
    case TraceKind::DataDelivered:
        return "data_delivered";
    case TraceKind::ConnectionError:
        return "connection_error";
    case TraceKind::Note:
        return "note";
    }
    return "note";
}

std::uint64_t Trace::append(TraceEvent event)
{
    event.eventId = m_events.size();
    m_events.push_back(std::move(event));
    return m_events.back().eventId;
}

TraceEvent &Trace::emplace()
{
    TraceEvent &event = m_events.emplace_back();
    event.eventId = m_events.size() - 1;
    return event;
}

} // namespace tcplab
