#pragma once
// An opened capture file (pcap, or pcapng converted on the way in): its packets and TCP connections, and for
// the connection the user picks, a trace the session views can step through. The trace holds every
// captured segment (sent and delivered), and both ends' states as the core's rules reconstruct them
// (io/capture_replay.h); each segment's row says whether it was a retransmission, followed a gap, or is not
// what the core would have sent.
#include "io/capture_replay.h"
#include "sim/scenario.h"
#include "trace/pcap_reader.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace tcplab::ui {

// How captured times become the diagram's time axis.
enum class CaptureTimeAxis {
    OneStepPerSegment, // evenly spaced, one slanted arrow per segment, as Wireshark's flow graph does
    CaptureTimes,      // the capture's own clock (since its first packet); arrows are flat
};

class CaptureFile {
    Q_DECLARE_TR_FUNCTIONS(tcplab::ui::CaptureFile)

public:
    // Reads `path`; never throws. A file that cannot be read at all has readable() false.
    static CaptureFile load(const QString &path);
    // The same from bytes already in memory (`path` only names it in messages).
    static CaptureFile fromBytes(const QString &path, const std::vector<std::uint8_t> &bytes);

    const QString &path() const { return m_path; }
    QString fileName() const;
    bool readable() const { return m_capture.headerOk; }
    // What is wrong with the file, one sentence each, naming the file ("" when nothing is).
    const QStringList &problems() const { return m_problems; }
    // The message a user sees when the capture is damaged: the problems and what could still be read.
    QString damageMessage() const;
    bool converted() const { return m_convertedFromPcapng; }

    const PcapCapture &capture() const { return m_capture; }
    const std::vector<TcpConversation> &conversations() const { return m_list.conversations; }
    std::size_t nonTcpPackets() const { return m_list.nonTcpPackets; }

private:
    QString m_path;
    PcapCapture m_capture;
    ConversationList m_list;
    QStringList m_problems;
    bool m_convertedFromPcapng = false;
};

// One captured segment of the chosen connection, as the segment list shows it.
struct CaptureSegmentRow {
    std::uint64_t segmentId = 0; // in the trace
    std::uint64_t packet = 0;    // the capture's frame number
    TimeUs sinceStart = 0;       // µs since the connection's first packet
    TimeUs drawnAt = 0;          // the trace time it is drawn at (sent)
    TimeUs arrivesAt = 0;        // ... and delivered
    Side from = Side::Client;
    Segment segment;
    std::uint32_t payloadLength = 0;
    bool retransmission = false;
    std::uint32_t gapBytes = 0;
    bool matchesCore = false;
    bool replayed = false; // false: before the first SYN, not replayed
    TcpState clientState = TcpState::Closed;
    TcpState serverState = TcpState::Closed;
    std::string remark; // the replay's, English
    std::string note;   // the reader's: checksum, snaplen (English)
    ChecksumStatus checksum = ChecksumStatus::Good;
    std::uint16_t wireChecksum = 0;
    std::uint16_t expectedChecksum = 0; // when Bad or Offloaded
    std::string options; // the TCP options as sent ("MSS 1460, SACK permitted, ..."), IPv4 only
};

struct OpenedConversation {
    TcpConversation conversation;
    Trace trace;
    Scenario scenario; // the ports, for the diagram's headers
    std::vector<CaptureSegmentRow> rows;
    ReplayResult replay;
    CaptureTimeAxis axis = CaptureTimeAxis::OneStepPerSegment;
    QStringList problems; // packets of the connection that could not be decoded, the replay's problem
};

// The connection at `index` of `file`, replayed and laid out on `axis`.
OpenedConversation openConversation(const CaptureFile &file, std::size_t index,
                                    CaptureTimeAxis axis = CaptureTimeAxis::OneStepPerSegment);

// The display spacing of OneStepPerSegment.
constexpr TimeUs kCaptureStep = 100 * kMillisecond;
constexpr TimeUs kCaptureFlight = 60 * kMillisecond;

} // namespace tcplab::ui
