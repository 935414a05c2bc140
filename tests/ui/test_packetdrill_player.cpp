// File → Open packetdrill script: a malformed script gives its line and column; a script that runs is drawn
// from its trace (the script as the peer, the core under test), and a mismatch is named with its line and
// marked on the arrow the endpoint sent instead.
#include "ui/diagram_style.h"
#include "ui/packetdrill_player.h"
#include "ui/sequence_diagram.h"

#include <qcustomplot.h>

#include <QListWidget>
#include <QtTest>

#include <memory>

using namespace tcplab;
using namespace tcplab::ui;

namespace {
// A passive open, then the endpoint must answer SYN with SYN+ACK.
const char *const kPassing = R"(--tolerance_usecs=50000
 0.00 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
+0.00 bind(3, ..., ...) = 0
+0.00 listen(3, 1) = 0
+0.00 < S 0:0(0) win 65535 <mss 1460>
+0.00 > S. 0:0(0) ack 1 <...>
+0.05 < . 1:1(0) ack 1 win 65535
+0.00 accept(3, ..., ...) = 4
)";
// The same, but expecting a RST where the endpoint answers SYN+ACK (line 6).
const char *const kFailing = R"(--tolerance_usecs=50000
 0.00 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
+0.00 bind(3, ..., ...) = 0
+0.00 listen(3, 1) = 0
+0.00 < S 0:0(0) win 65535 <mss 1460>
+0.00 > R 0:0(0)
)";
} // namespace

class TestPacketdrillPlayer : public QObject {
    Q_OBJECT

private slots:
    void malformedScriptNamesLineAndColumn()
    {
        QString error;
        std::unique_ptr<PacketdrillPlayer> player(
            PacketdrillPlayer::fromText("0.00 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n+0.1 < Q what\n",
                                        QStringLiteral("bad.pkt"), nullptr, &error));
        QVERIFY(!player);
        QVERIFY2(error.contains(QStringLiteral("bad.pkt:2:")), qPrintable(error));
    }

    void passingScriptIsDrawnFromItsTrace()
    {
        QString error;
        std::unique_ptr<PacketdrillPlayer> player(
            PacketdrillPlayer::fromText(kPassing, QStringLiteral("ok.pkt"), nullptr, &error));
        QVERIFY2(player, qPrintable(error));
        QVERIFY2(player->result().outcome == packetdrill::ScriptOutcome::Passed,
                 qPrintable(player->summaryText()));
        int sent = 0;
        for (const TraceEvent &event : player->result().trace.events())
            if (event.kind == TraceKind::SegmentSent) ++sent;
        QCOMPARE(int(player->diagram().model().arrows.size()), sent);
        QCOMPARE(player->lineList()->count(), int(player->result().lines.size()));
        QCOMPARE(player->mismatchSegment(), quint64(0));
    }

    void mismatchIsNamedAndMarked()
    {
        QString error;
        std::unique_ptr<PacketdrillPlayer> player(
            PacketdrillPlayer::fromText(kFailing, QStringLiteral("fail.pkt"), nullptr, &error));
        QVERIFY2(player, qPrintable(error));
        QVERIFY(player->result().outcome == packetdrill::ScriptOutcome::Failed);
        QVERIFY2(player->summaryText().contains(QStringLiteral("line 6")), qPrintable(player->summaryText()));
        QVERIFY(player->mismatchSegment() != 0);
        QCOMPARE(player->diagram().selectedSegment(), std::uint64_t(player->mismatchSegment()));
    }

    void plotFollowsTheTheme()
    {
        // Opened under the dark theme, the plot is drawn on dark paper; a later switch to light repaints it.
        style::setCurrent({DiagramScheme::Dark, 1.0});
        std::unique_ptr<PacketdrillPlayer> player(
            PacketdrillPlayer::fromText(kPassing, QStringLiteral("ok.pkt"), nullptr, nullptr));
        QVERIFY(player);
        auto *plot = player->findChild<QCustomPlot *>();
        QVERIFY(plot);
        plot->resize(500, 400);
        const auto paper = [plot] {
            plot->replot(QCustomPlot::rpImmediateRefresh);
            return QColor(plot->toPixmap(plot->width(), plot->height()).toImage().pixel(2, 2)).lightness();
        };
        QVERIFY2(paper() < 60, "dark theme, white plot");
        style::setCurrent({DiagramScheme::Light, 1.0});
        QEvent paletteChange(QEvent::PaletteChange);
        QCoreApplication::sendEvent(player.get(), &paletteChange);
        QVERIFY2(paper() > 200, "light theme, dark plot");
    }
};

QTEST_MAIN(TestPacketdrillPlayer)
#include "test_packetdrill_player.moc"
