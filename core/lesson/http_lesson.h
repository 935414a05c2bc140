#pragma once
// HTTP/1.0 short connections against HTTP/1.1 persistent connections (and pipelining) for a page of N
// objects, built as scenarios whose applications react to the connection (request once ESTABLISHED, reply
// when the request is in, ...), and the numbers the lesson's chart and counters show, measured on a trace.
#include "sim/scenario.h"
#include "trace/trace.h"

namespace tcplab {

enum class HttpMode {
    Http10,          // one connection per object; the server closes after each reply (RFC 1945)
    Http11,          // one persistent connection; the next request after the previous response (RFC 9112)
    Http11Pipelined, // one connection; all requests at once, the responses in order (RFC 9112 §9.3.2)
};

// Bytes of each request and response in httpScenario.
inline constexpr std::size_t kHttpResponseBytes = 400; // fits one segment of the default MSS (536)

// A page of `objects` objects (1 to 64) fetched in `mode`, with the teaching profile and 50 ms delays.
Scenario httpScenario(HttpMode mode, int objects);

struct HttpMetrics {
    int roundTrips = 0;        // handshakes plus request rounds the client waited for
    int connectionsOpened = 0; // SYNs the client sent first (not retransmissions)
    int timeWaitClient = 0;    // TIME_WAIT states entered, per side: the side that closes first holds them
    int timeWaitServer = 0;
    int timeWaitSockets() const { return timeWaitClient + timeWaitServer; }
    TimeUs totalTime = 0; // from the client's first CONNECT to the last byte of the last response
    int segments = 0;     // segments sent by both sides
};

HttpMetrics measureHttp(const Trace &trace);

} // namespace tcplab
