#include "ui/state_diagram_widget.h"

#include "ui/diagram_style.h"
#include "ui/painted_text.h"
#include "ui/session_controller.h"
#include "ui/state_diagram_labels.h"

#include <QCheckBox>
#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

namespace tcplab::ui {

namespace {

constexpr double kMargin = 8.0;
// Labels of the edges not just taken are drawn only when the diagram is large enough to keep them apart
// (a projected or undocked diagram); in a narrow dock only the lit transitions carry text.
constexpr double kScaleForAllLabels = 0.8;
constexpr double kParallelSpacing = 34.0; // logical units between parallel edges of one node pair
constexpr double kLabelHitRadius = 24.0;  // pixels, for the tooltip

// The table's state names and RFC sections are UTF-8 ("§3.10").
QString utf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QColor faintEdgeColor()
{
    return style::edgeColor(true);
}

QColor plainEdgeColor()
{
    return style::edgeColor(false);
}

// The point where a ray from the rectangle's centre towards `towards` leaves the rectangle.
QPointF borderPoint(const QRectF &rect, QPointF towards)
{
    const QPointF c = rect.center();
    const QPointF d = towards - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y())) return c;
    const double tx = std::abs(d.x()) > 1e-9 ? rect.width() / 2 / std::abs(d.x()) : 1e9;
    const double ty = std::abs(d.y()) > 1e-9 ? rect.height() / 2 / std::abs(d.y()) : 1e9;
    return c + d * std::min(tx, ty);
}

void drawArrowHead(QPainter &painter, QPointF tip, QPointF from, double length, const QColor &color)
{
    const QPointF d = tip - from;
    const double norm = std::hypot(d.x(), d.y());
    if (norm < 1e-9) return;
    const QPointF u = d / norm;
    const QPointF n(-u.y(), u.x());
    const QPointF base = tip - u * length;
    const QPolygonF head{tip, base + n * (length * 0.42), base - n * (length * 0.42)};
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawPolygon(head);
    painter.restore();
}

// `pixels` at zoom 1: the presentation zoom scales the diagram's text as it scales the window's.
QFont pixelFont(const QFont &base, double pixels, bool bold)
{
    QFont font = base;
    font.setPixelSize(std::max(1, int(std::lround(style::zoomed(pixels)))));
    font.setBold(bold);
    return font;
}

} // namespace

StateDiagramWidget::StateDiagramWidget(SessionController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("stateDiagram"));
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    m_showAllBox = new QCheckBox(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(int(kMargin), int(kMargin / 2), int(kMargin), int(kMargin));
    layout->addWidget(m_showAllBox, 0, Qt::AlignLeft | Qt::AlignTop);
    layout->addStretch(1);
    connect(m_showAllBox, &QCheckBox::toggled, this, &StateDiagramWidget::setShowAllTransitions);

    connect(&m_controller, &SessionController::timeChanged, this, &StateDiagramWidget::refresh);
    connect(&m_controller, &SessionController::traceChanged, this, &StateDiagramWidget::refresh);
    retranslateUi();
    refresh();
}

void StateDiagramWidget::retranslateUi()
{
    m_showAllBox->setText(tr("Show all transitions"));
    m_showAllBox->setToolTip(tr("Also draw the resets, aborts and timeouts of RFC 9293 §3.10 that Figure 5 "
                                "leaves out"));
    m_showAllBox->setAccessibleName(tr("Show all transitions"));
    setAccessibleName(tr("TCP state diagram"));
    update();
}

void StateDiagramWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void StateDiagramWidget::setShowAllTransitions(bool show)
{
    if (show == m_showAll) return;
    m_showAll = show;
    m_showAllBox->setChecked(show);
    update();
}

void StateDiagramWidget::setConnection(int conn)
{
    if (conn == m_conn) return;
    m_conn = conn;
    refresh();
}

void StateDiagramWidget::refresh()
{
    std::array<SideView, 2> sides;
    const TimeUs now = m_controller.currentTime();
    for (const TraceEvent &event : m_controller.trace().events()) {
        if (event.t > now) break;
        if (event.conn != m_conn) continue; // the diagram follows one connection pair
        SideView &side = sides[index(event.side)];
        if (event.kind == TraceKind::StateChanged) {
            side.state = event.to;
            side.lit = findTransition(event.from, event.transition, event.to);
        } else if (event.kind == TraceKind::UserCall && event.callOk &&
                   (event.call == CallKind::Crash || event.call == CallKind::Restart)) {
            // A crash loses the TCB without a state change (RFC 9293 §3.5.1): a fresh CLOSED.
            side = SideView{};
        }
    }
    if (sides[0].state == m_sides[0].state && sides[0].lit == m_sides[0].lit &&
        sides[1].state == m_sides[1].state && sides[1].lit == m_sides[1].lit)
        return;
    m_sides = sides;
    update();
}

