#pragma once
// Hands-on controls: for each endpoint the user calls of RFC 9293 §3.10 (LISTEN, CONNECT, SEND, CLOSE,
// ABORT) as buttons, enabled only where the endpoint's state allows the call. A click goes to the session
// as an intent through the controller, so stepping back replays it exactly.
#include "sim/scenario.h"

#include <QWidget>

#include <array>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace tcplab::ui {

class SessionController;

// A session with nothing scheduled: both endpoints start CLOSED and wait for the user's calls.
Scenario freePlayScenario(Profile profile = Profile::Teaching, std::uint64_t seed = 1);

class ControlsPanel : public QWidget {
    Q_OBJECT

public:
    // The calls offered, in the order of the buttons.
    static constexpr std::array<CallKind, 5> kCalls = {CallKind::Listen, CallKind::Connect, CallKind::Send,
                                                       CallKind::Close, CallKind::Abort};

    explicit ControlsPanel(SessionController &controller, QWidget *parent = nullptr);

    QPushButton *button(Side side, CallKind call) const;
    QLineEdit *dataEdit(Side side) const { return m_sides[index(side)].data; }
    QLabel *stateLabel(Side side) const { return m_sides[index(side)].state; }
    // The last call's outcome as shown under the buttons ("" before the first call).
    QString resultText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct SideControls {
        QGroupBox *box = nullptr;
        QLabel *state = nullptr;
        QLineEdit *data = nullptr;
        std::array<QPushButton *, kCalls.size()> buttons{};
    };
    static std::size_t index(Side side) { return side == Side::Client ? 0 : 1; }
    void createSide(Side side);
    void retranslateUi();
    void refresh();
    void invoke(Side side, CallKind call);
    QString whatItDoes(CallKind call) const;
    QString whyDisabled(Side side, CallKind call) const;

    SessionController &m_controller;
    std::array<SideControls, 2> m_sides;
    QLabel *m_result = nullptr;
};

} // namespace tcplab::ui
