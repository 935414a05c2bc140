#include "ui/window_assembly.h"

#include "ui/capture_ui.h"
#include "ui/glossary_panel.h"
#include "ui/kernel_lab.h"
#include "ui/language_menu.h"
#include "ui/lesson_ui.h"
#include "ui/main_window.h"
#include "ui/mode_menu.h"
#include "ui/teaching_docks.h"

#include <QAction>

namespace tcplab::ui {

void assembleMainWindow(MainWindow &window, SessionController &controller)
{
    // The window may already have its docks (if MainWindow installs them itself): never twice.
    if (!window.findChild<TeachingDocks *>()) TeachingDocks::install(window, controller);
    if (!window.findChild<LanguageMenu *>()) new LanguageMenu(window);
    if (!window.findChild<GlossaryPanel *>()) GlossaryPanel::install(window);
    if (!window.findChild<ModeMenu *>()) ModeMenu::install(window, controller);
    if (!window.findChild<LessonUi *>()) LessonUi::install(window, controller);
    CaptureUi::install(window, controller);
    if (!window.findChild<QAction *>(QStringLiteral("kernelLabAction"))) KernelLab::install(window);
}

} // namespace tcplab::ui
