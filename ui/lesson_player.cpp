#include "ui/lesson_player.h"

#include "ui/diagram_style.h"
#include "ui/lesson_text.h"
#include "ui/session_controller.h"
#include "ui/time_format.h"
#include "ui/vertical_scroll.h"

#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace tcplab::ui {

LessonPlayer::LessonPlayer(SessionController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("lessonPlayer"));
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_title->setFont(style::scaledFont(font(), 1.4, true));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setFont(style::scaledFont(font(), 1.05));
    m_nowHeading = new QLabel(this);
    m_nowHeading->setFont(style::scaledFont(font(), 1.0, true));
    m_now = new QLabel(this);
    m_now->setWordWrap(true);
    m_now->setFont(style::scaledFont(font(), 1.3, true));
    m_now->setMinimumHeight(m_now->fontMetrics().height() * 3);
    m_now->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    applyNoteStyle();
    m_steps = new QListWidget(this);
    m_steps->setWordWrap(true);
    m_steps->setFont(style::scaledFont(font(), 1.05));

    // The lesson's text scrolls inside its dock: a long summary at a large zoom must not make the window
    // taller than the screen.
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_nowHeading);
    layout->addWidget(m_now);
    layout->addWidget(m_steps, 1);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(verticalScroll(content, this));

    connect(&m_controller, &SessionController::timeChanged, this, &LessonPlayer::showTime);
    connect(&m_controller, &SessionController::traceChanged, this, &LessonPlayer::showTime);
    retranslateUi();
}

void LessonPlayer::setLesson(Lesson lesson)
{
    std::stable_sort(lesson.narration.begin(), lesson.narration.end(),
                     [](const NarrationStep &a, const NarrationStep &b) { return a.at < b.at; });
    Scenario scenario = lesson.scenario;
    m_lesson = std::move(lesson);
    m_shownSteps = -1;
    m_controller.loadScenario(std::move(scenario));
    retranslateUi();
    emit lessonLoaded();
}

QString LessonPlayer::narrationText() const
{
    return m_now->text();
}

QString LessonPlayer::titleText() const
{
    return m_title->text();
}

void LessonPlayer::showTime()
{
    if (!m_lesson) return;
    const TimeUs now = m_controller.currentTime();
    const auto &steps = m_lesson->narration;
    const int reached = int(std::upper_bound(steps.begin(), steps.end(), now,
                                             [](TimeUs t, const NarrationStep &s) { return t < s.at; }) -
                            steps.begin());
    m_now->setText(reached > 0 ? localized(steps[std::size_t(reached - 1)].text) : QString());
    if (reached == m_shownSteps) return;
    if (m_shownSteps < 0 || reached < m_shownSteps) {
        m_steps->clear();
        m_shownSteps = 0;
    }
    for (int i = m_shownSteps; i < reached; ++i) {
        const NarrationStep &step = steps[std::size_t(i)];
        m_steps->addItem(QStringLiteral("%1  %2").arg(formatTime(step.at), localized(step.text)));
    }
    m_shownSteps = reached;
    m_steps->scrollToBottom();
}

void LessonPlayer::retranslateUi()
{
    m_nowHeading->setText(tr("Now"));
    m_steps->setAccessibleName(tr("Lesson steps so far"));
    if (!m_lesson) {
        m_title->setText(tr("No lesson open"));
        m_summary->setText(tr("Choose one from the Lessons menu (Ctrl+L)."));
        m_now->clear();
        return;
    }
    m_title->setText(localized(m_lesson->title));
    m_summary->setText(localized(m_lesson->summary));
    m_shownSteps = -1; // the list is rebuilt in the new language
    showTime();
}

void LessonPlayer::applyNoteStyle()
{
    // A warm note card: pale amber with dark text, deep amber with light text on the dark theme, and a black
    // frame on white in high contrast.
    QString card;
    switch (style::scheme()) {
    case DiagramScheme::Light:
        card = QStringLiteral("background: #fff8e1; color: #202020;");
        break;
    case DiagramScheme::Dark:
        card = QStringLiteral("background: #4a3b12; color: #f2f2f2;");
        break;
    case DiagramScheme::HighContrast:
        card = QStringLiteral("background: white; color: black; border: 2px solid black;");
        break;
    }
    m_now->setStyleSheet(card + QStringLiteral(" padding: 8px; border-radius: 4px;"));
}

void LessonPlayer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    if (event->type() == QEvent::PaletteChange) applyNoteStyle(); // another theme
    QWidget::changeEvent(event);
}

} // namespace tcplab::ui
