#include "ui/lesson_text.h"

#include <QCoreApplication>

namespace tcplab::ui {

QString lessonLanguage()
{
    // Asking the translators themselves follows a language switched at run time, whatever the locale says.
    const QString code =
        QCoreApplication::translate("tcplab::ui::LessonText", "en",
                                    "The code of this translation's language: zh in Chinese, en in English");
    return code == QLatin1String("zh") ? QStringLiteral("zh") : QStringLiteral("en");
}

QString localized(const LocalizedText &text)
{
    const bool chinese = lessonLanguage() == QLatin1String("zh");
    const std::string &first = chinese ? text.zh : text.en;
    const std::string &second = chinese ? text.en : text.zh;
    return QString::fromStdString(first.empty() ? second : first);
}

} // namespace tcplab::ui
