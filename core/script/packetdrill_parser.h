#pragma once
// Parses packetdrill script text into a Script. Untrusted input: any text gives either a Script or one
// error with its line and column — never a crash, an exception or an unbounded loop (fuzzed by
// tests/fuzz/fuzz_packetdrill.cpp).
#include "script/packetdrill_script.h"

#include <string_view>

namespace tcplab::packetdrill {

ParseResult parseScript(std::string_view text, std::string_view name = {}, const ParseOptions &options = {});

} // namespace tcplab::packetdrill
