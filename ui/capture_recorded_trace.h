#pragma once
// A trace that was recorded, not simulated (an opened capture, the kernel's run), played back: the events up
// to a moment, so that the views which draw a session's trace as it grows can draw this one the same way.
// Moving back is exact: the shown trace is the recorded one's prefix.
#include "trace/trace.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace tcplab::ui {

class RecordedTrace {
public:
    explicit RecordedTrace(Trace full);

    const Trace &full() const { return m_full; }
    // The events with t <= now(), in the recorded order.
    const Trace &shown() const { return m_shown; }
    TimeUs now() const { return m_now; }
    TimeUs endTime() const;
    // The distinct event times, ascending.
    const std::vector<TimeUs> &eventTimes() const { return m_times; }
    // The first event time after `t`, if any.
    std::optional<TimeUs> nextTimeAfter(TimeUs t) const;

    void seek(TimeUs t);

private:
    Trace m_full;
    Trace m_shown;
    TimeUs m_now = 0;
    std::vector<TimeUs> m_times;
};

} // namespace tcplab::ui
