#include "ui/sequence_diagram.h"

#include "ui/core_text.h"
#include "ui/diagram_style.h"
#include "ui/label_placer.h"
#include "ui/painted_text.h"
#include "ui/sequence_timer_painter.h"
#include "ui/time_format.h"

#include <QFontMetricsF>
#include <QLineF>
#include <QtMath>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

namespace tcplab::ui {

namespace {

double distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF ab = b - a;
    const double lengthSquared = QPointF::dotProduct(ab, ab);
    if (lengthSquared <= 0.0) return QLineF(p, a).length();
    const double t = std::clamp(QPointF::dotProduct(p - a, ab) / lengthSquared, 0.0, 1.0);
    return QLineF(p, a + t * ab).length();
}

// A hairline as the horizontal runs of pixels a line drawing would set, one rectangle per pixel row. Filled
// as rectangles (the raster engine's fastest path), thousands of dense arrows cost a few milliseconds less
// than stroking them pixel by pixel.
// Only the rows from `clipTop` to `clipBottom` are kept: an arrow half out of view costs only its visible
// rows.
void appendHairline(const QPointF &a, const QPointF &b, int clipTop, int clipBottom, std::vector<QRect> &runs)
{
    const QPointF top = a.y() <= b.y() ? a : b;
    const QPointF bottom = a.y() <= b.y() ? b : a;
    const int firstRow = qRound(top.y());
    const int lastRow = qRound(bottom.y());
    if (firstRow == lastRow) {
        const int left = qRound(std::min(a.x(), b.x())), right = qRound(std::max(a.x(), b.x()));
        runs.emplace_back(left, firstRow, right - left + 1, 1);
        return;
    }
    const double dxPerRow = (bottom.x() - top.x()) / (bottom.y() - top.y());
    for (int row = std::max(firstRow, clipTop); row <= std::min(lastRow, clipBottom); ++row) {
        // The part of the line within this row: from half a row above its centre to half a row below.
        const double y0 = std::max(top.y(), row - 0.5), y1 = std::min(bottom.y(), row + 0.5);
        const double x0 = top.x() + (y0 - top.y()) * dxPerRow, x1 = top.x() + (y1 - top.y()) * dxPerRow;
        const int left = qRound(std::min(x0, x1)), right = qRound(std::max(x0, x1));
        runs.emplace_back(left, row, std::max(1, right - left), 1);
    }
}

double toMs(TimeUs t)
{
    return double(t) / double(kMillisecond);
}

TimeUs fromMs(double ms)
{
    return static_cast<TimeUs>(std::floor(ms * double(kMillisecond)));
}

} // namespace

SequenceDiagram::SequenceDiagram(QCPAxis *timeAxis, QCPAxis *sideAxis)
    : QCPAbstractPlottable(timeAxis, sideAxis)
{
    setSelectable(QCP::stNone);
    setAntialiased(true);
    setPen(QPen(Qt::black));
}

void SequenceDiagram::setModel(SequenceModel model)
{
    m_model = std::move(model);
    // The state labels stand beyond the timer lanes in use.
    m_timerLanes = SequenceTimerPainter::lanesFor(m_model);
    m_timerLaneCount =
        m_model.timers.empty() ? 0 : *std::max_element(m_timerLanes.begin(), m_timerLanes.end()) + 1;
}

double SequenceDiagram::stateLabelOffset() const
{
    if (m_timerLaneCount == 0) return style::zoomed(12.0);
    return style::zoomed(12.0) + style::timerGap() +
           m_timerLaneCount * SequenceTimerPainter::laneWidth(m_timerFont);
}

void SequenceDiagram::setNow(TimeUs now)
{
    m_now = now;
}

TimeUs SequenceDiagram::contentEnd() const
{
    TimeUs end = std::max(m_now, m_model.lastEventAt);
    for (const SequenceArrow &arrow : m_model.arrows) {
        if (arrow.fate == SequenceArrow::Fate::Travelling) end = std::max(end, arrow.reachAt);
        if (arrow.fate == SequenceArrow::Fate::Dropped) end = std::max(end, arrow.endAt);
    }
    return end;
}

