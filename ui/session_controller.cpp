#include "ui/session_controller.h"

#include <algorithm>
#include <utility>

namespace tcplab::ui {

namespace {
constexpr int kFrameIntervalMs = 16; // ~60 frames a second
} // namespace

SessionController::SessionController(Scenario scenario, QObject *parent)
    : QObject(parent), m_scenario(std::move(scenario)), m_session(m_scenario)
{
    // The picture at time 0 shows what the scenario does at once (LISTEN, CONNECT and the first SYN).
    m_session.runUntil(0);
    m_frameTimer.setInterval(kFrameIntervalMs);
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_frameTimer, &QTimer::timeout, this, &SessionController::advanceFrame);
}

SessionController::~SessionController() = default;

void SessionController::loadScenario(Scenario scenario)
{
    pause();
    m_recorded.reset();
    m_scenario = std::move(scenario);
    m_intents.clear();
    m_nextIntent = 0;
    m_endTime.reset();
    m_session = Session(m_scenario);
    m_session.runUntil(0);
    selectSegment(0);
    emit scenarioLoaded();
    emit traceChanged();
    emit timeChanged(currentTime());
}

void SessionController::loadRecordedTrace(Trace trace, Scenario scenario)
{
    loadScenario(std::move(scenario));
    m_recorded = std::make_unique<RecordedTrace>(std::move(trace));
    m_endTime.reset();
    emit scenarioLoaded();
    emit traceChanged();
    emit timeChanged(currentTime());
}

void SessionController::probeToEnd() const
{
    if (m_recorded) {
        m_endTime = m_recorded->endTime();
        m_plannedTimes = m_recorded->eventTimes();
        return;
    }
    // Replayed up to the last intent (a replay applies only the intents before its end), then run out.
    Session probe = Session::replay(m_scenario, m_intents, m_intents.empty() ? 0 : m_intents.back().at);
    probe.runToEnd();
    const auto &events = probe.trace().events();
    m_endTime = events.empty() ? probe.now() : events.back().t;
    m_plannedTimes.clear();
    for (const TraceEvent &event : events)
        if (m_plannedTimes.empty() || m_plannedTimes.back() != event.t) m_plannedTimes.push_back(event.t);
}

TimeUs SessionController::endTime() const
{
    if (m_live) return currentTime(); // the wall clock has no end ahead of it
    if (!m_endTime) probeToEnd();
    return std::max(*m_endTime, currentTime());
}

const std::vector<TimeUs> &SessionController::plannedEventTimes() const
{
    if (m_live) return m_plannedTimes = eventTimes();
    if (!m_endTime) probeToEnd();
    return m_plannedTimes;
}

