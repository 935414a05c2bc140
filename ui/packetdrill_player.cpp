#include "ui/packetdrill_player.h"

#include "script/packetdrill_parser.h"
#include "ui/diagram_style.h"
#include "ui/sequence_diagram.h"
#include "ui/sequence_model.h"
#include "ui/theme.h"
#include "ui/time_format.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace tcplab::ui {

namespace {
constexpr double kSideMargin = 0.36;
constexpr int kHeaderHeight = 64;

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}
} // namespace

PacketdrillPlayer::PacketdrillPlayer(packetdrill::Script script, packetdrill::RunResult result,
                                     QWidget *parent)
    : QDialog(parent), m_script(std::move(script)), m_result(std::move(result))
{
    setObjectName(QStringLiteral("packetdrillPlayer"));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1400, 900);
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumSize(560, 420);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setFont(style::scaledFont(font(), 1.15, true));
    m_lines = new QListWidget(this);
    m_lines->setFont(QFont(QStringLiteral("monospace"), qRound(font().pointSizeF() * 1.05)));

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_summary);
    sideLayout->addWidget(m_lines, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_plot);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    buildPlot();
    markMismatch();
    retranslateUi();
    // Clicking a line shows its moment on the diagram.
    connect(m_lines, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= int(m_result.lines.size())) return;
        const TimeUs at = m_result.lines[std::size_t(row)].at;
        if (at < 0) return;
        const double ms = double(at) / 1000.0;
        const double span = m_plot->yAxis->range().size();
        if (!m_plot->yAxis->range().contains(ms)) m_plot->yAxis->setRange(ms - span / 2, ms + span / 2);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
}

QString PacketdrillPlayer::parseErrorMessage(const QString &fileName, const packetdrill::ParseError &error)
{
    return tr("The packetdrill script could not be read:\n%1")
        .arg(fromStd(error.format(fileName.toStdString())));
}

PacketdrillPlayer *PacketdrillPlayer::fromText(const QByteArray &text, const QString &fileName,
                                               QWidget *parent, QString *error)
{
    const std::string name = fileName.toStdString();
    packetdrill::ParseResult parsed =
        packetdrill::parseScript(std::string_view(text.constData(), std::size_t(text.size())), name);
    if (!parsed.ok()) {
        if (error)
            *error = parsed.error ? parseErrorMessage(fileName, *parsed.error)
                                  : tr("%1: not a script").arg(fileName);
        return nullptr;
    }
    packetdrill::RunResult result = packetdrill::runScript(*parsed.script);
    return new PacketdrillPlayer(std::move(*parsed.script), std::move(result), parent);
}

PacketdrillPlayer *PacketdrillPlayer::openFromDialog(QWidget *parent)
{
    const QString path = QFileDialog::getOpenFileName(parent, tr("Open packetdrill script"), QString(),
                                                      tr("packetdrill scripts (*.pkt);;All files (*)"));
    if (path.isEmpty()) return nullptr;
    QFile file(path);
    QString error;
    PacketdrillPlayer *player = nullptr;
    if (!file.open(QIODevice::ReadOnly))
        error = tr("Cannot open %1: %2").arg(path, file.errorString());
    else
        player = fromText(file.readAll(), QFileInfo(path).fileName(), parent, &error);
    if (!player) {
        QMessageBox::warning(parent, tr("packetdrill script"), error);
        return nullptr;
    }
    player->show();
    return player;
}

void PacketdrillPlayer::buildPlot()
{
    m_plot->setAntialiasedElements(QCP::aeAll);
    m_plot->xAxis->setVisible(false);
    m_plot->xAxis->setRange(-kSideMargin, 1.0 + kSideMargin);
    m_plot->yAxis->setRangeReversed(true);
    m_plot->yAxis->setLabelFont(style::scaledFont(font(), 1.1, true));
    m_plot->yAxis->setTickLabelFont(style::scaledFont(font(), 1.05));
    m_plot->axisRect()->setAutoMargins(QCP::msLeft | QCP::msRight | QCP::msBottom);
    m_plot->axisRect()->setMargins(QMargins(0, kHeaderHeight, 0, 0));
    m_plot->axisRect()->setRangeDrag(Qt::Vertical);
    m_plot->axisRect()->setRangeZoom(Qt::Vertical);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);

    m_diagram = new SequenceDiagram(m_plot->yAxis, m_plot->xAxis);
    m_diagram->setLabelFont(style::scaledFont(font(), 1.1, true));
    m_diagram->setStateFont(style::scaledFont(font(), 1.05, true));
    m_diagram->setTimerFont(style::scaledFont(font(), 0.95, true));
    m_diagram->setModel(buildSequenceModel(m_result.trace));
    m_diagram->setNow(m_result.endTime);

    for (Side s : {Side::Client, Side::Server}) {
        auto *item = new QCPItemText(m_plot);
        item->setClipToAxisRect(false);
        item->position->setAxes(m_plot->xAxis, m_plot->yAxis);
        item->position->setTypeX(QCPItemPosition::ptPlotCoords);
        item->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        item->position->setCoords(
            s == Side::Client ? SequenceDiagram::kClientValue : SequenceDiagram::kServerValue, 0.0);
        item->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        item->setFont(style::scaledFont(font(), 1.25, true));
        item->setPadding(QMargins(14, 6, 14, 6));
        (s == Side::Client ? m_peerHeader : m_testedHeader) = item;
    }
    const double endMs = std::max(1.0, double(m_result.endTime) / 1000.0);
    m_plot->yAxis->setRange(-endMs * 0.03, endMs * 1.05);
    applyStyle();
}

