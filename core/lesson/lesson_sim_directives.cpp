// Directives of the lesson format that configure the simulator beyond the plain scenario format:
//   variant SIDE two-way                                   a hypothetical machine plays that side
//   heartbeat SIDE every=TIME misses=N [conn=N] [data=".."] an application heartbeat and its monitor
#include "lesson/scenario_parser.h"

namespace tcplab {

namespace {

std::optional<ParseError> variant(const DirectiveLine &line, Scenario &scenario)
{
    if (line.tokens.size() < 3)
        return ParseError{line.line, line.tokens.back().endColumn, "expected e.g. variant server two-way"};
    const ScenarioToken &side = line.tokens[1];
    if (side.text != "client" && side.text != "server")
        return line.error(side, "expected client or server, found \"" + side.text + "\"");
    const ScenarioToken &kind = line.tokens[2];
    if (kind.text != "two-way")
        return line.error(kind, "unknown variant \"" + kind.text + "\"; expected two-way");
    if (line.tokens.size() > 3) return line.error(line.tokens[3], "unexpected extra word");
    (side.text == "client" ? scenario.clientKind : scenario.serverKind) = EndpointKind::TwoWayHandshake;
    return std::nullopt;
}

std::optional<ParseError> heartbeat(const DirectiveLine &line, Scenario &scenario)
{
    if (line.tokens.size() < 2)
        return ParseError{line.line, line.tokens.back().endColumn,
                          "expected e.g. heartbeat client every=1s misses=3"};
    const ScenarioToken &side = line.tokens[1];
    if (side.text != "client" && side.text != "server")
        return line.error(side, "expected the sending side, client or server, found \"" + side.text + "\"");
    Heartbeat beat;
    beat.sender = side.text == "client" ? Side::Client : Side::Server;
    bool haveEvery = false, haveMisses = false;
    for (std::size_t i = 2; i < line.tokens.size(); ++i) {
        const ScenarioToken &token = line.tokens[i];
        const auto fail = [&](const std::string &message) {
            return ParseError{line.line, token.valueColumn, message};
        };
        std::uint64_t n = 0;
        if (token.hasKey && token.key == "every") {
            if (auto message = parseTime(token.value, beat.every)) return fail(*message);
            if (beat.every <= 0) return fail("expected a period longer than 0");
            haveEvery = true;
        } else if (token.hasKey && token.key == "misses") {
            if (auto message = parseCount(token.value, 1000, n)) return fail(*message);
            if (n == 0) return fail("expected at least 1 miss");
            beat.misses = static_cast<int>(n);
            haveMisses = true;
        } else if (token.hasKey && token.key == "conn") {
            if (auto message = parseCount(token.value, 255, n)) return fail(*message);
            beat.conn = static_cast<int>(n);
        } else if (token.hasKey && token.key == "data") {
            if (token.value.empty()) return fail("expected the heartbeat's bytes, e.g. data=\"ping\"");
            beat.payload.assign(token.value.begin(), token.value.end());
        } else {
            return line.error(token,
                              "expected every=, misses=, conn= or data=, found \"" + token.text + "\"");
        }
    }
    if (!haveEvery || !haveMisses)
        return ParseError{line.line, line.tokens.back().endColumn,
                          haveEvery ? "expected misses=N" : "expected every=TIME"};
    scenario.heartbeats.push_back(std::move(beat));
    return std::nullopt;
}

} // namespace

void registerVariantDirectives(ScenarioParser &parser)
{
    parser.registerDirective("variant", variant);
    parser.registerDirective("heartbeat", heartbeat);
}

} // namespace tcplab
