#include "ui/controls_panel.h"

#include "ui/diagram_style.h"
#include "ui/narrator.h"
#include "ui/session_controller.h"

#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace tcplab::ui {

namespace {

QString latin1(std::string_view text)
{
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

// The event of the transition table a call causes, where the table has one; SEND has none (it changes
// no state except in LISTEN, which Connection refuses).
std::optional<TcpEvent> eventOf(CallKind call)
{
    switch (call) {
    case CallKind::Listen:
        return TcpEvent::PassiveOpen;
    case CallKind::Connect:
        return TcpEvent::ActiveOpen;
    case CallKind::Close:
        return TcpEvent::Close;
    case CallKind::Abort:
        return TcpEvent::Abort;
    default:
        return std::nullopt;
    }
}

// The states the transition table lets `event` leave from, in the RFC's order: "CLOSED or LISTEN".
QStringList statesAllowing(TcpEvent event)
{
    QStringList states;
    for (TcpState state : kAllStates) {
        const auto rows = transitionTable();
        if (std::any_of(rows.begin(), rows.end(),
                        [&](const Transition &row) { return row.from == state && row.event == event; }))
            states << latin1(stateName(state));
    }
    return states;
}

} // namespace

Scenario freePlayScenario(Profile profile, std::uint64_t seed)
{
    Scenario scenario = defaultScenario(profile, seed);
    scenario.name = "free play";
    scenario.calls.clear();
    return scenario;
}

ControlsPanel::ControlsPanel(SessionController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("controlsPanel"));
    auto *sides = new QHBoxLayout;
    createSide(Side::Client);
    createSide(Side::Server);
    sides->addWidget(m_sides[0].box);
    sides->addWidget(m_sides[1].box);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_result->setFont(style::scaledFont(font(), 1.1));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addLayout(sides);
    layout->addWidget(m_result);
    layout->addStretch(1);

    connect(&m_controller, &SessionController::timeChanged, this, &ControlsPanel::refresh);
    connect(&m_controller, &SessionController::traceChanged, this, &ControlsPanel::refresh);
    retranslateUi();
}

void ControlsPanel::createSide(Side side)
{
    SideControls &controls = m_sides[index(side)];
    controls.box = new QGroupBox(this);
    controls.box->setFont(style::scaledFont(font(), 1.1, true));
    QPalette palette = controls.box->palette();
    palette.setColor(QPalette::WindowText, style::sideColor(side));
    controls.box->setPalette(palette);

    controls.state = new QLabel(controls.box);
    controls.state->setFont(style::scaledFont(font(), 1.2, true));
    controls.data = new QLineEdit(QStringLiteral("hello"), controls.box);
    controls.data->setFont(style::scaledFont(font(), 1.1));
    controls.data->setMaxLength(200);

    auto *grid = new QGridLayout(controls.box);
    grid->addWidget(controls.state, 0, 0, 1, 3);
    for (std::size_t i = 0; i < kCalls.size(); ++i) {
        const CallKind call = kCalls[i];
        auto *button = new QPushButton(latin1(callName(call)), controls.box);
        button->setFont(style::scaledFont(font(), 1.1, true));
        button->setMinimumHeight(QFontMetrics(button->font()).height() * 2);
        // Call names stay as in the RFC (like the flags); what they do is in the tooltip.
        button->setObjectName(
            QStringLiteral("%1_%2").arg(latin1(sideName(side)), latin1(callName(call)).toLower()));
        controls.buttons[i] = button;
        connect(button, &QPushButton::clicked, this, [this, side, call] { invoke(side, call); });
    }
    // LISTEN CONNECT on the first row; SEND with its data on the second; CLOSE ABORT on the third.
    grid->addWidget(controls.buttons[0], 1, 0);
    grid->addWidget(controls.buttons[1], 1, 1);
    grid->addWidget(controls.buttons[2], 2, 0);
    grid->addWidget(controls.data, 2, 1, 1, 2);
    grid->addWidget(controls.buttons[3], 3, 0);
    grid->addWidget(controls.buttons[4], 3, 1);
    grid->setColumnStretch(2, 1);
}

