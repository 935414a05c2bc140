#pragma once
// Time in the core is always an argument: microseconds on whatever clock the driver runs
// (virtual in the simulator, wall-clock since start in the loopback driver).
#include <cstdint>

namespace tcplab {

using TimeUs = std::int64_t;

constexpr TimeUs kMicrosecond = 1;
constexpr TimeUs kMillisecond = 1000;
constexpr TimeUs kSecond = 1000 * kMillisecond;

} // namespace tcplab
