#pragma once
// The session as a PlantUML sequence diagram (https://plantuml.com/sequence-diagram): the same content as
// the Mermaid text — one message per SegmentSent event, a lost one ending in a cross (->x), a note per
// state change — for teachers whose slides are built with PlantUML.
#include "trace/trace.h"

#include <string>

namespace tcplab {

std::string traceToPlantUml(const Trace &trace);

} // namespace tcplab
