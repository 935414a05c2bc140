#include "ui/plots/http_chart.h"

#include "sim/session.h"
#include "ui/theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace tcplab::ui {
namespace {

HttpMetrics simulate(HttpMode mode, int objects)
{
    Session session(httpScenario(mode, objects));
    session.runToEnd();
    return measureHttp(session.trace());
}

const std::array<QColor, 3> kModeColours = {QColor(0xd6, 0x27, 0x28), QColor(0x1f, 0x77, 0xb4),
                                            QColor(0x2c, 0xa0, 0x2c)};

} // namespace

HttpChart::HttpChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("httpChart"));
    // Thirty small simulations: a few milliseconds, done once.
    for (std::size_t m = 0; m < kModes.size(); ++m)
        for (int n = 1; n <= kMaxObjects; ++n)
            m_metrics[m][std::size_t(n - 1)] = simulate(kModes[m], n);

    m_plot = new QCustomPlot(this);
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    styleCustomPlot(*m_plot);
    for (std::size_t m = 0; m < kModes.size(); ++m) {
        QCPGraph *graph = m_plot->addGraph();
        graph->setPen(QPen(kModeColours[m], 2.5));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 7));
        for (int n = 1; n <= kMaxObjects; ++n)
            graph->addData(n, double(m_metrics[m][std::size_t(n - 1)].totalTime) / kMillisecond);
    }
    m_plot->xAxis->setRange(0.5, kMaxObjects + 0.5);
    m_plot->rescaleAxes(true);
    m_plot->yAxis->setRangeLower(0);
    m_plot->xAxis->setRange(0.5, kMaxObjects + 0.5);

    m_objectsLabel = new QLabel(this);
    m_objects = new QSpinBox(this);
    m_objects->setRange(1, kMaxObjects);
    m_objects->setValue(5);
    m_objectsLabel->setBuddy(m_objects);
    m_table = new QTableWidget(int(kModes.size()), 4, this);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    auto *row = new QHBoxLayout;
    row->addWidget(m_objectsLabel);
    row->addWidget(m_objects);
    row->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_plot, 3);
    layout->addLayout(row);
    layout->addWidget(m_table, 1);

    connect(m_objects, &QSpinBox::valueChanged, this, &HttpChart::fillTable);
    retranslateUi();
}

void HttpChart::setObjects(int objects)
{
    m_objects->setValue(objects);
}

double HttpChart::plottedTotalMs(HttpMode mode, int objects) const
{
    for (std::size_t m = 0; m < kModes.size(); ++m)
        if (kModes[m] == mode) {
            const auto data = m_plot->graph(int(m))->data();
            const auto it = data->findBegin(objects, false);
            return it != data->constEnd() ? it->value : -1.0;
        }
    return -1.0;
}

QString HttpChart::modeName(HttpMode mode)
{
    switch (mode) {
    case HttpMode::Http10:
        return tr("HTTP/1.0 (a connection per object)");
    case HttpMode::Http11:
        return tr("HTTP/1.1 persistent");
    case HttpMode::Http11Pipelined:
        return tr("HTTP/1.1 pipelined");
    }
    return {};
}

void HttpChart::fillTable()
{
    const auto n = std::size_t(m_objects->value() - 1);
    for (std::size_t m = 0; m < kModes.size(); ++m) {
        const HttpMetrics &metrics = m_metrics[m][n];
        const QStringList cells = {QString::number(metrics.roundTrips),
                                   QString::number(metrics.connectionsOpened),
                                   QString::number(metrics.timeWaitSockets()),
                                   tr("%1 ms").arg(double(metrics.totalTime) / kMillisecond)};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(int(m), c, new QTableWidgetItem(cells[c]));
    }
}

void HttpChart::retranslateUi()
{
    for (std::size_t m = 0; m < kModes.size(); ++m)
        m_plot->graph(int(m))->setName(modeName(kModes[m]));
    m_plot->xAxis->setLabel(tr("Objects on the page (N)"));
    m_plot->yAxis->setLabel(tr("Total time (ms)"));
    m_plot->replot();
    m_objectsLabel->setText(tr("Counters for N ="));
    m_objects->setAccessibleName(tr("Objects on the page"));
    m_table->setHorizontalHeaderLabels(
        {tr("Round trips"), tr("Connections opened"), tr("TIME_WAIT sockets left"), tr("Total time")});
    QStringList modes;
    for (HttpMode mode : kModes)
        modes << modeName(mode);
    m_table->setVerticalHeaderLabels(modes);
    fillTable();
}

void HttpChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace tcplab::ui
