#pragma once
// tcplab-cli kernel: the default session's calls against the operating system's own TCP on 127.0.0.1
// (core/io/kernel_observer.h), printed as JSON lines; --compare also runs the core's prediction (the
// simulator, Linux profile) and explains in one line each where the kernel differs.
#include "trace/trace.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace tcplab::cli {

int runKernel(int argc, char **argv);

// One line per difference between the kernel's trace and the core's for the same calls.
std::vector<std::string> compareWithKernel(const Trace &kernel, const Trace &core);

} // namespace tcplab::cli
