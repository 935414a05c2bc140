#include "cli_conform.h"

#include "script/packetdrill_parser.h"
#include "script/packetdrill_runner.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;
using namespace tcplab;
using namespace tcplab::packetdrill;

namespace {

constexpr std::string_view kUsage =
    "usage: tcplab-cli conform [options] FILE|DIR...\n"
    "Runs packetdrill scripts (DIR: every *.pkt below it) against one tcplab endpoint in virtual time.\n"
    "  --tolerance_usecs=N   timing tolerance for '>' lines (default: the script's, else 4000)\n"
    "  --define=NAME         #ifdef NAME is true (default: STANDARD); may be repeated\n"
    "  --skip-sockstat       skip `sockstat | grep -c STATE | grep N` lines instead of checking the state\n"
    "  --departures=FILE     the scripts expected to fail (FreeBSD departs from RFC 9293); exit 0 only\n"
    "                        when exactly these fail\n"
    "  --root=DIR            paths are printed (and listed in --departures) relative to DIR\n"
    "  --verbose             print every line's outcome of a failed script\n"
    "  --trace               with --verbose: also print the endpoint's trace of a failed script\n";

struct Departure {
    std::string path;
    std::string justification; // "RFC 9293 §3.10.7.4: ..."
    int line = 0;
};

bool readFile(const fs::path &path, std::string &text)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
    return true;
}

std::optional<std::vector<Departure>> readDepartures(const fs::path &path)
{
    std::string text;
    if (!readFile(path, text)) {
        std::cerr << "conform: cannot read " << path.string() << "\n";
        return std::nullopt;
    }
    std::vector<Departure> departures;
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
        ++number;
        const std::size_t hash = line.find('#');
        if (hash != std::string::npos) line.erase(hash);
        const std::size_t begin = line.find_first_not_of(" \t\r");
        if (begin == std::string::npos) continue;
        const std::size_t end = line.find_first_of(" \t", begin);
        Departure departure;
        departure.line = number;
        departure.path = line.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
        const std::size_t why =
            end == std::string::npos ? std::string::npos : line.find_first_not_of(" \t", end);
        departure.justification = why == std::string::npos ? std::string() : line.substr(why);
        while (!departure.justification.empty() &&
               (departure.justification.back() == '\r' || departure.justification.back() == ' '))
            departure.justification.pop_back();
        if (departure.justification.rfind("RFC ", 0) != 0 ||
            departure.justification.find("\xc2\xa7") == std::string::npos) {
            std::cerr << path.string() << ":" << number
                      << ": expected the path, then the RFC section that justifies tcplab's behaviour "
                         "('RFC 9293 \xc2\xa7"
                         "3.10.7.4: why')\n";
            return std::nullopt;
        }
        departures.push_back(std::move(departure));
    }
    return departures;
}

std::string displayPath(const fs::path &path, const std::optional<fs::path> &root)
{
    if (root) {
        std::error_code ec;
        const fs::path relative = fs::relative(path, *root, ec);
        if (!ec && !relative.empty() && *relative.begin() != "..") return relative.generic_string();
    }
    return path.generic_string();
}

void printTraceOf(const RunResult &result)
{
    for (const TraceEvent &event : result.trace.events()) {
        char time[32];
        std::snprintf(time, sizeof time, "%lld.%06lld", static_cast<long long>(event.t / kSecond),
                      static_cast<long long>(event.t % kSecond));
        std::cout << "      trace " << time << " " << sideName(event.side) << " "
                  << traceKindName(event.kind);
        switch (event.kind) {
        case TraceKind::SegmentSent:
        case TraceKind::SegmentDiscarded:
            std::cout << " " << flagsToString(event.segment.flags) << " seq=" << event.segment.seq
                      << " ack=" << event.segment.ack << " len=" << event.segment.payload.size();
            break;
        case TraceKind::StateChanged:
            std::cout << " " << stateName(event.from) << " -> " << stateName(event.to);
            break;
        case TraceKind::TimerArmed:
            std::cout << " " << timerName(event.timer) << " deadline=" << event.deadline;
            break;
        case TraceKind::TimerCancelled:
        case TraceKind::TimerFired:
            std::cout << " " << timerName(event.timer);
            break;
        case TraceKind::UserCall:
            std::cout << " " << callName(event.call) << (event.callOk ? "" : " failed");
            break;
        default:
            break;
        }
        if (!event.text.empty()) std::cout << " (" << event.text << ")";
        if (!event.rfc.empty()) std::cout << " [" << event.rfc << "]";
        std::cout << "\n";
    }
}

} // namespace

