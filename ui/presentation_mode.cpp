#include "ui/presentation_mode.h"

#include "ui/diagram_style.h"
#include "ui/main_window.h"
#include "ui/sequence_diagram.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"
#include "ui/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace tcplab::ui {

namespace {
// Each widget's font before any zoom, kept on the widget so that zooming never compounds.
constexpr const char *kBaseFontProperty = "tcplab_baseFont";
} // namespace

PresentationMode::PresentationMode(MainWindow &window)
    : QObject(&window), m_window(window), m_systemPalette(QApplication::palette())
{
    setObjectName(QStringLiteral("presentationMode"));
    const auto make = [this](const QList<QKeySequence> &keys) {
        auto *action = new QAction(this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        m_window.addAction(action);
        return action;
    };
    m_fullScreen = make({QKeySequence(Qt::Key_F11)});
    m_fullScreen->setCheckable(true);
    // Ctrl+= is Ctrl++ without Shift; keypads send Ctrl++.
    m_zoomIn = make({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
    m_zoomOut = make({QKeySequence(Qt::CTRL | Qt::Key_Minus)});
    m_resetZoom = make({QKeySequence(Qt::CTRL | Qt::Key_0)});
    m_highContrast = make({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H)});
    m_highContrast->setCheckable(true);

    connect(m_fullScreen, &QAction::toggled, this, &PresentationMode::setFullScreen);
    connect(m_zoomIn, &QAction::triggered, this, [this] { setZoom(m_zoom + kZoomStep); });
    connect(m_zoomOut, &QAction::triggered, this, [this] { setZoom(m_zoom - kZoomStep); });
    connect(m_resetZoom, &QAction::triggered, this, [this] { setZoom(1.0); });
    connect(m_highContrast, &QAction::toggled, this,
            [this](bool on) { setTheme(on ? Theme::HighContrast : Theme::System); });

    m_themeMenu = new QMenu(&m_window);
    m_themeMenu->setObjectName(QStringLiteral("themeMenu"));
    m_themeGroup = new QActionGroup(this);
    for (Theme theme : {Theme::System, Theme::Light, Theme::Dark, Theme::HighContrast}) {
        QAction *action = m_themeMenu->addAction(QString());
        action->setCheckable(true);
        action->setData(int(theme));
        action->setChecked(theme == m_theme);
        m_themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, theme] { setTheme(theme); });
    }

    if (QMenu *view = m_window.viewMenu()) {
        view->addSeparator();
        view->addAction(m_fullScreen);
        view->addAction(m_zoomIn);
        view->addAction(m_zoomOut);
        view->addAction(m_resetZoom);
        view->addAction(m_highContrast);
        view->addMenu(m_themeMenu);
    }
    connect(&m_window.controller(), &SessionController::timeChanged, this,
            &PresentationMode::highlightCurrentEvent);
    m_window.installEventFilter(this);
    retranslateUi();
    // The diagrams were built before the theme was known: paint them as the system's theme says.
    style::setCurrent({diagramScheme(m_theme, m_systemPalette), m_zoom});
    applyStyle();
}

bool PresentationMode::isFullScreen() const
{
    return m_window.isFullScreen();
}

bool PresentationMode::isPresenting() const
{
    return m_theme == Theme::HighContrast || m_fullScreen->isChecked();
}

void PresentationMode::setZoom(double zoom)
{
    zoom = std::clamp(std::round(zoom / kZoomStep) * kZoomStep, kMinZoom, kMaxZoom);
    if (zoom == m_zoom) return;
    m_zoom = zoom;
    style::setCurrent({style::scheme(), m_zoom});
    applyFonts();
    applyStyle();
    emit zoomChanged(m_zoom);
}

void PresentationMode::setTheme(Theme theme)
{
    const bool changed = theme != m_theme;
    m_theme = theme;
    // The diagrams' colours first: widgets that repaint on the palette's change read them.
    style::setCurrent({diagramScheme(theme, m_systemPalette), m_zoom});
    QApplication::setPalette(themePalette(theme, m_systemPalette));
    // Qt hands the new palette to existing widgets only once the event loop runs (is_app_running): a theme
    // set before exec(), or in a test, would leave the shown window white. Telling every widget is
    // idempotent.
    QEvent paletteChange(QEvent::ApplicationPaletteChange);
    for (QWidget *widget : QApplication::allWidgets())
        QCoreApplication::sendEvent(widget, &paletteChange);
    {
        const QSignalBlocker blocker(m_highContrast);
        m_highContrast->setChecked(theme == Theme::HighContrast);
    }
    for (QAction *action : m_themeGroup->actions())
        action->setChecked(action->data().toInt() == int(theme));
    applyFonts(); // high contrast writes everything bold
    applyStyle();
    highlightCurrentEvent();
    if (changed) emit themeChanged(theme);
}

void PresentationMode::setFullScreen(bool on)
{
    if (on == m_window.isFullScreen()) return;
    if (on) {
        m_stateBeforeFullScreen = m_window.windowState();
        m_window.setWindowState(m_window.windowState() | Qt::WindowFullScreen);
    } else {
        m_window.setWindowState(m_stateBeforeFullScreen & ~Qt::WindowFullScreen);
    }
    const QSignalBlocker blocker(m_fullScreen);
    m_fullScreen->setChecked(on);
    highlightCurrentEvent();
}

