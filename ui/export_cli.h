#pragma once
// `tcplab --export FILE`: runs the session to its end, writes FILE in the format its extension names, and
// exits, with no window on the screen. For teachers who build slides and handouts from a script.
#include "ui/export_format.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QSize>
#include <QString>

#include <optional>

namespace tcplab::ui {

class MainWindow;

class ExportCommandLine {
    Q_DECLARE_TR_FUNCTIONS(ExportCommandLine)

public:
    static QCommandLineOption option();
    // --export-theme print|screen: light colours for paper (the default), or the window's theme.
    static QCommandLineOption coloursOption();
    static std::optional<ExportColours> parseColours(const QString &name);
    // The exit status: 0 written, 1 the file could not be written, 2 an extension no format has. Errors go
    // to stderr, naming the file.
    static int run(MainWindow &window, const QString &fileName, QSize windowSize = QSize(1600, 1000),
                   ExportColours colours = ExportColours::Print);
};

} // namespace tcplab::ui
