#include "ui/kernel_trace_plot.h"

#include "ui/diagram_style.h"
#include "ui/sequence_diagram.h"
#include "ui/sequence_headers.h"
#include "ui/sequence_model.h"

namespace tcplab::ui {

namespace {
constexpr double kSideMargin = 0.4;
constexpr int kHeaderHeight = 46;
} // namespace

KernelTracePlot::KernelTracePlot(QWidget *parent) : QCustomPlot(parent)
{
    setMinimumSize(320, 300);
    setBackground(Qt::white);
    setAntialiasedElements(QCP::aeAll);
    xAxis->setVisible(false);
    xAxis->setRange(-kSideMargin, 1.0 + kSideMargin);
    yAxis->setRangeReversed(true);
    // One step per segment: the axis counts steps, not time, so it has no numbers.
    yAxis->setTickLabels(false);
    yAxis->setTicks(false);
    yAxis->grid()->setVisible(false);
    axisRect()->setAutoMargins(QCP::msLeft | QCP::msRight | QCP::msBottom);
    axisRect()->setMargins(QMargins(0, kHeaderHeight, 0, 0));
    axisRect()->setRangeDrag(Qt::Vertical);
    axisRect()->setRangeZoom(Qt::Vertical);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plotLayout()->insertRow(0);
    m_title = new QCPTextElement(this, QString(), style::scaledFont(font(), 1.1, true));
    plotLayout()->addElement(0, 0, m_title);

    m_diagram = new SequenceDiagram(yAxis, xAxis);
    m_diagram->setLabelFont(style::scaledFont(font(), 0.95, true));
    m_diagram->setStateFont(style::scaledFont(font(), 0.95, true));
    m_diagram->setTimerFont(style::scaledFont(font(), 0.9));
    const auto headers =
        addSideHeaders(*this, style::scaledFont(font(), 1.05, true), Qt::white, QMargins(10, 4, 10, 4));
    m_headers[0] = headers[0];
    m_headers[1] = headers[1];
    setPorts(0, 0);
}

void KernelTracePlot::setTitle(const QString &title)
{
    m_title->setText(title);
    replot(rpQueuedReplot);
}

void KernelTracePlot::setPorts(std::uint16_t clientPort, std::uint16_t serverPort)
{
    m_headers[0]->setText(clientPort ? tr("Client :%1").arg(clientPort) : tr("Client"));
    m_headers[1]->setText(serverPort ? tr("Server :%1").arg(serverPort) : tr("Server"));
    replot(rpQueuedReplot);
}

void KernelTracePlot::setTrace(const Trace &trace)
{
    m_diagram->setModel(buildSequenceModel(trace));
    const TimeUs end = trace.size() ? trace.events().back().t : 0;
    m_diagram->setNow(end);
    const double endMs = std::max(400.0, double(end) / 1000.0 + 60.0);
    yAxis->setRange(-endMs * 0.02, endMs);
    replot(rpQueuedReplot);
}

void KernelTracePlot::setSelectedSegment(std::uint64_t segmentId)
{
    m_diagram->setSelectedSegment(segmentId);
    replot(rpQueuedReplot);
}

void KernelTracePlot::mousePressEvent(QMouseEvent *event)
{
    if (const auto id = m_diagram->arrowAt(event->position())) emit segmentClicked(*id);
    QCustomPlot::mousePressEvent(event);
}

} // namespace tcplab::ui
