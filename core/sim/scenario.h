#pragma once
// A session description: both endpoints' settings, the link, and the calls each side makes when.
// The text format is documented in docs/scenario-format.md and parsed by lesson/scenario_parser.h.
#include "tcp/config.h"
#include "trace/trace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tcplab {

// A rule on the link. It matches a segment by sender, position and flags, and then acts on it.
struct LinkRule {
    enum class Action { Drop, Duplicate, Delay, Hold };
    Action action = Action::Drop;

    // Matching (all given conditions must hold).
    std::optional<Side> from;   // segments sent by this side
    std::optional<int> nth;     // the nth segment (1-based) matching the other conditions
    std::uint8_t flagsMask = 0; // (flags & flagsMask) == flagsValue
    std::uint8_t flagsValue = 0;
    std::optional<std::uint64_t> segmentId;
    std::optional<TimeUs> fromTime;  // only segments sent at or after this time
    std::optional<TimeUs> untilTime; // ... and before this time (a cut link)
    double probability = 1.0;        // < 1: random, drawn from the session's seed
    int count = -1;                  // how many segments it may act on; -1: no limit
    std::optional<int> conn;         // only this connection

    // Action parameters.
    TimeUs extraDelay = 0; // Delay; Duplicate: the copy arrives this much after the original
    TimeUs releaseAt = 0;  // Hold: deliver at this absolute time instead
    std::string label;     // shown in the trace as the reason ("drop the SYN+ACK")
};

struct LinkConfig {
    TimeUs delayClientToServer = 50 * kMillisecond;
    TimeUs delayServerToClient = 50 * kMillisecond;
    std::vector<LinkRule> rules;
};

// What an application reacts to, for a call that waits for an event instead of a time (an HTTP client sends
// its request once ESTABLISHED; a server replies when the request has arrived). Fires once.
struct CallTrigger {
    Side side = Side::Client;      // whose progress is watched
    int conn = 0;                  // of which connection pair
    std::optional<TcpState> state; // fires when the side enters this state, or else ...
    std::size_t receivedBytes = 0; // ... when its application has received at least this many bytes
    TimeUs delay = 0;              // the call runs this long after that (the application's think time)
};

struct ScheduledCall {
    TimeUs at = 0;
    Side side = Side::Client;
    CallKind call = CallKind::Connect;
    int conn = 0;
    std::vector<std::uint8_t> data;     // SEND
    std::size_t receiveBytes = 0;       // RECEIVE
    std::optional<CallTrigger> trigger; // when set, `at` is ignored: the call waits for the trigger
    std::optional<std::uint32_t> isn; // CRASH, RESTART: the next incarnation's fixed ISN (its clock moved on)
};

// Which machine plays a side. Only Tcp is TCP; the others are hypothetical protocols shown for contrast,
// kept out of the real state machine (core/variant/) and announced in the trace by a note.
enum class EndpointKind {
    Tcp,
    TwoWayHandshake, // commits on the SYN alone (core/variant/two_way_endpoint.h)
};

// An application-level heartbeat (not TCP's keep-alive): `sender` sends `payload` every `every` while its
// connection is ESTABLISHED; the peer's monitor counts the periods in which nothing arrived and, after
// `misses` in a row, records a note that it declares the sender offline.
struct Heartbeat {
    Side sender = Side::Client;
    int conn = 0;
    TimeUs every = 1 * kSecond;
    int misses = 3;
    std::vector<std::uint8_t> payload{'p', 'i', 'n', 'g'};
};

struct Scenario {
    std::string name = "handshake";
    std::uint64_t seed = 1;
    Profile profile = Profile::Teaching;
    EndpointConfig client;
    EndpointConfig server;
    std::uint16_t clientPort = 40000;
    std::uint16_t serverPort = 80;
    int connections = 1; // connection pairs; pair i uses clientPort + i
    LinkConfig link;
    std::vector<ScheduledCall> calls;
    EndpointKind clientKind = EndpointKind::Tcp;
    EndpointKind serverKind = EndpointKind::Tcp;
    std::vector<Heartbeat> heartbeats;
    TimeUs endAt = 600 * kSecond; // the simulation stops here at the latest
};

// The built-in default: server listens, client connects (three-way handshake), the client sends a little
// data, the server replies, the client closes and the server closes (four-way close), both ends reach
// CLOSED once TIME_WAIT expires.
Scenario defaultScenario(Profile profile = Profile::Teaching, std::uint64_t seed = 1);

// Fills client/server configs from the profile (ISNs 1000 and 5000 for the teaching profile).
void applyProfile(Scenario &scenario, Profile profile);

} // namespace tcplab
