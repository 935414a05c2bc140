#include "cli_kernel.h"

#include "io/kernel_compare.h"
#include "io/kernel_observer.h"
#include "sim/scenario.h"
#include "sim/session.h"
#include "trace/json_writer.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string_view>

namespace tcplab::cli {

std::vector<std::string> compareWithKernel(const Trace &kernel, const Trace &core)
{
    std::vector<std::string> lines;
    for (const KernelDifference &difference : compareKernelWithCore(kernel, core))
        lines.push_back(difference.text);
    return lines;
}

int runKernel(int argc, char **argv)
{
    bool compare = false;
    KernelObserverOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::cout
                << "usage: tcplab-cli kernel [--compare] [--no-capture] [--port N]\n"
                   "\n"
                   "Runs the default session's calls (listen, connect, a request and a reply, close the\n"
                   "client then the server) against the kernel's own TCP on 127.0.0.1 and prints what was\n"
                   "seen as JSON lines: segments captured on lo (needs root or CAP_NET_RAW; otherwise only\n"
                   "states, and standard error says why), states from TCP_INFO and sock_diag "
                   "(docs/kernel.md).\n"
                   "\n"
                   "  --compare      also run the core's prediction (simulator, Linux profile) and print\n"
                   "                 one line per difference after the trace, each starting with '# '\n"
                   "  --no-capture   do not try libpcap\n"
                   "  --port N       the server's port (default 0: an ephemeral port)\n";
            return 0;
        }
        if (arg == "--compare") {
            compare = true;
        } else if (arg == "--no-capture") {
            options.capture = false;
        } else if (arg == "--port" && i + 1 < argc) {
            const std::string_view text = argv[++i];
            unsigned port = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
            if (ec != std::errc() || end != text.data() + text.size() || port > 65535) {
                std::cerr << "tcplab-cli kernel: --port expects 0 to 65535, not '" << text << "'\n";
                return 2;
            }
            options.serverPort = static_cast<std::uint16_t>(port);
        } else {
            std::cerr << "tcplab-cli kernel: unknown option '" << arg
                      << "'\nTry 'tcplab-cli kernel --help'.\n";
            return 2;
        }
    }
    const Scenario scenario = defaultScenario(Profile::Linux, 1);
    std::string problem;
    const Trace kernel = runKernelSession(scenario, 300 * kMillisecond, problem, options);
    if (!problem.empty()) std::cerr << "tcplab-cli kernel: " << problem << "\n";
    std::string out = traceToJsonLines(kernel);
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (compare) {
        Session session(scenario);
        session.runToEnd();
        for (const std::string &line : compareWithKernel(kernel, session.trace()))
            std::cout << "# " << line << "\n";
    }
    return std::fflush(stdout) == 0 && std::cout.flush() ? 0 : 1;
}

} // namespace tcplab::cli
