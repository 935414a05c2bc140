#include "ui/packet_inspector.h"

#include "ui/diagram_style.h"
#include "ui/hex_view.h"
#include "ui/session_controller.h"
#include "ui/time_format.h"

#include "tcp/wire.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <optional>
#include <string_view>

namespace tcplab::ui {

namespace {

// The names wireLayout gives (English, from the core), registered here so that lupdate offers them for
// translation; the rows are titled with tr(name).
[[maybe_unused]] constexpr const char *kWireFieldNames[] = {
    QT_TRANSLATE_NOOP("tcplab::ui::PacketInspector", "Source port"),
    QT_TRANSLATE_NOOP("tcplab::ui::PacketInspector", "Destination port"),
    QT_TRANSLATE_NOOP("tcplab::ui::PacketInspector", "Sequence number"),
    QT_TRANSLATE_NOOP("tcplab::ui::PacketInspector", "Acknowledgment number"),
    QT_TRANSLATE_NOOP("tcplab::ui::PacketInspector", "Data offset"),
    QT_TRANSLATE_NOOP("tcplab::ui::PacketInspector", "Flags"),
    QT_TRANSLATE_NOOP("tcplab::ui::PacketInspector", "Window"),
    QT_TRANSLATE_NOOP("tcplab::ui::PacketInspector", "Checksum"),
    QT_TRANSLATE_NOOP("tcplab::ui::PacketInspector", "Urgent pointer"),
    QT_TRANSLATE_NOOP("tcplab::ui::PacketInspector", "Option: maximum segment size"),
    QT_TRANSLATE_NOOP("tcplab::ui::PacketInspector", "Padding"),
    QT_TRANSLATE_NOOP("tcplab::ui::PacketInspector", "Data"),
};

// The flag bits in header order (most significant first), with the RFC's names.
struct FlagRow {
    TcpFlag flag;
    const char *name;
};
constexpr FlagRow kFlagRows[] = {{kUrg, "URG"}, {kAck, "ACK"}, {kPsh, "PSH"},
                                 {kRst, "RST"}, {kSyn, "SYN"}, {kFin, "FIN"}};

// The initial sequence number `side` chose: the seq of its first SYN in the trace.
std::optional<std::uint32_t> isnOf(const Trace &trace, Side side, int conn)
{
    for (const TraceEvent &event : trace.events())
        if (event.kind == TraceKind::SegmentSent && event.side == side && event.conn == conn &&
            event.segment.has(kSyn))
            return event.segment.seq;
    return std::nullopt;
}

QString payloadPreview(const std::vector<std::uint8_t> &payload)
{
    constexpr std::size_t kPreviewBytes = 48;
    QString text;
    for (std::size_t i = 0; i < std::min(payload.size(), kPreviewBytes); ++i) {
        const auto c = payload[i];
        if (c == '\r')
            text += QStringLiteral("\\r");
        else if (c == '\n')
            text += QStringLiteral("\\n");
        else
            text += c >= 0x20 && c < 0x7f ? QChar(c) : QChar(0x00b7);
    }
    if (payload.size() > kPreviewBytes) text += QChar(0x2026);
    return text;
}

} // namespace

PacketInspector::PacketInspector(SessionController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("packetInspector"));
    m_title = new QLabel(this);
    m_title->setFont(style::scaledFont(font(), 1.1, true));
    m_title->setWordWrap(true);

    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(3);
    m_tree->setRootIsDecorated(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setMouseTracking(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setFont(style::scaledFont(font(), 1.1));
    m_tree->header()->setStretchLastSection(true);
    m_tree->viewport()->installEventFilter(this);

    m_hex = new HexView;
    auto *hexScroll = new QScrollArea(this);
    hexScroll->setWidget(m_hex);
    hexScroll->setWidgetResizable(true);
    // The dump needs its width and no more; the tree takes the rest for the meanings.
    hexScroll->setMinimumWidth(m_hex->sizeHint().width() + 24);
    hexScroll->setMaximumWidth(m_hex->sizeHint().width() + 24);

    m_hexScroll = hexScroll;
    m_splitter = new QSplitter(Qt::Horizontal, this);
    auto *splitter = m_splitter;
    splitter->addWidget(m_tree);
    splitter->addWidget(hexScroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_title);
    layout->addWidget(splitter, 1);
    m_meaning = new QLabel(this);
    m_meaning->setWordWrap(true);
    m_meaning->setFont(style::scaledFont(font(), 1.1));
    layout->addWidget(m_meaning);

    connect(m_tree, &QTreeWidget::itemEntered, this, [this](QTreeWidgetItem *item) { highlightItem(item); });
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { highlightItem(item); });
    connect(m_hex, &HexView::byteHovered, this, &PacketInspector::highlightByte);
    connect(&m_controller, &SessionController::segmentSelected, this, &PacketInspector::setSegment);
    connect(&m_controller, &SessionController::timeChanged, this, &PacketInspector::refresh);
    connect(&m_controller, &SessionController::traceChanged, this, &PacketInspector::refresh);

    m_requested = m_controller.selectedSegment();
    retranslateUi();
}

void PacketInspector::retranslateUi()
{
    m_tree->setHeaderLabels({tr("Field"), tr("Value"), tr("Meaning")});
    m_tree->setAccessibleName(tr("Header fields"));
    setAccessibleName(tr("Packet inspector"));
    m_dirty = true; // every row's text is translated: build them again
    refresh();
}

void PacketInspector::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

bool PacketInspector::eventFilter(QObject *watched, QEvent *event)
{
    // Leaving the tree: the highlight goes back to the selected row's bytes.
    if (watched == m_tree->viewport() && event->type() == QEvent::Leave) highlightItem(m_tree->currentItem());
    return QWidget::eventFilter(watched, event);
}

void PacketInspector::setSegment(quint64 segmentId)
{
    m_requested = segmentId;
    m_dirty = true;
    refresh();
}

void PacketInspector::refresh()
{
    const Trace &trace = m_controller.trace();
    const TimeUs now = m_controller.currentTime();
    const TraceEvent *found = nullptr;
    for (const TraceEvent &event : trace.events()) {
        if (event.t > now) break;
        if (event.kind != TraceKind::SegmentSent) continue;
        if (m_requested == 0) {
            found = &event; // the latest so far
        } else if (event.segmentId == m_requested) {
            found = &event;
            break;
        }
    }
    const bool same = found ? m_shown && m_shown->eventId == found->eventId : !m_shown;
    if (same && !m_dirty) return;
    m_dirty = false;
    if (found)
        m_shown = *found;
    else
        m_shown.reset();
    rebuild();
}

QTreeWidgetItem *PacketInspector::addRow(QTreeWidgetItem *parent, const QString &key, const QString &name,
                                         const QString &value, const QString &meaning, int offset, int length)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    item->setText(0, name);
    item->setText(1, value);
    item->setText(2, meaning);
    item->setToolTip(2, meaning);
    item->setData(0, kKeyRole, key);
    item->setData(0, kOffsetRole, offset);
    item->setData(0, kLengthRole, length);
    return item;
}

