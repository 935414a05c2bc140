#include "ui/contrast_view.h"

#include "ui/diagram_style.h"
#include "ui/lesson_text.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace tcplab::ui {

namespace {
// The lesson files name a made-up variant in its scenario's name or title ("two-way", "hypothetical").
bool looksHypothetical(const Lesson &lesson)
{
    const QString text =
        QString::fromStdString(lesson.contrast->name + ' ' + lesson.contrastTitle.en).toLower();
    return text.contains(QLatin1String("two-way")) || text.contains(QLatin1String("two_way")) ||
           text.contains(QLatin1String("twoway")) || text.contains(QLatin1String("2way")) ||
           text.contains(QLatin1String("hypothetical")) || text.contains(QLatin1String("not tcp"));
}
} // namespace

ContrastView::ContrastView(SessionController &leader, const Lesson &lesson, QWidget *parent)
    : QWidget(parent), m_leader(leader), m_title(lesson.contrastTitle)
{
    setObjectName(QStringLiteral("contrastView"));
    m_hypothetical = lesson.contrast && looksHypothetical(lesson);
    m_controller = new SessionController(lesson.contrast.value_or(lesson.scenario), this);
    m_caption = new QLabel(this);
    m_caption->setWordWrap(true);
    m_caption->setAlignment(Qt::AlignCenter);
    m_caption->setFont(style::scaledFont(font(), 1.3, true));
    // A hypothetical protocol gets a warning colour across its whole caption.
    m_caption->setStyleSheet(m_hypothetical
                                 ? QStringLiteral("background: #b71c1c; color: white; padding: 8px;")
                                 : QStringLiteral("background: #37474f; color: white; padding: 8px;"));
    m_view = new SequenceView(*m_controller, this);
    m_view->setMinimumSize(420, 360);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_view, 1);

    connect(&m_leader, &SessionController::timeChanged, m_controller, &SessionController::seek);
    m_controller->seek(m_leader.currentTime());
    retranslateUi();
}

QString ContrastView::captionText() const
{
    return m_caption->text();
}

void ContrastView::retranslateUi()
{
    const QString title = localized(m_title);
    if (m_hypothetical) {
        const QString label = tr("Hypothetical two-way handshake (not TCP)");
        m_caption->setText(title.isEmpty() || title == label ? label : tr("%1 — %2").arg(label, title));
    } else {
        m_caption->setText(title.isEmpty() ? tr("For comparison") : title);
    }
    setAccessibleName(m_caption->text());
}

void ContrastView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace tcplab::ui
