#include "ui/narration_panel.h"

#include "ui/diagram_style.h"
#include "ui/narrator.h"
#include "ui/session_controller.h"
#include "ui/time_format.h"

#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QScrollBar>
#include <QVBoxLayout>

namespace tcplab::ui {

NarrationPanel::NarrationPanel(SessionController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("narrationPanel"));
    m_nowHeading = new QLabel(this);
    m_nowHeading->setFont(style::scaledFont(font(), 1.1, true));
    m_now = new QLabel(this);
    m_now->setObjectName(QStringLiteral("narrationNow"));
    m_now->setWordWrap(true);
    m_now->setTextFormat(Qt::PlainText);
    m_now->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_now->setFont(style::scaledFont(font(), 1.35));
    m_now->setMinimumHeight(QFontMetrics(m_now->font()).height() * 3);
    m_now->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_now->setMargin(6);
    m_now->setAutoFillBackground(true);
    QPalette palette = m_now->palette();
    palette.setColor(QPalette::Window, QColor(0xff, 0xf8, 0xdc));
    palette.setColor(QPalette::WindowText, style::textColor());
    m_now->setPalette(palette);

    m_historyHeading = new QLabel(this);
    m_historyHeading->setFont(style::scaledFont(font(), 1.0, true));
    m_history = new QListWidget(this);
    m_history->setWordWrap(true);
    m_history->setResizeMode(QListView::Adjust);
    m_history->setFont(style::scaledFont(font(), 1.1));
    m_history->setAlternatingRowColors(true);
    m_history->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_history->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_nowHeading);
    layout->addWidget(m_now);
    layout->addWidget(m_historyHeading);
    layout->addWidget(m_history, 1);

    connect(&m_controller, &SessionController::timeChanged, this, &NarrationPanel::refresh);
    connect(&m_controller, &SessionController::traceChanged, this, &NarrationPanel::refresh);
    retranslateUi();
}

void NarrationPanel::retranslateUi()
{
    m_historyHeading->setText(tr("So far"));
    m_history->setAccessibleName(tr("Narration history"));
    m_now->setAccessibleName(tr("What just happened"));
    setAccessibleName(tr("Narration"));
    // Every sentence is in the old language: tell them again.
    m_history->clear();
    m_narrated = 0;
    refresh();
}

void NarrationPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void NarrationPanel::refresh()
{
    const Trace &trace = m_controller.trace();
    const TimeUs now = m_controller.currentTime();
    std::size_t upTo = 0; // events at or before now: a prefix, the trace is in time order
    while (upTo < trace.size() && trace[upTo].t <= now)
        ++upTo;
    if (upTo < m_narrated) {
        // Stepped back: the replayed trace is the same up to here, but the history must end earlier.
        m_history->clear();
        m_narrated = 0;
    }
    if (upTo > m_narrated) appendHistory(m_narrated, upTo);
    m_narrated = upTo;
    showCurrent();
}

void NarrationPanel::appendHistory(std::size_t from, std::size_t to)
{
    const Trace &trace = m_controller.trace();
    for (std::size_t i = from; i < to; ++i) {
        const QString sentence = Narrator::narrate(trace, i);
        if (sentence.isEmpty()) continue;
        auto *item = new QListWidgetItem(tr("%1   %2").arg(formatTime(trace[i].t), sentence), m_history);
        item->setData(Qt::UserRole, qint64(trace[i].t));
    }
    m_history->scrollToBottom();
}

void NarrationPanel::showCurrent()
{
    // The latest moment with something to tell (a moment of only deliveries and cancelled timers has
    // nothing of its own), with every sentence of that moment.
    const TimeUs moment = m_history->count() > 0
                              ? m_history->item(m_history->count() - 1)->data(Qt::UserRole).toLongLong()
                              : -1;
    for (int row = 0; row < m_history->count(); ++row) {
        QListWidgetItem *item = m_history->item(row);
        const bool current = item->data(Qt::UserRole).toLongLong() == moment;
        if (item->font().bold() == current) continue;
        QFont font = m_history->font();
        font.setBold(current);
        item->setFont(font);
    }
    if (moment < 0) {
        m_currentText.clear();
        m_nowHeading->setText(tr("Nothing has happened yet"));
        m_now->setText(tr("Press → (step) or Space (play) to start."));
        return;
    }
    // Times are whole microseconds: (moment - 1, moment] is exactly that moment.
    m_currentText = Narrator::narrateRange(m_controller.trace(), moment - 1, moment);
    m_nowHeading->setText(tr("At %1:").arg(formatTime(moment)));
    m_now->setText(m_currentText);
}

} // namespace tcplab::ui
