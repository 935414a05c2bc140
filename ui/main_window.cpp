#include "ui/main_window.h"

#include "ui/diagram_style.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"
#include "ui/teaching_docks.h"
#include "ui/time_format.h"
#include "ui/timeline_scrubber.h"

#include <QAction>
#include <QEvent>
#include <QFontMetrics>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSlider>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

#include <cmath>

namespace tcplab::ui {

namespace {
// Text large enough to read from the back of a classroom.
constexpr double kMinimumPointSize = 12.0;
constexpr int kSliderSteps = 200;

QAction *makeAction(QObject *parent, const QString &icon, const QKeySequence &key)
{
    auto *action = icon.isEmpty()
                       ? new QAction(parent)
                       : new QAction(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)), {}, parent);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WindowShortcut);
    return action;
}

// The text, and the tooltip that names the key ("Play (Space)"); the text is also the accessible name.
void setActionText(QAction *action, const QString &text, const QString &toolTip = {})
{
    action->setText(text);
    const QString key = action->shortcut().toString(QKeySequence::NativeText);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(toolTip.isEmpty() ? text : toolTip, key));
    action->setStatusTip(action->toolTip());
}

void nameButton(QToolBar *bar, QAction *action)
{
    // Screen readers read the tool button, not the action.
    // Only tool buttons: widgets placed with addWidget (the speed slider) carry names of their own.
    if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(action)))
        button->setAccessibleName(action->text());
}

} // namespace

MainWindow::MainWindow(SessionController &controller, QWidget *parent)
    : QMainWindow(parent), m_controller(controller)
{
    QFont base = font();
    if (base.pointSizeF() > 0 && base.pointSizeF() < kMinimumPointSize) {
        base.setPointSizeF(kMinimumPointSize);
        setFont(base);
    }
    setWindowIcon(QIcon(QStringLiteral(":/icons/tcplab.svg")));

    m_view = new SequenceView(m_controller, this);
    setCentralWidget(m_view);
    createActions();
    createToolBars();
    createMenus();
    TeachingDocks::install(*this, m_controller);
    statusBar()->setFont(style::scaledFont(font(), 0.95));
    retranslateUi();

    connect(&m_controller, &SessionController::playingChanged, this, &MainWindow::showPlaying);
    connect(&m_controller, &SessionController::timeChanged, this, &MainWindow::showTime);
    connect(&m_controller, &SessionController::traceChanged, this, &MainWindow::showTime);
    connect(&m_controller, &SessionController::intentRecorded, this, &MainWindow::showTimeline);
    connect(&m_controller, &SessionController::scenarioLoaded, this, &MainWindow::showTimeline);
    connect(&m_controller, &SessionController::speedChanged, this, &MainWindow::showSpeed);
    connect(&m_controller, &SessionController::segmentDropped, this, &MainWindow::showDropped);
    connect(m_view, &SequenceView::followingChanged, this, &MainWindow::showFollowing);
    connect(m_timeline, &TimelineScrubber::seekRequested, &m_controller, &SessionController::seek);

    setRelativeNumbers(QSettings().value(QLatin1String(kRelativeNumbersKey), false).toBool());
    showPlaying(m_controller.isPlaying());
    showSpeed(m_controller.speed());
    showTimeline();
    showFollowing(m_view->isFollowing());
    m_view->setFocus();
}

