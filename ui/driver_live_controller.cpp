// SessionController's side of the live-driver seam (ui/driver_live.h): attaching a driver on the wall clock,
// relaying its progress as the controller's usual signals, and its intents. Kept apart from
// session_controller.cpp, which drives the simulation.
#include "ui/session_controller.h"

namespace tcplab::ui {

bool SessionController::attachLiveDriver(LiveDriver *driver)
{
    if (driver == m_live) return true;
    pause();
    if (m_live) disconnect(m_live, nullptr, this, nullptr);
    disconnect(this, &SessionController::scenarioLoaded, this, &SessionController::restartLive);
    if (driver && !driver->restart(m_scenario)) driver = nullptr;
    const bool attached = driver != nullptr;
    const bool wasLive = m_live != nullptr;
    m_live = driver;
    if (driver) {
        connect(driver, &LiveDriver::advanced, this, &SessionController::showLiveProgress);
        connect(driver, &LiveDriver::runningChanged, this, &SessionController::playingChanged);
        // A new scenario (a lesson, a file) starts a fresh live run.
        connect(this, &SessionController::scenarioLoaded, this, &SessionController::restartLive);
    }
    m_endTime.reset();
    m_liveTraceSize = trace().size();
    m_liveTime = currentTime();
    selectSegment(0);
    emit traceChanged();
    emit timeChanged(currentTime());
    if (attached || wasLive) emit liveDriverChanged(attached);
    return attached;
}

const Connection &SessionController::endpoint(Side side, int conn) const
{
    return m_live ? m_live->endpoint(side, conn) : m_session.endpoint(side, conn);
}

int SessionController::connectionCount() const
{
    return m_live ? m_live->connectionCount() : m_session.connectionCount();
}

void SessionController::restartLive()
{
    if (!m_live) return;
    // A trace shown instead of the live driver's (an opened capture) is not run by any driver; neither is a
    // run that cannot start.
    if (&trace() != &m_live->trace() || !m_live->restart(m_scenario)) {
        attachLiveDriver(nullptr);
        return;
    }
    selectSegment(0);
    m_liveTraceSize = std::size_t(-1); // a fresh trace, whatever its size
    m_liveTime = -1;
    showLiveProgress();
}

void SessionController::showLiveProgress()
{
    const std::size_t size = trace().size();
    const TimeUs now = currentTime();
    if (size != m_liveTraceSize) {
        m_liveTraceSize = size;
        emit traceChanged();
    }
    if (now != m_liveTime) {
        m_liveTime = now;
        emit timeChanged(now);
    }
}

bool SessionController::liveIntent(bool accepted)
{
    if (!accepted) return false;
    showLiveProgress();
    emit intentRecorded();
    return true;
}

bool SessionController::liveDrop(std::uint64_t segmentId)
{
    if (!liveIntent(m_live->dropSegment(segmentId))) return false;
    emit segmentDropped(segmentId);
    return true;
}

} // namespace tcplab::ui
