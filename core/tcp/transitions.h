#pragma once
// The transitions of RFC 9293 Figure 5 (with the corrections of §3.10) as data: state × event → state.
// Connection changes state only through a row of this table; the UI draws its state diagram from it and
// the tests check that every transition taken is one of these rows.
#include "state.h"

#include <span>
#include <string_view>

namespace tcplab {

enum class TcpEvent {
    PassiveOpen,      // user LISTEN
    ActiveOpen,       // user CONNECT
    SendInListen,     // user SEND on a listening connection (§3.10.2)
    Close,            // user CLOSE
    Abort,            // user ABORT
    RcvSyn,           // a SYN without ACK
    RcvSynAck,        // SYN,ACK acknowledging our SYN
    RcvAckOfSyn,      // ACK of our SYN in SYN_RCVD
    RcvFin,           // FIN (with nothing of ours left unacknowledged that matters to the state)
    RcvAckOfFin,      // ACK that covers our FIN
    RcvFinAckOfFin,   // FIN whose ACK also covers our FIN (FIN_WAIT_1 → TIME_WAIT)
    RcvRst,           // an acceptable RST
    Timeout2Msl,      // TIME_WAIT timer
    RetransmitLimit,  // too many retransmissions: give up (RFC 9293 §3.8.3, R2)
    KeepAliveLimit,   // too many unanswered keep-alive probes
};

struct Transition {
    TcpState from;
    TcpEvent event;
    TcpState to;
    std::string_view label; // "rcv SYN / snd SYN,ACK"
    std::string_view rfc;   // "RFC 9293 §3.10.7.2"
};

std::span<const Transition> transitionTable();
// The row for from --event--> to, or nullptr when the table has none.
const Transition *findTransition(TcpState from, TcpEvent event, TcpState to);
std::string_view eventName(TcpEvent event); // "RcvSyn" → "rcv SYN"

} // namespace tcplab
