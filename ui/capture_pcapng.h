#pragma once
// pcapng (Wireshark's default format) converted to classic pcap bytes, so that the core's pcap reader reads
// it: the Enhanced and Simple Packet Blocks of the first interface's link type, with their times. Other
// blocks (name resolution, statistics, comments) are skipped. Pure C++, no I/O.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace tcplab::ui {

struct PcapngConversion {
    std::vector<std::uint8_t> pcap;    // a classic pcap file: header and every packet that could be read
    std::vector<std::string> problems; // "block at byte offset N: ..." (English); reading stops at damage
    std::size_t packets = 0;
    std::size_t skippedPackets = 0; // on interfaces of another link type than the first
};

bool isPcapng(std::span<const std::uint8_t> bytes);
PcapngConversion pcapngToPcap(std::span<const std::uint8_t> bytes);

} // namespace tcplab::ui
