#pragma once
// Small pure rules of RFC 9293 that Connection applies, kept apart so that tests can check them alone.
#include "seq.h"
#include "time.h"

#include <cstdint>

namespace tcplab::rules {

// The segment acceptability test, RFC 9293 §3.10.7.4 Table 6:
//   SEG.LEN  RCV.WND  test
//   0        0        SEG.SEQ = RCV.NXT
//   0        >0       RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND
//   >0       0        not acceptable
//   >0       >0       RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND
//                     or RCV.NXT =< SEG.SEQ+SEG.LEN-1 < RCV.NXT+RCV.WND
constexpr bool segmentAcceptable(std::uint32_t segSeq, std::uint32_t segLen, std::uint32_t rcvNxt,
                                 std::uint32_t rcvWnd)
{
    if (segLen == 0 && rcvWnd == 0) return segSeq == rcvNxt;
    if (segLen == 0) return seq::inWindow(segSeq, rcvNxt, rcvNxt + rcvWnd);
    if (rcvWnd == 0) return false;
    return seq::inWindow(segSeq, rcvNxt, rcvNxt + rcvWnd) ||
           seq::inWindow(segSeq + segLen - 1, rcvNxt, rcvNxt + rcvWnd);
}

// SplitMix64's finaliser: a fixed, well-mixing 64-bit hash with no state of its own.
constexpr std::uint64_t mix64(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// RFC 9293 §3.4.1: ISN = M + F(localip, localport, remoteip, remoteport, secretkey), where M is a timer
// ticking every 4 microseconds and F a keyed hash of the connection id. The secret key is the seed, so
// the numbers are unpredictable to a peer that does not know it, yet replays repeat them exactly.
constexpr std::uint32_t clockDrivenIsn(TimeUs now, std::uint32_t localIp, std::uint16_t localPort,
                                       std::uint32_t remoteIp, std::uint16_t remotePort, std::uint64_t seed)
{
    const auto m = static_cast<std::uint32_t>(static_cast<std::uint64_t>(now / (4 * kMicrosecond)));
    const std::uint64_t id = (std::uint64_t{localIp} << 32) | remoteIp;
    const std::uint64_t ports = (std::uint64_t{localPort} << 16) | remotePort;
    const auto f = static_cast<std::uint32_t>(mix64(seed ^ mix64(id ^ mix64(ports))));
    return m + f;
}

} // namespace tcplab::rules
