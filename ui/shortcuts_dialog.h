#pragma once
// Help → Keyboard shortcuts: every action of the main window that has a key, with its keys. Built from the
// window's actions each time it opens, so the list never drifts from what the keys really do.
#include <QDialog>

class QMainWindow;
class QTableWidget;
class QLabel;

namespace tcplab::ui {

class ShortcutsDialog : public QDialog {
    Q_OBJECT

public:
    explicit ShortcutsDialog(QMainWindow &window, QWidget *parent = nullptr);

    // (what it does, its keys) for every action with a shortcut in `window`, sorted by what it does.
    static QList<QPair<QString, QString>> shortcutsOf(const QMainWindow &window);
    // Adds Help → Keyboard shortcuts (F1) to `window`, creating the Help menu last in the menu bar.
    static QAction *install(QMainWindow &window);

    QTableWidget *table() const { return m_table; }
    // Fills the table again from the window's actions.
    void refresh();

signals:
    // The language changed (the Help menu's entries follow).
    void languageChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QMainWindow &m_window;
    QLabel *m_intro = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace tcplab::ui
