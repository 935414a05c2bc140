#include "ui/capture_segment_list.h"

#include "ui/session_controller.h"
#include "ui/time_format.h"

#include <algorithm>

#include <QAbstractTableModel>
#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace tcplab::ui {

namespace {
const QColor kRetransmissionColour(255, 224, 178); // amber, as Wireshark marks retransmissions
const QColor kGapColour(255, 205, 210);            // red: bytes the capture missed
} // namespace

// The rows of the opened connection, their texts made when the view asks for them.
class CaptureSegmentModel : public QAbstractTableModel {
public:
    CaptureSegmentModel(const CaptureSegmentList &list, const OpenedConversation &opened, QObject *parent)
        : QAbstractTableModel(parent), m_list(list), m_opened(opened)
    {
    }

    void reset()
    {
        beginResetModel();
        endResetModel();
    }
    // After a language change: every text and header again.
    void retranslate()
    {
        emit headerDataChanged(Qt::Horizontal, 0, CaptureSegmentList::Remark);
        if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, CaptureSegmentList::Remark));
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_opened.rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : CaptureSegmentList::Remark + 1;
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || std::size_t(index.row()) >= m_opened.rows.size()) return {};
        const CaptureSegmentRow &row = m_opened.rows[std::size_t(index.row())];
        const auto column = CaptureSegmentList::Column(index.column());
        switch (role) {
        case Qt::DisplayRole:
            return text(row, column);
        case Qt::ToolTipRole:
            return column == CaptureSegmentList::Remark ? QVariant(m_list.remarkText(row)) : QVariant();
        case Qt::TextAlignmentRole:
            return column <= CaptureSegmentList::Length && column != CaptureSegmentList::Direction &&
                           column != CaptureSegmentList::Flags
                       ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                       : QVariant();
        case Qt::BackgroundRole:
            if (row.gapBytes > 0) return kGapColour;
            if (row.retransmission) return kRetransmissionColour;
            return {};
        default:
            return {};
        }
    }

    QString text(const CaptureSegmentRow &row, CaptureSegmentList::Column column) const
    {
        const Segment &s = row.segment;
        switch (column) {
        case CaptureSegmentList::Frame:
            return QString::number(row.packet);
        case CaptureSegmentList::Time:
            return QString::number(double(row.sinceStart) / 1e6, 'f', 6);
        case CaptureSegmentList::Direction:
            return row.from == Side::Client ? CaptureSegmentList::tr("client → server")
                                            : CaptureSegmentList::tr("server → client");
        case CaptureSegmentList::Flags:
            return QString::fromStdString(flagsToString(s.flags));
        case CaptureSegmentList::Seq:
            return QString::number(s.seq);
        case CaptureSegmentList::Ack:
            return s.has(kAck) ? QString::number(s.ack) : QString();
        case CaptureSegmentList::Window:
            return QString::number(s.window);
        case CaptureSegmentList::Length:
            return QString::number(row.payloadLength);
        case CaptureSegmentList::ClientState:
            return row.replayed ? QString::fromLatin1(stateName(row.clientState)) : QString();
        case CaptureSegmentList::ServerState:
            return row.replayed ? QString::fromLatin1(stateName(row.serverState)) : QString();
        case CaptureSegmentList::Remark:
            return m_list.remarkText(row);
        }
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
        switch (CaptureSegmentList::Column(section)) {
        case CaptureSegmentList::Frame:
            return CaptureSegmentList::tr("No.");
        case CaptureSegmentList::Time:
            return CaptureSegmentList::tr("Time (s)");
        case CaptureSegmentList::Direction:
            return CaptureSegmentList::tr("Direction");
        case CaptureSegmentList::Flags:
            return CaptureSegmentList::tr("Flags");
        case CaptureSegmentList::Seq:
            return CaptureSegmentList::tr("Seq");
        case CaptureSegmentList::Ack:
            return CaptureSegmentList::tr("Ack");
        case CaptureSegmentList::Window:
            return CaptureSegmentList::tr("Window");
        case CaptureSegmentList::Length:
            return CaptureSegmentList::tr("Len");
        case CaptureSegmentList::ClientState:
            return CaptureSegmentList::tr("Client state");
        case CaptureSegmentList::ServerState:
            return CaptureSegmentList::tr("Server state");
        case CaptureSegmentList::Remark:
            return CaptureSegmentList::tr("Remark");
        }
        return {};
    }

private:
    const CaptureSegmentList &m_list;
    const OpenedConversation &m_opened;
};

CaptureSegmentList::CaptureSegmentList(SessionController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("captureSegmentList"));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_model = new CaptureSegmentModel(*this, m_opened, this);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("captureSegmentTree"));
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setModel(m_model);
    // Sized by the rows in view, not by all of them (a capture can hold 100,000).
    m_tree->header()->setResizeContentsPrecision(200);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (m_showingSelection || !current.isValid() ||
                    std::size_t(current.row()) >= m_opened.rows.size())
                    return;
                const CaptureSegmentRow &row = m_opened.rows[std::size_t(current.row())];
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
    m_model->reset();
    retranslateUi();
}

int CaptureSegmentList::rowCount() const
{
    return m_model->rowCount();
}

QString CaptureSegmentList::text(int row, Column column) const
{
    if (row < 0 || std::size_t(row) >= m_opened.rows.size()) return {};
    return m_model->text(m_opened.rows[std::size_t(row)], column);
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
        text +=
            QLatin1Char('\n') +
            tr("Both ends negotiated window scaling (RFC 7323): client windows count in units of %1 bytes, "
               "server windows in units of %2, and the core's two ends negotiated the same. The Window "
               "column shows the value on the wire.")
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
    m_model->retranslate();
    m_summary->setText(summaryText());
}

void CaptureSegmentList::showSelection(quint64 segmentId)
{
    // Rows are in time order and segment ids count up along them; a binary search finds the row.
    const auto it =
        std::lower_bound(m_opened.rows.begin(), m_opened.rows.end(), segmentId,
                         [](const CaptureSegmentRow &row, quint64 id) { return row.segmentId < id; });
    if (it == m_opened.rows.end() || it->segmentId != segmentId) return;
    m_showingSelection = true; // not a pick of the user's: the controller knows already
    const QModelIndex index = m_model->index(int(it - m_opened.rows.begin()), 0);
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_tree->scrollTo(index);
    m_showingSelection = false;
}

void CaptureSegmentList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace tcplab::ui
