#pragma once
// Lesson files carry every text in Chinese and English; the UI shows the one of the installed translation,
// and picks again when the language changes at run time.
#include "lesson/lesson.h"

#include <QString>

namespace tcplab::ui {

// "zh" or "en": the language of the translation installed now (English when none is).
QString lessonLanguage();
// The text in the current language (the other one when it is missing).
QString localized(const LocalizedText &text);

} // namespace tcplab::ui
