// The presentation zoom scales the diagrams' lines, not only their text: at zoom 2 every width and mark
// size of the style doubles, and a diagram drawn at zoom 2 has visibly thicker lifelines, state bands and
// lit transitions than the same diagram at zoom 1.
#include "ui/diagram_style.h"
#include "ui/main_window.h"
#include "ui/presentation_mode.h"
#include "ui/sequence_diagram.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"
#include "ui/state_diagram_widget.h"

#include <QImage>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace tcplab;
using namespace tcplab::ui;

namespace {

bool near(QRgb pixel, const QColor &colour, int tolerance)
{
    return std::abs(qRed(pixel) - colour.red()) + std::abs(qGreen(pixel) - colour.green()) +
               std::abs(qBlue(pixel) - colour.blue()) <=
           tolerance;
}

// The width of the run of `colour` pixels through (x, y), along the row.
int runWidth(const QImage &image, int x, int y, const QColor &colour)
{
    if (!near(image.pixel(x, y), colour, 90)) return 0;
    int left = x, right = x;
    while (left > 0 && near(image.pixel(left - 1, y), colour, 90))
        --left;
    while (right + 1 < image.width() && near(image.pixel(right + 1, y), colour, 90))
        ++right;
    return right - left + 1;
}

// The width of the non-paper pixels through (x, y): the state band with its lifeline.
int inkWidth(const QImage &image, int x, int y)
{
    const QColor paper = style::backgroundColor();
    int left = x, right = x;
    while (left > 0 && !near(image.pixel(left - 1, y), paper, 30))
        --left;
    while (right + 1 < image.width() && !near(image.pixel(right + 1, y), paper, 30))
        ++right;
    return right - left + 1;
}

int countNear(const QImage &image, const QColor &colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += near(image.pixel(x, y), colour, 40);
    return n;
}

struct LifelineWidths {
    int lifeline;
    int band;
};

} // namespace

class TestZoomLines : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // The client's lifeline half-way down the shown part of its ESTABLISHED band, where no arrow ends.
    static LifelineWidths measure(SessionController &controller, SequenceView &view)
    {
        view.replot(QCustomPlot::rpImmediateRefresh);
        const QImage image = view.toPixmap(view.width(), view.height()).toImage();
        const SequenceModel &model = view.diagram().model();
        const SequenceStateBand *quiet = nullptr;
        for (const SequenceStateBand &band : model.bands)
            if (band.side == Side::Client && band.state == TcpState::Established) quiet = &band;
        if (!quiet) return {0, 0};
        const TimeUs end = quiet->end < 0 ? controller.currentTime() : quiet->end;
        // Only the part of the band the view shows can be measured: its middle keeps clear of the side
        // headers over the top of the plot and of the state labels at the band's ends.
        const auto [shownFrom, shownTo] = view.diagram().visibleTimes();
        const TimeUs from = std::max(quiet->begin, shownFrom), to = std::min(end, shownTo);
        if (from >= to) return {0, 0};
        const QPointF at = view.diagram().pixelAt(from + (to - from) / 2, Side::Client, 0.0);
        const int x = qRound(at.x()), y = qRound(at.y());
        if (!image.rect().contains(x, y)) return {0, 0};
        return {runWidth(image, x, y, style::sideColor(Side::Client)), inkWidth(image, x, y)};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    }

    void theStylesWidthsFollowTheZoom()
    {
        style::setCurrent({DiagramScheme::Light, 1.0});
        const double arrow = style::arrowWidth(), head = style::arrowHeadLength(),
                     band = style::bandHalfWidth(), timer = style::timerBarWidth(),
                     cross = style::crossWidth(), lifeline = style::lifelineWidth();
        QCOMPARE(arrow, style::kArrowWidth);
        style::setCurrent({DiagramScheme::Light, 2.0});
        QCOMPARE(style::arrowWidth(), 2 * arrow);
        QCOMPARE(style::arrowHeadLength(), 2 * head);
        QCOMPARE(style::bandHalfWidth(), 2 * band);
        QCOMPARE(style::timerBarWidth(), 2 * timer);
        QCOMPARE(style::crossWidth(), 2 * cross);
        QCOMPARE(style::lifelineWidth(), 2 * lifeline);
        QCOMPARE(style::zoomed(1.5), 3.0);
        style::setCurrent({});
    }

    void aSequenceDiagramAtZoomTwoHasThickerLines()
    {
        SessionController controller(defaultScenario());
        MainWindow window(controller);
        PresentationMode presentation(window);
        presentation.setTheme(Theme::Light);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        controller.jumpToEnd();
        SequenceView &view = window.sequenceView();
        view.resetTimeRange();

        presentation.setZoom(1.0);
        const LifelineWidths atOne = measure(controller, view);
        presentation.setZoom(2.0);
        QCOMPARE(style::zoom(), 2.0);
        const LifelineWidths atTwo = measure(controller, view);
        presentation.setZoom(1.0);
        QCOMPARE(style::zoom(), 1.0);

        qInfo("lifeline %d px -> %d px, band %d px -> %d px", atOne.lifeline, atTwo.lifeline, atOne.band,
              atTwo.band);
        QVERIFY(atOne.lifeline >= 1);
        QVERIFY(atOne.band >= 2 * style::kBandHalfWidth - 2);
        QVERIFY2(atTwo.lifeline >= atOne.lifeline * 1.6, "the lifeline is no thicker at zoom 2");
        QVERIFY2(atTwo.band >= atOne.band * 1.8, "the state band is no wider at zoom 2");
    }

    void aStateDiagramAtZoomTwoHasThickerLines()
    {
        SessionController controller(defaultScenario());
        controller.stepForward();
        controller.stepForward(); // the client has sent its SYN: a lit transition and a ring
        StateDiagramWidget diagram(controller);
        diagram.resize(900, 800);
        style::setCurrent({DiagramScheme::Light, 1.0});
        const int atOne = countNear(diagram.grab().toImage(), style::sideColor(Side::Client));
        style::setCurrent({DiagramScheme::Light, 2.0});
        const int atTwo = countNear(diagram.grab().toImage(), style::sideColor(Side::Client));
        style::setCurrent({});
        qInfo("client-coloured pixels %d -> %d", atOne, atTwo);
        QVERIFY(atOne > 100);
        QVERIFY2(atTwo >= atOne * 1.5, "the lit transition and ring are no thicker at zoom 2");
    }
};

QTEST_MAIN(TestZoomLines)
#include "test_zoom_lines.moc"