void MainWindow::createActions()
{
    m_startAction = makeAction(this, QStringLiteral("media-skip-backward"), QKeySequence(Qt::Key_Home));
    m_stepBackAction = makeAction(this, QStringLiteral("media-seek-backward"), QKeySequence(Qt::Key_Left));
    m_playAction = makeAction(this, QStringLiteral("media-playback-start"), QKeySequence(Qt::Key_Space));
    m_stepForwardAction = makeAction(this, QStringLiteral("media-seek-forward"), QKeySequence(Qt::Key_Right));
    m_endAction = makeAction(this, QStringLiteral("media-skip-forward"), QKeySequence(Qt::Key_End));
    m_zoomInAction = makeAction(this, {}, QKeySequence(Qt::Key_Plus));
    m_zoomOutAction = makeAction(this, {}, QKeySequence(Qt::Key_Minus));
    m_followAction = makeAction(this, {}, QKeySequence(Qt::Key_F));
    m_pageUpAction = makeAction(this, {}, QKeySequence(Qt::Key_PageUp));
    m_pageDownAction = makeAction(this, {}, QKeySequence(Qt::Key_PageDown));
    m_relativeAction = makeAction(this, {}, QKeySequence(Qt::CTRL | Qt::Key_R));
    m_relativeAction->setCheckable(true);
    m_dropNextClientAction = makeAction(this, {}, QKeySequence(Qt::CTRL | Qt::Key_1));
    m_dropNextServerAction = makeAction(this, {}, QKeySequence(Qt::CTRL | Qt::Key_2));
    // "=" is "+" without Shift on most keyboards.
    m_zoomInAction->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)});

    for (QAction *action : {m_startAction, m_stepBackAction, m_playAction, m_stepForwardAction, m_endAction,
                            m_zoomInAction, m_zoomOutAction, m_followAction, m_pageUpAction, m_pageDownAction,
                            m_relativeAction, m_dropNextClientAction, m_dropNextServerAction})
        addAction(action); // the keys work wherever the focus is in the window

    connect(m_startAction, &QAction::triggered, &m_controller, &SessionController::jumpToStart);
    connect(m_stepBackAction, &QAction::triggered, &m_controller, &SessionController::stepBackward);
    connect(m_playAction, &QAction::triggered, &m_controller, &SessionController::togglePlay);
    connect(m_stepForwardAction, &QAction::triggered, &m_controller, &SessionController::stepForward);
    connect(m_endAction, &QAction::triggered, &m_controller, &SessionController::jumpToEnd);
    connect(m_zoomInAction, &QAction::triggered, m_view, &SequenceView::zoomIn);
    connect(m_zoomOutAction, &QAction::triggered, m_view, &SequenceView::zoomOut);
    connect(m_followAction, &QAction::triggered, m_view, &SequenceView::follow);
    connect(m_pageUpAction, &QAction::triggered, m_view, &SequenceView::pageUp);
    connect(m_pageDownAction, &QAction::triggered, m_view, &SequenceView::pageDown);
    connect(m_relativeAction, &QAction::toggled, this, [this](bool relative) {
        QSettings().setValue(QLatin1String(kRelativeNumbersKey), relative);
        setRelativeNumbers(relative);
    });
    connect(m_dropNextClientAction, &QAction::triggered, this,
            [this] { m_controller.dropNextFrom(Side::Client); });
    connect(m_dropNextServerAction, &QAction::triggered, this,
            [this] { m_controller.dropNextFrom(Side::Server); });
}

