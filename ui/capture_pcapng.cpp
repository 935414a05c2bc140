#include "ui/capture_pcapng.h"

#include "trace/pcap_writer.h"

#include <optional>

namespace tcplab::ui {

namespace {

constexpr std::uint32_t kSectionHeader = 0x0a0d0d0a;
constexpr std::uint32_t kInterfaceDescription = 1;
constexpr std::uint32_t kSimplePacket = 3;
constexpr std::uint32_t kEnhancedPacket = 6;
constexpr std::uint32_t kByteOrderMagic = 0x1a2b3c4d;
constexpr std::uint16_t kOptionTsResolution = 9;

struct Interface {
    std::uint32_t linkType = 0;
    std::uint32_t snaplen = 0;
    // Units per second of the timestamps: 10^6 unless if_tsresol says otherwise.
    std::uint64_t unitsPerSecond = 1'000'000;
};

struct Reader {
    std::span<const std::uint8_t> bytes;
    bool bigEndian = false;
    std::uint16_t u16(std::size_t at) const
    {
        const std::uint16_t a = bytes[at], b = bytes[at + 1];
        return bigEndian ? std::uint16_t(a << 8 | b) : std::uint16_t(b << 8 | a);
    }
    std::uint32_t u32(std::size_t at) const
    {
        const std::uint32_t a = u16(at), b = u16(at + 2);
        return bigEndian ? (a << 16 | b) : (b << 16 | a);
    }
};

std::optional<std::uint64_t> resolution(std::uint8_t value)
{
    const unsigned exponent = value & 0x7f;
    if (exponent > 18 && !(value & 0x80)) return std::nullopt;
    if (exponent > 63) return std::nullopt;
    std::uint64_t units = 1;
    for (unsigned i = 0; i < exponent; ++i)
        units *= (value & 0x80) ? 2 : 10;
    return units;
}

// The options of an Interface Description Block start after its 8 fixed bytes.
void readInterfaceOptions(const Reader &in, std::size_t at, std::size_t end, Interface &interface)
{
    while (at + 4 <= end) {
        const std::uint16_t code = in.u16(at), length = in.u16(at + 2);
        if (code == 0 || at + 4 + length > end) return;
        if (code == kOptionTsResolution && length >= 1)
            if (const auto units = resolution(in.bytes[at + 4])) interface.unitsPerSecond = *units;
        at += 4 + ((length + 3u) & ~3u);
    }
}

} // namespace

bool isPcapng(std::span<const std::uint8_t> bytes)
{
    return bytes.size() >= 4 && bytes[0] == 0x0a && bytes[1] == 0x0d && bytes[2] == 0x0d && bytes[3] == 0x0a;
}

PcapngConversion pcapngToPcap(std::span<const std::uint8_t> bytes)
{
    PcapngConversion out;
    std::vector<Interface> interfaces;
    std::optional<PcapWriter> writer;
    std::uint32_t linkType = 0;
    Reader in{bytes};
    auto fail = [&](std::size_t offset, const std::string &what) {
        out.problems.push_back("pcapng block at byte offset " + std::to_string(offset) + ": " + what);
    };
    std::size_t at = 0;
    while (at < bytes.size()) {
        if (bytes.size() - at < 12) {
            fail(at,
                 "cut short (" + std::to_string(bytes.size() - at) + " bytes left, a block has at least 12)");
            break;
        }
        const bool section =
            bytes[at] == 0x0a && bytes[at + 1] == 0x0d && bytes[at + 2] == 0x0d && bytes[at + 3] == 0x0a;
        if (section) {
            in.bigEndian = false;
            if (in.u32(at + 8) != kByteOrderMagic) {
                in.bigEndian = true;
                if (in.u32(at + 8) != kByteOrderMagic) {
                    fail(at, "the section header has no byte-order magic 1a2b3c4d");
                    break;
                }
            }
            interfaces.clear(); // interface numbers start again in each section
        } else if (at == 0) {
            fail(at, "the file does not start with a section header block");
            break;
        }
        const std::uint32_t type = in.u32(at);
        const std::uint32_t length = in.u32(at + 4);
        if (length < 12 || length % 4 != 0) {
            fail(at, "block length " + std::to_string(length) + " is not a multiple of 4 of at least 12");
            break;
        }
        if (length > bytes.size() - at) {
            fail(at, "the block claims " + std::to_string(length) + " bytes but only " +
                         std::to_string(bytes.size() - at) + " are left (the file is truncated)");
            break;
        }
        if (in.u32(at + length - 4) != length) {
            fail(at,
                 "the block's trailing length does not repeat its leading length " + std::to_string(length));
            break;
        }
        const std::size_t body = at + 8, end = at + length - 4;
        if (type == kInterfaceDescription && end - body >= 8) {
            Interface interface;
            interface.linkType = in.u16(body);
            interface.snaplen = in.u32(body + 4);
            readInterfaceOptions(in, body + 8, end, interface);
            interfaces.push_back(interface);
            if (!writer) {
                linkType = interface.linkType;
                writer.emplace(static_cast<PcapLinkType>(linkType), kPcapDefaultSnaplen);
            }
        } else if (type == kEnhancedPacket || type == kSimplePacket) {
            const bool enhanced = type == kEnhancedPacket;
            const std::size_t header = enhanced ? 20 : 4;
            if (end - body < header) {
                fail(at, "a packet block too short for its header");
                break;
            }
            const std::uint32_t id = enhanced ? in.u32(body) : 0;
            if (id >= interfaces.size()) {
                fail(at, "a packet of interface " + std::to_string(id) + ", which was never described");
                break;
            }
            const Interface &interface = interfaces[id];
            const std::uint32_t original = enhanced ? in.u32(body + 16) : in.u32(body);
            std::uint32_t captured = enhanced ? in.u32(body + 12) : original;
            if (!enhanced && interface.snaplen != 0 && captured > interface.snaplen)
                captured = interface.snaplen;
            if (captured > end - body - header) {
                fail(at, "captured length " + std::to_string(captured) + " exceeds the block");
                break;
            }
            if (interface.linkType != linkType) {
                ++out.skippedPackets;
            } else {
                TimeUs t = 0;
                if (enhanced) {
                    const std::uint64_t units = std::uint64_t(in.u32(body + 4)) << 32 | in.u32(body + 8);
                    const std::uint64_t perSecond = interface.unitsPerSecond;
                    t = TimeUs(units / perSecond) * kSecond +
                        TimeUs((units % perSecond) * 1'000'000 / perSecond);
                }
                writer->addPacket(t, bytes.subspan(body + header, captured), original);
                ++out.packets;
            }
        }
        at += length;
    }
    if (out.skippedPackets > 0)
        out.problems.push_back(std::to_string(out.skippedPackets) +
                               " packets on interfaces of another link type were left out");
    if (!writer) writer.emplace(PcapLinkType::Raw, kPcapDefaultSnaplen); // no interface: an empty capture
    out.pcap = writer->takeBytes();
    return out;
}

} // namespace tcplab::ui
