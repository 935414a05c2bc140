#pragma once
// The session as a Mermaid sequence diagram (https://mermaid.js.org/syntax/sequenceDiagram.html), text that
// a teacher pastes into notes or a wiki: one message per SegmentSent event, in trace order, a lost segment
// ending in a cross (-x), and each state change as a note over its side. The core does no I/O: the caller
// writes the text.
#include "trace/trace.h"

#include <string>

namespace tcplab {

// "SYN seq=1000", "SYN|ACK seq=5000 ack=1001", "ACK seq=1001 ack=5001 len=5": the text of a segment on its
// arrow, as the UI writes it (ack only with ACK, len only with data). Shared with the PlantUML writer.
std::string segmentArrowText(const Segment &segment);
// "Client" / "Server": the participants' names in both text formats.
std::string participantName(Side side);

std::string traceToMermaid(const Trace &trace);

} // namespace tcplab
