#pragma once
// What makes tcplab a desktop program in a classroom, added to a built main window in one call: File →
// Export and Recent Files, presentation mode and themes, Help → Keyboard shortcuts, and the settings that
// are remembered between runs (speed, theme, zoom, window layout, the last lesson, recent files).
#include <QCommandLineOption>
#include <QObject>

class QAction;

namespace tcplab::ui {

class ExportMenu;
class MainWindow;
class PresentationMode;
class SettingsStore;

class DesktopIntegration : public QObject {
    Q_OBJECT

public:
    // Parented to `window`. Call once every panel and dock exists: the saved layout is restored by their
    // object names. `remember` false neither restores nor records the theme, zoom and last lesson
    // (screenshots and exports must not depend on the user's settings, nor change them).
    explicit DesktopIntegration(MainWindow &window, bool remember = true);

    // Opens the lesson open when tcplab last ran (if any, and if remembering); true when it did.
    bool reopenLastLesson();

    // --presentation: full screen, high contrast, larger text.
    static QCommandLineOption presentationOption();
    static constexpr double kPresentationZoom = 1.5;

    ExportMenu &exportMenu() const { return *m_export; }
    PresentationMode &presentation() const { return *m_presentation; }
    SettingsStore &settings() const { return *m_settings; }
    QAction *shortcutsAction() const { return m_shortcuts; }

private:
    ExportMenu *m_export = nullptr;
    PresentationMode *m_presentation = nullptr;
    SettingsStore *m_settings = nullptr;
    QAction *m_shortcuts = nullptr;
    MainWindow &m_window;
    bool m_remember = true;
};

} // namespace tcplab::ui
