#pragma once
// A simulated session: two endpoints (or several pairs), a link between them, a virtual clock and an event
// queue, and the trace of everything that happens. Deterministic: the same scenario, seed and intents give
// a byte-identical trace. The UI never changes protocol state itself; it sends intents here.
#include "sim/scenario.h"
#include "tcp/connection.h"
#include "trace/trace.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace tcplab {

// Something a user asked for while the session ran; replay applies them at the same times.
struct Intent {
    enum class Kind { DropSegment, DuplicateSegment, DelaySegment, DropNextFrom, Call };
    Kind kind = Kind::DropSegment;
    TimeUs at = 0;
    std::uint64_t segmentId = 0; // Drop/Duplicate/DelaySegment
    TimeUs extraDelay = 0;       // DelaySegment
    Side side = Side::Client;    // DropNextFrom, Call
    ScheduledCall call;          // Call
};

// A segment on the wire at some moment.
struct InFlight {
    std::uint64_t segmentId;
    Side from;
    int conn;
    TimeUs sentAt;
    TimeUs arrival; // when a link rule drops it: the arrival it would have had
    Segment segment;
    bool dropsMidway = false; // a link rule drops it at the mid-point of its flight (the trace says so then)
};

class Session {
public:
    explicit Session(Scenario scenario);
    ~Session();
    Session(Session &&) noexcept;
    Session &operator=(Session &&) noexcept;

    const Scenario &scenario() const;
    const Trace &trace() const;
    TimeUs now() const;

    // Running. runUntil processes every event with time <= t and leaves now() == t.
    void runUntil(TimeUs t);
    // Processes all events at the next event time; false when nothing is left.
    bool step();
    std::optional<TimeUs> nextEventTime() const;
    // Runs until nothing is pending or scenario.endAt.
    void runToEnd();
    bool finished() const;

    // Intents (recorded with now() so that replay repeats them). false when not applicable (e.g. the
    // segment is not in flight) — and then nothing is recorded and nothing changes.
    bool dropSegment(std::uint64_t segmentId);
    bool duplicateSegment(std::uint64_t segmentId);
    bool delaySegment(std::uint64_t segmentId, TimeUs extra);
    // The link drops the next segment `side` sends; the trace shows it dropped mid-way, like a rule's drop.
    void dropNextFrom(Side side);
    // A user call, recorded as a UserCall event. Receive reads everything that arrived. Crash replaces the
    // endpoint by a fresh CLOSED one without a word on the wire (RFC 9293 §3.5.1: the TCB is lost; no
    // StateChanged, its armed timers show as cancelled); Restart is a crash followed, for a server, by
    // LISTEN. An unknown `conn` fails with "no such connection".
    CallResult call(Side side, CallKind kind, std::vector<std::uint8_t> data = {}, int conn = 0);
    const std::vector<Intent> &intents() const;

    // Observation.
    std::vector<InFlight> inFlight() const;
    const Connection &endpoint(Side side, int conn = 0) const;
    int connectionCount() const;

    // A new session from the same scenario with the given intents, run to `until`. Its trace is the
    // prefix of the original's up to `until`.
    static Session replay(const Scenario &scenario, const std::vector<Intent> &intents, TimeUs until);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace tcplab
