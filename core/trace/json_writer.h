#pragma once
// The trace as JSON lines: one JSON object per event, one event per line, fields documented in
// docs/trace-format.md. The core does no I/O: these return text that the caller writes.
#include "trace/trace.h"

#include <cstdint>
#include <span>
#include <string>

namespace tcplab {

// One event as a single-line JSON object, without the newline.
std::string traceEventToJson(const TraceEvent &event);
// Appends events [from, trace.size()) to `out`, each followed by '\n' (for streaming a growing trace).
void appendJsonLines(const Trace &trace, std::string &out, std::size_t from = 0);
// The whole trace as JSON lines.
std::string traceToJsonLines(const Trace &trace);

// Bytes as a JSON-safe string: each byte becomes the code point of the same value (Latin-1), so the bytes
// are recovered exactly by taking each decoded character's code point.
std::string bytesAsLatin1Utf8(std::span<const std::uint8_t> bytes);

} // namespace tcplab
