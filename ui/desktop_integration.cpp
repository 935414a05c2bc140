#include "ui/desktop_integration.h"

#include "ui/about_dialog.h"
#include "ui/export_menu.h"
#include "ui/lesson_player.h"
#include "ui/lesson_ui.h"
#include "ui/main_window.h"
#include "ui/presentation_mode.h"
#include "ui/settings_store.h"
#include "ui/shortcuts_dialog.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QUrl>

namespace tcplab::ui {

DesktopIntegration::DesktopIntegration(MainWindow &window, bool remember)
    : QObject(&window), m_window(window), m_remember(remember)
{
    setObjectName(QStringLiteral("desktopIntegration"));
    m_export = ExportMenu::install(window, window.controller(), window.sequenceView());
    m_settings = new SettingsStore(window);
    m_presentation = new PresentationMode(window);
    m_shortcuts = ShortcutsDialog::install(window);
    AboutDialog::install(window);

    connect(m_export, &ExportMenu::exported, m_settings, &SettingsStore::addRecentFile);
    // The files in the list are exports (pictures, captures, text): the desktop's own viewer opens them.
    connect(m_settings, &SettingsStore::recentFileActivated, this,
            [](const QString &file) { QDesktopServices::openUrl(QUrl::fromLocalFile(file)); });
    if (!remember) return;
    m_settings->restore();
    m_presentation->setTheme(themeFromName(m_settings->theme()));
    m_presentation->setZoom(m_settings->zoom());
    connect(m_presentation, &PresentationMode::themeChanged, m_settings,
            [this](Theme theme) { m_settings->setTheme(themeName(theme)); });
    connect(m_presentation, &PresentationMode::zoomChanged, m_settings, &SettingsStore::setZoom);
    if (auto *lessons = window.findChild<LessonUi *>()) {
        LessonPlayer *player = lessons->player();
        const auto record = [this, player] {
            if (player->lesson()) m_settings->setLastLesson(QString::fromStdString(player->lesson()->id));
        };
        connect(player, &LessonPlayer::lessonLoaded, m_settings, record);
        record(); // one opened with --lesson before this object existed
    }
}

bool DesktopIntegration::reopenLastLesson()
{
    const QString id = m_settings->lastLesson();
    auto *lessons = m_window.findChild<LessonUi *>();
    if (!m_remember || id.isEmpty() || !lessons) return false;
    // A lesson that is no longer built in (an older or newer tcplab wrote the setting) is forgotten.
    if (lessons->openLesson(id)) return true;
    m_settings->setLastLesson(QString());
    return false;
}

QCommandLineOption DesktopIntegration::presentationOption()
{
    return QCommandLineOption(QStringLiteral("presentation"),
                              QCoreApplication::translate("tcplab::ui::DesktopIntegration",
                                                          "Start in presentation mode: full screen, high "
                                                          "contrast, larger text."));
}

} // namespace tcplab::ui
