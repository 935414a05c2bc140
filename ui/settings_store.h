#pragma once
// What tcplab remembers between runs (QSettings): the playback speed, the theme and the presentation zoom,
// the window's geometry and the docks' places and sizes, the last lesson and the recently used files
// (File → Recent Files). The
// language is remembered by the language menu, and the relative-numbers switch by the main window.
#include <QObject>
#include <QStringList>

class QAction;
class QMenu;

namespace tcplab::ui {

class MainWindow;

class SettingsStore : public QObject {
    Q_OBJECT

public:
    static constexpr const char *kSpeedKey = "playback/speed";
    static constexpr const char *kThemeKey = "appearance/theme";
    static constexpr const char *kZoomKey = "appearance/zoom";
    static constexpr const char *kGeometryKey = "window/geometry";
    static constexpr const char *kStateKey = "window/state";
    static constexpr const char *kLastLessonKey = "lessons/last";
    static constexpr const char *kRecentFilesKey = "files/recent";
    static constexpr int kMaxRecentFiles = 8;
    // Bumped when the tool bars or docks change so much that an old saved layout would look broken.
    static constexpr int kStateVersion = 1;

    // Parented to `window`. Call restore() once every dock and tool bar exists (their places are restored
    // by object name).
    explicit SettingsStore(MainWindow &window);

    // Applies what was remembered: speed, window geometry and the docks' layout.
    void restore();
    // Writes what is only known at the end: the window's geometry and layout (also done when it closes).
    void saveWindow();

    QString theme() const;
    void setTheme(const QString &theme);
    // 1.0 when none was remembered.
    double zoom() const;
    void setZoom(double zoom);
    QString lastLesson() const;
    void setLastLesson(const QString &lessonId);
    QStringList recentFiles() const;
    // Puts `fileName` first in the list (once), keeping the newest kMaxRecentFiles.
    void addRecentFile(const QString &fileName);
    void clearRecentFiles();

    // File → Recent Files; rebuilt whenever the list changes.
    QMenu *recentFilesMenu() const { return m_recentMenu; }

signals:
    void recentFileActivated(const QString &fileName);
    void recentFilesChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void rebuildRecentMenu();

    MainWindow &m_window;
    QMenu *m_recentMenu = nullptr;
    QAction *m_clearAction = nullptr;
};

} // namespace tcplab::ui
