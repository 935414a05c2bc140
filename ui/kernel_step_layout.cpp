#include "ui/kernel_step_layout.h"

#include <algorithm>
#include <unordered_set>

namespace tcplab::ui {

namespace {

bool isTimerEvent(TraceKind kind)
{
    return kind == TraceKind::TimerArmed || kind == TraceKind::TimerCancelled ||
           kind == TraceKind::TimerFired;
}

} // namespace

Trace stepLayout(const Trace &real, StepLayout layout)
{
    struct Sent {
        TimeUs at;      // real send time
        TimeUs arrival; // real arrival (the send time when unknown)
        TimeUs drawnAt;
    };
    std::vector<Sent> sent;
    std::unordered_set<std::uint64_t> dropped;
    for (const TraceEvent &event : real.events()) {
        if (event.kind == TraceKind::SegmentSent) {
            const TimeUs drawnAt = layout.step * TimeUs(sent.size() + 1);
            sent.push_back({event.t, std::max(event.arrival, event.t), drawnAt});
        } else if (event.kind == TraceKind::SegmentDropped) {
            dropped.insert(event.segmentId);
        }
    }
    // Where an event at real time t goes: with the first segment sent at t, or while the last one sent
    // before t travels, or after its arrival, half-way to the next.
    const auto drawnTime = [&](TimeUs t) -> TimeUs {
        const auto after = std::upper_bound(sent.begin(), sent.end(), t,
                                            [](TimeUs time, const Sent &s) { return time < s.at; });
        if (after == sent.begin()) return sent.empty() ? 0 : sent.front().drawnAt / 2;
        auto last = after - 1;
        // Several segments at the same microsecond: with the first of them.
        while (last != sent.begin() && (last - 1)->at == t)
            --last;
        if (last->at == t) return last->drawnAt;
        if (t <= last->arrival) return last->drawnAt + layout.flight;
        return last->drawnAt + layout.flight + (layout.step - layout.flight) / 2;
    };

    std::vector<TraceEvent> events;
    std::size_t index = 0;
    for (const TraceEvent &event : real.events()) {
        if (isTimerEvent(event.kind) || event.kind == TraceKind::SegmentDelivered) continue;
        TraceEvent copy = event;
        if (event.kind == TraceKind::SegmentSent) {
            const Sent &s = sent[index++];
            copy.t = s.drawnAt;
            copy.arrival = dropped.count(event.segmentId) ? -1 : s.drawnAt + layout.flight;
            events.push_back(copy);
            if (copy.arrival >= 0) {
                TraceEvent delivered = event;
                delivered.kind = TraceKind::SegmentDelivered;
                delivered.side = peerOf(event.side);
                delivered.t = copy.arrival;
                delivered.text.clear();
                events.push_back(std::move(delivered));
            }
            continue;
        }
        copy.t = drawnTime(event.t);
        if (event.kind == TraceKind::SegmentDropped)
            copy.t = std::max(copy.t, events.empty() ? 0 : events.back().t);
        events.push_back(std::move(copy));
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const TraceEvent &a, const TraceEvent &b) { return a.t < b.t; });
    Trace out;
    for (TraceEvent &event : events)
        out.append(std::move(event));
    return out;
}

} // namespace tcplab::ui
