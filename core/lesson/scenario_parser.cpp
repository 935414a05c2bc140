#include "lesson/scenario_parser.h"

#include <algorithm>
#include <array>
#include <limits>

namespace tcplab {

namespace {

constexpr int kMaxConnections = 256;
constexpr std::uint64_t kMaxSendBytes = 1 << 20; // a scenario is a demonstration, not a bulk transfer
constexpr TimeUs kMaxTime = 1'000'000 * kSecond; // about 11.5 days of virtual time

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

std::string quote(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<std::string> parseProbability(std::string_view text, double &out)
{
    const std::string expected = "expected a probability from 0 to 1, e.g. 0.2 or 20%";
    bool percent = false;
    if (!text.empty() && text.back() == '%') {
        percent = true;
        text.remove_suffix(1);
    }
    std::uint64_t whole = 0, fraction = 0, scale = 1;
    std::size_t i = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        whole = whole * 10 + static_cast<std::uint64_t>(text[i] - '0');
        if (whole > 100) return expected;
    }
    if (i == 0) return expected;
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (i == text.size()) return expected;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
            if (scale >= 1'000'000'000) return "too many decimals (at most 9)";
            fraction = fraction * 10 + static_cast<std::uint64_t>(text[i] - '0');
            scale *= 10;
        }
    }
    if (i != text.size()) return expected;
    // One correctly rounded division: the same double everywhere.
    double p = static_cast<double>(whole * scale + fraction) / static_cast<double>(scale);
    if (percent) p /= 100.0;
    if (p > 1.0) return expected;
    out = p;
    return std::nullopt;
}

std::optional<std::string> parseOnOff(std::string_view text, bool &out)
{
    if (text == "on" || text == "yes" || text == "true")
        out = true;
    else if (text == "off" || text == "no" || text == "false")
        out = false;
    else
        return "expected on or off";
    return std::nullopt;
}

std::optional<Side> parseSide(std::string_view text)
{
    if (text == "client") return Side::Client;
    if (text == "server") return Side::Server;
    return std::nullopt;
}

struct CallName {
    std::string_view name;
    CallKind kind;
};
constexpr std::array<CallName, 8> kCalls = {{
    {"listen", CallKind::Listen},
    {"connect", CallKind::Connect},
    {"send", CallKind::Send},
    {"receive", CallKind::Receive},
    {"close", CallKind::Close},
    {"abort", CallKind::Abort},
    {"crash", CallKind::Crash},
    {"restart", CallKind::Restart},
}};

// flags=SYN|ACK (must be set), flags=SYN|!ACK (SYN set, ACK clear). Names are those of flagsToString.
// On an error, `errorOffset` is where in `text` the bad name starts.
std::optional<std::string> parseFlagSelector(std::string_view text, std::uint8_t &mask, std::uint8_t &value,
                                             std::size_t &errorOffset)
{
    mask = value = 0;
    errorOffset = 0;
    const std::size_t length = text.size();
    const std::string expected =
        "expected flags such as SYN, SYN|ACK or SYN|!ACK (names: SYN FIN RST PSH ACK URG)";
    if (text.empty()) return expected;
    while (true) {
        const std::size_t bar = text.find('|');
        std::string_view name = text.substr(0, bar);
        const bool negated = !name.empty() && name.front() == '!';
        if (negated) name.remove_prefix(1);
        std::string upper(name);
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
        const std::optional<std::uint8_t> flag = upper.empty() ? std::nullopt : flagsFromString(upper);
        if (!flag) {
            errorOffset = length - text.size();
            return "unknown flag " + quote(name) + "; " + expected;
        }
        mask |= *flag;
        if (!negated) value |= *flag;
        if (bar == std::string_view::npos) return std::nullopt;
        text.remove_prefix(bar + 1);
    }
}

} // namespace

std::optional<std::string> parseCount(std::string_view text, std::uint64_t max, std::uint64_t &out)
{
    if (text.empty()) return "expected a whole number";
    std::uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return "expected a whole number, found " + quote(text);
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (value > (max - digit) / 10) return "number too large (at most " + std::to_string(max) + ")";
        value = value * 10 + digit;
    }
    out = value;
    return std::nullopt;
}

