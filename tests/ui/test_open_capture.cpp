// File ▸ Open capture: a pcap (or pcapng) is read, its TCP connections listed in the dialog, and the one
// picked is stepped through in the main window's views as a recorded trace, with both ends' states
// reconstructed by the core's rules (RFC 9293 §3.3.2), retransmissions and gaps flagged. A damaged file
// gets a message that names it and says what is wrong, and what could be read is still shown.
#include "sim/session.h"
#include "trace/pcap_writer.h"
#include "ui/capture_dialog.h"
#include "ui/capture_segment_list.h"
#include "ui/capture_ui.h"
#include "ui/main_window.h"
#include "ui/packet_inspector.h"
#include "ui/sequence_diagram.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"
#include "ui/state_diagram_widget.h"
#include "ui/window_assembly.h"

#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace tcplab;
using namespace tcplab::ui;

namespace {

std::vector<TraceEvent> sentSegments(const Trace &trace)
{
    std::vector<TraceEvent> out;
    for (const TraceEvent &event : trace.events())
        if (event.kind == TraceKind::SegmentSent) out.push_back(event);
    return out;
}

std::vector<TcpState> statesOf(const Trace &trace, Side side)
{
    std::vector<TcpState> states;
    for (const TraceEvent &event : trace.events())
        if (event.kind == TraceKind::StateChanged && event.side == side) states.push_back(event.to);
    return states;
}

Trace defaultSessionTrace()
{
    Session session(defaultScenario());
    session.runToEnd();
    return session.trace();
}

bool writeFile(const QString &path, const std::vector<std::uint8_t> &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return false;
    return file.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size())) ==
           qint64(bytes.size());
}

void putLe16(std::vector<std::uint8_t> &out, std::uint16_t v)
{
    out.push_back(std::uint8_t(v));
    out.push_back(std::uint8_t(v >> 8));
}

void putLe32(std::vector<std::uint8_t> &out, std::uint32_t v)
{
    putLe16(out, std::uint16_t(v));
    putLe16(out, std::uint16_t(v >> 16));
}

void putBlock(std::vector<std::uint8_t> &out, std::uint32_t type, std::vector<std::uint8_t> body)
{
    while (body.size() % 4)
        body.push_back(0);
    const auto length = std::uint32_t(body.size() + 12);
    putLe32(out, type);
    putLe32(out, length);
    out.insert(out.end(), body.begin(), body.end());
    putLe32(out, length);
}

// The same packets as a pcapng file, as Wireshark saves by default: a section, one raw-IP interface with
// nanosecond timestamps, one Enhanced Packet Block per packet.
std::vector<std::uint8_t> asPcapng(const PcapCapture &capture)
{
    std::vector<std::uint8_t> out, body;
    putLe32(body, 0x1a2b3c4d);
    putLe16(body, 1);
    putLe16(body, 0);
    putLe32(body, 0xffffffff);
    putLe32(body, 0xffffffff);
    putBlock(out, 0x0a0d0d0a, body);
    body.clear();
    putLe16(body, std::uint16_t(capture.linkType));
    putLe16(body, 0);
    putLe32(body, 0);
    putLe16(body, 9); // if_tsresol: 10^-9
    putLe16(body, 1);
    body.insert(body.end(), {9, 0, 0, 0});
    putLe32(body, 0); // opt_endofopt
    putBlock(out, 1, body);
    for (const PcapRecord &record : capture.packets) {
        body.clear();
        const auto ns = std::uint64_t(record.tNs);
        putLe32(body, 0);
        putLe32(body, std::uint32_t(ns >> 32));
        putLe32(body, std::uint32_t(ns));
        putLe32(body, std::uint32_t(record.data.size()));
        putLe32(body, record.originalLength);
        body.insert(body.end(), record.data.begin(), record.data.end());
        putBlock(out, 6, body);
    }
    return out;
}

