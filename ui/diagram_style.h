#pragma once
// Colours and sizes of the diagrams, chosen for a projector: strong hues, thick lines, large text. Every
// painter reads them here, so that one place decides how the sequence diagram, the state diagram and the
// plots look: the colour scheme follows the window's theme (light, dark, high contrast) and every width
// and mark size follows the presentation zoom.
#include "tcp/endpoint_event.h"
#include "tcp/state.h"
#include "trace/trace.h"

#include <QColor>
#include <QFont>

namespace tcplab::ui {

enum class DiagramScheme { Light, Dark, HighContrast };

// What the painters draw with now. Set by the presentation mode; light at zoom 1 until then.
struct DiagramStyle {
    DiagramScheme scheme = DiagramScheme::Light;
    double zoom = 1.0;
};

namespace style {

const DiagramStyle &current();
void setCurrent(const DiagramStyle &style);
DiagramScheme scheme();
double zoom();
// A width or mark size in pixels at zoom 1, as it is drawn at the current zoom.
double zoomed(double pixels);

QColor backgroundColor();         // the paper the diagrams are drawn on
QColor sideColor(Side side);      // client blue, server orange
QColor sideTextColor(Side side);  // a side's colour for text on labelGround()
QColor onSideColor();             // text on a side-coloured tag or header
QColor stateFill(TcpState state); // the band on a lifeline: opening amber, ESTABLISHED green, closing violet
QColor stateBorder(TcpState state);
QColor dropColor();
QColor nowLineColor();
QColor gridColor();
QColor textColor();
QColor mutedTextColor();               // axis captions and states nobody is in
QColor inactiveFill();                 // a state node nobody is in
QColor edgeColor(bool faint);          // a transition of the state diagram not just taken
QColor timerColor(TimerKind kind);     // RTO red, 2·MSL blue, keep-alive green
QColor timerTextColor(TimerKind kind); // its name on labelGround()
QColor selectionColor();               // the highlighter halo under the selected arrow
QColor labelGround(int alpha = 225);   // under a label, so that lines behind it do not cross the text
QColor highlightFill();                // behind the bytes of the selected field (hex view)

// `base` scaled by `factor`, in points so that it follows the screen's resolution.
QFont scaledFont(const QFont &base, double factor, bool bold = false);

// Sizes at zoom 1; the painters draw them through the functions below, which apply the zoom.
constexpr double kArrowWidth = 2.5;
constexpr double kArrowHeadLength = 16.0;
constexpr double kArrowHeadHalfWidth = 6.5;
constexpr double kPacketRadius = 8.0;
constexpr double kBandHalfWidth = 9.0;
constexpr double kCrossHalfSize = 10.0;
constexpr double kCrossWidth = 4.0;
constexpr double kLifelineWidth = 2.0;
// Timer bars stand outside the state band, a lane for each timer kind the session uses.
constexpr double kTimerBarWidth = 8.0;
constexpr double kTimerLaneWidth = 34.0;
constexpr double kTimerGap = 5.0; // between the band and the first lane
constexpr double kSelectionHalo = 9.0;

inline double arrowWidth()
{
    return zoomed(kArrowWidth);
}
inline double arrowHeadLength()
{
    return zoomed(kArrowHeadLength);
}
inline double arrowHeadHalfWidth()
{
    return zoomed(kArrowHeadHalfWidth);
}
inline double packetRadius()
{
    return zoomed(kPacketRadius);
}
inline double bandHalfWidth()
{
    return zoomed(kBandHalfWidth);
}
inline double crossHalfSize()
{
    return zoomed(kCrossHalfSize);
}
inline double crossWidth()
{
    return zoomed(kCrossWidth);
}
inline double lifelineWidth()
{
    return zoomed(kLifelineWidth);
}
inline double timerBarWidth()
{
    return zoomed(kTimerBarWidth);
}
inline double timerLaneWidth()
{
    return zoomed(kTimerLaneWidth);
}
inline double timerGap()
{
    return zoomed(kTimerGap);
}
inline double selectionHalo()
{
    return zoomed(kSelectionHalo);
}

} // namespace style
} // namespace tcplab::ui
