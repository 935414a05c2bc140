#pragma once
// The lessons and packetdrill parts of the main window, added from outside it: a Lessons menu (open a
// lesson, Ctrl+L; quiz mode), File → Open packetdrill script…, a lesson dock (narration and quiz), a plots
// dock and, for a lesson with a contrast, a second diagram beside the first. The docks stay hidden until a
// lesson is opened, so the plain window is unchanged.
#include "lesson/lesson.h"

#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace tcplab::ui {

class ContrastView;
class LessonPlayer;
class PlotsPanel;
class QuizController;
class QuizPanel;
class SessionController;

class LessonUi : public QObject {
    Q_OBJECT

public:
    // Adds the menus and docks to `window`, which owns them and the returned object.
    static LessonUi *install(QMainWindow &window, SessionController &controller);

    void openLesson(Lesson lesson);
    // A built-in lesson by its id ("handshake"); false when there is none.
    bool openLesson(const QString &id);

    LessonPlayer *player() const { return m_player; }
    QuizController *quiz() const { return m_quiz; }
    QuizPanel *quizPanel() const { return m_quizPanel; }
    PlotsPanel *plots() const { return m_plots; }
    ContrastView *contrast() const { return m_contrast; }
    QDockWidget *lessonDock() const { return m_lessonDock; }
    QDockWidget *plotsDock() const { return m_plotsDock; }
    QDockWidget *contrastDock() const { return m_contrastDock; }
    QAction *openLessonAction() const { return m_openLessonAction; }
    QAction *quizModeAction() const { return m_quizModeAction; }
    QAction *openScriptAction() const { return m_openScriptAction; }

    bool event(QEvent *event) override;

public slots:
    void chooseLesson();
    void chooseScript();

private:
    LessonUi(QMainWindow &window, SessionController &controller);
    void tabifyWith(const QString &existingDock, QDockWidget *dock);
    QDockWidget *addDock(const QString &objectName, QWidget *content, Qt::DockWidgetArea area);
    void createMenus();
    void retranslateUi();

    QMainWindow &m_window;
    SessionController &m_controller;
    LessonPlayer *m_player = nullptr;
    QuizController *m_quiz = nullptr;
    QuizPanel *m_quizPanel = nullptr;
    PlotsPanel *m_plots = nullptr;
    ContrastView *m_contrast = nullptr;
    QDockWidget *m_lessonDock = nullptr;
    QDockWidget *m_plotsDock = nullptr;
    QDockWidget *m_contrastDock = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_lessonsMenu = nullptr;
    QAction *m_openLessonAction = nullptr;
    QAction *m_quizModeAction = nullptr;
    QAction *m_openScriptAction = nullptr;
};

} // namespace tcplab::ui
