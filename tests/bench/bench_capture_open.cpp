// File ▸ Open capture on a capture of 100,000 packets, as the window does it (target: under a second in
// all): reading the file, listing its TCP connections, decoding the connection, replaying it through the
// core to reconstruct both ends' states, building the trace and the segment list, and loading the trace
// into the views (the session controller, the sequence diagram's model, the state diagram) until the
// window has painted once. Each stage is also measured alone, so a slow one can be found.
//
// The capture is one connection on Ethernet, as tcpdump on a real interface writes it: a handshake, the
// client sending 100-byte segments that the server acknowledges one by one, and a close.
#include "trace/pcap_writer.h"
#include "ui/capture_document.h"
#include "ui/capture_segment_list.h"
#include "ui/capture_ui.h"
#include "ui/main_window.h"
#include "ui/session_controller.h"
#include "ui/window_assembly.h"

#include <QApplication>
#include <QFile>
#include <QPixmap>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

namespace tcplab {
namespace {

constexpr int kPackets = 100'000;

Segment segment(std::uint16_t src, std::uint16_t dst, std::uint32_t seq, std::uint32_t ack,
                std::uint8_t flags, std::size_t payload = 0)
{
    Segment s;
    s.srcPort = src;
    s.dstPort = dst;
    s.seq = seq;
    s.ack = ack;
    s.flags = flags;
    s.window = 65535;
    if ((flags & kSyn) != 0) s.mss = 1460;
    s.payload.assign(payload, 'x');
    return s;
}

std::vector<std::uint8_t> capture100k()
{
    PcapWriter writer(PcapLinkType::Ethernet);
    TimeUs t = 1'700'000'000LL * kSecond;
    auto add = [&](const Segment &s) { writer.addSegment(t += 20, s); };
    add(segment(40000, 80, 1000, 0, kSyn));
    add(segment(80, 40000, 5000, 1001, kSyn | kAck));
    add(segment(40000, 80, 1001, 5001, kAck));
    std::uint32_t seq = 1001;
    const int exchanges = (kPackets - 6) / 2; // 3 + 2 × exchanges + 3 = 100,000
    for (int i = 0; i < exchanges; ++i) {
        add(segment(40000, 80, seq, 5001, kAck | kPsh, 100));
        seq += 100;
        add(segment(80, 40000, 5001, seq, kAck));
    }
    add(segment(40000, 80, seq, 5001, kFin | kAck));
    add(segment(80, 40000, 5001, seq + 1, kFin | kAck));
    add(segment(40000, 80, seq + 1, 5002, kAck));
    return writer.takeBytes();
}

// The capture written once to a file, as the user opens it.
const QString &capturePath()
{
    static QTemporaryDir dir;
    static const QString path = [] {
        const QString file = dir.filePath(QStringLiteral("100k.pcap"));
        const std::vector<std::uint8_t> bytes = capture100k();
        QFile out(file);
        if (out.open(QIODevice::WriteOnly))
            out.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size()));
        return file;
    }();
    return path;
}

// Reading the file, its record headers and its connections.
void BM_CaptureFileLoad100k(benchmark::State &state)
{
    for (auto _ : state) {
        const ui::CaptureFile file = ui::CaptureFile::load(capturePath());
        if (file.capture().packets.size() != kPackets || file.conversations().size() != 1)
            state.SkipWithError("the capture did not read as 100,000 packets of one connection");
        benchmark::DoNotOptimize(file.conversations().data());
    }
    state.SetItemsProcessed(state.iterations() * kPackets);
}
BENCHMARK(BM_CaptureFileLoad100k)->Unit(benchmark::kMillisecond);

// Decoding the connection, replaying it through the core and building the trace and rows.
void BM_OpenConversation100k(benchmark::State &state)
{
    const ui::CaptureFile file = ui::CaptureFile::load(capturePath());
    for (auto _ : state) {
        const ui::OpenedConversation opened = ui::openConversation(file, 0);
        if (opened.rows.size() != kPackets || !opened.replay.replayed)
            state.SkipWithError("the connection did not replay");
        benchmark::DoNotOptimize(opened.trace.events().data());
    }
    state.SetItemsProcessed(state.iterations() * kPackets);
}
BENCHMARK(BM_OpenConversation100k)->Unit(benchmark::kMillisecond);

// The segment list's rows (one per segment, eleven columns).
void BM_SegmentList100k(benchmark::State &state)
{
    const ui::CaptureFile file = ui::CaptureFile::load(capturePath());
    const ui::OpenedConversation opened = ui::openConversation(file, 0);
    ui::SessionController controller(defaultScenario());
    ui::CaptureSegmentList list(controller);
    for (auto _ : state) {
        list.setConversation(file.fileName(), opened);
        benchmark::DoNotOptimize(list.tree());
    }
    state.SetItemsProcessed(state.iterations() * kPackets);
}
BENCHMARK(BM_SegmentList100k)->Unit(benchmark::kMillisecond);

// The recorded trace loaded into the assembled window's views (without the segment list), painted once.
void BM_ViewsLoadTrace100k(benchmark::State &state)
{
    const ui::CaptureFile file = ui::CaptureFile::load(capturePath());
    const ui::OpenedConversation opened = ui::openConversation(file, 0);
    ui::SessionController controller(defaultScenario());
    ui::MainWindow window(controller);
    ui::assembleMainWindow(window, controller);
    window.resize(1600, 1000);
    window.show();
    for (auto _ : state) {
        controller.loadRecordedTrace(opened.trace, opened.scenario);
        QApplication::processEvents();
        const QPixmap frame = window.grab();
        benchmark::DoNotOptimize(frame.cacheKey());
        state.PauseTiming();
        controller.loadScenario(defaultScenario());
        QApplication::processEvents();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * kPackets);
}
BENCHMARK(BM_ViewsLoadTrace100k)->Unit(benchmark::kMillisecond)->Iterations(3);

// The whole action in the assembled window: open, load into every view, paint the window once.
void BM_OpenCaptureInWindow100k(benchmark::State &state)
{
    ui::SessionController controller(defaultScenario());
    ui::MainWindow window(controller);
    ui::assembleMainWindow(window, controller);
    window.resize(1600, 1000);
    window.show();
    auto *captureUi = window.findChild<ui::CaptureUi *>();
    captureUi->setInteractive(false);
    for (auto _ : state) {
        if (!captureUi->openFile(capturePath(), 0)) state.SkipWithError("the capture did not open");
        QApplication::processEvents();
        const QPixmap frame = window.grab();
        benchmark::DoNotOptimize(frame.cacheKey());
        state.PauseTiming();
        controller.loadScenario(defaultScenario()); // back to a simulation, as before the next open
        QApplication::processEvents();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * kPackets);
}
BENCHMARK(BM_OpenCaptureInWindow100k)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace
} // namespace tcplab

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // The recent-files list is written to settings: keep the user's own out of the benchmark's reach.
    QTemporaryDir settings;
    qputenv("XDG_CONFIG_HOME", settings.path().toUtf8());
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
