// The packet inspector shows the selected segment's header fields as the trace has them and its exact wire
// bytes (encodeSegment, RFC 9293 §3.1); pointing at a field highlights the bytes wireLayout gives for it.
#include "ui/hex_view.h"
#include "ui/packet_inspector.h"
#include "ui/session_controller.h"

#include "tcp/wire.h"

#include <QTreeWidget>
#include <QtTest>

using namespace tcplab;
using namespace tcplab::ui;

namespace {

// Steps forward until a segment with these flags has been sent; its SegmentSent event.
std::optional<TraceEvent> stepToSegment(SessionController &controller, std::uint8_t flags)
{
    for (int i = 0; i < 200; ++i) {
        for (const TraceEvent &event : controller.trace().events())
            if (event.kind == TraceKind::SegmentSent && event.segment.flags == flags) return event;
        controller.stepForward();
    }
    return std::nullopt;
}

QString value(const PacketInspector &inspector, const QString &key)
{
    const QTreeWidgetItem *item = inspector.fieldItem(key);
    return item ? item->text(1) : QStringLiteral("<no row %1>").arg(key);
}

const WireField *layoutField(const Segment &segment, std::string_view name)
{
    static std::vector<WireField> fields;
    fields = wireLayout(segment);
    for (const WireField &field : fields)
        if (field.name == name) return &field;
    return nullptr;
}

} // namespace

class TestPacketInspector : public QObject {
    Q_OBJECT

private slots:
    void showsTheSelectedSegmentsFieldsAndWireBytes()
    {
        SessionController controller(defaultScenario());
        PacketInspector inspector(controller);
        const auto synAck = stepToSegment(controller, kSyn | kAck);
        QVERIFY(synAck);
        controller.selectSegment(synAck->segmentId);
        QCOMPARE(inspector.shownSegment(), synAck->segmentId);

        const Segment &s = synAck->segment;
        const std::vector<std::uint8_t> wire = encodeSegment(s);
        QCOMPARE(inspector.hexView()->bytes(),
                 QByteArray(reinterpret_cast<const char *>(wire.data()), qsizetype(wire.size())));
        QCOMPARE(value(inspector, "srcPort"), QString::number(s.srcPort));
        QCOMPARE(value(inspector, "dstPort"), QString::number(s.dstPort));
        QCOMPARE(value(inspector, "seq"), QString::number(s.seq));
        QCOMPARE(value(inspector, "ack"), QString::number(s.ack));
        QCOMPARE(value(inspector, "window"), QString::number(s.window));
        QCOMPARE(value(inspector, "urgentPointer"), QString::number(s.urgentPointer));
        QVERIFY(s.mss);
        QCOMPARE(value(inspector, "mss"), QString::number(*s.mss));
        const unsigned checksum = (unsigned(wire[16]) << 8) | wire[17];
        QCOMPARE(value(inspector, "checksum"), QStringLiteral("0x%1").arg(checksum, 4, 16, QChar('0')));
        QVERIFY(value(inspector, "dataOffset").startsWith(QString::number(wire[12] >> 4)));
        // The SYN,ACK's seq is the server's ISN (relative 0); its ack is the client's ISN + 1 (relative 1):
        // a SYN takes one sequence number (RFC 9293 §3.4).
        QCOMPARE(value(inspector, "seqRelative"), QStringLiteral("0"));
        QCOMPARE(value(inspector, "ackRelative"), QStringLiteral("1"));
        // Each flag bit as 0/1.
        QCOMPARE(value(inspector, "flag.SYN"), QStringLiteral("1"));
        QCOMPARE(value(inspector, "flag.ACK"), QStringLiteral("1"));
        QCOMPARE(value(inspector, "flag.FIN"), QStringLiteral("0"));
        QCOMPARE(value(inspector, "flag.RST"), QStringLiteral("0"));
        QCOMPARE(value(inspector, "flag.PSH"), QStringLiteral("0"));
        QCOMPARE(value(inspector, "flag.URG"), QStringLiteral("0"));
        QVERIFY(!inspector.fieldItem("flag.SYN")->text(2).isEmpty()); // the one-line explanation
        // The dump: 16 bytes a row with the offset first.
        QCOMPARE(inspector.hexView()->rowCount(), int((wire.size() + 15) / 16));
        QVERIFY(inspector.hexView()->rowText(0).startsWith(
            QStringLiteral("0000  %1 ").arg(wire[0], 2, 16, QChar('0'))));
        QVERIFY(inspector.hexView()->rowText(1).startsWith(QStringLiteral("0010  ")));
    }

