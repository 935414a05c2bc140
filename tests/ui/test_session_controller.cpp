// The session controller turns time and user intents into core calls: steps land exactly on the trace's
// event times, stepping back is an exact replay (the trace is a prefix of the one ahead), play advances
// virtual time, and a drop is an intent the session records (or refuses, changing nothing).
#include "ui/session_controller.h"

#include <QSignalSpy>
#include <QtTest>

#include <algorithm>

using namespace tcplab;
using namespace tcplab::ui;

namespace {

std::optional<TimeUs> firstEventAfter(const Trace &trace, TimeUs t)
{
    for (const TraceEvent &event : trace.events())
        if (event.t > t) return event.t;
    return std::nullopt;
}

std::optional<TimeUs> lastEventBefore(const Trace &trace, TimeUs t)
{
    std::optional<TimeUs> found;
    for (const TraceEvent &event : trace.events())
        if (event.t < t) found = event.t;
    return found;
}

std::size_t countKind(const Trace &trace, TraceKind kind)
{
    return std::size_t(std::count_if(trace.events().begin(), trace.events().end(),
                                     [kind](const TraceEvent &e) { return e.kind == kind; }));
}

// Runs forward until some segment is on the wire, and returns its id.
std::optional<std::uint64_t> runUntilSegmentInFlight(SessionController &controller)
{
    for (TimeUs t = 0; t <= controller.endTime(); t += kMillisecond) {
        controller.seek(t);
        const auto flying = controller.session().inFlight();
        if (!flying.empty()) return flying.front().segmentId;
    }
    return std::nullopt;
}

} // namespace

class TestSessionController : public QObject {
    Q_OBJECT

private slots:
    void startsAtTimeZeroPaused()
    {
        SessionController controller(defaultScenario());
        QCOMPARE(controller.currentTime(), TimeUs(0));
        QVERIFY(!controller.isPlaying());
        QVERIFY(controller.endTime() > 0);
    }

    void stepForwardLandsOnTheNextEventTime()
    {
        SessionController controller(defaultScenario());
        QSignalSpy timeSpy(&controller, &SessionController::timeChanged);
        int steps = 0;
        while (controller.currentTime() < controller.endTime()) {
            const TimeUs before = controller.currentTime();
            controller.stepForward();
            const auto expected = firstEventAfter(controller.trace(), before);
            QVERIFY2(expected, "a step forward before the end must reach an event");
            QCOMPARE(controller.currentTime(), *expected);
            QVERIFY(++steps < 10'000);
        }
        QCOMPARE(timeSpy.count(), steps);
        // At the end a step changes nothing.
        controller.stepForward();
        QCOMPARE(timeSpy.count(), steps);
    }

    void stepBackwardReplaysToThePreviousEventTime()
    {
        SessionController controller(defaultScenario());
        controller.jumpToEnd();
        QCOMPARE(controller.currentTime(), controller.endTime());
        const Trace full = controller.trace();
        while (controller.currentTime() > 0) {
            const TimeUs before = controller.currentTime();
            const auto expected = lastEventBefore(controller.trace(), before);
            controller.stepBackward();
            QCOMPARE(controller.currentTime(), expected.value_or(0));
            // The replay is exact: its trace is the prefix of the full one up to now.
            const Trace &now = controller.trace();
            QVERIFY(now.size() <= full.size());
            for (std::size_t i = 0; i < now.size(); ++i) {
                QCOMPARE(now[i].eventId, full[i].eventId);
                QCOMPARE(now[i].t, full[i].t);
                QVERIFY(now[i].kind == full[i].kind);
            }
            QVERIFY(now.size() == full.size() || full[now.size()].t > controller.currentTime());
        }
    }

    void playAdvancesTimeAndStopsAtTheEnd()
    {
        SessionController controller(defaultScenario());
        QSignalSpy playingSpy(&controller, &SessionController::playingChanged);
        controller.setSpeed(SessionController::kMaxSpeed);
        controller.play();
        QVERIFY(controller.isPlaying());
        QCOMPARE(playingSpy.count(), 1);
        QTRY_VERIFY(controller.currentTime() > 0);
        controller.jumpToEnd();
        QVERIFY(!controller.isPlaying());
        // Play at the end starts again from the top.
        controller.play();
        QVERIFY(controller.currentTime() < controller.endTime());
        controller.pause();
    }

    void speedIsClampedToItsRange()
    {
        SessionController controller(defaultScenario());
        controller.setSpeed(100.0);
        QCOMPARE(controller.speed(), SessionController::kMaxSpeed);
        controller.setSpeed(0.0);
        QCOMPARE(controller.speed(), SessionController::kMinSpeed);
    }

    void droppingASegmentInFlightIsRecorded()
    {
        SessionController controller(defaultScenario());
        const auto id = runUntilSegmentInFlight(controller);
        QVERIFY(id);
        QSignalSpy traceSpy(&controller, &SessionController::traceChanged);
        QVERIFY(controller.dropSegment(*id));
        QCOMPARE(traceSpy.count(), 1);
        QCOMPARE(countKind(controller.trace(), TraceKind::SegmentDropped), std::size_t(1));

        // The same segment cannot be dropped twice: nothing changes, nothing is emitted.
        const std::size_t size = controller.trace().size();
        QVERIFY(!controller.dropSegment(*id));
        QCOMPARE(controller.trace().size(), size);
        QCOMPARE(traceSpy.count(), 1);
    }

    void replayKeepsTheUsersDrops()
    {
        SessionController controller(defaultScenario());
        const auto id = runUntilSegmentInFlight(controller);
        QVERIFY(id);
        const TimeUs droppedAt = controller.currentTime();
        QVERIFY(controller.dropSegment(*id));
        controller.jumpToEnd();
        const Trace withDrop = controller.trace();

        controller.stepBackward();
        controller.seek(droppedAt);
        controller.jumpToEnd();
        QCOMPARE(controller.trace().size(), withDrop.size());
        QCOMPARE(countKind(controller.trace(), TraceKind::SegmentDropped), std::size_t(1));
    }

    void goingForwardAgainRepeatsAnIntentSteppedBackOver()
    {
        SessionController controller(defaultScenario());
        const auto id = runUntilSegmentInFlight(controller);
        QVERIFY(id);
        QVERIFY(controller.delaySegment(*id, 200 * kMillisecond));
        controller.jumpToEnd();
        const Trace withDelay = controller.trace();
        // Back before the delay, then forward by steps and by a seek: the same trace, event for event.
        controller.jumpToStart();
        while (controller.currentTime() < withDelay.events().back().t)
            controller.stepForward();
        QCOMPARE(controller.trace().size(), withDelay.size());
        controller.jumpToStart();
        controller.seek(withDelay.events().back().t);
        QCOMPARE(controller.trace().size(), withDelay.size());
        for (std::size_t i = 0; i < withDelay.size(); ++i) {
            QCOMPARE(controller.trace()[i].t, withDelay[i].t);
            QVERIFY(controller.trace()[i].kind == withDelay[i].kind);
        }
    }

    void selectionIsKeptAndSignalledOnce()
    {
        SessionController controller(defaultScenario());
        QSignalSpy spy(&controller, &SessionController::segmentSelected);
        controller.selectSegment(3);
        controller.selectSegment(3);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(controller.selectedSegment(), quint64(3));
        controller.jumpToEnd();
        controller.jumpToStart();
        QCOMPARE(controller.selectedSegment(), quint64(3)); // ids are stable across replays
    }
};

QTEST_GUILESS_MAIN(TestSessionController)
#include "test_session_controller.moc"
