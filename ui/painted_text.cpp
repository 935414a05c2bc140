#include "ui/painted_text.h"

namespace tcplab::ui {

namespace {

// GUI thread only, like painting itself.
bool g_recording = false;
QStringList g_texts;

} // namespace

void notePaintedText(const QString &text)
{
    if (g_recording) g_texts.append(text);
}

void setPaintedTextRecording(bool on)
{
    g_recording = on;
    g_texts.clear();
}

QStringList paintedTexts()
{
    return g_texts;
}

void clearPaintedTexts()
{
    g_texts.clear();
}

} // namespace tcplab::ui
