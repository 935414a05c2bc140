// Playback and the view's controls as a user meets them: stepping back gives exactly the picture there was;
// the speed slider is logarithmic from 0.1× to 10×; the timeline has a mark per event and seeks; zoom and
// page keys leave "follow" mode and F brings it back; the right-click menu's drop, delay and duplicate
// become the session's intents and survive a step back; the relative-number switch rewrites the labels as
// trace numbers minus each side's ISN; and every TimerArmed of the trace has its bar.
#include "ui/main_window.h"
#include "ui/sequence_diagram.h"
#include "ui/sequence_timer_painter.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"
#include "ui/timeline_scrubber.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QSlider>
#include <QtTest>

#include <algorithm>
#include <map>

using namespace tcplab;
using namespace tcplab::ui;

namespace {

// Runs forward a millisecond at a time until some segment is half-way over the wire; its id.
std::optional<std::uint64_t> runToSegmentHalfWay(SessionController &controller)
{
    for (TimeUs t = controller.currentTime(); t <= controller.endTime(); t += kMillisecond) {
        controller.seek(t);
        for (const InFlight &flight : controller.session().inFlight()) {
            const TimeUs half = flight.sentAt + (flight.arrival - flight.sentAt) / 2;
            if (half >= t) {
                controller.seek(half);
                return flight.segmentId;
            }
        }
    }
    return std::nullopt;
}

const TraceEvent *findEvent(const Trace &trace, TraceKind kind, std::uint64_t segmentId)
{
    for (const TraceEvent &event : trace.events())
        if (event.kind == kind && event.segmentId == segmentId) return &event;
    return nullptr;
}

} // namespace

class TestPlayback : public QObject {
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

    QImage picture(MainWindow &window)
    {
        window.sequenceView().replot(QCustomPlot::rpImmediateRefresh);
        return window.sequenceView().grab().toImage();
    }

