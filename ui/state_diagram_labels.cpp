#include "ui/state_diagram_labels.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace tcplab::ui {

namespace {

constexpr auto kContext = "tcplab::ui::TransitionLabel";

// Every label of transitionTable(), once. "rcv"/"snd"/"call" are RFC 9293 Figure 5's receive/send/user call.
constexpr std::array kLabels = {
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "call LISTEN"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "call CONNECT / snd SYN"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "call SEND / snd SYN"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "rcv SYN / snd SYN,ACK"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "call CLOSE"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "call ABORT"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "rcv SYN,ACK / snd ACK"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "rcv SYN / snd SYN,ACK (simultaneous open)"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "rcv RST,ACK (connection refused)"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "SYN retransmitted too often"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "rcv ACK of SYN"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "rcv SYN,ACK (simultaneous open)"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "rcv ACK of SYN + FIN / snd ACK"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "call CLOSE / snd FIN"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "rcv RST (passive open)"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "rcv RST (connection refused)"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "rcv SYN (passive open)"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "call ABORT / snd RST"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "SYN,ACK retransmitted too often"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "rcv FIN / snd ACK"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "rcv RST (connection reset)"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "data retransmitted too often"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "keep-alive unanswered / snd RST"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "rcv ACK of FIN"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "rcv FIN,ACK of FIN / snd ACK"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "FIN retransmitted too often"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "rcv RST"),
    QT_TRANSLATE_NOOP("tcplab::ui::TransitionLabel", "timeout 2·MSL"),
};

} // namespace

bool hasTranslatableLabel(const Transition &row)
{
    return std::any_of(kLabels.begin(), kLabels.end(),
                       [&](const char *label) { return std::string_view(label) == row.label; });
}

QString transitionLabel(const Transition &row)
{
    // The core's labels are UTF-8 ("2·MSL"); translate() reads its key as UTF-8 too.
    const std::string key(row.label);
    return QCoreApplication::translate(kContext, key.c_str());
}

} // namespace tcplab::ui
