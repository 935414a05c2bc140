// The socket calls of a script, as user calls on the endpoint (see docs/packetdrill.md for the table).
#include "script/script_endpoint.h"
#include "script/script_names.h"

#include <algorithm>

namespace tcplab::packetdrill {

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

} // namespace tcplab::packetdrill
