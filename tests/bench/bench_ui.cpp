// The teaching view's speed, offscreen: drawing the sequence diagram at 1920×1080 with 10,000 segments
// (target: at most 8 ms a frame), and stepping back one event in a 10,000-event session, which replays the
// session from the start and rebuilds the diagram's model (target: at most 16 ms, one frame at 60 Hz).
// The long session is one connection carrying many small requests, each acknowledged: a segment and an
// ACK every few milliseconds, the arrows sorted by time as in any trace.
#include "ui/sequence_diagram.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"

#include <QApplication>
#include <QPixmap>

#include <benchmark/benchmark.h>

#include <cstdlib>

namespace tcplab {
namespace {

ScheduledCall at(TimeUs t, Side side, CallKind call, std::vector<std::uint8_t> data = {})
{
    ScheduledCall c;
    c.at = t;
    c.side = side;
    c.call = call;
    c.data = std::move(data);
    return c;
}

// A connection over which the client sends `requests` small requests, 4 ms apart, the server reading them
// now and then so that its window never closes.
Scenario manyRequests(int requests)
{
    Scenario scenario = defaultScenario();
    scenario.calls = {at(0, Side::Server, CallKind::Listen),
                      at(10 * kMillisecond, Side::Client, CallKind::Connect)};
    const TimeUs start = 200 * kMillisecond;
    for (int i = 0; i < requests; ++i) {
        const TimeUs t = start + i * 4 * kMillisecond;
        scenario.calls.push_back(at(t, Side::Client, CallKind::Send, std::vector<std::uint8_t>(8, 'x')));
        if (i % 100 == 99) {
            ScheduledCall read = at(t + 2 * kMillisecond, Side::Server, CallKind::Receive);
            read.receiveBytes = 1 << 20;
            scenario.calls.push_back(read);
        }
    }
    scenario.endAt = start + requests * 4 * kMillisecond + 10 * kSecond;
    return scenario;
}

std::size_t countSegments(const Trace &trace)
{
    std::size_t n = 0;
    for (const TraceEvent &event : trace.events())
        n += event.kind == TraceKind::SegmentSent;
    return n;
}

// A frame as the window shows it: the view follows the current time at a readable scale, so it draws the
// arrows near now out of the 10,000.
void BM_DrawDiagramFollowing(benchmark::State &state)
{
    ui::SessionController controller(manyRequests(int(state.range(0))));
    controller.jumpToEnd();
    ui::SequenceView view(controller);
    view.resize(1920, 1080);
    view.replot();
    // Where the window stands while a long session plays: in its middle, at the readable scale.
    const double middle = double(controller.endTime()) / kMillisecond / 2;
    view.yAxis->setRange(middle, middle + view.yAxis->range().size());
    for (auto _ : state) {
        const QPixmap frame = view.toPixmap(1920, 1080);
        benchmark::DoNotOptimize(frame.cacheKey());
    }
    state.counters["segments"] = double(countSegments(controller.trace()));
    state.counters["arrows_drawn"] = view.diagram().drawnArrowCount();
    state.counters["labels_drawn"] = view.diagram().drawnLabelCount();
}
BENCHMARK(BM_DrawDiagramFollowing)->Arg(5000)->Unit(benchmark::kMillisecond);

// The floor under the frames above: the same view with the diagram hidden (paper, axis, grid and headers).
void BM_DrawEmptyView(benchmark::State &state)
{
    ui::SessionController controller(manyRequests(int(state.range(0))));
    controller.jumpToEnd();
    ui::SequenceView view(controller);
    view.resize(1920, 1080);
    view.replot();
    view.diagram().setVisible(false);
    for (auto _ : state) {
        const QPixmap frame = view.toPixmap(1920, 1080);
        benchmark::DoNotOptimize(frame.cacheKey());
    }
}
BENCHMARK(BM_DrawEmptyView)->Arg(5000)->Unit(benchmark::kMillisecond);

// The worst case: the user zoomed out over the whole session, every arrow on screen at once (too dense
// for labels, which are then left out).
void BM_DrawDiagramWholeSession(benchmark::State &state)
{
    ui::SessionController controller(manyRequests(int(state.range(0))));
    controller.jumpToEnd();
    ui::SequenceView view(controller);
    view.resize(1920, 1080);
    view.yAxis->setRange(0.0, double(controller.endTime()) / kMillisecond);
    for (auto _ : state) {
        const QPixmap frame = view.toPixmap(1920, 1080);
        benchmark::DoNotOptimize(frame.cacheKey());
    }
    state.counters["segments"] = double(countSegments(controller.trace()));
    state.counters["arrows_drawn"] = view.diagram().drawnArrowCount();
}
BENCHMARK(BM_DrawDiagramWholeSession)->Arg(5000)->Unit(benchmark::kMillisecond);

// One step back at the end of a session of about 10,000 trace events, with the diagram listening: a
// replay of the session and a rebuilt model. The step forward that restores the position is not timed.
void BM_StepBack(benchmark::State &state)
{
    ui::SessionController controller(manyRequests(int(state.range(0))));
    controller.jumpToEnd();
    ui::SequenceView view(controller);
    view.resize(1920, 1080);
    for (auto _ : state) {
        controller.stepBackward();
        state.PauseTiming();
        controller.stepForward();
        state.ResumeTiming();
    }
    state.counters["events"] = double(controller.trace().size());
}
BENCHMARK(BM_StepBack)->Arg(1400)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace tcplab

int main(int argc, char **argv)
{
    // No display needed: the benchmark draws offscreen unless told otherwise.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
