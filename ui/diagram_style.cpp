#include "ui/diagram_style.h"

namespace tcplab::ui::style {

namespace {

DiagramStyle g_style;

bool dark()
{
    return g_style.scheme == DiagramScheme::Dark;
}

bool highContrast()
{
    return g_style.scheme == DiagramScheme::HighContrast;
}

// The light scheme's fills: pastel, under dark text.
QColor lightStateFill(TcpState state)
{
    switch (state) {
    case TcpState::Closed:
        return QColor(0xd9, 0xd9, 0xd9);
    case TcpState::Listen:
        return QColor(0xff, 0xf0, 0x9e);
    case TcpState::SynSent:
    case TcpState::SynRcvd:
        return QColor(0xff, 0xc9, 0x6b);
    case TcpState::Established:
        return QColor(0x8f, 0xd6, 0x8a);
    case TcpState::FinWait1:
    case TcpState::FinWait2:
    case TcpState::Closing:
        return QColor(0xc5, 0xb3, 0xf0);
    case TcpState::CloseWait:
    case TcpState::LastAck:
        return QColor(0xf2, 0xb3, 0xd9);
    case TcpState::TimeWait:
        return QColor(0x9f, 0xc5, 0xe8);
    }
    return QColor(Qt::lightGray);
}

// The dark scheme's fills: the same hues, deep enough for light text (at least 5:1).
QColor darkStateFill(TcpState state)
{
    switch (state) {
    case TcpState::Closed:
        return QColor(0x48, 0x48, 0x48);
    case TcpState::Listen:
        return QColor(0x66, 0x5a, 0x12);
    case TcpState::SynSent:
    case TcpState::SynRcvd:
        return QColor(0x7a, 0x4c, 0x0c);
    case TcpState::Established:
        return QColor(0x2a, 0x66, 0x27);
    case TcpState::FinWait1:
    case TcpState::FinWait2:
    case TcpState::Closing:
        return QColor(0x4e, 0x3d, 0x86);
    case TcpState::CloseWait:
    case TcpState::LastAck:
        return QColor(0x7a, 0x31, 0x5e);
    case TcpState::TimeWait:
        return QColor(0x25, 0x52, 0x80);
    }
    return QColor(Qt::darkGray);
}

} // namespace

const DiagramStyle &current()
{
    return g_style;
}

void setCurrent(const DiagramStyle &style)
{
    g_style = style;
}

DiagramScheme scheme()
{
    return g_style.scheme;
}

double zoom()
{
    return g_style.zoom;
}

double zoomed(double pixels)
{
    return pixels * g_style.zoom;
}

QColor backgroundColor()
{
    return dark() ? QColor(0x1b, 0x1d, 0x21) : QColor(Qt::white);
}

QColor sideColor(Side side)
{
    const bool client = side == Side::Client;
    if (dark()) return client ? QColor(0x5c, 0xa4, 0xff) : QColor(0xff, 0xa3, 0x45);
    // High contrast: deeper, so that thin strokes and text still stand out at 7:1 on white.
    if (highContrast()) return client ? QColor(0x00, 0x3a, 0xc2) : QColor(0xa3, 0x40, 0x00);
    return client ? QColor(0x1f, 0x63, 0xc6) : QColor(0xd9, 0x6c, 0x00);
}

QColor sideTextColor(Side side)
{
    if (dark()) return sideColor(side).lighter(115);
    return sideColor(side).darker(highContrast() ? 110 : 125);
}

QColor onSideColor()
{
    return dark() ? QColor(0x10, 0x10, 0x10) : QColor(Qt::white);
}

QColor stateFill(TcpState state)
{
    return dark() ? darkStateFill(state) : lightStateFill(state);
}

QColor stateBorder(TcpState state)
{
    if (dark()) return darkStateFill(state).lighter(175);
    return lightStateFill(state).darker(highContrast() ? 260 : 150);
}

QColor dropColor()
{
    if (dark()) return QColor(0xff, 0x5f, 0x5f);
    return highContrast() ? QColor(0xc0, 0x00, 0x00) : QColor(0xd0, 0x1c, 0x1c);
}

QColor nowLineColor()
{
    if (dark()) return QColor(0xd0, 0xd0, 0xd0);
    return highContrast() ? QColor(Qt::black) : QColor(0x30, 0x30, 0x30);
}

QColor gridColor()
{
    if (dark()) return QColor(0x36, 0x39, 0x3f);
    return highContrast() ? QColor(0xb8, 0xb8, 0xb8) : QColor(0xe4, 0xe4, 0xe4);
}

QColor textColor()
{
    if (dark()) return QColor(0xe8, 0xe8, 0xe8);
    return highContrast() ? QColor(Qt::black) : QColor(0x1a, 0x1a, 0x1a);
}

QColor mutedTextColor()
{
    if (dark()) return QColor(0xa8, 0xa8, 0xa8);
    return highContrast() ? QColor(0x30, 0x30, 0x30) : QColor(0x60, 0x60, 0x60);
}

QColor inactiveFill()
{
    if (dark()) return QColor(0x2a, 0x2d, 0x33);
    return highContrast() ? QColor(Qt::white) : QColor(0xf4, 0xf4, 0xf4);
}

QColor edgeColor(bool faint)
{
    if (dark()) return faint ? QColor(0x6a, 0x6e, 0x76) : QColor(0xa0, 0xa4, 0xac);
    if (highContrast()) return faint ? QColor(0x80, 0x80, 0x80) : QColor(0x20, 0x20, 0x20);
    return faint ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x70, 0x70, 0x70);
}

QColor timerColor(TimerKind kind)
{
    switch (kind) {
    case TimerKind::Retransmission:
        return dark() ? QColor(0xff, 0x6e, 0x5e) : QColor(0xc0, 0x39, 0x2b);
    case TimerKind::TimeWait:
        return dark() ? QColor(0x6f, 0xb2, 0xff) : QColor(0x1f, 0x5f, 0x99);
    case TimerKind::KeepAlive:
        return dark() ? QColor(0x5c, 0xd1, 0x8a) : QColor(0x1e, 0x84, 0x49);
    case TimerKind::DelayedAck:
        return dark() ? QColor(0xc3, 0x9b, 0xf0) : QColor(0x7b, 0x3f, 0xa8);
    }
    return QColor(Qt::darkGray);
}

QColor timerTextColor(TimerKind kind)
{
    return dark() ? timerColor(kind).lighter(110) : timerColor(kind).darker(115);
}

QColor selectionColor()
{
    return dark() ? QColor(0xff, 0xd4, 0x00, 120) : QColor(0xff, 0xd4, 0x00, 170);
}

QColor labelGround(int alpha)
{
    QColor ground = backgroundColor();
    ground.setAlpha(alpha);
    return ground;
}

QColor highlightFill()
{
    return dark() ? QColor(0x7a, 0x60, 0x00) : QColor(0xff, 0xd4, 0x5c);
}

QFont scaledFont(const QFont &base, double factor, bool bold)
{
    QFont font = base;
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF() * factor);
    else
        font.setPixelSize(qRound(base.pixelSize() * factor));
    font.setBold(bold);
    return font;
}

} // namespace tcplab::ui::style
