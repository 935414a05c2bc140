#pragma once
// A TUN device (/dev/net/tun, IFF_TUN | IFF_NO_PI): every read() returns one raw IPv4/IPv6 packet the kernel
// routed to the device, every write() injects one IPv4 packet as if it had arrived on it. With it a core
// endpoint becomes a host on a point-to-point link to the kernel's own TCP. The fd is owned: the device
// disappears when it is closed. Use it inside a NetnsScope - only the test's own namespace is addressed.
#include "tcp/segment.h"
#include "tcp/wire.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace tcplab {

// "" or why the interface could not be brought up (SIOCSIFFLAGS).
std::string setInterfaceUp(const std::string &name);

// An address in dotted form, host byte order in and out ("10.0.0.1").
std::string ipv4ToString(std::uint32_t address);

class TunDevice {
public:
    TunDevice() = default;
    ~TunDevice();
    TunDevice(const TunDevice &) = delete;
    TunDevice &operator=(const TunDevice &) = delete;

    // Creates the device ("tcplab%d" picks the first free number). "" or why not (no /dev/net/tun, not
    // permitted, ...). The fd is non-blocking.
    std::string open(const std::string &nameTemplate = "tcplab%d");
    // Gives the kernel's side of the link `address`/`prefixLength` and brings it up; the kernel then routes
    // the prefix to the device. "" or why not.
    std::string configure(std::uint32_t address, int prefixLength);

    int fd() const { return m_fd; }
    const std::string &name() const { return m_name; }

    // One packet, or nullopt when none is waiting.
    std::optional<std::vector<std::uint8_t>> readPacket();
    bool writePacket(std::span<const std::uint8_t> packet);

private:
    int m_fd = -1;
    std::string m_name;
};

// IPv4 around TCP (RFC 791): a 20-byte header without options, DF set, TTL 64, header checksum.
std::vector<std::uint8_t> ipv4Packet(std::span<const std::uint8_t> tcpBytes, IpPair ips, std::uint16_t id);

struct Ipv4Packet {
    std::string error; // "" when the header is valid and carries TCP
    IpPair ips;
    std::uint8_t protocol = 0;
    std::span<const std::uint8_t> payload; // the TCP bytes, into the packet given to parseIpv4
    bool ok() const { return error.empty(); }
};
// Checks version, header length, total length and header checksum; `payload` points into `packet`.
Ipv4Packet parseIpv4(std::span<const std::uint8_t> packet);

// The TCP options of encoded TCP bytes in tcpdump's words ("mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7");
// the core's Segment keeps only MSS, so a driver uses this to note what else the kernel sent.
std::string describeTcpOptions(std::span<const std::uint8_t> tcpBytes);

} // namespace tcplab
