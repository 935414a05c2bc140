#pragma once
// Places the arrows' labels: each is written along its arrow, and among a few positions (nearer the middle
// first, above the line before below it) the one is taken that covers the fewest labels already placed and
// the fewest other arrows. Arrows close in time then get labels that do not run into each other.
#include <QLineF>
#include <QPolygonF>
#include <QRectF>
#include <QSizeF>

#include <vector>

namespace tcplab::ui {

struct PlacedLabel {
    QPointF centre;   // of the text box
    double angle = 0; // degrees, the text's baseline direction (upright)
    QPolygonF box;    // the text box as drawn, for tests and overlap checks
};

class LabelPlacer {
public:
    // `lines` are every arrow as drawn (the labels avoid covering them); `bounds` is where labels may go.
    LabelPlacer(std::vector<QLineF> lines, QRectF bounds);

    // The place for a label of `size` along `along` (from its sender to where it ends). `own` is the index
    // of the arrow's own line in `lines`, which it may touch.
    PlacedLabel place(const QLineF &along, QSizeF size, int own);
    // Something already written (a state label) that labels must not cover.
    void addObstacle(const QRectF &rect) { m_placed.push_back({QPolygonF(rect), rect}); }

private:
    struct Placed {
        QPolygonF box;
        QRectF bounds; // the box's bounding rectangle: most pairs are told apart by it alone
    };
    double cost(const QPolygonF &box, int own) const;

    std::vector<QLineF> m_lines;
    std::vector<QRectF> m_lineBounds;
    QRectF m_bounds;
    std::vector<Placed> m_placed;
};

} // namespace tcplab::ui
