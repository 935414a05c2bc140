// The main window as a user meets it: it opens with the diagram in the centre; the diagram has one arrow per
// segment of the trace, labelled from the trace; Space plays and pauses; Right/Left move to the next/previous
// event time exactly; Home/End; a click on a segment in flight drops it.
#include "tcp/segment.h"
#include "ui/main_window.h"
#include "ui/sequence_diagram.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"
#include "ui/state_diagram_widget.h"
#include "ui/window_assembly.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

#include <algorithm>

using namespace tcplab;
using namespace tcplab::ui;

namespace {

// The label a segment must carry, written here from the trace's segment on its own terms.
QString expectedLabel(const Segment &segment)
{
    QStringList parts;
    if (segment.flags != 0) parts << QString::fromStdString(flagsToString(segment.flags));
    parts << QStringLiteral("seq=") + QString::number(segment.seq);
    if (segment.flags & kAck) parts << QStringLiteral("ack=") + QString::number(segment.ack);
    if (!segment.payload.empty()) parts << QStringLiteral("len=") + QString::number(segment.payload.size());
    return parts.join(QLatin1Char(' '));
}

std::vector<const TraceEvent *> segmentsSent(const Trace &trace)
{
    std::vector<const TraceEvent *> sent;
    for (const TraceEvent &event : trace.events())
        if (event.kind == TraceKind::SegmentSent) sent.push_back(&event);
    return sent;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    void openWindow(MainWindow &window)
    {
        window.resize(1600, 1000);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(QTest::qWaitForWindowActive(&window));
    }

private slots:
    void windowOpensWithTheDiagramInTheCentre()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        QVERIFY(window.isVisible());
        QVERIFY(!window.windowTitle().isEmpty());
        QCOMPARE(window.centralWidget(), static_cast<QWidget *>(&window.sequenceView()));
        QVERIFY(window.timeLabel()->text().contains(QStringLiteral("0 ms")));
    }

