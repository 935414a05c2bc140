#include "io/kernel_compare.h"

#include <algorithm>

namespace tcplab {

namespace {

struct Seg {
    const TraceEvent *event;
    TimeUs ackLatency = -1; // for a pure ACK: µs from the arrival of what it acknowledges; -1 otherwise
};

std::vector<Seg> segments(const Trace &trace)
{
    std::vector<Seg> out;
    for (const TraceEvent &e : trace.events())
        if (e.kind == TraceKind::SegmentSent) out.push_back({&e});
    for (std::size_t i = 0; i < out.size(); ++i) {
        const Segment &s = out[i].event->segment;
        if (!s.has(kAck) || !s.payload.empty() || s.has(kSyn) || s.has(kFin)) continue;
        for (std::size_t j = i; j-- > 0;) {
            const TraceEvent &peer = *out[j].event;
            if (peer.side == out[i].event->side || peer.segment.sequenceLength() == 0) continue;
            if (peer.segment.seq + peer.segment.sequenceLength() == s.ack)
                out[i].ackLatency = out[i].event->t - (peer.arrival >= 0 ? peer.arrival : peer.t);
            break;
        }
    }
    return out;
}

std::string describe(const TraceEvent &e)
{
    std::string text = std::string(sideName(e.side)) + " " + flagsToString(e.segment.flags);
    if (!e.segment.payload.empty()) text += " len " + std::to_string(e.segment.payload.size());
    return text;
}

// Same sender and flags (PSH aside), and both with or both without data.
bool sameKind(const TraceEvent &a, const TraceEvent &b)
{
    const std::uint8_t mask = static_cast<std::uint8_t>(~kPsh);
    return a.side == b.side && (a.segment.flags & mask) == (b.segment.flags & mask) &&
           a.segment.payload.empty() == b.segment.payload.empty();
}

std::vector<TcpState> statesOf(const Trace &trace, Side side)
{
    std::vector<TcpState> states;
    for (const TraceEvent &e : trace.events())
        if (e.kind == TraceKind::StateChanged && e.side == side) states.push_back(e.to);
    return states;
}

std::string joinStates(const std::vector<TcpState> &states)
{
    std::string text;
    for (TcpState s : states)
        text += (text.empty() ? "" : " ") + std::string(stateName(s));
    return text;
}

KernelDifference make(KernelDifference::Kind kind, std::string text)
{
    KernelDifference d;
    d.kind = kind;
    d.text = std::move(text);
    return d;
}

void compareFirstSegments(const std::vector<Seg> &k, const std::vector<Seg> &c,
                          std::vector<KernelDifference> &out)
{
    using Kind = KernelDifference::Kind;
    const TraceEvent &syn = *k.front().event;
    // The observer's note reads "options: LIST" and perhaps "; checksum ...": keep the list.
    const std::string options =
        syn.text.starts_with("options: ") ? syn.text.substr(9, syn.text.find(';') - 9) : "";
    if (!options.empty()) {
        KernelDifference d =
            make(Kind::Options, "options: the kernel's SYN carries " + options +
                                    "; the core's Linux profile sends MSS (RFC 9293 §3.7.1) and "
                                    "window scale (RFC 7323 §2) - SACK (RFC 2018) and "
                                    "timestamps (RFC 7323 §3) are extensions it does not model");
        d.detail = options;
        d.kernelSegmentId = syn.segmentId;
        out.push_back(std::move(d));
    }
    if (c.empty()) return;
    const TraceEvent &coreSyn = *c.front().event;
    if (syn.segment.mss && coreSyn.segment.mss != syn.segment.mss) {
        KernelDifference d = make(Kind::Mss, "MSS: the kernel offers " + std::to_string(*syn.segment.mss) +
                                                 " (lo's MTU 65536 minus 40), the core " +
                                                 std::to_string(coreSyn.segment.mss.value_or(0)) +
                                                 " (the RFC 9293 §3.7.1 default of the Linux profile)");
        d.kernelValue = *syn.segment.mss;
        d.coreValue = coreSyn.segment.mss.value_or(0);
        d.kernelSegmentId = syn.segmentId;
        d.coreSegmentId = coreSyn.segmentId;
        out.push_back(std::move(d));
    }
    KernelDifference isn =
        make(Kind::Isn, "ISN: the kernel chose " + std::to_string(syn.segment.seq) +
                            " (keyed hash plus clock, RFC 6528), the core " +
                            std::to_string(coreSyn.segment.seq) + " (clock-driven from the seed)");
    isn.kernelValue = syn.segment.seq;
    isn.coreValue = coreSyn.segment.seq;
    isn.kernelSegmentId = syn.segmentId;
    isn.coreSegmentId = coreSyn.segmentId;
    out.push_back(std::move(isn));
    if (k.size() > 2 && !k[2].event->segment.has(kSyn)) {
        // After the handshake each window field counts in units of 2^shift, the shift the sender offered on
        // its SYN when both SYNs offered one (RFC 7323 §2.2, §2.3).
        const Segment &kernelSeg = k[2].event->segment;
        const bool coreComparable = c.size() > 2 && !c[2].event->segment.has(kSyn);
        const std::uint16_t coreWindow = coreComparable ? c[2].event->segment.window : 0;
        if (!coreComparable || coreWindow != kernelSeg.window) {
            KernelDifference d =
                make(Kind::Window, "window: after the handshake the kernel writes " +
                                       std::to_string(kernelSeg.window) + " in the window field, the core " +
                                       std::to_string(coreWindow) +
                                       "; each is multiplied by its sender's window scale (RFC 7323 §2.3)");
            d.kernelValue = kernelSeg.window;
            d.coreValue = coreWindow;
            d.kernelSegmentId = k[2].event->segmentId;
            if (coreComparable) d.coreSegmentId = c[2].event->segmentId;
            out.push_back(std::move(d));
        }
    }
}

} // namespace

std::vector<KernelDifference> compareKernelWithCore(const Trace &kernel, const Trace &core)
{
    using Kind = KernelDifference::Kind;
    std::vector<KernelDifference> out;
    const std::vector<Seg> k = segments(kernel), c = segments(core);
    if (k.empty())
        out.push_back(make(Kind::NoSegments, "segments: none captured, so only the states are compared"));
    else
        compareFirstSegments(k, c, out);

    // Longest common subsequence of segment kinds, then the leftovers and the timing of matched ACKs.
    const std::size_t n = k.size(), m = c.size();
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] = sameKind(*k[i].event, *c[j].event) ? lcs[i + 1][j + 1] + 1
                                                           : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    for (std::size_t i = 0, j = 0; i < n || j < m;) {
        if (i < n && j < m && sameKind(*k[i].event, *c[j].event)) {
            const Seg &ks = k[i], &cs = c[j];
            if (ks.ackLatency > 10 * kMillisecond && cs.ackLatency >= 0 && cs.ackLatency < kMillisecond) {
                KernelDifference d = make(Kind::DelayedAck,
                                          "delayed ACK: the kernel's " + describe(*ks.event) + " (ack " +
                                              std::to_string(ks.event->segment.ack) + ") left " +
                                              std::to_string(ks.ackLatency / 1000) +
                                              " ms after what it acknowledges; the core acknowledges at once "
                                              "(RFC 9293 §3.8.6.3 allows a delay up to 0.5 s)");
                d.side = ks.event->side;
                d.segment = describe(*ks.event);
                d.kernelValue = ks.ackLatency / 1000;
                d.coreValue = ks.event->segment.ack;
                d.kernelSegmentId = ks.event->segmentId;
                d.coreSegmentId = cs.event->segmentId;
                out.push_back(std::move(d));
            }
            if (ks.event->segment.has(kPsh) != cs.event->segment.has(kPsh)) {
                KernelDifference d = make(Kind::Psh, "PSH: the kernel's " + describe(*ks.event) +
                                                         " and the core's differ in PSH");
                d.side = ks.event->side;
                d.segment = describe(*ks.event);
                d.kernelSegmentId = ks.event->segmentId;
                d.coreSegmentId = cs.event->segmentId;
                out.push_back(std::move(d));
            }
            ++i;
            ++j;
        } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
            const TraceEvent &e = *k[i].event;
            const bool finOnData = e.segment.has(kFin) && !e.segment.payload.empty();
            std::string why = "only the kernel sent " + describe(e);
            if (finOnData)
                why += ": its FIN rode on the last data (the core sends the FIN in a segment of its own)";
            else if (e.retransmission)
                why += ": a retransmission";
            KernelDifference d = make(finOnData ? Kind::FinOnData : Kind::OnlyKernel, why);
            d.side = e.side;
            d.segment = describe(e);
            d.retransmission = e.retransmission;
            d.kernelSegmentId = e.segmentId;
            out.push_back(std::move(d));
            ++i;
        } else {
            const TraceEvent &e = *c[j].event;
            const bool pureAck = e.segment.payload.empty() && !e.segment.has(kSyn) && !e.segment.has(kFin);
            std::string why = "only the core sent " + describe(e);
            if (pureAck)
                why += ": the kernel acknowledged later together with other data (delayed ACK, RFC 9293 "
                       "§3.8.6.3)";
            KernelDifference d = make(pureAck ? Kind::AckFolded : Kind::OnlyCore, why);
            d.side = e.side;
            d.segment = describe(e);
            d.coreSegmentId = e.segmentId;
            out.push_back(std::move(d));
            ++j;
        }
    }

    for (Side side : {Side::Client, Side::Server}) {
        std::vector<TcpState> ks = statesOf(kernel, side), cs = statesOf(core, side);
        // The kernel's last TIME_WAIT -> CLOSED comes after 60 s, beyond the observation.
        if (cs.size() == ks.size() + 1 && cs.back() == TcpState::Closed && !ks.empty() &&
            ks.back() == TcpState::TimeWait)
            cs.pop_back();
        if (ks == cs) continue;
        KernelDifference d =
            make(Kind::States, std::string("states (") + std::string(sideName(side)) + "): the kernel went " +
                                   joinStates(ks) + ", the core " + joinStates(cs));
        d.side = side;
        d.kernelStates = std::move(ks);
        d.coreStates = std::move(cs);
        out.push_back(std::move(d));
    }
    std::size_t inferred = 0;
    for (const TraceEvent &e : kernel.events())
        if (e.kind == TraceKind::StateChanged && e.text.starts_with("inferred")) ++inferred;
    if (inferred > 0) {
        KernelDifference d =
            make(Kind::Inferred, std::to_string(inferred) +
                                     " of the kernel's states were too brief to poll and are "
                                     "inferred from the capture (on lo a handshake or a close "
                                     "completes inside one system call)");
        d.kernelValue = std::int64_t(inferred);
        out.push_back(std::move(d));
    }
    return out;
}

} // namespace tcplab