    QMenu *rightClickSegment(MainWindow &window, std::uint64_t id)
    {
        SequenceView &view = window.sequenceView();
        view.replot(QCustomPlot::rpImmediateRefresh);
        const auto packet = view.diagram().packetPixel(id);
        if (!packet) return nullptr;
        QTest::mouseClick(&view, Qt::RightButton, {}, packet->toPoint());
        return view.segmentMenu();
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("tcplab-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_playback"));
        QSettings().clear();
    }

    void steppingBackTwiceAfterTwoStepsGivesTheSamePicture()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        // Mid-handshake, with a drop made by the user, so that the replay has an intent to repeat.
        const auto id = runToSegmentHalfWay(controller);
        QVERIFY(id);
        QVERIFY(controller.dropSegment(*id));
        QTest::keyClick(&window, Qt::Key_Right);
        QTest::keyClick(&window, Qt::Key_Right);
        const TimeUs at = controller.currentTime();
        const QImage before = picture(window);
        QTest::keyClick(&window, Qt::Key_Right);
        QTest::keyClick(&window, Qt::Key_Right);
        QVERIFY(controller.currentTime() > at);
        QVERIFY(picture(window) != before);
        QTest::keyClick(&window, Qt::Key_Left);
        QTest::keyClick(&window, Qt::Key_Left);
        QCOMPARE(controller.currentTime(), at);
        QCOMPARE(picture(window), before);
    }

    void speedSliderIsLogarithmicFromATenthToTenTimes()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        QSlider *slider = window.speedSlider();
        slider->setValue(slider->minimum());
        QCOMPARE(controller.speed(), 0.1);
        QCOMPARE(window.speedLabel()->text(), QStringLiteral("0.1×"));
        slider->setValue(slider->maximum());
        QCOMPARE(controller.speed(), 10.0);
        QCOMPARE(window.speedLabel()->text(), QStringLiteral("10×"));
        // Logarithmic: the middle is 1×.
        slider->setValue((slider->minimum() + slider->maximum()) / 2);
        QCOMPARE(controller.speed(), 1.0);
        // And the controller's speed moves the slider.
        controller.setSpeed(0.25);
        QCOMPARE(MainWindow::sliderSpeed(slider->value()), 0.25);
        QCOMPARE(window.speedLabel()->text(), QStringLiteral("0.25×"));
    }

    void timelineHasAMarkPerEventAndSeeksToIt()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        TimelineScrubber &timeline = window.timeline();
        controller.jumpToEnd();
        std::vector<TimeUs> times = controller.eventTimes();
        QCOMPARE(timeline.eventTimes(), times);
        controller.jumpToStart();
        // Marks for the events still ahead, too.
        QCOMPARE(timeline.eventTimes(), times);
        const TimeUs target = times[times.size() / 2];
        const QPoint at(int(std::lround(timeline.xOf(target))), timeline.height() / 2);
        QTest::mouseClick(&timeline, Qt::LeftButton, {}, at);
        QCOMPARE(controller.currentTime(), target);
        QCOMPARE(timeline.time(), target);
    }

    void zoomAndPageKeysLeaveFollowAndFBringsItBack()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        SequenceView &view = window.sequenceView();
        QVERIFY(view.isFollowing());
        QVERIFY(!window.followAction()->isEnabled());
        const QCPRange range = view.yAxis->range();
        QTest::keyClick(&window, Qt::Key_Plus);
        QVERIFY(view.yAxis->range().size() < range.size());
        QVERIFY(!view.isFollowing());
        QVERIFY(window.followAction()->isEnabled());
        const QCPRange zoomed = view.yAxis->range();
        QTest::keyClick(&window, Qt::Key_PageDown);
        QVERIFY(view.yAxis->range().lower > zoomed.lower);
        QTest::keyClick(&window, Qt::Key_PageUp);
        QCOMPARE(view.yAxis->range().lower, zoomed.lower);
        QTest::keyClick(&window, Qt::Key_Minus);
        QVERIFY(view.yAxis->range().size() > zoomed.size());
        QTest::keyClick(&window, Qt::Key_F);
        QVERIFY(view.isFollowing());
        QCOMPARE(view.yAxis->range(), range);
    }

    void rightClickDelaysASegmentAndTheReplayKeepsIt()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        const auto id = runToSegmentHalfWay(controller);
        QVERIFY(id);
        const TimeUs arrival = window.sequenceView().diagram().model().arrow(*id)->reachAt;
        QMenu *menu = rightClickSegment(window, *id);
        QVERIFY(menu);
        QCOMPARE(controller.selectedSegment(), *id);
        auto *delay = menu->findChild<QAction *>(QStringLiteral("delaySegment"));
        QVERIFY(delay);
        delay->trigger();
        const SequenceArrow *arrow = window.sequenceView().diagram().model().arrow(*id);
        QCOMPARE(arrow->reachAt, arrival + SequenceView::kMenuDelay);
        controller.jumpToEnd();
        const TraceEvent *delivered = findEvent(controller.trace(), TraceKind::SegmentDelivered, *id);
        QVERIFY(delivered);
        QCOMPARE(delivered->t, arrival + SequenceView::kMenuDelay);
        // Back to the start and forward again: the delay is an intent, replayed.
        controller.jumpToStart();
        controller.jumpToEnd();
        QCOMPARE(findEvent(controller.trace(), TraceKind::SegmentDelivered, *id)->t,
                 arrival + SequenceView::kMenuDelay);
    }

    void rightClickDuplicatesASegment()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        const auto id = runToSegmentHalfWay(controller);
        QVERIFY(id);
        QMenu *menu = rightClickSegment(window, *id);
        QVERIFY(menu);
        menu->findChild<QAction *>(QStringLiteral("duplicateSegment"))->trigger();
        const auto &arrows = window.sequenceView().diagram().model().arrows;
        const auto copy = std::find_if(arrows.begin(), arrows.end(),
                                       [&](const SequenceArrow &a) { return a.duplicateOf == *id; });
        QVERIFY(copy != arrows.end());
        QCOMPARE(copy->from, window.sequenceView().diagram().model().arrow(*id)->from);
    }

    void rightClickDropsASegment()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        const auto id = runToSegmentHalfWay(controller);
        QVERIFY(id);
        QMenu *menu = rightClickSegment(window, *id);
        QVERIFY(menu);
        menu->findChild<QAction *>(QStringLiteral("dropSegment"))->trigger();
        QVERIFY(findEvent(controller.trace(), TraceKind::SegmentDropped, *id));
        QCOMPARE(window.sequenceView().diagram().model().arrow(*id)->fate, SequenceArrow::Fate::Dropped);
    }

    void dropNextFromTheServerLosesItsNextSegment()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        window.dropNextServerAction()->trigger();
        controller.jumpToEnd();
        const TraceEvent *firstFromServer = nullptr;
        for (const TraceEvent &event : controller.trace().events())
            if (event.kind == TraceKind::SegmentSent && event.side == Side::Server) {
                firstFromServer = &event;
                break;
            }
        QVERIFY(firstFromServer);
        QVERIFY(findEvent(controller.trace(), TraceKind::SegmentDropped, firstFromServer->segmentId));
    }

    void relativeNumbersAreTraceNumbersMinusEachSidesIsn()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        controller.jumpToEnd();
        QVERIFY(!window.relativeNumbersAction()->isChecked());
        window.relativeNumbersAction()->trigger();
        QVERIFY(QSettings().value(QLatin1String(MainWindow::kRelativeNumbersKey)).toBool());
        std::map<Side, std::uint32_t> isn;
        for (const TraceEvent &event : controller.trace().events())
            if (event.kind == TraceKind::SegmentSent && (event.segment.flags & kSyn) &&
                !isn.count(event.side))
                isn[event.side] = event.segment.seq;
        QCOMPARE(isn.size(), std::size_t(2));
        const auto &arrows = window.sequenceView().diagram().model().arrows;
        std::size_t i = 0;
        for (const TraceEvent &event : controller.trace().events()) {
            if (event.kind != TraceKind::SegmentSent) continue;
            const QString label = arrows[i++].label;
            QVERIFY2(label.contains(QStringLiteral("seq=%1 ").arg(event.segment.seq - isn[event.side])) ||
                         label.endsWith(QStringLiteral("seq=%1").arg(event.segment.seq - isn[event.side])),
                     qPrintable(label));
            if (event.segment.flags & kAck)
                QVERIFY2(
                    label.contains(QStringLiteral("ack=%1").arg(event.segment.ack - isn[peerOf(event.side)])),
                    qPrintable(label));
        }
        // A new window remembers the choice; switching back restores the absolute numbers.
        MainWindow second(controller);
        QVERIFY(second.relativeNumbersAction()->isChecked());
        window.relativeNumbersAction()->trigger();
        QVERIFY(window.sequenceView().diagram().model().arrows[0].label.contains(
            QStringLiteral("seq=%1").arg(isn[Side::Client])));
        QVERIFY(!QSettings().value(QLatin1String(MainWindow::kRelativeNumbersKey)).toBool());
    }

    void everyTimerArmedHasItsBar()
    {
        Scenario scenario = defaultScenario();
        SessionController controller(scenario);
        MainWindow window(controller);
        openWindow(window);
        // Lose the client's request (sent at 200 ms) so that its RTO fires and is armed again, doubled.
        controller.seek(200 * kMillisecond);
        const auto id = runToSegmentHalfWay(controller);
        QVERIFY(id);
        QVERIFY(controller.dropSegment(*id));
        controller.jumpToEnd();
        const auto &timers = window.sequenceView().diagram().model().timers;
        std::vector<const TraceEvent *> armed;
        for (const TraceEvent &event : controller.trace().events())
            if (event.kind == TraceKind::TimerArmed) armed.push_back(&event);
        QVERIFY(!armed.empty());
        QCOMPARE(timers.size(), armed.size());
        bool timeWait = false;
        for (std::size_t i = 0; i < armed.size(); ++i) {
            QCOMPARE(timers[i].armedAt, armed[i]->t);
            QCOMPARE(timers[i].deadline, armed[i]->deadline);
            QCOMPARE(timers[i].attempt, armed[i]->attempt);
            QVERIFY(timers[i].side == armed[i]->side);
            timeWait = timeWait || timers[i].kind == TimerKind::TimeWait;
        }
        QVERIFY(timeWait); // the client's 2·MSL
        const auto fired = std::find_if(timers.begin(), timers.end(), [](const SequenceTimer &t) {
            return t.kind == TimerKind::Retransmission && t.end == SequenceTimer::End::Fired;
        });
        QVERIFY(fired != timers.end());
        const auto again = std::find_if(timers.begin(), timers.end(), [](const SequenceTimer &t) {
            return t.kind == TimerKind::Retransmission && t.attempt == 1;
        });
        QVERIFY(again != timers.end());
        QCOMPARE(again->duration, 2 * fired->duration); // RFC 6298 §5.5: back off the timer
    }

    void aRetransmissionTimerReadsWithItsDoubledDurationAndAttempt()
    {
        SequenceTimer timer;
        timer.kind = TimerKind::Retransmission;
        timer.duration = 2 * kSecond;
        timer.attempt = 1;
        QCOMPARE(SequenceTimerPainter::text(timer), QStringLiteral("RTO 2 s (#2)"));
        timer.duration = kSecond;
        timer.attempt = 0;
        QCOMPARE(SequenceTimerPainter::text(timer), QStringLiteral("RTO 1 s"));
    }

    void everyToolbarActionNamesItsKeyAndHasAnAccessibleName()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        openWindow(window);
        const QList<QToolBar *> bars = window.findChildren<QToolBar *>();
        int checked = 0;
        for (QToolBar *bar : bars) {
            for (QAction *action : bar->actions()) {
                if (action->isSeparator() || qobject_cast<QWidgetAction *>(action)) continue;
                QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
                QVERIFY2(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
                         qPrintable(action->toolTip()));
                QWidget *button = bar->widgetForAction(action);
                QVERIFY(button);
                QVERIFY2(!button->accessibleName().isEmpty(), qPrintable(action->text()));
                ++checked;
            }
        }
        QVERIFY(checked >= 11);
        QVERIFY(window.playAction()->toolTip().startsWith(QStringLiteral("Play/Pause (")));
    }
};

QTEST_MAIN(TestPlayback)
#include "test_playback.moc"
