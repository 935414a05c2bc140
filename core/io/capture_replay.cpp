#include "io/capture_replay.h"

#include "tcp/connection.h"
#include "tcp/seq.h"

#include <algorithm>
#include <deque>
#include <optional>

namespace tcplab {

namespace {

std::string describeSegment(const Segment &s)
{
    return flagsToString(s.flags) + " seq=" + std::to_string(s.seq) + " ack=" + std::to_string(s.ack) +
           " len=" + std::to_string(s.payload.size());
}

// Flags that a user call, not the protocol, decides: PSH is a sender's choice and is not compared.
bool sameSegment(const Segment &a, const Segment &b, std::uint32_t capturedLength)
{
    const auto relevant = [](std::uint8_t f) { return static_cast<std::uint8_t>(f & ~kPsh); };
    const bool ackMatters = (a.flags & kAck) != 0;
    return relevant(a.flags) == relevant(b.flags) && a.seq == b.seq && (!ackMatters || a.ack == b.ack) &&
           a.payload.size() == capturedLength;
}

class Replayer {
public:
    Replayer(const std::vector<CapturedSegment> &segments, const ReplayOptions &options)
        : m_segments(segments), m_options(options)
    {
    }

    ReplayResult run()
    {
        const auto syn = std::find_if(m_segments.begin(), m_segments.end(), [](const CapturedSegment &s) {
            return s.from == Side::Client && s.segment.has(kSyn) && !s.segment.has(kAck);
        });
        if (syn == m_segments.end()) {
            m_result.problem = "the capture has no SYN from the client: the replay needs the handshake";
            return m_result;
        }
        const auto synAck = std::find_if(m_segments.begin(), m_segments.end(), [](const CapturedSegment &s) {
            return s.from == Side::Server && s.segment.has(kSyn) && s.segment.has(kAck);
        });
        m_ends[0].emplace(configFor(*syn), syn->segment.srcPort);
        const CapturedSegment &serverSyn = synAck != m_segments.end() ? *synAck : *syn;
        m_ends[1].emplace(configFor(serverSyn), syn->segment.dstPort);
        m_result.replayed = true;
        if (synAck != m_segments.end() && syn->segment.windowScale && synAck->segment.windowScale) {
            // RFC 7323 §2.3: a shift above 14 is used as 14.
            m_result.windowScaling = {true, std::min<std::uint8_t>(*syn->segment.windowScale, 14),
                                      std::min<std::uint8_t>(*synAck->segment.windowScale, 14)};
        }

        const TimeUs start = syn->t;
        server().listen(start);
        collect(Side::Server, start);
        client().connect(syn->t, syn->segment.dstPort);
        collect(Side::Client, syn->t);

        for (std::size_t i = static_cast<std::size_t>(syn - m_segments.begin()); i < m_segments.size(); ++i)
            step(i);
        if (m_options.runTimersUntil >= 0) runTimers(m_options.runTimersUntil);
        m_result.finalClient = client().state();
        m_result.finalServer = server().state();
        return m_result;
    }

private:
    Connection &end(Side side) { return *m_ends[side == Side::Client ? 0 : 1]; }
    Connection &client() { return *m_ends[0]; }
    Connection &server() { return *m_ends[1]; }
    std::deque<Segment> &expected(Side side) { return m_expected[side == Side::Client ? 0 : 1]; }

    EndpointConfig configFor(const CapturedSegment &syn) const
    {
        EndpointConfig config = m_options.base;
        config.isnMode = IsnMode::Fixed;
        config.fixedIsn = syn.segment.seq;
        if (syn.segment.mss) config.mss = *syn.segment.mss;
        // Offer window scaling as the captured end did (RFC 7323 §2.2): both ends then negotiate it as the
        // capture shows, and read each other's windows scaled.
        config.windowScale = syn.segment.windowScale;
        return config;
    }

    // Takes the Connection's output: state changes into the result, segments into what it would send.
    void collect(Side side, TimeUs t)
    {
        Connection &c = end(side);
        while (auto event = c.pollEvent())
            if (const auto *changed = std::get_if<StateChanged>(&*event))
                m_result.states.push_back({t, side, changed->from, changed->to});
        while (auto tx = c.pollTransmit()) {
            // The delayed ACK the capture showed sent at once (isOwedAck) is not expected a second time.
            auto &early = m_ackedEarly[side == Side::Client ? 0 : 1];
            if (early && isPureAck(tx->segment) && tx->segment.seq == early->seq &&
                tx->segment.ack == early->ack) {
                early.reset();
                continue;
            }
            expected(side).push_back(tx->segment);
        }
    }

    static bool isPureAck(const Segment &s)
    {
        return s.flags == kAck || s.flags == (kAck | kPsh) ? s.payload.empty() : false;
    }

    // A pure ACK the sender's Connection owes but holds for its delayed-ACK timer: a copy of it, run to its
    // next deadline, would send exactly this. The peer sending it at once (Linux's quick-ACK mode) is no
    // difference of protocol.
    bool isOwedAck(const CapturedSegment &captured)
    {
        if (!isPureAck(captured.segment) || captured.payloadLength > 0) return false;
        const Connection &c = end(captured.from);
        const auto deadline = c.pollTimeout();
        if (!deadline || *deadline < captured.t) return false;
        Connection probe = c;
        probe.handleTimeout(*deadline);
        while (auto tx = probe.pollTransmit())
            if (isPureAck(tx->segment) && tx->segment.seq == captured.segment.seq &&
                tx->segment.ack == captured.segment.ack)
                return true;
        return false;
    }

