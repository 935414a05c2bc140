#include "script/script_endpoint.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <utility>

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

std::string_view word(std::string_view text, std::size_t from)
{
    while (from < text.size() && text[from] == ' ')
        ++from;
    std::size_t to = from;
    while (to < text.size() && text[to] != ' ' && text[to] != '|')
        ++to;
    return text.substr(from, to - from);
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

} // namespace

ScriptEndpoint::ScriptEndpoint(const Script &script, const RunOptions &options)
    : m_script(script), m_options(options), m_tolerance(4000)
{
    if (options.tolerance) {
        m_tolerance = *options.tolerance;
    } else if (const auto text = script.option("tolerance_usecs")) {
        m_tolerance = std::strtoll(text->c_str(), nullptr, 10);
    }
    m_conn.emplace(conformanceConfig(script, options), options.localPort);
    m_result.lines.reserve(script.events.size());
    for (const ScriptEvent &event : script.events) {
        LineOutcome outcome;
        outcome.line = event.line;
        m_result.lines.push_back(outcome);
    }
}

RunResult ScriptEndpoint::run()
{
    // Whole scripts that depend on something tcplab does not have.
    if (const auto ip = m_script.option("ip_version"); ip && *ip != "ipv4") {
        m_result.outcome = ScriptOutcome::Skipped;
        m_result.reason = "--ip_version=" + *ip + ": tcplab models TCP over IPv4 only";
        return std::move(m_result);
    }
    for (const ScriptEvent &event : m_script.events) {
        const SyscallSpec *call = event.syscall();
        if (call && call->name == "setsockopt" && call->args.size() >= 4 && call->args[2] == "TCP_KEEPINIT") {
            const auto seconds = integerArg(*call, 3);
            if (seconds && *seconds < 75) {
                m_result.outcome = ScriptOutcome::Skipped;
                m_result.reason = "line " + std::to_string(event.line) +
                                  ": TCP_KEEPINIT limits connection setup to " + std::to_string(*seconds) +
                                  " s; tcplab has no such limit (it gives up after synRetries)";
                return std::move(m_result);
            }
        }
    }

    // Three duplicate ACKs ask for a fast retransmit (RFC 5681 §3.2): congestion control is outside
    // tcplab's model (the core retransmits on its RTO only).
    int identical = 0;
    std::optional<std::uint32_t> lastAck;
    for (const ScriptEvent &event : m_script.events) {
        const PacketSpec *packet = event.packet();
        if (!packet || packet->direction != Direction::Inbound) continue;
        const bool pureAck = packet->flags == kAck && packet->length == 0 && packet->ack.has_value();
        if (!pureAck) {
            identical = 0;
            continue;
        }
        identical = identical > 0 && lastAck == packet->ack ? identical + 1 : 1;
        lastAck = packet->ack;
        if (identical == 4) {
            m_result.outcome = ScriptOutcome::Skipped;
            m_result.reason = "line " + std::to_string(event.line) +
                              ": a third duplicate ACK asks for a fast retransmit (RFC 5681 §3.2); "
                              "congestion control is outside tcplab's model";
            return std::move(m_result);
        }
    }

    try {
        for (std::size_t i = 0; i < m_script.events.size(); ++i)
            runEvent(i);
        if (m_blocking) finishBlocking(m_blocking->index);
        if (!m_sent.empty()) {
            TraceEvent note;
            note.t = m_now;
            note.kind = TraceKind::Note;
            note.side = Side::Server;
            note.text = std::to_string(m_sent.size()) + " segment(s) sent after the script's last '>' line, "
                                                        "not checked";
            record(std::move(note));
        }
    } catch (const Stop &) {
    } catch (const SkipScript &skipped) {
        m_result.outcome = ScriptOutcome::Skipped;
        m_result.reason = skipped.reason;
    }
    m_result.finalState = m_conn->state();
    m_result.endTime = m_now;
    return std::move(m_result);
}