void PresentationMode::present(double zoom, bool fullScreen)
{
    setTheme(Theme::HighContrast);
    setZoom(zoom);
    if (fullScreen) setFullScreen(true);
}

void PresentationMode::applyFonts()
{
    const bool bold = m_theme == Theme::HighContrast;
    QList<QWidget *> widgets = m_window.findChildren<QWidget *>();
    widgets.prepend(&m_window);
    for (QWidget *widget : widgets) {
        QVariant base = widget->property(kBaseFontProperty);
        if (!base.isValid()) {
            // Widgets that inherit their font follow their parent's; only set fonts need scaling.
            if (widget != &m_window && !widget->testAttribute(Qt::WA_SetFont)) continue;
            base = widget->font();
            widget->setProperty(kBaseFontProperty, base);
        }
        QFont font = style::scaledFont(base.value<QFont>(), m_zoom, base.value<QFont>().bold());
        if (bold) font.setWeight(std::max(font.weight(), QFont::DemiBold));
        widget->setFont(font);
    }
    for (SequenceView *view : m_window.findChildren<SequenceView *>())
        applyDiagramFonts(*view);
}

void PresentationMode::applyDiagramFonts(SequenceView &view)
{
    const QFont base = view.font(); // already scaled: it inherits the window's
    view.diagram().setLabelFont(style::scaledFont(base, SequenceView::kArrowLabelFactor, true));
    view.diagram().setStateFont(style::scaledFont(base, SequenceView::kStateLabelFactor, true));
    view.diagram().setTimerFont(style::scaledFont(base, SequenceView::kTimerLabelFactor, true));
    view.yAxis->setLabelFont(style::scaledFont(base, SequenceView::kAxisLabelFactor, true));
    view.yAxis->setTickLabelFont(
        style::scaledFont(base, SequenceView::kTickLabelFactor, m_theme == Theme::HighContrast));
    for (int i = 0; i < view.itemCount(); ++i)
        if (auto *text = qobject_cast<QCPItemText *>(view.item(i)))
            text->setFont(style::scaledFont(base, SequenceView::kHeaderFactor, true));
    view.replot(QCustomPlot::rpQueuedReplot);
}

void PresentationMode::applyStyle()
{
    for (QCustomPlot *plot : m_window.findChildren<QCustomPlot *>()) {
        if (auto *view = qobject_cast<SequenceView *>(plot))
            styleSequenceView(*view);
        else
            styleCustomPlot(*plot);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
    // Widgets that paint themselves (the state diagram, the hex view) read the style as they paint.
    for (QWidget *widget : m_window.findChildren<QWidget *>())
        widget->update();
}

void PresentationMode::highlightCurrentEvent()
{
    if (!isPresenting()) return;
    // The latest segment sent by now is what the class is looking at: its arrow carries the selection halo.
    const TimeUs now = m_window.controller().currentTime();
    const auto &events = m_window.controller().trace().events();
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->kind != TraceKind::SegmentSent || it->t > now) continue;
        if (m_window.controller().selectedSegment() != it->segmentId)
            m_window.controller().selectSegment(it->segmentId);
        return;
    }
}

bool PresentationMode::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_window && event->type() == QEvent::LanguageChange) retranslateUi();
    if (watched == &m_window && event->type() == QEvent::WindowStateChange) {
        const QSignalBlocker blocker(m_fullScreen);
        m_fullScreen->setChecked(m_window.isFullScreen());
    }
    return QObject::eventFilter(watched, event);
}

void PresentationMode::retranslateUi()
{
    const auto set = [](QAction *action, const QString &text, const QString &tip) {
        action->setText(text);
        action->setToolTip(
            QStringLiteral("%1 (%2)").arg(tip, action->shortcut().toString(QKeySequence::NativeText)));
        action->setStatusTip(action->toolTip());
    };
    set(m_fullScreen, tr("&Full screen"), tr("Show the window full screen"));
    set(m_zoomIn, tr("&Larger text"), tr("Make all text and the diagram's labels larger"));
    set(m_zoomOut, tr("&Smaller text"), tr("Make all text and the diagram's labels smaller"));
    set(m_resetZoom, tr("&Normal text size"), tr("Text at its normal size"));
    set(m_highContrast, tr("&High contrast"), tr("Black on white, bold: readable from the back of a room"));
    m_themeMenu->setTitle(tr("&Theme"));
    for (QAction *action : m_themeGroup->actions()) {
        switch (Theme(action->data().toInt())) {
        case Theme::System:
            action->setText(tr("As the &system"));
            break;
        case Theme::Light:
            action->setText(tr("&Light"));
            break;
        case Theme::Dark:
            action->setText(tr("&Dark"));
            break;
        case Theme::HighContrast:
            action->setText(tr("&High contrast"));
            break;
        }
    }
}

} // namespace tcplab::ui
