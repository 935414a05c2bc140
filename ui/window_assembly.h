#pragma once
// Everything the tcplab program puts around its main window: the teaching docks, the Language menu and the
// glossary. One function, so that the program and the tests that walk the whole window build the same one.
namespace tcplab::ui {

class MainWindow;
class SessionController;

void assembleMainWindow(MainWindow &window, SessionController &controller);

} // namespace tcplab::ui
