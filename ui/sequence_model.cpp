#include "ui/sequence_model.h"

#include "ui/segment_label.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace tcplab::ui {

const SequenceArrow *SequenceModel::arrow(std::uint64_t segmentId) const
{
    auto it = std::find_if(arrows.begin(), arrows.end(),
                           [segmentId](const SequenceArrow &a) { return a.segmentId == segmentId; });
    return it == arrows.end() ? nullptr : &*it;
}

NominalDelays NominalDelays::fromScenario(const Scenario &scenario)
{
    return {scenario.link.delayClientToServer, scenario.link.delayServerToClient};
}

namespace {

void markDropped(SequenceArrow &arrow, const TraceEvent &event)
{
    arrow.fate = SequenceArrow::Fate::Dropped;
    arrow.dropReason = QString::fromStdString(event.text);
    if (event.t > arrow.sentAt && event.t < arrow.reachAt) {
        // Dropped on the way (a click, a cut link): the arrow ends where the segment was.
        arrow.endAt = event.t;
        arrow.endFraction = double(event.t - arrow.sentAt) / double(arrow.reachAt - arrow.sentAt);
    } else {
        // Dropped as it left: draw it lost half-way.
        arrow.endAt = arrow.sentAt + (arrow.reachAt - arrow.sentAt) / 2;
        arrow.endFraction = 0.5;
    }
}

} // namespace

namespace {

using SideConn = std::pair<Side, int>;

// Closes the timer of that kind still running at that endpoint, if any.
void closeTimer(SequenceModel &model, std::map<std::tuple<Side, int, TimerKind>, std::size_t> &open,
                const TraceEvent &event, SequenceTimer::End end)
{
    auto it = open.find({event.side, event.conn, event.timer});
    if (it == open.end()) return;
    SequenceTimer &timer = model.timers[it->second];
    timer.end = end;
    timer.endAt = event.t;
    open.erase(it);
}

} // namespace

