#pragma once
// The sequence diagram's model: plain structs built from the trace, with no painting in them. The
// plottable draws this; tests and the hit-test read it. Rebuilt whenever the trace grows.
#include "sim/scenario.h"
#include "trace/trace.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace tcplab::ui {

// One segment on the wire, from its sender's lifeline towards the receiver's.
struct SequenceArrow {
    enum class Fate {
        Travelling, // sent, neither delivered nor dropped yet (as far as the trace goes)
        Delivered,  // a SegmentDelivered event ends it
        Dropped,    // a SegmentDropped event ends it
    };

    std::uint64_t segmentId = 0;
    Side from = Side::Client;
    int conn = 0;
    TimeUs sentAt = 0;
    // When the head reaches the receiver's lifeline if nothing stops it: the trace's planned arrival, the
    // delivery time once delivered, or (for a segment the link drops as it leaves) the nominal link delay.
    TimeUs reachAt = 0;
    Fate fate = Fate::Travelling;
    TimeUs endAt = -1;        // delivery or drop time from the trace; -1 while travelling
    double endFraction = 1.0; // how far along the way (0 sender … 1 receiver) the arrow ends
    bool retransmission = false;
    bool discarded = false; // the receiver ignored it (SegmentDiscarded)
    QString label;          // segmentLabel() of the segment
    QString dropReason;     // the trace's text for a drop
};

// A side's state changed; written on that side's lifeline.
struct SequenceStateMark {
    TimeUs t = 0;
    Side side = Side::Client;
    int conn = 0;
    TcpState from = TcpState::Closed;
    TcpState to = TcpState::Closed;
};

// A stretch of lifeline spent in one state; `end` is -1 for the current state (open to "now").
struct SequenceStateBand {
    Side side = Side::Client;
    int conn = 0;
    TcpState state = TcpState::Closed;
    TimeUs begin = 0;
    TimeUs end = -1;
};

// Where an arrow's head is at a given time, as a point in (time, fraction-of-the-way) space.
struct ArrowHead {
    TimeUs t = 0;
    double fraction = 0.0;
    bool moving = false; // still on the wire at that time
};

struct SequenceModel {
    std::vector<SequenceArrow> arrows; // in the order the segments were sent
    std::vector<SequenceStateMark> marks;
    std::vector<SequenceStateBand> bands;
    TimeUs lastEventAt = 0;

    const SequenceArrow *arrow(std::uint64_t segmentId) const;
};

// The nominal one-way delays, used only to draw a segment the link dropped at once (the trace has no
// planned arrival for it): its arrow ends half-way, where a lost segment is drawn in textbooks.
struct NominalDelays {
    TimeUs clientToServer = 50 * kMillisecond;
    TimeUs serverToClient = 50 * kMillisecond;
    static NominalDelays fromScenario(const Scenario &scenario);
    TimeUs from(Side side) const { return side == Side::Client ? clientToServer : serverToClient; }
};

SequenceModel buildSequenceModel(const Trace &trace, NominalDelays delays = {});

// The head of `arrow` at time `now` (which the trace has reached), or nullopt before it was sent.
std::optional<ArrowHead> arrowHeadAt(const SequenceArrow &arrow, TimeUs now);

} // namespace tcplab::ui
