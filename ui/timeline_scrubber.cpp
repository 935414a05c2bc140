#include "ui/timeline_scrubber.h"

#include "ui/diagram_style.h"
#include "ui/time_format.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>

namespace tcplab::ui {

namespace {
constexpr double kMarginX = 14.0;   // room for the handle at both ends
constexpr double kSnapPixels = 5.0; // a drag this close to an event mark lands on it
constexpr double kHandleRadius = 9.0;
} // namespace

TimelineScrubber::TimelineScrubber(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::NoFocus); // the window's keys stay with the diagram
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    retranslateUi();
}

void TimelineScrubber::retranslateUi()
{
    setToolTip(tr("Timeline: one mark per event; click or drag to go to a moment"));
    setAccessibleName(tr("Timeline"));
}

void TimelineScrubber::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

QSize TimelineScrubber::sizeHint() const
{
    return QSize(600, 44);
}

QSize TimelineScrubber::minimumSizeHint() const
{
    return QSize(200, 44);
}

void TimelineScrubber::setEnd(TimeUs end)
{
    end = std::max<TimeUs>(end, 1);
    if (end == m_end) return;
    m_end = end;
    update();
}

void TimelineScrubber::setTime(TimeUs now)
{
    if (now == m_now) return;
    m_now = now;
    update();
}

void TimelineScrubber::setEventTimes(std::vector<TimeUs> times)
{
    m_events = std::move(times);
    update();
}

QRectF TimelineScrubber::track() const
{
    const double h = 8.0;
    return QRectF(kMarginX, height() / 2.0 - h / 2.0, std::max(1.0, width() - 2 * kMarginX), h);
}

double TimelineScrubber::xOf(TimeUs t) const
{
    const QRectF r = track();
    return r.left() + r.width() * double(std::clamp<TimeUs>(t, 0, m_end)) / double(m_end);
}

TimeUs TimelineScrubber::timeAt(double x) const
{
    const QRectF r = track();
    const double fraction = std::clamp((x - r.left()) / r.width(), 0.0, 1.0);
    const auto t = static_cast<TimeUs>(std::llround(fraction * double(m_end)));
    // The nearest event mark, if it is within a few pixels.
    auto it = std::lower_bound(m_events.begin(), m_events.end(), t);
    std::optional<TimeUs> nearest;
    for (auto candidate : {it, it == m_events.begin() ? it : std::prev(it)}) {
        if (candidate == m_events.end()) continue;
        if (!nearest || std::abs(xOf(*candidate) - x) < std::abs(xOf(*nearest) - x)) nearest = *candidate;
    }
    if (nearest && std::abs(xOf(*nearest) - x) <= kSnapPixels) return *nearest;
    return t;
}

void TimelineScrubber::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QRectF r = track();
    const double nowX = xOf(m_now);

    painter.setPen(Qt::NoPen);
    painter.setBrush(style::gridColor().darker(110));
    painter.drawRoundedRect(r, 4, 4);
    painter.setBrush(style::sideColor(Side::Client).lighter(140));
    painter.drawRoundedRect(QRectF(r.left(), r.top(), nowX - r.left(), r.height()), 4, 4);

    // One mark per event time: those passed dark, those ahead pale. Marks closer than a pixel merge.
    double lastX = -1.0;
    for (TimeUs t : m_events) {
        const double x = std::round(xOf(t));
        if (x == lastX) continue;
        lastX = x;
        painter.setPen(QPen(t <= m_now ? style::textColor() : QColor(0xa0, 0xa0, 0xa0), 1.5));
        painter.drawLine(QPointF(x, r.top() - 7), QPointF(x, r.bottom() + 7));
    }

    painter.setPen(QPen(Qt::white, 2.0));
    painter.setBrush(style::nowLineColor());
    painter.drawEllipse(QPointF(nowX, r.center().y()), kHandleRadius, kHandleRadius);
}

void TimelineScrubber::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    m_dragging = true;
    emit seekRequested(timeAt(event->position().x()));
}

void TimelineScrubber::mouseMoveEvent(QMouseEvent *event)
{
    const TimeUs t = timeAt(event->position().x());
    if (m_dragging) {
        emit seekRequested(t);
    } else {
        QToolTip::showText(event->globalPosition().toPoint(), formatTime(t), this);
    }
}

void TimelineScrubber::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) m_dragging = false;
    QWidget::mouseReleaseEvent(event);
}

} // namespace tcplab::ui
