#include "script/script_endpoint.h"

#include "script/script_names.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace tcplab::packetdrill {

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
