// The exports are valid files: the SVG parses and renders, the PNG has the size asked for, the PDF renders
// with pdftoppm, the Mermaid text has one message per segment sent, the pcap decodes with tshark into as
// many TCP segments, the JSON lines one line per event; a write that fails names the file and leaves none.
#include "ui/diagram_style.h"
#include "ui/export_format.h"
#include "ui/export_menu.h"
#include "ui/export_writer.h"
#include "ui/main_window.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"
#include "ui/theme.h"

#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace tcplab;
using namespace tcplab::ui;

namespace {

int segmentsSent(const Trace &trace)
{
    int n = 0;
    for (const TraceEvent &event : trace.events())
        n += event.kind == TraceKind::SegmentSent;
    return n;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExports : public QObject {
    Q_OBJECT

private:
    SessionController *m_controller = nullptr;
    MainWindow *m_window = nullptr;
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    ExportWriter writer() const { return ExportWriter(*m_controller, m_window->sequenceView()); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        m_controller = new SessionController(defaultScenario());
        m_window = new MainWindow(*m_controller);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_controller->jumpToEnd();
        QVERIFY(segmentsSent(m_controller->trace()) >= 7);
    }

    void cleanupTestCase()
    {
        delete m_window;
        delete m_controller;
    }

    void extensionPicksTheFormat()
    {
        QCOMPARE(exportFormatForFile(QStringLiteral("a.PNG")), ExportFormat::Png);
        QCOMPARE(exportFormatForFile(QStringLiteral("a.svg")), ExportFormat::Svg);
        QCOMPARE(exportFormatForFile(QStringLiteral("a.pdf")), ExportFormat::Pdf);
        QCOMPARE(exportFormatForFile(QStringLiteral("a.jsonl")), ExportFormat::JsonLines);
        QCOMPARE(exportFormatForFile(QStringLiteral("a.json")), ExportFormat::JsonLines);
        QCOMPARE(exportFormatForFile(QStringLiteral("a.pcap")), ExportFormat::Pcap);
        QCOMPARE(exportFormatForFile(QStringLiteral("a.mmd")), ExportFormat::Mermaid);
        QCOMPARE(exportFormatForFile(QStringLiteral("a.puml")), ExportFormat::PlantUml);
        QVERIFY(!exportFormatForFile(QStringLiteral("a.docx")));
        QVERIFY(!exportFormatForFile(QStringLiteral("noextension")));
    }

    void svgParsesAndRenders()
    {
        QVERIFY(writer().write(path(QStringLiteral("d.svg")), ExportFormat::Svg).isEmpty());
        const QByteArray svg = readAll(path(QStringLiteral("d.svg")));
        QXmlStreamReader xml(svg);
        int elements = 0;
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement) ++elements;
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(elements > 50);
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        // The size in points depends on the resolution; the view box is in the picture's pixels.
        QCOMPARE(renderer.viewBox().size(), writer().pictureSize(ExportScope::WholeSession));
        // The arrows' labels are text in the drawing.
        QVERIFY(svg.contains("SYN"));
    }

    void pngHasTheSizeOfTheScope()
    {
        for (ExportScope scope : {ExportScope::WholeSession, ExportScope::VisiblePart}) {
            QVERIFY(writer().write(path(QStringLiteral("d.png")), ExportFormat::Png, scope).isEmpty());
            QImage image(path(QStringLiteral("d.png")));
            QVERIFY(!image.isNull());
            QCOMPARE(image.size(), writer().pictureSize(scope));
        }
        QCOMPARE(writer().pictureSize(ExportScope::VisiblePart), m_window->sequenceView().size());
    }

    void pdfRendersWithPdftoppm()
    {
        QVERIFY(writer().write(path(QStringLiteral("d.pdf")), ExportFormat::Pdf).isEmpty());
        QVERIFY(readAll(path(QStringLiteral("d.pdf"))).startsWith("%PDF-"));
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (pdftoppm.isEmpty()) QSKIP("pdftoppm (poppler-utils) is not installed");
        QProcess process;
        process.start(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("40"),
                                 QStringLiteral("-singlefile"), path(QStringLiteral("d.pdf")),
                                 path(QStringLiteral("pdf"))});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QImage page(path(QStringLiteral("pdf.png")));
        QVERIFY(!page.isNull());
        QVERIFY(page.width() > 100 && page.height() > 100);
    }