    void runTimers(TimeUs until)
    {
        for (;;) {
            std::optional<TimeUs> next;
            Side which = Side::Client;
            for (Side side : {Side::Client, Side::Server}) {
                const auto d = end(side).pollTimeout();
                if (d && *d <= until && (!next || *d < *next)) {
                    next = d;
                    which = side;
                }
            }
            if (!next) return;
            end(which).handleTimeout(*next);
            collect(which, *next);
        }
    }

    // A capture does not show the application: infer the call that would make the core send this.
    std::string inferCall(const CapturedSegment &captured)
    {
        Connection &c = end(captured.from);
        const Segment &s = captured.segment;
        std::string call;
        if (s.has(kRst) && c.canAbort()) {
            c.abort(captured.t);
            call = "ABORT";
        } else {
            if (captured.payloadLength > 0 && c.canSend()) {
                // A truncated capture lacks the bytes: the length is what matters to the protocol.
                std::vector<std::uint8_t> data(s.payload.begin(), s.payload.end());
                data.resize(captured.payloadLength, 0);
                c.send(captured.t, data);
                call = "SEND " + std::to_string(captured.payloadLength);
            }
            if (s.has(kFin) && c.canClose()) {
                c.close(captured.t);
                call += call.empty() ? "CLOSE" : ", CLOSE";
            }
        }
        collect(captured.from, captured.t);
        return call;
    }

    void step(std::size_t i)
    {
        const CapturedSegment &captured = m_segments[i];
        const Side from = captured.from;
        const Side to = from == Side::Client ? Side::Server : Side::Client;
        runTimers(captured.t);

        ReplayStep step;
        step.segment = i;
        step.from = from;
        step.statesBegin = m_result.states.size();
        noteSequence(captured, step);

        auto &queue = expected(from);
        auto findMatch = [&] {
            return std::find_if(queue.begin(), queue.end(), [&](const Segment &e) {
                return sameSegment(e, captured.segment, captured.payloadLength);
            });
        };
        auto match = findMatch();
        if (match == queue.end() &&
            (captured.payloadLength > 0 || captured.segment.has(kFin) || captured.segment.has(kRst))) {
            if (const std::string call = inferCall(captured); !call.empty())
                step.remark = "inferred call: " + call;
            match = findMatch();
        }
        if (match == queue.end() && isOwedAck(captured)) {
            step.matchesCore = true;
            step.earlyAck = true;
            addRemark(step, "ACK sent at once where the core waits for its delayed-ACK timer; both are "
                            "allowed (RFC 9293 §3.8.6.3)");
            m_ackedEarly[from == Side::Client ? 0 : 1] = captured.segment;
        } else if (match != queue.end()) {
            step.matchesCore = true;
            if (match != queue.begin())
                addRemark(step, "the core would first have sent " + describeSegment(queue.front()));
            queue.erase(queue.begin(), match + 1);
        } else {
            addRemark(step, queue.empty() ? std::string("the core would send nothing here")
                                          : "the core would send " + describeSegment(queue.front()));
        }

        end(to).handleSegment(captured.t, captured.segment);
        collect(to, captured.t);
        step.clientState = client().state();
        step.serverState = server().state();
        step.statesEnd = m_result.states.size();
        m_result.steps.push_back(std::move(step));
    }

    void addRemark(ReplayStep &step, const std::string &text)
    {
        step.remark += step.remark.empty() ? text : "; " + text;
    }

    void noteSequence(const CapturedSegment &captured, ReplayStep &step)
    {
        const Segment &s = captured.segment;
        std::uint32_t length = captured.payloadLength + (s.has(kSyn) ? 1u : 0u) + (s.has(kFin) ? 1u : 0u);
        if (s.has(kRst)) return;
        auto &highest = m_highest[captured.from == Side::Client ? 0 : 1];
        if (!highest) {
            highest = s.seq + length;
            return;
        }
        if (length > 0 && seq::lt(s.seq, *highest)) {
            step.retransmission = true;
            addRemark(step, "retransmission: sequence " + std::to_string(s.seq) + " was seen before");
        } else if (seq::gt(s.seq, *highest)) {
            step.gapBytes = static_cast<std::uint32_t>(seq::distance(*highest, s.seq));
            addRemark(step, "gap: " + std::to_string(step.gapBytes) + " bytes of sequence space from " +
                                std::to_string(*highest) + " are not in the capture");
        }
        if (seq::gt(s.seq + length, *highest)) highest = s.seq + length;
    }

    const std::vector<CapturedSegment> &m_segments;
    ReplayOptions m_options;
    ReplayResult m_result;
    std::optional<Connection> m_ends[2];
    std::deque<Segment> m_expected[2];
    std::optional<std::uint32_t> m_highest[2];
    std::optional<Segment> m_ackedEarly[2]; // per side: an owed ACK the capture showed sent early
};

} // namespace

ReplayResult replayCapture(const std::vector<CapturedSegment> &segments, const ReplayOptions &options)
{
    return Replayer(segments, options).run();
}

} // namespace tcplab
