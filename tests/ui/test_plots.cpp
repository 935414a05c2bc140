// The plots read the trace: the Stevens graph has one point per data segment sent, retransmissions in their
// own graph; the state timeline has one bar per stretch of time in one state.
#include "ui/plots/http_chart.h"
#include "ui/plots/state_timeline_plot.h"
#include "ui/plots/stevens_plot.h"
#include "ui/session_controller.h"

#include <QTableWidget>
#include <QtTest>
#include <qcustomplot.h>

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
    void stateTimelinePlacesItsLabelsAgainWhenResized()
    {
        // A state's name is written in its bar only where it fits: a narrow plot names fewer bars, and
        // widening it names more, without another trace change.
        SessionController controller(defaultScenario());
        StateTimelinePlot plot(controller);
        controller.jumpToEnd();
        plot.resize(360, 220);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        const int narrow = plot.labelCount();
        plot.resize(1800, 220);
        QCoreApplication::processEvents();
        const int wide = plot.labelCount();
        QVERIFY2(wide > narrow,
                 qPrintable(QStringLiteral("%1 labels narrow, %2 wide").arg(narrow).arg(wide)));
        plot.resize(360, 220);
        QCoreApplication::processEvents();
        QCOMPARE(plot.labelCount(), narrow);
    }

    // Lesson 12: three graphs of N points; HTTP/1.0 pays a handshake per object and is slowest for N > 1;
    // the table shows measureHttp of the same simulation.
    void httpChartComparesTheThreeModes()
    {
        HttpChart chart;
        QCOMPARE(chart.plot()->graphCount(), 3);
        for (int g = 0; g < 3; ++g)
            QCOMPARE(chart.plot()->graph(g)->dataCount(), HttpChart::kMaxObjects);
        for (int n = 2; n <= HttpChart::kMaxObjects; ++n) {
            QVERIFY(chart.plottedTotalMs(HttpMode::Http10, n) > chart.plottedTotalMs(HttpMode::Http11, n));
            QVERIFY(chart.plottedTotalMs(HttpMode::Http11, n) >
                    chart.plottedTotalMs(HttpMode::Http11Pipelined, n));
        }
        chart.setObjects(4);
        Session session(httpScenario(HttpMode::Http10, 4));
        session.runToEnd();
        const HttpMetrics metrics = measureHttp(session.trace());
        QCOMPARE(chart.table()->item(0, 0)->text(), QString::number(metrics.roundTrips));
        QCOMPARE(chart.table()->item(0, 1)->text(), QString::number(4));
        QCOMPARE(chart.table()->item(0, 2)->text(), QString::number(metrics.timeWaitSockets()));
        QCOMPARE(chart.table()->item(1, 1)->text(), QString::number(1));
    }
};

QTEST_MAIN(TestPlots)
#include "test_plots.moc"
