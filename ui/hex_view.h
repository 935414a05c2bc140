#pragma once
// A hex dump of a segment's wire bytes: 16 bytes a row with the row's offset and an ASCII column, as in
// Wireshark's bytes pane. One byte range can be highlighted (the field the inspector points at).
#include <QByteArray>
#include <QWidget>

namespace tcplab::ui {

class HexView : public QWidget {
    Q_OBJECT

public:
    static constexpr int kBytesPerRow = 16;

    explicit HexView(QWidget *parent = nullptr);

    void setBytes(const QByteArray &bytes);
    const QByteArray &bytes() const { return m_bytes; }
    // Highlights bytes [offset, offset + length); length 0 highlights nothing.
    void setHighlight(int offset, int length);
    int highlightOffset() const { return m_highlightOffset; }
    int highlightLength() const { return m_highlightLength; }

    int rowCount() const { return int((m_bytes.size() + kBytesPerRow - 1) / kBytesPerRow); }
    // Row `row` as text: "0010  c0 a8 ...  |....|"; what the widget paints, for tests and copying.
    QString rowText(int row) const;
    // The byte under a point in widget coordinates, or -1.
    int byteAt(QPoint pos) const;
    QRect byteRect(int offset) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

signals:
    // The mouse moved onto another byte (-1: off the bytes).
    void byteHovered(int offset);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    int charWidth() const;
    int lineHeight() const;
    // Character columns: offset (4) and two spaces, then the hex bytes with a gap after the eighth, then the
    // ASCII column.
    static int hexColumn(int indexInRow) { return 6 + 3 * indexInRow + (indexInRow >= 8 ? 1 : 0); }
    static int asciiColumn(int indexInRow) { return 6 + 3 * kBytesPerRow + 2 + indexInRow; }

    QByteArray m_bytes;
    int m_highlightOffset = 0;
    int m_highlightLength = 0;
    int m_hovered = -1;
};

} // namespace tcplab::ui
