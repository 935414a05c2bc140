// The link's decision on each segment a Connection sends (sim/link.h, as in the simulator), carried out
// before the kernel sees it: dropped and recorded so, held until its time, copied.
#include "io/loopback_driver_impl.h"

#include <algorithm>

namespace tcplab {

// The link decides the segment's fate now; the driver drops it, sends it, or holds it until its time.
void LoopbackDriver::Impl::transmit(TimeUs t, Endpoint &e, const Transmit &tx)
{
    const std::uint64_t id = nextSegmentId++;
    std::optional<std::string> dropped;
    if (e.dropNext > 0) {
        --e.dropNext;
        fate.reset();
        dropped = link->reason(LinkFate::kUserRule, e.side);
    } else {
        link->decide({e.side, e.conn, id, t, tx.segment.flags}, fate);
        if (fate.dropped) dropped = link->reason(fate.dropRule, e.side);
    }
    const TimeUs linkDelay = options.linkDelays ? 0 : link->delay(e.side);
    const TimeUs sendAt = std::max(t, fate.arrival - linkDelay);
    TraceEvent sent = event(t, TraceKind::SegmentSent, e);
    sent.segmentId = id;
    sent.segment = tx.segment;
    sent.retransmission = tx.retransmission;
    sent.keepAliveProbe = tx.keepAliveProbe;
    sent.arrival = dropped ? -1 : sendAt;
    if (!dropped && fate.lastRule != LinkFate::kNoRule) sent.text = link->reason(fate.lastRule, e.side);
    trace.append(std::move(sent));
    if (dropped) {
        recordDrop(t, e, id, tx.segment, tx.retransmission, *dropped);
        return;
    }
    Held segment{id, indexOf(e), t, sendAt, tx.retransmission, tx.segment};
    for (const LinkCopy &copy : fate.copies)
        holdCopy(t, segment, copy.arrival - linkDelay, link->reason(copy.rule, e.side));
    if (sendAt <= t)
        send(t, segment);
    else
        held.push_back(std::move(segment));
}

// A second copy of `original`, sent by the link (not by the endpoint) at `sendAt`.
void LoopbackDriver::Impl::holdCopy(TimeUs t, const Held &original, TimeUs sendAt, std::string why)
{
    ++stats.segmentsDuplicated;
    Held copy = original;
    copy.segmentId = nextSegmentId++;
    copy.sentAt = t;
    copy.sendAt = std::max(t, sendAt);
    TraceEvent sent = event(t, TraceKind::SegmentSent, endpoints[original.endpoint]);
    sent.segmentId = copy.segmentId;
    sent.segment = copy.segment;
    sent.retransmission = copy.retransmission;
    sent.arrival = copy.sendAt;
    sent.duplicateOf = original.segmentId;
    sent.text = std::move(why);
    trace.append(std::move(sent));
    held.push_back(std::move(copy));
}

void LoopbackDriver::Impl::recordDrop(TimeUs t, const Endpoint &e, std::uint64_t id, const Segment &segment,
                                      bool retransmission, const std::string &why)
{
    ++stats.segmentsDropped;
    TraceEvent drop = event(t, TraceKind::SegmentDropped, e);
    drop.segmentId = id;
    drop.segment = segment;
    drop.retransmission = retransmission;
    drop.text = why + " (before sending)";
    trace.append(std::move(drop));
}

// Sends the held segments whose time has come, earliest first.
void LoopbackDriver::Impl::sendDue(TimeUs t)
{
    for (;;) {
        auto next = std::min_element(held.begin(), held.end(),
                                     [](const Held &a, const Held &b) { return a.sendAt < b.sendAt; });
        if (next == held.end() || next->sendAt > t) return;
        const Held segment = std::move(*next);
        held.erase(next);
        send(t, segment);
    }
}

LoopbackDriver::Impl::Held *LoopbackDriver::Impl::findHeld(std::uint64_t segmentId)
{
    auto it = std::find_if(held.begin(), held.end(), [&](const Held &h) { return h.segmentId == segmentId; });
    return it == held.end() ? nullptr : &*it;
}

} // namespace tcplab
