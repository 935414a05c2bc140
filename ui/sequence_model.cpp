#include "ui/sequence_model.h"

#include "ui/segment_label.h"

#include <algorithm>
#include <map>
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

SequenceModel buildSequenceModel(const Trace &trace, NominalDelays delays)
{
    SequenceModel model;
    std::unordered_map<std::uint64_t, std::size_t> arrowIndex;
    std::map<std::pair<Side, int>, std::size_t> openBand;

    for (const TraceEvent &event : trace.events()) {
        switch (event.kind) {
        case TraceKind::SegmentSent: {
            SequenceArrow arrow;
            arrow.segmentId = event.segmentId;
            arrow.from = event.side;
            arrow.conn = event.conn;
            arrow.sentAt = event.t;
            arrow.reachAt = event.arrival > event.t ? event.arrival : event.t + delays.from(event.side);
            arrow.retransmission = event.retransmission;
            arrow.label = segmentLabel(event.segment);
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
        case TraceKind::StateChanged: {
            model.marks.push_back({event.t, event.side, event.conn, event.from, event.to});
            const auto key = std::make_pair(event.side, event.conn);
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
        default:
            break;
        }
    }
    if (!trace.events().empty()) model.lastEventAt = trace.events().back().t;
    return model;
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
