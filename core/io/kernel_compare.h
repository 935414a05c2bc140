#pragma once
// Where the kernel's own TCP and the core's prediction differ for the same calls: the kernel's trace
// (io/kernel_observer.h) against the simulator's (Linux profile). Each difference has a kind and the
// numbers it is about, so that the UI can say it in the user's language, and a fixed English sentence that
// explains it (the CLI prints those). Segments are matched by sender and flags (PSH aside) in order, by a
// longest common subsequence; what is left over on either side is explained.
#include "trace/trace.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tcplab {

struct KernelDifference {
    enum class Kind {
        NoSegments, // nothing captured: only states are compared
        Options,    // the kernel's SYN carries options (detail: the list) beyond the core's MSS and WS
        Mss,        // kernelValue, coreValue
        Isn,        // kernelValue, coreValue
        Window,     // kernelValue, coreValue: the window fields after the handshake (scaled, RFC 7323)
        DelayedAck, // segment: the kernel's ACK; kernelValue: ms it waited; coreValue: the ack number
        Psh,        // segment differs in PSH
        FinOnData,  // only the kernel sent this: its FIN rode on data
        OnlyKernel, // only the kernel sent `segment` (retransmission: see `retransmission`)
        AckFolded,  // only the core sent this ACK: the kernel acknowledged later with other data
        OnlyCore,   // only the core sent `segment`
        States,     // side: the kernel went through `kernelStates`, the core `coreStates`
        Inferred,   // kernelValue states were too brief to poll and were inferred from the capture
    };
    Kind kind = Kind::NoSegments;
    Side side = Side::Client;                             // the sender of `segment`, or whose states
    std::string segment;                                  // "client ACK len 5"
    std::uint64_t kernelSegmentId = 0, coreSegmentId = 0; // the segments concerned, 0 when none
    std::int64_t kernelValue = 0, coreValue = 0;
    bool retransmission = false;
    std::string detail; // Options: the option list; States: "" (see the state lists)
    std::vector<TcpState> kernelStates, coreStates;
    std::string text; // the explanation in English
};

std::vector<KernelDifference> compareKernelWithCore(const Trace &kernel, const Trace &core);

} // namespace tcplab
