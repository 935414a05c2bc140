#include "segment.h"

#include <array>
#include <utility>

namespace tcplab {

namespace {

// The fixed printing order of the flags (header comment in segment.h).
constexpr std::array<std::pair<TcpFlag, std::string_view>, 6> kFlagNames = {{
    {kSyn, "SYN"},
    {kFin, "FIN"},
    {kRst, "RST"},
    {kPsh, "PSH"},
    {kAck, "ACK"},
    {kUrg, "URG"},
}};

} // namespace

std::uint32_t Segment::sequenceLength() const
{
    std::uint32_t length = static_cast<std::uint32_t>(payload.size());
    if (has(kSyn)) ++length;
    if (has(kFin)) ++length;
    return length;
}

std::string flagsToString(std::uint8_t flags)
{
    std::string text;
    for (const auto &[flag, name] : kFlagNames) {
        if ((flags & flag) == 0) continue;
        if (!text.empty()) text += '|';
        text += name;
    }
    return text;
}

std::optional<std::uint8_t> flagsFromString(std::string_view text)
{
    std::uint8_t flags = 0;
    if (text.empty()) return flags;
    while (true) {
        const std::size_t bar = text.find('|');
        const std::string_view name = text.substr(0, bar);
        bool known = false;
        for (const auto &[flag, flagName] : kFlagNames) {
            if (flagName == name) {
                flags |= flag;
                known = true;
                break;
            }
        }
        if (!known) return std::nullopt;
        if (bar == std::string_view::npos) return flags;
        text.remove_prefix(bar + 1);
    }
}

} // namespace tcplab
