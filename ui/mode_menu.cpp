#include "ui/mode_menu.h"

#include "ui/language_menu.h"
#include "ui/loopback_live_driver.h"
#include "ui/loopback_ports_dialog.h"
#include "ui/session_controller.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>

namespace tcplab::ui {

namespace {

QString modeName(ModeMenu::Mode mode)
{
    return mode == ModeMenu::Mode::Loopback ? QStringLiteral("loopback") : QStringLiteral("simulated");
}

std::uint16_t portSetting(const char *key)
{
    bool ok = false;
    const uint port = QSettings().value(QLatin1String(key), 0).toUInt(&ok);
    return ok && port <= 65535 ? static_cast<std::uint16_t>(port) : 0;
}

} // namespace

ModeMenu *ModeMenu::install(QMainWindow &window, SessionController &controller)
{
    return new ModeMenu(window, controller);
}

void ModeMenu::restoreRememberedMode()
{
    if (QSettings().value(QLatin1String(kModeKey)).toString() == modeName(Mode::Loopback))
        setMode(Mode::Loopback);
}

void ModeMenu::playUntil(qint64 t, int wallLimitMs)
{
    LiveDriver *live = m_controller.liveDriver();
    if (!live) return;
    QElapsedTimer wall;
    wall.start();
    m_controller.play();
    while (live->isRunning() && (t < 0 || live->now() < t) && wall.elapsed() < wallLimitMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    m_controller.pause();
}

ModeMenu::ModeMenu(QMainWindow &window, SessionController &controller)
    : QObject(&window), m_window(window), m_controller(controller)
{
    setObjectName(QStringLiteral("modeMenu"));
    m_loopbackDriver = new LoopbackLiveDriver(this);

    m_menu = new QMenu(&window);
    m_menu->setObjectName(QStringLiteral("modeMenu"));
    m_menu->setToolTipsVisible(true);
    m_group = new QActionGroup(this);
    m_group->setExclusive(true);
    m_simulated = m_menu->addAction(QString());
    m_simulated->setObjectName(QStringLiteral("simulatedModeAction"));
    m_simulated->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_1));
    m_loopback = m_menu->addAction(QString());
    m_loopback->setObjectName(QStringLiteral("loopbackModeAction"));
    m_loopback->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_2));
    for (QAction *action : {m_simulated, m_loopback}) {
        action->setCheckable(true);
        m_group->addAction(action);
        window.addAction(action); // the keys work wherever the focus is
    }
    m_simulated->setChecked(true);
    m_menu->addSeparator();
    m_ports = m_menu->addAction(QString());
    m_ports->setObjectName(QStringLiteral("loopbackPortsAction"));
    connect(m_ports, &QAction::triggered, this, &ModeMenu::openPortsDialog);
    connect(m_simulated, &QAction::triggered, this, [this] { setMode(Mode::Simulated); });
    connect(m_loopback, &QAction::triggered, this, [this] { setMode(Mode::Loopback); });

    // Before the Language menu, which stays last.
    QAction *before = nullptr;
    if (auto *language = window.findChild<LanguageMenu *>()) before = language->menu()->menuAction();
    window.menuBar()->insertMenu(before, m_menu);

    m_status = new QLabel(&window);
    m_status->setObjectName(QStringLiteral("modeStatus"));
    m_status->setVisible(false);
    window.statusBar()->addPermanentWidget(m_status);

    connect(&controller, &SessionController::timeChanged, this, &ModeMenu::showStatus);
    connect(&controller, &SessionController::traceChanged, this, &ModeMenu::showStatus);
    // Detached from outside (a capture was opened, a restart failed): show the simulated mode again.
    connect(&controller, &SessionController::liveDriverChanged, this, [this](bool attached) {
        if (!attached && m_loopbackDriver->lastError().isEmpty()) {
            showMode();
            return;
        }
        if (!attached) reportFailure();
        showMode();
    });
    retranslateUi();
}

ModeMenu::Mode ModeMenu::mode() const
{
    return m_controller.liveDriver() ? Mode::Loopback : Mode::Simulated;
}

