#include "cli_kernel.h"

#include "io/kernel_observer.h"
#include "sim/scenario.h"
#include "sim/session.h"
#include "trace/json_writer.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string_view>

namespace tcplab::cli {

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

// Segments are matched by sender and flags (PSH aside) in order; what is left over is explained.
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

} // namespace

std::vector<std::string> compareWithKernel(const Trace &kernel, const Trace &core)
{
    std::vector<std::string> lines;
    const std::vector<Seg> k = segments(kernel), c = segments(core);
    if (k.empty()) {
        lines.push_back("segments: none captured, so only the states are compared");
    } else {
        const TraceEvent &syn = *k.front().event;
        // The note reads "options: LIST" and perhaps "; checksum ...": keep the list.
        const std::string options =
            syn.text.starts_with("options: ") ? syn.text.substr(9, syn.text.find(';') - 9) : "";
        if (!options.empty())
            lines.push_back("options: the kernel's SYN carries " + options +
                            "; the core sends only MSS (RFC 9293 §3.7.1) - SACK (RFC 2018), timestamps and "
                            "window scaling (RFC 7323) are extensions it does not model");
        if (syn.segment.mss && !c.empty() && c.front().event->segment.mss != syn.segment.mss)
            lines.push_back("MSS: the kernel offers " + std::to_string(*syn.segment.mss) +
                            " (lo's MTU 65536 minus 40), the core " +
                            std::to_string(c.front().event->segment.mss.value_or(0)) +
                            " (the RFC 9293 §3.7.1 default of the Linux profile)");
        if (!c.empty())
            lines.push_back("ISN: the kernel chose " + std::to_string(syn.segment.seq) +
                            " (keyed hash plus clock, RFC 6528), the core " +
                            std::to_string(c.front().event->segment.seq) + " (clock-driven from the seed)");
        if (k.size() > 2 && !k[2].event->segment.has(kSyn))
            lines.push_back("window: after the handshake the kernel writes " +
                            std::to_string(k[2].event->segment.window) +
                            " in the window field, scaled by its wscale (RFC 7323 §2.3); the core's field is "
                            "the window itself");
    }

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
            if (ks.ackLatency > 10 * kMillisecond && cs.ackLatency >= 0 && cs.ackLatency < kMillisecond)
                lines.push_back(
                    "delayed ACK: the kernel's " + describe(*ks.event) + " (ack " +
                    std::to_string(ks.event->segment.ack) + ") left " + std::to_string(ks.ackLatency / 1000) +
                    " ms after what it acknowledges; the core acknowledges at once (RFC 9293 §3.8.6.3 "
                    "allows a delay up to 0.5 s)");
            if (ks.event->segment.has(kPsh) != cs.event->segment.has(kPsh))
                lines.push_back("PSH: the kernel's " + describe(*ks.event) + " and the core's differ in PSH");
            ++i;
            ++j;
        } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
            const TraceEvent &e = *k[i].event;
            std::string why = "only the kernel sent " + describe(e);
            if (e.segment.has(kFin) && !e.segment.payload.empty())
                why += ": its FIN rode on the last data (the core sends the FIN in a segment of its own)";
            else if (e.retransmission)
                why += ": a retransmission";
            lines.push_back(why);
            ++i;
        } else {
            const TraceEvent &e = *c[j].event;
            std::string why = "only the core sent " + describe(e);
            if (e.segment.payload.empty() && !e.segment.has(kSyn) && !e.segment.has(kFin))
                why += ": the kernel acknowledged later together with other data (delayed ACK, RFC 9293 "
                       "§3.8.6.3)";
            lines.push_back(why);
            ++j;
        }
    }

    for (Side side : {Side::Client, Side::Server}) {
        std::vector<TcpState> ks = statesOf(kernel, side), cs = statesOf(core, side);
        // The kernel's last TIME_WAIT -> CLOSED comes after 60 s, beyond the observation.
        if (cs.size() == ks.size() + 1 && cs.back() == TcpState::Closed && !ks.empty() &&
            ks.back() == TcpState::TimeWait)
            cs.pop_back();
        if (ks != cs)
            lines.push_back(std::string("states (") + std::string(sideName(side)) + "): the kernel went " +
                            joinStates(ks) + ", the core " + joinStates(cs));
    }
    std::size_t inferred = 0;
    for (const TraceEvent &e : kernel.events())
        if (e.kind == TraceKind::StateChanged && e.text.starts_with("inferred")) ++inferred;
    if (inferred > 0)
        lines.push_back(std::to_string(inferred) +
                        " of the kernel's states were too brief to poll and are inferred from the capture "
                        "(on lo a handshake or a close completes inside one system call)");
    return lines;
}

int runKernel(int argc, char **argv)
{
    bool compare = false;
    KernelObserverOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::cout
                << "usage: tcplab-cli kernel [--compare] [--no-capture] [--port N]\n"
                   "\n"
                   "Runs the default session's calls (listen, connect, a request and a reply, close the\n"
                   "client then the server) against the kernel's own TCP on 127.0.0.1 and prints what was\n"
                   "seen as JSON lines: segments captured on lo (needs root or CAP_NET_RAW; otherwise only\n"
                   "states, and standard error says why), states from TCP_INFO and sock_diag "
                   "(docs/kernel.md).\n"
                   "\n"
                   "  --compare      also run the core's prediction (simulator, Linux profile) and print\n"
                   "                 one line per difference after the trace, each starting with '# '\n"
                   "  --no-capture   do not try libpcap\n"
                   "  --port N       the server's port (default 0: an ephemeral port)\n";
            return 0;
        }
        if (arg == "--compare") {
            compare = true;
        } else if (arg == "--no-capture") {
            options.capture = false;
        } else if (arg == "--port" && i + 1 < argc) {
            const std::string_view text = argv[++i];
            unsigned port = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
            if (ec != std::errc() || end != text.data() + text.size() || port > 65535) {
                std::cerr << "tcplab-cli kernel: --port expects 0 to 65535, not '" << text << "'\n";
                return 2;
            }
            options.serverPort = static_cast<std::uint16_t>(port);
        } else {
            std::cerr << "tcplab-cli kernel: unknown option '" << arg
                      << "'\nTry 'tcplab-cli kernel --help'.\n";
            return 2;
        }
    }
    const Scenario scenario = defaultScenario(Profile::Linux, 1);
    std::string problem;
    const Trace kernel = runKernelSession(scenario, 300 * kMillisecond, problem, options);
    if (!problem.empty()) std::cerr << "tcplab-cli kernel: " << problem << "\n";
    std::string out = traceToJsonLines(kernel);
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (compare) {
        Session session(scenario);
        session.runToEnd();
        for (const std::string &line : compareWithKernel(kernel, session.trace()))
            std::cout << "# " << line << "\n";
    }
    return std::fflush(stdout) == 0 && std::cout.flush() ? 0 : 1;
}

} // namespace tcplab::cli