TimeUs SequenceDiagram::focusTime() const
{
    TimeUs focus = 0;
    for (const SequenceArrow &arrow : m_model.arrows) {
        const auto head = arrowHeadAt(arrow, m_now);
        if (!head) continue;
        if (head->moving) return m_now;
        focus = std::max(focus, head->t);
    }
    return focus;
}

QPointF SequenceDiagram::pixelAt(TimeUs t, Side from, double fraction) const
{
    const double value = from == Side::Client ? kClientValue + fraction * (kServerValue - kClientValue)
                                              : kServerValue - fraction * (kServerValue - kClientValue);
    return coordsToPixels(toMs(t), value);
}

std::optional<QPointF> SequenceDiagram::packetPixel(std::uint64_t segmentId) const
{
    const SequenceArrow *arrow = m_model.arrow(segmentId);
    if (!arrow || arrow->fate != SequenceArrow::Fate::Travelling) return std::nullopt;
    const auto head = arrowHeadAt(*arrow, m_now);
    if (!head || !head->moving) return std::nullopt;
    return pixelAt(head->t, arrow->from, head->fraction);
}

std::pair<TimeUs, TimeUs> SequenceDiagram::visibleTimes() const
{
    if (!mKeyAxis) return {0, m_now};
    const QCPRange range = mKeyAxis->range();
    return {fromMs(range.lower), fromMs(range.upper) + 1};
}

std::optional<SequenceDiagram::Hit> SequenceDiagram::nearestTravelling(const QPointF &pixel) const
{
    std::optional<Hit> best;
    const auto [from, to] = visibleTimes();
    const auto [first, last] = arrowsBetween(m_model, std::max<TimeUs>(from, m_now), std::min(to, m_now));
    for (std::size_t i = first; i < last; ++i) {
        const SequenceArrow &arrow = m_model.arrows[i];
        if (arrow.fate != SequenceArrow::Fate::Travelling) continue;
        const auto head = arrowHeadAt(arrow, m_now);
        if (!head || !head->moving) continue;
        const QPointF tail = pixelAt(arrow.sentAt, arrow.from, 0.0);
        const QPointF tip = pixelAt(head->t, arrow.from, head->fraction);
        // The packet itself is a disc; a click anywhere on it counts as on the line.
        const double distance = std::min(distanceToSegment(pixel, tail, tip),
                                         std::max(0.0, QLineF(pixel, tip).length() - style::packetRadius()));
        if (!best || distance < best->distance) best = Hit{arrow.segmentId, distance};
    }
    return best;
}

std::optional<std::uint64_t> SequenceDiagram::arrowAt(const QPointF &pixel, double tolerance) const
{
    std::optional<Hit> best;
    const auto [from, to] = visibleTimes();
    const auto [first, last] = arrowsBetween(m_model, from, to);
    for (std::size_t i = first; i < last; ++i) {
        const SequenceArrow &arrow = m_model.arrows[i];
        const auto head = arrowHeadAt(arrow, m_now);
        if (!head) continue;
        const QPointF tail = pixelAt(arrow.sentAt, arrow.from, 0.0);
        const QPointF tip = pixelAt(head->t, arrow.from, head->fraction);
        double distance = distanceToSegment(pixel, tail, tip);
        if (head->moving) distance = std::min(distance, QLineF(pixel, tip).length() - style::packetRadius());
        if (!best || distance < best->distance) best = Hit{arrow.segmentId, distance};
    }
    if (!best || best->distance > tolerance) return std::nullopt;
    return best->segmentId;
}

