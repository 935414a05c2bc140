#include "ui/translation_loader.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace tcplab::ui {

namespace {

// Translators carry this object name so that a switch finds and removes the previous language's ones.
constexpr auto kTranslatorName = "tcplab_i18n_translator";
// Simplified-Chinese glyph forms: left to fontconfig, Han characters may come from the JP or TC face.
constexpr auto kCjkFamily = "Noto Sans CJK SC";

QString g_current = QStringLiteral("en");

void removeTranslators(QCoreApplication &app)
{
    const QList<QTranslator *> old =
        app.findChildren<QTranslator *>(QLatin1String(kTranslatorName), Qt::FindDirectChildrenOnly);
    for (QTranslator *translator : old) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void addTranslator(QCoreApplication &app, std::unique_ptr<QTranslator> translator)
{
    translator->setObjectName(QLatin1String(kTranslatorName));
    translator->setParent(&app); // the application owns it from here
    QCoreApplication::installTranslator(translator.release());
}

// Chinese first in Chinese, so that Latin and Han text share one face; a fallback in English, so that the
// language menu's 中文 and the glossary's Chinese column still render with Simplified forms.
void setFonts(bool chinese)
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) return;
    if (!QFontDatabase::families().contains(QLatin1String(kCjkFamily))) return;
    static const QStringList systemFamilies = [] {
        const QFont system = QApplication::font();
        return system.families().isEmpty() ? QStringList{system.family()} : system.families();
    }();
    QStringList families = systemFamilies;
    families.removeAll(QLatin1String(kCjkFamily));
    if (chinese)
        families.prepend(QLatin1String(kCjkFamily));
    else
        families.append(QLatin1String(kCjkFamily));
    QFont font = QApplication::font();
    font.setFamilies(families);
    QApplication::setFont(font);
}

} // namespace

QString systemLanguage()
{
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh") : QStringLiteral("en");
}

QString startupLanguage()
{
    const QString remembered = QSettings().value(QLatin1String(kLanguageKey)).toString();
    return isSupportedLanguage(remembered) ? remembered : systemLanguage();
}

bool isSupportedLanguage(const QString &language)
{
    return language == QLatin1String("zh") || language == QLatin1String("en");
}

QString currentLanguage()
{
    return g_current;
}

bool installTranslation(QCoreApplication &app, const QString &language)
{
    const bool chinese = language == QLatin1String("zh");
    const QString file =
        chinese ? QStringLiteral(":/i18n/tcplab_zh_CN.qm") : QStringLiteral(":/i18n/tcplab_en.qm");
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(file)) return false;
    removeTranslators(app);
    const QLocale locale = chinese ? QLocale(QLocale::Chinese, QLocale::China) : QLocale(QLocale::English);
    QLocale::setDefault(locale);
    g_current = chinese ? QStringLiteral("zh") : QStringLiteral("en");
    setFonts(chinese);

    // Qt's own strings (standard buttons, dialogs) from qt6-translations-l10n when installed; optional.
    // English needs none: Qt's sources are English.
    auto qtTranslator = std::make_unique<QTranslator>();
    if (chinese && qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        addTranslator(app, std::move(qtTranslator));
    // Installed last so that it is searched first.
    addTranslator(app, std::move(translator));
    return true;
}

} // namespace tcplab::ui
