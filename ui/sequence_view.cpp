#include "ui/sequence_view.h"

#include "ui/diagram_style.h"
#include "ui/sequence_diagram.h"
#include "ui/sequence_model.h"
#include "ui/session_controller.h"

#include <QToolTip>

namespace tcplab::ui {

namespace {
// The lifelines sit at 0 and 1; the rest of the width holds the state labels outside them.
constexpr double kSideMargin = 0.36;
constexpr int kHeaderHeight = 64;
constexpr int kBottomMargin = 24;
constexpr double kPadFraction = 0.04;
} // namespace

SequenceView::SequenceView(SessionController &controller, QWidget *parent)
    : QCustomPlot(parent), m_controller(controller)
{
    setBackground(Qt::white);
    setAntialiasedElements(QCP::aeAll);
    setNoAntialiasingOnDrag(false);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(640, 420);

    setUpAxes();
    // Owned by the plot, which deletes its plottables.
    m_diagram = new SequenceDiagram(yAxis, xAxis);
    m_diagram->setLabelFont(style::scaledFont(font(), 1.15, true));
    m_diagram->setStateFont(style::scaledFont(font(), 1.1, true));
    setUpHeaders();

    connect(&m_controller, &SessionController::traceChanged, this, &SequenceView::rebuildModel);
    connect(&m_controller, &SessionController::timeChanged, this, &SequenceView::showTime);
    connect(this, &QCustomPlot::mousePress, this, &SequenceView::handleMousePress);
    connect(this, &QCustomPlot::mouseMove, this, &SequenceView::handleMouseMove);
    connect(this, &QCustomPlot::mouseDoubleClick, this, &SequenceView::resetTimeRange);
    connect(this, &QCustomPlot::mouseWheel, this, [this] { m_userRange = true; });

    rebuildModel();
    showTime(m_controller.currentTime());
}

void SequenceView::setUpAxes()
{
    // The value axis (across) only places the two lifelines; it is not shown.
    xAxis->setVisible(false);
    xAxis->setRange(-kSideMargin, 1.0 + kSideMargin);
    xAxis->grid()->setVisible(false);
    xAxis2->setVisible(false);
    yAxis2->setVisible(false);

    // Time runs down.
    yAxis->setRangeReversed(true);
    yAxis->setLabel(tr("Time (ms)"));
    yAxis->setLabelFont(style::scaledFont(font(), 1.15, true));
    yAxis->setTickLabelFont(style::scaledFont(font(), 1.1));
    yAxis->setLabelColor(style::textColor());
    yAxis->setTickLabelColor(style::textColor());
    yAxis->setNumberFormat(QStringLiteral("f"));
    yAxis->setNumberPrecision(0);
    yAxis->grid()->setPen(QPen(style::gridColor(), 1.0));
    yAxis->grid()->setSubGridVisible(false);

    axisRect()->setAutoMargins(QCP::msLeft | QCP::msRight | QCP::msBottom);
    axisRect()->setMargins(QMargins(0, kHeaderHeight, 0, 0));
    axisRect()->setRangeDrag(Qt::Vertical);
    axisRect()->setRangeZoom(Qt::Vertical);
    axisRect()->setRangeDragAxes(nullptr, yAxis);
    axisRect()->setRangeZoomAxes(nullptr, yAxis);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
}

void SequenceView::setUpHeaders()
{
    const Scenario &scenario = m_controller.scenario();
    const struct {
        Side side;
        QString text;
    } headers[] = {
        {Side::Client, tr("Client :%1").arg(scenario.clientPort)},
        {Side::Server, tr("Server :%1").arg(scenario.serverPort)},
    };
    for (const auto &header : headers) {
        // Two fixed captions, not one item per arrow: items are fine here.
        auto *item = new QCPItemText(this);
        item->setClipToAxisRect(false);
        item->position->setAxes(xAxis, yAxis);
        item->position->setTypeX(QCPItemPosition::ptPlotCoords);
        item->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        item->position->setCoords(
            header.side == Side::Client ? SequenceDiagram::kClientValue : SequenceDiagram::kServerValue, 0.0);
        item->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        item->setText(header.text);
        item->setFont(style::scaledFont(font(), 1.4, true));
        item->setColor(Qt::white);
        item->setBrush(style::sideColor(header.side));
        item->setPen(Qt::NoPen);
        item->setPadding(QMargins(18, 6, 18, 6));
    }
}

void SequenceView::resetTimeRange()
{
    m_userRange = false;
    updateTimeRange();
    replot(rpQueuedReplot);
}

void SequenceView::resizeEvent(QResizeEvent *event)
{
    QCustomPlot::resizeEvent(event);
    updateTimeRange();
}

void SequenceView::updateTimeRange()
{
    if (m_userRange) return;
    // The axis rect's own height is only known after a layout pass; this is what it will be.
    const double heightPx = std::max(100, height() - kHeaderHeight - kBottomMargin);
    const double endMs =
        std::max(1.0, double(std::max(m_controller.endTime(), m_diagram->contentEnd())) / kMillisecond);
    const double wholeSpan = endMs * (1.0 + 2 * kPadFraction);
    if (heightPx / wholeSpan >= kMinReadableScale) {
        yAxis->setRange(-endMs * kPadFraction, endMs * (1.0 + kPadFraction));
        return;
    }
    // Too long to show whole: a window at the readable scale that follows the segments, keeping the latest in
    // its lower part. A quiet wait (TIME_WAIT) does not scroll the exchange away; the diagram says at the
    // bottom what happens below.
    const double span = heightPx / kMinReadableScale;
    const double pad = span * kPadFraction;
    const double focusMs = double(m_diagram->focusTime()) / kMillisecond;
    m_windowStartMs = std::max(0.0, focusMs - span * 0.85);
    yAxis->setRange(m_windowStartMs - pad, m_windowStartMs - pad + span);
}

void SequenceView::rebuildModel()
{
    m_diagram->setModel(
        buildSequenceModel(m_controller.trace(), NominalDelays::fromScenario(m_controller.scenario())));
    m_diagram->setNow(m_controller.currentTime());
    updateTimeRange();
    replot(rpQueuedReplot);
}

void SequenceView::showTime(qint64 now)
{
    m_diagram->setNow(now);
    updateTimeRange();
    replot(rpQueuedReplot);
}

void SequenceView::handleMousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) return;
    if (const auto id = m_diagram->segmentAt(event->position())) {
        m_controller.dropSegment(*id);
        event->accept();
    }
}

void SequenceView::handleMouseMove(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton) {
        m_userRange = true; // dragging the time axis
        return;
    }
    if (m_diagram->segmentAt(event->position())) {
        setCursor(Qt::PointingHandCursor);
        QToolTip::showText(event->globalPosition().toPoint(), tr("Click to lose this segment on the wire"),
                           this);
    } else {
        unsetCursor();
        QToolTip::hideText();
    }
}

} // namespace tcplab::ui
