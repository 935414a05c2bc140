#pragma once
// Adapts a core Session to Qt: owns the scenario and the session, turns wall-clock frames into virtual time
// (wall time × speed → Session::runUntil), and steps between the trace's events. Stepping back replays the
// same scenario and intents up to the earlier time; the core is deterministic, so the replay is exact.
#include "sim/scenario.h"
// The core is Qt-free and may use `emit` as an ordinary name, which Qt defines as a macro.
#pragma push_macro("emit")
#undef emit
#include "sim/session.h"
#pragma pop_macro("emit")

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <cstdint>
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

    const Scenario &scenario() const { return m_scenario; }
    const Session &session() const { return m_session; }
    const Trace &trace() const { return m_session.trace(); }
    TimeUs currentTime() const { return m_session.now(); }
    // When the last event happens if the session runs to its end with the intents made so far.
    TimeUs endTime() const;
    bool isPlaying() const { return m_frameTimer.isActive(); }
    double speed() const { return m_speed; }

    // The distinct times of the trace's events so far, ascending.
    std::vector<TimeUs> eventTimes() const;

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

signals:
    void timeChanged(qint64 now);
    void traceChanged();
    void playingChanged(bool playing);
    void speedChanged(double speed);
    // A segment the user dropped (after the trace records it).
    void segmentDropped(quint64 segmentId);

private:
    void advanceFrame();
    void runTo(TimeUs t);
    void replayTo(TimeUs t);
    void setPlaying(bool playing);
    void notifyChanges(std::size_t traceSizeBefore, TimeUs timeBefore);

    Scenario m_scenario;
    Session m_session;
    std::vector<Intent> m_intents; // every intent so far, replayed on the way back
    mutable std::optional<TimeUs> m_endTime;
    double m_speed = kDefaultSpeed;
    double m_carryUs = 0.0; // the fraction of a virtual microsecond left over from the last frame
    QTimer m_frameTimer;
    QElapsedTimer m_wallClock;
};

} // namespace tcplab::ui
