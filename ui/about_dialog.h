#pragma once
// Help → About tcplab: the version, what the program teaches, its licence (GPL-3.0-or-later) and the Qt it
// runs on. The same facts as `tcplab --version`, for someone who never opens a terminal.
#include <QDialog>

class QLabel;
class QMainWindow;

namespace tcplab::ui {

class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // Adds Help → About tcplab to `window` (the Help menu is created last in the menu bar when missing).
    static QAction *install(QMainWindow &window);

    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
};

} // namespace tcplab::ui
