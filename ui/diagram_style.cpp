#include "ui/diagram_style.h"

namespace tcplab::ui::style {

QColor sideColor(Side side)
{
    return side == Side::Client ? QColor(0x1f, 0x63, 0xc6) : QColor(0xd9, 0x6c, 0x00);
}

QColor stateFill(TcpState state)
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

QColor stateBorder(TcpState state)
{
    return stateFill(state).darker(150);
}

QColor dropColor()
{
    return QColor(0xd0, 0x1c, 0x1c);
}

QColor nowLineColor()
{
    return QColor(0x30, 0x30, 0x30);
}

QColor gridColor()
{
    return QColor(0xe4, 0xe4, 0xe4);
}

QColor textColor()
{
    return QColor(0x1a, 0x1a, 0x1a);
}

QColor timerColor(TimerKind kind)
{
    switch (kind) {
    case TimerKind::Retransmission:
        return QColor(0xc0, 0x39, 0x2b);
    case TimerKind::TimeWait:
        return QColor(0x1f, 0x5f, 0x99);
    case TimerKind::KeepAlive:
        return QColor(0x1e, 0x84, 0x49);
    }
    return QColor(Qt::darkGray);
}

QColor selectionColor()
{
    return QColor(0xff, 0xd4, 0x00, 170);
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