std::optional<std::size_t> SequenceDiagram::timerAt(const QPointF &pixel) const
{
    const SequenceTimerPainter timers(
        m_model, m_now, [this](TimeUs t, Side side) { return pixelAt(t, side, 0.0); }, m_timerFont,
        m_timerLanes);
    const auto [from, to] = visibleTimes();
    const auto [first, last] = timersBetween(m_model, from, to);
    for (std::size_t i = first; i < last; ++i) {
        const SequenceTimer &timer = m_model.timers[i];
        if (timer.armedAt > m_now) continue;
        if (timers.barRect(timer, timer.barEnd()).adjusted(-4, -2, 4, 2).contains(pixel)) return i;
    }
    return std::nullopt;
}

std::optional<std::uint64_t> SequenceDiagram::segmentAt(const QPointF &pixel, double tolerance) const
{
    const auto hit = nearestTravelling(pixel);
    if (!hit || hit->distance > tolerance) return std::nullopt;
    return hit->segmentId;
}

double SequenceDiagram::selectTest(const QPointF &pos, bool onlySelectable, QVariant *details) const
{
    Q_UNUSED(details)
    if (onlySelectable && !selectable()) return -1;
    if (!mKeyAxis || !mValueAxis) return -1;
    const auto hit = nearestTravelling(pos);
    if (!hit || hit->distance > mParentPlot->selectionTolerance()) return -1;
    return hit->distance;
}

QCPRange SequenceDiagram::getKeyRange(bool &foundRange, QCP::SignDomain inSignDomain) const
{
    Q_UNUSED(inSignDomain)
    foundRange = true;
    return QCPRange(0.0, std::max(1.0, toMs(contentEnd())));
}

QCPRange SequenceDiagram::getValueRange(bool &foundRange, QCP::SignDomain inSignDomain,
                                        const QCPRange &inKeyRange) const
{
    Q_UNUSED(inSignDomain)
    Q_UNUSED(inKeyRange)
    foundRange = true;
    return QCPRange(kClientValue, kServerValue);
}

void SequenceDiagram::drawLegendIcon(QCPPainter *painter, const QRectF &rect) const
{
    painter->setPen(QPen(style::sideColor(Side::Client), style::arrowWidth()));
    painter->drawLine(QLineF(rect.left(), rect.center().y(), rect.right(), rect.center().y()));
}

void SequenceDiagram::draw(QCPPainter *painter)
{
    if (!mKeyAxis || !mValueAxis) return;
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setRenderHint(QPainter::TextAntialiasing, true);
    drawBands(painter);
    drawTimers(painter);
    drawLifelines(painter);
    drawNowLine(painter);
    // The state labels are laid out first, so that the arrows' labels keep clear of them.
    const std::vector<StateLabel> states = layoutStateLabels();
    std::vector<QRectF> obstacles;
    obstacles.reserve(states.size());
    for (const StateLabel &label : states)
        obstacles.push_back(label.box);
    if (const QRectF note = nowNoteRect(); !note.isEmpty()) obstacles.push_back(note);
    drawArrows(painter, obstacles);
    drawStateLabels(painter, states);
}

void SequenceDiagram::drawBands(QCPPainter *painter) const
{
    painter->save();
    for (const SequenceStateBand &band : m_model.bands) {
        const TimeUs end = band.end < 0 ? m_now : std::min(band.end, m_now);
        if (end < band.begin) continue;
        const QPointF top = pixelAt(band.begin, band.side, 0.0);
        const QPointF bottom = pixelAt(end, band.side, 0.0);
        const QRectF rect(QPointF(top.x() - style::bandHalfWidth(), top.y()),
                          QPointF(top.x() + style::bandHalfWidth(), bottom.y()));
        painter->setPen(QPen(style::stateBorder(band.state), style::zoomed(1.0)));
        painter->setBrush(style::stateFill(band.state));
        painter->drawRect(rect.normalized());
    }
    painter->restore();
}

void SequenceDiagram::drawTimers(QCPPainter *painter) const
{
    const auto [from, to] = visibleTimes();
    const auto [first, last] = timersBetween(m_model, from, to);
    const SequenceTimerPainter timers(
        m_model, m_now, [this](TimeUs t, Side side) { return pixelAt(t, side, 0.0); }, m_timerFont,
        m_timerLanes);
    timers.draw(painter, first, last, clipRect());
}

