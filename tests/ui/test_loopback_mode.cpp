// Loopback mode as a user meets it: the Mode menu switches the same views to the core running over real UDP
// sockets on 127.0.0.1 on the wall clock; the default handshake completes and the diagram shows its SYN,
// SYN+ACK and ACK; a click on the SYN while the link still holds it discards it before it is sent, and the
// client retransmits it (RFC 6298 §5.4); a datagram of random bytes is discarded and changes nothing; a
// UDP port in use gets a message box naming the port, and the simulation stays. Mode ▸ Loopback ports…
// sets the ports: 1024–65535 and different, a port in use named before the dialog closes, and a running
// loopback run restarts on the new ports.
#include "io/loopback_driver.h"
#include "tests/core/loopback_test_socket.h"
#include "ui/loopback_live_driver.h"
#include "ui/loopback_ports_dialog.h"
#include "ui/main_window.h"
#include "ui/mode_menu.h"
#include "ui/sequence_diagram.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"
#include "ui/window_assembly.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QtTest>

#include <algorithm>
#include <vector>

using namespace tcplab;
using namespace tcplab::ui;

namespace {

// The wall clock runs: generous, for a loaded machine.
constexpr int kTimeoutMs = 20000;

using UdpSocket = tcplab::loopback_test::TestSocket;

const TraceEvent *sentEvent(const Trace &trace, std::uint64_t segmentId)
{
    for (const TraceEvent &e : trace.events())
        if (e.kind == TraceKind::SegmentSent && e.segmentId == segmentId) return &e;
    return nullptr;
}

bool bothEstablished(const SessionController &controller)
{
    return controller.endpoint(Side::Client).state() == TcpState::Established &&
           controller.endpoint(Side::Server).state() == TcpState::Established;
}

} // namespace

class TestLoopbackMode : public QObject {
    Q_OBJECT

private:
    void openWindow(MainWindow &window)
    {
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a throw-away place
        QCoreApplication::setOrganizationName(QStringLiteral("tcplab-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_loopback_mode"));
    }

    void init() { QSettings().clear(); }

    void theModeMenuRunsTheHandshakeOverRealSocketsInTheSameViews()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        assembleMainWindow(window, controller);
        openWindow(window);
        auto *modes = window.findChild<ModeMenu *>();
        QVERIFY(modes);
        QVERIFY(modes->simulatedAction()->isChecked());
        QVERIFY(!modes->loopbackAction()->shortcut().isEmpty());
        QVERIFY(!modes->loopbackAction()->toolTip().isEmpty());

        modes->loopbackAction()->trigger();
        QCOMPARE(modes->mode(), ModeMenu::Mode::Loopback);
        QVERIFY(modes->loopbackAction()->isChecked());
        QCOMPARE(QSettings().value(QLatin1String(ModeMenu::kModeKey)).toString(), QStringLiteral("loopback"));
        const LoopbackDriver *driver = modes->loopback().driver();
        QVERIFY(driver);
        // The status bar names the real ports.
        QVERIFY(modes->statusLabel()->isVisible());
        const QString status = modes->statusLabel()->text();
        QVERIFY2(status.contains(QString::number(driver->udpPort(Side::Client))) &&
                     status.contains(QString::number(driver->udpPort(Side::Server))),
                 qPrintable(status));

        controller.play();
        QTRY_VERIFY_WITH_TIMEOUT(bothEstablished(controller), kTimeoutMs);

        // The diagram's model holds the handshake, each segment delivered.
        const Trace &trace = controller.trace();
        QTRY_VERIFY_WITH_TIMEOUT(window.sequenceView().diagram().model().arrows.size() >= 3, kTimeoutMs);
        const auto &arrows = window.sequenceView().diagram().model().arrows;
        const std::uint8_t expected[3] = {kSyn, kSyn | kAck, kAck};
        const Side from[3] = {Side::Client, Side::Server, Side::Client};
        for (int i = 0; i < 3; ++i) {
            const TraceEvent *sent = sentEvent(trace, arrows[std::size_t(i)].segmentId);
            QVERIFY(sent);
            QCOMPARE(int(sent->segment.flags & (kSyn | kAck | kFin | kRst)), int(expected[i]));
            QCOMPARE(arrows[std::size_t(i)].from, from[i]);
        }
        QTRY_VERIFY_WITH_TIMEOUT(window.sequenceView().diagram().model().arrows[2].fate ==
                                     SequenceArrow::Fate::Delivered,
                                 kTimeoutMs);

