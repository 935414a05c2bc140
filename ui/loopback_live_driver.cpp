#include "ui/loopback_live_driver.h"

#include "ui/time_format.h"

#include <QSocketNotifier>

#include <algorithm>

namespace tcplab::ui {

namespace {
constexpr int kFrameIntervalMs = 16; // the views' clock, ~60 frames a second
} // namespace

LoopbackLiveDriver::LoopbackLiveDriver(QObject *parent) : LiveDriver(parent), m_closed(EndpointConfig{}, 0)
{
    m_dueTimer.setSingleShot(true);
    m_dueTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_dueTimer, &QTimer::timeout, this, &LoopbackLiveDriver::pump);
    m_frameTimer.setInterval(kFrameIntervalMs);
    connect(&m_frameTimer, &QTimer::timeout, this, &LoopbackLiveDriver::pump);
}

LoopbackLiveDriver::~LoopbackLiveDriver() = default;

const Trace &LoopbackLiveDriver::trace() const
{
    return m_driver ? m_driver->trace() : m_empty;
}

TimeUs LoopbackLiveDriver::now() const
{
    return m_driver ? m_driver->now() : 0;
}

const Connection &LoopbackLiveDriver::endpoint(Side side, int conn) const
{
    if (!m_driver) return m_closed;
    return m_driver->endpoint(side, std::clamp(conn, 0, m_driver->connectionCount() - 1));
}

int LoopbackLiveDriver::connectionCount() const
{
    return m_driver ? m_driver->connectionCount() : 1;
}

std::vector<InFlight> LoopbackLiveDriver::inFlight() const
{
    return m_driver ? m_driver->inFlight() : std::vector<InFlight>{};
}

void LoopbackLiveDriver::setUdpPorts(std::uint16_t client, std::uint16_t server)
{
    m_options.clientUdpPort = client;
    m_options.serverUdpPort = server;
}

bool LoopbackLiveDriver::restart(const Scenario &scenario)
{
    setRunning(false);
    qDeleteAll(m_notifiers);
    m_notifiers.clear();
    m_dueTimer.stop();
    m_driver.reset(); // its sockets closed first: a fixed port is bound again
    auto driver = std::make_unique<LoopbackDriver>(scenario, m_options);
    if (const std::string error = driver->open(); !error.empty()) {
        if (const std::uint16_t port = driver->portInUse())
            m_error = tr("UDP port %1 on 127.0.0.1 is already in use by another program. Close it, or let "
                         "tcplab choose free ports (port 0).")
                          .arg(port);
        else
            m_error =
                tr("The UDP sockets on 127.0.0.1 could not be opened: %1").arg(QString::fromStdString(error));
        emit advanced();
        return false;
    }
    m_error.clear();
    m_driver = std::move(driver);
    // What happens at time 0 (the server's LISTEN) is in the first picture, as in the simulated mode.
    m_driver->pollOnce(0);
    m_driver->setPaused(true);
    watchSockets();
    emit advanced();
    return true;
}

void LoopbackLiveDriver::watchSockets()
{
    for (const int fd : m_driver->socketDescriptors()) {
        auto *notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
        notifier->setEnabled(m_running);
        connect(notifier, &QSocketNotifier::activated, this, &LoopbackLiveDriver::pump);
        m_notifiers.push_back(notifier);
    }
}

void LoopbackLiveDriver::setRunning(bool running)
{
    if (!m_driver || m_driver->finished()) running = false;
    if (running == m_running) return;
    m_running = running;
    if (m_driver) m_driver->setPaused(!running);
    // A step stops at the first event after the resume (whose note is not one).
    if (running && m_stepping) m_stepFrom = trace().size();
    // A paused driver reads nothing: a readable socket would wake the loop for nothing, again and again.
    for (QSocketNotifier *notifier : m_notifiers)
        notifier->setEnabled(running);
    if (running) {
        m_frameTimer.start();
        pump();
    } else {
        m_frameTimer.stop();
        m_dueTimer.stop();
        m_stepping = false;
    }
    emit runningChanged(running);
    emit advanced();
}

void LoopbackLiveDriver::stepForward()
{
    if (!m_driver || m_driver->finished()) return;
    m_stepping = true;
    setRunning(true);
}

void LoopbackLiveDriver::pump()
{
    if (!m_driver || !m_running) return;
    m_driver->pollOnce(0);
    emit advanced();
    if (m_driver->finished() || (m_stepping && trace().size() > m_stepFrom)) {
        setRunning(false);
        return;
    }
    armDueTimer();
}

void LoopbackLiveDriver::armDueTimer()
{
    const auto due = m_driver->nextDue();
    if (!due) {
        m_dueTimer.stop();
        return;
    }
    // Whole milliseconds, rounded up: a timer is never handled before its deadline.
    const TimeUs wait = std::max<TimeUs>(*due - m_driver->now(), 0);
    m_dueTimer.start(int((wait + kMillisecond - 1) / kMillisecond));
}

QString LoopbackLiveDriver::statusText() const
{
    if (!m_driver) return tr("Loopback: not running (%1)").arg(m_error);
    const LoopbackStats &stats = m_driver->stats();
    return tr("Loopback on 127.0.0.1 — client UDP port %1, server UDP port %2 · wall clock %3 · "
              "%4 datagrams sent, %5 received, %6 discarded")
        .arg(m_driver->udpPort(Side::Client))
        .arg(m_driver->udpPort(Side::Server))
        .arg(formatTime(m_driver->now()))
        .arg(stats.datagramsSent)
        .arg(stats.datagramsReceived)
        .arg(stats.datagramsDiscarded);
}

bool LoopbackLiveDriver::changed(bool accepted)
{
    if (accepted) {
        emit advanced();
        if (m_running) armDueTimer();
    }
    return accepted;
}

bool LoopbackLiveDriver::dropSegment(std::uint64_t segmentId)
{
    return changed(m_driver && m_driver->dropSegment(segmentId));
}

bool LoopbackLiveDriver::delaySegment(std::uint64_t segmentId, TimeUs extra)
{
    return changed(m_driver && m_driver->delaySegment(segmentId, extra));
}

bool LoopbackLiveDriver::duplicateSegment(std::uint64_t segmentId)
{
    return changed(m_driver && m_driver->duplicateSegment(segmentId));
}

void LoopbackLiveDriver::dropNextFrom(Side side)
{
    if (!m_driver) return;
    m_driver->dropNextFrom(side);
    changed(true);
}

CallResult LoopbackLiveDriver::call(Side side, CallKind kind, std::vector<std::uint8_t> data, int conn)
{
    if (!m_driver) return CallResult::failure("loopback is not running");
    const CallResult result = m_driver->call(side, kind, std::move(data), conn);
    changed(true);
    return result;
}

} // namespace tcplab::ui