void PacketdrillPlayer::applyStyle()
{
    styleCustomPlot(*m_plot);
    for (QCPItemText *header : {m_peerHeader, m_testedHeader}) {
        header->setColor(style::onSideColor());
        header->setBrush(style::sideColor(header == m_peerHeader ? Side::Client : Side::Server));
    }
    if (m_mismatchLabel) {
        m_mismatchLabel->setColor(style::onSideColor());
        m_mismatchLabel->setBrush(style::dropColor());
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PacketdrillPlayer::markMismatch()
{
    if (!m_result.mismatch) return;
    const int line = m_result.mismatch->line;
    for (const packetdrill::LineOutcome &outcome : m_result.lines)
        if (outcome.line == line && outcome.at >= 0) m_mismatchAt = outcome.at;
    // The endpoint's segment sent at (or first after) the failing line's moment is the one that differed.
    if (m_mismatchAt) {
        for (const SequenceArrow &arrow : m_diagram->model().arrows) {
            if (arrow.from == Side::Server && arrow.sentAt >= *m_mismatchAt) {
                if (arrow.sentAt == *m_mismatchAt) m_mismatchSegment = arrow.segmentId;
                break;
            }
        }
    }
    m_diagram->setSelectedSegment(m_mismatchSegment);
    m_mismatchLabel = new QCPItemText(m_plot);
    m_mismatchLabel->position->setAxes(m_plot->xAxis, m_plot->yAxis);
    const TimeUs at = m_mismatchAt.value_or(m_result.endTime);
    m_mismatchLabel->position->setCoords(0.5, double(at) / 1000.0);
    m_mismatchLabel->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    m_mismatchLabel->setFont(style::scaledFont(font(), 1.05, true));
    m_mismatchLabel->setPadding(QMargins(8, 3, 8, 3));
    applyStyle();
}

QString PacketdrillPlayer::lineText(const packetdrill::LineOutcome &outcome) const
{
    QString source;
    for (const packetdrill::ScriptEvent &event : m_script.events)
        if (event.line == outcome.line) source = fromStd(event.source);
    QString mark;
    switch (outcome.status) {
    case packetdrill::LineStatus::Passed:
        mark = QStringLiteral("✓");
        break;
    case packetdrill::LineStatus::Failed:
        mark = QStringLiteral("✗");
        break;
    case packetdrill::LineStatus::Skipped:
        mark = QStringLiteral("–");
        break;
    case packetdrill::LineStatus::NotReached:
        mark = QStringLiteral("·");
        break;
    }
    QString text = QStringLiteral("%1 %2  %3").arg(mark).arg(outcome.line, 4).arg(source);
    if (outcome.status == packetdrill::LineStatus::Failed && m_result.mismatch)
        text += QLatin1Char('\n') +
                tr("      expected %1, got %2")
                    .arg(fromStd(m_result.mismatch->expected), fromStd(m_result.mismatch->got));
    else if (outcome.status == packetdrill::LineStatus::Skipped)
        text += QLatin1Char('\n') + tr("      not checked: outside tcplab's model");
    return text;
}

QString PacketdrillPlayer::summaryText() const
{
    return m_summary->text();
}

void PacketdrillPlayer::retranslateUi()
{
    const QString name = fromStd(m_script.name);
    setWindowTitle(tr("packetdrill: %1").arg(name));
    m_plot->yAxis->setLabel(tr("Time (ms)"));
    m_peerHeader->setText(tr("Script (peer)"));
    m_testedHeader->setText(tr("tcplab (under test)"));
    switch (m_result.outcome) {
    case packetdrill::ScriptOutcome::Passed:
        m_summary->setText(tr("%1: passed").arg(name));
        break;
    case packetdrill::ScriptOutcome::Skipped:
        m_summary->setText(tr("%1: skipped — %2").arg(name, fromStd(m_result.reason)));
        break;
    case packetdrill::ScriptOutcome::Failed:
        m_summary->setText(m_result.mismatch ? tr("%1: failed at line %2: expected %3, got %4")
                                                   .arg(name)
                                                   .arg(m_result.mismatch->line)
                                                   .arg(fromStd(m_result.mismatch->expected),
                                                        fromStd(m_result.mismatch->got))
                                             : tr("%1: failed — %2").arg(name, fromStd(m_result.reason)));
        break;
    }
    m_summary->setStyleSheet(m_result.outcome == packetdrill::ScriptOutcome::Failed
                                 ? QStringLiteral("color: #c62828;")
                                 : QStringLiteral("color: #1b7a2f;"));
    if (m_mismatchLabel)
        m_mismatchLabel->setText(tr("✗ line %1: expected %2")
                                     .arg(m_result.mismatch->line)
                                     .arg(fromStd(m_result.mismatch->expected)));

    const int row = m_lines->currentRow();
    m_lines->clear();
    for (const packetdrill::LineOutcome &outcome : m_result.lines) {
        auto *item = new QListWidgetItem(lineText(outcome), m_lines);
        if (outcome.status == packetdrill::LineStatus::Failed) {
            item->setForeground(style::dropColor());
            QFont bold = m_lines->font();
            bold.setBold(true);
            item->setFont(bold);
        } else if (outcome.status != packetdrill::LineStatus::Passed) {
            item->setForeground(Qt::gray);
        }
    }
    m_lines->setCurrentRow(row);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PacketdrillPlayer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    if (event->type() == QEvent::PaletteChange) applyStyle(); // another theme: the diagram's colours
    QDialog::changeEvent(event);
}

} // namespace tcplab::ui
