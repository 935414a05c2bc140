#pragma once
// The segments of an opened capture's connection, one row each: frame number, time since the connection's
// first packet, direction, flags, seq, ack, window, length, the states the core's rules reconstruct for
// both ends after it, and what stands out (a retransmission, a gap before it, not what the core would
// send, a bad checksum). Retransmissions and gaps are coloured. Picking a row selects the arrow and moves
// the views to the moment it arrives; picking an arrow selects its row.
#include "ui/capture_document.h"

#include <QWidget>

class QLabel;
class QTreeView;

namespace tcplab::ui {

class CaptureSegmentModel;
class SessionController;

class CaptureSegmentList : public QWidget {
    Q_OBJECT

public:
    enum Column { Frame, Time, Direction, Flags, Seq, Ack, Window, Length, ClientState, ServerState, Remark };

    explicit CaptureSegmentList(SessionController &controller, QWidget *parent = nullptr);

    void setConversation(const QString &fileName, const OpenedConversation &opened);
    // The rows are a model's (CaptureSegmentModel), made as the view shows them: a capture of 100,000
    // segments opens without building 100,000 items.
    QTreeView *tree() const { return m_tree; }
    int rowCount() const;
    QString text(int row, Column column) const; // as the list shows it
    QString summaryText() const;
    // The remark column's text of a row: retransmission, gap, differences from the core (translated).
    QString remarkText(const CaptureSegmentRow &row) const;
    // What the reader found of the row's TCP checksum when it is not simply good (translated; "" if good).
    static QString checksumText(const CaptureSegmentRow &row);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showSelection(quint64 segmentId);

    SessionController &m_controller;
    QLabel *m_summary = nullptr;
    CaptureSegmentModel *m_model = nullptr;
    QTreeView *m_tree = nullptr;
    QString m_fileName;
    bool m_showingSelection = false;
    OpenedConversation m_opened;
};

} // namespace tcplab::ui
