// The core against the Linux kernel's TCP through a TUN device in a private network namespace: the core is
// 10.0.0.2 behind the TUN, the kernel 10.0.0.1 on it. Each case checks the states on both sides - the core's
// from its Connection and trace, the kernel's from TCP_INFO and NETLINK_SOCK_DIAG inside the namespace.
#include "io/kernel_diag.h"
#include "io/netns_scope.h"
#include "io/tun_device.h"
#include "io/tun_endpoint.h"
#include "tcp/config.h"
#include "trace/json_writer.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <netinet/in.h>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace tcplab {
namespace {

constexpr std::uint32_t kKernelIp = 0x0a000001; // 10.0.0.1, on the TUN
constexpr std::uint32_t kCoreIp = 0x0a000002;   // 10.0.0.2, behind it
constexpr std::uint16_t kServerPort = 8080;
constexpr std::uint16_t kClientPort = 40000;
constexpr TimeUs kStepTimeout = 3 * kSecond;

class Fd {
public:
    explicit Fd(int fd = -1) : m_fd(fd) {}
    ~Fd() { reset(); }
    Fd(Fd &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    Fd &operator=(Fd &&other) noexcept
    {
        reset(std::exchange(other.m_fd, -1));
        return *this;
    }
    int get() const { return m_fd; }
    void reset(int fd = -1)
    {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = fd;
    }

private:
    int m_fd;
};

sockaddr_in address(std::uint32_t ip, std::uint16_t port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(ip);
    a.sin_port = htons(port);
    return a;
}

std::vector<std::uint8_t> pattern(std::size_t n, std::uint8_t seed)
{
    std::vector<std::uint8_t> bytes(n);
    for (std::size_t i = 0; i < n; ++i)
        bytes[i] = static_cast<std::uint8_t>(seed + i * 7);
    return bytes;
}

// The core's state changes, in order, from its trace.
std::vector<TcpState> coreStates(const Trace &trace)
{
    std::vector<TcpState> states;
    for (const TraceEvent &e : trace.events())
        if (e.kind == TraceKind::StateChanged) states.push_back(e.to);
    return states;
}

class KernelInterop : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (::geteuid() != 0)
            GTEST_SKIP()
                << "needs root: the test creates a network namespace and a TUN device (CI runs as root)";
        if (::access("/dev/net/tun", R_OK | W_OK) != 0)
            GTEST_SKIP() << "/dev/net/tun is not available (" << std::strerror(errno)
                         << "); load the tun module or give the container the device";
        if (const std::string error = m_netns.enter(); !error.empty())
            GTEST_SKIP() << "cannot create a private network namespace: " << error;
        ASSERT_EQ(m_tun.open(), "");
        ASSERT_EQ(m_tun.configure(kKernelIp, 24), "");
        m_started = std::chrono::steady_clock::now();
    }

