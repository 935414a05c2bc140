#include "config.h"

namespace tcplab {

EndpointConfig teachingProfile(std::uint32_t isn)
{
    EndpointConfig config;
    // Teaching choice: a fixed ISN, so that a whole class sees the same sequence numbers.
    config.isnMode = IsnMode::Fixed;
    config.fixedIsn = isn;
    config.mss = 536;             // RFC 9293 §3.7.1: the default send MSS (Linux: 1460 on Ethernet)
    config.receiveBuffer = 65535; // largest window without window scaling (RFC 7323 §2)
    config.windowScale.reset();   // teaching choice: no window scaling, so `win` is the window in bytes
    config.autoRead = true;

    // RFC 6298 values as written (Linux uses a 200 ms floor).
    config.initialRto = 1 * kSecond; // RFC 6298 §2.1
    config.minRto = 1 * kSecond;     // RFC 6298 §2.4
    config.maxRto = 60 * kSecond;    // RFC 6298 §2.5 (an upper bound of at least 60 s)
    // Teaching choice: three SYN retransmissions (1 s, 2 s, 4 s, giving up at 15 s) so that a
    // connection-timeout demonstration fits on a slide. Linux tcp_syn_retries is 6 (127 s).
    config.synRetries = 3;
    // Teaching choice: five data retransmissions (giving up after 63 s with a 1 s RTO). Linux
    // tcp_retries2 is 15 (about 15 minutes); RFC 9293 §3.8.3 asks R2 to cover at least 100 s.
    config.dataRetries = 5;

    // Teaching choice: MSL 1 s, so TIME_WAIT (2·MSL = 2 s) fits on a slide. RFC 9293 §3.4.2 uses
    // MSL = 2 minutes; Linux holds TIME_WAIT for 60 s.
    config.msl = 1 * kSecond;

    // Keep-alive is off (RFC 9293 §3.8.4: off by default) but configured small enough to be shown when
    // a lesson turns it on. Teaching choice: idle 10 s, probes every 2 s, 3 probes (Linux: 7200/75/9;
    // RFC 1122 §4.2.3.6 asks for an idle interval of no less than two hours by default).
    config.keepAlive = false;
    config.keepAliveIdle = 10 * kSecond;
    config.keepAliveInterval = 2 * kSecond;
    config.keepAliveProbes = 3;

    // Teaching choice: no delayed ACK, so that each segment's ACK is its own arrow. A lesson that turns it
    // on waits 200 ms (BSD's classic value; RFC 1122 §4.2.3.2 allows up to 500 ms), long enough to see.
    config.delayedAck = false;
    config.delayedAckTimeout = 200 * kMillisecond;
    return config;
}

EndpointConfig linuxProfile(std::uint64_t seed)
{
    EndpointConfig config;
    // RFC 9293 §3.4.1 clock-driven ISN (Linux: secure_tcp_seq, a keyed hash plus a clock).
    config.isnMode = IsnMode::ClockDriven;
    config.isnSeed = seed;
    config.mss = 536;             // RFC 9293 §3.7.1 default; Linux derives it from the device MTU
    config.receiveBuffer = 65535; // Linux's initial window is about 64 KiB too (tcp_rmem)
    config.windowScale = 7;       // RFC 7323 §2: Linux offers shift 7 with the default tcp_rmem maximum
    config.autoRead = true;

    config.initialRto = 1 * kSecond;    // Linux TCP_TIMEOUT_INIT, RFC 6298 §2.1
    config.minRto = 200 * kMillisecond; // Linux TCP_RTO_MIN
    config.maxRto = 120 * kSecond;      // Linux TCP_RTO_MAX
    config.synRetries = 6;              // Linux net.ipv4.tcp_syn_retries
    config.dataRetries = 15;            // Linux net.ipv4.tcp_retries2

    config.msl = 30 * kSecond; // Linux TCP_TIMEWAIT_LEN is 60 s = 2·MSL

    config.keepAlive = false;                // Linux: off unless SO_KEEPALIVE
    config.keepAliveIdle = 7200 * kSecond;   // Linux net.ipv4.tcp_keepalive_time
    config.keepAliveInterval = 75 * kSecond; // Linux net.ipv4.tcp_keepalive_intvl
    config.keepAliveProbes = 9;              // Linux net.ipv4.tcp_keepalive_probes

    // Linux delays ACKs (TCP_DELACK_MIN 40 ms). Its quick-ack mode at the start of a connection and its
    // interactive ("pingpong") heuristics are not modelled: every eligible ACK waits.
    config.delayedAck = true;
    config.delayedAckTimeout = 40 * kMillisecond;
    return config;
}

std::string_view profileName(Profile profile)
{
    switch (profile) {
    case Profile::Teaching:
        return "teaching";
    case Profile::Linux:
        return "linux";
    }
    return "?";
}

} // namespace tcplab