void PacketInspector::rebuild()
{
    const QString selectedKey =
        m_tree->currentItem() ? m_tree->currentItem()->data(0, kKeyRole).toString() : QString();
    m_tree->clear();
    m_shownSegment = m_shown ? m_shown->segmentId : 0;
    if (!m_shown) {
        m_hex->setBytes({});
        m_title->setText(m_requested == 0
                             ? tr("No segment has been sent yet.")
                             : tr("Segment #%1 has not been sent yet at this time.").arg(m_requested));
        return;
    }
    const TraceEvent &event = *m_shown;
    const Segment &s = event.segment;
    const std::vector<std::uint8_t> wire = encodeSegment(s);
    const auto sideText = [this](Side side) { return side == Side::Client ? tr("client") : tr("server"); };
    m_hex->setBytes(QByteArray(reinterpret_cast<const char *>(wire.data()), qsizetype(wire.size())));

    const QString direction = tr("%1 → %2").arg(sideText(event.side), sideText(peerOf(event.side)));
    const QString flags = QString::fromStdString(flagsToString(s.flags));
    m_title->setText((m_requested == 0 ? tr("Latest segment #%1: %2, %3, sent at %4")
                                       : tr("Segment #%1: %2, %3, sent at %4"))
                         .arg(event.segmentId)
                         .arg(flags.isEmpty() ? tr("no flags") : flags, direction, formatTime(event.t)));

    const auto senderIsn = isnOf(m_controller.trace(), event.side, event.conn);
    const auto receiverIsn = isnOf(m_controller.trace(), peerOf(event.side), event.conn);
    for (const WireField &field : wireLayout(s)) {
        const std::string_view name = field.name;
        const QString title = tr(field.name);
        const int at = field.offset, length = field.length;
        if (name == "Source port") {
            addRow(nullptr, QStringLiteral("srcPort"), title, QString::number(s.srcPort),
                   tr("the sending application's port"), at, length);
        } else if (name == "Destination port") {
            addRow(nullptr, QStringLiteral("dstPort"), title, QString::number(s.dstPort),
                   tr("the receiving application's port"), at, length);
        } else if (name == "Sequence number") {
            addRow(nullptr, QStringLiteral("seq"), title, QString::number(s.seq),
                   tr("number of the first octet of this segment (a SYN or FIN counts as one)"), at, length);
            addRow(nullptr, QStringLiteral("seqRelative"), tr("Relative sequence number"),
                   senderIsn ? QString::number(std::uint32_t(s.seq - *senderIsn)) : tr("unknown"),
                   senderIsn ? tr("seq − the sender's ISN %1").arg(*senderIsn)
                             : tr("the sender's SYN is not in the trace"),
                   at, length);
        } else if (name == "Acknowledgment number") {
            const bool valid = s.has(kAck);
            addRow(nullptr, QStringLiteral("ack"), title, QString::number(s.ack),
                   valid ? tr("the next sequence number the sender expects to receive")
                         : tr("not in use: the ACK bit is 0"),
                   at, length);
            QString relative = tr("—");
            if (valid && receiverIsn) relative = QString::number(std::uint32_t(s.ack - *receiverIsn));
            addRow(nullptr, QStringLiteral("ackRelative"), tr("Relative acknowledgment number"), relative,
                   receiverIsn ? tr("ack − the receiver's ISN %1").arg(*receiverIsn)
                               : tr("the receiver's SYN is not in the trace yet"),
                   at, length);
        } else if (name == "Data offset") {
            const int words = wire.size() > 12 ? wire[12] >> 4 : 0;
            addRow(nullptr, QStringLiteral("dataOffset"), title,
                   tr("%1 (%2 bytes)").arg(words).arg(words * 4), tr("length of the header in 32-bit words"),
                   at, length);
        } else if (name == "Flags") {
            QStringList set;
            for (const FlagRow &row : kFlagRows)
                if (s.has(row.flag)) set << QString::fromLatin1(row.name);
            auto *flagsItem = addRow(nullptr, QStringLiteral("flags"), title,
                                     QStringLiteral("0x%1 (%2)")
                                         .arg(s.flags, 2, 16, QChar('0'))
                                         .arg(set.join(QStringLiteral(", "))),
                                     tr("the control bits"), at, length);
            const QString meanings[] = {
                tr("urgent: the urgent pointer field is significant"),
                tr("acknowledgment: the acknowledgment number is significant"),
                tr("push: hand the data to the application at once"),
                tr("reset: abort the connection"),
                tr("synchronize sequence numbers: opens a connection"),
                tr("finish: the sender has no more data (closes one direction)"),
            };
            for (std::size_t i = 0; i < std::size(kFlagRows); ++i) {
                const FlagRow &row = kFlagRows[i];
                auto *item = addRow(flagsItem, QStringLiteral("flag.%1").arg(QLatin1String(row.name)),
                                    QString::fromLatin1(row.name),
                                    s.has(row.flag) ? QStringLiteral("1") : QStringLiteral("0"), meanings[i],
                                    at, length);
                if (s.has(row.flag)) item->setFont(1, style::scaledFont(m_tree->font(), 1.0, true));
            }
            flagsItem->setExpanded(true);
        } else if (name == "Window") {
            addRow(nullptr, QStringLiteral("window"), title, QString::number(s.window),
                   tr("how many more octets the sender is willing to receive"), at, length);
        } else if (name == "Checksum") {
            const unsigned checksum = wire.size() > 17 ? (unsigned(wire[16]) << 8) | wire[17] : 0;
            addRow(nullptr, QStringLiteral("checksum"), title,
                   QStringLiteral("0x%1").arg(checksum, 4, 16, QChar('0')),
                   tr("over the pseudo-header, the header and the data (RFC 9293 §3.1)"), at, length);
        } else if (name == "Urgent pointer") {
            addRow(nullptr, QStringLiteral("urgentPointer"), title, QString::number(s.urgentPointer),
                   tr("where urgent data ends; read only when URG is 1"), at, length);
        } else if (name == "Option: maximum segment size") {
            addRow(nullptr, QStringLiteral("mss"), title, s.mss ? QString::number(*s.mss) : QString(),
                   tr("the largest segment the sender can receive; sent only with SYN (RFC 9293 §3.7.1)"), at,
                   length);
        } else if (name == "Padding") {
            addRow(nullptr, QStringLiteral("padding"), title, tr("%n byte(s)", nullptr, length),
                   tr("zeros that end the header on a 32-bit boundary"), at, length);
        } else if (name == "Data") {
            addRow(nullptr, QStringLiteral("data"), title,
                   tr("%n byte(s): %1", nullptr, int(s.payload.size())).arg(payloadPreview(s.payload)),
                   tr("the application's bytes"), at, length);
        }
    }
    if (!s.mss) {
        addRow(nullptr, QStringLiteral("options"), tr("Options"), tr("none"),
               tr("options such as MSS are sent only with SYN"), 0, 0);
    }
    if (s.payload.empty()) {
        addRow(nullptr, QStringLiteral("data"), tr("Data"), tr("0 bytes"),
               tr("a segment without data still takes a sequence number if it carries SYN or FIN"), 0, 0);
    }
    for (int column = 0; column < 2; ++column)
        m_tree->resizeColumnToContents(column);
    arrangePanes();
    if (QTreeWidgetItem *item = fieldItem(selectedKey)) m_tree->setCurrentItem(item);
    highlightItem(m_tree->currentItem());
}

