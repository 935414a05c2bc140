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
    bool keepAliveProbe = false;
    bool discarded = false;        // the receiver ignored it (SegmentDiscarded)
    std::uint64_t duplicateOf = 0; // a copy the link made: the original's id
    TimeUs delayedBy = 0;          // the user held it on the wire this much longer
    QString label;                 // segmentLabel() of the segment, absolute or relative numbers
    QString dropReason;            // the trace's text for a drop
};

// A timer of one endpoint, from the trace's TimerArmed to its TimerCancelled or TimerFired (or still
// running). Drawn as a bar beside the lifeline.
struct SequenceTimer {
    enum class End { Running, Cancelled, Fired };

    Side side = Side::Client;
    int conn = 0;
    TimerKind kind = TimerKind::Retransmission;
    TimeUs armedAt = 0;
    TimeUs deadline = 0;
    TimeUs duration = 0;
    int attempt = 0; // RTO: retransmissions before this arming; keep-alive: probes sent
    End end = End::Running;
    TimeUs endAt = -1; // cancel or fire time; -1 while running

    // Where the bar stops: the deadline while it runs (the countdown's goal), else when it stopped.
    TimeUs barEnd() const { return end == End::Running ? deadline : endAt; }
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
    std::vector<SequenceArrow> arrows; // in the order the segments were sent, so sorted by sentAt
    std::vector<SequenceStateMark> marks;
    std::vector<SequenceStateBand> bands;
    std::vector<SequenceTimer> timers; // in the order they were armed, so sorted by armedAt
    TimeUs lastEventAt = 0;
    // The longest time any arrow spans from its send time (to arrival or loss), and any timer bar from
    // its arming: with the sorted send times, what bounds a search for what a time range shows.
    TimeUs longestArrow = 0;
    TimeUs longestTimer = 0;

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

// How sequence and acknowledgment numbers are written: as on the wire, or relative to each side's initial
// sequence number (its SYN's seq), as Wireshark shows them by default.
enum class SeqNumbers { Absolute, Relative };

SequenceModel buildSequenceModel(const Trace &trace, NominalDelays delays = {},
                                 SeqNumbers numbers = SeqNumbers::Absolute);

// Indexes [first, last) of the arrows (or timers) that can show anything between `from` and `to`.
std::pair<std::size_t, std::size_t> arrowsBetween(const SequenceModel &model, TimeUs from, TimeUs to);
std::pair<std::size_t, std::size_t> timersBetween(const SequenceModel &model, TimeUs from, TimeUs to);

// The head of `arrow` at time `now` (which the trace has reached), or nullopt before it was sent.
std::optional<ArrowHead> arrowHeadAt(const SequenceArrow &arrow, TimeUs now);

} // namespace tcplab::ui
