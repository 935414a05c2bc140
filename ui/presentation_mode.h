#pragma once
// Presentation mode, for a teacher at a projector: F11 shows the window full screen, Ctrl+= / Ctrl+- /
// Ctrl+0 scale every font of the window and every font and line of the diagrams, a high-contrast theme makes
// text black on white and bold, and while presenting the arrow of the latest segment is highlighted as time
// runs. Outside it, the window follows the chosen theme: the system's (light or dark), light or dark.
#include "ui/theme.h"

#include <QObject>
#include <QPalette>

class QAction;
class QActionGroup;
class QMenu;

namespace tcplab::ui {

class MainWindow;
class SequenceView;

class PresentationMode : public QObject {
    Q_OBJECT

public:
    static constexpr double kMinZoom = 0.75;
    static constexpr double kMaxZoom = 3.0;
    static constexpr double kZoomStep = 0.25;

    // Parented to `window`; adds its actions to the window (their keys work everywhere in it) and its
    // entries to the View menu.
    explicit PresentationMode(MainWindow &window);

    double zoom() const { return m_zoom; }
    Theme theme() const { return m_theme; }
    bool isFullScreen() const;

    QAction *fullScreenAction() const { return m_fullScreen; }
    QAction *zoomInAction() const { return m_zoomIn; }
    QAction *zoomOutAction() const { return m_zoomOut; }
    QAction *resetZoomAction() const { return m_resetZoom; }
    QAction *highContrastAction() const { return m_highContrast; }
    QMenu *themeMenu() const { return m_themeMenu; }

public slots:
    void setZoom(double zoom);
    void setTheme(tcplab::ui::Theme theme);
    void setFullScreen(bool on);
    // All at once, for the --presentation flag: high contrast, `zoom`, and full screen unless told not to
    // (a screenshot keeps the size it was asked for).
    void present(double zoom, bool fullScreen = true);

signals:
    void zoomChanged(double zoom);
    void themeChanged(tcplab::ui::Theme theme);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void applyFonts();
    void applyDiagramFonts(SequenceView &view);
    // Sets every diagram's colours and line widths from the theme and zoom (style::current()).
    void applyStyle();
    void highlightCurrentEvent();
    bool isPresenting() const;

    MainWindow &m_window;
    QPalette m_systemPalette;
    double m_zoom = 1.0;
    Theme m_theme = Theme::System;
    QAction *m_fullScreen = nullptr;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_resetZoom = nullptr;
    QAction *m_highContrast = nullptr;
    QMenu *m_themeMenu = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    Qt::WindowStates m_stateBeforeFullScreen = Qt::WindowNoState;
};

} // namespace tcplab::ui
