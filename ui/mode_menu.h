#pragma once
// The Mode menu: which driver runs the scenario behind the same views. Simulated: the core's virtual clock
// and link (the default). Loopback: the core's endpoints over real UDP sockets on 127.0.0.1, on the wall
// clock (ui/loopback_live_driver.h). Checkable actions with keys and tooltips; the choice is remembered in
// QSettings and restored at start. In loopback mode the status bar shows the real ports and the clock. A
// run that cannot start (a UDP port in use) gets a message box naming the port, and the simulation stays.
#include "ui/loopback_ports_dialog.h"

#include <QMessageBox>
#include <QObject>
#include <QPointer>

#include <cstdint>

class QAction;
class QActionGroup;
class QLabel;
class QMainWindow;
class QMenu;

namespace tcplab::ui {

class LoopbackLiveDriver;
class SessionController;

class ModeMenu : public QObject {
    Q_OBJECT

public:
    enum class Mode { Simulated, Loopback };

    // QSettings keys: the mode ("simulated" or "loopback") and the loopback's UDP ports (0: any free one).
    static constexpr const char *kModeKey = "mode/driver";
    static constexpr const char *kClientPortKey = "loopback/clientUdpPort";
    static constexpr const char *kServerPortKey = "loopback/serverUdpPort";

    // Adds the menu to `window` (before the Language menu when there is one), in the simulated mode; the
    // window owns the menu and this object.
    static ModeMenu *install(QMainWindow &window, SessionController &controller);
    // Switches to the mode remembered in QSettings (the program does, unless it runs scripted).
    void restoreRememberedMode();
    // For a scripted run (a screenshot): lets the live driver's clock run until its time reaches `t` (-1:
    // until the run finishes), at most `wallLimitMs` of real time, then pauses it.
    void playUntil(qint64 t, int wallLimitMs = 30000);

    QMenu *menu() const { return m_menu; }
    QAction *simulatedAction() const { return m_simulated; }
    QAction *loopbackAction() const { return m_loopback; }
    QAction *portsAction() const { return m_ports; }
    QLabel *statusLabel() const { return m_status; }
    LoopbackLiveDriver &loopback() const { return *m_loopbackDriver; }
    // The message box of the last failed start, while it is open (for tests).
    QMessageBox *errorBox() const { return m_errorBox; }
    // Mode ▸ Loopback ports…: opens the dialog (window-modal); on OK the ports are remembered and, in
    // loopback mode, the run restarts on them. The dialog while it is open (for tests).
    void openPortsDialog();
    LoopbackPortsDialog *portsDialog() const { return m_portsDialog; }

    Mode mode() const;
    // Switches and remembers the choice. false when loopback mode cannot start (a message box says why).
    bool setMode(Mode mode);

    bool event(QEvent *event) override;

signals:
    void modeChanged(tcplab::ui::ModeMenu::Mode mode);

private:
    ModeMenu(QMainWindow &window, SessionController &controller);
    void retranslateUi();
    void showMode();
    void showStatus();
    void reportFailure();
    void applyPorts(std::uint16_t client, std::uint16_t server);

    QMainWindow &m_window;
    SessionController &m_controller;
    LoopbackLiveDriver *m_loopbackDriver = nullptr; // a child
    QMenu *m_menu = nullptr;
    QActionGroup *m_group = nullptr;
    QAction *m_simulated = nullptr;
    QAction *m_loopback = nullptr;
    QAction *m_ports = nullptr;
    QLabel *m_status = nullptr;
    QPointer<QMessageBox> m_errorBox;            // deleted on close
    QPointer<LoopbackPortsDialog> m_portsDialog; // deleted on close
};

} // namespace tcplab::ui