        // A datagram of random bytes to the server's socket is discarded and changes nothing.
        const std::size_t discardedBefore = driver->stats().datagramsDiscarded;
        UdpSocket stranger;
        stranger.sendTo(driver->udpPort(Side::Server), {0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03});
        QTRY_COMPARE_WITH_TIMEOUT(driver->stats().datagramsDiscarded, discardedBefore + 1, kTimeoutMs);
        const auto discarded =
            std::find_if(trace.events().begin(), trace.events().end(), [](const TraceEvent &e) {
                return e.kind == TraceKind::SegmentDiscarded && e.text.find("7 bytes") != std::string::npos;
            });
        QVERIFY(discarded != trace.events().end());
        QVERIFY(controller.endpoint(Side::Server).state() != TcpState::Closed);

        // Back to the simulation: the views read the simulated session again.
        modes->simulatedAction()->trigger();
        QCOMPARE(modes->mode(), ModeMenu::Mode::Simulated);
        QVERIFY(!modes->statusLabel()->isVisible());
        QCOMPARE(controller.currentTime(), controller.session().now());
    }

    void clickingTheHeldSynDropsItBeforeSendingAndItIsRetransmitted()
    {
        Scenario handshake = defaultScenario();
        handshake.calls.resize(2); // LISTEN, CONNECT: no CLOSE to end the client's retries
        SessionController controller(handshake);
        MainWindow window(controller);
        assembleMainWindow(window, controller);
        openWindow(window);
        auto *modes = window.findChild<ModeMenu *>();
        QVERIFY(modes->setMode(ModeMenu::Mode::Loopback));

        // One step: the client's CONNECT at 10 ms; the link holds its SYN for the 50 ms one-way delay.
        controller.stepForward();
        QTRY_VERIFY_WITH_TIMEOUT(!modes->loopback().inFlight().empty() && !controller.isPlaying(),
                                 kTimeoutMs);
        const InFlight syn = modes->loopback().inFlight().front();
        QVERIFY(syn.segment.has(kSyn));

        SequenceView &view = window.sequenceView();
        view.replot(QCustomPlot::rpImmediateRefresh);
        const auto pixel = view.diagram().packetPixel(syn.segmentId);
        QVERIFY(pixel);
        QTest::mouseClick(&view, Qt::LeftButton, {}, pixel->toPoint());

        const Trace &trace = controller.trace();
        const auto dropped =
            std::find_if(trace.events().begin(), trace.events().end(), [&](const TraceEvent &e) {
                return e.kind == TraceKind::SegmentDropped && e.segmentId == syn.segmentId;
            });
        QVERIFY(dropped != trace.events().end());
        QVERIFY2(dropped->text.find("before sending") != std::string::npos, dropped->text.c_str());
        QCOMPARE(modes->loopback().driver()->stats().datagramsSent, std::uint64_t(0));
        QCOMPARE(view.diagram().model().arrow(syn.segmentId)->fate, SequenceArrow::Fate::Dropped);

        // RFC 6298 §5.4: when the retransmission timer expires, the earliest unacknowledged segment (the
        // SYN) is sent again, after the initial RTO of 1 s (§2.1); then the handshake completes.
        controller.play();
        QTRY_VERIFY_WITH_TIMEOUT(bothEstablished(controller), kTimeoutMs);
        const auto retransmitted =
            std::find_if(trace.events().begin(), trace.events().end(), [](const TraceEvent &e) {
                return e.kind == TraceKind::SegmentSent && e.retransmission && e.segment.has(kSyn) &&
                       !e.segment.has(kAck);
            });
        QVERIFY(retransmitted != trace.events().end());
        QVERIFY(retransmitted->t >= syn.sentAt + kSecond);
    }

    void aPortInUseGetsAMessageNamingItAndTheSimulationStays()
    {
        UdpSocket occupant;
        QSettings().setValue(QLatin1String(ModeMenu::kServerPortKey), occupant.port());
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        assembleMainWindow(window, controller);
        openWindow(window);
        auto *modes = window.findChild<ModeMenu *>();
        modes->loopbackAction()->trigger();
        QCOMPARE(modes->mode(), ModeMenu::Mode::Simulated);
        QVERIFY(modes->simulatedAction()->isChecked());
        QVERIFY(!controller.liveDriver());
        QMessageBox *box = modes->errorBox();
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY2(box->text().contains(QString::number(occupant.port())), qPrintable(box->text()));
        QVERIFY2(box->text().contains(QStringLiteral("in use")), qPrintable(box->text()));
        QVERIFY(QSettings().value(QLatin1String(ModeMenu::kModeKey)).toString() !=
                QStringLiteral("loopback"));
        box->close();
    }

    void thePortsDialogRefusesReservedEqualAndBusyPorts()
    {
        LoopbackPortsDialog dialog(0, 0);
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QCOMPARE(dialog.clientPort(), std::uint16_t(0)); // any free port
        QVERIFY(ok->isEnabled());

        dialog.setPorts(80, 0);
        QVERIFY2(dialog.message().contains(QStringLiteral("80")), qPrintable(dialog.message()));
        QVERIFY(dialog.message().contains(QStringLiteral("1024")));
        QVERIFY(!ok->isEnabled());

        dialog.setPorts(45000, 45000);
        QVERIFY(dialog.message().contains(QStringLiteral("45000")));
        QVERIFY(!ok->isEnabled());

        UdpSocket occupant;
        dialog.setPorts(occupant.port(), 0);
        QVERIFY(ok->isEnabled()); // whether a port is free is asked when OK is pressed
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY2(dialog.message().contains(QString::number(occupant.port())), qPrintable(dialog.message()));
        QVERIFY(dialog.message().contains(QStringLiteral("in use")));
        QVERIFY(dialog.message().contains(QStringLiteral("client")));

        // The boxes as a user types in them: "any free port" turned off, a number typed.
        dialog.findChild<QCheckBox *>(QStringLiteral("clientAnyPort"))->setChecked(false);
        dialog.findChild<QSpinBox *>(QStringLiteral("clientPortSpin"))->setValue(1023);
        QVERIFY(!ok->isEnabled());
        dialog.findChild<QSpinBox *>(QStringLiteral("clientPortSpin"))->setValue(65535);
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.clientPort(), std::uint16_t(65535));
    }

    void thePortsDialogSetsThePortsAndRestartsALoopbackRunOnThem()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        assembleMainWindow(window, controller);
        openWindow(window);
        auto *modes = window.findChild<ModeMenu *>();
        QVERIFY(modes->portsAction());
        QVERIFY(modes->menu()->actions().contains(modes->portsAction()));
        QVERIFY(modes->setMode(ModeMenu::Mode::Loopback));
        const std::uint16_t before = modes->loopback().driver()->udpPort(Side::Server);

        // Two ports that are free now: let the kernel pick them, then give them back.
        std::uint16_t client = 0, server = 0;
        {
            UdpSocket a, b;
            client = a.port();
            server = b.port();
        }
        modes->portsAction()->trigger();
        LoopbackPortsDialog *dialog = modes->portsDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        // The run's own port counts as free: it is given up when the run restarts.
        dialog->setPorts(client, before);
        QVERIFY(dialog->inUseProblem().isEmpty());
        dialog->setPorts(client, server);
        dialog->accept();
        QCOMPARE(QSettings().value(QLatin1String(ModeMenu::kClientPortKey)).toUInt(), uint(client));
        QCOMPARE(QSettings().value(QLatin1String(ModeMenu::kServerPortKey)).toUInt(), uint(server));
        QCOMPARE(modes->mode(), ModeMenu::Mode::Loopback);
        QCOMPARE(modes->loopback().driver()->udpPort(Side::Client), client);
        QCOMPARE(modes->loopback().driver()->udpPort(Side::Server), server);
        QVERIFY2(modes->statusLabel()->text().contains(QString::number(server)),
                 qPrintable(modes->statusLabel()->text()));
    }
};

QTEST_MAIN(TestLoopbackMode)
#include "test_loopback_mode.moc"
