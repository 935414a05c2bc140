// The hands-on controls enable exactly the calls the endpoint's state allows (RFC 9293 §3.10), say why a
// call is not possible, and send each click to the session as an intent: the trace records the UserCall and
// the state change, and stepping back and forward replays it.
#include "ui/controls_panel.h"
#include "ui/session_controller.h"

#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

using namespace tcplab;
using namespace tcplab::ui;

namespace {

bool traceHas(const Trace &trace, TraceKind kind, Side side, auto &&predicate)
{
    for (const TraceEvent &event : trace.events())
        if (event.kind == kind && event.side == side && predicate(event)) return true;
    return false;
}

void checkEnabled(const ControlsPanel &panel, const SessionController &controller, Side side)
{
    const Connection &endpoint = controller.session().endpoint(side);
    QCOMPARE(panel.button(side, CallKind::Listen)->isEnabled(), endpoint.canListen());
    QCOMPARE(panel.button(side, CallKind::Connect)->isEnabled(), endpoint.canConnect());
    QCOMPARE(panel.button(side, CallKind::Send)->isEnabled(), endpoint.canSend());
    QCOMPARE(panel.button(side, CallKind::Close)->isEnabled(), endpoint.canClose());
    QCOMPARE(panel.button(side, CallKind::Abort)->isEnabled(), endpoint.canAbort());
}

} // namespace

class TestControlsPanel : public QObject {
    Q_OBJECT

private slots:
    void freePlayStartsWithBothClosedAndNothingScheduled()
    {
        const Scenario scenario = freePlayScenario();
        QVERIFY(scenario.calls.empty());
        SessionController controller(scenario);
        ControlsPanel panel(controller);
        for (Side side : {Side::Client, Side::Server}) {
            QCOMPARE(controller.session().endpoint(side).state(), TcpState::Closed);
            QVERIFY(panel.button(side, CallKind::Listen)->isEnabled());
            QVERIFY(panel.button(side, CallKind::Connect)->isEnabled());
            QVERIFY(!panel.button(side, CallKind::Send)->isEnabled());
            QVERIFY(!panel.button(side, CallKind::Close)->isEnabled());
            QVERIFY(!panel.button(side, CallKind::Abort)->isEnabled());
            checkEnabled(panel, controller, side);
            QVERIFY(!panel.button(side, CallKind::Listen)->accessibleName().isEmpty());
        }
        // A disabled call says what state it needs, from the transition table (§3.10.4: CLOSE in LISTEN,
        // SYN_SENT, SYN_RCVD, ESTABLISHED, CLOSE_WAIT).
        const QString tip = panel.button(Side::Client, CallKind::Close)->toolTip();
        QVERIFY2(tip.contains(QStringLiteral("CLOSE needs LISTEN")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("ESTABLISHED")), qPrintable(tip));
    }

    void aClickIsAUserCallThatChangesStateAndIsReplayed()
    {
        SessionController controller(freePlayScenario());
        ControlsPanel panel(controller);
        QTest::mouseClick(panel.button(Side::Server, CallKind::Listen), Qt::LeftButton);
        QVERIFY(traceHas(controller.trace(), TraceKind::UserCall, Side::Server,
                         [](const TraceEvent &e) { return e.call == CallKind::Listen && e.callOk; }));
        QVERIFY(traceHas(controller.trace(), TraceKind::StateChanged, Side::Server, [](const TraceEvent &e) {
            return e.from == TcpState::Closed && e.to == TcpState::Listen;
        }));
        QVERIFY(!panel.button(Side::Server, CallKind::Listen)->isEnabled());
        QVERIFY(panel.button(Side::Server, CallKind::Close)->isEnabled());
        checkEnabled(panel, controller, Side::Server);

        controller.seek(5 * kMillisecond);
        QTest::mouseClick(panel.button(Side::Client, CallKind::Connect), Qt::LeftButton);
        QCOMPARE(controller.session().endpoint(Side::Client).state(), TcpState::SynSent);
        checkEnabled(panel, controller, Side::Client);
        // The handshake completes on its own; then SEND carries the line edit's bytes.
        controller.seek(500 * kMillisecond);
        QCOMPARE(controller.session().endpoint(Side::Client).state(), TcpState::Established);
        QVERIFY(panel.button(Side::Client, CallKind::Send)->isEnabled());
        panel.dataEdit(Side::Client)->setText(QStringLiteral("hi there"));
        QTest::mouseClick(panel.button(Side::Client, CallKind::Send), Qt::LeftButton);
        QVERIFY(traceHas(controller.trace(), TraceKind::SegmentSent, Side::Client, [](const TraceEvent &e) {
            return std::string(e.segment.payload.begin(), e.segment.payload.end()) == "hi there";
        }));
        controller.seek(700 * kMillisecond);
        const std::vector<TraceEvent> ahead = controller.trace().events();

        // Stepping back replays the clicks (they are intents): the trace is the same up to there.
        controller.seek(400 * kMillisecond);
        QCOMPARE(controller.session().endpoint(Side::Client).state(), TcpState::Established);
        QCOMPARE(controller.session().endpoint(Side::Server).state(), TcpState::Established);
        const Trace &replayed = controller.trace();
        QVERIFY(replayed.size() > 4);
        for (std::size_t i = 0; i < replayed.size(); ++i) {
            QCOMPARE(replayed[i].kind, ahead[i].kind);
            QCOMPARE(replayed[i].t, ahead[i].t);
        }
        checkEnabled(panel, controller, Side::Client);
        checkEnabled(panel, controller, Side::Server);
        controller.jumpToStart();
        QCOMPARE(controller.session().endpoint(Side::Client).state(), TcpState::Closed);
        checkEnabled(panel, controller, Side::Client);
        QVERIFY(!panel.resultText().isEmpty());
    }

    void buttonsFollowTheEndpointsStateAtEveryStep()
    {
        SessionController controller(defaultScenario());
        ControlsPanel panel(controller);
        for (int step = 0; step < 200 && controller.currentTime() < controller.endTime(); ++step) {
            controller.stepForward();
            checkEnabled(panel, controller, Side::Client);
            checkEnabled(panel, controller, Side::Server);
        }
    }
};

QTEST_MAIN(TestControlsPanel)
#include "test_controls_panel.moc"
