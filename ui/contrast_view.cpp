#include "ui/contrast_view.h"

#include "ui/diagram_style.h"
#include "ui/lesson_text.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace tcplab::ui {

ContrastView::ContrastView(SessionController &leader, const Lesson &lesson, QWidget *parent)
    : QWidget(parent), m_leader(leader), m_title(lesson.contrastTitle)
{
    setObjectName(QStringLiteral("contrastView"));
    // The lesson file says so (contrast.hypothetical); a two-way-handshake variant gets its own label.
    m_hypothetical = lesson.contrast && lesson.contrastHypothetical;
    m_twoWay = lesson.contrast && (lesson.contrast->clientKind == EndpointKind::TwoWayHandshake ||
                                   lesson.contrast->serverKind == EndpointKind::TwoWayHandshake);
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
    // Room for the state labels, timer lanes and arrow labels of a whole diagram (lesson 3's contrast was
    // unreadable at 420 px wide); a tab, so the height is what the state diagram's dock has. No taller a
    // minimum: with the lesson's dock under it, the window must still fit 1000 lines at zoom 1.5 in Chinese.
    m_view->setMinimumSize(560, 280);

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
        const QString label = m_twoWay ? tr("Hypothetical two-way handshake (not TCP)")
                                       : tr("Hypothetical: not TCP as RFC 9293 specifies it");
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
