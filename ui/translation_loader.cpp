#include "ui/translation_loader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace tcplab::ui {

QString systemLanguage()
{
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh") : QStringLiteral("en");
}

bool isSupportedLanguage(const QString &language)
{
    return language == QLatin1String("zh") || language == QLatin1String("en");
}

bool installTranslation(QCoreApplication &app, const QString &language)
{
    const bool chinese = language == QLatin1String("zh");
    const QString file =
        chinese ? QStringLiteral(":/i18n/tcplab_zh_CN.qm") : QStringLiteral(":/i18n/tcplab_en.qm");
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(file)) return false;
    translator->setParent(&app); // the application owns it from here
    QCoreApplication::installTranslator(translator.release());
    QLocale::setDefault(chinese ? QLocale(QLocale::Chinese, QLocale::China) : QLocale(QLocale::English));

    // Qt's own strings (standard buttons, dialogs) when the system ships them; optional.
    auto qtTranslator = std::make_unique<QTranslator>();
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        qtTranslator->setParent(&app);
        QCoreApplication::installTranslator(qtTranslator.release());
    }
    return true;
}

} // namespace tcplab::ui