void SequenceDiagram::drawLifelines(QCPPainter *painter) const
{
    painter->save();
    const QRect clip = clipRect();
    for (Side side : {Side::Client, Side::Server}) {
        const QPointF start = pixelAt(0, side, 0.0);
        const QPointF now = pixelAt(m_now, side, 0.0);
        QPen solid(style::sideColor(side), style::lifelineWidth());
        painter->setPen(solid);
        painter->drawLine(start, now);
        // The future: what has not happened yet is only a faint promise of a lifeline.
        QPen future(style::sideColor(side).lighter(150), style::lifelineWidth(), Qt::DashLine);
        painter->setPen(future);
        painter->drawLine(now, QPointF(now.x(), clip.bottom()));
    }
    painter->restore();
}

QRectF SequenceDiagram::nowNoteRect() const
{
    const QRect clip = clipRect();
    if (pixelAt(m_now, Side::Client, 0.0).y() <= clip.bottom()) return {};
    const QFontMetricsF metrics(m_stateFont);
    const double w = metrics.horizontalAdvance(tr("▼ now: %1").arg(formatTime(m_now))) + 12.0;
    const double h = metrics.height();
    const double middle = (pixelAt(0, Side::Client, 0.0).x() + pixelAt(0, Side::Server, 0.0).x()) / 2.0;
    return QRectF(middle - w / 2.0, clip.bottom() - h - 8, w, h);
}

void SequenceDiagram::drawNowLine(QCPPainter *painter) const
{
    painter->save();
    const QRect clip = clipRect();
    const QRectF note = nowNoteRect();
    if (note.isEmpty()) {
        const double y = pixelAt(m_now, Side::Client, 0.0).y();
        painter->setPen(QPen(style::nowLineColor(), style::zoomed(1.5), Qt::DashLine));
        painter->drawLine(QPointF(clip.left(), y), QPointF(clip.right(), y));
    } else {
        // Now is further down than the view shows (a long quiet wait): say where.
        painter->setFont(m_stateFont);
        painter->setPen(style::nowLineColor());
        const QString text = tr("▼ now: %1").arg(formatTime(m_now));
        painter->drawText(note, Qt::AlignCenter, text);
        notePaintedText(text);
    }
    painter->restore();
}

