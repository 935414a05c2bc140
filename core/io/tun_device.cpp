#include "io/tun_device.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tcplab {

namespace {

constexpr std::size_t kMaxPacket = 65535;
constexpr std::size_t kIpv4HeaderBytes = 20;

// An AF_INET datagram socket only as a handle for the interface ioctls (they need some socket).
class IoctlSocket {
public:
    IoctlSocket() : m_fd(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) {}
    ~IoctlSocket()
    {
        if (m_fd >= 0) ::close(m_fd);
    }
    IoctlSocket(const IoctlSocket &) = delete;
    IoctlSocket &operator=(const IoctlSocket &) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

ifreq requestFor(const std::string &name)
{
    ifreq request{};
    std::strncpy(request.ifr_name, name.c_str(), IFNAMSIZ - 1);
    return request;
}

void setAddress(sockaddr &target, std::uint32_t address)
{
    sockaddr_in in{};
    in.sin_family = AF_INET;
    in.sin_addr.s_addr = htonl(address);
    std::memcpy(&target, &in, sizeof in);
}

std::uint16_t internetChecksum(std::span<const std::uint8_t> bytes)
{
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2)
        sum += static_cast<std::uint32_t>(bytes[i] << 8 | bytes[i + 1]);
    if (bytes.size() % 2 != 0) sum += static_cast<std::uint32_t>(bytes.back() << 8);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return static_cast<std::uint16_t>(~sum);
}

std::uint32_t read32(std::span<const std::uint8_t> b, std::size_t at)
{
    return static_cast<std::uint32_t>(b[at]) << 24 | static_cast<std::uint32_t>(b[at + 1]) << 16 |
           static_cast<std::uint32_t>(b[at + 2]) << 8 | b[at + 3];
}

} // namespace

std::string setInterfaceUp(const std::string &name)
{
    IoctlSocket sock;
    if (sock.fd() < 0) return std::string("cannot create a socket for ioctl: ") + std::strerror(errno);
    ifreq request = requestFor(name);
    if (::ioctl(sock.fd(), SIOCGIFFLAGS, &request) != 0)
        return "SIOCGIFFLAGS on " + name + " failed: " + std::strerror(errno);
    request.ifr_flags = static_cast<short>(request.ifr_flags | IFF_UP | IFF_RUNNING);
    if (::ioctl(sock.fd(), SIOCSIFFLAGS, &request) != 0)
        return "cannot bring " + name + " up: " + std::strerror(errno);
    return {};
}

std::string ipv4ToString(std::uint32_t address)
{
    return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 0xff) + "." +
           std::to_string((address >> 8) & 0xff) + "." + std::to_string(address & 0xff);
}

TunDevice::~TunDevice()
{
    if (m_fd >= 0) ::close(m_fd);
}

std::string TunDevice::open(const std::string &nameTemplate)
{
    if (m_fd >= 0) return "the TUN device is already open";
    const int fd = ::open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return std::string("cannot open /dev/net/tun: ") + std::strerror(errno);
    ifreq request = requestFor(nameTemplate);
    // No packet-information prefix: a read is exactly one IP packet.
    request.ifr_flags = IFF_TUN | IFF_NO_PI;
    if (::ioctl(fd, TUNSETIFF, &request) != 0) {
        const int err = errno;
        ::close(fd);
        return std::string("TUNSETIFF failed: ") + std::strerror(err) +
               (err == EPERM ? " (needs root or CAP_NET_ADMIN)" : "");
    }
    m_fd = fd;
    m_name = request.ifr_name;
    return {};
}

std::string TunDevice::configure(std::uint32_t address, int prefixLength)
{
    if (m_fd < 0) return "the TUN device is not open";
    IoctlSocket sock;
    if (sock.fd() < 0) return std::string("cannot create a socket for ioctl: ") + std::strerror(errno);
    ifreq request = requestFor(m_name);
    setAddress(request.ifr_addr, address);
    if (::ioctl(sock.fd(), SIOCSIFADDR, &request) != 0)
        return "cannot set " + ipv4ToString(address) + " on " + m_name + ": " + std::strerror(errno);
    request = requestFor(m_name);
    const std::uint32_t mask = prefixLength <= 0 ? 0 : ~std::uint32_t{0} << (32 - prefixLength);
    setAddress(request.ifr_netmask, mask);
    if (::ioctl(sock.fd(), SIOCSIFNETMASK, &request) != 0)
        return "cannot set the netmask on " + m_name + ": " + std::strerror(errno);
    return setInterfaceUp(m_name);
}