void ScriptEndpoint::runEvent(std::size_t index)
{
    const ScriptEvent &event = m_script.events[index];
    TimeUs due = m_now;
    if (event.time.kind != TimeKind::Any) {
        const TimeUs base = event.time.kind == TimeKind::Absolute ? 0 : m_lastEventTime;
        due = base + event.time.start;
    }
    if (m_blocking && event.time.kind != TimeKind::Any && due >= m_blocking->end) {
        finishBlocking(m_blocking->index);
    }

    if (const PacketSpec *packet = event.packet(); packet && packet->direction == Direction::Outbound) {
        runOutbound(index, *packet, due);
        return;
    }

    // An action happens at its time; the endpoint's timers that expire before it run first.
    // A segment the script did not list by then fails it; lines outside the model are transparent.
    if (due > m_now) advanceTo(due - 1, false);
    if (!m_sent.empty() && inModel(event)) {
        fail(index, "no segment from the endpoint before `" + event.source + "`",
             describeSent(m_sent.front()));
    }
    m_now = std::max(m_now, due);
    m_lastEventTime = m_now;
    m_result.lines[index].at = m_now;

    if (const PacketSpec *packet = event.packet())
        runInbound(index, *packet);
    else if (const SyscallSpec *call = event.syscall())
        runSyscall(index, *call);
    else if (const CommandSpec *command = event.command())
        runCommand(index, *command);
    else if (const CodeSpec *code = event.code())
        runCode(index, *code);
}

void ScriptEndpoint::runOutbound(std::size_t index, const PacketSpec &packet, TimeUs due)
{
    const ScriptEvent &event = m_script.events[index];
    const bool any = event.time.kind == TimeKind::Any;
    const TimeUs latest = any ? m_now + m_options.anyTimeLimit : due + m_tolerance;
    advanceTo(latest, true);
    const std::string expected = describeExpected(packet) + (any ? "" : " at " + timeText(due));
    if (m_sent.empty()) fail(index, expected, "no segment by " + timeText(latest));

    const Sent sent = m_sent.front();
    if (!any && sent.at < due - m_tolerance) fail(index, expected, describeSent(sent) + " (too early)");

    const Segment &seg = sent.segment;
    constexpr std::uint8_t kModelled = kSyn | kFin | kRst | kPsh | kAck | kUrg;
    bool same = (seg.flags & kModelled) == packet.flags;
    if (packet.seqStart) same = same && seg.seq - m_localIsn == *packet.seqStart;
    if (packet.ack && (packet.flags & kAck)) same = same && seg.ack - m_options.remoteIsn == *packet.ack;
    same = same && seg.payload.size() == packet.length;
    if (packet.mss) same = same && seg.mss == packet.mss;
    if (!same) {
        std::string want = expected;
        std::string got = describeSent(sent);
        if (packet.mss && seg.mss != packet.mss) {
            want += " <mss " + std::to_string(*packet.mss) + ">";
            got += seg.mss ? " <mss " + std::to_string(*seg.mss) + ">" : " without an MSS option";
        }
        fail(index, want, got);
    }

    m_sent.pop_front();
    m_lastEventTime = sent.at;
    m_result.lines[index].at = sent.at;
    if (packet.ece || packet.cwr) uncheck(index, SkipKind::Ecn);
    if (packet.window) uncheck(index, SkipKind::Window);
    if (packet.otherOptions) uncheck(index, SkipKind::TcpOptions);
    pass(index, "sent " + describeSent(sent));
}

void ScriptEndpoint::runInbound(std::size_t index, const PacketSpec &packet)
{
    Segment seg;
    seg.srcPort = m_options.remotePort;
    seg.dstPort = m_options.localPort;
    seg.flags = packet.flags;
    seg.seq = m_options.remoteIsn + packet.seqStart.value_or(0);
    seg.ack = packet.ack ? m_localIsn + *packet.ack : 0;
    seg.window = static_cast<std::uint16_t>(std::min<std::uint32_t>(packet.window.value_or(65535), 65535));
    seg.mss = packet.mss;
    seg.payload.assign(packet.length, static_cast<std::uint8_t>('x'));
    if (packet.ece || packet.cwr) uncheck(index, SkipKind::Ecn);
    if (packet.otherOptions) uncheck(index, SkipKind::TcpOptions);

    const std::uint64_t id = m_nextSegmentId++;
    TraceEvent sent;
    sent.t = m_now;
    sent.kind = TraceKind::SegmentSent;
    sent.side = Side::Client;
    sent.segmentId = id;
    sent.segment = seg;
    sent.arrival = m_now;
    record(sent);
    TraceEvent delivered = sent;
    delivered.kind = TraceKind::SegmentDelivered;
    delivered.side = Side::Server;
    record(delivered);

    // The FreeBSD suite puts its "right edge" at RCV.NXT + SO_RCVBUF - 1, and FreeBSD's buffer is 65700
    // once the handshake rounds it to a multiple of the MSS; tcplab's window is at most 65535 (no window
    // scaling). Such a segment tests a window tcplab cannot have.
    const TcpState state = m_conn->state();
    if (m_scriptReceiveBuffer > 65536 && state != TcpState::Closed && state != TcpState::Listen &&
        state != TcpState::SynSent) {
        const std::uint32_t offset = seg.seq - m_conn->rcvNxt();
        if (offset >= m_conn->rcvWnd() && offset + 1 == m_scriptReceiveBuffer) {
            throw SkipScript{"line " + std::to_string(m_script.events[index].line) + ": SEG.SEQ = RCV.NXT+" +
                             std::to_string(offset) + " is inside FreeBSD's receive window (SO_RCVBUF " +
                             std::to_string(m_scriptReceiveBuffer) + ") but outside tcplab's (" +
                             std::to_string(m_conn->rcvWnd()) + "; window scaling is outside the model)"};
        }
    }

    m_conn->handleSegment(m_now, seg);
    drain();
    pass(index);
}

