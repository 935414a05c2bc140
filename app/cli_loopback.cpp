#include "cli_loopback.h"

#include "trace/json_writer.h"

#include <algorithm>
#include <ostream>

namespace tcplab::cli {

LoopbackRun runLoopback(const Scenario &scenario, std::ostream &out, std::ostream &err,
                        const LoopbackOptions &options)
{
    LoopbackRun run;
    LoopbackDriver driver(scenario, options);
    if (const std::string error = driver.open(); !error.empty()) {
        err << "loopback: " << error << "\n";
        run.exitCode = 1;
        return run;
    }
    std::size_t printed = 0;
    std::string lines;
    auto flush = [&] {
        lines.clear();
        appendJsonLines(driver.trace(), lines, printed);
        printed = driver.trace().size();
        out << lines << std::flush;
    };
    while (!driver.finished() && driver.now() < scenario.endAt) {
        driver.pollOnce(std::min<TimeUs>(100 * kMillisecond, scenario.endAt - driver.now()));
        flush();
    }
    flush();
    const LoopbackStats &stats = driver.stats();
    err << "loopback: " << stats.datagramsSent << " datagrams sent, " << stats.datagramsReceived
        << " received, " << stats.datagramsDiscarded << " discarded, " << stats.segmentsDropped
        << " segments dropped, " << stats.segmentsDuplicated << " duplicated\n";
    run.trace = driver.trace();
    return run;
}

} // namespace tcplab::cli
