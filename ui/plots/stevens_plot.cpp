#include "ui/plots/stevens_plot.h"

#include "ui/diagram_style.h"
#include "ui/session_controller.h"
#include "ui/theme.h"

#include <QEvent>

#include <map>
#include <utility>

namespace tcplab::ui {

namespace {
QCPGraph *makeGraph(QCustomPlot *plot, const QColor &colour, QCPScatterStyle::ScatterShape shape)
{
    QCPGraph *graph = plot->addGraph();
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(QCPScatterStyle(shape, colour, colour, 11));
    graph->setPen(QPen(colour, 2.0));
    return graph;
}
} // namespace

StevensPlot::StevensPlot(SessionController &controller, QWidget *parent)
    : QCustomPlot(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("stevensPlot"));
    setMinimumSize(360, 260);
    m_clientData = makeGraph(this, style::sideColor(Side::Client), QCPScatterStyle::ssDisc);
    m_clientRetransmissions = makeGraph(this, style::dropColor(), QCPScatterStyle::ssCross);
    m_serverData = makeGraph(this, style::sideColor(Side::Server), QCPScatterStyle::ssSquare);
    m_serverRetransmissions = makeGraph(this, style::dropColor(), QCPScatterStyle::ssPlus);
    for (QCPAxis *axis : {xAxis, yAxis}) {
        axis->setLabelFont(style::scaledFont(font(), 1.1, true));
        axis->setTickLabelFont(style::scaledFont(font(), 1.0));
    }
    legend->setVisible(true);
    legend->setFont(style::scaledFont(font(), 0.95));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    styleCustomPlot(*this);

    connect(&m_controller, &SessionController::traceChanged, this, &StevensPlot::rebuild);
    retranslateUi();
    rebuild();
}

void StevensPlot::rebuild()
{
    for (QCPGraph *graph : {m_clientData, m_clientRetransmissions, m_serverData, m_serverRetransmissions})
        graph->data()->clear();
    // Each side's ISN per connection: the sequence number of its SYN.
    std::map<std::pair<Side, int>, std::uint32_t> isn;
    for (const TraceEvent &event : m_controller.trace().events()) {
        if (event.kind != TraceKind::SegmentSent) continue;
        const auto key = std::make_pair(event.side, event.conn);
        if (event.segment.flags & kSyn) isn.try_emplace(key, event.segment.seq);
        if (event.segment.payload.empty()) continue;
        const auto found = isn.find(key);
        const std::uint32_t base = found == isn.end() ? 0 : found->second;
        const double seq = double(std::uint32_t(event.segment.seq - base));
        QCPGraph *graph = event.retransmission ? retransmissionGraph(event.side) : dataGraph(event.side);
        graph->addData(double(event.t) / 1000.0, seq);
    }
    rescaleAxes();
    xAxis->setRange(0, std::max(xAxis->range().upper * 1.05, double(m_controller.endTime()) / 1000.0));
    yAxis->setRange(0, std::max(10.0, yAxis->range().upper * 1.1));
    replot(rpQueuedReplot);
}

void StevensPlot::retranslateUi()
{
    xAxis->setLabel(tr("Time (ms)"));
    yAxis->setLabel(tr("Relative sequence number"));
    m_clientData->setName(tr("Client data"));
    m_clientRetransmissions->setName(tr("Client retransmission"));
    m_serverData->setName(tr("Server data"));
    m_serverRetransmissions->setName(tr("Server retransmission"));
    setAccessibleName(tr("Sequence number against time"));
    replot(rpQueuedReplot);
}

void StevensPlot::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    if (event->type() == QEvent::PaletteChange) {
        // Another theme: the sides' colours for its paper.
        const auto recolour = [](QCPGraph *graph, const QColor &colour) {
            QCPScatterStyle scatter = graph->scatterStyle();
            scatter.setPen(QPen(colour));
            scatter.setBrush(colour);
            graph->setScatterStyle(scatter);
            graph->setPen(QPen(colour, 2.0));
        };
        recolour(m_clientData, style::sideColor(Side::Client));
        recolour(m_serverData, style::sideColor(Side::Server));
        recolour(m_clientRetransmissions, style::dropColor());
        recolour(m_serverRetransmissions, style::dropColor());
        replot(rpQueuedReplot);
    }
    QCustomPlot::changeEvent(event);
}

} // namespace tcplab::ui