void ScriptEndpoint::checkCallResult(std::size_t index, const SyscallSpec &call, const CallResult &result)
{
    const bool expectOk = (call.resultValue && *call.resultValue >= 0) || call.errnoName == "EINPROGRESS" ||
                          call.result == "...";
    if (result.ok == expectOk) return;
    const std::string expected =
        call.name + " = " + call.result + (call.errnoName.empty() ? "" : " " + call.errnoName);
    fail(index, expected, result.ok ? "the call succeeded" : "the call failed: " + std::string(result.error));
}

void ScriptEndpoint::runSyscall(std::size_t index, const SyscallSpec &call)
{
    const auto fd = integerArg(call, 0);
    auto userCall = [&](CallKind kind, const CallResult &result) {
        TraceEvent event;
        event.t = m_now;
        event.kind = TraceKind::UserCall;
        event.side = Side::Server;
        event.call = kind;
        event.callOk = result.ok;
        event.text = std::string(result.error);
        record(std::move(event));
        drain();
    };

    if (call.name == "socket") {
        m_socketFd = call.resultValue ? static_cast<int>(*call.resultValue) : 3;
        pass(index, "the endpoint (one Connection)");
    } else if (call.name == "bind") {
        pass(index, "no-op: the ports are fixed");
    } else if (call.name == "listen") {
        const CallResult result = m_conn->listen(m_now);
        userCall(CallKind::Listen, result);
        checkCallResult(index, call, result);
        m_listenFd = fd ? static_cast<int>(*fd) : m_socketFd;
        pass(index);
    } else if (call.name == "accept") {
        const bool expectOk = call.resultValue && *call.resultValue >= 0;
        if (expectOk && !m_wasSynchronized) {
            fail(index, "accept() = " + call.result,
                 "no connection was established (the endpoint is " +
                     std::string(sockstatName(m_conn->state())) + ")");
        }
        if (call.resultValue) m_acceptedFd = static_cast<int>(*call.resultValue);
        pass(index);
    } else if (call.name == "connect") {
        const CallResult result = m_conn->connect(m_now, m_options.remotePort);
        userCall(CallKind::Connect, result);
        if (m_script.events[index].time.end) {
            if (!result.ok)
                fail(index, "connect() to start", "the call failed: " + std::string(result.error));
            const ScriptEvent &event = m_script.events[index];
            const TimeUs base = event.time.kind == TimeKind::Absolute ? 0 : m_now - event.time.start;
            m_blocking = Blocking{index, base + *event.time.end};
            return;
        }
        checkCallResult(index, call, result);
        pass(index);
    } else if (call.name == "write" || call.name == "send") {
        long length = call.resultValue && *call.resultValue >= 0 ? static_cast<long>(*call.resultValue)
                                                                 : integerArg(call, 2).value_or(0);
        std::vector<std::uint8_t> data(static_cast<std::size_t>(length), static_cast<std::uint8_t>('y'));
        const CallResult result = m_conn->send(m_now, data);
        userCall(CallKind::Send, result);
        checkCallResult(index, call, result);
        pass(index);
    } else if (call.name == "read" || call.name == "recv") {
        const std::size_t wanted = static_cast<std::size_t>(integerArg(call, 2).value_or(0));
        const TcpState state = m_conn->state();
        const bool finReceived = state == TcpState::CloseWait || state == TcpState::LastAck ||
                                 state == TcpState::Closing || state == TcpState::TimeWait;
        std::string got;
        if (!m_unread.empty()) {
            const std::size_t n = std::min(wanted, m_unread.size());
            m_unread.erase(m_unread.begin(), m_unread.begin() + static_cast<std::ptrdiff_t>(n));
            got = std::to_string(n);
        } else if (finReceived) {
            got = "0";
        } else {
            got = "-1 EWOULDBLOCK";
        }
        std::string expected = call.result;
        if (call.errnoName == "EWOULDBLOCK" || call.errnoName == "EAGAIN") expected += " EWOULDBLOCK";
        if (call.result != "..." && got != expected) fail(index, "read() = " + expected, "read() = " + got);
        TraceEvent event;
        event.t = m_now;
        event.kind = TraceKind::UserCall;
        event.side = Side::Server;
        event.call = CallKind::Receive;
        record(std::move(event));
        pass(index, "read() = " + got);
    } else if (call.name == "shutdown") {
        const std::string how = call.args.size() >= 2 ? call.args[1] : std::string();
        if (how != "SHUT_WR" && how != "SHUT_RDWR") {
            skip(index, SkipKind::UnknownSyscall, "shutdown(" + how + ") has no RFC 9293 counterpart");
            return;
        }
        const CallResult result = m_conn->close(m_now);
        userCall(CallKind::Close, result);
        checkCallResult(index, call, result);
        pass(index, "CLOSE (half-close)");
    } else if (call.name == "close") {
        if (fd && *fd == m_listenFd && m_acceptedFd >= 0 && m_acceptedFd != m_listenFd) {
            pass(index, "closes the listening socket; the accepted connection is not affected");
            return;
        }
        if (m_linger0 && m_conn->canAbort()) {
            userCall(CallKind::Abort, m_conn->abort(m_now));
            pass(index, "ABORT (SO_LINGER 0)");
        } else if (m_conn->canClose()) {
            userCall(CallKind::Close, m_conn->close(m_now));
            pass(index, "CLOSE");
        } else {
            pass(index, "nothing left to close");
        }
    } else if (call.name == "setsockopt") {
        if (call.args.size() >= 4 && call.args[2] == "SO_LINGER") {
            const std::string &value = call.args[3];
            m_linger0 =
                value.find("onoff=1") != std::string::npos && value.find("linger=0") != std::string::npos;
            pass(index, m_linger0 ? "close() will ABORT" : "");
            return;
        }
        skip(index, SkipKind::SocketOption);
    } else if (call.name == "getsockopt") {
        if (call.args.size() >= 4 && call.args[2] == "SO_ERROR") {
            const std::string expected(bracketed(call.args[3]));
            const std::string got = m_pendingError ? std::string(errnoFor(*m_pendingError)) : "0";
            m_pendingError.reset();
            if (expected != got) fail(index, "SO_ERROR " + expected, "SO_ERROR " + got);
            pass(index, "SO_ERROR " + got);
            return;
        }
        if (call.args.size() >= 4 && call.args[2] == "SO_RCVBUF") {
            m_scriptReceiveBuffer = static_cast<std::uint32_t>(integerArg(call, 3).value_or(0));
        }
        skip(index, SkipKind::SocketOption);
    } else if (call.name == "fcntl") {
        skip(index, SkipKind::Fcntl);
    } else {
        skip(index, SkipKind::UnknownSyscall, call.name + "() has no counterpart in tcplab");
    }
}