    void selectingAFieldRowHighlightsItsBytes()
    {
        SessionController controller(defaultScenario());
        PacketInspector inspector(controller);
        const auto syn = stepToSegment(controller, kSyn);
        QVERIFY(syn);
        inspector.setSegment(syn->segmentId);
        const std::pair<const char *, std::string_view> rows[] = {{"srcPort", "Source port"},
                                                                  {"seq", "Sequence number"},
                                                                  {"ackRelative", "Acknowledgment number"},
                                                                  {"flag.SYN", "Flags"},
                                                                  {"checksum", "Checksum"},
                                                                  {"mss", "Option: maximum segment size"},
                                                                  {"window", "Window"},
                                                                  {"dataOffset", "Data offset"}};
        for (const auto &[key, name] : rows) {
            QTreeWidgetItem *item = inspector.fieldItem(QString::fromLatin1(key));
            QVERIFY2(item, key);
            inspector.fieldTree()->setCurrentItem(item);
            const WireField *field = layoutField(syn->segment, name);
            QVERIFY(field);
            QCOMPARE(inspector.hexView()->highlightOffset(), field->offset);
            QCOMPARE(inspector.hexView()->highlightLength(), field->length);
        }
    }

    void hoveringAFieldRowHighlightsItsBytes()
    {
        SessionController controller(defaultScenario());
        PacketInspector inspector(controller);
        inspector.resize(1200, 500);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        const auto syn = stepToSegment(controller, kSyn);
        QVERIFY(syn);
        inspector.setSegment(syn->segmentId);
        QTreeWidgetItem *item = inspector.fieldItem(QStringLiteral("window"));
        QVERIFY(item);
        // The byte dump may sit under the field list, which then scrolls: bring the row into view first.
        inspector.fieldTree()->scrollToItem(item);
        const QRect rect = inspector.fieldTree()->visualItemRect(item);
        QVERIFY(rect.isValid());
        QTest::mouseMove(inspector.fieldTree()->viewport(), rect.center());
        QCOMPARE(inspector.hexView()->highlightOffset(), layoutField(syn->segment, "Window")->offset);
        QCOMPARE(inspector.hexView()->highlightLength(), 2);
        QVERIFY(inspector.meaningText().contains(item->text(2)));
        // Pointing at a byte in the dump highlights the whole field it belongs to.
        const WireField *seq = layoutField(syn->segment, "Sequence number");
        emit inspector.hexView()->byteHovered(seq->offset + 2);
        QCOMPARE(inspector.hexView()->highlightOffset(), seq->offset);
        QCOMPARE(inspector.hexView()->highlightLength(), seq->length);
    }

    void followsTheLatestSegmentWhenNothingIsSelectedAndSurvivesStepBack()
    {
        SessionController controller(defaultScenario());
        PacketInspector inspector(controller);
        QCOMPARE(inspector.shownSegment(), quint64(0));
        const auto syn = stepToSegment(controller, kSyn);
        QVERIFY(syn);
        QCOMPARE(inspector.shownSegment(), syn->segmentId);
        controller.selectSegment(syn->segmentId);
        controller.jumpToEnd();
        QCOMPARE(inspector.shownSegment(), syn->segmentId);
        controller.jumpToStart();
        // Before the SYN was sent there is nothing to show; stepping forward brings it back.
        if (syn->t > 0) QCOMPARE(inspector.shownSegment(), quint64(0));
        controller.seek(syn->t);
        QCOMPARE(inspector.shownSegment(), syn->segmentId);
    }
};

QTEST_MAIN(TestPacketInspector)
#include "test_packet_inspector.moc"
