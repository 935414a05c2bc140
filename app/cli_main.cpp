// tcplab-cli: the core without Qt. Command-line parsing and file I/O only; everything else is the core's.
#include "cli_conform.h"
#include "cli_kernel.h"
#include "cli_lessons.h"
#include "cli_loopback.h"
#include "cli_pcap.h"
#include "lesson/scenario_parser.h"
#include "sim/scenario.h"
#include "sim/session.h"
#include "trace/json_writer.h"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace {

using namespace tcplab;

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1; // the input was read but is wrong (a scenario with an error)
constexpr int kExitUsage = 2;  // bad arguments, or a file that cannot be read

// A subcommand gets its own name as argv[0] and its options after it, and returns the exit status.
struct Command {
    std::string_view name;
    std::string_view summary;
    int (*run)(int argc, char **argv);
};

int runCommand(int argc, char **argv);
int pcapCommand(int argc, char **argv);
int helpCommand(int argc, char **argv);

// A later subcommand (list, check, ...) is one more row here.
constexpr Command kCommands[] = {
    {"run", "run a scenario and print its trace as JSON lines", runCommand},
    {"conform", "run packetdrill scripts against the core (docs/packetdrill.md)", runConform},
    {"pcap", "list a capture's TCP conversations, or one conversation's segments", pcapCommand},
    {"list", "list the built-in lessons: ID, tab, title", cli::listLessons},
    {"check", "check every built-in lesson (or the files given) against the core", cli::checkLessons},
    {"kernel", "watch the kernel's own TCP run the default calls on 127.0.0.1 (docs/kernel.md)", cli::runKernel},
    {"help", "show this help", helpCommand},
};

void printUsage(std::ostream &out)
{
    out << "usage: tcplab-cli COMMAND [OPTIONS]\n"
           "\n"
           "The headless tcplab: the same TCP core as the desktop program, without Qt.\n"
           "\n"
           "commands:\n";
    for (const Command &command : kCommands) {
        out << "  " << command.name;
        for (std::size_t i = command.name.size(); i < 10; ++i)
            out << ' ';
        out << command.summary << "\n";
    }
    out << "\n"
           "'tcplab-cli COMMAND --help' describes a command's options.\n"
           "exit status: 0 success, 1 the input has an error, 2 bad arguments or an unreadable file.\n";
}

void printRunUsage(std::ostream &out)
{
    out << "usage: tcplab-cli run [--seed N] [--profile teaching|linux] [--scenario FILE]\n"
           "\n"
           "Runs a session in the simulator (virtual time, so it finishes at once) until nothing is left to\n"
           "happen - by default until both ends are CLOSED after TIME_WAIT - and prints the trace on "
           "standard\n"
           "output, one JSON object per line (docs/trace-format.md).\n"
           "\n"
           "Without --scenario it runs the built-in session: a three-way handshake, a request and a reply,\n"
           "and a four-way close.\n"
           "\n"
           "options:\n"
           "  --seed N               the seed of random link rules and clock-driven ISNs (default 1, or the\n"
           "                         scenario's)\n"
           "  --profile NAME         teaching (default: fixed ISNs 1000/5000, TIME_WAIT 2 s) or linux\n"
           "                         (TIME_WAIT 60 s, clock-driven ISNs, delayed ACKs); overrides the\n"
           "                         profile of the scenario or lesson, whose own settings still apply\n"
           "  --lesson ID            the scenario of a built-in lesson ('tcplab-cli list')\n"
           "  --contrast             with --lesson: the lesson's contrast scenario instead\n"
           "  --scenario FILE        a scenario file (docs/scenario-format.md); errors are printed as\n"
           "                         FILE:LINE:COLUMN: error: MESSAGE and the exit status is 1\n"
           "  --mode MODE            simulated (default) or loopback: real UDP sockets on 127.0.0.1 and the\n"
           "                         wall clock (docs/pcap.md); the trace is printed while it runs\n"
           "  --pcap FILE            also write the sent segments as a pcap file (docs/pcap.md)\n"
           "  -h, --help             show this help\n";
}

