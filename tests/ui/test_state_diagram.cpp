// The state diagram is drawn from the transition table and shows, at every step, each endpoint's state and
// the transition it took last, as the trace records them up to the current time (RFC 9293 Figure 5).
#include "ui/painted_text.h"
#include "ui/session_controller.h"
#include "ui/state_diagram_labels.h"
#include "ui/state_diagram_widget.h"
#include "ui/teaching_docks.h"
#include "ui/translation_loader.h"

#include <QCheckBox>
#include <QDockWidget>
#include <QMainWindow>
#include <QtTest>

using namespace tcplab;
using namespace tcplab::ui;

namespace {

struct Expected {
    TcpState state = TcpState::Closed;
    const Transition *lit = nullptr;
};

// What the trace says, read independently of the widget: the last state change at or before now.
Expected expectedAt(const Trace &trace, Side side, TimeUs now)
{
    Expected expected;
    for (const TraceEvent &event : trace.events()) {
        if (event.t > now) break;
        if (event.kind != TraceKind::StateChanged || event.side != side || event.conn != 0) continue;
        expected.state = event.to;
        expected.lit = findTransition(event.from, event.transition, event.to);
    }
    return expected;
}

} // namespace

class TestStateDiagram : public QObject {
    Q_OBJECT

private slots:
    void highlightsEachSidesStateAndLastTransitionAtEveryStep()
    {
        SessionController controller(defaultScenario());
        StateDiagramWidget diagram(controller);
        diagram.resize(700, 650);
        int steps = 0, litSteps = 0;
        while (controller.currentTime() < controller.endTime() && steps < 200) {
            controller.stepForward();
            ++steps;
            for (Side side : {Side::Client, Side::Server}) {
                const Expected expected = expectedAt(controller.trace(), side, controller.currentTime());
                QCOMPARE(diagram.highlightedState(side), expected.state);
                QCOMPARE(diagram.litTransition(side), expected.lit);
                if (expected.lit) ++litSteps;
            }
            QVERIFY(!diagram.grab().isNull()); // paints every step without trouble
        }
        QVERIFY(steps > 10);
        QVERIFY(litSteps > 0);
        // The default session ends with both sides CLOSED again: the client through TIME_WAIT's 2·MSL
        // timeout (RFC 9293 §3.10.8), the server through LAST_ACK; both at the bottom CLOSED.
        QCOMPARE(diagram.highlightedState(Side::Client), TcpState::Closed);
        QCOMPARE(diagram.litTransition(Side::Client)->event, TcpEvent::Timeout2Msl);
        QCOMPARE(diagram.highlightedNode(Side::Client), DiagramNode::ClosedBottom);
        QCOMPARE(diagram.litTransition(Side::Server)->from, TcpState::LastAck);
    }

    void steppingBackShowsThePastStates()
    {
        SessionController controller(defaultScenario());
        StateDiagramWidget diagram(controller);
        // Forward until the client is ESTABLISHED, then one more step, then back.
        while (diagram.highlightedState(Side::Client) != TcpState::Established)
            controller.stepForward();
        const TimeUs established = controller.currentTime();
        const TcpState serverThen = diagram.highlightedState(Side::Server);
        controller.jumpToEnd();
        QVERIFY(diagram.highlightedState(Side::Client) != TcpState::Established);
        controller.seek(established);
        QCOMPARE(diagram.highlightedState(Side::Client), TcpState::Established);
        QCOMPARE(diagram.litTransition(Side::Client)->event, TcpEvent::RcvSynAck);
        QCOMPARE(diagram.highlightedState(Side::Server), serverThen);
        controller.jumpToStart();
        const Expected atStart = expectedAt(controller.trace(), Side::Server, 0);
        QCOMPARE(diagram.highlightedState(Side::Server), atStart.state);
        QCOMPARE(diagram.highlightedState(Side::Client), TcpState::Closed);
        QCOMPARE(diagram.litTransition(Side::Client), nullptr);
    }

    void edgesAreTheRowsOfTheTransitionTable()
    {
        SessionController controller(defaultScenario());
        StateDiagramWidget diagram(controller);
        const int figureFive = diagram.visibleEdgeCount();
        QVERIFY(figureFive > 15);
        QVERIFY(figureFive < int(transitionTable().size()));
        diagram.showAllBox()->setChecked(true);
        QVERIFY(diagram.showAllTransitions());
        QCOMPARE(diagram.visibleEdgeCount(), int(transitionTable().size()));
    }

