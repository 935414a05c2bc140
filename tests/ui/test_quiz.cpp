// The self-study quiz: playback stops just before a question's pauseAt and asks it; a wrong answer says
// wrong, the right one says right; continuing plays on without asking again; quiz mode off asks nothing.
#include "ui/lesson_picker.h"
#include "ui/quiz_controller.h"
#include "ui/quiz_panel.h"
#include "ui/session_controller.h"

#include <QPushButton>
#include <QtTest>

using namespace tcplab;
using namespace tcplab::ui;

namespace {
const char *const kLesson = R"(lesson quiztest
title.en "Quiz" 
title.zh "测验"
summary.en "s"
summary.zh "s"
at 0 server listen
at 10ms client connect
quiz 100ms en="Which ack?" zh="确认号？"
quiz.choice en="1000" zh="1000"
quiz.choice correct en="1001" zh="1001"
quiz.explain en="SYN takes one number." zh="SYN 占用一个序号。"
)";
} // namespace

class TestQuiz : public QObject {
    Q_OBJECT

private slots:
    void pausesBeforePauseAtAndJudgesAnswers()
    {
        QString error;
        const auto lesson = LessonPicker::parseLessonText(kLesson, QStringLiteral("quiz.lesson"), &error);
        QVERIFY2(lesson, qPrintable(error));
        QCOMPARE(lesson->quiz.size(), std::size_t(1));
        SessionController controller(lesson->scenario);
        QuizController quiz(controller);
        QuizPanel panel(quiz);
        quiz.setQuestions(lesson->quiz);
        QSignalSpy asked(&quiz, &QuizController::questionAsked);

        controller.seek(300 * kMillisecond);
        QCOMPARE(asked.count(), 1);
        QVERIFY(!controller.isPlaying());
        QCOMPARE(controller.currentTime(), lesson->quiz[0].pauseAt - 1);
        QCOMPARE(panel.questionText(), QStringLiteral("Which ack?"));
        QCOMPARE(panel.choiceButtons().size(), std::size_t(2));

        panel.choiceButtons()[0]->click();
        QVERIFY2(panel.resultText().startsWith(QStringLiteral("Wrong")), qPrintable(panel.resultText()));
        panel.choiceButtons()[1]->click();
        QVERIFY2(panel.resultText().startsWith(QStringLiteral("Right")), qPrintable(panel.resultText()));
        QVERIFY(panel.resultText().contains(QStringLiteral("SYN takes one number.")));

        panel.continueButton()->click();
        QVERIFY(controller.isPlaying());
        controller.seek(400 * kMillisecond);
        QCOMPARE(asked.count(), 1); // answered: not asked again
    }

    void quizModeOffAsksNothing()
    {
        const auto lesson = LessonPicker::parseLessonText(kLesson, QStringLiteral("quiz.lesson"), nullptr);
        QVERIFY(lesson);
        SessionController controller(lesson->scenario);
        QuizController quiz(controller);
        quiz.setQuestions(lesson->quiz);
        quiz.setEnabled(false);
        QSignalSpy asked(&quiz, &QuizController::questionAsked);
        controller.seek(300 * kMillisecond);
        QCOMPARE(asked.count(), 0);
        QCOMPARE(controller.currentTime(), 300 * kMillisecond);
    }
};

QTEST_MAIN(TestQuiz)
#include "test_quiz.moc"
