#include "ui/sequence_timer_painter.h"

#include "ui/diagram_style.h"
#include "ui/painted_text.h"
#include "ui/time_format.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <utility>

namespace tcplab::ui {

SequenceTimerPainter::SequenceTimerPainter(const SequenceModel &model, TimeUs now, LifelineMap lifelineAt,
                                           QFont font, Lanes lanes)
    : m_model(model), m_now(now), m_lifelineAt(std::move(lifelineAt)), m_font(std::move(font)),
      m_lanes(lanes), m_laneWidth(laneWidth(m_font))
{
}

SequenceTimerPainter::Lanes SequenceTimerPainter::lanesFor(const SequenceModel &model)
{
    // A lane per kind, so that a short RTO just before TIME_WAIT still has room to say what it is.
    std::array<bool, kTimerKindCount> present{};
    for (const SequenceTimer &timer : model.timers)
        present[std::size_t(timer.kind)] = true;
    Lanes lanes{};
    int next = 0;
    for (std::size_t kind = 0; kind < lanes.size(); ++kind)
        lanes[kind] = present[kind] ? next++ : 0;
    return lanes;
}

QString SequenceTimerPainter::text(const SequenceTimer &timer)
{
    const QString duration = formatDuration(timer.duration);
    switch (timer.kind) {
    case TimerKind::Retransmission:
        // The attempt counts retransmissions so far; the number shown is the transmission it guards, so
        // that the doubled timeout after the first loss reads "RTO 2 s (#2)".
        return timer.attempt > 0 ? tr("RTO %1 (#%2)").arg(duration).arg(timer.attempt + 1)
                                 : tr("RTO %1").arg(duration);
    case TimerKind::TimeWait:
        return tr("2·MSL %1").arg(duration);
    case TimerKind::KeepAlive:
        return timer.attempt > 0 ? tr("keep-alive %1 (probe %2)").arg(duration).arg(timer.attempt)
                                 : tr("keep-alive %1").arg(duration);
    case TimerKind::DelayedAck:
        return tr("delayed ACK %1").arg(duration);
    }
    return duration;
}

double SequenceTimerPainter::laneWidth(const QFont &font)
{
    return std::max(style::timerLaneWidth(),
                    style::timerBarWidth() + QFontMetricsF(font).height() + style::zoomed(8.0));
}

QRectF SequenceTimerPainter::barRect(const SequenceTimer &timer, TimeUs end) const
{
    const QPointF top = m_lifelineAt(timer.armedAt, timer.side);
    const QPointF bottom = m_lifelineAt(end, timer.side);
    const double offset = style::bandHalfWidth() + style::timerGap() + lane(timer.kind) * m_laneWidth;
    // Outside the band, away from the arrows: left of the client's lifeline, right of the server's.
    const double left =
        timer.side == Side::Client ? top.x() - offset - style::timerBarWidth() : top.x() + offset;
    return QRectF(left, top.y(), style::timerBarWidth(), std::max(1.0, bottom.y() - top.y()));
}

void SequenceTimerPainter::draw(QPainter *painter, std::size_t first, std::size_t last,
                                const QRect &clip) const
{
    painter->save();
    painter->setFont(m_font);
    // Bars closer than a line of text: no names, and no antialiasing (as for dense arrows).
    const bool dense = double(clip.height()) / double(std::max<std::size_t>(1, last - first)) <
                       QFontMetricsF(m_font).height();
    if (dense) painter->setRenderHint(QPainter::Antialiasing, false);
    for (std::vector<QRectF> &bars : m_denseBars)
        bars.clear();
    for (std::size_t i = first; i < last; ++i) {
        const SequenceTimer &timer = m_model.timers[i];
        if (timer.armedAt > m_now) continue;
        if (dense && timer.end != SequenceTimer::End::Running && timer.endAt <= m_now) {
            // Too close to tell apart: only the time each ran, one batch of rectangles per kind.
            m_denseBars[std::size_t(timer.kind)].push_back(barRect(timer, timer.endAt));
            continue;
        }
        if (dense) {
            drawOne(painter, timer, 0.0);
            continue;
        }
        // The text may run down the lane until the next bar in it begins, and up to the end of the one
        // before (or the view's top) if it needs more room.
        const double top = m_lifelineAt(timer.armedAt, timer.side).y();
        double roomAbove = top - clip.top() - 2.0;
        for (std::size_t j = i; j-- > first;) {
            const SequenceTimer &before = m_model.timers[j];
            if (before.side != timer.side || lane(before.kind) != lane(timer.kind)) continue;
            roomAbove = top - barRect(before, before.barEnd()).bottom() - 6.0;
            break;
        }
        double textRoom = clip.bottom() - top;
        for (std::size_t j = i + 1; j < m_model.timers.size(); ++j) {
            const SequenceTimer &next = m_model.timers[j];
            if (next.side != timer.side || lane(next.kind) != lane(timer.kind)) continue;
            if (next.armedAt > m_now) break;
            textRoom =
                m_lifelineAt(next.armedAt, next.side).y() - m_lifelineAt(timer.armedAt, timer.side).y();
            break;
        }
        drawOne(painter, timer, textRoom - 4.0, roomAbove);
    }
    painter->setPen(Qt::NoPen);
    for (std::size_t kind = 0; kind < m_denseBars.size(); ++kind) {
        if (m_denseBars[kind].empty()) continue;
        painter->setBrush(style::timerColor(TimerKind(kind)));
        painter->drawRects(m_denseBars[kind].data(), int(m_denseBars[kind].size()));
    }
    painter->restore();
}

void SequenceTimerPainter::drawOne(QPainter *painter, const SequenceTimer &timer, double textRoom,
                                   double roomAbove) const
{
    const QColor colour = style::timerColor(timer.kind);
    const TimeUs stop = timer.barEnd();
    // The whole bar: hollow where the countdown has still to run.
    const QRectF whole = barRect(timer, stop);
    QColor faint = colour;
    faint.setAlpha(60);
    painter->setPen(QPen(colour, style::zoomed(1.5),
                         timer.end == SequenceTimer::End::Running ? Qt::DashLine : Qt::SolidLine));
    painter->setBrush(faint);
    painter->drawRect(whole);
    // The time that has run: solid.
    const TimeUs elapsedTo = std::min(m_now, stop);
    if (elapsedTo > timer.armedAt) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawRect(barRect(timer, elapsedTo));
    }
    // The end: a cap for a cancelled timer, a burst for one that fired.
    if (timer.end != SequenceTimer::End::Running && timer.endAt <= m_now) {
        const double y = whole.bottom();
        if (timer.end == SequenceTimer::End::Fired) {
            painter->setPen(QPen(colour, style::zoomed(3.0), Qt::SolidLine, Qt::RoundCap));
            const QPointF c(whole.center().x(), y);
            for (const QPointF &d : {QPointF(7, 0), QPointF(0, 7), QPointF(5, 5), QPointF(5, -5)})
                painter->drawLine(c - style::zoom() * d, c + style::zoom() * d);
        } else {
            const double overhang = style::zoomed(3.0);
            painter->setPen(
                QPen(style::timerTextColor(timer.kind), style::zoomed(2.5), Qt::SolidLine, Qt::FlatCap));
            painter->drawLine(QPointF(whole.left() - overhang, y), QPointF(whole.right() + overhang, y));
        }
    }

