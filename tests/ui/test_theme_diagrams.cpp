// The diagrams follow the theme: with the dark theme the sequence diagram, the state diagram, the plots and
// the hex view are drawn on dark paper with light text; with high contrast, black on white; the system's
// theme is light or dark as the platform's window colour is.
#include "ui/desktop_integration.h"
#include "ui/hex_view.h"
#include "ui/main_window.h"
#include "ui/presentation_mode.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"
#include "ui/state_diagram_widget.h"
#include "ui/theme.h"
#include "ui/window_assembly.h"

#include <QImage>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace tcplab;
using namespace tcplab::ui;

namespace {

int lightness(QRgb pixel)
{
    return QColor(pixel).lightness();
}

// How many pixels are at least this light (text on dark paper) or at most this dark.
int countLighterThan(const QImage &image, int level)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += lightness(image.pixel(x, y)) >= level;
    return n;
}

int countDarkerThan(const QImage &image, int level)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += lightness(image.pixel(x, y)) <= level;
    return n;
}

QImage render(SequenceView &view)
{
    view.replot(QCustomPlot::rpImmediateRefresh);
    return view.toPixmap(view.width(), view.height()).toImage();
}

} // namespace

class TestThemeDiagrams : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SessionController *m_controller = nullptr;
    MainWindow *m_window = nullptr;
    DesktopIntegration *m_desktop = nullptr;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        m_controller = new SessionController(defaultScenario());
        m_window = new MainWindow(*m_controller);
        assembleMainWindow(*m_window, *m_controller);
        m_desktop = new DesktopIntegration(*m_window, false);
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_controller->jumpToEnd();
    }

    void cleanupTestCase()
    {
        m_desktop->presentation().setTheme(Theme::System);
        delete m_window;
        delete m_controller;
    }

    void theDarkThemeDrawsTheSequenceDiagramLightOnDark()
    {
        m_desktop->presentation().setTheme(Theme::Dark);
        QCOMPARE(style::scheme(), DiagramScheme::Dark);
        SequenceView &view = m_window->sequenceView();
        const QImage image = render(view);
        // The paper: a corner of the plot, left of the time axis's labels and below the headers.
        const QRect plot = view.axisRect()->rect();
        QVERIFY2(lightness(image.pixel(plot.right() - 3, plot.top() + 3)) < 60, "the paper is not dark");
        QVERIFY(lightness(image.pixel(2, image.height() - 3)) < 60);
        // The text: the time axis's tick labels left of the plot are light on the dark paper.
        const QImage ticks = image.copy(QRect(0, plot.top(), plot.left(), plot.height()));
        QVERIFY2(countLighterThan(ticks, 200) > 50, "no light text beside the time axis");
        // Most of the picture is dark paper, not a white page.
        QVERIFY(countDarkerThan(image, 60) > image.width() * image.height() / 2);
        // The state labels' text is light too (their fills are deep enough for it).
        QVERIFY(style::stateFill(TcpState::Established).lightness() < 100);
        QVERIFY(style::textColor().lightness() > 200);
    }

    void theDarkThemeDrawsTheStateDiagramPlotsAndHexViewDark()
    {
        m_desktop->presentation().setTheme(Theme::Dark);
        auto *states = m_window->findChild<StateDiagramWidget *>();
        QVERIFY(states);
        states->resize(700, 650);
        const QImage stateImage = states->grab().toImage();
        QVERIFY2(lightness(stateImage.pixel(stateImage.width() - 3, stateImage.height() - 3)) < 60,
                 "the state diagram's paper is not dark");
        QVERIFY2(countLighterThan(stateImage, 200) > 100, "no light text on the state diagram");

        for (QCustomPlot *plot : m_window->findChildren<QCustomPlot *>()) {
            plot->resize(std::max(plot->width(), 400), std::max(plot->height(), 300));
            plot->replot(QCustomPlot::rpImmediateRefresh);
            const QImage image = plot->toPixmap(plot->width(), plot->height()).toImage();
            QVERIFY2(lightness(image.pixel(2, 2)) < 60, qPrintable(plot->objectName()));
        }

        auto *hex = m_window->findChild<HexView *>();
        QVERIFY(hex);
        hex->resize(600, 200);
        const QImage hexImage = hex->grab().toImage();
        QVERIFY2(lightness(hexImage.pixel(hexImage.width() - 2, hexImage.height() - 2)) < 60,
                 "the hex view's paper is not dark");
    }

    void highContrastIsBlackOnWhite()
    {
        m_desktop->presentation().setTheme(Theme::HighContrast);
        QCOMPARE(style::scheme(), DiagramScheme::HighContrast);
        SequenceView &view = m_window->sequenceView();
        const QImage image = render(view);
        const QRect plot = view.axisRect()->rect();
        QCOMPARE(QColor(image.pixel(plot.right() - 3, plot.top() + 3)), QColor(Qt::white));
        QCOMPARE(style::textColor(), QColor(Qt::black));
        const QImage ticks = image.copy(QRect(0, plot.top(), plot.left(), plot.height()));
        QVERIFY(countDarkerThan(ticks, 40) > 50);
    }

    void theLightThemeIsDarkOnWhite()
    {
        m_desktop->presentation().setTheme(Theme::Light);
        QCOMPARE(style::scheme(), DiagramScheme::Light);
        const QImage image = render(m_window->sequenceView());
        QCOMPARE(QColor(image.pixel(2, image.height() - 3)), QColor(Qt::white));
    }

    void theSystemThemeFollowsThePlatformsWindowColour()
    {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x24, 0x24, 0x24));
        QPalette light;
        light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
        QCOMPARE(diagramScheme(Theme::System, dark), DiagramScheme::Dark);
        QCOMPARE(diagramScheme(Theme::System, light), DiagramScheme::Light);
        QCOMPARE(diagramScheme(Theme::Light, dark), DiagramScheme::Light);
        QCOMPARE(diagramScheme(Theme::HighContrast, dark), DiagramScheme::HighContrast);
        QCOMPARE(parseTheme(QStringLiteral("contrast")), Theme::HighContrast);
        QVERIFY(!parseTheme(QStringLiteral("purple")));
    }
};

QTEST_MAIN(TestThemeDiagrams)
#include "test_theme_diagrams.moc"
