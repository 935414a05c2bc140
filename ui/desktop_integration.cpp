#include "ui/desktop_integration.h"

#include "ui/export_menu.h"
#include "ui/main_window.h"
#include "ui/presentation_mode.h"
#include "ui/settings_store.h"
#include "ui/shortcuts_dialog.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QUrl>

namespace tcplab::ui {

DesktopIntegration::DesktopIntegration(MainWindow &window, bool restoreSettings) : QObject(&window)
{
    setObjectName(QStringLiteral("desktopIntegration"));
    m_export = ExportMenu::install(window, window.controller(), window.sequenceView());
    m_settings = new SettingsStore(window);
    m_presentation = new PresentationMode(window);
    m_shortcuts = ShortcutsDialog::install(window);

    connect(m_export, &ExportMenu::exported, m_settings, &SettingsStore::addRecentFile);
    // The files in the list are exports (pictures, captures, text): the desktop's own viewer opens them.
    connect(m_settings, &SettingsStore::recentFileActivated, this,
            [](const QString &file) { QDesktopServices::openUrl(QUrl::fromLocalFile(file)); });
    connect(m_presentation, &PresentationMode::themeChanged, m_settings,
            [this](Theme theme) { m_settings->setTheme(themeName(theme)); });
    if (restoreSettings) {
        m_settings->restore();
        m_presentation->setTheme(themeFromName(m_settings->theme()));
    }
}

QCommandLineOption DesktopIntegration::presentationOption()
{
    return QCommandLineOption(QStringLiteral("presentation"),
                              QCoreApplication::translate("tcplab::ui::DesktopIntegration",
                                                          "Start in presentation mode: full screen, high "
                                                          "contrast, larger text."));
}

} // namespace tcplab::ui
