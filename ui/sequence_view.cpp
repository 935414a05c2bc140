#include "ui/sequence_view.h"

#include "ui/diagram_style.h"
#include "ui/sequence_diagram.h"
#include "ui/sequence_headers.h"
#include "ui/sequence_model.h"
#include "ui/session_controller.h"
#include "ui/theme.h"

#include "ui/sequence_timer_painter.h"
#include "ui/time_format.h"

#include <QEvent>
#include <QMenu>
#include <QToolTip>

namespace tcplab::ui {

namespace {
// The lifelines sit at 0 and 1; the rest of the width holds the state labels outside them, at most this
// share of the width on each side.
constexpr double kSideMargin = 0.36;
constexpr double kMaxSideShare = 0.3;
constexpr int kHeaderHeight = 64; // at zoom 1, gap included (fitHeaderRoom grows it with the font)
constexpr int kHeaderGap = 10;    // between a header's bottom and the plot's top
constexpr int kBottomMargin = 24;
constexpr double kPadFraction = 0.04;
} // namespace

SequenceView::SequenceView(SessionController &controller, QWidget *parent)
    : QCustomPlot(parent), m_controller(controller)
{
    setAntialiasedElements(QCP::aeAll);
    setNoAntialiasingOnDrag(false);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(480, 300); // a 1280×800 projector leaves this much beside the docks

    setUpAxes();
    styleCustomPlot(*this); // the theme's paper and axes (presentation mode restyles on a change)
    // Owned by the plot, which deletes its plottables.
    m_diagram = new SequenceDiagram(yAxis, xAxis);
    m_diagram->setLabelFont(style::scaledFont(font(), kArrowLabelFactor, true));
    m_diagram->setStateFont(style::scaledFont(font(), kStateLabelFactor, true));
    m_diagram->setTimerFont(style::scaledFont(font(), kTimerLabelFactor, true));
    setUpHeaders();
    retranslateUi();

    connect(&m_controller, &SessionController::traceChanged, this, &SequenceView::rebuildModel);
    connect(&m_controller, &SessionController::timeChanged, this, &SequenceView::showTime);
    connect(this, &QCustomPlot::afterLayout, this, &SequenceView::fitSides);
    connect(this, &QCustomPlot::beforeReplot, this, &SequenceView::fitHeaderRoom);
    connect(this, &QCustomPlot::mousePress, this, &SequenceView::handleMousePress);
    connect(this, &QCustomPlot::mouseMove, this, &SequenceView::handleMouseMove);
    connect(this, &QCustomPlot::mouseDoubleClick, this, &SequenceView::resetTimeRange);
    connect(this, &QCustomPlot::mouseWheel, this, [this] { setUserRange(true); });
    connect(&m_controller, &SessionController::segmentSelected, this, &SequenceView::showSelection);
    // Another scenario: other ports in the headers, another length of session.
    connect(&m_controller, &SessionController::scenarioLoaded, this, [this] {
        retranslateUi();
        resetTimeRange();
    });

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
    yAxis->setLabelFont(style::scaledFont(font(), kAxisLabelFactor, true));
    yAxis->setTickLabelFont(style::scaledFont(font(), kTickLabelFactor));
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
    const auto headers = addSideHeaders(*this, style::scaledFont(font(), kHeaderFactor, true),
                                        style::onSideColor(), QMargins(18, 6, 18, 6));
    m_clientHeader = headers[0];
    m_serverHeader = headers[1];
    // Lifted off the plot's top by the gap, so that the first arrow stays clear of them.
    for (QCPItemText *header : headers)
        header->position->setTypeY(QCPItemPosition::ptAbsolute);
    placeHeaders(kHeaderHeight);
}

void SequenceView::placeHeaders(int room)
{
    // Set whole (not read back): before the first layout the axes cannot map a pixel to a value.
    m_clientHeader->position->setCoords(SequenceDiagram::kClientValue, room - kHeaderGap);
    m_serverHeader->position->setCoords(SequenceDiagram::kServerValue, room - kHeaderGap);
}

void SequenceView::fitHeaderRoom()
{
    const QFontMetrics metrics(m_clientHeader->font());
    const QMargins padding = m_clientHeader->padding();
    const int headerHeight = metrics.height() + padding.top() + padding.bottom();
    const int room = std::max(kHeaderHeight, headerHeight + kHeaderGap + 4);
    if (axisRect()->margins().top() == room) return;
    axisRect()->setMargins(QMargins(0, room, 0, 0));
    placeHeaders(room);
}

double SequenceView::readableScale()
{
    return kMinReadableScale * std::max(1.0, style::zoom());
}

void SequenceView::retranslateUi()
{
    const Scenario &scenario = m_controller.scenario();
    yAxis->setLabel(tr("Time (ms)"));
    m_clientHeader->setText(tr("Client :%1").arg(scenario.clientPort));
    m_serverHeader->setText(tr("Server :%1").arg(scenario.serverPort));
    setAccessibleName(tr("Sequence diagram"));
    replot(rpQueuedReplot);
}

void SequenceView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QCustomPlot::changeEvent(event);
}

void SequenceView::setSeqNumbers(SeqNumbers numbers)
{
    if (numbers == m_seqNumbers) return;
    m_seqNumbers = numbers;
    rebuildModel();
}

void SequenceView::setUserRange(bool user)
{
    if (user == m_userRange) return;
    m_userRange = user;
    emit followingChanged(!user);
}

void SequenceView::scaleTime(double factor)
{
    setUserRange(true);
    // About the current time when it is in view, so that what is happening stays where it is.
    const QCPRange range = yAxis->range();
    const double nowMs = double(m_controller.currentTime()) / kMillisecond;
    yAxis->scaleRange(factor, range.contains(nowMs) ? nowMs : range.center());
    replot(rpQueuedReplot);
}