std::optional<std::vector<std::uint8_t>> TunDevice::readPacket()
{
    if (m_fd < 0) return std::nullopt;
    std::vector<std::uint8_t> packet(kMaxPacket);
    const ssize_t n = ::read(m_fd, packet.data(), packet.size());
    if (n <= 0) return std::nullopt; // EAGAIN: nothing waiting
    packet.resize(static_cast<std::size_t>(n));
    return packet;
}

bool TunDevice::writePacket(std::span<const std::uint8_t> packet)
{
    if (m_fd < 0) return false;
    return ::write(m_fd, packet.data(), packet.size()) == static_cast<ssize_t>(packet.size());
}

std::vector<std::uint8_t> ipv4Packet(std::span<const std::uint8_t> tcpBytes, IpPair ips, std::uint16_t id)
{
    const std::size_t total = kIpv4HeaderBytes + tcpBytes.size();
    std::vector<std::uint8_t> p(total);
    p[0] = 0x45; // version 4, 5 words of header
    p[2] = static_cast<std::uint8_t>(total >> 8);
    p[3] = static_cast<std::uint8_t>(total);
    p[4] = static_cast<std::uint8_t>(id >> 8);
    p[5] = static_cast<std::uint8_t>(id);
    p[6] = 0x40; // DF: the kernel does path-MTU discovery on TCP, so it expects DF like its own packets
    p[8] = 64;   // TTL
    p[9] = IPPROTO_TCP;
    for (int i = 0; i < 4; ++i) {
        p[12 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(ips.src >> (24 - 8 * i));
        p[16 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(ips.dst >> (24 - 8 * i));
    }
    const std::uint16_t sum = internetChecksum(std::span(p).first(kIpv4HeaderBytes));
    p[10] = static_cast<std::uint8_t>(sum >> 8);
    p[11] = static_cast<std::uint8_t>(sum);
    std::copy(tcpBytes.begin(), tcpBytes.end(), p.begin() + kIpv4HeaderBytes);
    return p;
}

Ipv4Packet parseIpv4(std::span<const std::uint8_t> packet)
{
    Ipv4Packet result;
    if (packet.empty()) {
        result.error = "empty packet";
        return result;
    }
    const int version = packet[0] >> 4;
    if (version != 4) {
        result.error = "IP version " + std::to_string(version) + ", not 4";
        return result;
    }
    const std::size_t headerBytes = static_cast<std::size_t>(packet[0] & 0x0f) * 4;
    if (packet.size() < kIpv4HeaderBytes || headerBytes < kIpv4HeaderBytes || headerBytes > packet.size()) {
        result.error = "truncated IPv4 header";
        return result;
    }
    const std::size_t total = static_cast<std::size_t>(packet[2] << 8 | packet[3]);
    if (total < headerBytes || total > packet.size()) {
        result.error = "IPv4 total length " + std::to_string(total) + " does not fit the packet";
        return result;
    }
    if (internetChecksum(packet.first(headerBytes)) != 0) {
        result.error = "bad IPv4 header checksum";
        return result;
    }
    result.protocol = packet[9];
    result.ips.src = read32(packet, 12);
    result.ips.dst = read32(packet, 16);
    result.payload = packet.subspan(headerBytes, total - headerBytes);
    if (result.protocol != IPPROTO_TCP) result.error = "IP protocol " + std::to_string(result.protocol);
    return result;
}

std::string describeTcpOptions(std::span<const std::uint8_t> tcp)
{
    if (tcp.size() < 20) return {};
    const std::size_t end = std::min<std::size_t>(tcp.size(), static_cast<std::size_t>(tcp[12] >> 4) * 4);
    std::string out;
    auto add = [&](const std::string &text) { out += (out.empty() ? "" : ",") + text; };
    for (std::size_t i = 20; i < end;) {
        const std::uint8_t kind = tcp[i];
        if (kind == 0) break;
        if (kind == 1) {
            add("nop");
            ++i;
            continue;
        }
        if (i + 1 >= end || tcp[i + 1] < 2 || i + tcp[i + 1] > end) {
            add("malformed");
            break;
        }
        const std::size_t length = tcp[i + 1];
        if (kind == 2 && length == 4)
            add("mss " + std::to_string(tcp[i + 2] << 8 | tcp[i + 3]));
        else if (kind == 3 && length == 3)
            add("wscale " + std::to_string(tcp[i + 2]));
        else if (kind == 4)
            add("sackOK");
        else if (kind == 5)
            add("sack " + std::to_string((length - 2) / 8));
        else if (kind == 8 && length == 10)
            add("TS val " + std::to_string(read32(tcp, i + 2)) + " ecr " +
                std::to_string(read32(tcp, i + 6)));
        else
            add("option " + std::to_string(kind));
        i += length;
    }
    return out;
}

} // namespace tcplab
