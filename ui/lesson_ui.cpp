#include "ui/lesson_ui.h"

#include "ui/contrast_view.h"
#include "ui/lesson_picker.h"
#include "ui/lesson_player.h"
#include "ui/packetdrill_player.h"
#include "ui/plots/plots_panel.h"
#include "ui/quiz_controller.h"
#include "ui/quiz_panel.h"
#include "ui/session_controller.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QMenuBar>
#include <QSplitter>
#include <QTimer>

namespace tcplab::ui {

LessonUi *LessonUi::install(QMainWindow &window, SessionController &controller)
{
    return new LessonUi(window, controller);
}

LessonUi::LessonUi(QMainWindow &window, SessionController &controller)
    : QObject(&window), m_window(window), m_controller(controller)
{
    setObjectName(QStringLiteral("lessonUi"));
    m_player = new LessonPlayer(controller);
    m_quiz = new QuizController(controller, this);
    m_quizPanel = new QuizPanel(*m_quiz);
    auto *lessonSplit = new QSplitter(Qt::Vertical);
    lessonSplit->addWidget(m_player);
    lessonSplit->addWidget(m_quizPanel);
    lessonSplit->setStretchFactor(0, 3);
    lessonSplit->setStretchFactor(1, 2);
    m_lessonDock = addDock(QStringLiteral("lessonDock"), lessonSplit, Qt::RightDockWidgetArea);
    m_plots = new PlotsPanel(controller);
    m_plotsDock = addDock(QStringLiteral("plotsDock"), m_plots, Qt::BottomDockWidgetArea);
    // Tabs beside the teaching docks rather than more rows: stacked, a lesson made the window taller than
    // a 1080-line screen.
    tabifyWith(QStringLiteral("narrationDock"), m_lessonDock);
    tabifyWith(QStringLiteral("inspectorDock"), m_plotsDock);

    createMenus();
    retranslateUi();
    // A question asked brings the lesson dock forward, wherever the user put it.
    connect(m_quiz, &QuizController::questionAsked, this, [this] {
        m_lessonDock->show();
        m_lessonDock->raise();
    });
}

void LessonUi::tabifyWith(const QString &existingDock, QDockWidget *dock)
{
    if (auto *existing = m_window.findChild<QDockWidget *>(existingDock))
        m_window.tabifyDockWidget(existing, dock);
}

QDockWidget *LessonUi::addDock(const QString &objectName, QWidget *content, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(&m_window);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    m_window.addDockWidget(area, dock);
    dock->hide();
    return dock;
}

void LessonUi::createMenus()
{
    m_openLessonAction = new QAction(&m_window);
    m_openLessonAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_quizModeAction = new QAction(&m_window);
    m_quizModeAction->setCheckable(true);
    m_quizModeAction->setChecked(m_quiz->isEnabled());
    m_openScriptAction = new QAction(&m_window);
    m_openScriptAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_window.addAction(m_openLessonAction);
    m_window.addAction(m_openScriptAction);

    // The File menu goes first, as on every desktop; the main window may already have one.
    QMenuBar *bar = m_window.menuBar();
    for (QAction *action : bar->actions())
        if (action->menu() && action->menu()->objectName() == QLatin1String("fileMenu"))
            m_fileMenu = action->menu();
    if (!m_fileMenu) {
        m_fileMenu = new QMenu(bar);
        m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
        const QList<QAction *> existing = bar->actions();
        bar->insertMenu(existing.isEmpty() ? nullptr : existing.first(), m_fileMenu);
    }
    m_fileMenu->addAction(m_openLessonAction);
    m_fileMenu->addAction(m_openScriptAction);
    m_lessonsMenu = bar->addMenu(QString());
    m_lessonsMenu->setObjectName(QStringLiteral("lessonsMenu"));
    m_lessonsMenu->addAction(m_openLessonAction);
    m_lessonsMenu->addAction(m_quizModeAction);

    connect(m_openLessonAction, &QAction::triggered, this, &LessonUi::chooseLesson);
    connect(m_openScriptAction, &QAction::triggered, this, &LessonUi::chooseScript);
    connect(m_quizModeAction, &QAction::toggled, m_quiz, &QuizController::setEnabled);
    connect(m_quiz, &QuizController::enabledChanged, m_quizModeAction, &QAction::setChecked);
}

void LessonUi::openLesson(Lesson lesson)
{
    if (m_contrast) {
        m_contrastDock->setWidget(nullptr);
        m_contrast->deleteLater();
        m_contrast = nullptr;
    }
    m_quiz->setQuestions(lesson.quiz);
    if (lesson.contrast) {
        m_contrast = new ContrastView(m_controller, lesson);
        if (!m_contrastDock) {
            m_contrastDock = addDock(QStringLiteral("contrastDock"), m_contrast, Qt::RightDockWidgetArea);
            tabifyWith(QStringLiteral("stateDiagramDock"), m_contrastDock);
        } else
            m_contrastDock->setWidget(m_contrast);
        retranslateUi();
    }
    if (m_contrastDock) m_contrastDock->setVisible(m_contrast != nullptr);
    // Raised once the dock layout has taken the newly shown tabs in.
    if (m_contrast) QTimer::singleShot(0, m_contrastDock, &QDockWidget::raise);
    m_player->setLesson(std::move(lesson));
    if (m_contrast) m_contrast->controller().seek(m_controller.currentTime());
    m_lessonDock->show();
    QTimer::singleShot(0, m_lessonDock, &QDockWidget::raise);
    m_plotsDock->show();
}

bool LessonUi::openLesson(const QString &id)
{
    std::optional<Lesson> lesson = LessonPicker::builtinLesson(id);
    if (!lesson) return false;
    openLesson(std::move(*lesson));
    return true;
}

void LessonUi::chooseLesson()
{
    LessonPicker picker(&m_window);
    if (picker.exec() == QDialog::Accepted && picker.chosen()) openLesson(*picker.chosen());
}

void LessonUi::chooseScript()
{
    PacketdrillPlayer::openFromDialog(&m_window);
}

void LessonUi::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_lessonsMenu->setTitle(tr("&Lessons"));
    m_openLessonAction->setText(tr("Open &lesson…"));
    m_openLessonAction->setToolTip(
        tr("Open lesson… (%1)").arg(m_openLessonAction->shortcut().toString(QKeySequence::NativeText)));
    m_quizModeAction->setText(tr("&Quiz mode"));
    m_quizModeAction->setToolTip(tr("Stop at each of the lesson's questions"));
    m_openScriptAction->setText(tr("Open &packetdrill script…"));
    m_lessonDock->setWindowTitle(tr("Lesson"));
    m_plotsDock->setWindowTitle(tr("Plots"));
    if (m_contrastDock) m_contrastDock->setWindowTitle(tr("Contrast"));
}

bool LessonUi::event(QEvent *event)
{
    // QWidget passes LanguageChange on to its children, this object among them.
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    return QObject::event(event);
}

} // namespace tcplab::ui
