#include "ui/capture_document.h"

#include "io/tun_device.h"
#include "trace/pcap_writer.h"
#include "ui/capture_pcapng.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace tcplab::ui {

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

void addStateChange(std::vector<TraceEvent> &trace, TimeUs t, Side side, TcpState from, TcpState to)
{
    TraceEvent event;
    event.t = t;
    event.kind = TraceKind::StateChanged;
    event.side = side;
    event.from = from;
    event.to = to;
    for (const Transition &row : transitionTable()) {
        if (row.from == from && row.to == to) {
            event.transition = row.event;
            event.rfc = row.rfc;
            break;
        }
    }
    event.text = "reconstructed by the core's rules from the capture";
    trace.push_back(std::move(event));
}

// The TCP options of packet `number` as written on the wire (IPv4; "" when there are none or for IPv6).
std::string tcpOptionsOf(const PcapCapture &capture, std::uint64_t number)
{
    if (number == 0 || number > capture.packets.size()) return {};
    const std::vector<std::uint8_t> &data = capture.packets[number - 1].data;
    std::size_t link = 0;
    switch (static_cast<PcapLinkType>(capture.linkType)) {
    case PcapLinkType::Null:
        link = 4;
        break;
    case PcapLinkType::Ethernet:
        link = 14;
        break;
    case PcapLinkType::LinuxSll:
        link = 16;
        break;
    case PcapLinkType::LinuxSll2:
        link = 20;
        break;
    default:
        link = 0;
    }
    if (data.size() <= link) return {};
    const Ipv4Packet ip = parseIpv4(std::span(data).subspan(link));
    return ip.ok() ? describeTcpOptions(ip.payload) : std::string();
}

} // namespace

CaptureFile CaptureFile::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        CaptureFile result;
        result.m_path = path;
        result.m_problems
            << tr("%1 cannot be opened: %2").arg(QFileInfo(path).fileName(), file.errorString());
        return result;
    }
    const QByteArray data = file.readAll();
    return fromBytes(path, std::vector<std::uint8_t>(data.begin(), data.end()));
}

CaptureFile CaptureFile::fromBytes(const QString &path, const std::vector<std::uint8_t> &bytes)
{
    CaptureFile result;
    result.m_path = path;
    const QString name = result.fileName();
    std::vector<std::uint8_t> converted;
    std::span<const std::uint8_t> pcap = bytes;
    if (isPcapng(bytes)) {
        PcapngConversion conversion = pcapngToPcap(bytes);
        for (const std::string &problem : conversion.problems)
            result.m_problems << tr("%1: %2").arg(name, fromStd(problem));
        converted = std::move(conversion.pcap);
        pcap = converted;
        result.m_convertedFromPcapng = true;
    }
    result.m_capture = readPcap(pcap);
    for (const PcapIssue &issue : result.m_capture.issues)
        result.m_problems << tr("%1: %2").arg(name, fromStd(issue.describe()));
    if (!result.m_capture.headerOk) return result;
    if (!isKnownLinkType(result.m_capture.linkType))
        result.m_problems << tr("%1: link type %2 is not one tcplab reads (Ethernet, raw IP, Linux cooked)")
                                 .arg(name)
                                 .arg(result.m_capture.linkType);
    result.m_list = listTcpConversations(result.m_capture);
    for (const PcapIssue &issue : result.m_list.issues)
        result.m_problems << tr("%1: %2").arg(name, fromStd(issue.describe()));
    return result;
}

QString CaptureFile::fileName() const
{
    return QFileInfo(m_path).fileName();
}

QString CaptureFile::damageMessage() const
{
    if (m_problems.isEmpty()) return {};
    QString text = readable() ? tr("%1 is damaged or truncated. What could be read is shown: %n packets.", "",
                                   int(m_capture.packets.size()))
                                    .arg(fileName())
                              : tr("%1 cannot be read as a capture.").arg(fileName());
    text += QLatin1Char('\n');
    for (const QString &problem : m_problems)
        text += QStringLiteral("\n• ") + problem;
    return text;
}

