#include "trace/json_writer.h"

#include <nlohmann/json.hpp>

namespace tcplab {

namespace {

using Json = nlohmann::ordered_json;

void addSegment(Json &j, const TraceEvent &event)
{
    const Segment &segment = event.segment;
    j["id"] = event.segmentId;
    j["flags"] = flagsToString(segment.flags);
    j["seq"] = segment.seq;
    j["ack"] = segment.ack;
    j["len"] = segment.payload.size();
    j["win"] = segment.window;
    j["sport"] = segment.srcPort;
    j["dport"] = segment.dstPort;
    if (segment.mss) j["mss"] = *segment.mss;
    if (segment.windowScale) j["wscale"] = *segment.windowScale;
    j["retransmission"] = event.retransmission;
}

void addTimer(Json &j, const TraceEvent &event)
{
    j["timer"] = timerName(event.timer);
    j["deadline_us"] = event.deadline;
    j["attempt"] = event.attempt;
}

} // namespace

std::string bytesAsLatin1Utf8(std::span<const std::uint8_t> bytes)
{
    std::string text;
    text.reserve(bytes.size());
    for (std::uint8_t byte : bytes) {
        if (byte < 0x80) {
            text += static_cast<char>(byte);
        } else {
            text += static_cast<char>(0xc0 | (byte >> 6));
            text += static_cast<char>(0x80 | (byte & 0x3f));
        }
    }
    return text;
}

std::string traceEventToJson(const TraceEvent &event)
{
    Json j;
    j["t_us"] = event.t;
    j["kind"] = traceKindName(event.kind);
    j["endpoint"] = sideName(event.side);
    j["event"] = event.eventId;
    j["conn"] = event.conn;

    switch (event.kind) {
    case TraceKind::UserCall:
        j["call"] = callName(event.call);
        j["ok"] = event.callOk;
        j["error"] = event.text;
        if (event.call == CallKind::Send) j["len"] = event.data.size();
        break;
    case TraceKind::SegmentSent:
        addSegment(j, event);
        j["arrival_us"] = event.arrival;
        if (event.keepAliveProbe) j["keepalive_probe"] = true;
        if (event.duplicateOf != 0) j["duplicate_of"] = event.duplicateOf;
        if (!event.text.empty()) j["note"] = event.text;
        break;
    case TraceKind::SegmentDelivered:
        addSegment(j, event);
        break;
    case TraceKind::SegmentDropped:
        addSegment(j, event);
        j["reason"] = event.text;
        break;
    case TraceKind::SegmentDiscarded:
        addSegment(j, event);
        j["reason"] = event.text;
        j["rfc"] = event.rfc;
        break;
    case TraceKind::StateChanged:
        j["from"] = stateName(event.from);
        j["to"] = stateName(event.to);
        j["transition"] = eventName(event.transition);
        j["cause"] = event.text;
        j["rfc"] = event.rfc;
        break;
    case TraceKind::TimerArmed:
        addTimer(j, event);
        j["duration_us"] = event.duration;
        break;
    case TraceKind::TimerCancelled:
    case TraceKind::TimerFired:
        addTimer(j, event);
        break;
    case TraceKind::DataDelivered:
        j["len"] = event.data.size();
        j["data"] = bytesAsLatin1Utf8(event.data);
        break;
    case TraceKind::ConnectionError:
        j["message"] = event.text;
        break;
    case TraceKind::Note:
        j["text"] = event.text;
        if (event.segmentId != 0) {
            j["id"] = event.segmentId;
            j["arrival_us"] = event.arrival;
        }
        break;
    }
    // Labels come from scenario files; replace rather than throw on bytes that are not UTF-8.
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void appendJsonLines(const Trace &trace, std::string &out, std::size_t from)
{
    for (std::size_t i = from; i < trace.size(); ++i) {
        out += traceEventToJson(trace[i]);
        out += '\n';
    }
}

std::string traceToJsonLines(const Trace &trace)
{
    std::string out;
    appendJsonLines(trace, out);
    return out;
}

} // namespace tcplab
