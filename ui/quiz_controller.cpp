#include "ui/quiz_controller.h"

#include "ui/session_controller.h"

#include <algorithm>

namespace tcplab::ui {

QuizController::QuizController(SessionController &controller, QObject *parent)
    : QObject(parent), m_controller(controller), m_lastTime(controller.currentTime())
{
    connect(&m_controller, &SessionController::timeChanged, this, &QuizController::watchTime);
    connect(&m_controller, &SessionController::scenarioLoaded, this,
            [this] { m_lastTime = m_controller.currentTime(); });
}

void QuizController::setQuestions(std::vector<QuizQuestion> questions)
{
    m_questions = std::move(questions);
    std::stable_sort(m_questions.begin(), m_questions.end(),
                     [](const QuizQuestion &a, const QuizQuestion &b) { return a.pauseAt < b.pauseAt; });
    m_asked.assign(m_questions.size(), false);
    m_answered.assign(m_questions.size(), false);
    m_lastTime = m_controller.currentTime();
    if (m_current) {
        m_current.reset();
        emit questionClosed();
    }
}

bool QuizController::isAnswered(int index) const
{
    return index >= 0 && index < int(m_answered.size()) && m_answered[std::size_t(index)];
}

void QuizController::setEnabled(bool enabled)
{
    if (enabled == m_enabled) return;
    m_enabled = enabled;
    if (!enabled && m_current) {
        m_current.reset();
        emit questionClosed();
    }
    emit enabledChanged(enabled);
}

bool QuizController::answer(int choice)
{
    if (!m_current) return false;
    const int index = *m_current;
    const bool correct = choice == m_questions[std::size_t(index)].correct;
    if (correct) m_answered[std::size_t(index)] = true;
    emit answered(index, choice, correct);
    return correct;
}

void QuizController::resume()
{
    if (m_current) {
        // Skipping a question counts as having seen it: playing on must not stop at it again.
        m_answered[std::size_t(*m_current)] = true;
        m_current.reset();
        emit questionClosed();
    }
    m_controller.play();
}

void QuizController::watchTime(qint64 now)
{
    const qint64 before = m_lastTime;
    m_lastTime = now;
    if (!m_enabled || m_pausing || now <= before) return;
    for (std::size_t i = 0; i < m_questions.size(); ++i) {
        const TimeUs pauseAt = m_questions[i].pauseAt;
        if (m_asked[i] || pauseAt <= before || pauseAt > now) continue;
        m_asked[i] = true;
        m_current = int(i);
        // Just before the moment, so that what the question asks about has not happened yet.
        m_pausing = true;
        m_controller.seek(std::max<TimeUs>(0, pauseAt - 1));
        m_pausing = false;
        m_lastTime = m_controller.currentTime();
        emit questionAsked(int(i));
        return;
    }
}

} // namespace tcplab::ui
