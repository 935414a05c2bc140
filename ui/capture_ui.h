#pragma once
// File ▸ Open capture… (Ctrl+O) and File ▸ Recent captures: a pcap or pcapng file from Wireshark or tcpdump
// is read, its TCP connections listed (CaptureDialog), and the one picked is stepped through in the main
// window's views, which play it as a recorded trace (SessionController::loadRecordedTrace). Its segments
// are listed in the Capture dock. A damaged file gets a message naming it and what is wrong; what could be
// read before the damage is still offered.
#include "ui/capture_document.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QMenu;

namespace tcplab::ui {

class CaptureSegmentList;
class MainWindow;
class SessionController;

class CaptureUi : public QObject {
    Q_OBJECT

public:
    static constexpr const char *kRecentKey = "capture/recentFiles";
    static constexpr int kMaxRecent = 8;

    static CaptureUi *install(MainWindow &window, SessionController &controller);

    QAction *openAction() const { return m_openAction; }
    QMenu *recentMenu() const { return m_recentMenu; }
    QDockWidget *dock() const { return m_dock; }
    CaptureSegmentList *segmentList() const { return m_list; }

    // Without a user (tests, --open-capture): no dialog and no message box; the first connection, or the
    // one given, is opened, and lastMessage() holds what a box would have said.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    // Reads `path` and opens a connection: asks which (CaptureDialog) when there are several and a user.
    bool openFile(const QString &path, std::optional<int> connection = std::nullopt,
                  CaptureTimeAxis axis = CaptureTimeAxis::OneStepPerSegment);
    // Opens connection `index` of an already read file into the views.
    bool openConnection(const CaptureFile &file, int index, CaptureTimeAxis axis);
    const CaptureFile *file() const { return m_file.get(); }
    const OpenedConversation *opened() const { return m_opened ? &*m_opened : nullptr; }
    // The last warning or error (translated; "" when there was none).
    const QString &lastMessage() const { return m_lastMessage; }
    QStringList recentFiles() const;

public slots:
    void openFromDialog();

protected:
    bool event(QEvent *event) override;

private:
    CaptureUi(MainWindow &window, SessionController &controller);
    void retranslateUi();
    void rebuildRecentMenu();
    void remember(const QString &path);
    void warn(const QString &message);

    MainWindow &m_window;
    SessionController &m_controller;
    QAction *m_openAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QDockWidget *m_dock = nullptr;
    CaptureSegmentList *m_list = nullptr;
    std::unique_ptr<CaptureFile> m_file;
    std::optional<OpenedConversation> m_opened;
    QString m_lastMessage;
    bool m_interactive = true;
};

} // namespace tcplab::ui
