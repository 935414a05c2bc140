#include "ui/core_text.h"

#include <QCoreApplication>

#include <array>

namespace tcplab::ui {
namespace {

// The core's own texts (core/tcp, core/sim) and the built-in lessons' link-rule labels (resources/lessons).
constexpr std::array kTexts = {
    // Why a received segment was discarded (RFC 9293 §3.10.7).
    QT_TRANSLATE_NOOP("CoreText", "ACK in LISTEN: answered with RST"),
    QT_TRANSLATE_NOOP("CoreText", "ACK of something not yet sent"),
    QT_TRANSLATE_NOOP("CoreText", "FIN on a SYN not accepted (the peer sends it again)"),
    QT_TRANSLATE_NOOP("CoreText", "RST in LISTEN ignored"),
    QT_TRANSLATE_NOOP("CoreText", "RST in window but not at RCV.NXT: challenge ACK"),
    QT_TRANSLATE_NOOP("CoreText", "RST with an unacceptable ACK in SYN_SENT"),
    QT_TRANSLATE_NOOP("CoreText", "RST without ACK in SYN_SENT ignored"),
    QT_TRANSLATE_NOOP("CoreText", "SYN in a synchronized state: challenge ACK"),
    QT_TRANSLATE_NOOP("CoreText", "TIME_WAIT: a pure ACK needs no answer"),
    QT_TRANSLATE_NOOP("CoreText", "neither SYN nor RST in SYN_SENT"),
    QT_TRANSLATE_NOOP("CoreText", "neither SYN, ACK nor RST in LISTEN"),
    QT_TRANSLATE_NOOP("CoreText", "no ACK bit"),
    QT_TRANSLATE_NOOP("CoreText", "no connection: RST ignored"),
    QT_TRANSLATE_NOOP("CoreText", "no connection: answered with RST"),
    QT_TRANSLATE_NOOP("CoreText", "not addressed to this port"),
    QT_TRANSLATE_NOOP("CoreText", "out of order: text dropped, RCV.NXT acknowledged again"),
    QT_TRANSLATE_NOOP("CoreText", "receive window is zero: text dropped, ACK processed"),
    QT_TRANSLATE_NOOP("CoreText", "text after the peer's FIN ignored"),
    QT_TRANSLATE_NOOP("CoreText", "unacceptable ACK in SYN_RCVD: answered with RST"),
    QT_TRANSLATE_NOOP("CoreText", "unacceptable ACK in SYN_SENT: answered with RST"),
    QT_TRANSLATE_NOOP("CoreText", "RST outside the receive window"),
    QT_TRANSLATE_NOOP("CoreText", "not acceptable: outside the window"),
    // Errors reported to the application.
    QT_TRANSLATE_NOOP("CoreText", "connection timed out"),
    QT_TRANSLATE_NOOP("CoreText", "connection timed out (keep-alive)"),
    QT_TRANSLATE_NOOP("CoreText", "connection refused"),
    QT_TRANSLATE_NOOP("CoreText", "connection reset"),
    // Why a user call was refused (RFC 9293 §3.10.1–§3.10.5).
    QT_TRANSLATE_NOOP("CoreText", "connection already exists"),
    QT_TRANSLATE_NOOP("CoreText", "connection closing"),
    QT_TRANSLATE_NOOP("CoreText", "connection does not exist"),
    QT_TRANSLATE_NOOP("CoreText", "foreign socket unspecified"),
    // What the link did to a segment.
    QT_TRANSLATE_NOOP("CoreText", "dropped by user"),
    QT_TRANSLATE_NOOP("CoreText", "duplicated by user"),
    // The hypothetical two-way handshake a lesson contrasts with TCP (core/variant).
    QT_TRANSLATE_NOOP("CoreText", "not modelled by the hypothetical two-way handshake"),
    QT_TRANSLATE_NOOP("CoreText", "a listening two-way server waits for a SYN"),
    QT_TRANSLATE_NOOP("CoreText",
                      "not an answer to this SYN; a two-way client has no message to refuse it with"),
    QT_TRANSLATE_NOOP("CoreText", "already ESTABLISHED: a further SYN is ignored"),
    QT_TRANSLATE_NOOP("CoreText", "no connection"),
    // The built-in lessons' link-rule labels.
    QT_TRANSLATE_NOOP("CoreText", "an old SYN, delayed in the network"),
    QT_TRANSLATE_NOOP("CoreText", "an old data segment, delayed in the network"),
    QT_TRANSLATE_NOOP("CoreText", "the SYN+ACK is lost"),
    QT_TRANSLATE_NOOP("CoreText", "the final ACK is lost"),
    QT_TRANSLATE_NOOP("CoreText", "the last ACK is lost"),
    QT_TRANSLATE_NOOP("CoreText", "the link is cut"),
    QT_TRANSLATE_NOOP("CoreText", "the network loses every SYN"),
    QT_TRANSLATE_NOOP("CoreText", "the new SYN takes longer"),
};

} // namespace

QString coreText(std::string_view text)
{
    const QByteArray source(text.data(), static_cast<qsizetype>(text.size()));
    return QCoreApplication::translate("CoreText", source.constData());
}

QStringList knownCoreTexts()
{
    QStringList texts;
    for (const char *text : kTexts)
        texts << QString::fromUtf8(text);
    return texts;
}

} // namespace tcplab::ui