void SequenceDiagram::drawArrows(QCPPainter *painter, const std::vector<QRectF> &obstacles)
{
    const QRect clip = clipRect();
    struct LabelJob {
        const SequenceArrow *arrow;
        QLineF along;
        int line;
    };
    std::vector<LabelJob> labels;
    std::vector<QLineF> lines;

    // Only the arrows that can reach into the visible time range: the send times are sorted, and no arrow
    // is longer than the longest, so two binary searches bound them.
    const auto [from, to] = visibleTimes();
    const auto [first, last] = arrowsBetween(m_model, from, std::min(to, m_now));
    // Too dense to read: draw the arrows plainly, without labels or antialiasing, which is all the eye can
    // take in at that scale anyway.
    const bool dense = double(clip.height()) / double(std::max<std::size_t>(1, last - first)) <
                       kMinPixelsPerLabel * std::max(1.0, style::zoom());
    m_drawnArrows = 0;
    m_labelBoxes.clear();
    if (dense) {
        drawDenseArrows(painter, first, last);
        m_drawnLabels = 0;
        return;
    }
    painter->save();
    for (std::size_t i = first; i < last; ++i) {
        const SequenceArrow &arrow = m_model.arrows[i];
        const auto head = arrowHeadAt(arrow, m_now);
        if (!head) continue;
        const QPointF tail = pixelAt(arrow.sentAt, arrow.from, 0.0);
        const QPointF tip = pixelAt(head->t, arrow.from, head->fraction);
        // The whole way the label is written along: to the receiver, or to where the segment is lost.
        const QPointF labelEnd = arrow.fate == SequenceArrow::Fate::Dropped
                                     ? pixelAt(arrow.endAt, arrow.from, arrow.endFraction)
                                     : pixelAt(arrow.reachAt, arrow.from, 1.0);
        const double minY = std::min({tail.y(), tip.y(), labelEnd.y()});
        const double maxY = std::max({tail.y(), tip.y(), labelEnd.y()});
        if (maxY < clip.top() - 40 || minY > clip.bottom() + 40) continue;
        ++m_drawnArrows;

        const QColor colour = style::sideColor(arrow.from);
        if (arrow.segmentId == m_selected) {
            // A broad yellow halo under the selected arrow, as a highlighter pen would mark it on paper.
            painter->setPen(
                QPen(style::selectionColor(), 2 * style::selectionHalo(), Qt::SolidLine, Qt::RoundCap));
            painter->drawLine(tail, tip);
        }
        painter->setPen(QPen(colour, style::arrowWidth(), linePattern(arrow), Qt::RoundCap));
        painter->drawLine(tail, tip);

        if (head->moving) {
            painter->setPen(QPen(style::backgroundColor(), style::zoomed(2.0)));
            painter->setBrush(colour);
            painter->drawEllipse(tip, style::packetRadius(), style::packetRadius());
        } else if (arrow.fate == SequenceArrow::Fate::Dropped) {
            const double s = style::crossHalfSize();
            painter->setPen(QPen(style::dropColor(), style::crossWidth(), Qt::SolidLine, Qt::RoundCap));
            painter->drawLine(tip + QPointF(-s, -s), tip + QPointF(s, s));
            painter->drawLine(tip + QPointF(-s, s), tip + QPointF(s, -s));
        } else {
            drawArrowHead(painter, tail, tip, colour);
        }
        labels.push_back({&arrow, QLineF(tail, labelEnd), int(lines.size())});
        lines.emplace_back(tail, tip);
    }
    // Labels last, on the label ground, placed so that they cover neither each other, nor other arrows, nor
    // the state labels beside the lifelines.
    LabelPlacer placer(std::move(lines), QRectF(clip));
    for (const QRectF &obstacle : obstacles)
        placer.addObstacle(obstacle);
    for (const LabelJob &job : labels)
        drawArrowLabel(painter, placer, *job.arrow, job.along, job.line);
    m_drawnLabels = int(labels.size());
    painter->restore();
}

Qt::PenStyle SequenceDiagram::linePattern(const SequenceArrow &arrow)
{
    // A retransmission is dashed, a copy the network made is dotted.
    return arrow.retransmission ? Qt::DashLine : arrow.duplicateOf ? Qt::DotLine : Qt::SolidLine;
}

