#pragma once
// Per-endpoint settings. Every constant cites its source; teaching choices are named as such.
#include "time.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace tcplab {

enum class IsnMode {
    Fixed,       // teaching choice: the same numbers for the whole class
    ClockDriven, // RFC 9293 §3.4.1: a 4 µs clock plus a per-connection offset drawn from a seed
};

struct EndpointConfig {
    IsnMode isnMode = IsnMode::Fixed;
    std::uint32_t fixedIsn = 1000;
    std::uint64_t isnSeed = 1; // for ClockDriven

    std::uint16_t mss = 536;             // RFC 9293 §3.7.1 default send MSS when no option is received
    std::uint32_t receiveBuffer = 65535; // bytes; the advertised window is what is free of it
    // Window scaling (RFC 7323 §2): the shift count offered in our SYN's window scale option; nullopt sends
    // no option, so windows stay unscaled 16-bit values. A value above 14 is sent as 14 (§2.3).
    std::optional<std::uint8_t> windowScale;
    bool autoRead = true; // the application reads data as soon as it arrives

    // Retransmission timer, RFC 6298.
    TimeUs initialRto = 1 * kSecond; // RFC 6298 §2.1
    TimeUs minRto = 1 * kSecond;     // RFC 6298 §2.4 (Linux uses 200 ms)
    TimeUs maxRto = 60 * kSecond;    // RFC 6298 §2.5 allows an upper bound of at least 60 s
    int synRetries = 6;              // Linux net.ipv4.tcp_syn_retries
    int dataRetries = 15;            // Linux net.ipv4.tcp_retries2

    // TIME_WAIT lasts 2·MSL (RFC 9293 §3.4.2, MSL = 2 minutes there).
    TimeUs msl = 2 * 60 * kSecond;

    // Keep-alive, RFC 9293 §3.8.4 / RFC 1122 §4.2.3.6 (off by default; idle at least two hours).
    bool keepAlive = false;
    TimeUs keepAliveIdle = 7200 * kSecond;   // Linux tcp_keepalive_time
    TimeUs keepAliveInterval = 75 * kSecond; // Linux tcp_keepalive_intvl
    int keepAliveProbes = 9;                 // Linux tcp_keepalive_probes

    // Delayed ACK, RFC 9293 §3.8.6.3 / RFC 1122 §4.2.3.2: an ACK may wait for data or a FIN to ride on,
    // for at most 500 ms, and at least every second full-sized segment is acknowledged at once. Off by
    // default: every segment is acknowledged as it arrives.
    bool delayedAck = false;
    TimeUs delayedAckTimeout = 200 * kMillisecond; // BSD's classic 200 ms; Linux TCP_DELACK_MIN is 40 ms
};

enum class Profile { Teaching, Linux };

// Teaching: MSL 1 s so that TIME_WAIT (2 s) fits on a slide; fixed ISN `isn`; RFC 6298 timer values; no
// delayed ACK, so every segment's ACK is drawn as its own arrow.
EndpointConfig teachingProfile(std::uint32_t isn);
// Linux defaults: TIME_WAIT 60 s (MSL 30 s), 6 SYN retries, initial RTO 1 s, minimum RTO 200 ms,
// clock-driven ISN from `seed`, delayed ACKs after 40 ms.
EndpointConfig linuxProfile(std::uint64_t seed);

std::string_view profileName(Profile profile); // "teaching" / "linux"

} // namespace tcplab