std::optional<std::string> parseTime(std::string_view text, TimeUs &out)
{
    const std::string expected = "expected a time such as 50ms, 1.5s or 200us";
    if (text == "0") {
        out = 0;
        return std::nullopt;
    }
    std::size_t end = 0;
    while (end < text.size() && ((text[end] >= '0' && text[end] <= '9') || text[end] == '.'))
        ++end;
    const std::string_view number = text.substr(0, end);
    const std::string_view unit = text.substr(end);
    TimeUs scale = 0;
    if (unit == "us")
        scale = kMicrosecond;
    else if (unit == "ms")
        scale = kMillisecond;
    else if (unit == "s")
        scale = kSecond;
    else
        return number.empty() ? expected : "expected a unit after " + quote(number) + ": us, ms or s";
    const std::size_t dot = number.find('.');
    const std::string_view whole = number.substr(0, dot);
    const std::string_view fraction =
        dot == std::string_view::npos ? std::string_view{} : number.substr(dot + 1);
    if (whole.empty() || (dot != std::string_view::npos && fraction.empty()) ||
        fraction.find('.') != std::string_view::npos)
        return expected;
    std::uint64_t units = 0;
    if (parseCount(whole, static_cast<std::uint64_t>(kMaxTime), units))
        return "time too large (at most 1000000s)";
    if (units > static_cast<std::uint64_t>(kMaxTime / scale)) return "time too large (at most 1000000s)";
    TimeUs value = static_cast<TimeUs>(units) * scale;
    TimeUs place = scale;
    for (char c : fraction) {
        if (place == 1) return "finer than a microsecond: the clock counts whole microseconds";
        place /= 10;
        value += (c - '0') * place;
    }
    out = value;
    return std::nullopt;
}

std::optional<ParseError> ScenarioParser::tokenize(std::string_view line, int lineNumber,
                                                   std::vector<ScenarioToken> &tokens)
{
    tokens.clear();
    std::size_t i = 0;
    const auto column = [](std::size_t index) { return static_cast<int>(index) + 1; };
    while (true) {
        while (i < line.size() && isBlank(line[i]))
            ++i;
        if (i == line.size() || line[i] == '#') return std::nullopt;
        ScenarioToken token;
        token.column = column(i);
        std::string *target = &token.text;
        while (i < line.size() && !isBlank(line[i]) && line[i] != '#') {
            const char c = line[i];
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                return ParseError{lineNumber, column(i), "unexpected control character"};
            if (c == '=' && !token.hasKey) {
                token.hasKey = true;
                token.key = token.text;
                token.valueColumn = column(i + 1);
                token.text += c;
                target = &token.value;
                ++i;
                continue;
            }
            if (c != '"') {
                token.text += c;
                if (target != &token.text) *target += c;
                ++i;
                continue;
            }
            // A quoted part: blanks and '#' are literal inside; escapes as in C.
            token.quoted = true;
            const std::size_t open = i++;
            std::string part;
            while (true) {
                if (i == line.size())
                    return ParseError{lineNumber, column(open), "unterminated string: expected a closing \""};
                const char q = line[i];
                if (q == '"') {
                    ++i;
                    break;
                }
                if (q != '\\') {
                    if (static_cast<unsigned char>(q) < 0x20 && q != '\t')
                        return ParseError{lineNumber, column(i), "unexpected control character in a string"};
                    part += q;
                    ++i;
                    continue;
                }
                const std::size_t escape = i;
                if (i + 1 == line.size())
                    return ParseError{lineNumber, column(open), "unterminated string: expected a closing \""};
                const char e = line[i + 1];
                i += 2;
                switch (e) {
                case '\\':
                case '"':
                    part += e;
                    break;
                case 'n':
                    part += '\n';
                    break;
                case 'r':
                    part += '\r';
                    break;
                case 't':
                    part += '\t';
                    break;
                case '0':
                    part += '\0';
                    break;
                case 'x': {
                    const int hi = i < line.size() ? hexDigit(line[i]) : -1;
                    const int lo = i + 1 < line.size() ? hexDigit(line[i + 1]) : -1;
                    if (hi < 0 || lo < 0)
                        return ParseError{lineNumber, column(escape), "expected two hex digits after \\x"};
                    part += static_cast<char>(hi * 16 + lo);
                    i += 2;
                    break;
                }
                default:
                    return ParseError{lineNumber, column(escape),
                                      "unknown escape; expected one of \\\\ \\\" \\n \\r \\t \\0 \\xHH"};
                }
            }
            token.text += part;
            if (target != &token.text) *target += part;
        }
        token.endColumn = column(i);
        tokens.push_back(std::move(token));
    }
}

