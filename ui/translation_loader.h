#pragma once
// Loads the embedded translation of the GUI for a language ("zh" or "en").
#include <QString>

class QCoreApplication;

namespace tcplab::ui {

// "zh" when the system locale is Chinese, "en" otherwise.
QString systemLanguage();
// true for the languages the GUI is translated into.
bool isSupportedLanguage(const QString &language);
// Installs tcplab's translation (and Qt's own, when the system has it) into the application. The
// translators are children of the application. false when the embedded translation is missing.
bool installTranslation(QCoreApplication &app, const QString &language);

} // namespace tcplab::ui
