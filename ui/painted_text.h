#pragma once
// What painters write into widgets, recorded for the tests that check every visible word is in the
// interface's language: a widget tree walk sees properties, not the text a paintEvent draws. Recording is
// off unless a test turns it on, and then costs one list append per drawn string.
#include <QString>
#include <QStringList>

namespace tcplab::ui {

// Call with every string a paintEvent draws with QPainter::drawText.
void notePaintedText(const QString &text);

// Starts (and empties) or stops the record.
void setPaintedTextRecording(bool on);
// The strings noted since recording started or was last cleared, in drawing order.
QStringList paintedTexts();
void clearPaintedTexts();

} // namespace tcplab::ui
