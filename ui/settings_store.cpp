#include "ui/settings_store.h"

#include "ui/export_menu.h"
#include "ui/main_window.h"
#include "ui/session_controller.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace tcplab::ui {

SettingsStore::SettingsStore(MainWindow &window) : QObject(&window), m_window(window)
{
    setObjectName(QStringLiteral("settingsStore"));
    QMenu *file = ExportMenu::fileMenuOf(window);
    m_recentMenu = new QMenu(file);
    m_recentMenu->setObjectName(QStringLiteral("recentFilesMenu"));
    file->addMenu(m_recentMenu);
    m_clearAction = new QAction(this);
    connect(m_clearAction, &QAction::triggered, this, &SettingsStore::clearRecentFiles);
    // The speed is written as it changes: a crash or a kill keeps it too.
    connect(&window.controller(), &SessionController::speedChanged, this,
            [](double speed) { QSettings().setValue(QLatin1String(kSpeedKey), speed); });
    window.installEventFilter(this);
    m_recentMenu->installEventFilter(this);
    retranslateUi();
}

void SettingsStore::restore()
{
    QSettings settings;
    bool ok = false;
    const double speed = settings.value(QLatin1String(kSpeedKey)).toDouble(&ok);
    if (ok && speed >= SessionController::kMinSpeed && speed <= SessionController::kMaxSpeed)
        m_window.controller().setSpeed(speed);
    const QByteArray geometry = settings.value(QLatin1String(kGeometryKey)).toByteArray();
    if (!geometry.isEmpty()) m_window.restoreGeometry(geometry);
    const QByteArray state = settings.value(QLatin1String(kStateKey)).toByteArray();
    if (!state.isEmpty()) m_window.restoreState(state, kStateVersion);
}

void SettingsStore::saveWindow()
{
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), m_window.saveGeometry());
    settings.setValue(QLatin1String(kStateKey), m_window.saveState(kStateVersion));
}

QString SettingsStore::theme() const
{
    return QSettings().value(QLatin1String(kThemeKey), QStringLiteral("system")).toString();
}

void SettingsStore::setTheme(const QString &theme)
{
    QSettings().setValue(QLatin1String(kThemeKey), theme);
}

double SettingsStore::zoom() const
{
    bool ok = false;
    const double zoom = QSettings().value(QLatin1String(kZoomKey), 1.0).toDouble(&ok);
    return ok && zoom > 0.0 ? zoom : 1.0;
}

void SettingsStore::setZoom(double zoom)
{
    QSettings().setValue(QLatin1String(kZoomKey), zoom);
}

QString SettingsStore::lastLesson() const
{
    return QSettings().value(QLatin1String(kLastLessonKey)).toString();
}

void SettingsStore::setLastLesson(const QString &lessonId)
{
    QSettings().setValue(QLatin1String(kLastLessonKey), lessonId);
}

QStringList SettingsStore::recentFiles() const
{
    return QSettings().value(QLatin1String(kRecentFilesKey)).toStringList();
}

void SettingsStore::addRecentFile(const QString &fileName)
{
    const QString path = QFileInfo(fileName).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(QLatin1String(kRecentFilesKey), files);
    rebuildRecentMenu();
    emit recentFilesChanged();
}

void SettingsStore::clearRecentFiles()
{
    QSettings().remove(QLatin1String(kRecentFilesKey));
    rebuildRecentMenu();
    emit recentFilesChanged();
}

bool SettingsStore::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_window && event->type() == QEvent::Close) saveWindow();
    if (watched == m_recentMenu && event->type() == QEvent::LanguageChange) retranslateUi();
    return QObject::eventFilter(watched, event);
}

void SettingsStore::retranslateUi()
{
    m_recentMenu->setTitle(tr("&Recent Files"));
    m_clearAction->setText(tr("&Clear the list"));
    rebuildRecentMenu();
}

void SettingsStore::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    int number = 1;
    for (const QString &file : files) {
        // "&1 handshake.png": the number is the menu's key; the tooltip has the whole path.
        auto *action = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(number++).arg(
            QFileInfo(file).fileName().replace(QLatin1Char('&'), QStringLiteral("&&"))));
        action->setToolTip(QDir::toNativeSeparators(file));
        action->setStatusTip(action->toolTip());
        connect(action, &QAction::triggered, this, [this, file] { emit recentFileActivated(file); });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(m_clearAction);
}

} // namespace tcplab::ui
