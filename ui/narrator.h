#pragma once
// Narration: what just happened and why, one sentence per trace event worth telling, in the current
// language, with the RFC section that prescribes it. Read from the trace only.
#include "trace/trace.h"

#include <QCoreApplication>
#include <QString>

namespace tcplab::ui {

class Narrator {
    Q_DECLARE_TR_FUNCTIONS(Narrator)

public:
    // The sentence for trace[index], or an empty string for events not worth a sentence of their own
    // (a timer cancelled, a segment delivered — its effect is narrated instead).
    static QString narrate(const Trace &trace, std::size_t index);
    // Every sentence for events at times in (from, to], joined by newlines.
    static QString narrateRange(const Trace &trace, TimeUs from, TimeUs to);

    static QString sideName(Side side);           // "The client" / "客户端"
    static QString durationText(TimeUs duration); // "1 s", "200 ms"

private:
    static QString stateChange(const Trace &trace, std::size_t index);
    static QString segmentSent(const TraceEvent &event);
    static QString timerArmed(const TraceEvent &event);
    static QString timerFired(const TraceEvent &event);
    static QString withRfc(const QString &sentence, std::string_view rfc);
};

} // namespace tcplab::ui
