#pragma once
// The self-study quiz: when playback reaches a question's pauseAt (in quiz mode) the session pauses just
// before that moment and the question is asked; once answered it is not asked again in this lesson. Which
// answer is right comes from the lesson file; nothing here knows about TCP.
#include "lesson/lesson.h"

#include <QObject>

#include <optional>
#include <vector>

namespace tcplab::ui {

class SessionController;

class QuizController : public QObject {
    Q_OBJECT

public:
    explicit QuizController(SessionController &controller, QObject *parent = nullptr);

    void setQuestions(std::vector<QuizQuestion> questions);
    const std::vector<QuizQuestion> &questions() const { return m_questions; }
    bool isEnabled() const { return m_enabled; }
    // The question being asked now, if any.
    std::optional<int> current() const { return m_current; }
    bool isAnswered(int index) const;
    // Checks `choice` for the current question; true when it is the right one. A wrong answer may be
    // followed by another try.
    bool answer(int choice);

public slots:
    void setEnabled(bool enabled);
    // Lets playback go on after a question.
    void resume();

signals:
    void enabledChanged(bool enabled);
    void questionAsked(int index);
    void answered(int index, int choice, bool correct);
    // The question was put away (resume, a new lesson).
    void questionClosed();

private:
    void watchTime(qint64 now);

    SessionController &m_controller;
    std::vector<QuizQuestion> m_questions;
    std::vector<bool> m_asked;
    std::vector<bool> m_answered;
    std::optional<int> m_current;
    bool m_enabled = true;
    bool m_pausing = false; // our own seek to the pause point must not trigger another question
    qint64 m_lastTime = 0;
};

} // namespace tcplab::ui
