#pragma once
// Runs a packetdrill Script against one core endpoint (a tcplab::Connection) in virtual time. The script
// plays the remote peer and the application: socket calls become user calls, '<' lines are handed to
// handleSegment, '>' lines must match what the endpoint sends (flags, seq, ack, length) within the
// script's time tolerance, and state assertions check the endpoint's state.
//
// Numbering follows packetdrill: in '<' lines seq is relative to the remote ISN the runner picks
// (RunOptions::remoteIsn) and ack to the endpoint's ISS; in '>' lines seq is relative to the endpoint's
// ISS and ack to the remote ISN.
//
// What tcplab does not model (TCP options other than MSS, window values of '>' lines, ECN flags, sysctl
// and other shell commands, fcntl, socket buffer options) is skipped, and every skipped line is counted
// by kind in the result.
#include "script/packetdrill_script.h"
#include "tcp/config.h"
#include "tcp/state.h"
#include "trace/trace.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcplab::packetdrill {

// Why a line (or part of one) was not checked.
enum class SkipKind {
    Sysctl,   // `sysctl ...`: FreeBSD tuning
    Sockstat, // `sockstat ...` other than a count of one state (or all of them with interpretSockstat off)
    Command,  // another shell command (`tcpdrop`, ...)
    Fcntl,    // fcntl(): blocking mode
    SocketOption,   // setsockopt/getsockopt other than SO_ERROR and SO_LINGER
    TcpOptions,     // TCP options other than MSS in a '>' line
    Window,         // the window value of a '>' line
    Ecn,            // E/W flags (RFC 3168): the segment is used without them
    CodeBlock,      // %{ }% other than a tcpi_state assertion
    UnknownSyscall, // a system call tcplab has no counterpart for
};
constexpr int kSkipKindCount = 10;
std::string_view skipKindName(SkipKind kind); // "sysctl", "tcp-options", ...

enum class LineStatus {
    NotReached, // the script failed before this line
    Passed,     // executed and, where it checks something, matched
    Skipped,    // wholly outside tcplab's model (see LineOutcome::skip)
    Failed,     // the first mismatch
};

struct LineOutcome {
    int line = 0;
    LineStatus status = LineStatus::NotReached;
    std::optional<SkipKind> skip; // also set for a Passed line of which a part was not checked
    TimeUs at = -1;               // virtual time it ran (for '>' lines: when the segment was sent)
    std::string note;             // what happened, e.g. "sent F. 1:1(0) ack 1"
};

struct Mismatch {
    int line = 0;
    int column = 0;
    std::string expected;
    std::string got;
};

enum class ScriptOutcome { Passed, Failed, Skipped };
std::string_view outcomeName(ScriptOutcome outcome); // "passed", "failed", "skipped"

struct RunOptions {
    std::optional<TimeUs> tolerance; // overrides --tolerance_usecs (packetdrill's default is 4000 µs)
    std::uint32_t localIss = 1000;   // the endpoint's fixed ISS (any: numbers in the script are relative)
    std::uint32_t remoteIsn = 0x40000000; // the ISN of the script's peer (any)
    std::uint16_t localPort = 8080;
    std::uint16_t remotePort = 50000;
    TimeUs anyTimeLimit = 600 * kSecond; // how long a '*' line waits for its segment
    // `sockstat ... | grep -c TIME_WAIT | grep 1` counts the sockets in a state: read it as a state check.
    // The FreeBSD suite checks states this way (TIME_WAIT, SYN_RCVD, CLOSED); off: skip such lines.
    bool interpretSockstat = true;
};

// The endpoint's settings for conformance runs: the RFC 9293 core with FreeBSD-like numbers (initial
// RTO 1 s, MSL 30 s); the MSS comes from the script when it states one.
EndpointConfig conformanceConfig(const Script &script, const RunOptions &options);

struct RunResult {
    ScriptOutcome outcome = ScriptOutcome::Passed;
    std::string reason;                          // for Skipped: why; for Failed: the mismatch in one line
    std::optional<Mismatch> mismatch;            // for Failed
    std::vector<LineOutcome> lines;              // one per script event, in order
    std::array<int, kSkipKindCount> skipped{};   // whole lines skipped, by SkipKind
    std::array<int, kSkipKindCount> unchecked{}; // parts of executed lines not checked (options, window, ECN)
    Trace trace; // the endpoint is Side::Server, the script's peer Side::Client
    TcpState finalState = TcpState::Closed;
    TimeUs endTime = 0;

    int skippedCount(SkipKind kind) const { return skipped[static_cast<std::size_t>(kind)]; }
    int uncheckedCount(SkipKind kind) const { return unchecked[static_cast<std::size_t>(kind)]; }
    // "file:line: expected ..., got ..."
    std::string describe(std::string_view file) const;
};

RunResult runScript(const Script &script, const RunOptions &options = {});

// Packetdrill's notation for a segment, relative to the given ISNs: "S. 0:0(0) ack 1".
std::string describeSegment(std::uint8_t flags, std::uint32_t seqRel, std::uint32_t length,
                            std::optional<std::uint32_t> ackRel);

} // namespace tcplab::packetdrill
