#pragma once
// The loopback driver (core/io/loopback_driver.h) in Qt's event loop: a QSocketNotifier on each of its UDP
// sockets and a precise single-shot QTimer for its next due time (a scheduled call, a timer, a held
// segment's send) wake it; a frame timer moves the views' clock while it runs. Pausing stops the driver's
// own clock, so that a segment held before sending can be clicked away.
#include "io/loopback_driver.h"
#include "ui/driver_live.h"

#include <QTimer>

#include <memory>
#include <vector>

class QSocketNotifier;

namespace tcplab::ui {

class LoopbackLiveDriver : public LiveDriver {
    Q_OBJECT

public:
    explicit LoopbackLiveDriver(QObject *parent = nullptr);
    ~LoopbackLiveDriver() override;

    const Trace &trace() const override;
    TimeUs now() const override;
    const Connection &endpoint(Side side, int conn) const override;
    int connectionCount() const override;
    std::vector<InFlight> inFlight() const override;

    bool isRunning() const override { return m_running; }
    void setRunning(bool running) override;
    void stepForward() override;
    bool restart(const Scenario &scenario) override;
    QString lastError() const override { return m_error; }
    QString statusText() const override;

    bool dropSegment(std::uint64_t segmentId) override;
    bool delaySegment(std::uint64_t segmentId, TimeUs extra) override;
    bool duplicateSegment(std::uint64_t segmentId) override;
    void dropNextFrom(Side side) override;
    CallResult call(Side side, CallKind kind, std::vector<std::uint8_t> data, int conn) override;

    // The UDP ports to bind (0: any free one), for the next restart.
    void setUdpPorts(std::uint16_t client, std::uint16_t server);
    const LoopbackDriver *driver() const { return m_driver.get(); }

private:
    // Lets the driver handle what is due and what arrived, then re-arms the due timer.
    void pump();
    void armDueTimer();
    void watchSockets();
    // After an intent: the trace changed without the clock running.
    bool changed(bool accepted);

    std::unique_ptr<LoopbackDriver> m_driver;
    std::vector<QSocketNotifier *> m_notifiers; // children
    QTimer m_dueTimer;
    QTimer m_frameTimer;
    LoopbackOptions m_options;
    QString m_error;
    bool m_running = false;
    bool m_stepping = false;
    std::size_t m_stepFrom = 0; // while stepping: the trace size to grow past
    Trace m_empty;              // what the views read before the first run
    Connection m_closed;
};

} // namespace tcplab::ui
