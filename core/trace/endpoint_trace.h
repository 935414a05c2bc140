#pragma once
// The one conversion of what a Connection reports (tcp/endpoint_event.h) into a trace event, shared by
// every driver (simulator, loopback, TUN) so that the same protocol fact reads the same in every trace.
#include "tcp/endpoint_event.h"
#include "trace/trace.h"

namespace tcplab {

// Sets event.kind and the fields that `endpointEvent` carries. It leaves what only the driver knows
// (time, side, connection, the id of the segment being handled, a timer's deadline when it is cancelled
// or fires) for the driver to fill in.
void fillTraceEvent(TraceEvent &event, const EndpointEvent &endpointEvent);

} // namespace tcplab