void ScriptEndpoint::finishBlocking(std::size_t index)
{
    const Blocking blocking = *m_blocking;
    m_blocking.reset();
    advanceTo(blocking.end, false);
    const SyscallSpec &call = *m_script.events[index].syscall();
    std::string got;
    if (m_pendingError) {
        got = std::string(errnoFor(*m_pendingError));
        m_pendingError.reset();
    } else if (m_wasSynchronized) {
        got = "0";
    } else {
        got = "still in " + std::string(sockstatName(m_conn->state()));
    }
    const std::string expected = call.errnoName.empty() ? call.result : call.errnoName;
    if (got != expected)
        fail(index, call.name + "() returning " + expected + " at " + timeText(blocking.end), got);
    m_result.lines[index].at = blocking.end;
    pass(index, call.name + "() returned " + got);
}

void ScriptEndpoint::runCommand(std::size_t index, const CommandSpec &command)
{
    if (command.text.rfind("sysctl", 0) == 0) {
        skip(index, SkipKind::Sysctl);
        return;
    }
    const std::optional<StateCount> count =
        m_options.interpretSockstat ? sockstatCount(command.text) : std::nullopt;
    if (!count) {
        skip(index,
             command.text.find("sockstat") != std::string::npos ? SkipKind::Sockstat : SkipKind::Command);
        return;
    }
    const std::string name(sockstatName(count->state));
    if (count->in != (m_conn->state() == count->state)) {
        fail(index, count->in ? "state " + name : "a state other than " + name,
             "state " + std::string(sockstatName(m_conn->state())));
    }
    pass(index, "state " + std::string(sockstatName(m_conn->state())));
}

