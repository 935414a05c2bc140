#include "ui/quiz_panel.h"

#include "ui/diagram_style.h"
#include "ui/lesson_text.h"
#include "ui/quiz_controller.h"

#include <QCheckBox>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tcplab::ui {

QuizPanel::QuizPanel(QuizController &quiz, QWidget *parent) : QWidget(parent), m_quiz(quiz)
{
    setObjectName(QStringLiteral("quizPanel"));
    m_mode = new QCheckBox(this);
    m_mode->setChecked(m_quiz.isEnabled());
    m_heading = new QLabel(this);
    m_heading->setFont(style::scaledFont(font(), 1.2, true));
    m_question = new QLabel(this);
    m_question->setWordWrap(true);
    m_question->setFont(style::scaledFont(font(), 1.25, true));
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_result->setFont(style::scaledFont(font(), 1.1));
    m_continue = new QPushButton(this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_mode);
    layout->addWidget(m_heading);
    layout->addWidget(m_question);
    m_choiceLayout = new QVBoxLayout;
    layout->addLayout(m_choiceLayout);
    layout->addWidget(m_result);
    layout->addWidget(m_continue);
    layout->addStretch(1);

    connect(m_mode, &QCheckBox::toggled, &m_quiz, &QuizController::setEnabled);
    connect(&m_quiz, &QuizController::enabledChanged, m_mode, &QCheckBox::setChecked);
    connect(&m_quiz, &QuizController::questionAsked, this, &QuizPanel::showQuestion);
    connect(&m_quiz, &QuizController::answered, this, &QuizPanel::showAnswer);
    connect(&m_quiz, &QuizController::questionClosed, this, &QuizPanel::clear);
    connect(m_continue, &QPushButton::clicked, &m_quiz, &QuizController::resume);

    retranslateUi();
    clear();
}

QString QuizPanel::questionText() const
{
    return m_question->text();
}

QString QuizPanel::resultText() const
{
    return m_result->text();
}

void QuizPanel::clear()
{
    for (QPushButton *button : m_choices)
        button->deleteLater();
    m_choices.clear();
    m_question->clear();
    m_result->clear();
    m_lastChoice = -1;
    m_continue->setVisible(false);
    m_heading->setText(m_quiz.questions().empty() ? tr("This lesson has no questions.")
                                                  : tr("A question will stop the playback at its moment."));
}

void QuizPanel::showQuestion()
{
    const auto index = m_quiz.current();
    if (!index) return clear();
    for (QPushButton *button : m_choices)
        button->deleteLater();
    m_choices.clear();
    const QuizQuestion &question = m_quiz.questions()[std::size_t(*index)];
    m_heading->setText(tr("Question %1 of %2").arg(*index + 1).arg(m_quiz.questions().size()));
    m_question->setText(localized(question.question));
    for (std::size_t i = 0; i < question.choices.size(); ++i) {
        auto *button = new QPushButton(this);
        button->setText(QStringLiteral("%1. %2").arg(QChar(char16_t(u'A' + i)), localized(question.choices[i])));
        button->setFont(style::scaledFont(font(), 1.1));
        button->setStyleSheet(QStringLiteral("text-align: left; padding: 6px;"));
        connect(button, &QPushButton::clicked, this, [this, i] { m_quiz.answer(int(i)); });
        m_choiceLayout->addWidget(button);
        m_choices.push_back(button);
    }
    m_result->clear();
    m_lastChoice = -1;
    m_continue->setVisible(true);
}

void QuizPanel::showAnswer(int index, int choice, bool correct)
{
    m_lastChoice = choice;
    m_lastCorrect = correct;
    const QuizQuestion &question = m_quiz.questions()[std::size_t(index)];
    const QString explanation = localized(question.explanation);
    if (correct) {
        m_result->setText(tr("Right! %1").arg(explanation));
        m_result->setStyleSheet(QStringLiteral("color: #1b7a2f;"));
    } else {
        const QChar letter(char16_t(u'A' + question.correct));
        m_result->setText(tr("Wrong. The right answer is %1. %2").arg(letter).arg(explanation));
        m_result->setStyleSheet(QStringLiteral("color: #c62828;"));
    }
    for (std::size_t i = 0; i < m_choices.size(); ++i) {
        if (int(i) == choice)
            m_choices[i]->setStyleSheet(
                QStringLiteral("text-align: left; padding: 6px; background: %1;")
                    .arg(correct ? QStringLiteral("#c8e6c9") : QStringLiteral("#ffcdd2")));
    }
}

void QuizPanel::retranslateUi()
{
    m_mode->setText(tr("Quiz mode: stop at each question"));
    m_continue->setText(tr("Continue playback"));
    const auto index = m_quiz.current();
    if (!index) {
        clear();
        return;
    }
    const int choice = m_lastChoice;
    const bool correct = m_lastCorrect;
    showQuestion();
    if (choice >= 0) showAnswer(*index, choice, correct);
}

void QuizPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace tcplab::ui
