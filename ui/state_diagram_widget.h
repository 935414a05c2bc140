#pragma once
// RFC 9293's state diagram (Figure 5), drawn from the core's transition table. Both endpoints' current
// states are highlighted in their colours and the transition each took last is lit with its label. The
// states come from the trace up to the controller's current time, not from the live endpoints, so stepping
// back shows the past exactly.
#include "trace/trace.h"
#include "ui/state_diagram_layout.h"

#include <QWidget>

#include <array>
#include <vector>

class QCheckBox;

namespace tcplab::ui {

class SessionController;

class StateDiagramWidget : public QWidget {
    Q_OBJECT

public:
    explicit StateDiagramWidget(SessionController &controller, QWidget *parent = nullptr);

    // What the diagram shows now, for tests and tooltips.
    TcpState highlightedState(Side side) const { return m_sides[index(side)].state; }
    // The row of the last state change at or before the current time; nullptr before the first one.
    const Transition *litTransition(Side side) const { return m_sides[index(side)].lit; }
    DiagramNode highlightedNode(Side side) const;
    // How many table rows are drawn (Figure 5's, or all with "show all transitions").
    int visibleEdgeCount() const;

    // The connection (the trace's conn) whose two endpoints are shown; 0, the first, until set.
    void setConnection(int conn);
    int connection() const { return m_conn; }

    bool showAllTransitions() const { return m_showAll; }
    void setShowAllTransitions(bool show);
    QCheckBox *showAllBox() const { return m_showAllBox; }

    // Where the "client" / "server" badges and the lit transitions' labels are drawn now, for tests: a lit
    // label moves off a badge rather than hide it.
    std::vector<QRectF> badgeRects() const;
    std::vector<QRectF> litLabelRects() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct SideView {
        TcpState state = TcpState::Closed;
        const Transition *lit = nullptr;
    };
    // One drawn row: a quadratic curve between two node borders.
    struct Edge {
        const Transition *row = nullptr;
        QPointF start, control, end, labelAt;
    };

    static std::size_t index(Side side) { return side == Side::Client ? 0 : 1; }
    void retranslateUi();
    void refresh();
    bool isVisible(const Transition &row) const;
    // Geometry in widget pixels for the current size.
    double scale() const;
    QPointF toWidget(QPointF logical) const;
    QRectF nodeRect(DiagramNode node) const;
    std::vector<Edge> layoutEdges() const;

    void paintEdges(QPainter &painter, const std::vector<Edge> &edges) const;
    void paintNodes(QPainter &painter) const;
    void paintLitLabels(QPainter &painter, const std::vector<Edge> &edges) const;
    QFont badgeFont() const;
    QFont litLabelFont() const;
    // The badge naming `side` above the node it is in.
    QRectF badgeRect(Side side) const;
    // The lit label of `side`'s last transition (empty when none is lit), kept clear of the badges.
    QRectF litLabelRect(Side side, const std::vector<Edge> &edges) const;

    SessionController &m_controller;
    std::array<SideView, 2> m_sides;
    bool m_showAll = false;
    int m_conn = 0;
    QCheckBox *m_showAllBox = nullptr;
};

} // namespace tcplab::ui
