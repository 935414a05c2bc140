#include "ui/export_cli.h"

#include "ui/export_format.h"
#include "ui/export_writer.h"
#include "ui/main_window.h"
#include "ui/quiz_controller.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"

#include <cstdio>

namespace tcplab::ui {

QCommandLineOption ExportCommandLine::option()
{
    return QCommandLineOption(
        QStringLiteral("export"),
        tr("Run the session to its end, write it to <file> and exit. The extension picks the format: "
           ".png .svg .pdf (the diagram), .jsonl .json .pcap (the trace), .mmd (Mermaid), .puml (PlantUML)."),
        tr("file"));
}

QCommandLineOption ExportCommandLine::coloursOption()
{
    return QCommandLineOption(QStringLiteral("export-theme"),
                              tr("Colours of an exported picture: print (light, for paper; the default) or "
                                 "screen (the theme of this run, see --theme)."),
                              QStringLiteral("print|screen"), QStringLiteral("print"));
}

std::optional<ExportColours> ExportCommandLine::parseColours(const QString &name)
{
    if (name == QLatin1String("print")) return ExportColours::Print;
    if (name == QLatin1String("screen")) return ExportColours::Screen;
    return std::nullopt;
}

int ExportCommandLine::run(MainWindow &window, const QString &fileName, QSize windowSize,
                           ExportColours colours)
{
    const auto format = exportFormatForFile(fileName);
    if (!format) {
        std::fprintf(stderr, "tcplab: %s\n",
                     qPrintable(tr("cannot export %1: unknown extension (use one of %2)")
                                    .arg(fileName, exportSuffixes().join(QLatin1Char(' ')))));
        return 2;
    }
    // The whole session: a lesson's quiz would otherwise stop the run at its first question.
    if (auto *quiz = window.findChild<QuizController *>()) quiz->setEnabled(false);
    window.controller().jumpToEnd();
    // Laid out as on a screen, so that the picture is the one the window would show, but never shown.
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.resize(windowSize);
    window.show();
    QCoreApplication::processEvents();
    window.sequenceView().replot(QCustomPlot::rpImmediateRefresh);
    ExportWriter writer(window.controller(), window.sequenceView());
    writer.setColours(colours);
    const QString error = writer.write(fileName, *format, ExportScope::WholeSession);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "tcplab: %s\n", qPrintable(error));
        return 1;
    }
    return 0;
}

} // namespace tcplab::ui
