#include "ui/capture_segment_list.h"

#include "ui/session_controller.h"
#include "ui/time_format.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tcplab::ui {

namespace {
const QColor kRetransmissionColour(255, 224, 178); // amber, as Wireshark marks retransmissions
const QColor kGapColour(255, 205, 210);            // red: bytes the capture missed
} // namespace

CaptureSegmentList::CaptureSegmentList(SessionController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("captureSegmentList"));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree = new QTreeWidget(this);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setColumnCount(Remark + 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item) return;
        const int i = m_tree->indexOfTopLevelItem(item);
        if (i < 0 || std::size_t(i) >= m_opened.rows.size()) return;
        const CaptureSegmentRow &row = m_opened.rows[std::size_t(i)];
        // To the moment it has arrived, so that the states after it show.
        m_controller.seek(row.arrivesAt);
        m_controller.selectSegment(row.segmentId);
    });
    connect(&m_controller, &SessionController::segmentSelected, this, &CaptureSegmentList::showSelection);
    retranslateUi();
}

void CaptureSegmentList::setConversation(const QString &fileName, const OpenedConversation &opened)
{
    m_fileName = fileName;
    m_opened = opened;
    fill();
    retranslateUi();
}

void CaptureSegmentList::fill()
{
    const QSignalBlocker blocker(m_tree);
    m_tree->clear();
    for (const CaptureSegmentRow &row : m_opened.rows) {
        auto *item = new QTreeWidgetItem(m_tree);
        const Segment &s = row.segment;
        item->setText(Frame, QString::number(row.packet));
        item->setText(Time, QString::number(double(row.sinceStart) / 1e6, 'f', 6));
        item->setText(Flags, QString::fromStdString(flagsToString(s.flags)));
        item->setText(Seq, QString::number(s.seq));
        item->setText(Ack, s.has(kAck) ? QString::number(s.ack) : QString());
        item->setText(Window, QString::number(s.window));
        item->setText(Length, QString::number(row.payloadLength));
        if (row.replayed) {
            item->setText(ClientState, QString::fromLatin1(stateName(row.clientState)));
            item->setText(ServerState, QString::fromLatin1(stateName(row.serverState)));
        }
        for (int column : {Frame, Time, Seq, Ack, Window, Length})
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        const QColor colour = row.gapBytes > 0     ? kGapColour
                              : row.retransmission ? kRetransmissionColour
                                                   : QColor();
        if (colour.isValid())
            for (int column = 0; column <= Remark; ++column)
                item->setBackground(column, colour);
    }
}

QString CaptureSegmentList::remarkText(const CaptureSegmentRow &row) const
{
    QStringList parts;
    if (row.retransmission) parts << tr("retransmission");
    if (row.gapBytes > 0)
        parts << tr("gap: %n bytes before it are not in the capture", "", int(row.gapBytes));
    if (row.replayed && !row.matchesCore) parts << tr("not what the core would send");
    if (!row.replayed) parts << tr("before the first SYN: not replayed");
    // The replay's own words (English): what differs, what call was inferred.
    if (!row.remark.empty()) parts << QString::fromStdString(row.remark);
    if (const QString checksum = checksumText(row); !checksum.isEmpty()) parts << checksum;
    return parts.join(QLatin1String("; "));
}

QString CaptureSegmentList::checksumText(const CaptureSegmentRow &row)
{
    const auto hex = [](std::uint16_t value) {
        return QStringLiteral("0x%1").arg(unsigned(value), 4, 16, QLatin1Char('0'));
    };
    switch (row.checksum) {
    case ChecksumStatus::Good:
        return QString::fromStdString(row.note);
    case ChecksumStatus::Bad:
        return tr("bad TCP checksum %1 (expected %2)").arg(hex(row.wireChecksum), hex(row.expectedChecksum));
    case ChecksumStatus::Offloaded:
        return tr("checksum unverified (offloaded): the sending host left it to the network card, so the "
                  "capture holds only the pseudo-header sum %1")
            .arg(hex(row.wireChecksum));
    case ChecksumStatus::Unverified:
        return tr("checksum unverified: the snaplen cut the packet (%1 of %n payload bytes captured)", "",
                  int(row.payloadLength))
            .arg(row.segment.payload.size());
    }
    return {};
}

