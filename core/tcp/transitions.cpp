#include "transitions.h"

#include <array>
#include <cstddef>
#include <cstdint>

namespace tcplab {

namespace {

using S = TcpState;
using E = TcpEvent;

// Every state change a Connection can make. Figure 5 of RFC 9293 gives the skeleton; §3.10 (Event
// Processing) adds the rows that the figure leaves out: resets, aborts, timeouts, the return of a
// passively opened SYN_RCVD to LISTEN, and the giving up of §3.8.3 and §3.8.4.
constexpr std::array kTable = {
    // Opening (§3.10.1 OPEN, §3.10.2 SEND).
    Transition{S::Closed, E::PassiveOpen, S::Listen, "call LISTEN", "RFC 9293 §3.10.1"},
    Transition{S::Closed, E::ActiveOpen, S::SynSent, "call CONNECT / snd SYN", "RFC 9293 §3.10.1"},
    // An OPEN naming the foreign socket turns a listening connection into an active one.
    Transition{S::Listen, E::ActiveOpen, S::SynSent, "call CONNECT / snd SYN", "RFC 9293 §3.10.1"},
    // Figure 5's SEND in LISTEN. Connection::send() cannot name a foreign socket, so it answers
    // "foreign socket unspecified" (§3.10.2) and never takes this row; it stays for the diagram.
    Transition{S::Listen, E::SendInListen, S::SynSent, "call SEND / snd SYN", "RFC 9293 §3.10.2"},
    Transition{S::Listen, E::RcvSyn, S::SynRcvd, "rcv SYN / snd SYN,ACK", "RFC 9293 §3.10.7.2"},
    Transition{S::Listen, E::Close, S::Closed, "call CLOSE", "RFC 9293 §3.10.4"},
    Transition{S::Listen, E::Abort, S::Closed, "call ABORT", "RFC 9293 §3.10.5"},

    // SYN_SENT (§3.10.7.3).
    Transition{S::SynSent, E::RcvSynAck, S::Established, "rcv SYN,ACK / snd ACK", "RFC 9293 §3.10.7.3"},
    Transition{S::SynSent, E::RcvSyn, S::SynRcvd, "rcv SYN / snd SYN,ACK (simultaneous open)",
               "RFC 9293 §3.10.7.3"},
    Transition{S::SynSent, E::RcvRst, S::Closed, "rcv RST,ACK (connection refused)", "RFC 9293 §3.10.7.3"},
    Transition{S::SynSent, E::Close, S::Closed, "call CLOSE", "RFC 9293 §3.10.4"},
    Transition{S::SynSent, E::Abort, S::Closed, "call ABORT", "RFC 9293 §3.10.5"},
    Transition{S::SynSent, E::RetransmitLimit, S::Closed, "SYN retransmitted too often", "RFC 9293 §3.8.3"},

    // SYN_RCVD (§3.10.7.4).
    Transition{S::SynRcvd, E::RcvAckOfSyn, S::Established, "rcv ACK of SYN", "RFC 9293 §3.10.7.4"},
    // Simultaneous open as drawn in RFC 9293 Figure 7, line 6 (see Connection for why).
    Transition{S::SynRcvd, E::RcvSynAck, S::Established, "rcv SYN,ACK (simultaneous open)",
               "RFC 9293 §3.5 Figure 7"},
    Transition{S::SynRcvd, E::RcvFin, S::CloseWait, "rcv ACK of SYN + FIN / snd ACK", "RFC 9293 §3.10.7.4"},
    Transition{S::SynRcvd, E::Close, S::FinWait1, "call CLOSE / snd FIN", "RFC 9293 §3.10.4"},
    Transition{S::SynRcvd, E::RcvRst, S::Listen, "rcv RST (passive open)", "RFC 9293 §3.10.7.4"},
    Transition{S::SynRcvd, E::RcvRst, S::Closed, "rcv RST (connection refused)", "RFC 9293 §3.10.7.4"},
    Transition{S::SynRcvd, E::RcvSyn, S::Listen, "rcv SYN (passive open)", "RFC 9293 §3.10.7.4"},
    Transition{S::SynRcvd, E::Abort, S::Closed, "call ABORT / snd RST", "RFC 9293 §3.10.5"},
    Transition{S::SynRcvd, E::RetransmitLimit, S::Closed, "SYN,ACK retransmitted too often",
               "RFC 9293 §3.8.3"},

    // ESTABLISHED.
    Transition{S::Established, E::Close, S::FinWait1, "call CLOSE / snd FIN", "RFC 9293 §3.10.4"},
    Transition{S::Established, E::RcvFin, S::CloseWait, "rcv FIN / snd ACK", "RFC 9293 §3.10.7.4"},
    Transition{S::Established, E::RcvRst, S::Closed, "rcv RST (connection reset)", "RFC 9293 §3.10.7.4"},
    Transition{S::Established, E::Abort, S::Closed, "call ABORT / snd RST", "RFC 9293 §3.10.5"},
    Transition{S::Established, E::RetransmitLimit, S::Closed, "data retransmitted too often",
               "RFC 9293 §3.8.3"},
    Transition{S::Established, E::KeepAliveLimit, S::Closed, "keep-alive unanswered / snd RST",
               "RFC 9293 §3.8.4"},

    // FIN_WAIT_1.
    Transition{S::FinWait1, E::RcvAckOfFin, S::FinWait2, "rcv ACK of FIN", "RFC 9293 §3.10.7.4"},
    Transition{S::FinWait1, E::RcvFin, S::Closing, "rcv FIN / snd ACK", "RFC 9293 §3.10.7.4"},
    Transition{S::FinWait1, E::RcvFinAckOfFin, S::TimeWait, "rcv FIN,ACK of FIN / snd ACK",
               "RFC 9293 §3.10.7.4"},
    Transition{S::FinWait1, E::RcvRst, S::Closed, "rcv RST (connection reset)", "RFC 9293 §3.10.7.4"},
    Transition{S::FinWait1, E::Abort, S::Closed, "call ABORT / snd RST", "RFC 9293 §3.10.5"},
    Transition{S::FinWait1, E::RetransmitLimit, S::Closed, "FIN retransmitted too often", "RFC 9293 §3.8.3"},

    // FIN_WAIT_2.
    Transition{S::FinWait2, E::RcvFin, S::TimeWait, "rcv FIN / snd ACK", "RFC 9293 §3.10.7.4"},
    Transition{S::FinWait2, E::RcvRst, S::Closed, "rcv RST (connection reset)", "RFC 9293 §3.10.7.4"},
    Transition{S::FinWait2, E::Abort, S::Closed, "call ABORT / snd RST", "RFC 9293 §3.10.5"},
    Transition{S::FinWait2, E::KeepAliveLimit, S::Closed, "keep-alive unanswered / snd RST",
               "RFC 9293 §3.8.4"},

    // CLOSE_WAIT.
    Transition{S::CloseWait, E::Close, S::LastAck, "call CLOSE / snd FIN", "RFC 9293 §3.10.4"},
    Transition{S::CloseWait, E::RcvRst, S::Closed, "rcv RST (connection reset)", "RFC 9293 §3.10.7.4"},
    Transition{S::CloseWait, E::Abort, S::Closed, "call ABORT / snd RST", "RFC 9293 §3.10.5"},
    Transition{S::CloseWait, E::RetransmitLimit, S::Closed, "data retransmitted too often",
               "RFC 9293 §3.8.3"},
    Transition{S::CloseWait, E::KeepAliveLimit, S::Closed, "keep-alive unanswered / snd RST",
               "RFC 9293 §3.8.4"},

    // CLOSING.
    Transition{S::Closing, E::RcvAckOfFin, S::TimeWait, "rcv ACK of FIN", "RFC 9293 §3.10.7.4"},
    Transition{S::Closing, E::RcvRst, S::Closed, "rcv RST", "RFC 9293 §3.10.7.4"},
    Transition{S::Closing, E::Abort, S::Closed, "call ABORT", "RFC 9293 §3.10.5"},
    Transition{S::Closing, E::RetransmitLimit, S::Closed, "FIN retransmitted too often", "RFC 9293 §3.8.3"},

    // LAST_ACK.
    Transition{S::LastAck, E::RcvAckOfFin, S::Closed, "rcv ACK of FIN", "RFC 9293 §3.10.7.4"},
    Transition{S::LastAck, E::RcvRst, S::Closed, "rcv RST", "RFC 9293 §3.10.7.4"},
    Transition{S::LastAck, E::Abort, S::Closed, "call ABORT", "RFC 9293 §3.10.5"},
    Transition{S::LastAck, E::RetransmitLimit, S::Closed, "FIN retransmitted too often", "RFC 9293 §3.8.3"},

    // TIME_WAIT.
    Transition{S::TimeWait, E::Timeout2Msl, S::Closed, "timeout 2·MSL", "RFC 9293 §3.10.8"},
    // RFC 9293 §3.10.7.4 (second, RST bit) closes a TIME_WAIT connection on an acceptable RST. RFC 1337
    // recommends ignoring RSTs in TIME_WAIT (TIME-WAIT assassination); tcplab follows RFC 9293 here.
    Transition{S::TimeWait, E::RcvRst, S::Closed, "rcv RST", "RFC 9293 §3.10.7.4"},
    Transition{S::TimeWait, E::Abort, S::Closed, "call ABORT", "RFC 9293 §3.10.5"},
};

} // namespace

std::span<const Transition> transitionTable()
{
    return kTable;
}

namespace {

// The table indexed by (from, event, to), built at compile time: every state change looks its row up, so
// one array read replaces a scan of the table.
constexpr std::size_t kStates = kAllStates.size();
constexpr std::size_t kEvents = static_cast<std::size_t>(TcpEvent::KeepAliveLimit) + 1;
constexpr std::uint8_t kNoRow = 0xff;
static_assert(kTable.size() < kNoRow);

constexpr std::size_t rowKey(TcpState from, TcpEvent event, TcpState to)
{
    return (static_cast<std::size_t>(from) * kEvents + static_cast<std::size_t>(event)) * kStates +
           static_cast<std::size_t>(to);
}

constexpr auto kRowIndex = [] {
    std::array<std::uint8_t, kStates * kEvents * kStates> index{};
    index.fill(kNoRow);
    for (std::size_t i = kTable.size(); i-- > 0;) // the first of equal rows wins, as a scan would find
        index[rowKey(kTable[i].from, kTable[i].event, kTable[i].to)] = static_cast<std::uint8_t>(i);
    return index;
}();

} // namespace

const Transition *findTransition(TcpState from, TcpEvent event, TcpState to)
{
    const std::size_t key = rowKey(from, event, to);
    if (key >= kRowIndex.size() || kRowIndex[key] == kNoRow) return nullptr;
    return &kTable[kRowIndex[key]];
}

std::string_view eventName(TcpEvent event)
{
    switch (event) {
    case TcpEvent::PassiveOpen:
        return "call LISTEN";
    case TcpEvent::ActiveOpen:
        return "call CONNECT";
    case TcpEvent::SendInListen:
        return "call SEND";
    case TcpEvent::Close:
        return "call CLOSE";
    case TcpEvent::Abort:
        return "call ABORT";
    case TcpEvent::RcvSyn:
        return "rcv SYN";
    case TcpEvent::RcvSynAck:
        return "rcv SYN,ACK";
    case TcpEvent::RcvAckOfSyn:
        return "rcv ACK of SYN";
    case TcpEvent::RcvFin:
        return "rcv FIN";
    case TcpEvent::RcvAckOfFin:
        return "rcv ACK of FIN";
    case TcpEvent::RcvFinAckOfFin:
        return "rcv FIN,ACK of FIN";
    case TcpEvent::RcvRst:
        return "rcv RST";
    case TcpEvent::Timeout2Msl:
        return "timeout 2MSL";
    case TcpEvent::RetransmitLimit:
        return "retransmission limit";
    case TcpEvent::KeepAliveLimit:
        return "keep-alive limit";
    }
    return "?";
}

} // namespace tcplab
