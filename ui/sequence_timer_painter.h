#pragma once
// Draws the endpoints' timers for the sequence diagram: each TimerArmed of the trace is a bar beside its
// side's lifeline, from the arming down to the deadline (while it runs: the countdown's goal) or to where it
// was cancelled or fired, with its name and duration written along it ("RTO 2 s (#2)"). The elapsed part is
// solid and the part still to run is hollow, so the countdown is visible as time moves.
#include "ui/sequence_model.h"

#include <QCoreApplication>
#include <QFont>
#include <QPointF>
#include <QRect>
#include <QString>

#include <array>
#include <functional>
#include <vector>

class QPainter;

namespace tcplab::ui {

class SequenceTimerPainter {
    Q_DECLARE_TR_FUNCTIONS(SequenceTimerPainter)

public:
    // `lifelineAt(t, side)` maps a time on a side's lifeline to its pixel.
    using LifelineMap = std::function<QPointF(TimeUs, Side)>;

    // Which lane (0 nearest the lifeline) each timer kind takes; kinds absent from the model take none.
    using Lanes = std::array<int, kTimerKindCount>;
    static Lanes lanesFor(const SequenceModel &model);

    SequenceTimerPainter(const SequenceModel &model, TimeUs now, LifelineMap lifelineAt, QFont font,
                         Lanes lanes);

    // Draws the timers [first, last) of the model, clipped to `clip`.
    void draw(QPainter *painter, std::size_t first, std::size_t last, const QRect &clip) const;

    // What a timer's bar says: "RTO 1 s", "RTO 2 s (#2)", "2·MSL 4 s", "keep-alive 75 s (probe 1)".
    static QString text(const SequenceTimer &timer);
    int lane(TimerKind kind) const { return m_lanes[std::size_t(kind)]; }
    // A lane's width: the bar and, beside it, the name written downwards in `font`.
    static double laneWidth(const QFont &font);
    // The bar's rectangle in pixels, its lower edge at `end` (the bar as far as it is drawn).
    QRectF barRect(const SequenceTimer &timer, TimeUs end) const;

private:
    // `textRoom`: pixels free in the lane from the bar's top down; `roomAbove`: free above it, which a name
    // too long for the room below may take (a TIME_WAIT begun near the view's bottom).
    void drawOne(QPainter *painter, const SequenceTimer &timer, double textRoom,
                 double roomAbove = 0.0) const;

    const SequenceModel &m_model;
    TimeUs m_now;
    LifelineMap m_lifelineAt;
    QFont m_font;
    Lanes m_lanes;
    double m_laneWidth;
    // The bars of finished timers when too dense to name, per kind (drawn in one call each).
    mutable std::array<std::vector<QRectF>, kTimerKindCount> m_denseBars;
};

} // namespace tcplab::ui
