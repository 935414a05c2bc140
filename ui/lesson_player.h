#pragma once
// Plays a lesson: loads its scenario into the session controller and, as playback moves, shows the lesson's
// narration for the current moment in the current language (the latest step at or before now) above the
// steps so far. Stepping back takes the narration back too: it is read from the time, not accumulated.
#include "lesson/lesson.h"

#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;

namespace tcplab::ui {

class SessionController;

class LessonPlayer : public QWidget {
    Q_OBJECT

public:
    explicit LessonPlayer(SessionController &controller, QWidget *parent = nullptr);

    // Loads the lesson's scenario (a fresh session at time 0) and its narration.
    void setLesson(Lesson lesson);
    const std::optional<Lesson> &lesson() const { return m_lesson; }
    // The narration shown for the current moment; empty before the first step.
    QString narrationText() const;
    QString titleText() const;
    QListWidget *stepList() const { return m_steps; }

signals:
    void lessonLoaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyNoteStyle();
    void showTime();

    SessionController &m_controller;
    std::optional<Lesson> m_lesson;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_nowHeading = nullptr;
    QLabel *m_now = nullptr;
    QListWidget *m_steps = nullptr;
    int m_shownSteps = -1; // steps [0, m_shownSteps) are listed; -1: rebuild
};

} // namespace tcplab::ui
