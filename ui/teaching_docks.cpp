#include "ui/teaching_docks.h"

#include "ui/controls_panel.h"
#include "ui/narration_panel.h"
#include "ui/packet_inspector.h"
#include "ui/session_controller.h"
#include "ui/state_diagram_widget.h"

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QScrollArea>

namespace tcplab::ui {

namespace {
// Shares of the window the docks take at first: the right column wide enough for the state diagram's
// labels, the bottom row tall enough for a SYN's header rows.
constexpr double kRightShare = 0.34;
constexpr double kBottomShare = 0.34;
constexpr double kDiagramShareOfColumn = 0.62;
} // namespace

TeachingDocks *TeachingDocks::install(QMainWindow &window, SessionController &controller)
{
    return new TeachingDocks(window, controller);
}

TeachingDocks::TeachingDocks(QMainWindow &window, SessionController &controller)
    : QObject(&window), m_window(window), m_controller(controller)
{
    setObjectName(QStringLiteral("teachingDocks"));
    m_stateDiagram = new StateDiagramWidget(controller);
    m_narration = new NarrationPanel(controller);
    m_inspector = new PacketInspector(controller);
    m_controls = new ControlsPanel(controller);

    // The right column reaches the bottom edge, so the state diagram keeps its height.
    m_window.setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    m_stateDock = addDock(QStringLiteral("stateDiagramDock"), m_stateDiagram);
    m_narrationDock = addDock(QStringLiteral("narrationDock"), m_narration);
    m_inspectorDock = addDock(QStringLiteral("inspectorDock"), m_inspector);
    // The buttons need their height; on a small screen they scroll rather than push the diagram away.
    auto *controlsScroll = new QScrollArea;
    controlsScroll->setWidget(m_controls);
    controlsScroll->setWidgetResizable(true);
    controlsScroll->setFrameShape(QFrame::NoFrame);
    m_controlsDock = addDock(QStringLiteral("controlsDock"), controlsScroll);
    m_window.addDockWidget(Qt::RightDockWidgetArea, m_stateDock);
    m_window.splitDockWidget(m_stateDock, m_narrationDock, Qt::Vertical);
    m_window.addDockWidget(Qt::BottomDockWidgetArea, m_inspectorDock);
    m_window.tabifyDockWidget(m_inspectorDock, m_controlsDock);
    m_inspectorDock->raise();

    m_window.installEventFilter(this);
    connect(&controller, &SessionController::traceChanged, this, &TeachingDocks::followConnection);
    connect(&controller, &SessionController::scenarioLoaded, this, &TeachingDocks::followConnection);
    connect(&controller, &SessionController::timeChanged, this, &TeachingDocks::followConnection);
    connect(&controller, &SessionController::segmentSelected, this, &TeachingDocks::followConnection);
    retranslateUi();
    followConnection();
}

QDockWidget *TeachingDocks::addDock(const QString &objectName, QWidget *content)
{
    auto *dock = new QDockWidget(&m_window);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                      QDockWidget::DockWidgetFloatable);
    return dock;
}

void TeachingDocks::retranslateUi()
{
    const int conn = m_stateDiagram->connection();
    m_stateDock->setWindowTitle(conn == 0
                                    ? tr("State diagram (RFC 9293 Figure 5)")
                                    : tr("State diagram (RFC 9293 Figure 5) — connection #%1").arg(conn));
    m_narrationDock->setWindowTitle(tr("What happened and why"));
    m_inspectorDock->setWindowTitle(tr("Packet inspector"));
    m_controlsDock->setWindowTitle(tr("Hands-on controls"));
}

int TeachingDocks::connectionToShow() const
{
    const quint64 selected = m_controller.selectedSegment();
    const TimeUs now = m_controller.currentTime();
    int latest = 0;
    for (const TraceEvent &event : m_controller.trace().events()) {
        if (selected != 0 && event.kind == TraceKind::SegmentSent && event.segmentId == selected)
            return event.conn;
        if (event.t <= now) latest = event.conn;
    }
    return latest;
}

void TeachingDocks::followConnection()
{
    const int conn = connectionToShow();
    if (conn == m_stateDiagram->connection()) return;
    m_stateDiagram->setConnection(conn);
    retranslateUi();
}

bool TeachingDocks::event(QEvent *event)
{
    // The window passes LanguageChange on to its children, this object among them.
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    return QObject::event(event);
}

bool TeachingDocks::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_window && event->type() == QEvent::Show && !m_sized) sizeDocks();
    return QObject::eventFilter(watched, event);
}

void TeachingDocks::sizeDocks()
{
    m_sized = true;
    const QSize size = m_window.size();
    m_window.resizeDocks({m_stateDock}, {int(size.width() * kRightShare)}, Qt::Horizontal);
    m_window.resizeDocks({m_inspectorDock}, {int(size.height() * kBottomShare)}, Qt::Vertical);
    const int column = size.height();
    m_window.resizeDocks({m_stateDock, m_narrationDock},
                         {int(column * kDiagramShareOfColumn), int(column * (1 - kDiagramShareOfColumn))},
                         Qt::Vertical);
}

} // namespace tcplab::ui