void MainWindow::createToolBars()
{
    m_playbackBar = addToolBar(QString());
    m_playbackBar->setObjectName(QStringLiteral("playback"));
    m_playbackBar->setMovable(false);
    m_playbackBar->setIconSize(QSize(32, 32));
    m_playbackBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_playbackBar->setFont(style::scaledFont(font(), 1.1));
    for (QAction *action : {m_startAction, m_stepBackAction, m_playAction, m_stepForwardAction, m_endAction})
        m_playbackBar->addAction(action);
    m_playbackBar->addSeparator();

    m_speedCaption = new QLabel(m_playbackBar);
    m_speedCaption->setContentsMargins(12, 0, 6, 0);
    m_playbackBar->addWidget(m_speedCaption);
    m_speedSlider = new QSlider(Qt::Horizontal, m_playbackBar);
    m_speedSlider->setRange(0, kSliderSteps);
    m_speedSlider->setFixedWidth(160);
    m_speedSlider->setFocusPolicy(Qt::NoFocus); // the arrow keys step through events, not the speed
    m_playbackBar->addWidget(m_speedSlider);
    m_speedValue = new QLabel(m_playbackBar);
    m_speedValue->setFont(style::scaledFont(font(), 1.1, true));
    m_speedValue->setMinimumWidth(
        QFontMetrics(m_speedValue->font()).horizontalAdvance(QStringLiteral("0.25×")) + 16);
    m_speedValue->setContentsMargins(6, 0, 6, 0);
    m_playbackBar->addWidget(m_speedValue);
    connect(m_speedSlider, &QSlider::valueChanged, this,
            [this](int position) { m_controller.setSpeed(sliderSpeed(position)); });
    m_playbackBar->addSeparator();

    m_timeLabel = new QLabel(m_playbackBar);
    m_timeLabel->setFont(style::scaledFont(font(), 1.3, true));
    m_timeLabel->setContentsMargins(16, 0, 16, 0);
    m_playbackBar->addWidget(m_timeLabel);

    addToolBarBreak(); // the view's controls on a row of their own, so that neither row is cut off
    m_viewBar = addToolBar(QString());
    m_viewBar->setObjectName(QStringLiteral("view"));
    m_viewBar->setMovable(false);
    m_viewBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_viewBar->setFont(style::scaledFont(font(), 1.05));
    for (QAction *action : {m_zoomInAction, m_zoomOutAction, m_followAction, m_relativeAction})
        m_viewBar->addAction(action);
    m_viewBar->addSeparator();
    m_viewBar->addAction(m_dropNextClientAction);
    m_viewBar->addAction(m_dropNextServerAction);

    m_timelineBar = new QToolBar(this);
    m_timelineBar->setObjectName(QStringLiteral("timeline"));
    m_timelineBar->setMovable(false);
    m_timeline = new TimelineScrubber(m_timelineBar);
    m_timelineBar->addWidget(m_timeline);
    addToolBar(Qt::BottomToolBarArea, m_timelineBar);
}

void MainWindow::createMenus()
{
    m_playbackMenu = menuBar()->addMenu(QString());
    for (QAction *action : {m_playAction, m_stepForwardAction, m_stepBackAction, m_startAction, m_endAction})
        m_playbackMenu->addAction(action);
    m_viewMenu = menuBar()->addMenu(QString());
    for (QAction *action :
         {m_zoomInAction, m_zoomOutAction, m_pageUpAction, m_pageDownAction, m_followAction})
        m_viewMenu->addAction(action);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_relativeAction);
    m_networkMenu = menuBar()->addMenu(QString());
    m_networkMenu->addAction(m_dropNextClientAction);
    m_networkMenu->addAction(m_dropNextServerAction);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("tcplab — TCP Handshake Lab"));
    m_playbackBar->setWindowTitle(tr("Playback"));
    m_viewBar->setWindowTitle(tr("View"));
    m_timelineBar->setWindowTitle(tr("Timeline"));
    m_playbackMenu->setTitle(tr("&Playback"));
    m_viewMenu->setTitle(tr("&View"));
    m_networkMenu->setTitle(tr("&Network"));

    setActionText(m_startAction, tr("Start"), tr("Jump to the start"));
    setActionText(m_stepBackAction, tr("Step back"), tr("Step back to the previous event"));
    setActionText(m_stepForwardAction, tr("Step forward"), tr("Step forward to the next event"));
    setActionText(m_endAction, tr("End"), tr("Jump to the end"));
    setActionText(m_zoomInAction, tr("Zoom in"));
    setActionText(m_zoomOutAction, tr("Zoom out"));
    setActionText(m_followAction, tr("Follow"), tr("Follow the current time again"));
    setActionText(m_pageUpAction, tr("Page up"), tr("Show earlier times"));
    setActionText(m_pageDownAction, tr("Page down"), tr("Show later times"));
    setActionText(m_relativeAction, tr("Relative numbers"),
                  tr("Sequence and acknowledgment numbers relative to each side's ISN"));
    setActionText(m_dropNextClientAction, tr("Lose client's next"),
                  tr("The link loses the next segment the client sends"));
    setActionText(m_dropNextServerAction, tr("Lose server's next"),
                  tr("The link loses the next segment the server sends"));
    showPlaying(m_controller.isPlaying());

    m_speedCaption->setText(tr("Speed:"));
    m_speedSlider->setToolTip(tr("Virtual time per second of real time (0.1× to 10×)"));
    m_speedSlider->setAccessibleName(tr("Speed"));
    m_speedValue->setAccessibleName(tr("Speed"));
    m_timeLabel->setToolTip(tr("Virtual time now / when the session ends"));
    m_timeLabel->setAccessibleName(tr("Current time"));
    for (QToolBar *bar : {m_playbackBar, m_viewBar})
        for (QAction *action : bar->actions())
            nameButton(bar, action);
    statusBar()->showMessage(tr("Click an arrow to select it; click a segment in flight to lose it, "
                                "right-click it to delay or duplicate it.   Space: play/pause   "
                                "←/→: previous/next event   +/−: zoom   F: follow"));
    showTime();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_playAction) retranslateUi();
    QMainWindow::changeEvent(event);
}

