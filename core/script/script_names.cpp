#include "script/script_names.h"

#include <array>

namespace tcplab::packetdrill {

namespace {

// The names tcp_info and sockstat use, which are also the names packetdrill scripts check against.
struct StateNames {
    TcpState state;
    std::string_view tcpi;     // TCPI_SYN_RECEIVED
    std::string_view sockstat; // SYN_RCVD
};
constexpr std::array<StateNames, 11> kStateNames = {{
    {TcpState::Closed, "TCPI_CLOSED", "CLOSED"},
    {TcpState::Listen, "TCPI_LISTEN", "LISTEN"},
    {TcpState::SynSent, "TCPI_SYN_SENT", "SYN_SENT"},
    {TcpState::SynRcvd, "TCPI_SYN_RECEIVED", "SYN_RCVD"},
    {TcpState::Established, "TCPI_ESTABLISHED", "ESTABLISHED"},
    {TcpState::FinWait1, "TCPI_FIN_WAIT_1", "FIN_WAIT_1"},
    {TcpState::FinWait2, "TCPI_FIN_WAIT_2", "FIN_WAIT_2"},
    {TcpState::CloseWait, "TCPI_CLOSE_WAIT", "CLOSE_WAIT"},
    {TcpState::Closing, "TCPI_CLOSING", "CLOSING"},
    {TcpState::LastAck, "TCPI_LAST_ACK", "LAST_ACK"},
    {TcpState::TimeWait, "TCPI_TIME_WAIT", "TIME_WAIT"},
}};

std::string_view word(std::string_view text, std::size_t from)
{
    while (from < text.size() && text[from] == ' ')
        ++from;
    std::size_t to = from;
    while (to < text.size() && text[to] != ' ' && text[to] != '|')
        ++to;
    return text.substr(from, to - from);
}

} // namespace

// ESTABLISHED or a state after it (RFC 9293 §3.5.2's synchronized states).
bool isSynchronizedState(TcpState state)
{
    return state != TcpState::Closed && state != TcpState::Listen && state != TcpState::SynSent &&
           state != TcpState::SynRcvd;
}

std::string_view sockstatName(TcpState state)
{
    for (const StateNames &names : kStateNames) {
        if (names.state == state) return names.sockstat;
    }
    return "?";
}

std::optional<TcpState> stateFromTcpi(std::string_view name)
{
    for (const StateNames &names : kStateNames) {
        if (names.tcpi == name) return names.state;
    }
    if (name == "TCPI_SYN_RCVD") return TcpState::SynRcvd;
    return std::nullopt;
}

std::optional<TcpState> stateFromSockstat(std::string_view name)
{
    for (const StateNames &names : kStateNames) {
        if (names.sockstat == name) return names.state;
    }
    return std::nullopt;
}

std::string_view errnoFor(ConnectionErrorKind kind)
{
    switch (kind) {
    case ConnectionErrorKind::Refused:
        return "ECONNREFUSED";
    case ConnectionErrorKind::Reset:
        return "ECONNRESET";
    case ConnectionErrorKind::TimedOut:
    case ConnectionErrorKind::KeepAliveTimedOut:
        return "ETIMEDOUT";
    }
    return "?";
}

std::optional<long> integerArg(const SyscallSpec &call, std::size_t index)
{
    if (index >= call.args.size()) return std::nullopt;
    std::string_view text = call.args[index];
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
    if (text.empty() || text.size() > 9) return std::nullopt;
    long value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

std::string_view bracketed(std::string_view text)
{
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']') return text.substr(1, text.size() - 2);
    return text;
}

std::string_view tcpiName(TcpState state)
{
    for (const StateNames &names : kStateNames) {
        if (names.state == state) return names.tcpi;
    }
    return "?";
}

// `sockstat ... | grep -c STATE | grep N` (N 0 or 1): whether the socket is in STATE.
std::optional<StateCount> sockstatCount(std::string_view text)
{
    if (text.find("sockstat") == std::string_view::npos) return std::nullopt;
    const std::size_t count = text.find("grep -c ");
    const std::size_t last = text.rfind("| grep ");
    if (count == std::string_view::npos || last == std::string_view::npos || last < count)
        return std::nullopt;
    const std::optional<TcpState> state = stateFromSockstat(word(text, count + 8));
    const std::string_view expected = word(text, last + 7);
    if (!state || (expected != "0" && expected != "1")) return std::nullopt;
    return StateCount{*state, expected == "1"};
}

// `assert tcpi_state == TCPI_X`
std::optional<TcpState> tcpiAssertion(std::string_view text)
{
    const std::size_t field = text.find("tcpi_state");
    const std::size_t equals = text.find("==");
    if (text.substr(0, 6) != "assert" || field == std::string_view::npos ||
        equals == std::string_view::npos || equals < field)
        return std::nullopt;
    return stateFromTcpi(word(text, equals + 2));
}

} // namespace tcplab::packetdrill
