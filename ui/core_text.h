#pragma once
// The core speaks English in its trace (reasons for discards, errors, refused calls) and a lesson's link
// rules carry English labels. The GUI shows these texts in the user's language: each known text is a
// translatable source here; a text the table does not know (a user's own lesson label) stays as it is.
#include <QString>
#include <QStringList>

#include <string_view>

namespace tcplab::ui {

// `text` in the current language.
QString coreText(std::string_view text);
// Every text the table knows, in English (for tests).
QStringList knownCoreTexts();

} // namespace tcplab::ui