void SequenceView::moveTime(double spans)
{
    setUserRange(true);
    const QCPRange range = yAxis->range();
    yAxis->moveRange(spans * range.size());
    replot(rpQueuedReplot);
}

void SequenceView::zoomIn()
{
    scaleTime(1.0 / 1.5);
}

void SequenceView::zoomOut()
{
    scaleTime(1.5);
}

void SequenceView::pageUp()
{
    moveTime(-0.8);
}

void SequenceView::pageDown()
{
    moveTime(0.8);
}

void SequenceView::resetTimeRange()
{
    setUserRange(false);
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
    const double heightPx = std::max(100, height() - axisRect()->margins().top() - kBottomMargin);
    const double endMs =
        std::max(1.0, double(std::max(m_controller.endTime(), m_diagram->contentEnd())) / kMillisecond);
    const double wholeSpan = endMs * (1.0 + 2 * kPadFraction);
    if (heightPx / wholeSpan >= readableScale()) {
        yAxis->setRange(-endMs * kPadFraction, endMs * (1.0 + kPadFraction));
        return;
    }
    // Too long to show whole: a window at the readable scale that follows the segments, keeping the latest in
    // its lower part. A quiet wait (TIME_WAIT) does not scroll the exchange away; the diagram says at the
    // bottom what happens below.
    const double span = heightPx / readableScale();
    const double pad = span * kPadFraction;
    const double focusMs = double(m_diagram->focusTime()) / kMillisecond;
    m_windowStartMs = std::max(0.0, focusMs - span * 0.85);
    yAxis->setRange(m_windowStartMs - pad, m_windowStartMs - pad + span);
}

void SequenceView::fitSides()
{
    const double width = axisRect()->width();
    if (width <= 0) return;
    const double room = std::min(m_diagram->sideRoom(), width * kMaxSideShare);
    const double margin = room / (width - 2 * room); // in the value axis' units: 1 is lifeline to lifeline
    xAxis->setRange(-margin, 1.0 + margin);
}

void SequenceView::rebuildModel()
{
    m_diagram->setModel(buildSequenceModel(
        m_controller.trace(), NominalDelays::fromScenario(m_controller.scenario()), m_seqNumbers));
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

void SequenceView::showSelection(quint64 segmentId)
{
    m_diagram->setSelectedSegment(segmentId);
    replot(rpQueuedReplot);
    emit segmentSelected(segmentId);
}

void SequenceView::handleMousePress(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (event->button() == Qt::RightButton) {
        if (const auto id = m_diagram->segmentAt(pos)) {
            m_controller.selectSegment(*id);
            showSegmentMenu(*id, event->globalPosition().toPoint());
            event->accept();
        }
        return;
    }
    if (event->button() != Qt::LeftButton) return;
    // A click on a segment on the wire loses it; a click on any arrow selects it for a closer look.
    if (const auto flying = m_diagram->segmentAt(pos)) {
        m_controller.selectSegment(*flying);
        m_controller.dropSegment(*flying);
        event->accept();
    } else if (const auto id = m_diagram->arrowAt(pos)) {
        m_controller.selectSegment(*id);
        event->accept();
    }
}

void SequenceView::showSegmentMenu(quint64 segmentId, const QPoint &globalPos)
{
    if (m_menu) m_menu->close();
    auto *menu = new QMenu(this); // deleted on close
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setFont(style::scaledFont(font(), 1.1));
    menu->setTitle(tr("Segment #%1").arg(segmentId));
    QAction *drop = menu->addAction(tr("Drop it (lose it on the wire)"));
    drop->setObjectName(QStringLiteral("dropSegment"));
    QAction *delay = menu->addAction(tr("Delay it by %1").arg(formatDuration(kMenuDelay)));
    delay->setObjectName(QStringLiteral("delaySegment"));
    QAction *duplicate = menu->addAction(tr("Duplicate it (the network sends a copy)"));
    duplicate->setObjectName(QStringLiteral("duplicateSegment"));
    connect(drop, &QAction::triggered, this, [this, segmentId] { m_controller.dropSegment(segmentId); });
    connect(delay, &QAction::triggered, this,
            [this, segmentId] { m_controller.delaySegment(segmentId, kMenuDelay); });
    connect(duplicate, &QAction::triggered, this,
            [this, segmentId] { m_controller.duplicateSegment(segmentId); });
    m_menu = menu;
    menu->popup(globalPos);
}

void SequenceView::handleMouseMove(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton) {
        setUserRange(true); // dragging the time axis
        return;
    }
    const QPointF pos = event->position();
    if (m_diagram->segmentAt(pos)) {
        setCursor(Qt::PointingHandCursor);
        QToolTip::showText(event->globalPosition().toPoint(),
                           tr("Click to lose this segment on the wire; right-click for more"), this);
    } else if (const auto timer = m_diagram->timerAt(pos)) {
        unsetCursor();
        const SequenceTimer &t = m_diagram->model().timers[*timer];
        QToolTip::showText(
            event->globalPosition().toPoint(),
            tr("%1: armed at %2, deadline %3")
                .arg(SequenceTimerPainter::text(t), formatTime(t.armedAt), formatTime(t.deadline)),
            this);
    } else if (m_diagram->arrowAt(pos)) {
        setCursor(Qt::PointingHandCursor);
        QToolTip::hideText();
    } else {
        unsetCursor();
        QToolTip::hideText();
    }
}

} // namespace tcplab::ui
