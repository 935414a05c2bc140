#pragma once
// Loads the embedded translation of the GUI for a language ("zh" or "en"), and switches it while the program
// runs: installing a translator makes Qt send QEvent::LanguageChange to every widget, which retranslates.
#include <QString>

class QCoreApplication;

namespace tcplab::ui {

// QSettings key of the language the user last chose in the Language menu.
inline constexpr const char *kLanguageKey = "language";

// "zh" when the system locale is Chinese, "en" otherwise.
QString systemLanguage();
// The language to start in without --lang: the one remembered in QSettings, else the system's.
QString startupLanguage();
// true for the languages the GUI is translated into.
bool isSupportedLanguage(const QString &language);
// Installs tcplab's translation (and Qt's own, when the system has it) into the application, replacing the
// ones installed before, and sets the default locale and the fonts for the language. The translators are
// children of the application. false when the embedded translation is missing.
bool installTranslation(QCoreApplication &app, const QString &language);
// The language installed last ("zh" or "en"); "en" before any.
QString currentLanguage();

} // namespace tcplab::ui
