// The plots read the trace: the Stevens graph has one point per data segment sent, retransmissions in their
// own graph; the state timeline has one bar per stretch of time in one state.
#include "ui/plots/state_timeline_plot.h"
#include "ui/plots/stevens_plot.h"
#include "ui/session_controller.h"

#include <QtTest>

#include <set>

using namespace tcplab;
using namespace tcplab::ui;

class TestPlots : public QObject {
    Q_OBJECT

private slots:
    void stevensHasOnePointPerDataSegment()
    {
        Scenario scenario = defaultScenario();
        // Lose the client's first data segment so that it is sent again.
        LinkRule drop;
        drop.from = Side::Client;
        drop.flagsMask = kPsh;
        drop.flagsValue = kPsh;
        drop.count = 1;
        scenario.link.rules.push_back(drop);
        SessionController controller(scenario);
        StevensPlot plot(controller);
        controller.jumpToEnd();
        int first[2] = {0, 0}, again[2] = {0, 0};
        for (const TraceEvent &event : controller.trace().events()) {
            if (event.kind != TraceKind::SegmentSent || event.segment.payload.empty()) continue;
            (event.retransmission ? again : first)[event.side == Side::Client ? 0 : 1]++;
        }
        QVERIFY(first[0] > 0);
        QCOMPARE(plot.dataGraph(Side::Client)->dataCount(), first[0]);
        QCOMPARE(plot.dataGraph(Side::Server)->dataCount(), first[1]);
        QCOMPARE(plot.retransmissionGraph(Side::Client)->dataCount(), again[0]);
        QCOMPARE(plot.retransmissionGraph(Side::Server)->dataCount(), again[1]);
    }

    void stateTimelineHasOneBarPerStretch()
    {
        SessionController controller(defaultScenario());
        StateTimelinePlot plot(controller);
        controller.jumpToEnd();
        // Each state change opens a stretch; a change after time 0 also closes the initial one.
        int expected = 0;
        std::set<std::pair<int, int>> seen;
        for (const TraceEvent &event : controller.trace().events()) {
            if (event.kind != TraceKind::StateChanged) continue;
            ++expected;
            if (seen.insert({int(event.side), event.conn}).second && event.t > 0) ++expected;
        }
        QCOMPARE(plot.barCount(), expected);
        QVERIFY(plot.itemCount() >= expected); // a bar each, and a label where it fits
    }
};

QTEST_MAIN(TestPlots)
#include "test_plots.moc"