void SequenceDiagram::drawDenseArrows(QCPPainter *painter, std::size_t first, std::size_t last)
{
    // Thin lines without heads, batched by pen into one call each: all a smear of arrows can show. The axis
    // is linear, so one scale maps every time to its row.
    const QRect clip = clipRect();
    const QPointF origin = pixelAt(0, Side::Client, 0.0);
    const double rowsPerSecond = pixelAt(kSecond, Side::Client, 0.0).y() - origin.y();
    const double clientX = origin.x();
    const double serverX = pixelAt(0, Side::Server, 0.0).x();
    const auto rowAt = [&](TimeUs t) { return origin.y() + rowsPerSecond * (double(t) / double(kSecond)); };

    for (std::vector<QLineF> &batch : m_denseBatches)
        batch.clear();
    for (std::vector<QRect> &runs : m_denseRuns)
        runs.clear();
    // A solid hairline is drawn as its runs of pixels; a wider (zoomed) or patterned line is stroked.
    const bool thin = style::zoom() <= 1.0;
    m_denseCrosses.clear();
    // Arrows that fall on the same pixels as one already drawn are drawn once: at a whole-session scale
    // several arrows share each pixel row, and a line across the plot costs a thousand pixels. The send
    // times are sorted, so arrows from one tail row come together: only that row's tips need remembering.
    int tailRow = std::numeric_limits<int>::min();
    std::vector<int> &tipsOfRow = m_denseTips;
    tipsOfRow.clear();
    const double s = style::zoomed(4.0);
    for (std::size_t i = first; i < last; ++i) {
        const SequenceArrow &arrow = m_model.arrows[i];
        const auto head = arrowHeadAt(arrow, m_now);
        if (!head) continue;
        const double fromX = arrow.from == Side::Client ? clientX : serverX;
        const double toX = arrow.from == Side::Client ? serverX : clientX;
        const QPointF tail(fromX, rowAt(arrow.sentAt));
        const QPointF tip(fromX + (toX - fromX) * head->fraction, rowAt(head->t));
        if (std::max(tail.y(), tip.y()) < clip.top() || std::min(tail.y(), tip.y()) > clip.bottom()) continue;
        const bool dropped = arrow.fate == SequenceArrow::Fate::Dropped;
        if (const int row = qRound(tail.y()); row != tailRow) {
            tailRow = row;
            tipsOfRow.clear();
        }
        // The tip's row, with the sender in its lowest bit: arrows both ways may end on one row.
        const int tipKey = qRound(tip.y()) * 2 + (arrow.from == Side::Server ? 1 : 0);
        if (!dropped) {
            if (std::find(tipsOfRow.begin(), tipsOfRow.end(), tipKey) != tipsOfRow.end()) continue;
            tipsOfRow.push_back(tipKey);
        }
        ++m_drawnArrows;
        const std::size_t pattern = arrow.retransmission ? 1 : arrow.duplicateOf ? 2 : 0;
        if (pattern == 0 && thin)
            appendHairline(tail, tip, clip.top(), clip.bottom(),
                           m_denseRuns[arrow.from == Side::Server ? 1 : 0]);
        else
            m_denseBatches[(arrow.from == Side::Server ? 3 : 0) + pattern].emplace_back(tail, tip);
        if (dropped) {
            m_denseCrosses.emplace_back(tip + QPointF(-s, -s), tip + QPointF(s, s));
            m_denseCrosses.emplace_back(tip + QPointF(-s, s), tip + QPointF(s, -s));
        }
    }

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const double width = style::zoom() > 1.0 ? style::zoomed(1.0) : 0.0;
    static constexpr Qt::PenStyle kPatterns[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine};
    for (std::size_t b = 0; b < m_denseBatches.size(); ++b) {
        const std::vector<QLineF> &batch = m_denseBatches[b];
        if (batch.empty()) continue;
        painter->setPen(QPen(style::sideColor(b < 3 ? Side::Client : Side::Server), width, kPatterns[b % 3]));
        painter->drawLines(batch.data(), int(batch.size()));
    }
    painter->setPen(Qt::NoPen);
    for (Side side : {Side::Client, Side::Server}) {
        const std::vector<QRect> &runs = m_denseRuns[side == Side::Server ? 1 : 0];
        if (runs.empty()) continue;
        painter->setBrush(style::sideColor(side));
        painter->drawRects(runs.data(), int(runs.size()));
    }
    if (!m_denseCrosses.empty()) {
        painter->setPen(QPen(style::dropColor(), style::zoomed(2.0)));
        painter->drawLines(m_denseCrosses.data(), int(m_denseCrosses.size()));
    }
    painter->restore();
}

void SequenceDiagram::drawArrowHead(QCPPainter *painter, const QPointF &tail, const QPointF &tip,
                                    const QColor &colour) const
{
    const QLineF line(tail, tip);
    if (line.length() <= 0.0) return;
    const QPointF u = (tip - tail) / line.length();
    const QPointF n(-u.y(), u.x());
    const QPointF back = tip - u * style::arrowHeadLength();
    QPolygonF arrowHead;
    arrowHead << tip << back + n * style::arrowHeadHalfWidth() << back - n * style::arrowHeadHalfWidth();
    painter->setPen(QPen(colour, style::zoomed(1.0)));
    painter->setBrush(colour);
    painter->drawPolygon(arrowHead);
}

