#pragma once
// A UDP socket bound to 127.0.0.1, non-blocking, for the loopback driver (io/loopback_driver.h): one per
// core endpoint. Closing it (or destroying it) frees the port.
#include <arpa/inet.h>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace tcplab::detail {

class UdpSocket {
public:
    UdpSocket() = default;
    UdpSocket(const UdpSocket &) = delete;
    UdpSocket &operator=(const UdpSocket &) = delete;
    UdpSocket(UdpSocket &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)), m_port(other.m_port) {}
    ~UdpSocket() { close(); }

    // "" or the reason it failed.
    std::string bind(std::uint16_t port, const std::string &who)
    {
        m_fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (m_fd < 0) return "cannot create the " + who + "'s UDP socket: " + std::strerror(errno);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = htons(port);
        if (::bind(m_fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) != 0) {
            const int err = errno;
            close();
            m_inUse = err == EADDRINUSE;
            if (err == EADDRINUSE)
                return "UDP port " + std::to_string(port) + " on 127.0.0.1 is already in use (" + who +
                       " socket); choose another port or 0 for any free port";
            return "cannot bind the " + who + "'s UDP socket to 127.0.0.1:" + std::to_string(port) + ": " +
                   std::strerror(err);
        }
        socklen_t len = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        return {};
    }

    void close()
    {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = -1;
        m_port = 0;
    }

    int fd() const { return m_fd; }
    std::uint16_t port() const { return m_port; }
    bool portWasInUse() const { return m_inUse; } // the last bind() failed with EADDRINUSE

private:
    bool m_inUse = false;
    int m_fd = -1;
    std::uint16_t m_port = 0;
};

} // namespace tcplab::detail
