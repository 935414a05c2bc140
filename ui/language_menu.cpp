#include "ui/language_menu.h"

#include "ui/translation_loader.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QEvent>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>

namespace tcplab::ui {

LanguageMenu::LanguageMenu(QMainWindow &window) : QObject(&window)
{
    setObjectName(QStringLiteral("languageMenu"));
    // Not tr(): the same in every language, by design (see the header).
    m_menu = window.menuBar()->addMenu(QStringLiteral("Language / 语言"));
    m_menu->setObjectName(QStringLiteral("languageMenu"));
    m_group = new QActionGroup(this);
    m_group->setExclusive(true);
    m_chinese = m_menu->addAction(QStringLiteral("中文"));
    m_english = m_menu->addAction(QStringLiteral("English"));
    m_chinese->setData(QStringLiteral("zh"));
    m_english->setData(QStringLiteral("en"));
    for (QAction *action : {m_chinese, m_english}) {
        action->setCheckable(true);
        m_group->addAction(action);
        connect(action, &QAction::triggered, this, [this, action] { switchTo(action->data().toString()); });
    }
    showCurrent();
}

void LanguageMenu::switchTo(const QString &language)
{
    if (!isSupportedLanguage(language)) return;
    QSettings().setValue(QLatin1String(kLanguageKey), language);
    if (language != currentLanguage()) installTranslation(*QCoreApplication::instance(), language);
    showCurrent();
    emit languageSwitched(language);
}

bool LanguageMenu::event(QEvent *event)
{
    // The window passes LanguageChange on to its children, this object among them: the check follows a
    // switch made elsewhere (at start-up, by --lang, by a test).
    if (event->type() == QEvent::LanguageChange) showCurrent();
    return QObject::event(event);
}

void LanguageMenu::showCurrent()
{
    const bool chinese = currentLanguage() == QLatin1String("zh");
    m_chinese->setChecked(chinese);
    m_english->setChecked(!chinese);
}

} // namespace tcplab::ui
