// libFuzzer target: any bytes given to the packetdrill parser give a Script or one error with a line and
// column inside the text — never a crash, a hang or a sanitizer report.
#include "script/packetdrill_parser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const tcplab::packetdrill::ParseResult result = tcplab::packetdrill::parseScript(text, "fuzz.pkt");
    if (result.ok() == result.error.has_value()) std::abort();
    if (result.error) {
        int lines = 1;
        for (char c : text)
            lines += c == '\n';
        if (result.error->line < 1 || result.error->line > lines || result.error->column < 1) std::abort();
        (void)result.error->format("fuzz.pkt");
    }
    return 0;
}