SequenceModel buildSequenceModel(const Trace &trace, NominalDelays delays, SeqNumbers numbers)
{
    SequenceModel model;
    model.arrows.reserve(trace.size() / 2);
    std::unordered_map<std::uint64_t, std::size_t> arrowIndex;
    std::map<SideConn, std::size_t> openBand;
    std::map<std::tuple<Side, int, TimerKind>, std::size_t> openTimer;
    std::map<SideConn, std::uint32_t> isn; // each side's initial sequence number: its first SYN's seq

    for (const TraceEvent &event : trace.events()) {
        switch (event.kind) {
        case TraceKind::SegmentSent: {
            const SideConn self{event.side, event.conn};
            if (event.segment.has(kSyn) && !isn.count(self)) isn[self] = event.segment.seq;
            SeqBases bases;
            if (numbers == SeqNumbers::Relative) {
                // A number whose side's ISN is not known yet is left as it is on the wire.
                if (auto own = isn.find(self); own != isn.end()) bases.seq = own->second;
                if (auto peer = isn.find({peerOf(event.side), event.conn}); peer != isn.end())
                    bases.ack = peer->second;
            }
            SequenceArrow arrow;
            arrow.segmentId = event.segmentId;
            arrow.from = event.side;
            arrow.conn = event.conn;
            arrow.sentAt = event.t;
            arrow.reachAt = event.arrival > event.t ? event.arrival : event.t + delays.from(event.side);
            arrow.retransmission = event.retransmission;
            arrow.keepAliveProbe = event.keepAliveProbe;
            arrow.duplicateOf = event.duplicateOf;
            arrow.label = segmentLabel(event.segment, bases);
            arrowIndex[event.segmentId] = model.arrows.size();
            model.arrows.push_back(std::move(arrow));
            break;
        }
        case TraceKind::SegmentDelivered: {
            auto it = arrowIndex.find(event.segmentId);
            if (it == arrowIndex.end()) break;
            SequenceArrow &arrow = model.arrows[it->second];
            arrow.fate = SequenceArrow::Fate::Delivered;
            arrow.endAt = event.t;
            arrow.reachAt = event.t;
            arrow.endFraction = 1.0;
            break;
        }
        case TraceKind::SegmentDropped: {
            auto it = arrowIndex.find(event.segmentId);
            if (it != arrowIndex.end()) markDropped(model.arrows[it->second], event);
            break;
        }
        case TraceKind::SegmentDiscarded: {
            auto it = arrowIndex.find(event.segmentId);
            if (it != arrowIndex.end()) model.arrows[it->second].discarded = true;
            break;
        }
        case TraceKind::Note: {
            // A segment held on the wire longer (the user's delay): the note carries its new arrival.
            if (event.segmentId == 0 || event.arrival <= 0) break;
            auto it = arrowIndex.find(event.segmentId);
            if (it == arrowIndex.end()) break;
            SequenceArrow &arrow = model.arrows[it->second];
            if (arrow.fate != SequenceArrow::Fate::Travelling || event.arrival <= arrow.reachAt) break;
            arrow.delayedBy += event.arrival - arrow.reachAt;
            arrow.reachAt = event.arrival;
            break;
        }
        case TraceKind::StateChanged: {
            model.marks.push_back({event.t, event.side, event.conn, event.from, event.to});
            const SideConn key{event.side, event.conn};
            auto open = openBand.find(key);
            if (open != openBand.end()) {
                model.bands[open->second].end = event.t;
            } else if (event.t > 0) {
                // The state it left, from the start of the session.
                model.bands.push_back({event.side, event.conn, event.from, 0, event.t});
            }
            openBand[key] = model.bands.size();
            model.bands.push_back({event.side, event.conn, event.to, event.t, -1});
            break;
        }
        case TraceKind::TimerArmed: {
            // Armed again while running (a restart): the old countdown stops here.
            closeTimer(model, openTimer, event, SequenceTimer::End::Cancelled);
            SequenceTimer timer;
            timer.side = event.side;
            timer.conn = event.conn;
            timer.kind = event.timer;
            timer.armedAt = event.t;
            timer.deadline = event.deadline;
            timer.duration = event.duration;
            timer.attempt = event.attempt;
            openTimer[{event.side, event.conn, event.timer}] = model.timers.size();
            model.timers.push_back(timer);
            break;
        }
        case TraceKind::TimerCancelled:
            closeTimer(model, openTimer, event, SequenceTimer::End::Cancelled);
            break;
        case TraceKind::TimerFired:
            closeTimer(model, openTimer, event, SequenceTimer::End::Fired);
            break;
        default:
            break;
        }
    }
    if (!trace.events().empty()) model.lastEventAt = trace.events().back().t;
    for (const SequenceArrow &arrow : model.arrows)
        model.longestArrow =
            std::max({model.longestArrow, arrow.reachAt - arrow.sentAt, arrow.endAt - arrow.sentAt});
    for (const SequenceTimer &timer : model.timers)
        model.longestTimer =
            std::max({model.longestTimer, timer.deadline - timer.armedAt, timer.endAt - timer.armedAt});
    return model;
}

std::pair<std::size_t, std::size_t> arrowsBetween(const SequenceModel &model, TimeUs from, TimeUs to)
{
    const auto &arrows = model.arrows;
    auto first = std::lower_bound(arrows.begin(), arrows.end(), from - model.longestArrow,
                                  [](const SequenceArrow &a, TimeUs t) { return a.sentAt < t; });
    auto last = std::upper_bound(first, arrows.end(), to,
                                 [](TimeUs t, const SequenceArrow &a) { return t < a.sentAt; });
    return {std::size_t(first - arrows.begin()), std::size_t(last - arrows.begin())};
}

std::pair<std::size_t, std::size_t> timersBetween(const SequenceModel &model, TimeUs from, TimeUs to)
{
    const auto &timers = model.timers;
    auto first = std::lower_bound(timers.begin(), timers.end(), from - model.longestTimer,
                                  [](const SequenceTimer &a, TimeUs t) { return a.armedAt < t; });
    auto last = std::upper_bound(first, timers.end(), to,
                                 [](TimeUs t, const SequenceTimer &a) { return t < a.armedAt; });
    return {std::size_t(first - timers.begin()), std::size_t(last - timers.begin())};
}

std::optional<ArrowHead> arrowHeadAt(const SequenceArrow &arrow, TimeUs now)
{
    if (now < arrow.sentAt) return std::nullopt;
    if (arrow.fate != SequenceArrow::Fate::Travelling && now >= arrow.endAt)
        return ArrowHead{arrow.endAt, arrow.endFraction, false};
    const TimeUs span = arrow.reachAt - arrow.sentAt;
    const double fraction = span > 0 ? std::clamp(double(now - arrow.sentAt) / double(span), 0.0, 1.0) : 1.0;
    return ArrowHead{std::min(now, std::max(arrow.reachAt, arrow.sentAt)), fraction, true};
}

} // namespace tcplab::ui
