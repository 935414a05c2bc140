// tcplab: the GUI. Command-line parsing only; everything else is in ui/ and core/.
#include "sim/scenario.h"
#include "ui/capture_ui.h"
#include "ui/desktop_integration.h"
#include "ui/export_cli.h"
#include "ui/glossary_panel.h"
#include "ui/kernel_lab.h"
#include "ui/lesson_ui.h"
#include "ui/loopback_live_driver.h"
#include "ui/main_window.h"
#include "ui/mode_menu.h"
#include "ui/presentation_mode.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"
#include "ui/theme.h"
#include "ui/translation_loader.h"
#include "ui/window_assembly.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QGuiApplication>
#include <QPixmap>
#include <QScreen>
#include <QSignalBlocker>
#include <QStringList>

#include <cstdio>
#include <optional>

namespace {

// --lang is read before the parser is built, so that --help is already in the chosen language.
QString languageArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == QLatin1String("--lang") && i + 1 < arguments.size()) return arguments[i + 1];
        if (argument.startsWith(QLatin1String("--lang="))) return argument.mid(7);
    }
    return {};
}

int fail(const QString &message)
{
    std::fprintf(stderr, "tcplab: %s\n", qPrintable(message));
    return 1;
}

std::optional<QSize> parseSize(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    if (parts.size() != 2) return std::nullopt;
    bool okWidth = false, okHeight = false;
    const int width = parts[0].toInt(&okWidth);
    const int height = parts[1].toInt(&okHeight);
    if (!okWidth || !okHeight || width < 320 || height < 240) return std::nullopt;
    return QSize(width, height);
}