    // The name along the bar, on its outer side, reading downwards.
    if (textRoom <= 0.0) return;
    const QFontMetricsF metrics(m_font);
    // Too long for the room below: start the name higher up the lane, still reading downwards.
    const double needed = metrics.horizontalAdvance(text(timer)) + 12.0;
    const double lift = std::clamp(needed - textRoom, 0.0, std::max(0.0, roomAbove));
    textRoom += lift;
    const QString label = metrics.elidedText(text(timer), Qt::ElideRight, std::max(0.0, textRoom - 6.0));
    if (label.isEmpty() || label == QStringLiteral("…")) return;
    const double length = metrics.horizontalAdvance(label) + 6.0;
    const double h = metrics.height();
    const double x = timer.side == Side::Client ? whole.left() - 2.0 : whole.right() + 2.0 + h;
    painter->save();
    painter->translate(x, whole.top() - lift);
    painter->rotate(90.0);
    const QRectF box(0.0, 0.0, length, h);
    painter->setPen(Qt::NoPen);
    painter->setBrush(style::labelGround(215));
    painter->drawRect(box);
    painter->setPen(style::timerTextColor(timer.kind));
    painter->drawText(box, Qt::AlignCenter, label);
    notePaintedText(label);
    painter->restore();
}

} // namespace tcplab::ui
