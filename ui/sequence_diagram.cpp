#include "ui/sequence_diagram.h"

#include "ui/diagram_style.h"
#include "ui/label_placer.h"
#include "ui/sequence_timer_painter.h"
#include "ui/time_format.h"

#include <QFontMetricsF>
#include <QLineF>
#include <QtMath>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_set>
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
    const int lanes =
        m_model.timers.empty() ? 0 : *std::max_element(m_timerLanes.begin(), m_timerLanes.end()) + 1;
    m_stateLabelOffset = 12.0 + (lanes > 0 ? style::kTimerGap : 0.0) + lanes * style::kTimerLaneWidth;
}

double SequenceDiagram::stateLabelOffset() const
{
    return style::zoomed(m_stateLabelOffset);
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
    drawArrows(painter);
    drawStateMarks(painter);
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

void SequenceDiagram::drawNowLine(QCPPainter *painter) const
{
    painter->save();
    const QRect clip = clipRect();
    const double y = pixelAt(m_now, Side::Client, 0.0).y();
    if (y <= clip.bottom()) {
        painter->setPen(QPen(style::nowLineColor(), style::zoomed(1.5), Qt::DashLine));
        painter->drawLine(QPointF(clip.left(), y), QPointF(clip.right(), y));
    } else {
        // Now is further down than the view shows (a long quiet wait): say where.
        painter->setFont(m_stateFont);
        painter->setPen(style::nowLineColor());
        const double h = QFontMetricsF(m_stateFont).height();
        const double left = pixelAt(0, Side::Client, 0.0).x();
        const double right = pixelAt(0, Side::Server, 0.0).x();
        const QRectF area(left, clip.bottom() - h - 8, right - left, h);
        painter->drawText(area, Qt::AlignCenter, tr("▼ now: %1").arg(formatTime(m_now)));
    }
    painter->restore();
}

void SequenceDiagram::drawArrows(QCPPainter *painter)
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
    const bool dense =
        double(clip.height()) / double(std::max<std::size_t>(1, last - first)) < kMinPixelsPerLabel;
    std::unordered_set<std::uint64_t> drawnPixels;
    painter->save();
    if (dense) painter->setRenderHint(QPainter::Antialiasing, false);
    m_drawnArrows = 0;
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
        // A retransmission is dashed, a copy the network made is dotted.
        const Qt::PenStyle line = arrow.retransmission ? Qt::DashLine
                                  : arrow.duplicateOf  ? Qt::DotLine
                                                       : Qt::SolidLine;
        if (dense) {
            // Thin lines without heads: the raster engine's fast path, and all a smear of arrows can show.
            // Arrows that fall on the same pixels as one already drawn are drawn once: at a whole-session
            // scale several arrows share each pixel row, and a line across the plot costs a thousand pixels.
            const auto key = (std::uint64_t(arrow.from == Side::Server) << 62) |
                             (std::uint64_t(std::uint32_t(qRound(tail.y())) & 0x7fffffff) << 31) |
                             std::uint64_t(std::uint32_t(qRound(tip.y())) & 0x7fffffff);
            if (arrow.fate != SequenceArrow::Fate::Dropped && !drawnPixels.insert(key).second) continue;
            painter->setPen(QPen(colour, style::zoom() > 1.0 ? style::zoomed(1.0) : 0.0, line));
            painter->drawLine(tail, tip);
            if (arrow.fate == SequenceArrow::Fate::Dropped) {
                const double s = style::zoomed(4.0);
                painter->setPen(QPen(style::dropColor(), style::zoomed(2.0)));
                painter->drawLine(tip + QPointF(-s, -s), tip + QPointF(s, s));
                painter->drawLine(tip + QPointF(-s, s), tip + QPointF(s, -s));
            }
            continue;
        }
        painter->setPen(QPen(colour, style::arrowWidth(), line, Qt::RoundCap));
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
    // Labels last, on a white ground, placed so that they cover neither each other nor other arrows.
    LabelPlacer placer(std::move(lines), QRectF(clip));
    for (const LabelJob &job : labels)
        drawArrowLabel(painter, placer, *job.arrow, job.along, job.line);
    m_drawnLabels = int(labels.size());
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
                                     const QLineF &along, int line) const
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
    return reason;
}