void printPcapUsage(std::ostream &out)
{
    out << "usage: tcplab-cli pcap FILE [--conversation N]\n"
           "\n"
           "Reads a pcap capture (docs/pcap.md) and lists its TCP conversations; with --conversation N\n"
           "(Wireshark's tcp.stream) it also prints that conversation's segments from both sides.\n"
           "exit status: 0 read, 1 nothing could be read, 2 read in part or bad arguments.\n";
}

int usageError(std::string_view command, const std::string &message)
{
    std::cerr << "tcplab-cli";
    if (!command.empty()) std::cerr << " " << command;
    std::cerr << ": " << message << "\n";
    std::cerr << "Try 'tcplab-cli" << (command.empty() ? "" : " ") << command << " --help'.\n";
    return kExitUsage;
}

// "--name VALUE" or "--name=VALUE". Returns true when argv[i] is this option; `value` is then set, or
// `missing` when no value follows.
bool optionValue(int argc, char **argv, int &i, std::string_view name, std::optional<std::string> &value,
                 bool &missing)
{
    const std::string_view arg = argv[i];
    if (arg == name) {
        if (i + 1 >= argc) {
            missing = true;
            return true;
        }
        value = argv[++i];
        return true;
    }
    if (arg.size() > name.size() && arg.starts_with(name) && arg[name.size()] == '=') {
        value = std::string(arg.substr(name.size() + 1));
        return true;
    }
    return false;
}

bool readFile(const std::string &path, std::string &text, std::string &error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read " + path + ": " + std::strerror(errno);
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        error = "cannot read " + path;
        return false;
    }
    text = buffer.str();
    return true;
}

int runCommand(int argc, char **argv)
{
    std::optional<std::string> seedText, profileText, scenarioPath, modeText, pcapPath, lessonId;
    bool contrast = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            printRunUsage(std::cout);
            return kExitOk;
        }
        if (arg == "--contrast") {
            contrast = true;
            continue;
        }
        bool missing = false;
        std::optional<std::string> value;
        std::optional<std::string> *target = nullptr;
        std::string_view name;
        for (auto [option, slot] : {std::pair{"--seed", &seedText}, std::pair{"--profile", &profileText},
                                    std::pair{"--scenario", &scenarioPath}, std::pair{"--mode", &modeText},
                                    std::pair{"--pcap", &pcapPath}, std::pair{"--lesson", &lessonId}}) {
            if (optionValue(argc, argv, i, option, value, missing)) {
                target = slot;
                name = option;
                break;
            }
        }
        if (!target) {
            if (arg.starts_with("-")) return usageError("run", "unknown option '" + std::string(arg) + "'");
            return usageError("run", "unexpected argument '" + std::string(arg) + "'");
        }
        if (missing) return usageError("run", "option '" + std::string(name) + "' needs a value");
        *target = std::move(value);
    }

    std::optional<std::uint64_t> seed;
    if (seedText) {
        std::uint64_t n = 0;
        if (parseCount(*seedText, UINT64_MAX, n))
            return usageError("run", "--seed expects a whole number from 0 to 18446744073709551615, not '" +
                                         *seedText + "'");
        seed = n;
    }
    std::optional<Profile> profile;
    if (profileText) {
        if (*profileText == "teaching")
            profile = Profile::Teaching;
        else if (*profileText == "linux")
            profile = Profile::Linux;
        else
            return usageError("run", "--profile expects teaching or linux, not '" + *profileText + "'");
    }

    const bool loopback = modeText && *modeText == "loopback";
    if (modeText && !loopback && *modeText != "simulated")
        return usageError("run", "--mode expects simulated or loopback, not '" + *modeText + "'");
    if (pcapPath && pcapPath->empty()) return usageError("run", "--pcap needs a file name");

    Scenario scenario;
    if (lessonId && scenarioPath) return usageError("run", "give --lesson or --scenario, not both");
    if (contrast && !lessonId) return usageError("run", "--contrast needs --lesson");
    if (lessonId) {
        std::string error;
        // The profile is the base; the lesson's own client.* and server.* settings apply on top.
        if (!cli::lessonScenario(*lessonId, contrast, LessonParseOptions{profile, seed}, scenario, error))
            return usageError("run", error);
    } else if (scenarioPath) {
        std::string text, error;
        if (!readFile(*scenarioPath, text, error)) {
            std::cerr << "tcplab-cli run: " << error << "\n";
            return kExitUsage;
        }
        ScenarioParser parser;
        if (profile) parser.setProfileOverride(*profile);
        if (seed) parser.setSeedOverride(*seed);
        ParseResult parsed = parser.parse(text);
        if (!parsed.ok()) {
            std::cerr << formatParseError(*scenarioPath, parsed.error) << "\n";
            return kExitFailed;
        }
        scenario = std::move(*parsed.scenario);
    } else {
        scenario = defaultScenario(profile.value_or(Profile::Teaching), seed.value_or(1));
    }

    Trace trace;
    if (loopback) {
        cli::LoopbackRun run = cli::runLoopback(scenario, std::cout, std::cerr);
        if (run.exitCode != 0) return run.exitCode;
        trace = std::move(run.trace);
    } else {
        Session session(std::move(scenario));
        session.runToEnd();
        std::string out;
        out.reserve(session.trace().size() * 200);
        appendJsonLines(session.trace(), out);
        std::fwrite(out.data(), 1, out.size(), stdout);
        if (pcapPath) trace = session.trace();
    }
    if (std::fflush(stdout) != 0 || !std::cout.flush()) return kExitFailed;
    if (pcapPath) {
        if (const std::string error = cli::writeTracePcap(trace, *pcapPath); !error.empty()) {
            std::cerr << "tcplab-cli run: " << error << "\n";
            return kExitFailed;
        }
    }
    return kExitOk;
}

