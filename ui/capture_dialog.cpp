#include "ui/capture_dialog.h"

#include "ui/time_format.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tcplab::ui {

CaptureDialog::CaptureDialog(const CaptureFile &file, QWidget *parent) : QDialog(parent), m_file(file)
{
    setObjectName(QStringLiteral("captureDialog"));
    resize(820, 420);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("captureProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_list = new QTreeWidget(this);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setColumnCount(6);
    m_captureTimes = new QCheckBox(this);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this] { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(selectedConnection() >= 0); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_captureTimes);
    layout->addWidget(m_buttons);
    fillList();
    retranslateUi();
    if (m_list->topLevelItemCount() > 0) selectConnection(0);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(selectedConnection() >= 0);
}

void CaptureDialog::fillList()
{
    for (const TcpConversation &c : m_file.conversations()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, QString::number(c.index));
        item->setText(1, QString::fromStdString(c.client.toString()));
        item->setText(2, QString::fromStdString(c.server.toString()));
        item->setText(3, QStringLiteral("%1 + %2").arg(c.packetsFromClient).arg(c.packetsFromServer));
        item->setText(4, QStringLiteral("%1 + %2").arg(c.payloadFromClient).arg(c.payloadFromServer));
        item->setText(5, formatDuration(c.lastUs - c.firstUs));
        item->setData(0, Qt::UserRole, c.index);
        for (int column : {0, 3, 4, 5})
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

void CaptureDialog::retranslateUi()
{
    setWindowTitle(tr("Open capture: %1").arg(m_file.fileName()));
    m_summary->setText(summaryText());
    m_problems->setText(problemText());
    m_problems->setVisible(!m_file.problems().isEmpty());
    m_list->setHeaderLabels({tr("No."), tr("Client"), tr("Server"), tr("Packets (client + server)"),
                             tr("Payload bytes (client + server)"), tr("Duration")});
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const TcpConversation &c = m_file.conversations()[std::size_t(i)];
        item->setToolTip(1, c.sawSyn ? tr("Sent the first SYN")
                                     : tr("No SYN in the capture: the first sender is taken as the client"));
    }
    m_captureTimes->setText(tr("Draw at the capture's times (otherwise one step per segment, as Wireshark's "
                               "flow graph)"));
    m_captureTimes->setToolTip(tr("Captured on one machine, a segment's flight time is unknown: on the "
                                  "capture's clock the arrows are flat."));
}

QString CaptureDialog::summaryText() const
{
    return tr("%1: %n packets, %2 TCP connections, %3 other packets. Pick the connection to step through.",
              "", int(m_file.capture().packets.size()))
        .arg(m_file.fileName())
        .arg(m_file.conversations().size())
        .arg(m_file.nonTcpPackets());
}

QString CaptureDialog::problemText() const
{
    return m_file.damageMessage();
}

int CaptureDialog::selectedConnection() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toInt() : -1;
}

void CaptureDialog::selectConnection(int index)
{
    if (index >= 0 && index < m_list->topLevelItemCount())
        m_list->setCurrentItem(m_list->topLevelItem(index));
}

CaptureTimeAxis CaptureDialog::timeAxis() const
{
    return m_captureTimes->isChecked() ? CaptureTimeAxis::CaptureTimes : CaptureTimeAxis::OneStepPerSegment;
}

void CaptureDialog::setTimeAxis(CaptureTimeAxis axis)
{
    m_captureTimes->setChecked(axis == CaptureTimeAxis::CaptureTimes);
}

void CaptureDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace tcplab::ui
