#include "ui/kernel_lab.h"

#include "sim/session.h"
#include "ui/diagram_style.h"
#include "ui/kernel_differences.h"
#include "ui/kernel_step_layout.h"
#include "ui/kernel_trace_plot.h"
#include "ui/main_window.h"

#include <QAction>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>

namespace tcplab::ui {

namespace {

constexpr TimeUs kLoopbackDelay = 20; // µs each way: what the core's link takes for lo
constexpr const char *kToolsMenuName = "toolsMenu";

std::size_t at(Side side)
{
    return side == Side::Server ? 1 : 0;
}

QString infoText(const TcpInfoSnapshot &info)
{
    QStringList parts;
    parts << KernelLab::tr("MSS %1 sent / %2 received").arg(info.sndMss).arg(info.rcvMss);
    parts << (info.windowScaling
                  ? KernelLab::tr("window scale %1 / %2").arg(info.sndWscale).arg(info.rcvWscale)
                  : KernelLab::tr("no window scaling"));
    parts << (info.sack ? KernelLab::tr("SACK") : KernelLab::tr("no SACK"));
    parts << (info.timestamps ? KernelLab::tr("timestamps") : KernelLab::tr("no timestamps"));
    if (info.retransmits > 0) parts << KernelLab::tr("%n retransmissions", "", int(info.retransmits));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

KernelLab::KernelLab(QWidget *parent) : QWidget(parent, Qt::Window)
{
    setObjectName(QStringLiteral("kernelLab"));
    resize(1500, 950);
    build();
    m_timer = new QTimer(this);
    m_timer->setInterval(kPollIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &KernelLab::poll);
    reset();
    retranslateUi();
}

KernelLab::~KernelLab() = default;

QAction *KernelLab::install(MainWindow &window)
{
    QMenu *tools = window.menuBar()->findChild<QMenu *>(QLatin1String(kToolsMenuName));
    if (!tools) {
        tools = new QMenu(window.menuBar());
        tools->setObjectName(QLatin1String(kToolsMenuName));
        // Tools stands before Help, as on most desktops.
        QAction *before = nullptr;
        for (QAction *action : window.menuBar()->actions())
            if (action->menu() && action->menu()->objectName() == QLatin1String("helpMenu")) before = action;
        window.menuBar()->insertMenu(before, tools);
    }
    auto *action = new QAction(tools);
    action->setObjectName(QStringLiteral("kernelLabAction"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    auto retranslate = [tools, action] {
        tools->setTitle(tr("&Tools"));
        action->setText(tr("&Kernel TCP lab…"));
        action->setToolTip(tr("Drive the operating system's own TCP on 127.0.0.1 and compare it with the "
                              "core's prediction (%1)")
                               .arg(action->shortcut().toString(QKeySequence::NativeText)));
        action->setStatusTip(action->toolTip());
    };
    retranslate();
    // The menu hears the language change with every widget of the window.
    struct Retranslator : QObject {
        std::function<void()> apply;
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            if (event->type() == QEvent::LanguageChange) apply();
            return QObject::eventFilter(watched, event);
        }
    };
    auto *retranslator = new Retranslator;
    retranslator->setParent(action);
    retranslator->apply = retranslate;
    tools->installEventFilter(retranslator);
    tools->addAction(action);
    window.addAction(action);
    QObject::connect(action, &QAction::triggered, &window, [&window] {
        auto *lab = window.findChild<KernelLab *>();
        if (!lab) lab = new KernelLab(&window);
        lab->show();
        lab->raise();
        lab->activateWindow();
    });
    return action;
}

void KernelLab::build()
{
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_capture = new QLabel(this);
    m_capture->setWordWrap(true);
    m_capture->setObjectName(QStringLiteral("kernelCaptureStatus"));
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);

    auto *controls = new QHBoxLayout;
    for (Side side : {Side::Server, Side::Client}) {
        const std::size_t i = at(side);
        auto *box = new QGroupBox(this);
        auto *grid = new QGridLayout(box);
        m_sideTitle[i] = new QLabel(box);
        m_sideTitle[i]->setStyleSheet(QStringLiteral("color: white; background: %1; padding: 3px 8px;")
                                          .arg(style::sideColor(side).name()));
        m_sideTitle[i]->setFont(style::scaledFont(font(), 1.1, true));
        m_state[i] = new QLabel(box);
        m_state[i]->setFont(style::scaledFont(font(), 1.3, true));
        m_state[i]->setObjectName(side == Side::Client ? QStringLiteral("clientKernelState")
                                                       : QStringLiteral("serverKernelState"));
        m_infoLabel[i] = new QLabel(box);
        m_infoLabel[i]->setWordWrap(true);
        m_open[i] = new QPushButton(box);
        m_send[i] = new QPushButton(box);
        m_shutdown[i] = new QPushButton(box);
        m_close[i] = new QPushButton(box);
        grid->addWidget(m_sideTitle[i], 0, 0, 1, 4);
        grid->addWidget(m_state[i], 1, 0, 1, 4);
        grid->addWidget(m_infoLabel[i], 2, 0, 1, 4);
        grid->addWidget(m_open[i], 3, 0);
        grid->addWidget(m_send[i], 3, 1);
        grid->addWidget(m_shutdown[i], 3, 2);
        grid->addWidget(m_close[i], 3, 3);
        controls->addWidget(box, 1);
        connect(m_send[i], &QPushButton::clicked, this,
                [this, side] { send(side, m_data->text().toUtf8()); });
        connect(m_shutdown[i], &QPushButton::clicked, this, [this, side] { shutdownWrite(side); });
        connect(m_close[i], &QPushButton::clicked, this, [this, side] { close(side); });
    }
    connect(m_open[at(Side::Server)], &QPushButton::clicked, this, &KernelLab::listen);
    connect(m_open[at(Side::Client)], &QPushButton::clicked, this, &KernelLab::connectClient);
    auto *dataRow = new QHBoxLayout;
    m_dataCaption = new QLabel(this);
    m_data = new QLineEdit(QStringLiteral("hello"), this);
    m_reset = new QPushButton(this);
    connect(m_reset, &QPushButton::clicked, this, &KernelLab::reset);
    m_play = new QPushButton(this);
    connect(m_play, &QPushButton::clicked, this, &KernelLab::playDefaultCalls);
    dataRow->addWidget(m_dataCaption);
    dataRow->addWidget(m_data, 1);
    dataRow->addWidget(m_play);
    dataRow->addWidget(m_reset);

    m_kernelPlot = new KernelTracePlot(this);
    m_corePlot = new KernelTracePlot(this);
    connect(m_kernelPlot, &KernelTracePlot::segmentClicked, this, &KernelLab::selectSegment);
    auto *plots = new QSplitter(Qt::Horizontal, this);
    plots->addWidget(m_kernelPlot);
    plots->addWidget(m_corePlot);

    m_segments = new QTreeWidget(this);
    m_segments->setRootIsDecorated(false);
    m_segments->setUniformRowHeights(true);
    m_segments->setColumnCount(8);
    connect(m_segments, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item) selectSegment(item->data(0, Qt::UserRole).toULongLong());
    });
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setObjectName(QStringLiteral("kernelSegmentDetails"));
    auto *segmentsPane = new QWidget(this);
    auto *segmentsLayout = new QVBoxLayout(segmentsPane);
    segmentsLayout->setContentsMargins(0, 0, 0, 0);
    segmentsLayout->addWidget(m_segments, 1);
    segmentsLayout->addWidget(m_details);
    m_differenceCaption = new QLabel(this);
    m_differenceCaption->setFont(style::scaledFont(font(), 1.05, true));
    m_differenceList = new QListWidget(this);
    m_differenceList->setWordWrap(true);
    auto *differencesPane = new QWidget(this);
    auto *differencesLayout = new QVBoxLayout(differencesPane);
    differencesLayout->setContentsMargins(0, 0, 0, 0);
    differencesLayout->addWidget(m_differenceCaption);
    differencesLayout->addWidget(m_differenceList, 1);
    auto *lists = new QSplitter(Qt::Horizontal, this);
    lists->addWidget(segmentsPane);
    lists->addWidget(differencesPane);
    lists->setStretchFactor(0, 3);
    lists->setStretchFactor(1, 2);

    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(plots);
    vertical->addWidget(lists);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(controls);
    layout->addLayout(dataRow);
    layout->addWidget(m_capture);
    layout->addWidget(m_error);
    layout->addWidget(vertical, 1);
}

void KernelLab::retranslateUi()
{
    setWindowTitle(tr("Kernel TCP lab — the operating system's TCP on 127.0.0.1"));
    m_intro->setText(tr("These buttons call the operating system's own TCP (socket, listen, connect, send, "
                        "shutdown, close) on 127.0.0.1. Left: what the kernel did. Right: what tcplab's core "
                        "predicts for the same calls (Linux profile). Below: where they differ, and why."));
    for (Side side : {Side::Server, Side::Client}) {
        const std::size_t i = at(side);
        m_sideTitle[i]->setText(side == Side::Server ? tr("Server socket") : tr("Client socket"));
        m_send[i]->setText(tr("Send"));
        m_send[i]->setToolTip(tr("send() the text below on this socket"));
        m_shutdown[i]->setText(tr("Shut down"));
        m_shutdown[i]->setToolTip(tr("shutdown(SHUT_WR): send a FIN and keep reading (a half-close)"));
        m_close[i]->setText(tr("Close"));
        m_close[i]->setToolTip(side == Side::Server ? tr("close() the accepted socket and the listening one")
                                                    : tr("close() the socket"));
    }
    m_open[at(Side::Server)]->setText(tr("Listen"));
    m_open[at(Side::Server)]->setToolTip(
        tr("socket, bind to 127.0.0.1 and listen(); connections are accepted "
           "as they come"));
    m_open[at(Side::Client)]->setText(tr("Connect"));
    m_open[at(Side::Client)]->setToolTip(tr("socket and a non-blocking connect() to the server's port"));
    m_dataCaption->setText(tr("Data to send:"));
    m_reset->setText(tr("Start again"));
    m_reset->setToolTip(tr("Close both sockets and forget what was recorded"));
    m_play->setText(tr("Play a whole session"));
    m_play->setToolTip(tr("Start again and make the default session's calls: listen, connect, a request, a "
                          "reply, the client closes, then the server"));
    m_kernelPlot->setTitle(tr("The kernel (captured on lo), one step per segment"));
    m_corePlot->setTitle(tr("The core's prediction (Linux profile), one step per segment"));
    m_segments->setHeaderLabels({tr("Time (ms)"), tr("Direction"), tr("Flags"), tr("Seq"), tr("Ack"),
                                 tr("Window"), tr("Len"), tr("Options")});
    m_differenceCaption->setText(tr("Where the kernel and the core differ"));
    refresh();
}

void KernelLab::reset()
{
    m_timer->stop();
    m_observer = std::make_unique<KernelObserver>();
    m_calls.clear();
    m_closedWrite[0] = m_closedWrite[1] = false;
    m_info[0].reset();
    m_info[1].reset();
    m_selected = 0;
    m_lastError.clear();
    m_realTrace.clear();
    m_kernelTrace.clear();
    m_coreTrace.clear();
    m_coreReal.clear();
    m_differences.clear();
    if (m_error) m_error->clear();
    refresh();
    m_timer->start();
}

void KernelLab::playDefaultCalls()
{
    reset();
    m_play->setEnabled(false);
    struct Step {
        int atMs;
        std::function<void()> call;
    };
    const std::vector<Step> steps = {
        {0, [this] { listen(); }},
        {100, [this] { connectClient(); }},
        {300, [this] { send(Side::Client, QByteArrayLiteral("GET / HTTP/1.0\r\n\r\n")); }},
        {400, [this] { send(Side::Server, QByteArrayLiteral("HTTP/1.0 200 OK\r\n\r\nhello")); }},
        {600, [this] { close(Side::Client); }},
        {800, [this] { close(Side::Server); }},
        {1100,
         [this] {
             poll();
             m_play->setEnabled(true);
             emit finishedPlaying();
         }},
    };
    for (const Step &step : steps)
        QTimer::singleShot(step.atMs, this, step.call);
}

void KernelLab::selectFirstSegment()
{
    for (const TraceEvent &event : m_realTrace.events()) {
        if (event.kind == TraceKind::SegmentSent) {
            selectSegment(event.segmentId);
            return;
        }
    }
}

bool KernelLab::record(Side side, CallKind kind, const CallResult &result, std::vector<std::uint8_t> data)
{
    if (!result.ok) {
        m_lastError = tr("The kernel refused: %1")
                          .arg(QString::fromLatin1(result.error.data(), qsizetype(result.error.size())));
        m_error->setText(m_lastError);
        refresh();
        return false;
    }
    m_lastError.clear();
    m_error->clear();
    ScheduledCall call;
    call.at = m_observer->now();
    call.side = side;
    call.call = kind;
    call.data = std::move(data);
    m_calls.push_back(std::move(call));
    refresh();
    return true;
}

bool KernelLab::listen()
{
    return record(Side::Server, CallKind::Listen, m_observer->call(Side::Server, CallKind::Listen));
}

bool KernelLab::connectClient()
{
    return record(Side::Client, CallKind::Connect, m_observer->call(Side::Client, CallKind::Connect));
}

bool KernelLab::send(Side side, const QByteArray &data)
{
    std::vector<std::uint8_t> bytes(data.begin(), data.end());
    const CallResult result = m_observer->call(side, CallKind::Send, bytes);
    return record(side, CallKind::Send, result, std::move(bytes));
}

bool KernelLab::shutdownWrite(Side side)
{
    const CallResult result = m_observer->shutdownWrite(side);
    // RFC 9293's CLOSE is exactly this half-close: no more to send, still receiving.
    const bool ok = record(side, CallKind::Close, result);
    if (ok) m_closedWrite[at(side)] = true;
    return ok;
}

bool KernelLab::close(Side side)
{
    const CallResult result = m_observer->call(side, CallKind::Close);
    if (result.ok && m_closedWrite[at(side)]) {
        // The core's CLOSE was made at the shutdown; close() now only lets go of the socket.
        refresh();
        return true;
    }
    return record(side, CallKind::Close, result);
}

void KernelLab::poll()
{
    m_observer->observeFor(0);
    for (Side side : {Side::Client, Side::Server})
        if (auto info = m_observer->tcpInfo(side)) m_info[at(side)] = info;
    const Trace &trace = m_observer->trace();
    if (trace.size() != m_realTrace.size())
        refresh();
    else
        showStates();
}

void KernelLab::refresh()
{
    if (!m_observer || !m_segments) return;
    m_realTrace = m_observer->trace();
    m_kernelTrace = stepLayout(m_realTrace);
    predict();
    m_differences =
        m_calls.empty() ? std::vector<KernelDifference>{} : compareKernelWithCore(m_realTrace, m_coreReal);
    m_kernelPlot->setPorts(m_observer->clientPort(), m_observer->serverPort());
    m_corePlot->setPorts(m_observer->clientPort(), m_observer->serverPort());
    m_kernelPlot->setTrace(m_kernelTrace);
    m_corePlot->setTrace(m_coreTrace);
    showStates();
    showSegments();
    showDifferences();
}

void KernelLab::predict()
{
    if (m_calls.empty()) {
        m_coreReal.clear();
        m_coreTrace.clear();
        return;
    }
    Scenario scenario = defaultScenario(Profile::Linux, 1);
    scenario.name = "kernel lab prediction";
    scenario.calls = m_calls;
    scenario.heartbeats.clear();
    scenario.link = LinkConfig{};
    scenario.link.delayClientToServer = kLoopbackDelay;
    scenario.link.delayServerToClient = kLoopbackDelay;
    if (m_observer->clientPort()) scenario.clientPort = m_observer->clientPort();
    if (m_observer->serverPort()) scenario.serverPort = m_observer->serverPort();
    Session session(scenario);
    session.runUntil(std::max(m_observer->now(), m_calls.back().at + kLoopbackDelay * 10));
    m_coreReal = session.trace();
    m_coreTrace = stepLayout(m_coreReal);
}

std::optional<TcpState> KernelLab::kernelState(Side side) const
{
    std::optional<TcpState> state;
    for (const TraceEvent &event : m_realTrace.events())
        if (event.kind == TraceKind::StateChanged && event.side == side) state = event.to;
    return state;
}

QString KernelLab::stateSource(Side side) const
{
    QString source;
    for (const TraceEvent &event : m_realTrace.events()) {
        if (event.kind != TraceKind::StateChanged || event.side != side) continue;
        if (event.text.find("sock_diag") != std::string::npos)
            source =
                tr("seen through sock_diag (the socket is closed; the kernel still keeps the connection)");
        else if (event.text.find("TCP_INFO") != std::string::npos)
            source = tr("seen through getsockopt(TCP_INFO)");
        else
            source = tr("too brief to poll: inferred from the captured segment");
    }
    return source;
}

bool KernelLab::capturing() const
{
    return m_observer && m_observer->capturing();
}

QString KernelLab::captureText() const
{
    if (!m_observer) return {};
    if (m_observer->capturing())
        return tr("Capturing the segments on lo with libpcap (filter: tcp port %1).")
            .arg(m_observer->serverPort());
    if (m_observer->serverPort() == 0)
        return tr("Start with Listen: the capture on lo begins once the server's port is known.");
    return tr("States only: tcplab may not capture on lo here (%1). Capturing needs root or the CAP_NET_RAW "
              "capability; the states still come from TCP_INFO and sock_diag.")
        .arg(QString::fromStdString(m_observer->captureProblem()));
}

void KernelLab::showStates()
{
    if (!m_observer) return;
    for (Side side : {Side::Server, Side::Client}) {
        const std::size_t i = at(side);
        const auto state = kernelState(side);
        m_state[i]->setText(state ? QString::fromLatin1(stateName(*state)) : QStringLiteral("—"));
        m_state[i]->setToolTip(stateSource(side));
        QString info = stateSource(side);
        if (m_info[i])
            info += (info.isEmpty() ? QString() : QStringLiteral("\n")) +
                    tr("TCP_INFO: %1").arg(infoText(*m_info[i]));
        m_infoLabel[i]->setText(info);
    }
    m_capture->setText(captureText());
}

void KernelLab::showSegments()
{
    m_segments->blockSignals(true);
    m_segments->clear();
    QTreeWidgetItem *selected = nullptr;
    for (const TraceEvent &event : m_realTrace.events()) {
        if (event.kind != TraceKind::SegmentSent) continue;
        const Segment &s = event.segment;
        auto *item = new QTreeWidgetItem(m_segments);
        item->setText(0, QString::number(double(event.t) / 1000.0, 'f', 3));
        item->setText(1, event.side == Side::Client ? tr("client → server") : tr("server → client"));
        item->setText(2, QString::fromStdString(flagsToString(s.flags)));
        item->setText(3, QString::number(s.seq));
        item->setText(4, s.has(kAck) ? QString::number(s.ack) : QString());
        item->setText(5, QString::number(s.window));
        item->setText(6, QString::number(s.payload.size()));
        const std::string options =
            event.text.starts_with("options: ") ? event.text.substr(9, event.text.find(';') - 9) : "";
        item->setText(7, QString::fromStdString(options));
        item->setData(0, Qt::UserRole, quint64(event.segmentId));
        if (event.segmentId == m_selected) selected = item;
    }
    if (selected) m_segments->setCurrentItem(selected);
    m_segments->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_segments->blockSignals(false);
    m_details->setText(segmentDetails(m_selected));
}

QString KernelLab::segmentDetails(std::uint64_t segmentId) const
{
    for (const TraceEvent &event : m_realTrace.events()) {
        if (event.kind != TraceKind::SegmentSent || event.segmentId != segmentId) continue;
        const Segment &s = event.segment;
        QStringList parts;
        parts << QStringLiteral("%1 %2").arg(event.side == Side::Client ? tr("client → server")
                                                                        : tr("server → client"),
                                             QString::fromStdString(flagsToString(s.flags)));
        parts << (s.has(kSyn) ? tr("seq %1 — the kernel's real initial sequence number (ISN)").arg(s.seq)
                              : tr("seq %1").arg(s.seq));
        if (s.has(kAck)) parts << tr("ack %1").arg(s.ack);
        parts << (s.has(kSyn)
                      ? tr("window %1 (never scaled in a SYN)").arg(s.window)
                      : tr("window field %1 (times 2^wscale when window scaling was agreed)").arg(s.window));
        if (s.mss) parts << tr("MSS %1").arg(*s.mss);
        const std::string options =
            event.text.starts_with("options: ") ? event.text.substr(9, event.text.find(';') - 9) : "";
        parts << (options.empty() ? tr("no options")
                                  : tr("options as sent: %1").arg(QString::fromStdString(options)));
        return parts.join(QStringLiteral(" · "));
    }
    return tr("Pick a segment to see the kernel's real ISN, window and options (MSS, window scale, SACK "
              "permitted, timestamps).");
}

void KernelLab::showDifferences()
{
    m_differenceList->clear();
    for (const KernelDifference &difference : m_differences) {
        auto *item = new QListWidgetItem(KernelDifferenceText::explain(difference), m_differenceList);
        item->setToolTip(QString::fromStdString(difference.text));
        item->setData(Qt::UserRole, quint64(difference.kernelSegmentId));
    }
    if (m_differences.empty())
        new QListWidgetItem(tr("Nothing to compare yet: press Listen, then Connect."), m_differenceList);
}

void KernelLab::selectSegment(std::uint64_t segmentId)
{
    m_selected = segmentId;
    m_kernelPlot->setSelectedSegment(segmentId);
    m_details->setText(segmentDetails(segmentId));
    for (int i = 0; i < m_segments->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_segments->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toULongLong() == segmentId && m_segments->currentItem() != item) {
            m_segments->blockSignals(true);
            m_segments->setCurrentItem(item);
            m_segments->blockSignals(false);
        }
    }
}

QPushButton *KernelLab::button(Side side, CallKind kind) const
{
    switch (kind) {
    case CallKind::Listen:
    case CallKind::Connect:
        return m_open[at(side)];
    case CallKind::Send:
        return m_send[at(side)];
    case CallKind::Close:
        return m_close[at(side)];
    default:
        return nullptr;
    }
}

void KernelLab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace tcplab::ui