    void picturesArePrintColoursUnlessAskedForTheScreens()
    {
        // The window is dark (a teacher's evening theme); the PNG for paper is light, with dark text, and
        // the window is dark again after it. Asked to keep the screen's colours, the PNG is dark.
        style::setCurrent({DiagramScheme::Dark, 1.0});
        styleSequenceView(m_window->sequenceView());
        const auto paperAndInk = [this](ExportColours colours) {
            ExportWriter w = writer();
            w.setColours(colours);
            const QImage image = QImage::fromData(w.render(ExportFormat::Png, ExportScope::WholeSession));
            int dark = 0;
            for (int y = 0; y < image.height(); y += 3)
                for (int x = 0; x < image.width(); x += 3)
                    dark += QColor(image.pixel(x, y)).lightness() < 80;
            return std::make_pair(QColor(image.pixel(3, image.height() - 3)).lightness(), dark);
        };
        const auto [printPaper, printInk] = paperAndInk(ExportColours::Print);
        QVERIFY2(printPaper > 240, qPrintable(QString::number(printPaper)));
        QVERIFY2(printInk > 50, "no dark text on the printed picture");
        QCOMPARE(style::scheme(), DiagramScheme::Dark);
        SequenceView &view = m_window->sequenceView();
        const QImage onScreen = view.toPixmap(view.width(), view.height()).toImage();
        QVERIFY2(QColor(onScreen.pixel(3, onScreen.height() - 3)).lightness() < 60,
                 "the window stayed light");
        const auto [screenPaper, screenInk] = paperAndInk(ExportColours::Screen);
        QVERIFY2(screenPaper < 60, qPrintable(QString::number(screenPaper)));
        style::setCurrent({DiagramScheme::Light, 1.0});
        styleSequenceView(m_window->sequenceView());
    }

    void mermaidNamesEverySegment()
    {
        QVERIFY(writer().write(path(QStringLiteral("d.mmd")), ExportFormat::Mermaid).isEmpty());
        const QList<QByteArray> lines = readAll(path(QStringLiteral("d.mmd"))).split('\n');
        QCOMPARE(lines.value(0), QByteArray("sequenceDiagram"));
        int messages = 0;
        for (const QByteArray &line : lines)
            messages += line.contains("->>") || line.contains("-x");
        QCOMPARE(messages, segmentsSent(m_controller->trace()));
        QVERIFY(lines.contains("    Client->>Server: SYN seq=1000"));
    }

    void plantUmlIsBetweenStartAndEnd()
    {
        QVERIFY(writer().write(path(QStringLiteral("d.puml")), ExportFormat::PlantUml).isEmpty());
        const QByteArray text = readAll(path(QStringLiteral("d.puml")));
        QVERIFY(text.startsWith("@startuml\n"));
        QVERIFY(text.endsWith("@enduml\n"));
    }

    void jsonLinesHaveOneLinePerEvent()
    {
        QVERIFY(writer().write(path(QStringLiteral("d.jsonl")), ExportFormat::JsonLines).isEmpty());
        const QByteArray text = readAll(path(QStringLiteral("d.jsonl")));
        QCOMPARE(qsizetype(text.count('\n')), qsizetype(m_controller->trace().size()));
    }

    void pcapDecodesWithTshark()
    {
        QVERIFY(writer().write(path(QStringLiteral("d.pcap")), ExportFormat::Pcap).isEmpty());
        const QString tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
        if (tshark.isEmpty()) QSKIP("tshark is not installed");
        QProcess process;
        process.start(tshark,
                      {QStringLiteral("-r"), path(QStringLiteral("d.pcap")), QStringLiteral("-T"),
                       QStringLiteral("fields"), QStringLiteral("-e"), QStringLiteral("tcp.seq_raw")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QList<QByteArray> rows = process.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(int(rows.size()), segmentsSent(m_controller->trace()));
        QCOMPARE(rows.value(0), QByteArray("1000"));
    }

    void aFailedWriteNamesTheFileAndLeavesNone()
    {
        const QString bad = path(QStringLiteral("no-such-folder/d.svg"));
        const QString error = writer().write(bad, ExportFormat::Svg);
        QVERIFY(error.contains(QStringLiteral("d.svg")));
        QVERIFY(!QFile::exists(bad));
    }

    void theMenuExportsAndReportsTheFile()
    {
        ExportMenu menu(*m_controller, m_window->sequenceView());
        QSignalSpy spy(&menu, &ExportMenu::exported);
        QVERIFY(menu.exportTo(path(QStringLiteral("m.mmd")), ExportFormat::Mermaid, true));
        QCOMPARE(spy.count(), 1);
        QVERIFY(!menu.exportTo(path(QStringLiteral("no-such-folder/m.mmd")), ExportFormat::Mermaid, true));
        QCOMPARE(spy.count(), 1);
        QVERIFY(menu.actionFor(ExportFormat::Pcap));
        QVERIFY(!menu.actionFor(ExportFormat::Pdf)->text().isEmpty());
    }
};

QTEST_MAIN(TestExports)
#include "test_exports.moc"