void SequenceDiagram::drawStateMarks(QCPPainter *painter) const
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

    painter->save();
    painter->setFont(m_stateFont);
    const QFontMetricsF metrics(m_stateFont);
    constexpr double kPadX = 7.0, kPadY = 3.0, kSpacing = 4.0;
    const double kOffset = stateLabelOffset();
    std::map<Side, double> lastBottom;
    std::map<Side, const Entry *> below;
    const QRect clip = clipRect();
    for (const Entry &entry : entries) {
        if (entry.t > m_now) continue;
        if (pixelAt(entry.t, entry.side, 0.0).y() > clip.bottom()) {
            below[entry.side] = &entry;
            continue;
        }
        QString text =
            QString::fromUtf8(stateName(entry.state).data(), qsizetype(stateName(entry.state).size()));
        if (entry.conn != 0) text = QStringLiteral("#%1 %2").arg(entry.conn).arg(text);
        const QPointF anchor = pixelAt(entry.t, entry.side, 0.0);
        const double w = metrics.horizontalAdvance(text) + 2 * kPadX;
        const double h = metrics.height() + 2 * kPadY;
        const double left = entry.side == Side::Client ? anchor.x() - style::bandHalfWidth() - kOffset - w
                                                       : anchor.x() + style::bandHalfWidth() + kOffset;
        double top = anchor.y() - h / 2.0;
        auto last = lastBottom.find(entry.side);
        if (last != lastBottom.end() && top < last->second + kSpacing) top = last->second + kSpacing;
        lastBottom[entry.side] = top + h;
        const QRectF box(left, top, w, h);

        // The moment of change: a tick across the band, and a leader to the label if it had to move down.
        const QColor border = style::stateBorder(entry.state);
        const double overhang = style::zoomed(3.0);
        painter->setPen(QPen(border, style::zoomed(3.0), Qt::SolidLine, Qt::FlatCap));
        painter->drawLine(QPointF(anchor.x() - style::bandHalfWidth() - overhang, anchor.y()),
                          QPointF(anchor.x() + style::bandHalfWidth() + overhang, anchor.y()));
        const QPointF boxEdge(entry.side == Side::Client ? box.right() : box.left(), box.center().y());
        const QPointF bandEdge(anchor.x() + (entry.side == Side::Client ? -1 : 1) *
                                                (style::bandHalfWidth() + overhang),
                               anchor.y());
        painter->setPen(QPen(border, style::zoomed(1.5)));
        painter->drawLine(bandEdge, boxEdge);

        painter->setPen(QPen(border, style::zoomed(1.5)));
        painter->setBrush(style::stateFill(entry.state));
        painter->drawRoundedRect(box, 5.0, 5.0);
        painter->setPen(style::textColor());
        painter->drawText(box, Qt::AlignCenter, text);
    }
    painter->restore();
    for (const auto &[side, entry] : below)
        drawBelowRange(painter, side, entry->state, entry->t);
}

void SequenceDiagram::drawBelowRange(QCPPainter *painter, Side side, TcpState state, TimeUs t) const
{
    // The latest state of a side that changed below the view: written at the bottom of its lifeline.
    const QString text =
        QStringLiteral("▼ %1  %2")
            .arg(QString::fromLatin1(stateName(state).data(), qsizetype(stateName(state).size())),
                 formatTime(t));
    const QFontMetricsF metrics(m_stateFont);
    const double w = metrics.horizontalAdvance(text) + 14.0;
    const double h = metrics.height() + 6.0;
    const QRect clip = clipRect();
    const double x = pixelAt(0, side, 0.0).x();
    const double left = side == Side::Client ? x - style::bandHalfWidth() - stateLabelOffset() - w
                                             : x + style::bandHalfWidth() + stateLabelOffset();
    const QRectF box(left, clip.bottom() - h - 6.0, w, h);
    painter->save();
    painter->setFont(m_stateFont);
    painter->setPen(QPen(style::stateBorder(state), style::zoomed(1.5), Qt::DashLine));
    painter->setBrush(style::stateFill(state));
    painter->drawRoundedRect(box, 5.0, 5.0);
    painter->setPen(style::textColor());
    painter->drawText(box, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace tcplab::ui
