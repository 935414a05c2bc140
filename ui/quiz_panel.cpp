#include "ui/quiz_panel.h"

#include "ui/diagram_style.h"
#include "ui/lesson_text.h"
#include "ui/quiz_controller.h"
#include "ui/vertical_scroll.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace tcplab::ui {

namespace {
constexpr int kChoicePadding = 6;

// A choice's button: its text wraps to the panel's width instead of making the dock (and the window) as wide
// as the longest answer. The text is a label inside; the button keeps it as its accessible name.
class ChoiceButton : public QPushButton {
public:
    ChoiceButton(const QString &text, const QFont &font, QWidget *parent) : QPushButton(parent)
    {
        m_label = new QLabel(text, this);
        m_label->setWordWrap(true);
        m_label->setFont(font);
        m_label->setAttribute(Qt::WA_TransparentForMouseEvents);
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(kChoicePadding + 2, kChoicePadding, kChoicePadding + 2, kChoicePadding);
        layout->addWidget(m_label);
        setAccessibleName(text);
        QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
    }
    QString choiceText() const { return m_label->text(); }
    QSize sizeHint() const override { return layout()->sizeHint(); }
    QSize minimumSizeHint() const override { return layout()->minimumSize(); }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return layout()->totalHeightForWidth(width); }

private:
    QLabel *m_label = nullptr;
};

// Right and wrong, readable on the theme's paper.
QColor rightColor()
{
    return style::scheme() == DiagramScheme::Dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x7a, 0x2f);
}

QColor wrongColor()
{
    return style::scheme() == DiagramScheme::Dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
}

QColor chosenGround(bool correct)
{
    if (style::scheme() == DiagramScheme::Dark)
        return correct ? QColor(0x1e, 0x4d, 0x23) : QColor(0x5c, 0x1e, 0x1e);
    return correct ? QColor(0xc8, 0xe6, 0xc9) : QColor(0xff, 0xcd, 0xd2);
}
} // namespace

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

    // The question, its choices and the explanation scroll inside the dock: a long question at a large zoom
    // must not make the window taller than the screen.
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("quizContent"));
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_mode);
    layout->addWidget(m_heading);
    layout->addWidget(m_question);
    m_choiceLayout = new QVBoxLayout;
    layout->addLayout(m_choiceLayout);
    layout->addWidget(m_result);
    layout->addWidget(m_continue);
    layout->addStretch(1);
    m_scroll = verticalScroll(content, this);
    m_scroll->setObjectName(QStringLiteral("quizScroll"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_scroll);

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
        auto *button = new ChoiceButton(
            QStringLiteral("%1. %2").arg(QChar(char16_t(u'A' + i)), localized(question.choices[i])),
            style::scaledFont(font(), 1.1), m_scroll->widget());
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
        m_result->setStyleSheet(QStringLiteral("color: %1;").arg(rightColor().name()));
    } else {
        const QChar letter(char16_t(u'A' + question.correct));
        m_result->setText(tr("Wrong. The right answer is %1. %2").arg(letter).arg(explanation));
        m_result->setStyleSheet(QStringLiteral("color: %1;").arg(wrongColor().name()));
    }
    for (std::size_t i = 0; i < m_choices.size(); ++i) {
        if (int(i) == choice)
            m_choices[i]->setStyleSheet(QStringLiteral("background: %1;").arg(chosenGround(correct).name()));
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
    // Another language says it again; another theme recolours the answer.
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange) retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace tcplab::ui
