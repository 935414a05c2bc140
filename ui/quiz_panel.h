#pragma once
// The quiz's panel: the question asked now with one button per choice; after an answer, whether it was
// right and the lesson's explanation, and a button to play on. A check box switches quiz mode.
#include <QWidget>

#include <vector>

class QCheckBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace tcplab::ui {

class QuizController;

class QuizPanel : public QWidget {
    Q_OBJECT

public:
    explicit QuizPanel(QuizController &quiz, QWidget *parent = nullptr);

    QString questionText() const;
    // "Right!" or "Wrong …" with the explanation, after an answer; empty before.
    QString resultText() const;
    const std::vector<QPushButton *> &choiceButtons() const { return m_choices; }
    QPushButton *continueButton() const { return m_continue; }
    QCheckBox *quizModeBox() const { return m_mode; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showQuestion();
    void showAnswer(int index, int choice, bool correct);
    void clear();

    QuizController &m_quiz;
    QScrollArea *m_scroll = nullptr;
    QCheckBox *m_mode = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_question = nullptr;
    QVBoxLayout *m_choiceLayout = nullptr;
    std::vector<QPushButton *> m_choices;
    QLabel *m_result = nullptr;
    QPushButton *m_continue = nullptr;
    // The last answer, kept so that a language change can say it again.
    int m_lastChoice = -1;
    bool m_lastCorrect = false;
};

} // namespace tcplab::ui