// Runs the session until segment `id` is half-way across, and drops it there.
bool dropHalfWay(tcplab::ui::SessionController &controller, quint64 id)
{
    while (controller.currentTime() < controller.endTime()) {
        for (const tcplab::InFlight &flight : controller.session().inFlight()) {
            if (flight.segmentId != id) continue;
            controller.seek(flight.sentAt + (flight.arrival - flight.sentAt) / 2);
            return controller.dropSegment(id);
        }
        controller.stepForward();
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tcplab"));
    QApplication::setOrganizationName(QStringLiteral("tcplab"));
    QApplication::setApplicationVersion(QStringLiteral(TCPLAB_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("tcplab"));

    QString language = languageArgument(QCoreApplication::arguments());
    // --lang is for this run only; without it, the language last chosen in the menu, else the system's.
    if (language.isEmpty()) language = tcplab::ui::startupLanguage();
    const bool languageOk = tcplab::ui::isSupportedLanguage(language);
    if (languageOk) tcplab::ui::installTranslation(app, language);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "tcplab — watch TCP open a connection (three-way handshake) and close it (four-way close)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption exportOption = tcplab::ui::ExportCommandLine::option();
    parser.addOption(exportOption);
    const QCommandLineOption exportColoursOption = tcplab::ui::ExportCommandLine::coloursOption();
    parser.addOption(exportColoursOption);
    const QCommandLineOption presentationOption = tcplab::ui::DesktopIntegration::presentationOption();
    parser.addOption(presentationOption);
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("main", "Language of the interface: zh or en (default: the system's)."),
        QStringLiteral("zh|en"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Save a PNG of the main window to <file> and exit."),
        QCoreApplication::translate("main", "file"));
    const QCommandLineOption atOption(
        QStringLiteral("at-us"),
        QCoreApplication::translate(
            "main",
            "With --screenshot: run the session to virtual time <T> microseconds (default: to its end)."),
        QStringLiteral("T"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), QCoreApplication::translate("main", "Seed of the session (default: 1)."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QCoreApplication::translate(
            "main",
            "Timer and ISN settings: teaching (short TIME_WAIT, fixed ISN) or linux (default: teaching)."),
        QStringLiteral("teaching|linux"), QStringLiteral("teaching"));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"),
        QCoreApplication::translate("main", "Window size in pixels (default: 1600x1000)."),
        QStringLiteral("WxH"), QStringLiteral("1600x1000"));
    const QCommandLineOption dropOption(
        QStringLiteral("drop-segment"),
        QCoreApplication::translate(
            "main", "With --screenshot: lose segment <N> half-way on the wire, as a click on it would."),
        QStringLiteral("N"));
    const QCommandLineOption selectOption(
        QStringLiteral("select-segment"),
        QCoreApplication::translate("main", "With --screenshot: select segment <N>, as a click on it would."),
        QStringLiteral("N"));
    const QCommandLineOption relativeOption(
        QStringLiteral("relative-numbers"),
        QCoreApplication::translate("main", "Show sequence numbers relative to each side's ISN."));
    const QCommandLineOption glossaryOption(
        QStringLiteral("show-glossary"),
        QCoreApplication::translate("main",
                                    "Open the glossary of TCP terms (English and Chinese) at start."));
    parser.addOptions({langOption, screenshotOption, atOption, seedOption, profileOption, sizeOption,
                       dropOption, selectOption, relativeOption});
    parser.addOption(glossaryOption);
    const QCommandLineOption lessonOption(
        QStringLiteral("lesson"),
        QCoreApplication::translate("main", "Open the built-in lesson <id> (e.g. handshake, close)."),
        QStringLiteral("id"));
    parser.addOption(lessonOption);
    const QCommandLineOption openCaptureOption(
        QStringLiteral("open-capture"),
        QCoreApplication::translate("main", "Open a pcap or pcapng capture and step through its first TCP "
                                            "connection (or the one picked in the dialog)."),
        QCoreApplication::translate("main", "file"));
    const QCommandLineOption kernelLabOption(
        QStringLiteral("kernel-lab"),
        QCoreApplication::translate("main", "Open the kernel TCP lab; with --screenshot, play the default "
                                            "session's calls on 127.0.0.1 and save a PNG of the lab."));
    parser.addOptions({openCaptureOption, kernelLabOption});
    const QCommandLineOption themeOption(
        QStringLiteral("theme"),
        QCoreApplication::translate("main", "Colours for this run: system, light, dark or contrast (default: "
                                            "the theme last chosen, else the system's)."),
        QStringLiteral("system|light|dark|contrast"));
    parser.addOption(themeOption);
    const QCommandLineOption modeOption(
        QStringLiteral("mode"),
        QCoreApplication::translate("main",
                                    "Run the scenario simulated, or over real UDP sockets on 127.0.0.1 "
                                    "(loopback; with --screenshot, --at-us is wall-clock time)."),
        QStringLiteral("simulated|loopback"));
    parser.addOption(modeOption);
    parser.process(app);

    if (!languageOk)
        return fail(
            QCoreApplication::translate("main", "unknown language '%1' (use zh or en)").arg(language));
    bool seedOk = false;
    const std::uint64_t seed = parser.value(seedOption).toULongLong(&seedOk);
    if (!seedOk) return fail(QCoreApplication::translate("main", "--seed needs a whole number"));
    const QString profileText = parser.value(profileOption);
    if (profileText != QLatin1String("teaching") && profileText != QLatin1String("linux"))
        return fail(QCoreApplication::translate("main", "unknown profile '%1' (use teaching or linux)")
                        .arg(profileText));
    const tcplab::Profile profile =
        profileText == QLatin1String("linux") ? tcplab::Profile::Linux : tcplab::Profile::Teaching;
    std::optional<qint64> at;
    if (parser.isSet(atOption)) {
        bool atOk = false;
        at = parser.value(atOption).toLongLong(&atOk);
        if (!atOk || *at < 0)
            return fail(
                QCoreApplication::translate("main", "--at-us needs a time in microseconds, 0 or more"));
    }
    const auto size = parseSize(parser.value(sizeOption));
    if (!size) return fail(QCoreApplication::translate("main", "--size needs WIDTHxHEIGHT, e.g. 1600x1000"));

    std::optional<tcplab::ui::Theme> theme;
    if (parser.isSet(themeOption)) {
        theme = tcplab::ui::parseTheme(parser.value(themeOption));
        if (!theme)
            return fail(QCoreApplication::translate(
                            "main", "unknown theme '%1' (use system, light, dark or contrast)")
                            .arg(parser.value(themeOption)));
    }

    tcplab::ui::SessionController controller(tcplab::defaultScenario(profile, seed));
    tcplab::ui::MainWindow window(controller);
    tcplab::ui::assembleMainWindow(window, controller);
    // A screenshot or an export shows the defaults, never what this user's settings remember, and changes
    // none of them.
    const bool scripted = parser.isSet(screenshotOption) || parser.isSet(exportOption);
    auto *modes = window.findChild<tcplab::ui::ModeMenu *>();
    const QString modeText = parser.value(modeOption);
    if (parser.isSet(modeOption) && modeText != QLatin1String("simulated") &&
        modeText != QLatin1String("loopback"))
        return fail(QCoreApplication::translate("main", "unknown mode '%1' (use simulated or loopback)")
                        .arg(modeText));
    if (!scripted && !parser.isSet(modeOption)) modes->restoreRememberedMode();
    if (!scripted && modeText == QLatin1String("loopback"))
        modes->setMode(tcplab::ui::ModeMenu::Mode::Loopback);
    auto *lessons = window.findChild<tcplab::ui::LessonUi *>();
    auto *desktop = new tcplab::ui::DesktopIntegration(window, !scripted);
    {
        // --theme and --presentation are for this run only: the remembered theme and zoom stay.
        const QSignalBlocker blocker(&desktop->presentation());
        if (theme) desktop->presentation().setTheme(*theme);
        if (parser.isSet(presentationOption))
            desktop->presentation().present(tcplab::ui::DesktopIntegration::kPresentationZoom, !scripted);
    }
    if (parser.isSet(lessonOption)) {
        if (!lessons->openLesson(parser.value(lessonOption)))
            return fail(QCoreApplication::translate("main", "no built-in lesson '%1'")
                            .arg(parser.value(lessonOption)));
    } else {
        desktop->reopenLastLesson(); // on a first start: the default handshake and close
    }
    if (parser.isSet(openCaptureOption)) {
        auto *capture = window.findChild<tcplab::ui::CaptureUi *>();
        capture->setInteractive(!parser.isSet(screenshotOption));
        if (!capture->openFile(parser.value(openCaptureOption)) && parser.isSet(screenshotOption))
            return fail(capture->lastMessage());
    }
    if (parser.isSet(glossaryOption))
        if (auto *glossary = window.findChild<tcplab::ui::GlossaryPanel *>())
            glossary->toggleAction()->setChecked(true);
    if (parser.isSet(exportOption)) {
        const auto colours = tcplab::ui::ExportCommandLine::parseColours(parser.value(exportColoursOption));
        if (!colours)
            return fail(QCoreApplication::translate("main", "unknown export theme '%1' (use print or screen)")
                            .arg(parser.value(exportColoursOption)));
        return tcplab::ui::ExportCommandLine::run(window, parser.value(exportOption), *size, *colours);
    }

    // For this run only: the remembered setting stays as the user left it.
    if (parser.isSet(relativeOption)) window.sequenceView().setSeqNumbers(tcplab::ui::SeqNumbers::Relative);
    if (parser.isSet(kernelLabOption)) {
        auto *lab = new tcplab::ui::KernelLab(&window);
        lab->resize(*size);
        lab->show();
        if (parser.isSet(screenshotOption)) {
            QEventLoop loop;
            QObject::connect(lab, &tcplab::ui::KernelLab::finishedPlaying, &loop, &QEventLoop::quit);
            lab->playDefaultCalls();
            loop.exec();
            lab->selectFirstSegment();
            QCoreApplication::processEvents();
            const QString file = parser.value(screenshotOption);
            if (!lab->grab().save(file, "PNG"))
                return fail(QCoreApplication::translate("main", "cannot write %1").arg(file));
            return 0;
        }
    }
    if (parser.isSet(screenshotOption)) {
        if (parser.isSet(dropOption)) {
            bool dropOk = false;
            const quint64 id = parser.value(dropOption).toULongLong(&dropOk);
            if (!dropOk || !dropHalfWay(controller, id))
                return fail(QCoreApplication::translate("main", "segment %1 is never on the wire")
                                .arg(parser.value(dropOption)));
        }
        if (parser.isSet(selectOption)) controller.selectSegment(parser.value(selectOption).toULongLong());
        if (modeText == QLatin1String("loopback")) {
            if (!modes->setMode(tcplab::ui::ModeMenu::Mode::Loopback))
                return fail(modes->loopback().lastError());
            modes->playUntil(at.value_or(-1));
        } else if (at)
            controller.seek(*at);
        else
            controller.jumpToEnd();
        window.resize(*size);
        window.show();
        QCoreApplication::processEvents();
        window.sequenceView().replot(QCustomPlot::rpImmediateRefresh);
        const QString file = parser.value(screenshotOption);
        if (!window.grab().save(file, "PNG"))
            return fail(QCoreApplication::translate("main", "cannot write %1").arg(file));
        return 0;
    }

    QSize windowSize = *size;
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        windowSize = windowSize.boundedTo(screen->availableGeometry().size());
    window.resize(windowSize);
    window.show();
    controller.play();
    return QApplication::exec();
}
