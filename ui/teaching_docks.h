#pragma once
// The teaching view's side panels as dock widgets of a main window: the state diagram and the narration on
// the right, the packet inspector at the bottom with the hands-on controls as a tab beside it. All are
// closable and movable; their object names let QMainWindow::saveState remember where the user put them.
// The state diagram follows the connection the user is looking at.
#include <QObject>

class QDockWidget;
class QMainWindow;

namespace tcplab::ui {

class ControlsPanel;
class NarrationPanel;
class PacketInspector;
class SessionController;
class StateDiagramWidget;

class TeachingDocks : public QObject {
    Q_OBJECT

public:
    // Creates the four docks in `window` (which owns them and this object). The inspector follows the
    // controller's segmentSelected signal.
    static TeachingDocks *install(QMainWindow &window, SessionController &controller);

    StateDiagramWidget *stateDiagram() const { return m_stateDiagram; }
    PacketInspector *inspector() const { return m_inspector; }
    NarrationPanel *narration() const { return m_narration; }
    ControlsPanel *controls() const { return m_controls; }
    QDockWidget *stateDiagramDock() const { return m_stateDock; }
    QDockWidget *inspectorDock() const { return m_inspectorDock; }
    QDockWidget *narrationDock() const { return m_narrationDock; }
    QDockWidget *controlsDock() const { return m_controlsDock; }

    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    TeachingDocks(QMainWindow &window, SessionController &controller);
    QDockWidget *addDock(const QString &objectName, QWidget *content);
    void retranslateUi();
    // The state diagram shows the connection of the selected segment, else that of the latest event: in a
    // lesson with several connections (HTTP/1.0) it follows the one the class is looking at.
    void followConnection();
    int connectionToShow() const;
    // The default proportions, set once the window has its size.
    void sizeDocks();

    QMainWindow &m_window;
    SessionController &m_controller;
    StateDiagramWidget *m_stateDiagram = nullptr;
    PacketInspector *m_inspector = nullptr;
    NarrationPanel *m_narration = nullptr;
    ControlsPanel *m_controls = nullptr;
    QDockWidget *m_stateDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_narrationDock = nullptr;
    QDockWidget *m_controlsDock = nullptr;
    bool m_sized = false;
};

} // namespace tcplab::ui
