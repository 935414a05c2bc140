#pragma once
// A trace re-timed for drawing one step per segment. On loopback a whole handshake takes a few
// microseconds, so on its real clock every arrow would lie on one line; here segment i is sent at
// (i + 1) × step and arrives `flight` later, and every other event keeps its place between them: an event
// at the same moment as a segment's sending is drawn there, one while it travels at its arrival, a later
// one half-way to the next segment. Timer events are left out (their lengths would be meaningless).
#include "trace/trace.h"

namespace tcplab::ui {

struct StepLayout {
    TimeUs step = 100 * kMillisecond;
    TimeUs flight = 60 * kMillisecond;
};

// Every SegmentSent gets a SegmentDelivered at its drawn arrival (loopback loses nothing; a segment the
// real trace dropped keeps its drop instead).
Trace stepLayout(const Trace &real, StepLayout layout = {});

} // namespace tcplab::ui