int pcapCommand(int argc, char **argv)
{
    std::optional<std::string> path, conversationText;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            printPcapUsage(std::cout);
            return kExitOk;
        }
        bool missing = false;
        std::optional<std::string> value;
        if (optionValue(argc, argv, i, "--conversation", value, missing)) {
            if (missing) return usageError("pcap", "option '--conversation' needs a value");
            conversationText = std::move(value);
        } else if (arg.starts_with("-")) {
            return usageError("pcap", "unknown option '" + std::string(arg) + "'");
        } else if (path) {
            return usageError("pcap", "one capture at a time ('" + std::string(arg) + "' is a second)");
        } else {
            path = std::string(arg);
        }
    }
    if (!path) return usageError("pcap", "which capture? give a pcap file");
    int conversation = -1;
    if (conversationText) {
        std::uint64_t n = 0;
        if (parseCount(*conversationText, 1'000'000'000, n))
            return usageError("pcap",
                              "--conversation expects a number from 0, not '" + *conversationText + "'");
        conversation = static_cast<int>(n);
    }
    return cli::inspectPcapFile(*path, conversation, std::cout, std::cerr);
}

int helpCommand(int argc, char **argv)
{
    if (argc > 1) {
        for (const Command &command : kCommands) {
            if (command.name == argv[1] && command.name != "help") {
                char help[] = "--help";
                char *args[] = {argv[1], help, nullptr};
                return command.run(2, args);
            }
        }
        return usageError("", "unknown command '" + std::string(argv[1]) + "'");
    }
    printUsage(std::cout);
    return kExitOk;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        printUsage(std::cerr);
        return kExitUsage;
    }
    const std::string_view name = argv[1];
    if (name == "-h" || name == "--help") {
        printUsage(std::cout);
        return kExitOk;
    }
    for (const Command &command : kCommands)
        if (command.name == name) return command.run(argc - 1, argv + 1);
    return usageError("", "unknown command '" + std::string(name) + "'");
}
