#pragma once
// Narration: what just happened and why, in sentences with the RFC section, large enough to read from the
// back of a classroom. The top shows the latest moment that had something to tell; below it, the history
// of every sentence so far (newest at the bottom, scrolled into view). Read from the trace up to the
// controller's current time, so stepping back takes the history back too.
#include "trace/trace.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace tcplab::ui {

class SessionController;

class NarrationPanel : public QWidget {
    Q_OBJECT

public:
    explicit NarrationPanel(SessionController &controller, QWidget *parent = nullptr);

    // The sentences shown for the current moment (without the time heading).
    QString currentText() const { return m_currentText; }
    QListWidget *historyList() const { return m_history; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    void appendHistory(std::size_t from, std::size_t to);
    void showCurrent();

    SessionController &m_controller;
    QLabel *m_nowHeading = nullptr;
    QLabel *m_now = nullptr;
    QLabel *m_historyHeading = nullptr;
    QListWidget *m_history = nullptr;
    QString m_currentText;
    std::size_t m_narrated = 0; // trace events [0, m_narrated) are in the history
};

} // namespace tcplab::ui
