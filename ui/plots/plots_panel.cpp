#include "ui/plots/plots_panel.h"

#include "ui/plots/http_chart.h"
#include "ui/plots/state_timeline_plot.h"
#include "ui/plots/stevens_plot.h"

#include <QEvent>

namespace tcplab::ui {

PlotsPanel::PlotsPanel(SessionController &controller, QWidget *parent) : QTabWidget(parent)
{
    setObjectName(QStringLiteral("plotsPanel"));
    m_states = new StateTimelinePlot(controller, this);
    m_stevens = new StevensPlot(controller, this);
    addTab(m_states, QString());
    addTab(m_stevens, QString());
    m_http = new HttpChart(this);
    addTab(m_http, QString());
    retranslateUi();
}

void PlotsPanel::retranslateUi()
{
    setTabText(indexOf(m_states), tr("States over time"));
    setTabText(indexOf(m_stevens), tr("Sequence number / time"));
    setTabText(indexOf(m_http), tr("HTTP/1.0 vs 1.1"));
}

void PlotsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QTabWidget::changeEvent(event);
}

} // namespace tcplab::ui