    void TearDown() override
    {
        if (m_core && (HasFailure() || std::getenv("TCPLAB_INTEROP_TRACE")))
            std::cerr << traceToJsonLines(m_core->trace());
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - m_started);
        if (m_core) std::cerr << "[ timing ] " << ms.count() << " ms\n";
    }

    EndpointConfig coreConfig(TimeUs initialRto = 1 * kSecond)
    {
        EndpointConfig config = linuxProfile(7);
        config.mss = 1460;               // the TUN's MTU is 1500
        config.msl = 250 * kMillisecond; // a short TIME_WAIT so that the whole close fits in the test
        config.initialRto = initialRto;
        return config;
    }

    void makeCore(Side side, EndpointConfig config)
    {
        TunEndpointOptions options;
        options.side = side;
        options.localIp = kCoreIp;
        options.kernelIp = kKernelIp;
        options.localPort = side == Side::Client ? kClientPort : kServerPort;
        options.remotePort = kServerPort;
        options.config = config;
        m_core = std::make_unique<TunEndpoint>(m_tun, options);
    }

    bool waitCore(TcpState state, TimeUs timeout = kStepTimeout)
    {
        return m_core->runUntil([&] { return m_core->connection().state() == state; }, timeout);
    }

    // The kernel's socket for the one connection, from sock_diag: nullopt when it is gone.
    std::optional<TcpState> kernelDiagState()
    {
        const DiagDump dump = dumpTcpSockets();
        EXPECT_EQ(dump.error, "");
        for (const KernelSocket &s : dump.sockets)
            if (s.localIp == kKernelIp && s.remoteIp == kCoreIp &&
                s.remotePort == m_core->connection().localPort())
                return fromLinuxState(s.linuxState);
        return std::nullopt;
    }

    std::optional<TcpState> kernelFdState(const Fd &fd)
    {
        const auto info = tcpInfo(fd.get());
        if (!info) return std::nullopt;
        return info->state();
    }

    Fd kernelListen()
    {
        Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
        const int one = 1;
        ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        const sockaddr_in a = address(kKernelIp, kServerPort);
        EXPECT_EQ(::bind(fd.get(), reinterpret_cast<const sockaddr *>(&a), sizeof a), 0)
            << std::strerror(errno);
        EXPECT_EQ(::listen(fd.get(), 4), 0);
        return fd;
    }

    Fd kernelAccept(const Fd &listener)
    {
        int accepted = -1;
        m_core->runUntil(
            [&] {
                accepted = ::accept4(listener.get(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
                return accepted >= 0;
            },
            kStepTimeout);
        return Fd(accepted);
    }

    Fd kernelConnect()
    {
        Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
        const sockaddr_in local = address(kKernelIp, kClientPort);
        EXPECT_EQ(::bind(fd.get(), reinterpret_cast<const sockaddr *>(&local), sizeof local), 0);
        const sockaddr_in to = address(kCoreIp, kServerPort);
        const int rc = ::connect(fd.get(), reinterpret_cast<const sockaddr *>(&to), sizeof to);
        EXPECT_TRUE(rc == 0 || errno == EINPROGRESS) << std::strerror(errno);
        return fd;
    }

    // Reads from the kernel socket while the core runs, until `n` bytes or end of stream.
    std::vector<std::uint8_t> kernelRead(const Fd &fd, std::size_t n, bool untilEof = false)
    {
        std::vector<std::uint8_t> got;
        bool eof = false;
        m_core->runUntil(
            [&] {
                std::uint8_t buffer[65536];
                for (;;) {
                    const ssize_t r = ::read(fd.get(), buffer, sizeof buffer);
                    if (r == 0) eof = true;
                    if (r <= 0) break;
                    got.insert(got.end(), buffer, buffer + r);
                }
                return untilEof ? eof : got.size() >= n;
            },
            kStepTimeout);
        return got;
    }

    void kernelWrite(const Fd &fd, const std::vector<std::uint8_t> &data)
    {
        std::size_t written = 0;
        m_core->runUntil(
            [&] {
                const ssize_t w = ::write(fd.get(), data.data() + written, data.size() - written);
                if (w > 0) written += static_cast<std::size_t>(w);
                return written == data.size();
            },
            kStepTimeout);
        ASSERT_EQ(written, data.size());
    }

    // Data both ways, more than one window's worth of segments. The core's Linux profile offers wscale 7,
    // so both ends scale (RFC 7323 §2.2): the kernel reads the core's windows << 7 and sends its own >> its
    // shift, and 100000 bytes still arrive exactly.
    void exchangeData(const Fd &kernel)
    {
        const auto request = pattern(3000, 1);
        ASSERT_TRUE(m_core->call(CallKind::Send, request).ok);
        EXPECT_EQ(kernelRead(kernel, request.size()), request);
        const auto reply = pattern(100000, 9);
        kernelWrite(kernel, reply);
        ASSERT_TRUE(
            m_core->runUntil([&] { return m_core->received().size() >= reply.size(); }, kStepTimeout));
        EXPECT_EQ(m_core->received(), reply);
        const auto info = tcpInfo(kernel.get());
        ASSERT_TRUE(info);
        EXPECT_TRUE(info->windowScaling) << "both SYNs carry wscale, so both sides scale";
        EXPECT_EQ(info->sndWscale, 7) << "the kernel scales what it reads from the core by the core's shift";
        EXPECT_FALSE(info->timestamps) << "the core's SYN has no timestamps option";
        EXPECT_EQ(info->sndMss, 1460u);
    }

    // The core closes first: FIN_WAIT_1 -> FIN_WAIT_2 -> TIME_WAIT; the kernel CLOSE_WAIT -> LAST_ACK ->
    // gone.
    void coreClosesFirst(Fd &kernel)
    {
        ASSERT_TRUE(m_core->call(CallKind::Close).ok);
        EXPECT_EQ(m_core->connection().state(), TcpState::FinWait1);
        ASSERT_TRUE(waitCore(TcpState::FinWait2));
        EXPECT_TRUE(kernelRead(kernel, 0, true).empty()); // end of stream: the core's FIN arrived
        EXPECT_EQ(kernelFdState(kernel), TcpState::CloseWait);
        EXPECT_EQ(kernelDiagState(), TcpState::CloseWait);
        kernel.reset();
        // The core has not read the kernel's FIN yet: the kernel waits in LAST_ACK.
        EXPECT_EQ(kernelDiagState(), TcpState::LastAck);
        ASSERT_TRUE(waitCore(TcpState::TimeWait));
        ASSERT_TRUE(m_core->runUntil([&] { return !kernelDiagState(); }, kStepTimeout))
            << "kernel still LAST_ACK";
        ASSERT_TRUE(waitCore(TcpState::Closed));
    }

    // The kernel closes first: FIN_WAIT_1 -> FIN_WAIT_2 -> TIME_WAIT; the core CLOSE_WAIT -> LAST_ACK ->
    // CLOSED.
    void kernelClosesFirst(Fd &kernel)
    {
        kernel.reset();
        EXPECT_EQ(kernelDiagState(), TcpState::FinWait1); // the core has not read the FIN yet
        ASSERT_TRUE(waitCore(TcpState::CloseWait));
        // The core may delay its ACK of the FIN (RFC 9293 §3.8.6.3, as Linux's tcp_fin() does); the kernel
        // reaches FIN_WAIT_2 when that ACK arrives.
        ASSERT_TRUE(m_core->runUntil([&] { return kernelDiagState() == TcpState::FinWait2; }, kStepTimeout))
            << "kernel never left FIN_WAIT_1: the core did not ACK its FIN";
        ASSERT_TRUE(m_core->call(CallKind::Close).ok);
        EXPECT_EQ(m_core->connection().state(), TcpState::LastAck);
        ASSERT_TRUE(waitCore(TcpState::Closed));
        EXPECT_EQ(kernelDiagState(), TcpState::TimeWait) << "TIME_WAIT is visible only through sock_diag";
    }

    NetnsScope m_netns; // first member: left last, after every fd of the namespace is closed
    TunDevice m_tun;
    std::unique_ptr<TunEndpoint> m_core;
    std::chrono::steady_clock::time_point m_started;
};

TEST_F(KernelInterop, CoreClientHandshakeDataCoreClosesFirst)
{
    Fd listener = kernelListen();
    EXPECT_EQ(kernelFdState(listener), TcpState::Listen);
    makeCore(Side::Client, coreConfig());
    ASSERT_TRUE(m_core->call(CallKind::Connect).ok);
    EXPECT_EQ(m_core->connection().state(), TcpState::SynSent);
    ASSERT_TRUE(waitCore(TcpState::Established));
    Fd kernel = kernelAccept(listener);
    ASSERT_GE(kernel.get(), 0);
    EXPECT_EQ(kernelFdState(kernel), TcpState::Established);
    exchangeData(kernel);
    coreClosesFirst(kernel);
    EXPECT_EQ(coreStates(m_core->trace()),
              (std::vector{TcpState::SynSent, TcpState::Established, TcpState::FinWait1, TcpState::FinWait2,
                           TcpState::TimeWait, TcpState::Closed}));
}

TEST_F(KernelInterop, CoreClientKernelClosesFirst)
{
    Fd listener = kernelListen();
    makeCore(Side::Client, coreConfig());
    ASSERT_TRUE(m_core->call(CallKind::Connect).ok);
    ASSERT_TRUE(waitCore(TcpState::Established));
    Fd kernel = kernelAccept(listener);
    ASSERT_GE(kernel.get(), 0);
    exchangeData(kernel);
    kernelClosesFirst(kernel);
    EXPECT_EQ(coreStates(m_core->trace()),
              (std::vector{TcpState::SynSent, TcpState::Established, TcpState::CloseWait, TcpState::LastAck,
                           TcpState::Closed}));
}

TEST_F(KernelInterop, CoreServerCoreClosesFirst)
{
    makeCore(Side::Server, coreConfig());
    ASSERT_TRUE(m_core->call(CallKind::Listen).ok);
    Fd kernel = kernelConnect();
    EXPECT_EQ(kernelFdState(kernel), TcpState::SynSent); // the core has not read the SYN yet
    // SYN_RCVD lasts only while the kernel answers the SYN,ACK: the trace below shows it.
    ASSERT_TRUE(waitCore(TcpState::Established));
    EXPECT_EQ(kernelFdState(kernel), TcpState::Established);
    exchangeData(kernel);
    coreClosesFirst(kernel);
    EXPECT_EQ(coreStates(m_core->trace()),
              (std::vector{TcpState::Listen, TcpState::SynRcvd, TcpState::Established, TcpState::FinWait1,
                           TcpState::FinWait2, TcpState::TimeWait, TcpState::Closed}));
}

TEST_F(KernelInterop, CoreServerKernelClosesFirst)
{
    makeCore(Side::Server, coreConfig());
    ASSERT_TRUE(m_core->call(CallKind::Listen).ok);
    Fd kernel = kernelConnect();
    ASSERT_TRUE(waitCore(TcpState::Established));
    exchangeData(kernel);
    kernelClosesFirst(kernel);
    EXPECT_EQ(coreStates(m_core->trace()),
              (std::vector{TcpState::Listen, TcpState::SynRcvd, TcpState::Established, TcpState::CloseWait,
                           TcpState::LastAck, TcpState::Closed}));
}

// The core's first SYN,ACK never reaches the kernel, which retransmits its SYN after its initial RTO of 1 s
// (RFC 6298 §2.1). The core's own RTO is 3 s here so that the kernel's retransmission comes first.
TEST_F(KernelInterop, CoreServerSynAckDroppedKernelRetransmitsSyn)
{
    makeCore(Side::Server, coreConfig(3 * kSecond));
    m_core->dropNextFromCore([](const Segment &s) { return s.has(kSyn) && s.has(kAck); });
    ASSERT_TRUE(m_core->call(CallKind::Listen).ok);
    Fd kernel = kernelConnect();
    ASSERT_TRUE(m_core->runUntil([&] { return m_core->kernelSynTimes().size() >= 2; }, kStepTimeout));
    const TimeUs gap = m_core->kernelSynTimes()[1] - m_core->kernelSynTimes()[0];
    EXPECT_GE(gap, 900 * kMillisecond);
    EXPECT_LE(gap, 1500 * kMillisecond);
    ASSERT_TRUE(waitCore(TcpState::Established, 4 * kSecond));
    ASSERT_TRUE(
        m_core->runUntil([&] { return kernelFdState(kernel) == TcpState::Established; }, kStepTimeout));
    EXPECT_GE(tcpInfo(kernel.get())->retransmits, 1u);
    exchangeData(kernel);
    coreClosesFirst(kernel);
}

// The kernel's first SYN,ACK is read from the TUN and not given to the core; the kernel retransmits it after
// 1 s. The core's RTO is 3 s so that it does not resend its SYN first.
TEST_F(KernelInterop, CoreClientKernelSynAckDroppedKernelRetransmitsSynAck)
{
    Fd listener = kernelListen();
    makeCore(Side::Client, coreConfig(3 * kSecond));
    m_core->dropNextFromKernel([](const Segment &s) { return s.has(kSyn) && s.has(kAck); });
    ASSERT_TRUE(m_core->call(CallKind::Connect).ok);
    ASSERT_TRUE(m_core->runUntil([&] { return !m_core->kernelSynTimes().empty(); }, kStepTimeout));
    EXPECT_EQ(kernelDiagState(), TcpState::SynRcvd); // a request socket (TCP_NEW_SYN_RECV)
    ASSERT_TRUE(waitCore(TcpState::Established));
    ASSERT_EQ(m_core->kernelSynTimes().size(), 2u);
    const TimeUs gap = m_core->kernelSynTimes()[1] - m_core->kernelSynTimes()[0];
    EXPECT_GE(gap, 900 * kMillisecond);
    EXPECT_LE(gap, 1500 * kMillisecond);
    Fd kernel = kernelAccept(listener);
    ASSERT_GE(kernel.get(), 0);
    exchangeData(kernel);
    kernelClosesFirst(kernel);
}

} // namespace
} // namespace tcplab