void ScriptEndpoint::runCode(std::size_t index, const CodeSpec &code)
{
    const std::optional<TcpState> state = tcpiAssertion(code.text);
    if (!state) {
        skip(index, SkipKind::CodeBlock);
        return;
    }
    if (m_conn->state() != *state) {
        fail(index, "tcpi_state == " + std::string(tcpiName(*state)),
             "tcpi_state == " + std::string(tcpiName(m_conn->state())));
    }
    pass(index, "state " + std::string(sockstatName(*state)));
}

bool ScriptEndpoint::inModel(const ScriptEvent &event) const
{
    if (event.packet()) return true;
    if (const SyscallSpec *call = event.syscall()) {
        static constexpr std::array<std::string_view, 11> kCalls = {"socket",  "bind",     "listen", "accept",
                                                                    "connect", "write",    "send",   "read",
                                                                    "recv",    "shutdown", "close"};
        if (std::find(kCalls.begin(), kCalls.end(), call->name) != kCalls.end()) return true;
        if (call->args.size() >= 4 && call->name == "setsockopt") return call->args[2] == "SO_LINGER";
        if (call->args.size() >= 4 && call->name == "getsockopt") return call->args[2] == "SO_ERROR";
        return false;
    }
    if (const CommandSpec *command = event.command()) {
        return m_options.interpretSockstat && sockstatCount(command->text).has_value();
    }
    if (const CodeSpec *code = event.code()) return tcpiAssertion(code->text).has_value();
    return false;
}

void ScriptEndpoint::advanceTo(TimeUs until, bool stopOnSegment)
{
    drain();
    int rounds = 0;
    while (!(stopOnSegment && !m_sent.empty())) {
        const std::optional<TimeUs> deadline = m_conn->pollTimeout();
        if (!deadline || *deadline > until) break;
        if (++rounds > 100000) {
            TraceEvent note;
            note.t = m_now;
            note.kind = TraceKind::Note;
            note.text = "the endpoint's timer keeps expiring at the same time";
            record(std::move(note));
            break;
        }
        m_now = std::max(m_now, *deadline);
        m_conn->handleTimeout(m_now);
        drain();
    }
    if (!(stopOnSegment && !m_sent.empty())) m_now = std::max(m_now, until);
}