namespace {

// The built-in directives of one parse. Endpoint settings are collected and applied after the profile, so
// `profile` may come anywhere in the file.
class Builder {
public:
    Builder(Scenario &scenario) : m_scenario(scenario) {}

    std::optional<ParseError> directive(const DirectiveLine &line, bool &known);
    std::optional<ParseError> finish(std::optional<Profile> profileOverride,
                                     std::optional<std::uint64_t> seed);

private:
    using Setter = std::function<void(EndpointConfig &)>;
    struct Override {
        Side side;
        Setter set;
    };
    struct CallPlace {
        std::size_t call;
        int line;
        int column;
    };

    std::optional<ParseError> once(const DirectiveLine &line, std::string_view key);
    std::optional<ParseError> endpointSetting(const DirectiveLine &line, Side side, std::string_view setting);
    std::optional<ParseError> call(const DirectiveLine &line, std::size_t first = 1,
                                   std::optional<CallTrigger> trigger = std::nullopt);
    std::optional<ParseError> on(const DirectiveLine &line);
    std::optional<ParseError> rule(const DirectiveLine &line, LinkRule::Action action);

    Scenario &m_scenario;
    Profile m_profile = Profile::Teaching;
    std::vector<Override> m_overrides;
    std::vector<CallPlace> m_callPlaces;
    std::map<std::string, int, std::less<>> m_seen; // single-valued directive → line
    int m_endLine = 0;
    int m_portLine = 0, m_connectionsLine = 0;
};

const ScenarioToken *argument(const DirectiveLine &line, std::size_t i)
{
    return i < line.tokens.size() ? &line.tokens[i] : nullptr;
}

// The error for a missing argument points just past the last word.
ParseError missing(const DirectiveLine &line, std::string message)
{
    return {line.line, line.tokens.back().endColumn, std::move(message)};
}

std::optional<ParseError> exactArguments(const DirectiveLine &line, std::size_t n, std::string_view what)
{
    if (line.tokens.size() < n + 1) return missing(line, "expected " + std::string(what));
    if (line.tokens.size() > n + 1)
        return line.error(line.tokens[n + 1], "unexpected extra word after the value");
    return std::nullopt;
}

std::optional<ParseError> Builder::once(const DirectiveLine &line, std::string_view key)
{
    auto [it, inserted] = m_seen.try_emplace(std::string(key), line.line);
    if (!inserted)
        return line.error(line.tokens[0],
                          quote(key) + " is already set on line " + std::to_string(it->second));
    return std::nullopt;
}

std::optional<ParseError> Builder::directive(const DirectiveLine &line, bool &known)
{
    known = true;
    const ScenarioToken &keyword = line.tokens[0];
    const std::string_view key = keyword.text;
    const ScenarioToken *value = argument(line, 1);
    if (keyword.quoted || keyword.hasKey) {
        known = false;
        return std::nullopt;
    }
    if (key == "at") return call(line);
    if (key == "on") return on(line);
    if (key == "drop") return rule(line, LinkRule::Action::Drop);
    if (key == "duplicate") return rule(line, LinkRule::Action::Duplicate);
    if (key == "delay") return rule(line, LinkRule::Action::Delay);
    if (key == "hold") return rule(line, LinkRule::Action::Hold);

    if (key == "name") {
        if (auto e = exactArguments(line, 1, "a name, e.g. handshake or \"Lost SYN\"")) return e;
        if (auto e = once(line, key)) return e;
        m_scenario.name = value->text;
        return std::nullopt;
    }
    if (key == "profile") {
        if (auto e = exactArguments(line, 1, "a profile: teaching or linux")) return e;
        if (auto e = once(line, key)) return e;
        if (value->text == "teaching")
            m_profile = Profile::Teaching;
        else if (value->text == "linux")
            m_profile = Profile::Linux;
        else
            return line.error(*value,
                              "unknown profile " + quote(value->text) + "; expected teaching or linux");
        return std::nullopt;
    }
    if (key == "seed" || key == "connections") {
        const bool seed = key == "seed";
        if (auto e = exactArguments(line, 1, seed ? "a seed, e.g. 7" : "a number of connections, e.g. 3"))
            return e;
        if (auto e = once(line, key)) return e;
        std::uint64_t n = 0;
        const std::uint64_t max = seed ? std::numeric_limits<std::uint64_t>::max() : kMaxConnections;
        if (auto message = parseCount(value->text, max, n)) return line.error(*value, *message);
        if (seed) {
            m_scenario.seed = n;
        } else {
            if (n == 0) return line.error(*value, "expected at least 1 connection");
            m_scenario.connections = static_cast<int>(n);
            m_connectionsLine = line.line;
        }
        return std::nullopt;
    }
    if (key == "end" || key == "link.delay" || key == "link.delay.c2s" || key == "link.delay.s2c") {
        if (auto e = exactArguments(line, 1, "a time, e.g. 50ms")) return e;
        if (auto e = once(line, key)) return e;
        TimeUs t = 0;
        if (auto message = parseTime(value->text, t)) return line.error(*value, *message);
        if (key == "end") {
            m_scenario.endAt = t;
            m_endLine = line.line;
        }
        if (key == "link.delay" || key == "link.delay.c2s") m_scenario.link.delayClientToServer = t;
        if (key == "link.delay" || key == "link.delay.s2c") m_scenario.link.delayServerToClient = t;
        return std::nullopt;
    }
    for (Side side : {Side::Client, Side::Server}) {
        const std::string prefix = std::string(sideName(side)) + ".";
        if (key.starts_with(prefix)) return endpointSetting(line, side, key.substr(prefix.size()));
    }
    known = false;
    return std::nullopt;
}

std::optional<ParseError> Builder::endpointSetting(const DirectiveLine &line, Side side,
                                                   std::string_view setting)
{
    const ScenarioToken &keyword = line.tokens[0];
    const ScenarioToken *value = argument(line, 1);
    if (auto e = exactArguments(line, 1, "a value for " + keyword.text)) return e;
    if (auto e = once(line, keyword.text)) return e;
    const std::string &text = value->text;
    const auto add = [&](Setter set) {
        m_overrides.push_back({side, std::move(set)});
        return std::nullopt;
    };
    const auto time = [&](TimeUs EndpointConfig::*field) -> std::optional<ParseError> {
        TimeUs t = 0;
        if (auto message = parseTime(text, t)) return line.error(*value, *message);
        return add([field, t](EndpointConfig &c) { c.*field = t; });
    };
    const auto count = [&](auto EndpointConfig::*field, std::uint64_t max) -> std::optional<ParseError> {
        std::uint64_t n = 0;
        if (auto message = parseCount(text, max, n)) return line.error(*value, *message);
        return add([field, n](EndpointConfig &c) {
            c.*field = static_cast<std::remove_reference_t<decltype(c.*field)>>(n);
        });
    };
    const auto onOff = [&](bool EndpointConfig::*field) -> std::optional<ParseError> {
        bool on = false;
        if (auto message = parseOnOff(text, on)) return line.error(*value, *message);
        return add([field, on](EndpointConfig &c) { c.*field = on; });
    };

    if (setting == "isn") {
        if (text == "clock") return add([](EndpointConfig &c) { c.isnMode = IsnMode::ClockDriven; });
        std::uint64_t n = 0;
        if (parseCount(text, 0xffffffffULL, n))
            return line.error(*value, "expected an ISN from 0 to 4294967295, or clock");
        return add([n](EndpointConfig &c) {
            c.isnMode = IsnMode::Fixed;
            c.fixedIsn = static_cast<std::uint32_t>(n);
        });
    }
    if (setting == "port") {
        std::uint64_t n = 0;
        if (parseCount(text, 65535, n) || n == 0)
            return line.error(*value, "expected a port from 1 to 65535");
        if (side == Side::Client)
            m_scenario.clientPort = static_cast<std::uint16_t>(n);
        else
            m_scenario.serverPort = static_cast<std::uint16_t>(n);
        if (side == Side::Client) m_portLine = line.line;
        return std::nullopt;
    }
    if (setting == "mss") return count(&EndpointConfig::mss, 65535);
    if (setting == "window") return count(&EndpointConfig::receiveBuffer, 0xffffffffULL);
    if (setting == "window_scale") {
        // RFC 7323 §2.3: a shift count above 14 MUST NOT be used.
        if (text == "off") return add([](EndpointConfig &c) { c.windowScale.reset(); });
        std::uint64_t n = 0;
        if (parseCount(text, 14, n))
            return line.error(*value, "expected a shift count from 0 to 14 (RFC 7323 §2.3), or off");
        return add([n](EndpointConfig &c) { c.windowScale = static_cast<std::uint8_t>(n); });
    }
    if (setting == "autoread") return onOff(&EndpointConfig::autoRead);
    if (setting == "rto.initial") return time(&EndpointConfig::initialRto);
    if (setting == "rto.min") return time(&EndpointConfig::minRto);
    if (setting == "rto.max") return time(&EndpointConfig::maxRto);
    if (setting == "syn_retries") return count(&EndpointConfig::synRetries, 255);
    if (setting == "retries") return count(&EndpointConfig::dataRetries, 255);
    if (setting == "msl") return time(&EndpointConfig::msl);
    if (setting == "keepalive") return onOff(&EndpointConfig::keepAlive);
    if (setting == "keepalive.idle") return time(&EndpointConfig::keepAliveIdle);
    if (setting == "keepalive.interval") return time(&EndpointConfig::keepAliveInterval);
    if (setting == "keepalive.probes") return count(&EndpointConfig::keepAliveProbes, 255);
    if (setting == "delayed_ack") return onOff(&EndpointConfig::delayedAck);
    if (setting == "delayed_ack.timeout") {
        TimeUs t = 0;
        if (auto message = parseTime(text, t)) return line.error(*value, *message);
        if (t <= 0 || t > 500 * kMillisecond)
            return line.error(*value, "expected a time above 0 and at most 500ms (RFC 9293 §3.8.6.3: an ACK "
                                      "is delayed less than 0.5 s); to send every ACK at once, use "
                                      "delayed_ack off");
        return add([t](EndpointConfig &c) { c.delayedAckTimeout = t; });
    }
    // Point at the setting's name, after "client." or "server.".
    const int settingColumn = keyword.column + static_cast<int>(keyword.text.size() - setting.size());
    return ParseError{
        line.line, settingColumn,
        "unknown " + std::string(sideName(side)) + " setting " + quote(setting) +
            "; expected isn, port, mss, window, window_scale, autoread, rto.initial, rto.min, rto.max, "
            "syn_retries, retries, msl, keepalive, keepalive.idle, keepalive.interval, "
            "keepalive.probes, delayed_ack or delayed_ack.timeout"};
}

// on SIDE STATE|received=N [conn=N] [delay=TIME] SIDE CALL ...: a call that waits for an event of the
// watched side (of the call's connection unless the trigger names its own) instead of a time.
std::optional<ParseError> Builder::on(const DirectiveLine &line)
{
    const std::string usage = "expected e.g. on client ESTABLISHED client send \"GET /\"";
    const ScenarioToken *watched = argument(line, 1);
    if (!watched) return missing(line, usage);
    const std::optional<Side> side = parseSide(watched->text);
    if (!side) return line.error(*watched, "expected client or server, found " + quote(watched->text));
    CallTrigger trigger;
    trigger.side = *side;
    std::optional<int> watchedConn;
    std::size_t i = 2;
    bool haveCondition = false;
    for (; i < line.tokens.size(); ++i) {
        const ScenarioToken &token = line.tokens[i];
        const auto fail = [&](const std::string &message) {
            return ParseError{line.line, token.valueColumn, message};
        };
        std::uint64_t n = 0;
        if (token.hasKey && token.key == "received" && !haveCondition) {
            if (auto message = parseCount(token.value, kMaxSendBytes * 64, n)) return fail(*message);
            if (n == 0) return fail("expected at least 1 byte");
            trigger.receivedBytes = static_cast<std::size_t>(n);
            haveCondition = true;
        } else if (token.hasKey && token.key == "delay") {
            if (auto message = parseTime(token.value, trigger.delay)) return fail(*message);
        } else if (token.hasKey && token.key == "conn") {
            if (auto message = parseCount(token.value, kMaxConnections - 1, n)) return fail(*message);
            watchedConn = static_cast<int>(n);
        } else if (!token.hasKey && !haveCondition) {
            const std::optional<TcpState> state = token.quoted ? std::nullopt : stateFromName(token.text);
            if (!state)
                return line.error(token, "expected a state (e.g. ESTABLISHED) or received=N, found " +
                                             quote(token.text));
            trigger.state = state;
            haveCondition = true;
        } else {
            break;
        }
    }
    if (!haveCondition) return missing(line, "expected a state (e.g. ESTABLISHED) or received=N");
    if (i >= line.tokens.size()) return missing(line, "expected the side that reacts: client or server");
    if (auto error = call(line, i - 1, trigger)) return error;
    ScheduledCall &scheduled = m_scenario.calls.back();
    scheduled.trigger->conn = watchedConn.value_or(scheduled.conn);
    return std::nullopt;
}

std::optional<ParseError> Builder::call(const DirectiveLine &line, std::size_t first,
                                        std::optional<CallTrigger> trigger)
{
    const ScenarioToken *when = argument(line, first);
    if (!when) return missing(line, "expected a time, e.g. at 10ms client connect");
    ScheduledCall scheduled;
    scheduled.trigger = trigger;
    if (!trigger)
        if (auto message = parseTime(when->text, scheduled.at)) return line.error(*when, *message);
    const ScenarioToken *who = argument(line, first + 1);
    if (!who) return missing(line, "expected client or server");
    const std::optional<Side> side = parseSide(who->text);
    if (!side) return line.error(*who, "expected client or server, found " + quote(who->text));
    scheduled.side = *side;
    const ScenarioToken *what = argument(line, first + 2);
    if (!what)
        return missing(line,
                       "expected a call: listen, connect, send, receive, close, abort, crash or restart");
    const auto found = std::find_if(kCalls.begin(), kCalls.end(),
                                    [&](const CallName &c) { return c.name == what->text && !what->quoted; });
    if (found == kCalls.end())
        return line.error(*what,
                          "unknown call " + quote(what->text) +
                              "; expected listen, connect, send, receive, close, abort, crash or restart");
    scheduled.call = found->kind;

    bool haveData = false;
    int connColumn = 0;
    for (std::size_t i = first + 3; i < line.tokens.size(); ++i) {
        const ScenarioToken &token = line.tokens[i];
        const bool crash = scheduled.call == CallKind::Crash || scheduled.call == CallKind::Restart;
        if (crash && token.hasKey && token.key == "isn" && !scheduled.isn) {
            std::uint64_t n = 0;
            if (parseCount(token.value, 0xffffffffULL, n))
                return ParseError{line.line, token.valueColumn, "expected an ISN from 0 to 4294967295"};
            scheduled.isn = static_cast<std::uint32_t>(n);
        } else if (token.hasKey && token.key == "conn") {
            std::uint64_t n = 0;
            if (auto message = parseCount(token.value, kMaxConnections - 1, n))
                return ParseError{line.line, token.valueColumn, *message};
            scheduled.conn = static_cast<int>(n);
            connColumn = token.valueColumn;
        } else if (scheduled.call == CallKind::Send && !haveData && token.quoted && !token.hasKey) {
            scheduled.data.assign(token.text.begin(), token.text.end());
            haveData = true;
        } else if (scheduled.call == CallKind::Send && !haveData && token.hasKey && token.key == "size") {
            std::uint64_t n = 0;
            if (auto message = parseCount(token.value, kMaxSendBytes, n))
                return ParseError{line.line, token.valueColumn, *message};
            // A readable repeating pattern, so the bytes a receiver gets can be checked by eye.
            scheduled.data.resize(static_cast<std::size_t>(n));
            for (std::size_t b = 0; b < scheduled.data.size(); ++b)
                scheduled.data[b] = static_cast<std::uint8_t>('a' + b % 26);
            haveData = true;
        } else if (scheduled.call == CallKind::Receive && scheduled.receiveBytes == 0 && !token.hasKey &&
                   !token.quoted) {
            std::uint64_t n = 0;
            if (auto message = parseCount(token.text, kMaxSendBytes, n)) return line.error(token, *message);
            scheduled.receiveBytes = static_cast<std::size_t>(n);
        } else {
            std::string expected = "conn=N";
            if (crash) expected = "isn=N or conn=N";
            if (scheduled.call == CallKind::Send) expected = "\"data\", size=N or conn=N";
            if (scheduled.call == CallKind::Receive) expected = "a byte count or conn=N";
            return line.error(token, "unexpected " + quote(token.text) + "; expected " + expected);
        }
    }
    if (scheduled.call == CallKind::Send && !haveData)
        return missing(line, "expected the data to send: \"text\" or size=N");
    m_callPlaces.push_back({m_scenario.calls.size(), line.line, connColumn != 0 ? connColumn : when->column});
    m_scenario.calls.push_back(std::move(scheduled));
    return std::nullopt;
}

std::optional<ParseError> Builder::rule(const DirectiveLine &line, LinkRule::Action action)
{
    LinkRule rule;
    rule.action = action;
    bool haveRelease = false, haveExtra = false;
    int beforeColumn = line.tokens[0].column;
    for (std::size_t i = 1; i < line.tokens.size(); ++i) {
        const ScenarioToken &token = line.tokens[i];
        if (!token.hasKey) {
            const std::optional<Side> side = token.quoted ? std::nullopt : parseSide(token.text);
            if (i == 1 && side) {
                rule.from = side;
                continue;
            }
            return line.error(token,
                              "expected key=value (from=, nth=, flags=, id=, after=, before=, p=, count=, "
                              "conn=, release=, extra=, label=), found " +
                                  quote(token.text));
        }
        const auto fail = [&](const std::string &message) {
            return ParseError{line.line, token.valueColumn, message};
        };
        const std::string &key = token.key;
        const std::string &value = token.value;
        std::uint64_t n = 0;
        TimeUs t = 0;
        if (key == "from") {
            const std::optional<Side> side = parseSide(value);
            if (!side) return fail("expected client or server");
            rule.from = side;
        } else if (key == "nth" || key == "count" || key == "conn") {
            const std::uint64_t max = key == "conn" ? kMaxConnections - 1 : std::numeric_limits<int>::max();
            if (auto message = parseCount(value, max, n)) return fail(*message);
            if (key != "conn" && n == 0) return fail("expected a number from 1 (the first)");
            if (key == "nth")
                rule.nth = static_cast<int>(n);
            else if (key == "count")
                rule.count = static_cast<int>(n);
            else
                rule.conn = static_cast<int>(n);
        } else if (key == "id") {
            if (auto message = parseCount(value, std::numeric_limits<std::uint64_t>::max(), n))
                return fail(*message);
            if (n == 0) return fail("expected a segment id from 1");
            rule.segmentId = n;
        } else if (key == "flags") {
            std::size_t offset = 0;
            if (auto message = parseFlagSelector(value, rule.flagsMask, rule.flagsValue, offset))
                return ParseError{line.line, token.valueColumn + static_cast<int>(offset), *message};
        } else if (key == "p") {
            if (auto message = parseProbability(value, rule.probability)) return fail(*message);
        } else if (key == "after" || key == "before" || key == "release" || key == "extra") {
            if (auto message = parseTime(value, t)) return fail(*message);
            if (key == "after") rule.fromTime = t;
            if (key == "before") {
                rule.untilTime = t;
                beforeColumn = token.column;
            }
            if (key == "release") {
                if (action != LinkRule::Action::Hold) return fail("release= belongs to hold rules");
                rule.releaseAt = t;
                haveRelease = true;
            }
            if (key == "extra") {
                if (action != LinkRule::Action::Delay && action != LinkRule::Action::Duplicate)
                    return fail("extra= belongs to delay and duplicate rules");
                rule.extraDelay = t;
                haveExtra = true;
            }
        } else if (key == "label") {
            rule.label = value;
        } else {
            return line.error(token, "unknown rule option " + quote(key) +
                                         "; expected from, nth, flags, id, after, before, p, count, conn, "
                                         "release, extra or label");
        }
    }
    if (action == LinkRule::Action::Hold && !haveRelease)
        return missing(line, "expected release=TIME: when the held segment goes on");
    if (action == LinkRule::Action::Delay && (!haveExtra || rule.extraDelay == 0))
        return missing(line, "expected extra=TIME, more than 0: how much later the segment arrives");
    if (rule.fromTime && rule.untilTime && *rule.untilTime <= *rule.fromTime)
        return ParseError{line.line, beforeColumn, "before= must be later than after="};
    m_scenario.link.rules.push_back(std::move(rule));
    return std::nullopt;
}

std::optional<ParseError> Builder::finish(std::optional<Profile> profileOverride,
                                          std::optional<std::uint64_t> seed)
{
    if (seed) m_scenario.seed = *seed;
    applyProfile(m_scenario, profileOverride.value_or(m_profile));
    for (const Override &o : m_overrides)
        o.set(o.side == Side::Client ? m_scenario.client : m_scenario.server);

    if (m_scenario.clientPort + m_scenario.connections - 1 > 65535)
        return ParseError{std::max(m_portLine, m_connectionsLine), 1,
                          "client ports run past 65535: lower client.port or connections"};
    for (const CallPlace &place : m_callPlaces) {
        const ScheduledCall &call = m_scenario.calls[place.call];
        if (call.conn >= m_scenario.connections)
            return ParseError{place.line, place.column,
                              "connection " + std::to_string(call.conn) + " does not exist (connections " +
                                  std::to_string(m_scenario.connections) + " makes 0 to " +
                                  std::to_string(m_scenario.connections - 1) + ")"};
        if (call.trigger && call.trigger->conn >= m_scenario.connections)
            return ParseError{place.line, 1,
                              "the trigger watches connection " + std::to_string(call.trigger->conn) +
                                  ", which does not exist"};
        if (call.at > m_scenario.endAt)
            return ParseError{place.line, place.column,
                              m_endLine != 0 ? "this call comes after the end of the scenario (end on line " +
                                                   std::to_string(m_endLine) + ")"
                                             : std::string("this call comes after the default end, 600s")};
    }
    return std::nullopt;
}

} // namespace

