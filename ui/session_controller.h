#pragma once
// Adapts a core Session to Qt: owns the scenario and the session, turns wall-clock frames into virtual time
// (wall time × speed → Session::runUntil), and steps between the trace's events. Stepping back replays the
// same scenario and intents up to the earlier time; the core is deterministic, so the replay is exact.
#include "sim/scenario.h"
#include "sim/session.h"
#include "ui/capture_recorded_trace.h"
#include "ui/driver_live.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace tcplab::ui {

class SessionController : public QObject {
    Q_OBJECT

public:
    static constexpr double kMinSpeed = 0.1;
    static constexpr double kMaxSpeed = 10.0;
    // A handshake takes a few hundred virtual milliseconds; a quarter of real time lets a class follow it.
    static constexpr double kDefaultSpeed = 0.25;

    explicit SessionController(Scenario scenario, QObject *parent = nullptr);
    ~SessionController() override;

    // Replaces the scenario (a lesson, a file): a fresh session at time 0, no intents, nothing selected;
    // pauses and emits scenarioLoaded, then traceChanged and timeChanged.
    void loadScenario(Scenario scenario);
    // Replaces the session by a recorded trace (an opened capture): the same stepping, seeking and playing
    // over its events, at time 0; intents are refused. `scenario` names the ports. loadScenario ends it.
    void loadRecordedTrace(Trace trace, Scenario scenario);
    bool isRecorded() const { return m_recorded != nullptr; }
    // A driver on the wall clock (ui/driver_live.h) runs the scenario instead of the simulation, restarted
    // at time 0 now and whenever a scenario loads; nullptr: back to the simulation. false (nothing
    // attached) when it cannot start: driver->lastError() says why. Implemented in
    // driver_live_controller.cpp.
    bool attachLiveDriver(LiveDriver *driver);
    LiveDriver *liveDriver() const { return m_live; }
    // The endpoints of whichever driver runs (the simulation's or the live one's).
    const Connection &endpoint(Side side, int conn = 0) const;
    int connectionCount() const;

    const Scenario &scenario() const { return m_scenario; }
    const Session &session() const { return m_session; }
    const Trace &trace() const
    {
        return m_recorded ? m_recorded->shown() : m_live ? m_live->trace() : m_session.trace();
    }
    TimeUs currentTime() const
    {
        return m_recorded ? m_recorded->now() : m_live ? m_live->now() : m_session.now();
    }
    // When the last event happens if the session runs to its end with the intents made so far.
    TimeUs endTime() const;
    bool isPlaying() const { return m_live ? m_live->isRunning() : m_frameTimer.isActive(); }
    double speed() const { return m_speed; }

    // The distinct times of the trace's events so far, ascending.
    std::vector<TimeUs> eventTimes() const;
    // The distinct times of every event of the whole session (run to its end with the intents made so
    // far), ascending: the timeline's marks, including those still ahead.
    const std::vector<TimeUs> &plannedEventTimes() const;

public slots:
    void play();
    void pause();
    void togglePlay();
    void setSpeed(double speed);
    // To the next time at which something is recorded in the trace; pauses.
    void stepForward();
    // To the latest event time before the current one (a replay); pauses.
    void stepBackward();
    void jumpToStart();
    void jumpToEnd();
    // Anywhere: forwards by running, backwards by replaying. Pauses.
    void seek(qint64 t);

public:
    // The user's intent to lose a segment that is on the wire now. false (and nothing changes, no signal)
    // when the session refuses, e.g. the segment has already arrived.
    bool dropSegment(std::uint64_t segmentId);
    // Hold a segment on the wire `extra` longer, or let the network send a second copy of it. Intents like
    // a drop: replayed on the way back, refused (false, no signal) when the segment is not on the wire.
    bool delaySegment(std::uint64_t segmentId, TimeUs extra);
    bool duplicateSegment(std::uint64_t segmentId);
    // The link loses the next segment `side` sends, whenever that is.
    void dropNextFrom(Side side);
    // A user call on an endpoint (LISTEN, CONNECT, SEND, CLOSE, ...), recorded as an intent.
    CallResult call(Side side, CallKind kind, std::vector<std::uint8_t> data = {}, int conn = 0);

    // The segment the user picked (by clicking its arrow) for a closer look; 0 when none. Segment ids are
    // stable across replays, so the selection survives stepping back.
    quint64 selectedSegment() const { return m_selectedSegment; }
    void selectSegment(quint64 segmentId);

signals:
    // A new scenario replaced the old one (loadScenario): views that cache the scenario read it again.
    void scenarioLoaded();
    void timeChanged(qint64 now);
    void traceChanged();
    void playingChanged(bool playing);
    void speedChanged(double speed);
    // A segment the user dropped (after the trace records it).
    void segmentDropped(quint64 segmentId);
    // A live driver was attached or detached (attachLiveDriver; detached when a recorded trace loads).
    void liveDriverChanged(bool attached);
    // The selection changed (0: nothing selected).
    void segmentSelected(quint64 segmentId);
    // The session accepted an intent (drop, delay, duplicate, drop-next, call) and recorded it.
    void intentRecorded();

private:
    void advanceFrame();
    void runTo(TimeUs t);
    // Session::runUntil(t), applying on the way the intents still ahead in m_intents (made before a step
    // back), so that going forward again repeats them as a replay would.
    void advanceSession(TimeUs t);
    void replayTo(TimeUs t);
    void setPlaying(bool playing);
    void notifyChanges(std::size_t traceSizeBefore, TimeUs timeBefore);
    // Runs `act` on the session; whatever intents it recorded are kept (in time order) for replays.
    bool applyIntent(const std::function<bool()> &act);

    // The live driver's side (driver_live_controller.cpp).
    void restartLive();
    void showLiveProgress();
    bool liveIntent(bool accepted);
    bool liveDrop(std::uint64_t segmentId);
    QPointer<LiveDriver> m_live;
    std::size_t m_liveTraceSize = 0;
    TimeUs m_liveTime = 0;

    Scenario m_scenario;
    std::unique_ptr<RecordedTrace> m_recorded; // set: a recorded trace is shown instead of m_session
    Session m_session;
    std::vector<Intent> m_intents; // every intent so far, replayed on the way back
    std::size_t m_nextIntent = 0;  // m_intents before this index are applied to m_session
    void probeToEnd() const;

    mutable std::optional<TimeUs> m_endTime; // with m_plannedTimes: the probe's answers, until an intent
    mutable std::vector<TimeUs> m_plannedTimes;
    double m_speed = kDefaultSpeed;
    quint64 m_selectedSegment = 0;
    double m_carryUs = 0.0; // the fraction of a virtual microsecond left over from the last frame
    QTimer m_frameTimer;
    QElapsedTimer m_wallClock;
};

} // namespace tcplab::ui