void SequenceDiagram::drawArrowLabel(QCPPainter *painter, LabelPlacer &placer, const SequenceArrow &arrow,
                                     const QLineF &along, int line)
{
    QString text = arrow.label;
    if (arrow.retransmission) text += QLatin1Char(' ') + tr("(retransmission)");
    if (arrow.keepAliveProbe) text += QLatin1Char(' ') + tr("(keep-alive probe)");
    if (arrow.duplicateOf) text += QLatin1Char(' ') + tr("(copy)");
    if (arrow.delayedBy > 0)
        text += QLatin1Char(' ') + tr("(delayed +%1)").arg(formatDuration(arrow.delayedBy));
    if (arrow.fate == SequenceArrow::Fate::Dropped) {
        // Why it was lost, in the trace's words: a click, a link rule's label.
        text += QLatin1Char(' ') + tr("(lost)");
        if (!arrow.dropReason.isEmpty()) text += QStringLiteral(": ") + dropReasonText(arrow.dropReason);
    }

    const QFontMetricsF metrics(m_labelFont);
    const QSizeF size(metrics.horizontalAdvance(text) + 8.0, metrics.height() + 2.0);
    const PlacedLabel placed = placer.place(along, size, line);
    m_labelBoxes.push_back(placed.box);

    painter->save();
    painter->translate(placed.centre);
    painter->rotate(placed.angle);
    const QRectF box(-size.width() / 2.0, -size.height() / 2.0, size.width(), size.height());
    painter->setPen(Qt::NoPen);
    painter->setBrush(style::labelGround(225));
    painter->drawRoundedRect(box, 3.0, 3.0);
    painter->setFont(m_labelFont);
    const QColor colour =
        arrow.fate == SequenceArrow::Fate::Dropped ? style::dropColor() : style::sideTextColor(arrow.from);
    painter->setPen(colour);
    painter->drawText(box, Qt::AlignCenter, text);
    notePaintedText(text);
    painter->restore();
}

QString SequenceDiagram::dropReasonText(const QString &reason)
{
    if (reason == QLatin1String("dropped by user")) return tr("you dropped it");
    if (reason == QLatin1String("dropped by user (next from client)"))
        return tr("you dropped the client's next segment");
    if (reason == QLatin1String("dropped by user (next from server)"))
        return tr("you dropped the server's next segment");
    if (reason.startsWith(QLatin1String("rule: "))) return tr("link rule: %1").arg(reason.mid(6));
    if (reason == QLatin1String("dropped")) return tr("dropped by the link");
    return coreText(reason.toStdString());
}

std::vector<SequenceDiagram::StateLabel> SequenceDiagram::layoutStateLabels() const
{
    struct Entry {
        TimeUs t;
        Side side;
        int conn;
        TcpState state;
    };
    std::vector<Entry> entries;
    std::map<std::pair<Side, int>, bool> seen;
    for (const SequenceStateMark &mark : m_model.marks) {
        const auto key = std::make_pair(mark.side, mark.conn);
        // The state a side started in, written at the top when it left it later than time 0.
        if (!seen[key] && mark.t > 0) entries.push_back({0, mark.side, mark.conn, mark.from});
        seen[key] = true;
        entries.push_back({mark.t, mark.side, mark.conn, mark.to});
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.t < b.t; });

    const QFontMetricsF metrics(m_stateFont);
    const double padX = 7.0, padY = 3.0, spacing = 4.0;
    const double h = metrics.height() + 2 * padY;
    const QRect clip = clipRect();
    // Beside the band and the timer lanes, but never cut by the plot's edge: a narrow window lets the
    // label cover the timer lanes rather than lose its first letters.
    const auto boxAt = [&](Side side, double x, double top, double w) {
        const double reach = style::bandHalfWidth() + stateLabelOffset();
        double left = side == Side::Client ? x - reach - w : x + reach;
        left =
            std::clamp(left, double(clip.left()) + 2.0, std::max(clip.left() + 2.0, clip.right() - 2.0 - w));
        return QRectF(left, top, w, h);
    };
    std::vector<StateLabel> labels;
    std::map<Side, double> lastBottom;
    std::map<Side, const Entry *> below;
    for (const Entry &entry : entries) {
        if (entry.t > m_now) continue;
        const QPointF anchor = pixelAt(entry.t, entry.side, 0.0);
        if (anchor.y() > clip.bottom()) {
            below[entry.side] = &entry;
            continue;
        }
        QString text = stateText(entry.state);
        if (entry.conn != 0) text = QStringLiteral("#%1 %2").arg(entry.conn).arg(text);
        const double w = metrics.horizontalAdvance(text) + 2 * padX;
        double top = anchor.y() - h / 2.0;
        auto last = lastBottom.find(entry.side);
        if (last != lastBottom.end() && top < last->second + spacing) top = last->second + spacing;
        lastBottom[entry.side] = top + h;
        if (top > clip.bottom() || top + h < clip.top()) continue;
        labels.push_back(
            {boxAt(entry.side, anchor.x(), top, w), anchor, entry.side, entry.state, text, false});
    }
    // The latest state of a side that changed below the view: written at the bottom of its lifeline.
    for (const auto &[side, entry] : below) {
        const QString text = QStringLiteral("▼ %1  %2").arg(stateText(entry->state), formatTime(entry->t));
        const double w = metrics.horizontalAdvance(text) + 2 * padX;
        const double x = pixelAt(0, side, 0.0).x();
        labels.push_back({boxAt(side, x, clip.bottom() - h - 6.0, w), {}, side, entry->state, text, true});
    }
    return labels;
}

