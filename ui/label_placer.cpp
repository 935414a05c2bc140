#include "ui/label_placer.h"

#include <QTransform>
#include <QtMath>

#include <cmath>
#include <limits>

namespace tcplab::ui {

namespace {

constexpr double kGap = 5.0;        // between the line and the text box
constexpr double kClearance = 16.0; // between a lifeline (its state band) and the text

bool crosses(const QLineF &line, const QPolygonF &box)
{
    if (box.containsPoint(line.p1(), Qt::OddEvenFill) || box.containsPoint(line.p2(), Qt::OddEvenFill))
        return true;
    for (int i = 0; i < box.size(); ++i) {
        const QLineF edge(box[i], box[(i + 1) % box.size()]);
        if (line.intersects(edge, nullptr) == QLineF::BoundedIntersection) return true;
    }
    return false;
}

} // namespace

LabelPlacer::LabelPlacer(std::vector<QLineF> lines, QRectF bounds)
    : m_lines(std::move(lines)), m_bounds(bounds)
{
    m_lineBounds.reserve(m_lines.size());
    for (const QLineF &line : m_lines)
        m_lineBounds.push_back(QRectF(line.p1(), line.p2()).normalized().adjusted(-0.5, -0.5, 0.5, 0.5));
}

double LabelPlacer::cost(const QPolygonF &box, int own) const
{
    // The exact tests (polygon against polygon, line against polygon) only where the bounding rectangles
    // meet: a label near the top of the view is never compared in full with an arrow at its bottom.
    const QRectF bounds = box.boundingRect();
    double total = 0.0;
    for (const Placed &other : m_placed)
        if (bounds.intersects(other.bounds) && box.intersects(other.box)) total += 1000.0;
    for (int i = 0; i < int(m_lines.size()); ++i)
        if (i != own && bounds.intersects(m_lineBounds[std::size_t(i)]) &&
            crosses(m_lines[std::size_t(i)], box))
            total += 40.0;
    if (!m_bounds.contains(bounds)) total += 300.0;
    return total;
}

PlacedLabel LabelPlacer::place(const QLineF &along, QSizeF size, int own)
{
    // Upright text: a line drawn right to left is read left to right.
    QLineF reading = along;
    if (reading.dx() < 0) reading = QLineF(along.p2(), along.p1());
    const double angle = qRadiansToDegrees(std::atan2(reading.dy(), reading.dx()));
    const double length = along.length();
    const QPointF unit = length > 0 ? (reading.p2() - reading.p1()) / length : QPointF(1, 0);
    const QPointF up(unit.y(), -unit.x()); // perpendicular, towards the top of the text

    static constexpr double kFractions[] = {0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8};
    PlacedLabel best;
    double bestCost = std::numeric_limits<double>::infinity();
    // Beside the line; only where every such place covers another label (arrows crowding at the
    // presentation zoom), a row further out, which costs more than crossing a few arrows.
    for (int candidate = 0; candidate < 6; ++candidate) {
        const int side = candidate % 2, row = candidate / 2;
        const double offset =
            (kGap + size.height() / 2.0 + row * (size.height() + kGap)) * (side == 0 ? 1.0 : -1.0);
        for (double fraction : kFractions) {
            // Keep the text within the arrow where it is long enough.
            const double half = size.width() / 2.0;
            double at = fraction * length;
            if (length > size.width() + 2 * kClearance)
                at = std::clamp(at, half + kClearance, length - half - kClearance);
            else
                at = half + kClearance; // a short (lost) arrow: start clear of the sender's lifeline
            const QPointF centre =
                along.p1() + (along.p2() - along.p1()) * (length > 0 ? at / length : 0.5) + up * offset;

            QTransform transform;
            transform.translate(centre.x(), centre.y());
            transform.rotate(angle);
            const QPolygonF box =
                transform.map(QPolygonF(QRectF(-half, -size.height() / 2.0, size.width(), size.height())));
            // Prefer the middle and the upper side: the textbook's place.
            const double preference = std::abs(fraction - 0.5) * 4.0 + side * 3.0 + row * 300.0;
            const double total = cost(box, own) + preference;
            if (total < bestCost) {
                bestCost = total;
                best = {centre, angle, box};
            }
        }
    }
    m_placed.push_back({best.box, best.box.boundingRect()});
    return best;
}

} // namespace tcplab::ui
