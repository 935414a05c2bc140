#include "ui/capture_ui.h"

#include "ui/capture_dialog.h"
#include "ui/capture_segment_list.h"
#include "ui/export_menu.h"
#include "ui/main_window.h"
#include "ui/session_controller.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

namespace tcplab::ui {

CaptureUi *CaptureUi::install(MainWindow &window, SessionController &controller)
{
    if (auto *existing = window.findChild<CaptureUi *>()) return existing;
    return new CaptureUi(window, controller);
}

CaptureUi::CaptureUi(MainWindow &window, SessionController &controller)
    : QObject(&window), m_window(window), m_controller(controller)
{
    setObjectName(QStringLiteral("captureUi"));
    m_openAction = new QAction(this);
    m_openAction->setObjectName(QStringLiteral("openCaptureAction"));
    m_openAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    connect(m_openAction, &QAction::triggered, this, &CaptureUi::openFromDialog);
    window.addAction(m_openAction); // the key works while the menu is closed

    QMenu *file = ExportMenu::fileMenuOf(window);
    m_recentMenu = new QMenu(file);
    m_recentMenu->setObjectName(QStringLiteral("recentCapturesMenu"));
    // Opening goes first in the File menu, as on every desktop.
    QAction *first = file->actions().value(0);
    file->insertAction(first, m_openAction);
    file->insertMenu(first, m_recentMenu);
    if (first) file->insertSeparator(first);

    m_list = new CaptureSegmentList(controller);
    m_dock = new QDockWidget(&window);
    m_dock->setObjectName(QStringLiteral("captureDock"));
    m_dock->setWidget(m_list);
    m_dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                        QDockWidget::DockWidgetFloatable);
    window.addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    // Beside the packet inspector when it is there.
    if (auto *inspector = window.findChild<QDockWidget *>(QStringLiteral("inspectorDock")))
        window.tabifyDockWidget(inspector, m_dock);
    m_dock->hide();
    if (QMenu *view = window.viewMenu()) view->addAction(m_dock->toggleViewAction());
    // Back to a simulation (a lesson, a scenario): the capture's list would describe something else.
    connect(&controller, &SessionController::scenarioLoaded, this, [this] {
        if (!m_controller.isRecorded() && m_opened) {
            m_opened.reset();
            m_dock->hide();
        }
    });
    rebuildRecentMenu();
    retranslateUi();
}

QStringList CaptureUi::recentFiles() const
{
    return QSettings().value(QLatin1String(kRecentKey)).toStringList();
}

void CaptureUi::remember(const QString &path)
{
    QStringList files = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecent)
        files.removeLast();
    QSettings().setValue(QLatin1String(kRecentKey), files);
    rebuildRecentMenu();
}

void CaptureUi::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (const QString &path : files) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void CaptureUi::openFromDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        &m_window, tr("Open capture"), QFileInfo(recentFiles().value(0)).absolutePath(),
        tr("Captures (*.pcap *.pcapng *.cap *.dmp);;All files (*)"));
    if (!path.isEmpty()) openFile(path);
}

void CaptureUi::warn(const QString &message)
{
    m_lastMessage = message;
    if (m_interactive) QMessageBox::warning(&m_window, tr("Open capture"), message);
}

bool CaptureUi::openFile(const QString &path, std::optional<int> connection, CaptureTimeAxis axis)
{
    m_lastMessage.clear();
    auto file = std::make_unique<CaptureFile>(CaptureFile::load(path));
    if (!file->readable()) {
        warn(file->damageMessage());
        return false;
    }
    remember(path);
    if (file->conversations().empty()) {
        QString message =
            tr("%1 holds no TCP connection (%n packets read).", "", int(file->capture().packets.size()))
                .arg(file->fileName());
        if (!file->problems().isEmpty()) message += QLatin1String("\n\n") + file->damageMessage();
        warn(message);
        return false;
    }
    m_file = std::move(file);
    int index = connection.value_or(0);
    if (m_interactive && !connection &&
        (m_file->conversations().size() > 1 || !m_file->problems().isEmpty())) {
        // The dialog shows the file's problems above the list, so no second box is needed.
        CaptureDialog dialog(*m_file, &m_window);
        dialog.setTimeAxis(axis);
        if (dialog.exec() != QDialog::Accepted || dialog.selectedConnection() < 0) return false;
        index = dialog.selectedConnection();
        axis = dialog.timeAxis();
        m_lastMessage = m_file->damageMessage();
    } else if (!m_file->problems().isEmpty()) {
        warn(m_file->damageMessage());
    }
    return openConnection(*m_file, index, axis);
}

bool CaptureUi::openConnection(const CaptureFile &file, int index, CaptureTimeAxis axis)
{
    if (index < 0 || std::size_t(index) >= file.conversations().size()) {
        m_lastMessage = tr("%1 has no connection %2.").arg(file.fileName()).arg(index);
        return false;
    }
    OpenedConversation opened = openConversation(file, std::size_t(index), axis);
    m_controller.loadRecordedTrace(opened.trace, opened.scenario);
    m_list->setConversation(file.fileName(), opened);
    m_opened = std::move(opened);
    m_dock->show();
    m_dock->raise();
    m_window.setWindowFilePath(file.path());
    return true;
}

void CaptureUi::retranslateUi()
{
    m_openAction->setText(tr("&Open capture…"));
    m_openAction->setToolTip(
        tr("Open a pcap or pcapng capture (Wireshark, tcpdump) and step through one of its TCP connections "
           "(%1)")
            .arg(m_openAction->shortcut().toString(QKeySequence::NativeText)));
    m_openAction->setStatusTip(m_openAction->toolTip());
    m_recentMenu->setTitle(tr("Recent &captures"));
    m_dock->setWindowTitle(tr("Capture"));
}

bool CaptureUi::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    return QObject::event(event);
}

} // namespace tcplab::ui