    void diagramHasOneArrowPerSegmentWithTheTracesLabel()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        controller.jumpToEnd();
        const auto sent = segmentsSent(controller.trace());
        QVERIFY(sent.size() >= 7); // three-way handshake, some data, four-way close
        const SequenceModel &model = window.sequenceView().diagram().model();
        QCOMPARE(model.arrows.size(), sent.size());
        for (std::size_t i = 0; i < sent.size(); ++i) {
            QCOMPARE(model.arrows[i].segmentId, sent[i]->segmentId);
            QCOMPARE(model.arrows[i].label, expectedLabel(sent[i]->segment));
            QCOMPARE(model.arrows[i].sentAt, sent[i]->t);
            QVERIFY(model.arrows[i].from == sent[i]->side);
        }
        // Every state the trace reports is marked on its lifeline.
        const auto changes =
            std::count_if(controller.trace().events().begin(), controller.trace().events().end(),
                          [](const TraceEvent &e) { return e.kind == TraceKind::StateChanged; });
        QCOMPARE(qsizetype(model.marks.size()), qsizetype(changes));
    }

    void spaceTogglesPlay()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        QVERIFY(!controller.isPlaying());
        const QString playText = window.playAction()->text();
        QTest::keyClick(&window, Qt::Key_Space);
        QVERIFY(controller.isPlaying());
        QVERIFY(window.playAction()->text() != playText);
        QTest::keyClick(&window, Qt::Key_Space);
        QVERIFY(!controller.isPlaying());
        QCOMPARE(window.playAction()->text(), playText);
    }

    void rightAndLeftStepToTheNextAndPreviousEventTime()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        std::vector<TimeUs> visited{controller.currentTime()};
        for (int i = 0; i < 5; ++i) {
            const TimeUs before = controller.currentTime();
            QTest::keyClick(&window, Qt::Key_Right);
            TimeUs expected = -1;
            for (const TraceEvent &event : controller.trace().events())
                if (event.t > before) {
                    expected = event.t;
                    break;
                }
            QCOMPARE(controller.currentTime(), expected);
            visited.push_back(expected);
        }
        for (int i = 4; i >= 0; --i) {
            QTest::keyClick(&window, Qt::Key_Left);
            QCOMPARE(controller.currentTime(), visited[std::size_t(i)]);
        }
    }

    void homeAndEndJumpToTheEnds()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        QTest::keyClick(&window, Qt::Key_End);
        QCOMPARE(controller.currentTime(), controller.endTime());
        QTest::keyClick(&window, Qt::Key_Home);
        QCOMPARE(controller.currentTime(), TimeUs(0));
    }

    void clickOnASegmentInFlightDropsIt()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        SequenceView &view = window.sequenceView();
        std::optional<std::uint64_t> id;
        for (TimeUs t = 1; t < controller.endTime() && !id; t += kMillisecond) {
            controller.seek(t);
            const auto flying = controller.session().inFlight();
            if (!flying.empty()) id = flying.front().segmentId;
        }
        QVERIFY(id);
        view.replot(QCustomPlot::rpImmediateRefresh);
        const auto packet = view.diagram().packetPixel(*id);
        QVERIFY(packet);
        QCOMPARE(view.diagram().segmentAt(*packet), id);
        QTest::mouseClick(&view, Qt::LeftButton, {}, packet->toPoint());
        const auto dropped = std::find_if(
            controller.trace().events().begin(), controller.trace().events().end(),
            [&](const TraceEvent &e) { return e.kind == TraceKind::SegmentDropped && e.segmentId == *id; });
        QVERIFY(dropped != controller.trace().events().end());
        // The diagram shows it lost.
        const SequenceArrow *arrow = view.diagram().model().arrow(*id);
        QVERIFY(arrow);
        QVERIFY(arrow->fate == SequenceArrow::Fate::Dropped);
        // And selects it, for the packet inspector.
        QCOMPARE(controller.selectedSegment(), *id);
    }

    void clickOnAnInFlightSynLosesItAndTheRtoRetransmitsIt_rfc6298()
    {
        // Only the handshake: nobody closes, so the client's RTO runs out.
        Scenario scenario = defaultScenario();
        scenario.calls.resize(2);
        SessionController controller(scenario);
        MainWindow window(controller);
        openWindow(window);
        SequenceView &view = window.sequenceView();
        controller.stepForward(); // LISTEN, then CONNECT sends the SYN
        while (controller.session().inFlight().empty())
            controller.stepForward();
        const InFlight syn = controller.session().inFlight().front();
        QVERIFY(syn.segment.flags & kSyn);
        controller.seek(syn.sentAt + (syn.arrival - syn.sentAt) / 2);
        view.replot(QCustomPlot::rpImmediateRefresh);
        const auto packet = view.diagram().packetPixel(syn.segmentId);
        QVERIFY(packet);
        QTest::mouseClick(&view, Qt::LeftButton, {}, packet->toPoint());
        QVERIFY(view.diagram().model().arrow(syn.segmentId)->fate == SequenceArrow::Fate::Dropped);

        controller.seek(syn.sentAt + 3 * kSecond);
        const TraceEvent *armed = nullptr, *again = nullptr;
        for (const TraceEvent &event : controller.trace().events()) {
            if (!armed && event.kind == TraceKind::TimerArmed && event.timer == TimerKind::Retransmission &&
                event.side == Side::Client)
                armed = &event;
            if (!again && event.kind == TraceKind::SegmentSent && event.retransmission) again = &event;
        }
        QVERIFY(armed && again);
        QCOMPARE(again->side, Side::Client);
        QCOMPARE(again->segment.seq, syn.segment.seq);
        QVERIFY(again->segment.flags & kSyn);
        QCOMPARE(armed->duration, kSecond); // RFC 6298 §2.1: 1 s before any RTT is measured
        QCOMPARE(again->t, syn.sentAt + kSecond);
        // The diagram shows it as a retransmission.
        const SequenceArrow *arrow = view.diagram().model().arrow(again->segmentId);
        QVERIFY(arrow && arrow->retransmission);
    }

    void wholeWindowFitsA1280By800Screen()
    {
        // A laptop or classroom projector: the window with all its docks must not need more.
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        assembleMainWindow(window, controller);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QSize needed = window.minimumSizeHint().expandedTo(window.minimumSize());
        QVERIFY2(needed.width() <= 1280 && needed.height() <= 800,
                 qPrintable(QStringLiteral("needs %1x%2").arg(needed.width()).arg(needed.height())));
        QCOMPARE(window.size(), QSize(1280, 800));
    }

    void stateDiagramFollowsTheConnectionOfTheSelectedSegment()
    {
        // Two connection pairs, the second opened and closed like the first but 5 s later (HTTP/1.0 opens
        // one per object).
        Scenario scenario = defaultScenario();
        scenario.connections = 2;
        const std::vector<ScheduledCall> first = scenario.calls;
        for (ScheduledCall call : first) {
            call.conn = 1;
            call.at += 5 * kSecond;
            scenario.calls.push_back(call);
        }
        SessionController controller(scenario);
        MainWindow window(controller);
        assembleMainWindow(window, controller);
        openWindow(window);
        auto *diagram = window.findChild<StateDiagramWidget *>();
        QVERIFY(diagram);
        QCOMPARE(diagram->connection(), 0);
        controller.jumpToEnd();
        const TraceEvent *second = nullptr, *firstSyn = nullptr;
        for (const TraceEvent &event : controller.trace().events()) {
            if (event.kind != TraceKind::SegmentSent) continue;
            if (!firstSyn && event.conn == 0) firstSyn = &event;
            if (!second && event.conn == 1) second = &event;
        }
        QVERIFY(firstSyn && second);
        // The state diagram follows what the class is looking at: the selected segment's connection ...
        // (Ids and times are copied: going back replays the session into a new trace.)
        const TimeUs secondSentAt = second->t;
        const quint64 secondId = second->segmentId, firstId = firstSyn->segmentId;
        controller.seek(secondSentAt + kMillisecond);
        controller.selectSegment(firstId);
        QCOMPARE(diagram->connection(), 0);
        controller.selectSegment(secondId);
        QCOMPARE(diagram->connection(), 1);
        QCOMPARE(diagram->highlightedState(Side::Client), TcpState::SynSent);
        // ... and without a selection, the connection of the latest event.
        controller.selectSegment(0);
        controller.seek(5 * kSecond - kMillisecond); // the first has closed, the second not yet begun
        QCOMPARE(diagram->connection(), 0);
        controller.seek(secondSentAt);
        QCOMPARE(diagram->connection(), 1);
    }

    void clickOnAnyArrowSelectsIt()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        SequenceView &view = window.sequenceView();
        QSignalSpy selected(&view, &SequenceView::segmentSelected);
        controller.jumpToEnd();
        const SequenceArrow arrow = view.diagram().model().arrows.at(2);
        QVERIFY(arrow.fate == SequenceArrow::Fate::Delivered);
        // Just after it arrived, where the view (following the time) shows it whatever room the docks
        // leave; its middle is found through the view's own mapping once the layout has settled.
        controller.seek(arrow.endAt);
        QCoreApplication::processEvents();
        view.replot(QCustomPlot::rpImmediateRefresh);
        const QPointF middle = view.diagram().pixelAt((arrow.sentAt + arrow.endAt) / 2, arrow.from, 0.5);
        QVERIFY2(view.axisRect()->rect().contains(middle.toPoint()), "the arrow must be on screen");
        const std::size_t traceSize = controller.trace().size();
        QTest::mouseClick(&view, Qt::LeftButton, {}, middle.toPoint());
        QCOMPARE(controller.selectedSegment(), arrow.segmentId);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.first().first().toULongLong(), arrow.segmentId);
        QCOMPARE(view.diagram().selectedSegment(), arrow.segmentId);
        QCOMPARE(controller.trace().size(), traceSize); // selecting changes nothing in the session
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