// The main window as the program assembles it, with the capture UI told there is no user to ask.
struct WholeWindow {
    SessionController controller{defaultScenario()};
    MainWindow window{controller};
    WholeWindow() { assembleMainWindow(window, controller); }
    CaptureUi &captureUi()
    {
        CaptureUi &ui = *window.findChild<CaptureUi *>();
        ui.setInteractive(false);
        return ui;
    }
};

} // namespace

class TestOpenCapture : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Opens `file` (connection `index`) through the dialog's choice, as a user would.
    static bool openThroughDialog(CaptureUi &ui, const CaptureFile &file, int index)
    {
        CaptureDialog dialog(file);
        dialog.selectConnection(index);
        return ui.openConnection(file, dialog.selectedConnection(), dialog.timeAxis());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("tcplab-test"));
        QCoreApplication::setApplicationName(QStringLiteral("open-capture"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QSettings().clear();
    }

    void theMenuOffersOpenCaptureWithCtrlO()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        assembleMainWindow(window, controller);
        auto *ui = window.findChild<CaptureUi *>();
        QVERIFY(ui);
        QCOMPARE(ui->openAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_O));
        QVERIFY(ui->openAction()->toolTip().contains(QStringLiteral("pcap")));
        QVERIFY(!ui->openAction()->text().isEmpty());
    }

    void aSessionsCaptureShowsEverySegmentAndTheReconstructedStates()
    {
        const Trace original = defaultSessionTrace();
        const QString file = path(QStringLiteral("session.pcap"));
        QVERIFY(writeFile(file, traceToPcap(original)));

        WholeWindow whole;
        SessionController &controller = whole.controller;
        MainWindow &window = whole.window;
        CaptureUi &ui = whole.captureUi();

        const CaptureFile capture = CaptureFile::load(file);
        QVERIFY(capture.readable());
        QVERIFY2(capture.problems().isEmpty(), qPrintable(capture.problems().join(QLatin1Char('\n'))));
        CaptureDialog dialog(capture);
        QCOMPARE(dialog.connectionList()->topLevelItemCount(), 1);
        QVERIFY(dialog.connectionList()->topLevelItem(0)->text(1).contains(QStringLiteral(":40000")));
        QVERIFY(dialog.connectionList()->topLevelItem(0)->text(2).contains(QStringLiteral(":80")));
        QVERIFY(openThroughDialog(ui, capture, 0));
        QVERIFY(controller.isRecorded());
        QVERIFY(ui.dock()->isVisibleTo(&window));

        controller.jumpToEnd();
        const std::vector<TraceEvent> expected = sentSegments(original);
        const std::vector<TraceEvent> shown = sentSegments(controller.trace());
        QCOMPARE(shown.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(shown[i].side, expected[i].side);
            QCOMPARE(shown[i].segment.flags, expected[i].segment.flags);
            QCOMPARE(shown[i].segment.seq, expected[i].segment.seq);
            QCOMPARE(shown[i].segment.ack, expected[i].segment.ack);
            const auto &got = shown[i].segment.payload, &want = expected[i].segment.payload;
            QCOMPARE(std::vector<std::uint8_t>(got.begin(), got.end()),
                     std::vector<std::uint8_t>(want.begin(), want.end()));
        }
        // The diagram draws one delivered arrow per captured segment.
        const SequenceModel &model = window.sequenceView().diagram().model();
        QCOMPARE(model.arrows.size(), expected.size());
        for (const SequenceArrow &arrow : model.arrows)
            QCOMPARE(arrow.fate, SequenceArrow::Fate::Delivered);

        // RFC 9293 §3.3.2 (Figure 5): the active closer passes FIN-WAIT-1, FIN-WAIT-2 and TIME-WAIT; the
        // passive one CLOSE-WAIT and LAST-ACK. Timers do not run past the last segment, so TIME-WAIT stays.
        const std::vector<TcpState> client = statesOf(controller.trace(), Side::Client);
        const std::vector<TcpState> server = statesOf(controller.trace(), Side::Server);
        QCOMPARE(client, (std::vector<TcpState>{TcpState::SynSent, TcpState::Established, TcpState::FinWait1,
                                                TcpState::FinWait2, TcpState::TimeWait}));
        QCOMPARE(server, (std::vector<TcpState>{TcpState::Listen, TcpState::SynRcvd, TcpState::Established,
                                                TcpState::CloseWait, TcpState::LastAck, TcpState::Closed}));
        auto *states = window.findChild<StateDiagramWidget *>();
        QVERIFY(states);
        QCOMPARE(states->highlightedState(Side::Client), TcpState::TimeWait);

        // Stepping back works on a recording as on a session: the trace is cut to a prefix.
        controller.jumpToStart();
        QVERIFY(sentSegments(controller.trace()).empty());
        controller.stepForward();
        QCOMPARE(sentSegments(controller.trace()).size(), std::size_t(1));
        QVERIFY(sentSegments(controller.trace()).front().segment.has(kSyn));
        // A recording takes no intents.
        QVERIFY(!controller.call(Side::Client, CallKind::Close).ok);

        // The segment list: one row per segment, picking one selects its arrow for the inspector.
        CaptureSegmentList &rows = *ui.segmentList();
        QCOMPARE(rows.rowCount(), int(expected.size()));
        QCOMPARE(rows.text(0, CaptureSegmentList::Flags), QStringLiteral("SYN"));
        rows.tree()->setCurrentIndex(rows.tree()->model()->index(2, 0));
        QCOMPARE(controller.selectedSegment(), quint64(3));
        QCOMPARE(window.findChild<PacketInspector *>()->shownSegment(), quint64(3));

        // Opening a lesson or scenario ends the recording.
        controller.loadScenario(defaultScenario());
        QVERIFY(!controller.isRecorded());
        QVERIFY(!ui.dock()->isVisibleTo(&window));
    }

    void aRetransmissionAndAGapAreFlagged()
    {
        // The link loses the client's first data segment: the capture at the sender sees it twice.
        Scenario scenario = defaultScenario();
        LinkRule lose;
        lose.from = Side::Client;
        lose.flagsMask = kPsh;
        lose.flagsValue = kPsh;
        lose.count = 1;
        scenario.link.rules.push_back(lose);
        Session session(scenario);
        session.runToEnd();
        const Trace trace = session.trace();
        // Leave the server's first data segment out of the capture: its bytes are a gap.
        PcapWriter writer;
        bool skipped = false;
        for (const TraceEvent &event : trace.events()) {
            if (event.kind != TraceKind::SegmentSent) continue;
            if (!skipped && event.side == Side::Server && !event.segment.payload.empty()) {
                skipped = true;
                continue;
            }
            writer.addSegment(event.t, event.segment);
        }
        QVERIFY(skipped);
        const QString file = path(QStringLiteral("loss.pcap"));
        QVERIFY(writeFile(file, writer.bytes()));

        WholeWindow whole;
        SessionController &controller = whole.controller;
        MainWindow &window = whole.window;
        CaptureUi &ui = whole.captureUi();
        QVERIFY(ui.openFile(file));
        const OpenedConversation *opened = ui.opened();
        QVERIFY(opened);
        const auto retransmitted =
            std::find_if(opened->rows.begin(), opened->rows.end(),
                         [](const CaptureSegmentRow &row) { return row.retransmission; });
        QVERIFY(retransmitted != opened->rows.end());
        QCOMPARE(retransmitted->from, Side::Client);
        QVERIFY(retransmitted->payloadLength > 0);
        const int retransmittedRow = int(retransmitted - opened->rows.begin());
        const auto gap = std::find_if(opened->rows.begin(), opened->rows.end(),
                                      [](const CaptureSegmentRow &row) { return row.gapBytes > 0; });
        QVERIFY(gap != opened->rows.end());
        QCOMPARE(gap->from, Side::Server);
        // Flagged where people look: the remark column and the arrow drawn as a retransmission.
        const CaptureSegmentList &rows = *ui.segmentList();
        QVERIFY(rows.text(retransmittedRow, CaptureSegmentList::Remark)
                    .contains(QStringLiteral("retransmission")));
        const int gapRow = int(gap - opened->rows.begin());
        QVERIFY(rows.text(gapRow, CaptureSegmentList::Remark).contains(QStringLiteral("gap")));
        // The colour Wireshark gives retransmissions, where people see it.
        QCOMPARE(rows.tree()->model()->index(retransmittedRow, 0).data(Qt::BackgroundRole).value<QColor>(),
                 QColor(255, 224, 178));
        controller.jumpToEnd();
        QVERIFY(window.sequenceView().diagram().model().arrows[std::size_t(retransmittedRow)].retransmission);
    }

    void aTruncatedCaptureNamesTheFileAndShowsWhatWasRead()
    {
        std::vector<std::uint8_t> bytes = traceToPcap(defaultSessionTrace());
        const PcapCapture full = readPcap(bytes);
        QVERIFY(full.packets.size() > 5);
        // Cut in the middle of the fifth packet.
        bytes.resize(std::size_t(full.packets[4].offset + kPcapRecordHeaderSize + 10));
        const QString file = path(QStringLiteral("cut-short.pcap"));
        QVERIFY(writeFile(file, bytes));

        WholeWindow whole;
        SessionController &controller = whole.controller;
        CaptureUi &ui = whole.captureUi();
        QVERIFY(ui.openFile(file));
        QVERIFY(ui.lastMessage().contains(QStringLiteral("cut-short.pcap")));
        QVERIFY2(ui.lastMessage().contains(QStringLiteral("packet 5")), qPrintable(ui.lastMessage()));
        QVERIFY(ui.lastMessage().contains(QStringLiteral("4 packets")));
        controller.jumpToEnd();
        QCOMPARE(sentSegments(controller.trace()).size(), std::size_t(4));
        QCOMPARE(ui.segmentList()->rowCount(), 4);
        // The dialog shows the same problem above the list.
        CaptureDialog dialog(*ui.file());
        QVERIFY(dialog.problemText().contains(QStringLiteral("packet 5")));
    }

    void somethingThatIsNoCaptureIsRefusedWithItsName()
    {
        const QString file = path(QStringLiteral("notes.txt"));
        QVERIFY(writeFile(file, {'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd', '\n'}));
        WholeWindow whole;
        SessionController &controller = whole.controller;
        CaptureUi &ui = whole.captureUi();
        QVERIFY(!ui.openFile(file));
        QVERIFY(ui.lastMessage().contains(QStringLiteral("notes.txt")));
        QVERIFY(ui.lastMessage().contains(QStringLiteral("magic")));
        QVERIFY(!controller.isRecorded());
        QVERIFY(!ui.openFile(path(QStringLiteral("does-not-exist.pcap"))));
        QVERIFY(ui.lastMessage().contains(QStringLiteral("does-not-exist.pcap")));
    }

    void aPcapngCaptureOpensLikeItsPcap()
    {
        const std::vector<std::uint8_t> pcap = traceToPcap(defaultSessionTrace());
        const PcapCapture records = readPcap(pcap);
        const QString file = path(QStringLiteral("session.pcapng"));
        QVERIFY(writeFile(file, asPcapng(records)));
        const CaptureFile capture = CaptureFile::load(file);
        QVERIFY2(capture.problems().isEmpty(), qPrintable(capture.problems().join(QLatin1Char('\n'))));
        QVERIFY(capture.converted());
        QCOMPARE(capture.capture().packets.size(), records.packets.size());
        for (std::size_t i = 0; i < records.packets.size(); ++i) {
            QCOMPARE(capture.capture().packets[i].data, records.packets[i].data);
            QCOMPARE(capture.capture().packets[i].tUs(), records.packets[i].tUs());
        }
        QCOMPARE(capture.conversations().size(), std::size_t(1));

        // A pcapng cut short: the blocks before the damage are read.
        std::vector<std::uint8_t> cut = asPcapng(records);
        cut.resize(cut.size() - 7);
        const CaptureFile damaged = CaptureFile::fromBytes(QStringLiteral("cut.pcapng"), cut);
        QVERIFY(damaged.readable());
        QCOMPARE(damaged.capture().packets.size(), records.packets.size() - 1);
        QVERIFY(damaged.damageMessage().contains(QStringLiteral("cut.pcapng")));
        QVERIFY(damaged.damageMessage().contains(QStringLiteral("truncated")));
    }

    // A real capture from tcpdump on Linux's `lo` (tests/data/captures): the kernel leaves the checksum to
    // the card there, so no segment may read "bad checksum"; Linux negotiated window scaling (RFC 7323),
    // which the summary says; both ends' states come out as RFC 9293 §3.3.2 has them and no segment is
    // flagged as one the core would not send.
    void aRealLinuxLoopbackCaptureReplaysWithoutFalseAlarms()
    {
        const QString file = QFINDTESTDATA("../data/captures/linux-lo-transfer.pcap");
        QVERIFY(!file.isEmpty());
        WholeWindow whole;
        SessionController &controller = whole.controller;
        CaptureUi &ui = whole.captureUi();
        QVERIFY2(ui.openFile(file), qPrintable(ui.lastMessage()));
        QVERIFY2(ui.lastMessage().isEmpty(), qPrintable(ui.lastMessage()));

        CaptureSegmentList &list = *ui.segmentList();
        QCOMPARE(list.rowCount(), 11);
        int offloaded = 0;
        for (int i = 0; i < list.rowCount(); ++i) {
            const QString remark = list.text(i, CaptureSegmentList::Remark);
            QVERIFY2(!remark.contains(QStringLiteral("bad")), qPrintable(remark));
            QVERIFY2(!remark.contains(QStringLiteral("not what the core would send")), qPrintable(remark));
            offloaded += remark.contains(QStringLiteral("offloaded"));
        }
        QCOMPARE(offloaded, 10); // the last ACK came from the TIME-WAIT path with a full checksum
        const QString summary = list.summaryText();
        QVERIFY2(summary.contains(QStringLiteral("0 not as the core would send")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("window scaling")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("client TIME_WAIT, server CLOSED")), qPrintable(summary));

        controller.jumpToEnd();
        const std::vector<TcpState> client = statesOf(controller.trace(), Side::Client);
        const std::vector<TcpState> server = statesOf(controller.trace(), Side::Server);
        QCOMPARE(client, (std::vector<TcpState>{TcpState::SynSent, TcpState::Established, TcpState::FinWait1,
                                                TcpState::FinWait2, TcpState::TimeWait}));
        QCOMPARE(server, (std::vector<TcpState>{TcpState::Listen, TcpState::SynRcvd, TcpState::Established,
                                                TcpState::CloseWait, TcpState::LastAck, TcpState::Closed}));
    }

    void recentCapturesAreRemembered()
    {
        const QString file = path(QStringLiteral("recent.pcap"));
        QVERIFY(writeFile(file, traceToPcap(defaultSessionTrace())));
        WholeWindow whole;
        CaptureUi &ui = whole.captureUi();
        QVERIFY(ui.openFile(file));
        QCOMPARE(ui.recentFiles().value(0), QFileInfo(file).absoluteFilePath());
        QVERIFY(ui.recentMenu()->isEnabled());
        QCOMPARE(ui.recentMenu()->actions().value(0)->text(), QStringLiteral("recent.pcap"));
    }
};

QTEST_MAIN(TestOpenCapture)
#include "test_open_capture.moc"