bool ScenarioParser::registerDirective(std::string keyword, Handler handler)
{
    static constexpr std::array<std::string_view, 14> kBuiltIn = {
        "at",      "on",   "drop",        "duplicate", "delay",      "hold",           "name",
        "profile", "seed", "connections", "end",       "link.delay", "link.delay.c2s", "link.delay.s2c"};
    if (keyword.empty() || !handler) return false;
    if (std::find(kBuiltIn.begin(), kBuiltIn.end(), keyword) != kBuiltIn.end()) return false;
    if (keyword.starts_with("client.") || keyword.starts_with("server.")) return false;
    return m_extra.try_emplace(std::move(keyword), std::move(handler)).second;
}

ParseResult ScenarioParser::parse(std::string_view text) const
{
    ParseResult result;
    Scenario scenario;
    Builder builder(scenario);
    DirectiveLine line;
    int lineNumber = 0;
    while (true) {
        ++lineNumber;
        const std::size_t newline = text.find('\n');
        const std::string_view lineText = text.substr(0, newline);
        if (auto error = tokenize(lineText, lineNumber, line.tokens)) {
            result.error = *error;
            return result;
        }
        if (!line.tokens.empty()) {
            line.line = lineNumber;
            bool known = false;
            if (auto error = builder.directive(line, known)) {
                result.error = *error;
                return result;
            }
            if (!known) {
                auto extra = m_extra.find(line.tokens[0].text);
                if (extra == m_extra.end()) {
                    result.error = line.error(
                        line.tokens[0], "unknown directive " + quote(line.tokens[0].text) +
                                            "; expected a setting (name, profile, seed, connections, end, "
                                            "link.delay, client.*, server.*), a call (at ...) or a link "
                                            "rule (drop, duplicate, delay, hold)");
                    return result;
                }
                if (auto error = extra->second(line, scenario)) {
                    result.error = *error;
                    return result;
                }
            }
        }
        if (newline == std::string_view::npos) break;
        text.remove_prefix(newline + 1);
    }
    if (auto error = builder.finish(m_profileOverride, m_seedOverride)) {
        result.error = *error;
        return result;
    }
    result.scenario = std::move(scenario);
    return result;
}

ParseResult parseScenario(std::string_view text)
{
    return ScenarioParser().parse(text);
}

std::string formatParseError(std::string_view file, const ParseError &error)
{
    return std::string(file) + ":" + std::to_string(error.line) + ":" + std::to_string(error.column) +
           ": error: " + error.message;
}

} // namespace tcplab
