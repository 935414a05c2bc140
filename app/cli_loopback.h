#pragma once
// tcplab-cli run --mode loopback: a scenario over real UDP sockets on 127.0.0.1 (core/io/loopback_driver.h).
#include "io/loopback_driver.h"

#include <iosfwd>

namespace tcplab::cli {

struct LoopbackRun {
    int exitCode = 0; // 0, or 1 when the sockets could not be opened (the message is on err)
    Trace trace;
};

// Runs the scenario on the wall clock and streams its trace to `out` as JSON lines while it runs (the same
// lines as the simulator's `run`). Ends when the session is finished or at the scenario's endAt.
LoopbackRun runLoopback(const Scenario &scenario, std::ostream &out, std::ostream &err,
                        const LoopbackOptions &options = {});

} // namespace tcplab::cli