int runConform(int argc, char **argv)
{
    RunOptions runOptions;
    ParseOptions parseOptions;
    std::vector<std::string> defines;
    std::optional<fs::path> departuresFile;
    std::optional<fs::path> root;
    bool verbose = false;
    bool printTrace = false;
    std::vector<fs::path> inputs;

    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&](std::string_view name) -> std::optional<std::string> {
            if (arg.rfind(name, 0) == 0 && arg.size() > name.size() && arg[name.size()] == '=')
                return std::string(arg.substr(name.size() + 1));
            return std::nullopt;
        };
        if (arg == "--help" || arg == "-h") {
            std::cout << kUsage;
            return 0;
        } else if (const auto tolerance = value("--tolerance_usecs")) {
            char *end = nullptr;
            const long long usecs = std::strtoll(tolerance->c_str(), &end, 10);
            if (end == tolerance->c_str() || *end != '\0' || usecs < 0) {
                std::cerr << "conform: --tolerance_usecs needs a number of microseconds\n" << kUsage;
                return 2;
            }
            runOptions.tolerance = usecs;
        } else if (const auto define = value("--define")) {
            defines.push_back(*define);
        } else if (arg == "--skip-sockstat") {
            runOptions.interpretSockstat = false;
        } else if (const auto file = value("--departures")) {
            departuresFile = *file;
        } else if (const auto dir = value("--root")) {
            root = fs::path(*dir);
        } else if (arg == "--trace") {
            printTrace = true;
        } else if (arg == "--verbose" || arg == "-v") {
            verbose = true;
        } else if (arg.rfind("--", 0) == 0) {
            std::cerr << "conform: unknown option " << arg << "\n" << kUsage;
            return 2;
        } else {
            inputs.emplace_back(arg);
        }
    }
    if (!defines.empty()) parseOptions.defines = defines;
    if (inputs.empty()) {
        std::cerr << "conform: no script given\n" << kUsage;
        return 2;
    }

    std::vector<fs::path> files;
    for (const fs::path &input : inputs) {
        std::error_code ec;
        if (fs::is_directory(input, ec)) {
            std::vector<fs::path> found;
            for (const auto &entry : fs::recursive_directory_iterator(input, ec)) {
                if (entry.is_regular_file() && entry.path().extension() == ".pkt")
                    found.push_back(entry.path());
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(input);
        }
    }

    std::optional<std::vector<Departure>> departures;
    if (departuresFile) {
        departures = readDepartures(*departuresFile);
        if (!departures) return 2;
    }

    int passed = 0, failed = 0, skippedScripts = 0;
    std::array<int, kSkipKindCount> skippedLines{};
    std::array<int, kSkipKindCount> uncheckedParts{};
    std::set<std::string> failedPaths;
    std::set<std::string> seenPaths;
    for (const fs::path &file : files) {
        const std::string shown = displayPath(file, root);
        seenPaths.insert(shown);
        std::string text;
        if (!readFile(file, text)) {
            std::cout << "FAIL  " << shown << ": cannot read the file\n";
            ++failed;
            failedPaths.insert(shown);
            continue;
        }
        const ParseResult parsed = parseScript(text, shown, parseOptions);
        if (!parsed.ok()) {
            std::cout << "FAIL  " << parsed.error->format(shown) << "\n";
            ++failed;
            failedPaths.insert(shown);
            continue;
        }
        const RunResult result = runScript(*parsed.script, runOptions);
        for (int k = 0; k < kSkipKindCount; ++k) {
            skippedLines[static_cast<std::size_t>(k)] += result.skipped[static_cast<std::size_t>(k)];
            uncheckedParts[static_cast<std::size_t>(k)] += result.unchecked[static_cast<std::size_t>(k)];
        }
        switch (result.outcome) {
        case ScriptOutcome::Passed:
            ++passed;
            std::cout << "PASS  " << shown << "\n";
            break;
        case ScriptOutcome::Skipped:
            ++skippedScripts;
            std::cout << "SKIP  " << shown << ": " << result.reason << "\n";
            break;
        case ScriptOutcome::Failed:
            ++failed;
            failedPaths.insert(shown);
            std::cout << "FAIL  " << result.describe(shown) << "\n";
            if (verbose) {
                for (std::size_t i = 0; i < result.lines.size(); ++i) {
                    const LineOutcome &line = result.lines[i];
                    const char *status = line.status == LineStatus::Passed    ? "ok  "
                                         : line.status == LineStatus::Skipped ? "skip"
                                         : line.status == LineStatus::Failed  ? "FAIL"
                                                                              : "    ";
                    std::cout << "      " << status << " " << line.line << ": "
                              << parsed.script->events[i].source;
                    if (!line.note.empty()) std::cout << "   -- " << line.note;
                    std::cout << "\n";
                }
            }
            if (printTrace) printTraceOf(result);
            break;
        }
    }

    std::cout << "skipped lines:";
    for (int k = 0; k < kSkipKindCount; ++k) {
        if (skippedLines[static_cast<std::size_t>(k)] > 0)
            std::cout << " " << skipKindName(static_cast<SkipKind>(k)) << " "
                      << skippedLines[static_cast<std::size_t>(k)];
    }
    std::cout << "\nunchecked parts of checked lines:";
    for (int k = 0; k < kSkipKindCount; ++k) {
        if (uncheckedParts[static_cast<std::size_t>(k)] > 0)
            std::cout << " " << skipKindName(static_cast<SkipKind>(k)) << " "
                      << uncheckedParts[static_cast<std::size_t>(k)];
    }
    std::cout << "\n";

    bool departuresHold = true;
    if (departures) {
        std::set<std::string> listed;
        for (const Departure &departure : *departures) {
            listed.insert(departure.path);
            if (!seenPaths.count(departure.path)) {
                std::cout << "departures: listed but not run: " << departure.path << "\n";
                departuresHold = false;
            } else if (!failedPaths.count(departure.path)) {
                std::cout << "departures: listed but does not fail (remove it from the list): "
                          << departure.path << "\n";
                departuresHold = false;
            }
        }
        int asListed = 0;
        for (const std::string &path : failedPaths) {
            if (listed.count(path)) {
                ++asListed;
            } else {
                std::cout << "departures: fails but is not listed (a core bug?): " << path << "\n";
                departuresHold = false;
            }
        }
        std::cout << "departures: " << asListed << " of " << departures->size()
                  << " listed scripts fail as listed; "
                  << (departuresHold ? "the list holds" : "the list does not hold") << "\n";
    }

    std::cout << passed << " passed, " << failed << " failed, " << skippedScripts << " skipped\n";
    if (departures) return departuresHold ? 0 : 1;
    return failed == 0 ? 0 : 1;
}