DiagramNode StateDiagramWidget::highlightedNode(Side side) const
{
    const SideView &view = m_sides[index(side)];
    return nodeFor(view.state, view.lit);
}

bool StateDiagramWidget::isVisible(const Transition &row) const
{
    return m_showAll || isFigureFiveRow(row) || &row == m_sides[0].lit || &row == m_sides[1].lit;
}

int StateDiagramWidget::visibleEdgeCount() const
{
    const auto rows = transitionTable();
    return int(
        std::count_if(rows.begin(), rows.end(), [this](const Transition &row) { return isVisible(row); }));
}

QSize StateDiagramWidget::sizeHint() const
{
    return {560, 540};
}

QSize StateDiagramWidget::minimumSizeHint() const
{
    return {320, 300};
}

double StateDiagramWidget::scale() const
{
    const double top = m_showAllBox->geometry().bottom() + kMargin;
    const double w = width() - 2 * kMargin;
    const double h = height() - top - kMargin;
    return std::max(0.05, std::min(w / kLogicalPlane.width(), h / kLogicalPlane.height()));
}

QPointF StateDiagramWidget::toWidget(QPointF logical) const
{
    const double s = scale();
    const double top = m_showAllBox->geometry().bottom() + kMargin;
    const double left = (width() - kLogicalPlane.width() * s) / 2;
    const double h = height() - top - kMargin;
    const double y0 = top + (h - kLogicalPlane.height() * s) / 2;
    return {left + logical.x() * s, y0 + logical.y() * s};
}

QRectF StateDiagramWidget::nodeRect(DiagramNode node) const
{
    const double s = scale();
    const QFont font = pixelFont(this->font(), std::clamp(24.0 * s, 14.0, 26.0), true);
    const double textWidth = QFontMetricsF(font).horizontalAdvance(utf8(stateName(placeOf(node).state)));
    const double w = std::max(kLogicalNodeSize.width() * s, textWidth + 12);
    const double h = std::max(kLogicalNodeSize.height() * s, QFontMetricsF(font).height() + 8);
    QRectF rect(0, 0, w, h);
    rect.moveCenter(toWidget(placeOf(node).centre));
    return rect;
}

std::vector<StateDiagramWidget::Edge> StateDiagramWidget::layoutEdges() const
{
    // Parallel rows between the same two nodes (either direction) are fanned out around the straight line.
    std::map<std::pair<int, int>, std::vector<const Transition *>> groups;
    for (const Transition &row : transitionTable()) {
        if (!isVisible(row)) continue;
        const int a = int(fromNode(row)), b = int(toNode(row));
        groups[{std::min(a, b), std::max(a, b)}].push_back(&row);
    }
    const double s = scale();
    std::vector<Edge> edges;
    for (const auto &[pair, rows] : groups) {
        const QPointF p = toWidget(placeOf(DiagramNode(pair.first)).centre);
        const QPointF q = toWidget(placeOf(DiagramNode(pair.second)).centre);
        const QPointF d = q - p;
        const double norm = std::max(1e-9, std::hypot(d.x(), d.y()));
        const QPointF perp(-d.y() / norm, d.x() / norm);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const double offset = (double(i) - double(rows.size() - 1) / 2) * kParallelSpacing * s;
            const QRectF from = nodeRect(fromNode(*rows[i]));
            const QRectF to = nodeRect(toNode(*rows[i]));
            Edge edge;
            edge.row = rows[i];
            // The curve's mid-point is `offset` off the straight line; its control point twice that.
            const QPointF mid = (from.center() + to.center()) / 2;
            edge.control = mid + perp * (2 * offset);
            edge.start = borderPoint(from, edge.control);
            edge.end = borderPoint(to, edge.control);
            edge.labelAt = 0.25 * edge.start + 0.5 * edge.control + 0.25 * edge.end;
            edges.push_back(edge);
        }
    }
    return edges;
}

void StateDiagramWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    // The paper follows the diagram scheme, as the sequence diagram's does, not the widget palette.
    painter.fillRect(rect(), style::backgroundColor());
    painter.setRenderHint(QPainter::Antialiasing);
    const std::vector<Edge> edges = layoutEdges();
    paintEdges(painter, edges);
    paintNodes(painter);
    paintLitLabels(painter, edges);
}

