#include "sim/scenario.h"

#include "sim/random.h"

#include <string_view>

namespace tcplab {

namespace {

std::vector<std::uint8_t> bytes(std::string_view text)
{
    return {text.begin(), text.end()};
}

ScheduledCall at(TimeUs t, Side side, CallKind call, std::vector<std::uint8_t> data = {})
{
    ScheduledCall scheduled;
    scheduled.at = t;
    scheduled.side = side;
    scheduled.call = call;
    scheduled.data = std::move(data);
    return scheduled;
}

} // namespace

void applyProfile(Scenario &scenario, Profile profile)
{
    scenario.profile = profile;
    switch (profile) {
    case Profile::Teaching:
        // Teaching choice: fixed ISNs so that a class sees the same numbers.
        scenario.client = teachingProfile(1000);
        scenario.server = teachingProfile(5000);
        break;
    case Profile::Linux: {
        // Each end draws its ISN offset from its own seed, derived from the scenario's.
        std::uint64_t state = scenario.seed;
        const std::uint64_t clientSeed = splitmix64(state);
        const std::uint64_t serverSeed = splitmix64(state);
        scenario.client = linuxProfile(clientSeed);
        scenario.server = linuxProfile(serverSeed);
        break;
    }
    }
}

// With the default 50 ms one-way delays the handshake ends at 110 ms (client) and 160 ms (server); the
// request and the reply each take one round trip; the client closes at 600 ms, its FIN reaches the server
// at 650 ms, and the server closes at 900 ms, so CLOSE_WAIT lasts a visible 250 ms. The client then waits
// 2·MSL in TIME_WAIT (2 s in the teaching profile, 60 s in the Linux one).
Scenario defaultScenario(Profile profile, std::uint64_t seed)
{
    Scenario scenario;
    scenario.name = "handshake";
    scenario.seed = seed;
    applyProfile(scenario, profile);
    scenario.calls = {
        at(0, Side::Server, CallKind::Listen),
        at(10 * kMillisecond, Side::Client, CallKind::Connect),
        at(200 * kMillisecond, Side::Client, CallKind::Send, bytes("GET / HTTP/1.0\r\n\r\n")),
        at(400 * kMillisecond, Side::Server, CallKind::Send, bytes("HTTP/1.0 200 OK\r\n\r\nhello\n")),
        at(600 * kMillisecond, Side::Client, CallKind::Close),
        at(900 * kMillisecond, Side::Server, CallKind::Close),
    };
    return scenario;
}

} // namespace tcplab
