// A lesson with its question asked fits a 1600×1000 screen, in English and Chinese, at the normal text size
// and at the presentation's zoom 1.5 (high contrast, bold): the quiz's question and choices wrap, and the
// lesson's text scrolls inside its dock, instead of making the window taller or wider than the screen.
#include "ui/desktop_integration.h"
#include "ui/lesson_picker.h"
#include "ui/lesson_ui.h"
#include "ui/main_window.h"
#include "ui/presentation_mode.h"
#include "ui/quiz_controller.h"
#include "ui/quiz_panel.h"
#include "ui/session_controller.h"
#include "ui/translation_loader.h"
#include "ui/window_assembly.h"

#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace tcplab;
using namespace tcplab::ui;

class TestLessonWindowFits : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    }

    void everyLessonsQuestionFitsTheScreen_data()
    {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<double>("zoom");
        QTest::addColumn<QString>("language");
        for (const Lesson &lesson : LessonPicker::builtinLessons()) {
            if (lesson.quiz.empty()) continue;
            for (const char *language : {"en", "zh"})
                for (double zoom : {1.0, 1.5})
                    QTest::addRow("%s at %.1f, %s", lesson.id.c_str(), zoom, language)
                        << QString::fromStdString(lesson.id) << zoom << QString::fromLatin1(language);
        }
    }

    void everyLessonsQuestionFitsTheScreen()
    {
        QFETCH(QString, lesson);
        QFETCH(double, zoom);
        QFETCH(QString, language);
        // Chinese text is taller than English.
        QVERIFY(installTranslation(*QCoreApplication::instance(), language));
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        assembleMainWindow(window, controller);
        auto *desktop = new DesktopIntegration(window, false);
        auto *lessons = window.findChild<LessonUi *>();
        QVERIFY(lessons && lessons->openLesson(lesson));
        // Zoomed as --presentation does it: high contrast, whose bold text is wider and taller.
        if (zoom > 1.0) desktop->presentation().present(zoom, false);
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The longest question of the lesson, asked: its choices are on the panel.
        QuizController &quiz = *lessons->quiz();
        std::size_t longest = 0;
        const auto length = [](const QuizQuestion &q) {
            std::size_t n = q.question.en.size();
            for (const auto &choice : q.choices)
                n += choice.en.size();
            return n;
        };
        for (std::size_t i = 1; i < quiz.questions().size(); ++i)
            if (length(quiz.questions()[i]) > length(quiz.questions()[longest])) longest = i;
        for (std::size_t i = 0; i < longest; ++i) {
            controller.seek(quiz.questions()[i].pauseAt + 1);
            if (quiz.current()) quiz.resume();
        }
        controller.seek(quiz.questions()[longest].pauseAt + 1);
        QVERIFY(quiz.current());
        QCoreApplication::processEvents();
        auto *panel = window.findChild<QuizPanel *>();
        QVERIFY(panel && !panel->choiceButtons().empty());
        const QSize needed = window.minimumSizeHint().expandedTo(window.minimumSize());
        QVERIFY2(needed.width() <= 1600 && needed.height() <= 1000,
                 qPrintable(QStringLiteral("needs %1x%2").arg(needed.width()).arg(needed.height())));
        QCOMPARE(window.size(), QSize(1600, 1000));
        // The choices are within the panel's width: wrapped, not cut off at the dock's edge.
        for (QPushButton *choice : panel->choiceButtons())
            QVERIFY2(choice->width() <= panel->width(),
                     qPrintable(QStringLiteral("%1 px in %2 px").arg(choice->width()).arg(panel->width())));
    }
};

QTEST_MAIN(TestLessonWindowFits)
#include "test_lesson_window_fits.moc"
