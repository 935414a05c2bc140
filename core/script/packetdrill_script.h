#pragma once
// A packetdrill script as a value: what parsePacketdrill() produces and runPacketdrill() consumes. The
// model keeps every line as written (for messages and for the GUI) and its meaning as far as tcplab
// needs it; nothing here knows about a Connection.
//
// Packetdrill's language (github.com/google/packetdrill, and the FreeBSD test suite's dialect):
//   --tolerance_usecs=50000                       an option line (before or between events)
//   +0.10 < S. 0:0(0) ack 1 win 32767 <mss 1460>  a segment injected into the endpoint
//   +0.00 > F. 1:1(0) ack 1 win 65535             a segment the endpoint must send
//    1.00...6.00 connect(3, ..., ...) = -1 ETIMEDOUT (Operation timed out)   a (blocking) socket call
//   +0.00 `sysctl -w net.inet.tcp.blackhole=0`    a shell command
//   +0.00 %{ assert tcpi_state == TCPI_LISTEN }%  a Python block
//   #ifdef STANDARD / #else / #endif              conditional lines (the FreeBSD suite's extension)
#include "tcp/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace tcplab::packetdrill {

enum class TimeKind {
    Absolute, // "0.100": since the start of the script
    Relative, // "+0.10": since the previous event
    Any,      // "*": whenever it happens
};

struct EventTime {
    TimeKind kind = TimeKind::Relative;
    TimeUs start = 0;
    std::optional<TimeUs> end; // "1.00...6.00": a blocking call returns at end (same kind as start)
};

enum class Direction {
    Inbound,  // '<': the script injects it into the endpoint
    Outbound, // '>': the endpoint must send it
};

struct PacketSpec {
    Direction direction = Direction::Inbound;
    std::string flagText;                  // as written: "S.", "F.", "SEW", "."
    std::uint8_t flags = 0;                // tcplab::TcpFlag bits (S F R P . U)
    bool ece = false;                      // 'E' (ECN-Echo): outside tcplab's model
    bool cwr = false;                      // 'W' (CWR): outside tcplab's model
    std::optional<std::uint32_t> seqStart; // nullopt for "...(len)": any sequence number
    std::uint32_t seqEnd = 0;
    std::uint32_t length = 0;
    std::optional<std::uint32_t> ack;    // "ack N"
    std::optional<std::uint32_t> window; // "win N"
    std::optional<std::string> options;  // the text between '<' and '>', e.g. "mss 1460,sackOK,eol,eol"
    std::optional<std::uint16_t> mss;    // the MSS option when the list has one
    bool otherOptions = false;           // the list has options other than MSS (or "...")
};

struct SyscallSpec {
    std::string name;              // "connect"
    std::vector<std::string> args; // trimmed, as written: "3", "...", "SOL_SOCKET", "[65536]"
    std::string result;            // as written: "0", "-1", "0x02", "..."
    std::optional<long long> resultValue;
    std::string errnoName; // "EINPROGRESS"; empty when none
    std::string note;      // the parenthesised text after the result, without the parentheses
};

struct CommandSpec {
    std::string text; // between the backticks
};

struct CodeSpec {
    std::string text; // between %{ and }%, trimmed
};

using EventBody = std::variant<PacketSpec, SyscallSpec, CommandSpec, CodeSpec>;

struct ScriptEvent {
    int line = 0;   // 1-based
    int column = 0; // 1-based column of the body (after the time)
    EventTime time;
    EventBody body;
    std::string source; // the event's text as written, comments removed, trimmed

    const PacketSpec *packet() const { return std::get_if<PacketSpec>(&body); }
    const SyscallSpec *syscall() const { return std::get_if<SyscallSpec>(&body); }
    const CommandSpec *command() const { return std::get_if<CommandSpec>(&body); }
    const CodeSpec *code() const { return std::get_if<CodeSpec>(&body); }
};

struct ScriptOption {
    int line = 0;
    std::string name;  // "tolerance_usecs"
    std::string value; // "50000"; empty for a bare "--flag"
};

struct Script {
    std::string name; // the file it came from, for messages
    std::vector<ScriptOption> options;
    std::vector<ScriptEvent> events;

    // The last value given for --name, if any.
    std::optional<std::string> option(std::string_view optionName) const;
};

struct ParseError {
    int line = 0;   // 1-based
    int column = 0; // 1-based
    std::string message;
    // "file:line:column: message"
    std::string format(std::string_view file) const;
};

struct ParseOptions {
    // Names that #ifdef tests; tcplab runs the suite's STANDARD (RFC) variant.
    std::vector<std::string> defines = {"STANDARD"};
};

struct ParseResult {
    std::optional<Script> script; // set when there is no error
    std::optional<ParseError> error;
    bool ok() const { return script.has_value(); }
};

} // namespace tcplab::packetdrill