void ScriptEndpoint::drain()
{
    while (std::optional<EndpointEvent> event = m_conn->pollEvent()) {
        TraceEvent t;
        t.t = m_now;
        t.side = Side::Server;
        if (const auto *changed = std::get_if<StateChanged>(&*event)) {
            t.kind = TraceKind::StateChanged;
            t.from = changed->from;
            t.to = changed->to;
            t.transition = changed->event;
            t.text = std::string(changed->cause);
            t.rfc = changed->rfc;
            if (isSynchronizedState(changed->to)) m_wasSynchronized = true;
        } else if (const auto *armed = std::get_if<TimerArmed>(&*event)) {
            t.kind = TraceKind::TimerArmed;
            t.timer = armed->kind;
            t.deadline = armed->deadline;
            t.duration = armed->duration;
            t.attempt = armed->attempt;
        } else if (const auto *cancelled = std::get_if<TimerCancelled>(&*event)) {
            t.kind = TraceKind::TimerCancelled;
            t.timer = cancelled->kind;
        } else if (const auto *fired = std::get_if<TimerFired>(&*event)) {
            t.kind = TraceKind::TimerFired;
            t.timer = fired->kind;
            t.attempt = fired->attempt;
        } else if (const auto *discarded = std::get_if<SegmentDiscarded>(&*event)) {
            t.kind = TraceKind::SegmentDiscarded;
            t.segment = discarded->segment;
            t.text = std::string(discarded->reason);
            t.rfc = discarded->rfc;
        } else if (const auto *data = std::get_if<DataDelivered>(&*event)) {
            t.kind = TraceKind::DataDelivered;
            t.data = data->bytes;
            m_unread.insert(m_unread.end(), data->bytes.begin(), data->bytes.end());
        } else if (const auto *error = std::get_if<ConnectionError>(&*event)) {
            t.kind = TraceKind::ConnectionError;
            t.text = std::string(error->message);
            m_pendingError = error->kind;
        }
        record(std::move(t));
    }
    while (std::optional<Transmit> transmit = m_conn->pollTransmit()) {
        const Segment &seg = transmit->segment;
        if (!m_localIsnKnown && seg.has(kSyn)) {
            // Like packetdrill, learn the endpoint's ISN from the first SYN it sends.
            m_localIsn = seg.seq;
            m_localIsnKnown = true;
        }
        TraceEvent t;
        t.t = m_now;
        t.kind = TraceKind::SegmentSent;
        t.side = Side::Server;
        t.segmentId = m_nextSegmentId++;
        t.segment = seg;
        t.retransmission = transmit->retransmission;
        t.keepAliveProbe = transmit->keepAliveProbe;
        t.arrival = m_now;
        record(std::move(t));
        m_sent.push_back({m_now, seg, transmit->retransmission});
    }
}

void ScriptEndpoint::record(TraceEvent event)
{
    m_result.trace.append(std::move(event));
}

void ScriptEndpoint::fail(std::size_t index, std::string expected, std::string got)
{
    const ScriptEvent &event = m_script.events[index];
    m_result.outcome = ScriptOutcome::Failed;
    m_result.mismatch = Mismatch{event.line, event.column, expected, got};
    m_result.reason = "line " + std::to_string(event.line) + ": expected " + expected + ", got " + got;
    LineOutcome &line = m_result.lines[index];
    line.status = LineStatus::Failed;
    if (line.at < 0) line.at = m_now;
    line.note = "expected " + std::move(expected) + ", got " + std::move(got);
    throw Stop{};
}

void ScriptEndpoint::pass(std::size_t index, std::string note)
{
    LineOutcome &line = m_result.lines[index];
    line.status = LineStatus::Passed;
    if (line.at < 0) line.at = m_now;
    if (!note.empty()) line.note = std::move(note);
}

void ScriptEndpoint::skip(std::size_t index, SkipKind kind, std::string note)
{
    LineOutcome &line = m_result.lines[index];
    line.status = LineStatus::Skipped;
    line.skip = kind;
    line.at = m_now;
    line.note =
        note.empty() ? "outside tcplab's model (" + std::string(skipKindName(kind)) + ")" : std::move(note);
    ++m_result.skipped[static_cast<std::size_t>(kind)];
}

void ScriptEndpoint::uncheck(std::size_t index, SkipKind kind)
{
    m_result.lines[index].skip = kind;
    ++m_result.unchecked[static_cast<std::size_t>(kind)];
}

std::string ScriptEndpoint::describeSent(const Sent &sent) const
{
    const Segment &seg = sent.segment;
    const std::optional<std::uint32_t> ack =
        seg.has(kAck) ? std::optional<std::uint32_t>(seg.ack - m_options.remoteIsn) : std::nullopt;
    return describeSegment(seg.flags, seg.seq - m_localIsn, static_cast<std::uint32_t>(seg.payload.size()),
                           ack) +
           " at " + timeText(sent.at);
}

std::string ScriptEndpoint::describeExpected(const PacketSpec &packet) const
{
    const std::optional<std::uint32_t> ack = (packet.flags & kAck) ? packet.ack : std::nullopt;
    if (!packet.seqStart) {
        std::string text = describeSegment(packet.flags, 0, packet.length, ack);
        return text.replace(text.find(' ') + 1, text.find('(') - text.find(' ') - 1, "...");
    }
    return describeSegment(packet.flags, *packet.seqStart, packet.length, ack);
}

std::string ScriptEndpoint::timeText(TimeUs t) const
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%lld.%06lld s", static_cast<long long>(t / kSecond),
                  static_cast<long long>(t % kSecond));
    return buffer;
}

} // namespace tcplab::packetdrill