    // The labels come from the core in English; the Chinese interface draws them in Chinese with the RFC
    // names kept ("rcv SYN / snd SYN,ACK" → "收到 SYN / 发送 SYN,ACK"), and English again after a switch
    // back.
    void edgeLabelsFollowTheInterfaceLanguage()
    {
        for (const Transition &row : transitionTable())
            QVERIFY2(hasTranslatableLabel(row), row.label.data());
        const Transition *synRow = findTransition(TcpState::Listen, TcpEvent::RcvSyn, TcpState::SynRcvd);
        QVERIFY(synRow);
        QVERIFY(installTranslation(*QCoreApplication::instance(), QStringLiteral("zh")));
        QCOMPARE(transitionLabel(*synRow), QStringLiteral("收到 SYN / 发送 SYN,ACK"));
        for (const Transition &row : transitionTable())
            QVERIFY2(transitionLabel(row) != QString::fromUtf8(row.label.data(), qsizetype(row.label.size())),
                     row.label.data());

        SessionController controller(defaultScenario());
        StateDiagramWidget diagram(controller);
        diagram.setShowAllTransitions(true);
        diagram.resize(1000, 900); // large enough that every edge carries its label
        controller.jumpToEnd();
        setPaintedTextRecording(true);
        diagram.grab();
        const QStringList zh = paintedTexts();
        QVERIFY(zh.contains(QStringLiteral("收到 SYN / 发送 SYN,ACK")));
        QVERIFY(zh.contains(QStringLiteral("ESTABLISHED")));
        QVERIFY(!zh.contains(QStringLiteral("rcv SYN / snd SYN,ACK")));

        QVERIFY(installTranslation(*QCoreApplication::instance(), QStringLiteral("en")));
        clearPaintedTexts();
        diagram.grab();
        const QStringList en = paintedTexts();
        setPaintedTextRecording(false);
        QVERIFY(en.contains(QStringLiteral("rcv SYN / snd SYN,ACK")));
        QVERIFY(!en.contains(QStringLiteral("收到 SYN / 发送 SYN,ACK")));
    }

    void litLabelsLeaveTheBadgesInSight_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("dock") << QSize(420, 400);
        QTest::newRow("default") << QSize(560, 540);
        QTest::newRow("large") << QSize(900, 800);
    }
    void litLabelsLeaveTheBadgesInSight()
    {
        // At the end both sides are CLOSED, the client's "client" and the server's "server" badges over the
        // one node the lit labels point at: every step, no label may cover a badge.
        QFETCH(QSize, size);
        SessionController controller(defaultScenario());
        StateDiagramWidget diagram(controller);
        diagram.resize(size);
        (void)diagram.grab();
        int steps = 0;
        while (controller.currentTime() < controller.endTime() && steps++ < 200) {
            controller.stepForward();
            for (const QRectF &label : diagram.litLabelRects())
                for (const QRectF &badge : diagram.badgeRects())
                    QVERIFY2(!label.intersects(badge),
                             qPrintable(QStringLiteral("at %1 us").arg(controller.currentTime())));
        }
        QCOMPARE(int(diagram.litLabelRects().size()), 2);
    }

    void teachingDocksAddFourClosableDocks()
    {
        SessionController controller(defaultScenario());
        QMainWindow window;
        window.setCentralWidget(new QWidget);
        TeachingDocks *docks = TeachingDocks::install(window, controller);
        const auto all = window.findChildren<QDockWidget *>();
        QCOMPARE(all.size(), 4);
        for (QDockWidget *dock : all) {
            QVERIFY(dock->features() & QDockWidget::DockWidgetClosable);
            QVERIFY(dock->features() & QDockWidget::DockWidgetMovable);
            QVERIFY(!dock->objectName().isEmpty());
            QVERIFY(!dock->windowTitle().isEmpty());
        }
        QCOMPARE(window.dockWidgetArea(docks->stateDiagramDock()), Qt::RightDockWidgetArea);
        QCOMPARE(window.dockWidgetArea(docks->narrationDock()), Qt::RightDockWidgetArea);
        QCOMPARE(window.dockWidgetArea(docks->inspectorDock()), Qt::BottomDockWidgetArea);
        QVERIFY(window.tabifiedDockWidgets(docks->inspectorDock()).contains(docks->controlsDock()));
    }
};

QTEST_MAIN(TestStateDiagram)
#include "test_state_diagram.moc"
