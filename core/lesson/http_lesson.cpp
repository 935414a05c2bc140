#include "lesson/http_lesson.h"

#include <algorithm>
#include <map>
#include <string>

namespace tcplab {

namespace {

std::vector<std::uint8_t> request(HttpMode mode, int object)
{
    const std::string text = "GET /" + std::to_string(object) +
                             (mode == HttpMode::Http10 ? " HTTP/1.0\r\n\r\n" : " HTTP/1.1\r\n\r\n");
    return {text.begin(), text.end()};
}

std::vector<std::uint8_t> response()
{
    std::vector<std::uint8_t> body(kHttpResponseBytes);
    for (std::size_t i = 0; i < body.size(); ++i)
        body[i] = static_cast<std::uint8_t>('a' + i % 26);
    return body;
}

ScheduledCall at(TimeUs t, Side side, CallKind kind, int conn, std::vector<std::uint8_t> data = {})
{
    ScheduledCall call;
    call.at = t;
    call.side = side;
    call.call = kind;
    call.conn = conn;
    call.data = std::move(data);
    return call;
}

// A call made when `watched` of connection `watchConn` enters `state`, or has received `bytes`.
ScheduledCall when(Side watched, int watchConn, std::optional<TcpState> state, std::size_t bytes, Side side,
                   CallKind kind, int conn, std::vector<std::uint8_t> data = {})
{
    ScheduledCall call = at(0, side, kind, conn, std::move(data));
    call.trigger = CallTrigger{watched, watchConn, state, bytes, 0};
    return call;
}

} // namespace

Scenario httpScenario(HttpMode mode, int objects)
{
    objects = std::clamp(objects, 1, 64);
    Scenario scenario;
    scenario.name = mode == HttpMode::Http10   ? "http-1.0"
                    : mode == HttpMode::Http11 ? "http-1.1"
                                               : "http-1.1-pipelined";
    applyProfile(scenario, Profile::Teaching);
    const bool perObject = mode == HttpMode::Http10;
    scenario.connections = perObject ? objects : 1;
    auto &calls = scenario.calls;
    for (int conn = 0; conn < scenario.connections; ++conn)
        calls.push_back(at(0, Side::Server, CallKind::Listen, conn));
    calls.push_back(at(10 * kMillisecond, Side::Client, CallKind::Connect, 0));

    const std::size_t responseBytes = response().size();
    std::size_t requested = 0; // bytes of requests the server has to have received, per connection
    for (int object = 1; object <= objects; ++object) {
        const int conn = perObject ? object - 1 : 0;
        if (perObject) requested = 0;
        const std::vector<std::uint8_t> get = request(mode, object);
        requested += get.size();
        const std::size_t answered =
            perObject ? responseBytes : responseBytes * static_cast<std::size_t>(object);
        // The client asks: on connecting (HTTP/1.0, the first request, and every pipelined one) or when the
        // previous response is complete (HTTP/1.1 without pipelining).
        if (perObject || object == 1 || mode == HttpMode::Http11Pipelined)
            calls.push_back(
                when(Side::Client, conn, TcpState::Established, 0, Side::Client, CallKind::Send, conn, get));
        else
            calls.push_back(when(Side::Client, conn, std::nullopt, answered - responseBytes, Side::Client,
                                 CallKind::Send, conn, get));
        // The server answers when the whole request is in.
        calls.push_back(when(Side::Server, conn, std::nullopt, requested, Side::Server, CallKind::Send, conn,
                             response()));
        if (perObject) {
            // HTTP/1.0: the server closes after the reply; the client closes when it sees the FIN, and the
            // next object's connection opens once this response is complete.
            calls.push_back(
                when(Side::Server, conn, std::nullopt, requested, Side::Server, CallKind::Close, conn));
            calls.push_back(
                when(Side::Client, conn, TcpState::CloseWait, 0, Side::Client, CallKind::Close, conn));
            if (object < objects)
                calls.push_back(when(Side::Client, conn, std::nullopt, responseBytes, Side::Client,
                                     CallKind::Connect, conn + 1));
        }
    }
    if (!perObject) {
        // The page is complete: the client closes the persistent connection, the server follows.
        calls.push_back(when(Side::Client, 0, std::nullopt, responseBytes * static_cast<std::size_t>(objects),
                             Side::Client, CallKind::Close, 0));
        calls.push_back(when(Side::Server, 0, TcpState::CloseWait, 0, Side::Server, CallKind::Close, 0));
    }
    return scenario;
}

HttpMetrics measureHttp(const Trace &trace)
{
    HttpMetrics metrics;
    std::optional<TimeUs> start;
    TimeUs lastByte = 0;
    // Per connection: has the client received data since its last request segment? A request sent after
    // an answer (or the first on a connection) starts a new round; requests sent back to back share one.
    std::map<int, bool> answered;
    for (const TraceEvent &e : trace.events()) {
        switch (e.kind) {
        case TraceKind::UserCall:
            if (e.side == Side::Client && e.call == CallKind::Connect && !start) start = e.t;
            break;
        case TraceKind::SegmentSent:
            ++metrics.segments;
            if (e.side != Side::Client || e.retransmission || e.duplicateOf != 0) break;
            if (e.segment.has(kSyn) && !e.segment.has(kAck)) {
                ++metrics.connectionsOpened;
                ++metrics.roundTrips;
                answered[e.conn] = true;
            } else if (!e.segment.payload.empty() && answered[e.conn]) {
                ++metrics.roundTrips;
                answered[e.conn] = false;
            }
            break;
        case TraceKind::DataDelivered:
            if (e.side == Side::Client) {
                answered[e.conn] = true;
                lastByte = e.t;
            }
            break;
        case TraceKind::StateChanged:
            if (e.to == TcpState::TimeWait)
                ++(e.side == Side::Client ? metrics.timeWaitClient : metrics.timeWaitServer);
            break;
        default:
            break;
        }
    }
    metrics.totalTime = start ? lastByte - *start : 0;
    return metrics;
}

} // namespace tcplab