void PacketInspector::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrangePanes();
}

void PacketInspector::arrangePanes()
{
    // Side by side when the fields' meanings still fit beside the dump; otherwise the dump goes under the
    // fields, so that the meaning column is never cut short (a 1280-pixel window).
    const QFontMetrics metrics(m_tree->font());
    int widestMeaning = 0;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        widestMeaning = std::max(widestMeaning, metrics.horizontalAdvance((*it)->text(2)));
    const int fieldsWidth = m_tree->columnWidth(0) + m_tree->columnWidth(1) + widestMeaning + 40;
    const int dumpWidth = m_hex->sizeHint().width() + 24;
    const bool sideBySide = width() >= fieldsWidth + dumpWidth + 20;
    const Qt::Orientation orientation = sideBySide ? Qt::Horizontal : Qt::Vertical;
    if (m_splitter->orientation() == orientation) return;
    m_splitter->setOrientation(orientation);
    m_hexScroll->setMaximumWidth(sideBySide ? dumpWidth : QWIDGETSIZE_MAX);
    m_hexScroll->setMinimumWidth(sideBySide ? dumpWidth : 0);
}

QString PacketInspector::meaningText() const
{
    return m_meaning->text();
}

QTreeWidgetItem *PacketInspector::fieldItem(const QString &key) const
{
    if (key.isEmpty()) return nullptr;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(0, kKeyRole).toString() == key) return *it;
    return nullptr;
}

void PacketInspector::highlightItem(const QTreeWidgetItem *item)
{
    if (!item) {
        m_hex->setHighlight(0, 0);
        m_meaning->setText(m_shown ? tr("Point at a field to see its bytes and what it means.") : QString());
        return;
    }
    m_meaning->setText(tr("%1: %2").arg(item->text(0), item->text(2)));
    m_hex->setHighlight(item->data(0, kOffsetRole).toInt(), item->data(0, kLengthRole).toInt());
}

void PacketInspector::highlightByte(int offset)
{
    if (offset < 0) {
        highlightItem(m_tree->currentItem());
        return;
    }
    // The field the byte belongs to (a top-level row: the flag rows share the flags byte).
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_tree->topLevelItem(i);
        const int at = item->data(0, kOffsetRole).toInt(), length = item->data(0, kLengthRole).toInt();
        if (offset >= at && offset < at + length) {
            highlightItem(item);
            return;
        }
    }
}

} // namespace tcplab::ui
