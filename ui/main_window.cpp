#include "ui/main_window.h"

#include "ui/diagram_style.h"
#include "ui/sequence_view.h"
#include "ui/session_controller.h"
#include "ui/time_format.h"

#include <QAction>
#include <QComboBox>
#include <QFontMetrics>
#include <QIcon>
#include <QLabel>
#include <QStatusBar>
#include <QToolBar>

#include <cmath>

namespace tcplab::ui {

namespace {
constexpr double kSpeeds[] = {0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0};
// Text large enough to read from the back of a classroom.
constexpr double kMinimumPointSize = 12.0;
} // namespace

MainWindow::MainWindow(SessionController &controller, QWidget *parent)
    : QMainWindow(parent), m_controller(controller)
{
    QFont base = font();
    if (base.pointSizeF() > 0 && base.pointSizeF() < kMinimumPointSize) {
        base.setPointSizeF(kMinimumPointSize);
        setFont(base);
    }
    setWindowTitle(tr("tcplab — TCP Handshake Lab"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/tcplab.svg")));

    m_view = new SequenceView(m_controller, this);
    setCentralWidget(m_view);
    createActions();
    createToolBar();
    statusBar()->setFont(style::scaledFont(font(), 0.95));
    statusBar()->showMessage(
        tr("Click a segment in flight to lose it.   Space: play/pause   ←/→: previous/next event   "
           "Home/End: start/end"));

    connect(&m_controller, &SessionController::playingChanged, this, &MainWindow::showPlaying);
    connect(&m_controller, &SessionController::timeChanged, this, &MainWindow::showTime);
    connect(&m_controller, &SessionController::traceChanged, this, &MainWindow::showTime);
    connect(&m_controller, &SessionController::speedChanged, this, &MainWindow::showSpeed);
    connect(&m_controller, &SessionController::segmentDropped, this, &MainWindow::showDropped);

    showPlaying(m_controller.isPlaying());
    showSpeed(m_controller.speed());
    showTime();
    m_view->setFocus();
}

void MainWindow::createActions()
{
    const auto makeAction = [this](const QString &icon, const QString &text, const QKeySequence &key) {
        auto *action = new QAction(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)), text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        addAction(action); // the keys work wherever the focus is in the window
        return action;
    };
    m_startAction =
        makeAction(QStringLiteral("media-skip-backward"), tr("Start"), QKeySequence(Qt::Key_Home));
    m_stepBackAction =
        makeAction(QStringLiteral("media-seek-backward"), tr("Step back"), QKeySequence(Qt::Key_Left));
    m_playAction =
        makeAction(QStringLiteral("media-playback-start"), tr("Play"), QKeySequence(Qt::Key_Space));
    m_stepForwardAction =
        makeAction(QStringLiteral("media-seek-forward"), tr("Step forward"), QKeySequence(Qt::Key_Right));
    m_endAction = makeAction(QStringLiteral("media-skip-forward"), tr("End"), QKeySequence(Qt::Key_End));

    connect(m_startAction, &QAction::triggered, &m_controller, &SessionController::jumpToStart);
    connect(m_stepBackAction, &QAction::triggered, &m_controller, &SessionController::stepBackward);
    connect(m_playAction, &QAction::triggered, &m_controller, &SessionController::togglePlay);
    connect(m_stepForwardAction, &QAction::triggered, &m_controller, &SessionController::stepForward);
    connect(m_endAction, &QAction::triggered, &m_controller, &SessionController::jumpToEnd);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Playback"));
    bar->setObjectName(QStringLiteral("playback"));
    bar->setMovable(false);
    bar->setIconSize(QSize(32, 32));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setFont(style::scaledFont(font(), 1.1));
    for (QAction *action : {m_startAction, m_stepBackAction, m_playAction, m_stepForwardAction, m_endAction})
        bar->addAction(action);
    bar->addSeparator();

    auto *speedLabel = new QLabel(tr("Speed:"), bar);
    speedLabel->setContentsMargins(12, 0, 6, 0);
    bar->addWidget(speedLabel);
    m_speedBox = new QComboBox(bar);
    m_speedBox->setFocusPolicy(Qt::ClickFocus);
    for (double speed : kSpeeds)
        m_speedBox->addItem(QStringLiteral("%1×").arg(speed), speed);
    m_speedBox->setToolTip(tr("Virtual time per second of real time"));
    bar->addWidget(m_speedBox);
    connect(m_speedBox, &QComboBox::activated, this, [this](int index) {
        m_controller.setSpeed(m_speedBox->itemData(index).toDouble());
        m_view->setFocus(); // give the keys back to the diagram
    });
    bar->addSeparator();

    m_timeLabel = new QLabel(bar);
    m_timeLabel->setFont(style::scaledFont(font(), 1.3, true));
    m_timeLabel->setContentsMargins(16, 0, 16, 0);
    m_timeLabel->setToolTip(tr("Virtual time now / when the session ends"));
    bar->addWidget(m_timeLabel);
}

void MainWindow::showPlaying(bool playing)
{
    m_playAction->setText(playing ? tr("Pause") : tr("Play"));
    m_playAction->setIcon(QIcon(playing ? QStringLiteral(":/icons/media-playback-pause.svg")
                                        : QStringLiteral(":/icons/media-playback-start.svg")));
    m_playAction->setToolTip(QStringLiteral("%1 (%2)").arg(
        m_playAction->text(), m_playAction->shortcut().toString(QKeySequence::NativeText)));
}

void MainWindow::showTime()
{
    m_timeLabel->setText(
        tr("t = %1 / %2").arg(formatTime(m_controller.currentTime()), formatTime(m_controller.endTime())));
    // Wide enough for the longest time, so that the bar does not jump as the digits change.
    const QFontMetrics metrics(m_timeLabel->font());
    m_timeLabel->setMinimumWidth(
        metrics.horizontalAdvance(
            tr("t = %1 / %2").arg(formatTime(m_controller.endTime()), formatTime(m_controller.endTime()))) +
        40);
}

void MainWindow::showSpeed(double speed)
{
    int best = 0;
    for (int i = 0; i < m_speedBox->count(); ++i) {
        if (std::abs(m_speedBox->itemData(i).toDouble() - speed) <
            std::abs(m_speedBox->itemData(best).toDouble() - speed))
            best = i;
    }
    m_speedBox->setCurrentIndex(best);
}

void MainWindow::showDropped(quint64 segmentId)
{
    statusBar()->showMessage(tr("Segment #%1 was lost on the wire (you dropped it).").arg(segmentId));
}

} // namespace tcplab::ui
