// Lessons in the GUI: the picker lists every built-in lesson; opening one loads its scenario and the lesson
// panel shows the lesson's narration at its time; a malformed lesson file is reported with FILE:LINE:COLUMN;
// a lesson's contrast is drawn beside it under its caption.
#include "ui/contrast_view.h"
#include "ui/lesson_picker.h"
#include "ui/lesson_player.h"
#include "ui/lesson_ui.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"

#include <QListWidget>
#include <QMainWindow>
#include <QtTest>

using namespace tcplab;
using namespace tcplab::ui;

class TestLessonUi : public QObject {
    Q_OBJECT

private slots:
    void pickerListsEveryBuiltinLesson()
    {
        LessonPicker picker;
        QVERIFY(!builtinLessonFiles().empty());
        QCOMPARE(picker.list()->count(), int(builtinLessonFiles().size()));
        for (int row = 0; row < picker.list()->count(); ++row) {
            const Lesson &lesson = picker.lessons()[std::size_t(row)];
            QVERIFY(picker.list()->item(row)->text().contains(QString::fromStdString(lesson.title.en)));
        }
    }

    void openingALessonShowsItsNarrationAtItsTime()
    {
        std::optional<Lesson> lesson = LessonPicker::builtinLesson(QStringLiteral("handshake"));
        QVERIFY(lesson);
        QVERIFY(lesson->narration.size() >= 2);
        SessionController controller(defaultScenario());
        LessonPlayer player(controller);
        player.setLesson(*lesson);
        QCOMPARE(controller.currentTime(), TimeUs(0));
        QCOMPARE(controller.scenario().calls.size(), lesson->scenario.calls.size());
        QCOMPARE(player.titleText(), QString::fromStdString(lesson->title.en));
        for (const NarrationStep &step : lesson->narration) {
            controller.seek(step.at);
            QCOMPARE(player.narrationText(), QString::fromStdString(step.text.en));
        }
        // Back before the second step: the first one again.
        controller.seek(lesson->narration[1].at - 1);
        QCOMPARE(player.narrationText(), QString::fromStdString(lesson->narration[0].text.en));
    }

    void openingALessonPlaysIt()
    {
        QMainWindow window;
        SessionController controller(defaultScenario());
        LessonUi *lessons = LessonUi::install(window, controller);
        QVERIFY(lessons->openLesson(QStringLiteral("handshake")));
        QVERIFY(!lessons->openLesson(QStringLiteral("no-such-lesson")));
        controller.jumpToEnd();
        QVERIFY(controller.trace().size() > 4);
        QVERIFY(!lessons->player()->narrationText().isEmpty());
    }

    void malformedLessonFileNamesLineAndColumn()
    {
        QString error;
        const auto lesson = LessonPicker::parseLessonText("lesson broken\nat 10ms client teleport\n",
                                                          QStringLiteral("broken.lesson"), &error);
        QVERIFY(!lesson);
        QVERIFY2(error.contains(QStringLiteral("broken.lesson:2:")), qPrintable(error));
        QString missing;
        QVERIFY(!LessonPicker::loadLessonFile(QStringLiteral("/nonexistent/x.lesson"), &missing));
        QVERIFY(missing.contains(QStringLiteral("x.lesson")));
    }

    void contrastIsDrawnBesideTheLessonAtTheSameTime()
    {
        std::optional<Lesson> withContrast;
        for (Lesson &lesson : LessonPicker::builtinLessons())
            if (lesson.contrast) withContrast = std::move(lesson);
        QVERIFY(withContrast); // lessons 2 to 6, 12 and 13 have one
        SessionController controller(withContrast->scenario);
        ContrastView view(controller, *withContrast);
        QVERIFY(!view.captionText().isEmpty());
        controller.seek(120 * kMillisecond);
        QCOMPARE(view.controller().currentTime(), controller.currentTime());
        if (view.isHypothetical())
            QVERIFY(view.captionText().contains(QStringLiteral("Hypothetical two-way handshake (not TCP)")));
    }

    void hypotheticalContrastIsLabelledFromTheLessonsFlag()
    {
        // Lesson 3 marks its two-way handshake contrast.hypothetical; lesson 2's contrast is real TCP.
        std::optional<Lesson> threeWay = LessonPicker::builtinLesson(QStringLiteral("old-duplicate-syn"));
        std::optional<Lesson> close = LessonPicker::builtinLesson(QStringLiteral("close"));
        QVERIFY(threeWay && threeWay->contrastHypothetical && close && !close->contrastHypothetical);
        SessionController controller(threeWay->scenario);
        ContrastView hypothetical(controller, *threeWay);
        QVERIFY(hypothetical.isHypothetical());
        QVERIFY(
            hypothetical.captionText().contains(QStringLiteral("Hypothetical two-way handshake (not TCP)")));
        ContrastView real(controller, *close);
        QVERIFY(!real.isHypothetical());
        QVERIFY(real.sequenceView().minimumWidth() >= 560);
    }
};

QTEST_MAIN(TestLessonUi)
#include "test_lesson_ui.moc"
