// The simulator's throughput: complete connection lifecycles through Session, trace recorded. One lifecycle
// is a three-way handshake, ten full-sized data segments (each acknowledged), the four-way close and the
// TIME_WAIT expiry, so about 30 segments and 150 trace events. Target: 100,000 lifecycles/s on one core.
#include "sim/session.h"
#include "trace/json_writer.h"

#include <benchmark/benchmark.h>

namespace tcplab {
namespace {

constexpr int kDataSegments = 10;

ScheduledCall at(TimeUs t, Side side, CallKind call, int conn = 0, std::vector<std::uint8_t> data = {})
{
    ScheduledCall c;
    c.at = t;
    c.side = side;
    c.call = call;
    c.conn = conn;
    c.data = std::move(data);
    return c;
}

// `pairs` connection pairs, each living the whole lifecycle at the same virtual times.
Scenario lifecycles(int pairs)
{
    Scenario scenario;
    applyProfile(scenario, Profile::Teaching);
    scenario.connections = pairs;
    // One SEND of ten MSS-sized segments: no congestion control, and the window takes them all at once.
    const std::vector<std::uint8_t> data(static_cast<std::size_t>(kDataSegments) * scenario.client.mss, 'x');
    for (int conn = 0; conn < pairs; ++conn) {
        scenario.calls.push_back(at(0, Side::Server, CallKind::Listen, conn));
        scenario.calls.push_back(at(10 * kMillisecond, Side::Client, CallKind::Connect, conn));
        scenario.calls.push_back(at(200 * kMillisecond, Side::Client, CallKind::Send, conn, data));
        scenario.calls.push_back(at(600 * kMillisecond, Side::Client, CallKind::Close, conn));
        scenario.calls.push_back(at(900 * kMillisecond, Side::Server, CallKind::Close, conn));
    }
    return scenario;
}

bool lifecycleComplete(const Session &session)
{
    for (int conn = 0; conn < session.connectionCount(); ++conn)
        if (session.endpoint(Side::Client, conn).state() != TcpState::Closed ||
            session.endpoint(Side::Server, conn).state() != TcpState::Closed)
            return false;
    return session.finished();
}

// One Session per lifecycle: what a class running the default lesson costs, setup included.
void BM_LifecycleOneSessionEach(benchmark::State &state)
{
    const Scenario scenario = lifecycles(1);
    std::size_t events = 0;
    for (auto _ : state) {
        Session session(scenario);
        session.runToEnd();
        events += session.trace().size();
        benchmark::DoNotOptimize(session.trace().events().data());
        if (!lifecycleComplete(session)) state.SkipWithError("the lifecycle did not complete");
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.counters["events_per_lifecycle"] =
        benchmark::Counter(static_cast<double>(events) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_LifecycleOneSessionEach);

// Many pairs in one Session (the HTTP/1.0 lesson's shape): the event queue holds them all at once.
void BM_LifecyclesManyPairsOneSession(benchmark::State &state)
{
    const int pairs = static_cast<int>(state.range(0));
    const Scenario scenario = lifecycles(pairs);
    for (auto _ : state) {
        Session session(scenario);
        session.runToEnd();
        benchmark::DoNotOptimize(session.trace().events().data());
        if (!lifecycleComplete(session)) state.SkipWithError("a lifecycle did not complete");
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * pairs);
}
BENCHMARK(BM_LifecyclesManyPairsOneSession)->Arg(100);

// Exporting one lifecycle's trace as JSON lines (not part of the target; shows what the CLI adds).
void BM_LifecycleTraceToJsonLines(benchmark::State &state)
{
    Session session(lifecycles(1));
    session.runToEnd();
    for (auto _ : state) {
        std::string lines = traceToJsonLines(session.trace());
        benchmark::DoNotOptimize(lines.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_LifecycleTraceToJsonLines);

} // namespace
} // namespace tcplab

BENCHMARK_MAIN();
