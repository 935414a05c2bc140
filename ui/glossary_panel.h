#pragma once
// The glossary: every term of connection management (the 11 states, the 6 flags, the header's numbers, the
// timers, the ideas) with its English and Chinese explanation side by side, whatever the interface's
// language, as a dock that Help ▸ Glossary (F1, Ctrl+G) shows and hides. A filter narrows the rows.
#include <QDockWidget>

class QAction;
class QLineEdit;
class QMainWindow;
class QMenu;
class QTableWidget;

namespace tcplab::ui {

class GlossaryPanel : public QDockWidget {
    Q_OBJECT

public:
    // Creates the dock (hidden) in `window`, which owns it, and its action in the window's Help menu (made
    // when the window has none; a Help menu is found by the object name "helpMenu").
    static GlossaryPanel *install(QMainWindow &window);

    QAction *toggleAction() const { return m_action; }
    QTableWidget *table() const { return m_table; }
    // Shows only the rows whose term or explanations contain `text` (case-insensitive).
    void setFilter(const QString &text);

    // Column indices of the table; the Chinese column holds Chinese in every interface language.
    static constexpr int kTermColumn = 0;
    static constexpr int kEnglishColumn = 1;
    static constexpr int kChineseColumn = 2;
    // Every cell starts at the top left, so that the beginning of each row shows however tall it is.
    static constexpr Qt::Alignment kCellAlignment = Qt::AlignLeft | Qt::AlignTop;

protected:
    void changeEvent(QEvent *event) override;

private:
    explicit GlossaryPanel(QMainWindow &window);
    void fillTable();
    void retranslateUi();

    QLineEdit *m_filter = nullptr;
    QTableWidget *m_table = nullptr;
    QAction *m_action = nullptr;
    QMenu *m_ownHelpMenu = nullptr; // the Help menu, when this panel had to make it
};

} // namespace tcplab::ui