QString CaptureSegmentList::summaryText() const
{
    if (m_opened.rows.empty() && m_fileName.isEmpty())
        return tr("No capture is open (File ▸ Open capture…).");
    std::size_t retransmissions = 0, gaps = 0, differing = 0;
    for (const CaptureSegmentRow &row : m_opened.rows) {
        retransmissions += row.retransmission;
        gaps += row.gapBytes > 0;
        differing += row.replayed && !row.matchesCore;
    }
    QString text = tr("%1, connection %2 (%3): %n segments", "", int(m_opened.rows.size()))
                       .arg(m_fileName)
                       .arg(m_opened.conversation.index)
                       .arg(QString::fromStdString(m_opened.conversation.describe()));
    text += QStringLiteral(" · ") + tr("%n retransmissions", "", int(retransmissions));
    text += QStringLiteral(" · ") + tr("%n gaps", "", int(gaps));
    text += QStringLiteral(" · ") + tr("%n not as the core would send", "", int(differing));
    if (m_opened.replay.replayed)
        text += QStringLiteral(" · ") + tr("at the end: client %1, server %2")
                                            .arg(QString::fromLatin1(stateName(m_opened.replay.finalClient)),
                                                 QString::fromLatin1(stateName(m_opened.replay.finalServer)));
    if (const WindowScaling &scaling = m_opened.replay.windowScaling; scaling.negotiated)
        text += QLatin1Char('\n') +
                tr("Both ends negotiated window scaling (RFC 7323): client windows count in units of %1 bytes, "
                   "server windows in units of %2. The core does not negotiate it, so it was given each "
                   "window scaled, up to the 65,535 bytes its window holds; the Window column shows the "
                   "captured value.")
                    .arg(1u << scaling.clientShift)
                    .arg(1u << scaling.serverShift);
    text +=
        QLatin1Char('\n') +
        (m_opened.axis == CaptureTimeAxis::OneStepPerSegment
             ? tr("The diagram draws one step per segment (its time axis counts steps); the list gives the "
                  "captured times.")
             : tr("The diagram uses the capture's clock: one machine's capture cannot show a segment's "
                  "flight, so the arrows are flat."));
    for (const QString &problem : m_opened.problems)
        text += QLatin1Char('\n') + problem;
    return text;
}

void CaptureSegmentList::retranslateUi()
{
    m_tree->setHeaderLabels({tr("No."), tr("Time (s)"), tr("Direction"), tr("Flags"), tr("Seq"), tr("Ack"),
                             tr("Window"), tr("Len"), tr("Client state"), tr("Server state"), tr("Remark")});
    for (int i = 0; i < m_tree->topLevelItemCount() && std::size_t(i) < m_opened.rows.size(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        const CaptureSegmentRow &row = m_opened.rows[std::size_t(i)];
        item->setText(Direction, row.from == Side::Client ? tr("client → server") : tr("server → client"));
        item->setText(Remark, remarkText(row));
        item->setToolTip(Remark, remarkText(row));
    }
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_summary->setText(summaryText());
}

void CaptureSegmentList::showSelection(quint64 segmentId)
{
    for (int i = 0; i < m_tree->topLevelItemCount() && std::size_t(i) < m_opened.rows.size(); ++i) {
        if (m_opened.rows[std::size_t(i)].segmentId != segmentId) continue;
        const QSignalBlocker blocker(m_tree);
        m_tree->setCurrentItem(m_tree->topLevelItem(i));
        return;
    }
}

void CaptureSegmentList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace tcplab::ui
