#pragma once
// The Language menu: "Language / 语言" in a main window's menu bar, with 中文 and English as checkable
// actions. Each language is named in its own language, and the menu's title in both, so that a user who
// cannot read the current language still finds the way back. A choice switches the running program (every
// widget retranslates on QEvent::LanguageChange) and is remembered in QSettings; --lang is not.
#include <QObject>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;

namespace tcplab::ui {

class LanguageMenu : public QObject {
    Q_OBJECT

public:
    // Adds the menu to `window`'s menu bar; the window owns the menu and this object.
    explicit LanguageMenu(QMainWindow &window);

    QMenu *menu() const { return m_menu; }
    QAction *chineseAction() const { return m_chinese; }
    QAction *englishAction() const { return m_english; }

    // Switches the program to "zh" or "en" and remembers the choice, as the menu's actions do.
    void switchTo(const QString &language);

    bool event(QEvent *event) override;

signals:
    void languageSwitched(const QString &language);

private:
    void showCurrent();

    QMenu *m_menu = nullptr;
    QActionGroup *m_group = nullptr;
    QAction *m_chinese = nullptr;
    QAction *m_english = nullptr;
};

} // namespace tcplab::ui
