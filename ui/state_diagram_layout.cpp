#include "ui/state_diagram_layout.h"

#include <array>

namespace tcplab::ui {

namespace {

using N = DiagramNode;
using S = TcpState;

// RFC 9293 Figure 5: opening at the top, the active closer's states down the left, the passive closer's
// down the right, TIME_WAIT and the final CLOSED at the bottom.
constexpr std::array kPlaces = {
    NodePlace{N::ClosedTop, S::Closed, {500, 40}},         NodePlace{N::Listen, S::Listen, {500, 165}},
    NodePlace{N::SynRcvd, S::SynRcvd, {120, 290}},         NodePlace{N::SynSent, S::SynSent, {880, 290}},
    NodePlace{N::Established, S::Established, {500, 410}}, NodePlace{N::FinWait1, S::FinWait1, {120, 520}},
    NodePlace{N::CloseWait, S::CloseWait, {880, 520}},     NodePlace{N::FinWait2, S::FinWait2, {120, 640}},
    NodePlace{N::Closing, S::Closing, {480, 640}},         NodePlace{N::LastAck, S::LastAck, {880, 640}},
    NodePlace{N::TimeWait, S::TimeWait, {480, 760}},       NodePlace{N::ClosedBottom, S::Closed, {880, 760}},
};

DiagramNode nodeOfState(TcpState state)
{
    for (const NodePlace &place : kPlaces)
        if (place.state == state) return place.node;
    return N::ClosedTop;
}

} // namespace

std::span<const NodePlace> nodePlaces()
{
    return kPlaces;
}

const NodePlace &placeOf(DiagramNode node)
{
    return kPlaces[static_cast<std::size_t>(node)];
}

DiagramNode fromNode(const Transition &row)
{
    return nodeOfState(row.from);
}

DiagramNode toNode(const Transition &row)
{
    if (row.to != S::Closed) return nodeOfState(row.to);
    const bool unsynchronized = row.from == S::Listen || row.from == S::SynSent || row.from == S::Closed;
    return unsynchronized ? N::ClosedTop : N::ClosedBottom;
}

DiagramNode nodeFor(TcpState state, const Transition *lastRow)
{
    if (state == S::Closed) return lastRow && lastRow->to == S::Closed ? toNode(*lastRow) : N::ClosedTop;
    return nodeOfState(state);
}

bool isFigureFiveRow(const Transition &row)
{
    switch (row.event) {
    case TcpEvent::Abort:
    case TcpEvent::RetransmitLimit:
    case TcpEvent::KeepAliveLimit:
        return false;
    case TcpEvent::RcvRst:
        // Figure 5's only reset: a passively opened SYN_RCVD goes back to LISTEN (note 1).
        return row.from == S::SynRcvd && row.to == S::Listen;
    case TcpEvent::RcvSyn:
        return row.from != S::SynRcvd; // SYN_RCVD's "rcv SYN" back to LISTEN is a §3.10 addition
    case TcpEvent::RcvSynAck:
        return row.from == S::SynSent; // SYN_RCVD's is Figure 7's simultaneous open
    case TcpEvent::RcvFin:
        return row.from != S::SynRcvd; // §3.10.7.4's FIN in SYN_RCVD
    default:
        return true;
    }
}

} // namespace tcplab::ui
