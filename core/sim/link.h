#pragma once
// The link between the endpoints: a one-way delay per direction and the scenario's rules, applied in file
// order to every segment as it is sent. The link only decides a segment's fate; the session carries it out
// (queues its arrival, records the trace).
//
//  - drop: the segment never arrives; a drop ends the rule list for that segment.
//  - delay: it arrives `extra` later (cumulative over several delay rules), so later segments overtake it.
//  - hold: it is kept until the absolute time `release` (or its normal arrival, if that is later).
//  - duplicate: a copy travels independently, arriving at the normal arrival plus `extra`.
//
// Matching: `nth` counts the segments that match the rule's other selectors (sender, connection, flags, id,
// time window), so "drop from=client flags=SYN nth=2" drops the second SYN, that is, its first
// retransmission. `count` bounds how many segments a rule acts on. `p` < 1 draws from the session's PRNG
// once per segment that matches everything else, and only then, so adding a deterministic rule does not
// shift the random stream of the others.
#include "sim/random.h"
#include "sim/scenario.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tcplab {

// What the link needs to know about a segment it is given.
struct LinkSegment {
    Side from = Side::Client;
    int conn = 0;
    std::uint64_t segmentId = 0;
    TimeUs sentAt = 0;
    std::uint8_t flags = 0;
};

struct LinkCopy {
    TimeUs arrival = 0;
    int rule = 0;
};

// The link's decision for one segment. Reused by the session between segments (its vector keeps its
// capacity), so deciding allocates nothing in the common case.
struct LinkFate {
    static constexpr int kNoRule = -1;
    static constexpr int kUserRule = -2; // Session::dropNextFrom

    bool dropped = false;
    TimeUs dropAt = 0;            // when the drop is recorded: the mid-point of the flight it would have had
    TimeUs arrival = 0;           // when it arrives (when not dropped)
    int dropRule = kNoRule;       // the rule that dropped it
    int lastRule = kNoRule;       // the last rule that delayed or held it
    std::vector<LinkCopy> copies; // duplicates made by duplicate rules

    void reset()
    {
        dropped = false;
        dropAt = 0;
        arrival = 0;
        dropRule = kNoRule;
        lastRule = kNoRule;
        copies.clear();
    }
};

class Link {
public:
    Link(const LinkConfig &config, std::uint64_t seed);

    TimeUs delay(Side from) const;
    // Decides the fate of one segment; advances the rules' counters and, for random rules, the PRNG.
    void decide(const LinkSegment &segment, LinkFate &fate);
    // A one-shot user rule: drop the next segment `side` sends (several calls drop several segments).
    void dropNextFrom(Side side);

    // The reason shown in the trace: the rule's label, or a description generated from it
    // ("rule: drop the 1st segment from client"). kUserRule gives "dropped by user (next from client)".
    std::string reason(int rule, Side from) const;
    const LinkConfig &config() const { return m_config; }

private:
    bool matches(std::size_t index, const LinkSegment &segment);

    LinkConfig m_config;
    Random m_random;
    std::vector<int> m_matched; // per rule: segments that matched its selectors so far
    std::vector<int> m_acted;   // per rule: segments it acted on so far
    std::vector<std::string> m_reasons;
    int m_dropNext[2] = {0, 0};
};

// "1st", "2nd", "3rd", "11th", ...
std::string ordinal(long long n);
// A duration as a person writes it: "50 ms", "1 s", "1.5 s", "250 us".
std::string formatDuration(TimeUs t);
// The generated description of a rule, used when it has no label.
std::string describeRule(const LinkRule &rule);

} // namespace tcplab
