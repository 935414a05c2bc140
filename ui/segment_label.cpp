#include "ui/segment_label.h"

namespace tcplab::ui {

QString segmentLabel(const Segment &segment, SeqBases bases)
{
    QString label = QString::fromStdString(flagsToString(segment.flags));
    if (!label.isEmpty()) label += QLatin1Char(' ');
    label += QStringLiteral("seq=%1").arg(std::uint32_t(segment.seq - bases.seq));
    if (segment.has(kAck)) label += QStringLiteral(" ack=%1").arg(std::uint32_t(segment.ack - bases.ack));
    if (!segment.payload.empty()) label += QStringLiteral(" len=%1").arg(segment.payload.size());
    return label;
}

} // namespace tcplab::ui
