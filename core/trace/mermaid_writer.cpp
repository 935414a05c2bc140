#include "trace/mermaid_writer.h"

#include "tcp/segment.h"
#include "tcp/state.h"

#include <unordered_set>

namespace tcplab {

std::string segmentArrowText(const Segment &segment)
{
    std::string text = flagsToString(segment.flags);
    if (!text.empty()) text += ' ';
    text += "seq=" + std::to_string(segment.seq);
    if (segment.has(kAck)) text += " ack=" + std::to_string(segment.ack);
    if (!segment.payload.empty()) text += " len=" + std::to_string(segment.payload.size());
    return text;
}

std::string participantName(Side side)
{
    return side == Side::Client ? "Client" : "Server";
}

std::string traceToMermaid(const Trace &trace)
{
    // A message is written when it is sent, but whether it is lost is only known later in the trace.
    std::unordered_set<std::uint64_t> lost;
    for (const TraceEvent &event : trace.events())
        if (event.kind == TraceKind::SegmentDropped) lost.insert(event.segmentId);

    std::string out = "sequenceDiagram\n    participant Client\n    participant Server\n";
    for (const TraceEvent &event : trace.events()) {
        if (event.kind == TraceKind::SegmentSent) {
            const char *arrow = lost.contains(event.segmentId) ? "-x" : "->>";
            out += "    " + participantName(event.side) + arrow + participantName(peerOf(event.side)) + ": " +
                   segmentArrowText(event.segment) + "\n";
        } else if (event.kind == TraceKind::StateChanged) {
            out += "    Note over " + participantName(event.side) + ": " + std::string(stateName(event.to)) +
                   "\n";
        }
    }
    return out;
}

} // namespace tcplab
