#include "script/packetdrill_runner.h"

#include "script/script_endpoint.h"

#include <algorithm>
#include <cstdio>

namespace tcplab::packetdrill {

std::string_view skipKindName(SkipKind kind)
{
    switch (kind) {
    case SkipKind::Sysctl:
        return "sysctl";
    case SkipKind::Sockstat:
        return "sockstat";
    case SkipKind::Command:
        return "command";
    case SkipKind::Fcntl:
        return "fcntl";
    case SkipKind::SocketOption:
        return "socket-option";
    case SkipKind::TcpOptions:
        return "tcp-options";
    case SkipKind::Window:
        return "window";
    case SkipKind::Ecn:
        return "ecn";
    case SkipKind::CodeBlock:
        return "code-block";
    case SkipKind::UnknownSyscall:
        return "syscall";
    }
    return "?";
}

std::string_view outcomeName(ScriptOutcome outcome)
{
    switch (outcome) {
    case ScriptOutcome::Passed:
        return "passed";
    case ScriptOutcome::Failed:
        return "failed";
    case ScriptOutcome::Skipped:
        return "skipped";
    }
    return "?";
}

std::string RunResult::describe(std::string_view file) const
{
    std::string out(file);
    if (outcome == ScriptOutcome::Skipped) return out + ": skipped: " + reason;
    if (!mismatch) return out + ": " + std::string(outcomeName(outcome));
    out +=
        ':' + std::to_string(mismatch->line) + ": expected " + mismatch->expected + ", got " + mismatch->got;
    return out;
}

std::string describeSegment(std::uint8_t flags, std::uint32_t seqRel, std::uint32_t length,
                            std::optional<std::uint32_t> ackRel)
{
    std::string text;
    if (flags & kSyn) text += 'S';
    if (flags & kFin) text += 'F';
    if (flags & kRst) text += 'R';
    if (flags & kPsh) text += 'P';
    if (flags & kUrg) text += 'U';
    if (flags & kAck) text += '.';
    if (text.empty()) text = "-";
    text += ' ' + std::to_string(seqRel) + ':' + std::to_string(seqRel + length) + '(' +
            std::to_string(length) + ')';
    if (ackRel) text += " ack " + std::to_string(*ackRel);
    return text;
}

EndpointConfig conformanceConfig(const Script &script, const RunOptions &options)
{
    EndpointConfig config;
    config.isnMode = IsnMode::Fixed;
    config.fixedIsn = options.localIss;
    // The MSS the endpoint announces: the script's first '>' segment that lists one, else the MTU's,
    // else 1460 (packetdrill's tun device has an MTU of 1500).
    config.mss = 1460;
    bool fromSegment = false;
    for (const ScriptEvent &event : script.events) {
        const PacketSpec *packet = event.packet();
        if (packet && packet->direction == Direction::Outbound && packet->mss) {
            config.mss = *packet->mss;
            fromSegment = true;
            break;
        }
    }
    if (!fromSegment) {
        if (const auto mtu = script.option("mtu")) {
            long value = std::strtol(mtu->c_str(), nullptr, 10);
            if (value > 40 && value <= 65535) config.mss = static_cast<std::uint16_t>(value - 40);
        }
    }
    config.receiveBuffer = 65535;
    config.autoRead = true; // the runner keeps what arrived for read() itself
    // FreeBSD: TCPTV_RTOBASE 1 s (RFC 6298 §2.1), TCPTV_REXMTMAX 64 s (RFC 6298 §2.5 allows >= 60 s).
    config.initialRto = 1 * kSecond;
    config.minRto = 1 * kSecond;
    config.maxRto = 64 * kSecond;
    // snd-syn-rtx-max-number: FreeBSD sends the SYN 11 times before it gives up.
    config.synRetries = 10;
    config.dataRetries = 12;   // FreeBSD TCP_MAXRXTSHIFT
    config.msl = 30 * kSecond; // FreeBSD net.inet.tcp.msl (TIME-WAIT lasts 60 s)
    return config;
}

RunResult runScript(const Script &script, const RunOptions &options)
{
    ScriptEndpoint endpoint(script, options);
    return endpoint.run();
}

} // namespace tcplab::packetdrill
