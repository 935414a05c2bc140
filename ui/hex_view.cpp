#include "ui/hex_view.h"

#include "ui/diagram_style.h"

#include <QEvent>
#include <QFontDatabase>
#include <QMouseEvent>
#include <QPainter>

namespace tcplab::ui {

namespace {

constexpr int kPadding = 6;
// Printable ASCII is shown as itself; anything else as a dot, as every hex dump does.
QChar asciiOf(char byte)
{
    const auto c = static_cast<unsigned char>(byte);
    return c >= 0x20 && c < 0x7f ? QChar(c) : QChar('.');
}

QColor highlightFill()
{
    return style::highlightFill(); // the theme's: a deep amber under light text on the dark theme
}

} // namespace

HexView::HexView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("hexView"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    // A little under the window's text: 74 columns must fit beside the field tree.
    mono.setPointSizeF(std::max(11.0, font().pointSizeF() * 0.9));
    setFont(mono);
    setMouseTracking(true);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    retranslateUi();
}

void HexView::retranslateUi()
{
    setAccessibleName(tr("Segment bytes"));
    setAccessibleDescription(tr("The segment's wire bytes in hexadecimal, 16 a row, with an ASCII column"));
}

void HexView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    if (event->type() == QEvent::FontChange) updateGeometry();
    QWidget::changeEvent(event);
}

void HexView::setBytes(const QByteArray &bytes)
{
    m_bytes = bytes;
    m_highlightOffset = m_highlightLength = 0;
    updateGeometry();
    update();
}

void HexView::setHighlight(int offset, int length)
{
    offset = std::clamp(offset, 0, int(m_bytes.size()));
    length = std::clamp(length, 0, int(m_bytes.size()) - offset);
    if (offset == m_highlightOffset && length == m_highlightLength) return;
    m_highlightOffset = offset;
    m_highlightLength = length;
    update();
}

QString HexView::rowText(int row) const
{
    QString text = QStringLiteral("%1  ").arg(row * kBytesPerRow, 4, 16, QChar('0'));
    QString ascii;
    for (int i = 0; i < kBytesPerRow; ++i) {
        const int at = row * kBytesPerRow + i;
        if (i == 8) text += QChar(' ');
        if (at < m_bytes.size()) {
            text += QStringLiteral("%1 ").arg(static_cast<unsigned char>(m_bytes[at]), 2, 16, QChar('0'));
            ascii += asciiOf(m_bytes[at]);
        } else {
            text += QStringLiteral("   ");
        }
    }
    return text + QStringLiteral(" ") + ascii;
}

int HexView::charWidth() const
{
    return fontMetrics().horizontalAdvance(QChar('0'));
}

int HexView::lineHeight() const
{
    return fontMetrics().height() + 2;
}

QSize HexView::sizeHint() const
{
    const int columns = asciiColumn(kBytesPerRow) + 1;
    return {2 * kPadding + columns * charWidth(),
            2 * kPadding + (std::max(rowCount(), 1) + 1) * lineHeight()};
}

QRect HexView::byteRect(int offset) const
{
    const int row = offset / kBytesPerRow, column = offset % kBytesPerRow;
    // Row 0 is the column header.
    return {kPadding + hexColumn(column) * charWidth() - charWidth() / 4, kPadding + (row + 1) * lineHeight(),
            charWidth() * 2 + charWidth() / 2, lineHeight()};
}

int HexView::byteAt(QPoint pos) const
{
    for (int i = 0; i < m_bytes.size(); ++i) {
        const QRect hex = byteRect(i);
        QRect ascii = hex;
        ascii.moveLeft(kPadding + asciiColumn(i % kBytesPerRow) * charWidth());
        ascii.setWidth(charWidth());
        if (hex.contains(pos) || ascii.contains(pos)) return i;
    }
    return -1;
}

void HexView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const int cw = charWidth(), lh = lineHeight();
    const int ascent = fontMetrics().ascent() + 1;

    // Column header: the byte's position within a row.
    painter.setPen(QColor(0x90, 0x90, 0x90));
    for (int i = 0; i < kBytesPerRow; ++i)
        painter.drawText(kPadding + hexColumn(i) * cw, kPadding + ascent,
                         QStringLiteral("%1").arg(i, 2, 16, QChar('0')));

    for (int i = m_highlightOffset; i < m_highlightOffset + m_highlightLength; ++i) {
        const QRect hex = byteRect(i);
        painter.fillRect(hex, highlightFill());
        painter.fillRect(QRect(kPadding + asciiColumn(i % kBytesPerRow) * cw, hex.top(), cw, lh),
                         highlightFill());
    }
    if (m_hovered >= 0) {
        painter.setPen(QPen(style::textColor(), 1));
        painter.drawRect(byteRect(m_hovered).adjusted(0, 0, -1, -1));
    }
    for (int row = 0; row < rowCount(); ++row) {
        const int y = kPadding + (row + 1) * lh + ascent;
        painter.setPen(QColor(0x80, 0x80, 0x80));
        painter.drawText(kPadding, y, QStringLiteral("%1").arg(row * kBytesPerRow, 4, 16, QChar('0')));
        painter.setPen(style::textColor());
        for (int i = 0; i < kBytesPerRow; ++i) {
            const int at = row * kBytesPerRow + i;
            if (at >= m_bytes.size()) break;
            painter.drawText(
                kPadding + hexColumn(i) * cw, y,
                QStringLiteral("%1").arg(static_cast<unsigned char>(m_bytes[at]), 2, 16, QChar('0')));
            painter.drawText(kPadding + asciiColumn(i) * cw, y, QString(asciiOf(m_bytes[at])));
        }
    }
}

void HexView::mouseMoveEvent(QMouseEvent *event)
{
    const int at = byteAt(event->position().toPoint());
    if (at != m_hovered) {
        m_hovered = at;
        update();
        emit byteHovered(at);
    }
    QWidget::mouseMoveEvent(event);
}

void HexView::leaveEvent(QEvent *event)
{
    if (m_hovered != -1) {
        m_hovered = -1;
        update();
        emit byteHovered(-1);
    }
    QWidget::leaveEvent(event);
}

} // namespace tcplab::ui