int MainWindow::sliderPosition(double speed)
{
    const double lo = std::log(SessionController::kMinSpeed), hi = std::log(SessionController::kMaxSpeed);
    return int(std::lround((std::log(speed) - lo) / (hi - lo) * kSliderSteps));
}

double MainWindow::sliderSpeed(int position)
{
    const double lo = std::log(SessionController::kMinSpeed), hi = std::log(SessionController::kMaxSpeed);
    const double speed = std::exp(lo + (hi - lo) * double(position) / kSliderSteps);
    // Two significant digits: the label reads 0.25×, 1.5×, 7.9×, and 1× is reachable exactly.
    const double magnitude = std::pow(10.0, std::floor(std::log10(speed)) - 1);
    return std::round(speed / magnitude) * magnitude;
}

void MainWindow::showPlaying(bool playing)
{
    setActionText(m_playAction, playing ? tr("Pause") : tr("Play"), tr("Play/Pause"));
    m_playAction->setIcon(QIcon(playing ? QStringLiteral(":/icons/media-playback-pause.svg")
                                        : QStringLiteral(":/icons/media-playback-start.svg")));
    nameButton(m_playbackBar, m_playAction);
}

void MainWindow::showTime()
{
    const QString end = formatTime(m_controller.endTime());
    m_timeLabel->setText(tr("t = %1 / %2").arg(formatTime(m_controller.currentTime()), end));
    // Wide enough for the longest time, so that the bar does not jump as the digits change.
    const QFontMetrics metrics(m_timeLabel->font());
    m_timeLabel->setMinimumWidth(metrics.horizontalAdvance(tr("t = %1 / %2").arg(end, end)) + 40);
    m_timeline->setEnd(m_controller.endTime());
    m_timeline->setTime(m_controller.currentTime());
}

void MainWindow::showTimeline()
{
    // An intent may change what lies ahead (a retransmission, a later end): new marks.
    m_timeline->setEventTimes(m_controller.plannedEventTimes());
    showTime();
}

void MainWindow::showSpeed(double speed)
{
    const QSignalBlocker blocker(m_speedSlider);
    m_speedSlider->setValue(sliderPosition(speed));
    m_speedValue->setText(QStringLiteral("%1×").arg(QLocale::c().toString(speed, 'g', 2)));
}

void MainWindow::showDropped(quint64 segmentId)
{
    statusBar()->showMessage(tr("Segment #%1 was lost on the wire (you dropped it).").arg(segmentId));
}

void MainWindow::showFollowing(bool following)
{
    // Highlighted while the view has been moved away: the way back to the current time.
    m_followAction->setEnabled(!following);
}

void MainWindow::setRelativeNumbers(bool relative)
{
    m_relativeAction->setChecked(relative);
    m_view->setSeqNumbers(relative ? SeqNumbers::Relative : SeqNumbers::Absolute);
}

} // namespace tcplab::ui
