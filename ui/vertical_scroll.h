#pragma once
// A column of a dock that scrolls up and down instead of making the window taller than the screen: its
// text wraps to the dock's width (no sideways scrolling) and its minimum height is a scroll bar's.
class QScrollArea;
class QWidget;

namespace tcplab::ui {

// Puts `content` (which keeps its own layout) in a frameless vertical scroll area parented to `parent`.
QScrollArea *verticalScroll(QWidget *content, QWidget *parent);

} // namespace tcplab::ui
