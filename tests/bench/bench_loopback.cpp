// A three-way handshake through the loopback driver (the core over UDP on 127.0.0.1) against the kernel's
// own connect()/accept() on 127.0.0.1, in the same run. Both include creating the sockets: the driver binds
// two UDP sockets and records its trace, the kernel side makes a client socket and accepts one.
// The counter loopback_over_kernel is the ratio of the two (target: at most 3).
#include "io/loopback_driver.h"

#include <arpa/inet.h>
#include <benchmark/benchmark.h>
#include <chrono>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using namespace tcplab;
using Clock = std::chrono::steady_clock;

Scenario noCalls()
{
    Scenario scenario = defaultScenario();
    scenario.calls.clear();
    return scenario;
}

class KernelListener {
public:
    KernelListener()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const int one = 1;
        ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        m_addr.sin_family = AF_INET;
        m_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<const sockaddr *>(&m_addr), sizeof m_addr);
        socklen_t len = sizeof m_addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&m_addr), &len);
        ::listen(m_fd, 128);
    }
    ~KernelListener() { ::close(m_fd); }
    KernelListener(const KernelListener &) = delete;
    KernelListener &operator=(const KernelListener &) = delete;

    // connect() returns once the SYN,ACK arrived and the ACK is sent; accept() once the ACK arrived.
    bool handshake() const
    {
        const int client = ::socket(AF_INET, SOCK_STREAM, 0);
        // An RST on close: no TIME_WAIT pile-up over thousands of iterations.
        const linger abortive{1, 0};
        ::setsockopt(client, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
        const bool ok = ::connect(client, reinterpret_cast<const sockaddr *>(&m_addr), sizeof m_addr) == 0;
        const int server = ::accept(m_fd, nullptr, nullptr);
        ::close(client);
        if (server >= 0) ::close(server);
        return ok && server >= 0;
    }

private:
    int m_fd = -1;
    sockaddr_in m_addr{};
};

bool loopbackHandshake()
{
    // The kernel's loopback is the whole flight, as for connect()/accept(): no simulated one-way delay.
    LoopbackOptions options;
    options.linkDelays = false;
    LoopbackDriver driver(noCalls(), options);
    if (!driver.open().empty()) return false;
    driver.call(Side::Server, CallKind::Listen);
    driver.call(Side::Client, CallKind::Connect);
    for (int rounds = 0; rounds < 1000; ++rounds) {
        if (driver.endpoint(Side::Client).state() == TcpState::Established &&
            driver.endpoint(Side::Server).state() == TcpState::Established)
            return true;
        driver.pollOnce(100 * kMillisecond);
    }
    return false;
}

void BM_KernelHandshake(benchmark::State &state)
{
    const KernelListener listener;
    for (auto _ : state)
        if (!listener.handshake()) state.SkipWithError("kernel handshake failed");
}
BENCHMARK(BM_KernelHandshake)->Unit(benchmark::kMicrosecond);

void BM_LoopbackHandshake(benchmark::State &state)
{
    for (auto _ : state)
        if (!loopbackHandshake()) state.SkipWithError("loopback handshake failed");
}
BENCHMARK(BM_LoopbackHandshake)->Unit(benchmark::kMicrosecond);

// Both, interleaved in each iteration so that both see the same machine load; reports the ratio.
void BM_LoopbackOverKernel(benchmark::State &state)
{
    const KernelListener listener;
    Clock::duration kernel{}, loopback{};
    for (auto _ : state) {
        const auto t0 = Clock::now();
        const bool kernelOk = listener.handshake();
        const auto t1 = Clock::now();
        const bool loopbackOk = loopbackHandshake();
        const auto t2 = Clock::now();
        if (!kernelOk || !loopbackOk) state.SkipWithError("handshake failed");
        kernel += t1 - t0;
        loopback += t2 - t1;
    }
    const double n = static_cast<double>(state.iterations());
    using Us = std::chrono::duration<double, std::micro>;
    state.counters["kernel_us"] = Us(kernel).count() / n;
    state.counters["loopback_us"] = Us(loopback).count() / n;
    state.counters["loopback_over_kernel"] = Us(loopback).count() / Us(kernel).count();
}
BENCHMARK(BM_LoopbackOverKernel)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
