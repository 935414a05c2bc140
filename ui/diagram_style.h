#pragma once
// Colours and sizes of the diagrams, chosen for a projector: strong hues on white, thick lines, large text.
#include "tcp/endpoint_event.h"
#include "tcp/state.h"
#include "trace/trace.h"

#include <QColor>
#include <QFont>

namespace tcplab::ui::style {

QColor sideColor(Side side);      // client blue, server orange
QColor stateFill(TcpState state); // the band on a lifeline: opening amber, ESTABLISHED green, closing violet
QColor stateBorder(TcpState state);
QColor dropColor();
QColor nowLineColor();
QColor gridColor();
QColor textColor();
QColor timerColor(TimerKind kind); // RTO red, 2·MSL blue, keep-alive green
QColor selectionColor();

// `base` scaled by `factor`, in points so that it follows the screen's resolution.
QFont scaledFont(const QFont &base, double factor, bool bold = false);

constexpr double kArrowWidth = 2.5;
constexpr double kArrowHeadLength = 16.0;
constexpr double kArrowHeadHalfWidth = 6.5;
constexpr double kPacketRadius = 8.0;
constexpr double kBandHalfWidth = 9.0;
constexpr double kCrossHalfSize = 10.0;
// Timer bars stand outside the state band, a lane for each timer kind the session uses.
constexpr double kTimerBarWidth = 8.0;
constexpr double kTimerLaneWidth = 34.0;
constexpr double kTimerGap = 5.0; // between the band and the first lane
constexpr double kSelectionHalo = 9.0;

} // namespace tcplab::ui::style
