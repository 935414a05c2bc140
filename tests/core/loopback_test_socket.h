#pragma once
// A UDP socket on 127.0.0.1 that a test owns: to occupy a port, or to send the loopback driver datagrams
// from a stranger. Shared by the core's loopback tests and the UI's loopback-mode test.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <vector>

namespace tcplab::loopback_test {

// A UDP socket bound to 127.0.0.1 that the test owns.
class TestSocket {
public:
    TestSocket()
    {
        m_fd = ::socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr);
        socklen_t len = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
    }
    ~TestSocket() { ::close(m_fd); }
    TestSocket(const TestSocket &) = delete;
    TestSocket &operator=(const TestSocket &) = delete;
    std::uint16_t port() const { return m_port; }
    void sendTo(std::uint16_t port, const std::vector<std::uint8_t> &bytes) const
    {
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        to.sin_port = htons(port);
        ::sendto(m_fd, bytes.data(), bytes.size(), 0, reinterpret_cast<const sockaddr *>(&to), sizeof to);
    }

private:
    int m_fd = -1;
    std::uint16_t m_port = 0;
};

} // namespace tcplab::loopback_test