std::vector<TimeUs> SessionController::eventTimes() const
{
    std::vector<TimeUs> times;
    for (const TraceEvent &event : trace().events()) {
        if (times.empty() || times.back() != event.t) times.push_back(event.t);
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
}

void SessionController::play()
{
    if (m_live) return m_live->setRunning(true);
    if (isPlaying()) return;
    if (currentTime() >= endTime()) jumpToStart(); // like a player at the end of the film: from the top
    setPlaying(true);
}

void SessionController::pause()
{
    setPlaying(false);
}

void SessionController::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

void SessionController::setSpeed(double speed)
{
    speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    if (speed == m_speed) return;
    m_speed = speed;
    emit speedChanged(m_speed);
}

void SessionController::stepForward()
{
    if (m_live) return m_live->stepForward();
    pause();
    if (m_recorded) {
        if (const auto next = m_recorded->nextTimeAfter(currentTime())) runTo(*next);
        return;
    }
    const TimeUs before = currentTime();
    const std::size_t sizeBefore = trace().size();
    // Events that record nothing (a timer that was cancelled) are passed over: a step always lands on a
    // time that the trace shows.
    while (auto next = m_session.nextEventTime()) {
        // An intent made earlier (and stepped back over) happens again at its time, like any event.
        if (m_nextIntent < m_intents.size()) next = std::min(*next, m_intents[m_nextIntent].at);
        advanceSession(std::max(*next, currentTime()));
        if (trace().size() > sizeBefore && currentTime() > before) break;
    }
    notifyChanges(sizeBefore, before);
}

void SessionController::stepBackward()
{
    pause();
    const TimeUs now = currentTime();
    if (now <= 0) return;
    TimeUs target = 0;
    for (TimeUs t : eventTimes()) {
        if (t < now) target = t;
    }
    replayTo(target);
}

void SessionController::jumpToStart()
{
    pause();
    replayTo(0);
}

void SessionController::jumpToEnd()
{
    pause();
    runTo(endTime());
}

void SessionController::seek(qint64 t)
{
    pause();
    t = std::max<qint64>(t, 0);
    if (t >= currentTime())
        runTo(t);
    else
        replayTo(t);
}

bool SessionController::dropSegment(std::uint64_t segmentId)
{
    if (m_live) return liveDrop(segmentId);
    if (!applyIntent([&] { return m_session.dropSegment(segmentId); })) return false;
    emit segmentDropped(segmentId);
    return true;
}

bool SessionController::delaySegment(std::uint64_t segmentId, TimeUs extra)
{
    if (m_live) return liveIntent(m_live->delaySegment(segmentId, extra));
    return applyIntent([&] { return m_session.delaySegment(segmentId, extra); });
}

bool SessionController::duplicateSegment(std::uint64_t segmentId)
{
    if (m_live) return liveIntent(m_live->duplicateSegment(segmentId));
    return applyIntent([&] { return m_session.duplicateSegment(segmentId); });
}

void SessionController::dropNextFrom(Side side)
{
    if (m_live) {
        m_live->dropNextFrom(side);
        liveIntent(true);
        return;
    }
    applyIntent([&] {
        m_session.dropNextFrom(side);
        return true;
    });
}

CallResult SessionController::call(Side side, CallKind kind, std::vector<std::uint8_t> data, int conn)
{
    if (m_live) {
        const CallResult result = m_live->call(side, kind, std::move(data), conn);
        liveIntent(true);
        return result;
    }
    if (m_recorded) return CallResult::failure("a recorded trace takes no calls");
    CallResult result{};
    applyIntent([&] {
        result = m_session.call(side, kind, std::move(data), conn);
        return true;
    });
    return result;
}

void SessionController::selectSegment(quint64 segmentId)
{
    if (segmentId == m_selectedSegment) return;
    m_selectedSegment = segmentId;
    emit segmentSelected(segmentId);
}

bool SessionController::applyIntent(const std::function<bool()> &act)
{
    if (m_recorded) return false; // what was recorded cannot be changed
    const TimeUs before = currentTime();
    const std::size_t sizeBefore = trace().size();
    const std::size_t intentsBefore = m_session.intents().size();
    if (!act()) return false;
    const auto &recorded = m_session.intents();
    for (std::size_t i = intentsBefore; i < recorded.size(); ++i) {
        const Intent &intent = recorded[i];
        // After the last intent made at or before this time: a replay applies them in this order.
        auto at = std::upper_bound(m_intents.begin(), m_intents.end(), intent.at,
                                   [](TimeUs t, const Intent &i) { return t < i.at; });
        // Every intent up to this one has been applied to the session (they are no later than now).
        m_nextIntent = std::size_t(m_intents.insert(at, intent) - m_intents.begin()) + 1;
    }
    m_endTime.reset();
    notifyChanges(sizeBefore, before);
    emit intentRecorded();
    return true;
}

void SessionController::advanceFrame()
{
    const double wallUs = double(m_wallClock.nsecsElapsed()) / 1000.0;
    m_wallClock.restart();
    const double advance = wallUs * m_speed + m_carryUs;
    const auto step = static_cast<TimeUs>(advance);
    m_carryUs = advance - double(step);

    const TimeUs end = endTime();
    const TimeUs target = currentTime() + step;
    if (target >= end) {
        runTo(end);
        pause();
        return;
    }
    runTo(target);
}

void SessionController::runTo(TimeUs t)
{
    if (m_live) return m_live->setRunning(true); // forward on the wall clock: let it run
    const TimeUs before = currentTime();
    const std::size_t sizeBefore = trace().size();
    if (t > before) advanceSession(t);
    notifyChanges(sizeBefore, before);
}

void SessionController::replayTo(TimeUs t)
{
    if (m_live) return restartLive(); // real sockets cannot go back: a fresh run from time 0
    const TimeUs before = currentTime();
    if (m_recorded)
        m_recorded->seek(t);
    else
        m_session = Session::replay(m_scenario, m_intents, t);
    // Session::replay applies the intents made at or before `t`; those after wait for advanceSession.
    m_nextIntent = std::size_t(std::upper_bound(m_intents.begin(), m_intents.end(), t,
                                                [](TimeUs at, const Intent &i) { return at < i.at; }) -
                               m_intents.begin());
    emit traceChanged();
    if (currentTime() != before) emit timeChanged(currentTime());
}

void SessionController::advanceSession(TimeUs t)
{
    if (m_recorded) {
        m_recorded->seek(t);
        return;
    }
    while (m_nextIntent < m_intents.size() && m_intents[m_nextIntent].at <= t) {
        const Intent &intent = m_intents[m_nextIntent++];
        m_session.runUntil(std::max(intent.at, currentTime()));
        // As Session::replay does: an intent that no longer applies (the segment is not on the wire in
        // this run) changes nothing.
        switch (intent.kind) {
        case Intent::Kind::DropSegment:
            m_session.dropSegment(intent.segmentId);
            break;
        case Intent::Kind::DuplicateSegment:
            m_session.duplicateSegment(intent.segmentId);
            break;
        case Intent::Kind::DelaySegment:
            m_session.delaySegment(intent.segmentId, intent.extraDelay);
            break;
        case Intent::Kind::DropNextFrom:
            m_session.dropNextFrom(intent.side);
            break;
        case Intent::Kind::Call:
            m_session.call(intent.side, intent.call.call, intent.call.data, intent.call.conn);
            break;
        }
    }
    m_session.runUntil(t);
}

void SessionController::setPlaying(bool playing)
{
    if (m_live) return m_live->setRunning(playing);
    if (playing == isPlaying()) return;
    if (playing) {
        m_carryUs = 0.0;
        m_wallClock.start();
        m_frameTimer.start();
    } else {
        m_frameTimer.stop();
    }
    emit playingChanged(playing);
}

void SessionController::notifyChanges(std::size_t traceSizeBefore, TimeUs timeBefore)
{
    if (trace().size() != traceSizeBefore) emit traceChanged();
    if (currentTime() != timeBefore) emit timeChanged(currentTime());
}

} // namespace tcplab::ui
