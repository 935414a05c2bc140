#include "ui/plots/state_timeline_plot.h"

#include "ui/diagram_style.h"
#include "ui/session_controller.h"
#include "ui/theme.h"

#include <QEvent>
#include <QFontMetrics>

#include <algorithm>

namespace tcplab::ui {

namespace {
constexpr double kBarHalfHeight = 0.32;
// A state left in the same instant it was entered still gets a sliver, so that it is seen.
constexpr double kMinBarMs = 0.5;
} // namespace

StateTimelinePlot::StateTimelinePlot(SessionController &controller, QWidget *parent)
    : QCustomPlot(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("stateTimelinePlot"));
    setMinimumSize(360, 200);
    for (QCPAxis *axis : {xAxis, yAxis}) {
        axis->setLabelFont(style::scaledFont(font(), 1.1, true));
        axis->setTickLabelFont(style::scaledFont(font(), 1.0, axis == yAxis));
    }
    yAxis->setRangeReversed(true);
    yAxis->grid()->setVisible(false);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Horizontal);
    axisRect()->setRangeZoom(Qt::Horizontal);
    styleCustomPlot(*this);

    connect(&m_controller, &SessionController::traceChanged, this, &StateTimelinePlot::rebuild);
    connect(&m_controller, &SessionController::timeChanged, this, &StateTimelinePlot::rebuild);
    retranslateUi();
}

QString StateTimelinePlot::rowName(Side side, int conn) const
{
    const QString name = side == Side::Client ? tr("Client") : tr("Server");
    return m_controller.session().connectionCount() > 1 ? tr("%1 #%2").arg(name).arg(conn + 1) : name;
}

void StateTimelinePlot::rebuild()
{
    clearItems();
    m_labelCount = 0;
    const SequenceModel model = buildSequenceModel(m_controller.trace());
    m_stretches = model.bands;
    m_rows.clear();
    for (const SequenceStateBand &band : m_stretches) {
        const auto row = std::make_pair(band.side, band.conn);
        if (std::find(m_rows.begin(), m_rows.end(), row) == m_rows.end()) m_rows.push_back(row);
    }
    std::sort(m_rows.begin(), m_rows.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second < b.second : a.first < b.first;
    });

    const double nowMs = double(m_controller.currentTime()) / 1000.0;
    xAxis->setRange(0, std::max(1.0, std::max(nowMs, double(m_controller.endTime()) / 1000.0) * 1.02));
    const QFont labelFont = style::scaledFont(font(), 0.9, true);
    for (const SequenceStateBand &band : m_stretches) {
        const auto row = double(
            std::find(m_rows.begin(), m_rows.end(), std::make_pair(band.side, band.conn)) - m_rows.begin());
        const double begin = double(band.begin) / 1000.0;
        const double end = std::max(begin + kMinBarMs, band.end < 0 ? nowMs : double(band.end) / 1000.0);
        auto *bar = new QCPItemRect(this);
        bar->topLeft->setCoords(begin, row - kBarHalfHeight);
        bar->bottomRight->setCoords(end, row + kBarHalfHeight);
        bar->setBrush(style::stateFill(band.state));
        bar->setPen(QPen(style::stateBorder(band.state), style::zoomed(1.5)));
        // A name wider than its bar would run into the next one; the colour still tells the state.
        const QString name =
            QString::fromUtf8(stateName(band.state).data(), qsizetype(stateName(band.state).size()));
        const double barPixels = (end - begin) / std::max(1.0, xAxis->range().size()) * axisRect()->width();
        if (QFontMetrics(labelFont).horizontalAdvance(name) + 6 > barPixels) continue;
        auto *label = new QCPItemText(this);
        label->position->setCoords((begin + end) / 2.0, row);
        label->setText(
            QString::fromUtf8(stateName(band.state).data(), qsizetype(stateName(band.state).size())));
        label->setFont(labelFont);
        label->setColor(style::textColor());
        label->setClipToAxisRect(true);
        ++m_labelCount;
    }

    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        ticker->addTick(double(i), rowName(m_rows[i].first, m_rows[i].second));
    yAxis->setTicker(ticker);
    yAxis->setRange(-0.6, std::max<double>(1.0, double(m_rows.size())) - 0.4);
    replot(rpQueuedReplot);
}

void StateTimelinePlot::retranslateUi()
{
    xAxis->setLabel(tr("Time (ms)"));
    setAccessibleName(tr("States of each endpoint over time"));
    rebuild();
}

void StateTimelinePlot::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    if (event->type() == QEvent::PaletteChange) rebuild(); // another theme: its state colours
    QCustomPlot::changeEvent(event);
}

void StateTimelinePlot::resizeEvent(QResizeEvent *event)
{
    QCustomPlot::resizeEvent(event);
    // Which names fit in their bars depends on the plot's width: lay the axes out at the new size and
    // place the labels again.
    updateLayout();
    rebuild();
}

} // namespace tcplab::ui