QPushButton *ControlsPanel::button(Side side, CallKind call) const
{
    const auto at = std::find(kCalls.begin(), kCalls.end(), call);
    return at == kCalls.end() ? nullptr : m_sides[index(side)].buttons[std::size_t(at - kCalls.begin())];
}

QString ControlsPanel::resultText() const
{
    return m_result->text();
}

void ControlsPanel::retranslateUi()
{
    setAccessibleName(tr("Hands-on controls"));
    for (Side side : {Side::Client, Side::Server}) {
        SideControls &controls = m_sides[index(side)];
        controls.box->setTitle(side == Side::Client ? tr("Client") : tr("Server"));
        controls.data->setAccessibleName(tr("Data to send from %1").arg(Narrator::sideName(side).toLower()));
        controls.data->setToolTip(tr("The bytes SEND hands to TCP"));
        for (std::size_t i = 0; i < kCalls.size(); ++i)
            controls.buttons[i]->setAccessibleName(
                tr("%1: %2").arg(Narrator::sideName(side), latin1(callName(kCalls[i]))));
    }
    refresh();
}

void ControlsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

QString ControlsPanel::whatItDoes(CallKind call) const
{
    switch (call) {
    case CallKind::Listen:
        return tr("Passive open: wait for a peer's SYN (RFC 9293 §3.10.1)");
    case CallKind::Connect:
        return tr("Active open: send SYN to the peer and start the three-way handshake (RFC 9293 §3.10.1)");
    case CallKind::Send:
        return tr("Hand the data to TCP; it goes out once the connection is established (RFC 9293 §3.10.2)");
    case CallKind::Close:
        return tr("No more data from this side: send FIN once the queued data is out, a half-close "
                  "(RFC 9293 §3.10.4)");
    case CallKind::Abort:
        return tr("Drop the connection at once and tell the peer with RST (RFC 9293 §3.10.5)");
    default:
        return {};
    }
}

QString ControlsPanel::whyDisabled(Side side, CallKind call) const
{
    const Connection &endpoint = m_controller.endpoint(side);
    const QString name = latin1(callName(call));
    const QString state = latin1(stateName(endpoint.state()));
    const auto event = eventOf(call);
    if (!event)
        return tr("%1 needs a connection that is open or opening and not yet closed by this side; the state "
                  "is "
                  "%2")
            .arg(name, state);
    const QStringList states = statesAllowing(*event);
    if (states.contains(state)) return tr("%1 is already under way in %2").arg(name, state);
    return tr("%1 needs %2; the state is %3").arg(name, states.join(tr(" or ")), state);
}

void ControlsPanel::refresh()
{
    for (Side side : {Side::Client, Side::Server}) {
        SideControls &controls = m_sides[index(side)];
        const Connection &endpoint = m_controller.endpoint(side);
        controls.state->setText(tr("State: %1").arg(latin1(stateName(endpoint.state()))));
        const bool allowed[] = {endpoint.canListen(), endpoint.canConnect(), endpoint.canSend(),
                                endpoint.canClose(), endpoint.canAbort()};
        for (std::size_t i = 0; i < kCalls.size(); ++i) {
            QPushButton *button = controls.buttons[i];
            button->setEnabled(allowed[i]);
            // A disabled button's tooltip still shows: say why it is disabled.
            button->setToolTip(allowed[i]
                                   ? whatItDoes(kCalls[i])
                                   : tr("%1\n%2").arg(whatItDoes(kCalls[i]), whyDisabled(side, kCalls[i])));
        }
        controls.data->setEnabled(endpoint.canSend());
    }
}

void ControlsPanel::invoke(Side side, CallKind call)
{
    std::vector<std::uint8_t> data;
    if (call == CallKind::Send) {
        const QByteArray bytes = m_sides[index(side)].data->text().toUtf8();
        data.assign(bytes.begin(), bytes.end());
    }
    const CallResult result = m_controller.call(side, call, std::move(data));
    const QString name = latin1(callName(call));
    m_result->setText(
        result.ok
            ? tr("%1 called %2.").arg(Narrator::sideName(side), name)
            : tr("%1 called %2, refused: %3.").arg(Narrator::sideName(side), name, latin1(result.error)));
    refresh();
}

} // namespace tcplab::ui
