#include "trace/plantuml_writer.h"

#include "tcp/state.h"
#include "trace/mermaid_writer.h"

#include <unordered_set>

namespace tcplab {

std::string traceToPlantUml(const Trace &trace)
{
    // A message is written when it is sent, but whether it is lost is only known later in the trace.
    std::unordered_set<std::uint64_t> lost;
    for (const TraceEvent &event : trace.events())
        if (event.kind == TraceKind::SegmentDropped) lost.insert(event.segmentId);

    std::string out = "@startuml\nparticipant Client\nparticipant Server\n";
    for (const TraceEvent &event : trace.events()) {
        if (event.kind == TraceKind::SegmentSent) {
            const char *arrow = lost.contains(event.segmentId) ? " ->x " : " -> ";
            out += participantName(event.side) + arrow + participantName(peerOf(event.side)) + " : " +
                   segmentArrowText(event.segment) + "\n";
        } else if (event.kind == TraceKind::StateChanged) {
            out +=
                "note over " + participantName(event.side) + " : " + std::string(stateName(event.to)) + "\n";
        }
    }
    out += "@enduml\n";
    return out;
}

} // namespace tcplab
