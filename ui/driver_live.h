#pragma once
// The seam between a SessionController and a driver that runs the scenario on the wall clock over real
// sockets (the loopback driver; ui/loopback_live_driver.h). While one is attached, the controller reads
// its trace, time and endpoints and hands it the user's intents, so every view reads the same controller
// whichever driver is behind it. Such a driver cannot go back in time: stepping back restarts it, and
// "playing" lets its clock run.
#include "sim/scenario.h"
#include "sim/session.h"
#include "tcp/connection.h"
#include "trace/trace.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace tcplab::ui {

class LiveDriver : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    virtual const Trace &trace() const = 0;
    virtual TimeUs now() const = 0;
    virtual const Connection &endpoint(Side side, int conn) const = 0;
    virtual int connectionCount() const = 0;
    // The segments the user can still act on (held before sending).
    virtual std::vector<InFlight> inFlight() const = 0;

    // Whether the clock runs; a run that finished stops by itself.
    virtual bool isRunning() const = 0;
    virtual void setRunning(bool running) = 0;
    // Lets the clock run until the trace records something, then stops it.
    virtual void stepForward() = 0;
    // A fresh run of `scenario` at time 0, stopped. false (and a message in lastError) when it cannot start.
    virtual bool restart(const Scenario &scenario) = 0;
    virtual QString lastError() const = 0;
    // One line for the status bar: the real ports, the clock.
    virtual QString statusText() const = 0;

    // The user's intents; false when the segment is no longer in reach (already sent, dropped).
    virtual bool dropSegment(std::uint64_t segmentId) = 0;
    virtual bool delaySegment(std::uint64_t segmentId, TimeUs extra) = 0;
    virtual bool duplicateSegment(std::uint64_t segmentId) = 0;
    virtual void dropNextFrom(Side side) = 0;
    virtual CallResult call(Side side, CallKind kind, std::vector<std::uint8_t> data, int conn) = 0;

signals:
    // The trace grew or the clock moved.
    void advanced();
    void runningChanged(bool running);
};

} // namespace tcplab::ui
