#pragma once
// The scenario's calls that wait for an event instead of a time (sim/scenario.h CallTrigger), for the
// loopback driver: it reads the trace as it grows and hands back each call whose trigger fired, timed at the
// event plus the trigger's delay. The simulator reacts inside its event loop; on the wall clock, the trace is
// the record of what happened, so it is read instead.
#include "sim/scenario.h"
#include "trace/trace.h"

#include <cstddef>
#include <map>
#include <utility>
#include <vector>

namespace tcplab::detail {

class CallTriggers {
public:
    void add(ScheduledCall call) { m_waiting.push_back(std::move(call)); }

    // Reads the events recorded since the last scan; `fire(ScheduledCall)` gets each call whose trigger
    // fired, with `at` set and the trigger cleared.
    template <typename Fire> void scan(const Trace &trace, Fire &&fire)
    {
        const auto &events = trace.events();
        for (; m_scanned < events.size(); ++m_scanned) {
            const TraceEvent &ev = events[m_scanned];
            if (ev.kind != TraceKind::StateChanged && ev.kind != TraceKind::DataDelivered) continue;
            std::size_t &received = m_received[{ev.side, ev.conn}];
            if (ev.kind == TraceKind::DataDelivered) received += ev.data.size();
            for (auto it = m_waiting.begin(); it != m_waiting.end();) {
                const CallTrigger &trigger = *it->trigger;
                const bool fires =
                    trigger.side == ev.side && trigger.conn == ev.conn &&
                    (trigger.state ? ev.kind == TraceKind::StateChanged && ev.to == *trigger.state
                                   : received >= trigger.receivedBytes);
                if (!fires) {
                    ++it;
                    continue;
                }
                ScheduledCall call = std::move(*it);
                it = m_waiting.erase(it);
                call.at = ev.t + trigger.delay;
                call.trigger.reset();
                fire(std::move(call));
            }
        }
    }

private:
    std::vector<ScheduledCall> m_waiting;
    std::size_t m_scanned = 0;
    std::map<std::pair<Side, int>, std::size_t> m_received; // bytes each side's application has received
};

} // namespace tcplab::detail
