#include "cli_pcap.h"

#include "trace/pcap_reader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <iterator>
#include <ostream>

namespace tcplab::cli {

std::string writeTracePcap(const Trace &trace, const std::string &path, PcapLinkType linkType)
{
    PcapExportOptions options;
    options.linkType = linkType;
    const std::vector<std::uint8_t> bytes = traceToPcap(trace, options);
    const std::string tmp = path + ".tmp";
    {
        std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
        if (!file) return "cannot write " + tmp + ": " + std::strerror(errno);
        file.write(reinterpret_cast<const char *>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        file.close();
        if (!file) {
            std::remove(tmp.c_str());
            return "cannot write " + tmp + ": " + std::strerror(errno);
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        std::remove(tmp.c_str());
        return "cannot rename " + tmp + " to " + path + ": " + why;
    }
    return {};
}

int inspectPcapFile(const std::string &path, int conversation, std::ostream &out, std::ostream &err)
{
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        err << "cannot open " << path << ": " << std::strerror(errno) << "\n";
        return 1;
    }
    const std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(file),
                                          std::istreambuf_iterator<char>()};
    const PcapCapture capture = readPcap(bytes);
    for (const PcapIssue &issue : capture.issues)
        err << path << ": " << issue.describe() << "\n";
    if (!capture.headerOk) return 1;
    const ConversationList list = listTcpConversations(capture);
    for (const PcapIssue &issue : list.issues)
        err << path << ": " << issue.describe() << "\n";
    out << capture.packets.size() << " packets, link type " << capture.linkType << ", "
        << list.conversations.size() << " TCP conversations, " << list.nonTcpPackets << " other packets\n";
    for (const TcpConversation &c : list.conversations)
        out << "  [" << c.index << "] " << c.describe() << "  packets " << c.packetsFromClient << " + "
            << c.packetsFromServer << ", payload " << c.payloadFromClient << " + " << c.payloadFromServer
            << " bytes" << (c.sawSyn ? "" : "  (no SYN seen: the client is the first sender)") << "\n";
    bool partial = !capture.issues.empty() || !list.issues.empty();
    if (conversation >= 0) {
        if (conversation >= static_cast<int>(list.conversations.size())) {
            err << "no conversation " << conversation << " (the capture has " << list.conversations.size()
                << ")\n";
            return 1;
        }
        const TcpConversation &c = list.conversations[static_cast<std::size_t>(conversation)];
        const ConversationSegments segments = conversationSegments(capture, c);
        for (const PcapIssue &issue : segments.issues)
            err << path << ": " << issue.describe() << "\n";
        partial = partial || !segments.issues.empty();
        for (const CapturedSegment &s : segments.segments) {
            out << "#" << s.packet << " " << s.t / kSecond << "." << std::setw(6) << std::setfill('0')
                << s.t % kSecond << std::setfill(' ') << " " << sideName(s.from) << " "
                << flagsToString(s.segment.flags) << " seq=" << s.segment.seq << " ack=" << s.segment.ack
                << " win=" << s.segment.window << " len=" << s.payloadLength
                << " checksum=" << checksumStatusName(s.checksum);
            if (!s.note.empty()) out << " (" << s.note << ")";
            out << "\n";
        }
    }
    return partial ? 2 : 0;
}

} // namespace tcplab::cli
