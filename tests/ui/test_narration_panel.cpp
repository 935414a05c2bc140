// The narration panel tells, at every step, the narrator's sentences for what happened at that moment
// (with the RFC section), and keeps a history that follows the current time backwards as well.
#include "ui/narration_panel.h"
#include "ui/narrator.h"
#include "ui/session_controller.h"

#include <QListWidget>
#include <QtTest>

using namespace tcplab;
using namespace tcplab::ui;

class TestNarrationPanel : public QObject {
    Q_OBJECT

private slots:
    void showsTheNarratorsSentencesForEachStep()
    {
        SessionController controller(defaultScenario());
        NarrationPanel panel(controller);
        int told = 0;
        for (int step = 0; step < 200 && controller.currentTime() < controller.endTime(); ++step) {
            controller.stepForward();
            const Trace &trace = controller.trace();
            const TimeUs now = controller.currentTime();
            for (std::size_t i = 0; i < trace.size(); ++i) {
                if (trace[i].t != now) continue;
                const QString sentence = Narrator::narrate(trace, i);
                if (sentence.isEmpty()) continue;
                QVERIFY2(panel.currentText().contains(sentence), qPrintable(sentence));
                ++told;
            }
        }
        QVERIFY(told > 10);
        // The handshake's SYN is told with its RFC section... somewhere in the history.
        bool rfcCited = false;
        for (int row = 0; row < panel.historyList()->count(); ++row)
            rfcCited =
                rfcCited || panel.historyList()->item(row)->text().contains(QStringLiteral("RFC 9293"));
        QVERIFY(rfcCited);
    }

    void historyGrowsForwardAndShrinksWhenSteppingBack()
    {
        SessionController controller(defaultScenario());
        NarrationPanel panel(controller);
        for (int i = 0; i < 6; ++i)
            controller.stepForward();
        const int rows = panel.historyList()->count();
        const QString text = panel.currentText();
        QVERIFY(rows > 0);
        for (int i = 0; i < 6; ++i)
            controller.stepForward();
        QVERIFY(panel.historyList()->count() > rows);
        for (int i = 0; i < 6; ++i)
            controller.stepBackward();
        QCOMPARE(panel.historyList()->count(), rows);
        QCOMPARE(panel.currentText(), text);
        controller.jumpToStart();
        controller.jumpToEnd();
        QCOMPARE(panel.historyList()->count(),
                 int(Narrator::narrateRange(controller.trace(), -1, controller.currentTime())
                         .split(QLatin1Char('\n'))
                         .size()));
    }
};

QTEST_MAIN(TestNarrationPanel)
#include "test_narration_panel.moc"
