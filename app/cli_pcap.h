#pragma once
// tcplab-cli's pcap file handling: the core builds and parses the bytes, this does the file I/O.
#include "trace/pcap_writer.h"
#include "trace/trace.h"

#include <iosfwd>
#include <string>

namespace tcplab::cli {

// Writes the trace as a pcap file, atomically: into PATH.tmp, then renamed over PATH, so that a reader never
// sees half a file. Returns "" on success, otherwise the message (and PATH is left as it was).
std::string writeTracePcap(const Trace &trace, const std::string &path,
                           PcapLinkType linkType = PcapLinkType::Raw);

// Reads a capture and prints its TCP conversations; with conversation >= 0 (Wireshark's tcp.stream), that
// conversation's segments from both sides. Problems with the file are printed to `err` with their byte
// offset and packet number; what could be read is still printed. Returns 0, 1 when nothing could be read,
// 2 when the file was read only in part or a packet could not be decoded.
int inspectPcapFile(const std::string &path, int conversation, std::ostream &out, std::ostream &err);

} // namespace tcplab::cli
