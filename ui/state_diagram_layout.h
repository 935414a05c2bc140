#pragma once
// Where RFC 9293 Figure 5 puts each state, as a fixed table in a logical 1000 × 800 plane, and which rows of
// the transition table the figure draws. The edges themselves come from transitionTable(); this file only
// decides where they go, never which exist.
#include "tcp/transitions.h"

#include <QPointF>
#include <QSizeF>

#include <span>

namespace tcplab::ui {

// Figure 5 draws CLOSED twice: at the top (where a connection starts) and bottom right (where a closing
// one ends). Every other state has one node.
enum class DiagramNode {
    ClosedTop,
    Listen,
    SynRcvd,
    SynSent,
    Established,
    FinWait1,
    CloseWait,
    FinWait2,
    Closing,
    LastAck,
    TimeWait,
    ClosedBottom,
};

struct NodePlace {
    DiagramNode node;
    TcpState state;
    QPointF centre; // logical coordinates
};

constexpr QSizeF kLogicalPlane{1000.0, 800.0};
constexpr QSizeF kLogicalNodeSize{200.0, 64.0};

std::span<const NodePlace> nodePlaces();
const NodePlace &placeOf(DiagramNode node);

// The node a row starts from and the one it ends at. A row into CLOSED from LISTEN or SYN_SENT goes back to
// the top CLOSED (nothing was synchronized); every other row into CLOSED ends at the bottom one.
DiagramNode fromNode(const Transition &row);
DiagramNode toNode(const Transition &row);
// The node showing `state` when the last transition into it was `lastRow` (nullptr: none yet).
DiagramNode nodeFor(TcpState state, const Transition *lastRow);

// true for the rows Figure 5 itself draws; the others (resets, aborts, give-ups, §3.10 additions) are
// drawn only on request or when they are the transition just taken, to keep the picture readable.
bool isFigureFiveRow(const Transition &row);

} // namespace tcplab::ui
