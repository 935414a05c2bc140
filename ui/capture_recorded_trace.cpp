#include "ui/capture_recorded_trace.h"

#include <algorithm>

namespace tcplab::ui {

RecordedTrace::RecordedTrace(Trace full) : m_full(std::move(full))
{
    for (const TraceEvent &event : m_full.events())
        m_times.push_back(event.t);
    std::sort(m_times.begin(), m_times.end());
    m_times.erase(std::unique(m_times.begin(), m_times.end()), m_times.end());
    seek(0);
}

TimeUs RecordedTrace::endTime() const
{
    return m_times.empty() ? 0 : m_times.back();
}

std::optional<TimeUs> RecordedTrace::nextTimeAfter(TimeUs t) const
{
    const auto next = std::upper_bound(m_times.begin(), m_times.end(), t);
    if (next == m_times.end()) return std::nullopt;
    return *next;
}

void RecordedTrace::seek(TimeUs t)
{
    // Forwards the shown prefix grows; backwards it is cut again from the start (the trace cannot shrink).
    if (t < m_now) m_shown.clear();
    m_now = std::max<TimeUs>(t, 0);
    const auto &events = m_full.events();
    for (std::size_t i = m_shown.size(); i < events.size() && events[i].t <= m_now; ++i)
        m_shown.append(events[i]);
}

} // namespace tcplab::ui