bool ModeMenu::setMode(Mode mode)
{
    bool ok = true;
    if (mode == Mode::Loopback) {
        m_loopbackDriver->setUdpPorts(portSetting(kClientPortKey), portSetting(kServerPortKey));
        if (m_controller.liveDriver() != m_loopbackDriver)
            ok = m_controller.attachLiveDriver(m_loopbackDriver);
        if (!ok) reportFailure();
    } else {
        m_controller.attachLiveDriver(nullptr);
    }
    if (ok) QSettings().setValue(QLatin1String(kModeKey), modeName(mode));
    showMode();
    if (ok) emit modeChanged(mode);
    return ok;
}

void ModeMenu::openPortsDialog()
{
    if (m_portsDialog) {
        m_portsDialog->raise();
        return;
    }
    // The running loopback run's own ports are free for the restart that applies the new ones.
    const auto ownPort = [this](std::uint16_t port) {
        const LoopbackDriver *driver = mode() == Mode::Loopback ? m_loopbackDriver->driver() : nullptr;
        if (!driver) return false;
        for (int conn = 0; conn < driver->connectionCount(); ++conn)
            for (const Side side : {Side::Client, Side::Server})
                if (driver->udpPort(side, conn) == port) return true;
        return false;
    };
    m_portsDialog =
        new LoopbackPortsDialog(portSetting(kClientPortKey), portSetting(kServerPortKey), ownPort, &m_window);
    m_portsDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_portsDialog, &QDialog::accepted, this,
            [this] { applyPorts(m_portsDialog->clientPort(), m_portsDialog->serverPort()); });
    m_portsDialog->open();
}

void ModeMenu::applyPorts(std::uint16_t client, std::uint16_t server)
{
    QSettings settings;
    settings.setValue(QLatin1String(kClientPortKey), client);
    settings.setValue(QLatin1String(kServerPortKey), server);
    if (mode() != Mode::Loopback) return;
    // A fresh run on the new ports; if they cannot be bound after all, the failure box names the port.
    m_controller.attachLiveDriver(nullptr);
    setMode(Mode::Loopback);
}

void ModeMenu::reportFailure()
{
    if (m_errorBox) m_errorBox->close();
    m_errorBox = new QMessageBox(QMessageBox::Warning, tr("Loopback mode"),
                                 tr("Loopback mode could not start, so the simulation stays.\n\n%1")
                                     .arg(m_loopbackDriver->lastError()),
                                 QMessageBox::Ok, &m_window);
    m_errorBox->setObjectName(QStringLiteral("loopbackErrorBox"));
    m_errorBox->setAttribute(Qt::WA_DeleteOnClose);
    m_errorBox->open(); // window-modal, without a nested event loop
}

void ModeMenu::showMode()
{
    const bool live = mode() == Mode::Loopback;
    m_loopback->setChecked(live);
    m_simulated->setChecked(!live);
    m_status->setVisible(live);
    showStatus();
}

void ModeMenu::showStatus()
{
    if (mode() != Mode::Loopback) return;
    m_status->setText(m_loopbackDriver->statusText());
}

bool ModeMenu::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    return QObject::event(event);
}

void ModeMenu::retranslateUi()
{
    m_menu->setTitle(tr("&Mode"));
    m_simulated->setText(tr("&Simulated"));
    m_simulated->setToolTip(tr("The core's simulated link and virtual clock: replayable, stepping back "
                               "and forward (%1)")
                                .arg(m_simulated->shortcut().toString(QKeySequence::NativeText)));
    m_loopback->setText(tr("&Loopback (real UDP sockets on 127.0.0.1)"));
    m_loopback->setToolTip(tr("Each endpoint on its own UDP socket on 127.0.0.1, carrying the exact TCP "
                              "bytes; timers on the wall clock. Stepping back starts a fresh run (%1)")
                               .arg(m_loopback->shortcut().toString(QKeySequence::NativeText)));
    m_ports->setText(tr("Loopback &ports…"));
    m_ports->setToolTip(tr("Choose the UDP ports on 127.0.0.1 that loopback mode binds, or any free ones"));
    m_status->setToolTip(tr("The real UDP ports on 127.0.0.1 and the wall-clock time of the loopback run"));
    showStatus();
}

} // namespace tcplab::ui
