#pragma once
// The packet inspector: every header field of one segment in a tree (value and a one-line meaning), and the
// segment's wire bytes in a hex view. Pointing at a field (hover or selection) highlights its bytes; the
// byte ranges come from the core's wireLayout. The segment is the one selected in the sequence diagram, or
// the latest one sent when nothing is selected.
#include "trace/trace.h"

#include <QWidget>

#include <optional>

class QLabel;
class QScrollArea;
class QSplitter;
class QTreeWidget;
class QTreeWidgetItem;

namespace tcplab::ui {

class HexView;
class SessionController;

class PacketInspector : public QWidget {
    Q_OBJECT

public:
    // Keys of the rows, stable across languages (Qt::UserRole of column 0).
    static constexpr int kKeyRole = Qt::UserRole;
    static constexpr int kOffsetRole = Qt::UserRole + 1;
    static constexpr int kLengthRole = Qt::UserRole + 2;

    explicit PacketInspector(SessionController &controller, QWidget *parent = nullptr);

    QTreeWidget *fieldTree() const { return m_tree; }
    HexView *hexView() const { return m_hex; }
    // "Window: how many more octets ..." for the field pointed at or selected.
    QString meaningText() const;
    // The segment shown (its segmentId), or 0 when none is.
    quint64 shownSegment() const { return m_shownSegment; }
    // The row with a key: "srcPort", "dstPort", "seq", "seqRelative", "ack", "ackRelative", "dataOffset",
    // "flags", "flag.SYN" (and the other flags), "window", "checksum", "urgentPointer", "mss", "padding",
    // "data". nullptr when the shown segment has no such row.
    QTreeWidgetItem *fieldItem(const QString &key) const;

public slots:
    // Shows segment `segmentId`; 0 follows the latest segment sent.
    void setSegment(quint64 segmentId);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslateUi();
    // The dump beside the fields when there is room for their meanings, under them when not.
    void arrangePanes();
    // Finds the segment at the current time and rebuilds the rows when it is another one.
    void refresh();
    void rebuild();
    void highlightItem(const QTreeWidgetItem *item);
    void highlightByte(int offset);
    QTreeWidgetItem *addRow(QTreeWidgetItem *parent, const QString &key, const QString &name,
                            const QString &value, const QString &meaning, int offset, int length);

    SessionController &m_controller;
    QLabel *m_title = nullptr;
    QLabel *m_meaning = nullptr; // the pointed-at field's meaning, readable when the column is cut
    QTreeWidget *m_tree = nullptr;
    HexView *m_hex = nullptr;
    QScrollArea *m_hexScroll = nullptr;
    QSplitter *m_splitter = nullptr;
    quint64 m_requested = 0;
    quint64 m_shownSegment = 0;
    // A copy of the SegmentSent event shown: a replay (stepping back) replaces the trace it came from.
    std::optional<TraceEvent> m_shown;
    bool m_dirty = true; // the rows must be built again even for the same segment
};

} // namespace tcplab::ui
