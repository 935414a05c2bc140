#pragma once
// Everything the tcplab program puts around its main window: the teaching docks, the Language menu, the
// glossary and the lessons (menus and docks; find them with window.findChild<LessonUi *>()). One function,
// so that the program and the tests that walk the whole window build the same one.
namespace tcplab::ui {

class MainWindow;
class SessionController;

void assembleMainWindow(MainWindow &window, SessionController &controller);

} // namespace tcplab::ui
