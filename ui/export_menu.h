#pragma once
// File → Export: the diagram as a picture (PNG, SVG, PDF; the whole session or only what the view shows),
// the trace (JSON lines, pcap) and the sequence as text (Mermaid, PlantUML). Asks for a file name, writes it
// atomically, and says so in a message box when the write fails, naming the file.
#include "ui/export_format.h"

#include <QMenu>

class QAction;
class QMainWindow;

namespace tcplab::ui {

class SequenceView;
class SessionController;

class ExportMenu : public QMenu {
    Q_OBJECT

public:
    ExportMenu(SessionController &controller, SequenceView &view, QWidget *parent = nullptr);

    // Adds File → Export to `window`'s menu bar (creating the File menu if it has none) and returns it.
    static ExportMenu *install(QMainWindow &window, SessionController &controller, SequenceView &view);
    // The window's File menu (object name "fileMenu"), created first in the menu bar when missing.
    static QMenu *fileMenuOf(QMainWindow &window);

    QAction *actionFor(ExportFormat format) const;
    QAction *visiblePartAction() const { return m_visiblePart; }
    QAction *screenColoursAction() const { return m_screenColours; }
    ExportScope scope() const;
    ExportColours colours() const;

    // Exports without a dialog; returns false (after showing the error unless `quiet`) when writing fails.
    bool exportTo(const QString &fileName, ExportFormat format, bool quiet = false);

signals:
    // A file was written (for the recent-files list).
    void exported(const QString &fileName);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void askAndExport(ExportFormat format);
    QString filterFor(ExportFormat format) const;

    SessionController &m_controller;
    SequenceView &m_view;
    std::vector<std::pair<ExportFormat, QAction *>> m_actions;
    QAction *m_visiblePart = nullptr;
    QAction *m_screenColours = nullptr;
};

} // namespace tcplab::ui
