#include "ui/kernel_differences.h"

#include <QStringList>

namespace tcplab::ui {

namespace {

QString states(const std::vector<TcpState> &list)
{
    QStringList names;
    for (TcpState state : list)
        names << QString::fromLatin1(stateName(state));
    return names.join(QStringLiteral(" → "));
}

} // namespace

QString KernelDifferenceText::segmentName(const KernelDifference &difference)
{
    // The segment is "SIDE FLAGS[ len N]": the flags stay as in the RFC, the side is translated.
    const QString text = QString::fromStdString(difference.segment);
    const QString rest = text.section(QLatin1Char(' '), 1);
    return (difference.side == Side::Client ? tr("the client's %1") : tr("the server's %1")).arg(rest);
}

QString KernelDifferenceText::explain(const KernelDifference &d)
{
    using Kind = KernelDifference::Kind;
    switch (d.kind) {
    case Kind::NoSegments:
        return tr("No segments were captured, so only the states are compared.");
    case Kind::Options:
        return tr("Options: the kernel's SYN carries %1; the core's Linux profile sends MSS "
                  "(RFC 9293 §3.7.1) and window scale (RFC 7323 §2). SACK (RFC 2018) and timestamps (RFC "
                  "7323 §3) are "
                  "extensions the core does not model.")
            .arg(QString::fromStdString(d.detail));
    case Kind::Mss:
        return tr("MSS: the kernel offers %1 (the loopback MTU of 65536 minus 40 bytes of headers); the core "
                  "offers %2, its Linux profile's default (RFC 9293 §3.7.1).")
            .arg(d.kernelValue)
            .arg(d.coreValue);
    case Kind::Isn:
        return tr("ISN: the kernel chose %1 from a keyed hash and a clock (RFC 6528); the core chose %2 from "
                  "its "
                  "clock and seed. Both are valid: only their unpredictability matters.")
            .arg(d.kernelValue)
            .arg(d.coreValue);
    case Kind::Window:
        return tr("Window: after the handshake the kernel writes %1 in the window field and the core %2. "
                  "Each is multiplied by its sender's window scale (RFC 7323 §2.3) to give the bytes that "
                  "side may still receive.")
            .arg(d.kernelValue)
            .arg(d.coreValue);
    case Kind::DelayedAck:
        return tr("Delayed ACK: %1 left %2 ms after the data it acknowledges; the core acknowledges at once. "
                  "RFC 9293 §3.8.6.3 lets a receiver wait up to 0.5 s in the hope of sending data with it.")
            .arg(segmentName(d))
            .arg(d.kernelValue);
    case Kind::Psh:
        return tr("PSH: %1 differs from the core's in the PSH flag, which the sender sets as it sees fit.")
            .arg(segmentName(d));
    case Kind::FinOnData:
        return tr("Only the kernel sent %1: its FIN rode on the last data, while the core sends the FIN in a "
                  "segment of its own.")
            .arg(segmentName(d));
    case Kind::OnlyKernel:
        return d.retransmission ? tr("Only the kernel sent %1: a retransmission.").arg(segmentName(d))
                                : tr("Only the kernel sent %1.").arg(segmentName(d));
    case Kind::AckFolded:
        return tr("Only the core sent %1: the kernel acknowledged later together with other data (delayed "
                  "ACK, "
                  "RFC 9293 §3.8.6.3).")
            .arg(segmentName(d));
    case Kind::OnlyCore:
        return tr("Only the core sent %1.").arg(segmentName(d));
    case Kind::States:
        return (d.side == Side::Client ? tr("Client states: the kernel went %1; the core %2.")
                                       : tr("Server states: the kernel went %1; the core %2."))
            .arg(states(d.kernelStates), states(d.coreStates));
    case Kind::Inferred:
        return tr(
            "%n of the kernel's states were too brief to poll and are inferred from the captured segments "
            "(on loopback a handshake or a close completes inside one system call).",
            "", int(d.kernelValue));
    }
    return QString::fromStdString(d.text);
}

} // namespace tcplab::ui
