#pragma once
// The state diagram's edge labels in the interface's language. The core's transition table is English and
// Qt-free; its labels are the keys of a QT_TRANSLATE_NOOP table here, so lupdate collects them and the
// translation keeps the RFC names ("rcv SYN / snd SYN,ACK" → "收到 SYN / 发送 SYN,ACK").
#include "tcp/transitions.h"

#include <QString>

namespace tcplab::ui {

// The row's label, translated; the core's English when the table lacks it (a test keeps it complete).
QString transitionLabel(const Transition &row);
// true when the table has the row's label, i.e. lupdate has seen it and a translation can exist.
bool hasTranslatableLabel(const Transition &row);

} // namespace tcplab::ui