QString SequenceDiagram::stateText(TcpState state)
{
    // State names stay as in the RFC in every language.
    const auto name = stateName(state);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

double SequenceDiagram::sideRoom() const
{
    // The widest state label this session writes, beyond the band and the timer lanes.
    const QFontMetricsF metrics(m_stateFont);
    double widest = metrics.horizontalAdvance(QStringLiteral("ESTABLISHED"));
    for (const SequenceStateMark &mark : m_model.marks) {
        QString text = stateText(mark.to);
        if (mark.conn != 0) text = QStringLiteral("#%1 %2").arg(mark.conn).arg(text);
        widest = std::max(widest, metrics.horizontalAdvance(text));
    }
    return style::bandHalfWidth() + stateLabelOffset() + widest + 14.0 + 6.0;
}

void SequenceDiagram::drawStateLabels(QCPPainter *painter, const std::vector<StateLabel> &labels) const
{
    painter->save();
    painter->setFont(m_stateFont);
    const double overhang = style::zoomed(3.0);
    for (const StateLabel &label : labels) {
        const QColor border = style::stateBorder(label.state);
        if (!label.belowView) {
            // The moment of change: a tick across the band, and a leader to the label if it had to move.
            const QPointF &anchor = label.anchor;
            painter->setPen(QPen(border, style::zoomed(3.0), Qt::SolidLine, Qt::FlatCap));
            painter->drawLine(QPointF(anchor.x() - style::bandHalfWidth() - overhang, anchor.y()),
                              QPointF(anchor.x() + style::bandHalfWidth() + overhang, anchor.y()));
            const double toward = label.side == Side::Client ? -1.0 : 1.0;
            const QPointF bandEdge(anchor.x() + toward * (style::bandHalfWidth() + overhang), anchor.y());
            const QPointF boxEdge(label.side == Side::Client ? label.box.right() : label.box.left(),
                                  label.box.center().y());
            painter->setPen(QPen(border, style::zoomed(1.5)));
            painter->drawLine(bandEdge, boxEdge);
        }
        painter->setPen(QPen(border, style::zoomed(1.5), label.belowView ? Qt::DashLine : Qt::SolidLine));
        painter->setBrush(style::stateFill(label.state));
        painter->drawRoundedRect(label.box, 5.0, 5.0);
        painter->setPen(style::textColor());
        painter->drawText(label.box, Qt::AlignCenter, label.text);
        notePaintedText(label.text);
    }
    painter->restore();
}

} // namespace tcplab::ui