void StateDiagramWidget::paintEdges(QPainter &painter, const std::vector<Edge> &edges) const
{
    const double s = scale();
    const bool labels = s >= kScaleForAllLabels;
    const QFont labelFont = pixelFont(font(), std::clamp(17.0 * s, 12.0, 18.0), false);
    painter.setFont(labelFont);
    for (const Edge &edge : edges) {
        const bool lit = edge.row == m_sides[0].lit || edge.row == m_sides[1].lit;
        if (lit) continue; // drawn last, on top
        const bool faint = !isFigureFiveRow(*edge.row);
        const QColor color = faint ? faintEdgeColor() : plainEdgeColor();
        QPainterPath path(edge.start);
        path.quadTo(edge.control, edge.end);
        painter.setPen(QPen(color, style::zoomed(std::max(1.0, (faint ? 1.5 : 2.2) * s * 1.4)),
                            faint ? Qt::DashLine : Qt::SolidLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        drawArrowHead(painter, edge.end, edge.control, style::zoomed(std::max(8.0, 18.0 * s)), color);
        if (labels && !faint) {
            painter.setPen(style::textColor());
            const QString text = transitionLabel(*edge.row);
            QRectF box = QFontMetricsF(labelFont).boundingRect(text);
            box.moveCenter(edge.labelAt);
            painter.fillRect(box.adjusted(-2, 0, 2, 0), style::labelGround(220));
            painter.drawText(box, Qt::AlignCenter, text);
            notePaintedText(text);
        }
    }
    // The lit transitions, thick in their side's colour.
    for (Side side : {Side::Client, Side::Server}) {
        const Transition *lit = m_sides[index(side)].lit;
        for (const Edge &edge : edges) {
            if (edge.row != lit) continue;
            const QColor color = style::sideColor(side);
            QPainterPath path(edge.start);
            path.quadTo(edge.control, edge.end);
            painter.setPen(QPen(color, style::zoomed(std::max(3.0, 7.0 * s)), Qt::SolidLine, Qt::RoundCap));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(path);
            drawArrowHead(painter, edge.end, edge.control, style::zoomed(std::max(14.0, 28.0 * s)), color);
        }
    }
}

void StateDiagramWidget::paintNodes(QPainter &painter) const
{
    const double s = scale();
    const QFont nodeFont = pixelFont(font(), std::clamp(24.0 * s, 14.0, 26.0), true);
    const QFont tagFont = badgeFont();
    const double radius = 10.0 * s;
    for (const NodePlace &place : nodePlaces()) {
        const QRectF rect = nodeRect(place.node);
        const bool client = highlightedNode(Side::Client) == place.node;
        const bool server = highlightedNode(Side::Server) == place.node;
        const bool current = client || server;
        painter.setPen(
            QPen(current ? style::stateBorder(place.state) : style::edgeColor(true), style::zoomed(1.5)));
        painter.setBrush(current ? style::stateFill(place.state) : style::inactiveFill());
        painter.drawRoundedRect(rect, radius, radius);
        // Each side's ring: the client's inside, the server's around it, so both show on a shared state.
        const double ring = style::zoomed(std::max(3.0, 6.0 * s));
        painter.setBrush(Qt::NoBrush);
        if (client) {
            painter.setPen(QPen(style::sideColor(Side::Client), ring));
            painter.drawRoundedRect(rect.adjusted(ring / 2, ring / 2, -ring / 2, -ring / 2), radius, radius);
        }
        if (server) {
            const double out = client ? ring * 1.5 : ring / 2;
            painter.setPen(QPen(style::sideColor(Side::Server), ring));
            painter.drawRoundedRect(rect.adjusted(-out, -out, out, out), radius + out, radius + out);
        }
        painter.setFont(nodeFont);
        painter.setPen(current ? style::textColor() : style::mutedTextColor());
        painter.drawText(rect, Qt::AlignCenter, utf8(stateName(place.state)));
        notePaintedText(utf8(stateName(place.state)));

        // Name tags above the node: who is in this state.
        painter.setFont(tagFont);
        const auto drawTag = [&](Side side) {
            const QString text = side == Side::Client ? tr("client") : tr("server");
            const QRectF tag = badgeRect(side);
            painter.setPen(Qt::NoPen);
            painter.setBrush(style::sideColor(side));
            painter.drawRoundedRect(tag, tag.height() / 2, tag.height() / 2);
            painter.setPen(style::onSideColor());
            painter.drawText(tag, Qt::AlignCenter, text);
            notePaintedText(text);
        };
        if (client) drawTag(Side::Client);
        if (server) drawTag(Side::Server);
    }
}

QFont StateDiagramWidget::badgeFont() const
{
    return pixelFont(font(), std::clamp(17.0 * scale(), 12.0, 18.0), true);
}

QFont StateDiagramWidget::litLabelFont() const
{
    return pixelFont(font(), std::clamp(20.0 * scale(), 15.0, 22.0), true);
}

QRectF StateDiagramWidget::badgeRect(Side side) const
{
    const DiagramNode node = highlightedNode(side);
    const bool client = highlightedNode(Side::Client) == node;
    const bool server = highlightedNode(Side::Server) == node;
    const QRectF rect = nodeRect(node);
    const double ring = style::zoomed(std::max(3.0, 6.0 * scale()));
    const QFontMetricsF metrics(badgeFont());
    const QString text = side == Side::Client ? tr("client") : tr("server");
    QRectF tag(0, 0, metrics.horizontalAdvance(text) + 10, metrics.height() + 2);
    const double y = rect.top() - tag.height() - (server ? ring * 2 : ring / 2);
    // The client's on the left; the server's on the right when the client shares its node.
    const bool left = side == Side::Client || !client;
    tag.moveTopLeft(left ? QPointF(rect.left(), y) : QPointF(rect.right() - tag.width(), y));
    return tag;
}

std::vector<QRectF> StateDiagramWidget::badgeRects() const
{
    return {badgeRect(Side::Client), badgeRect(Side::Server)};
}

std::vector<QRectF> StateDiagramWidget::litLabelRects() const
{
    const std::vector<Edge> edges = layoutEdges();
    std::vector<QRectF> rects;
    for (Side side : {Side::Client, Side::Server})
        if (const QRectF rect = litLabelRect(side, edges); !rect.isEmpty()) rects.push_back(rect);
    return rects;
}

QRectF StateDiagramWidget::litLabelRect(Side side, const std::vector<Edge> &edges) const
{
    const Transition *lit = m_sides[index(side)].lit;
    const auto edge = std::find_if(edges.begin(), edges.end(), [lit](const Edge &e) { return e.row == lit; });
    if (!lit || edge == edges.end()) return {};
    QRectF box = QFontMetricsF(litLabelFont()).boundingRect(transitionLabel(*lit)).adjusted(-6, -3, 6, 3);
    box.moveCenter(edge->labelAt);
    // Both sides took the same row (a simultaneous close): stack the two labels.
    if (m_sides[0].lit == m_sides[1].lit)
        box.translate(0, side == Side::Client ? -box.height() / 2 - 2 : box.height() / 2 + 2);
    // Keep the label inside the widget.
    box.translate(std::max(0.0, 2 - box.left()) - std::max(0.0, box.right() - width() + 2), 0);
    // Off the badges: the nearest place up or down the edge's label point where it covers none.
    const std::vector<QRectF> badges = badgeRects();
    const auto coversBadge = [&badges](const QRectF &r) {
        return std::any_of(badges.begin(), badges.end(), [&r](const QRectF &b) { return r.intersects(b); });
    };
    if (!coversBadge(box)) return box;
    for (double step = 2.0; step < 4.0 * box.height(); step += 2.0)
        for (double direction : {-1.0, 1.0})
            if (const QRectF moved = box.translated(0, direction * step); !coversBadge(moved)) return moved;
    return box;
}

void StateDiagramWidget::paintLitLabels(QPainter &painter, const std::vector<Edge> &edges) const
{
    painter.setFont(litLabelFont());
    for (Side side : {Side::Client, Side::Server}) {
        const QRectF box = litLabelRect(side, edges);
        if (box.isEmpty()) continue;
        const QString text = transitionLabel(*m_sides[index(side)].lit);
        painter.setPen(QPen(style::sideColor(side), style::zoomed(2.0)));
        painter.setBrush(style::labelGround(235));
        painter.drawRoundedRect(box, 6, 6);
        painter.setPen(style::sideTextColor(side));
        painter.drawText(box, Qt::AlignCenter, text);
        notePaintedText(text);
    }
}

bool StateDiagramWidget::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip) return QWidget::event(event);
    const QPoint pos = static_cast<QHelpEvent *>(event)->pos();
    // An edge's label point, or else a node: what it is and where the RFC says so.
    const Edge *nearest = nullptr;
    double best = kLabelHitRadius;
    const std::vector<Edge> edges = layoutEdges();
    for (const Edge &edge : edges) {
        const double distance = std::hypot(edge.labelAt.x() - pos.x(), edge.labelAt.y() - pos.y());
        if (distance < best) best = distance, nearest = &edge;
    }
    if (nearest) {
        QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(),
                           tr("%1 → %2: %3 (%4)")
                               .arg(utf8(stateName(nearest->row->from)), utf8(stateName(nearest->row->to)),
                                    transitionLabel(*nearest->row), utf8(nearest->row->rfc)),
                           this);
        return true;
    }
    QToolTip::hideText();
    event->ignore();
    return true;
}

} // namespace tcplab::ui
