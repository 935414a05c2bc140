#pragma once
// The engine behind runScript(): one Connection, a virtual clock, and the script's socket-level view of
// it (file descriptors, bytes the application has not read yet, the pending socket error).
#include "script/packetdrill_runner.h"
#include "tcp/connection.h"

#include <deque>
#include <optional>
#include <string>

namespace tcplab::packetdrill {

class ScriptEndpoint {
public:
    ScriptEndpoint(const Script &script, const RunOptions &options);
    RunResult run();

private:
    struct Sent {
        TimeUs at;
        Segment segment;
        bool retransmission;
    };
    // A call that blocks ("1.00...6.00 connect(...)"): checked when the script reaches its end time.
    struct Blocking {
        std::size_t index;
        TimeUs end;
    };
    // Ends the run at the current line.
    struct Stop {};
    // Ends the run: the script tests something outside tcplab's model.
    struct SkipScript {
        std::string reason;
    };

    void runEvent(std::size_t index);
    void runOutbound(std::size_t index, const PacketSpec &packet, TimeUs due);
    void runInbound(std::size_t index, const PacketSpec &packet);
    void runSyscall(std::size_t index, const SyscallSpec &call);
    void runCommand(std::size_t index, const CommandSpec &command);
    void runCode(std::size_t index, const CodeSpec &code);
    void finishBlocking(std::size_t index);
    void checkCallResult(std::size_t index, const SyscallSpec &call, const CallResult &result);

    // Runs the endpoint's timers whose deadline is <= until; with stopOnSegment, stops as soon as a
    // segment is waiting to be matched.
    void advanceTo(TimeUs until, bool stopOnSegment);
    void drain();
    void record(TraceEvent event);

    [[noreturn]] void fail(std::size_t index, std::string expected, std::string got);
    void pass(std::size_t index, std::string note = {});
    void skip(std::size_t index, SkipKind kind, std::string note = {});
    void uncheck(std::size_t index, SkipKind kind);

    bool inModel(const ScriptEvent &event) const;
    std::string describeSent(const Sent &sent) const;
    std::string describeExpected(const PacketSpec &packet) const;
    std::string timeText(TimeUs t) const;

    const Script &m_script;
    RunOptions m_options;
    TimeUs m_tolerance;
    std::optional<Connection> m_conn;
    RunResult m_result;

    TimeUs m_now = 0;
    TimeUs m_lastEventTime = 0;
    std::uint32_t m_localIsn = 0; // like packetdrill: 0 until the endpoint sends its first SYN
    bool m_localIsnKnown = false;
    std::deque<Sent> m_sent; // sent by the endpoint, not yet matched by a '>' line
    std::uint64_t m_nextSegmentId = 1;

    int m_socketFd = -1;
    int m_listenFd = -1;
    int m_acceptedFd = -1;
    bool m_linger0 = false;
    std::uint32_t m_scriptReceiveBuffer = 0; // the last SO_RCVBUF getsockopt() of the script
    bool m_wasSynchronized = false;
    std::deque<std::uint8_t> m_unread;
    std::optional<ConnectionErrorKind> m_pendingError;
    std::optional<Blocking> m_blocking;
};

} // namespace tcplab::packetdrill