OpenedConversation openConversation(const CaptureFile &file, std::size_t index, CaptureTimeAxis axis)
{
    OpenedConversation opened;
    if (index >= file.conversations().size()) return opened;
    opened.conversation = file.conversations()[index];
    opened.axis = axis;
    const TcpConversation &conversation = opened.conversation;
    ConversationSegments segments = conversationSegments(file.capture(), conversation);
    for (const PcapIssue &issue : segments.issues)
        opened.problems << CaptureFile::tr("%1: %2").arg(file.fileName(), fromStd(issue.describe()));
    opened.replay = replayCapture(segments.segments);
    if (!opened.replay.replayed)
        opened.problems << CaptureFile::tr("%1: states are not reconstructed: %2")
                               .arg(file.fileName(), fromStd(opened.replay.problem));

    opened.scenario.name = "capture";
    opened.scenario.calls.clear();
    opened.scenario.clientPort = conversation.client.port;
    opened.scenario.serverPort = conversation.server.port;

    const std::vector<CapturedSegment> &captured = segments.segments;
    const TimeUs start = captured.empty() ? conversation.firstUs : captured.front().t;
    const auto sentAt = [&](std::size_t i) {
        return axis == CaptureTimeAxis::OneStepPerSegment ? kCaptureStep * TimeUs(i + 1)
                                                          : captured[i].t - start;
    };
    // Flat arrows on the capture clock: where the packet was captured is all a capture knows.
    const auto arrivalOf = [&](std::size_t i) {
        return axis == CaptureTimeAxis::OneStepPerSegment ? sentAt(i) + kCaptureFlight : sentAt(i) + 1;
    };

    // The replay starts at the first SYN: earlier segments have no step.
    const ReplayResult &replay = opened.replay;
    std::vector<const ReplayStep *> stepOf(captured.size(), nullptr);
    for (const ReplayStep &step : replay.steps)
        if (step.segment < captured.size()) stepOf[step.segment] = &step;

    std::vector<TraceEvent> events; // in the order made; Trace::append numbers them once sorted
    events.reserve(2 * captured.size() + replay.states.size());
    std::size_t nextState = 0; // replay.states before this index are in the trace
    auto addStates = [&](std::size_t until, TimeUs senderAt, TimeUs receiverAt, Side sender) {
        for (; nextState < until && nextState < replay.states.size(); ++nextState) {
            const StateStep &state = replay.states[nextState];
            addStateChange(events, state.side == sender ? senderAt : receiverAt, state.side, state.from,
                           state.to);
        }
    };
    for (std::size_t i = 0; i < captured.size(); ++i) {
        const CapturedSegment &segment = captured[i];
        const ReplayStep *step = stepOf[i];
        // State changes of timers (and LISTEN, CONNECT) before this step: at the moment it is sent.
        if (step) addStates(step->statesBegin, sentAt(i), sentAt(i), segment.from);
        if (step) addStates(step->statesEnd, sentAt(i), arrivalOf(i), segment.from);

        CaptureSegmentRow row;
        row.segmentId = i + 1;
        row.packet = segment.packet;
        row.sinceStart = segment.t - start;
        row.drawnAt = sentAt(i);
        row.arrivesAt = arrivalOf(i);
        row.options = tcpOptionsOf(file.capture(), segment.packet);
        row.from = segment.from;
        row.segment = segment.segment;
        row.payloadLength = segment.payloadLength;
        row.note = segment.note;
        row.checksum = segment.checksum;
        row.wireChecksum = segment.wireChecksum;
        row.expectedChecksum = segment.expectedChecksum;
        if (step) {
            row.replayed = true;
            row.retransmission = step->retransmission;
            row.gapBytes = step->gapBytes;
            row.matchesCore = step->matchesCore;
            row.clientState = step->clientState;
            row.serverState = step->serverState;
            row.remark = step->remark;
        }

        TraceEvent sent;
        sent.t = sentAt(i);
        sent.kind = TraceKind::SegmentSent;
        sent.side = segment.from;
        sent.segmentId = row.segmentId;
        sent.segment = segment.segment;
        sent.retransmission = row.retransmission;
        sent.arrival = arrivalOf(i);
        sent.text = row.remark;
        if (!row.note.empty()) sent.text += (sent.text.empty() ? "" : "; ") + row.note;
        events.push_back(std::move(sent));
        TraceEvent delivered;
        delivered.t = arrivalOf(i);
        delivered.kind = TraceKind::SegmentDelivered;
        delivered.side = peerOf(segment.from);
        delivered.segmentId = row.segmentId;
        delivered.segment = segment.segment;
        events.push_back(std::move(delivered));
        opened.rows.push_back(std::move(row));
    }
    // Timers after the last segment (none unless the replay ran them).
    const TimeUs after = captured.empty() ? 0 : arrivalOf(captured.size() - 1) + kCaptureFlight;
    addStates(replay.states.size(), after, after, Side::Client);

    // Time order for playback; equal times keep the order above (a send before its delivery). One step per
    // segment is in order already; the capture's clock may not be (captures are not always sorted).
    const auto earlier = [](const TraceEvent &a, const TraceEvent &b) { return a.t < b.t; };
    opened.trace.reserve(events.size());
    if (std::is_sorted(events.begin(), events.end(), earlier)) {
        for (TraceEvent &event : events)
            opened.trace.append(std::move(event));
        return opened;
    }
    // Sorting (time, position) pairs and moving each event once is far cheaper than sorting the events.
    std::vector<std::pair<TimeUs, std::size_t>> order;
    order.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i)
        order.emplace_back(events[i].t, i);
    std::sort(order.begin(), order.end());
    for (const auto &[t, i] : order)
        opened.trace.append(std::move(events[i]));
    return opened;
}

} // namespace tcplab::ui
