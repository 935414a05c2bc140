#include "cli_lessons.h"

#include "lesson/lesson.h"

#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string_view>
#include <vector>

namespace tcplab::cli {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

struct LessonSource {
    std::string fileName;
    std::string text;
};

std::vector<LessonSource> builtinSources()
{
    std::vector<LessonSource> sources;
    for (const BuiltinLesson &builtin : builtinLessonFiles())
        sources.push_back({std::string(builtin.fileName), std::string(builtin.text)});
    return sources;
}

} // namespace

int listLessons(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::cout << "usage: tcplab-cli list\n\nPrints the built-in lessons, one a line: ID, a tab, and "
                         "the title in English / Chinese.\n";
            return kExitOk;
        }
        std::cerr << "tcplab-cli list: unexpected argument '" << arg << "'\nTry 'tcplab-cli list --help'.\n";
        return kExitUsage;
    }
    int status = kExitOk;
    for (const LessonSource &source : builtinSources()) {
        const LessonParseResult parsed = parseLesson(source.text);
        if (!parsed.ok()) {
            std::cerr << formatParseError(source.fileName, parsed.error) << "\n";
            status = kExitFailed;
            continue;
        }
        std::cout << parsed.lesson->id << "\t" << parsed.lesson->title.en << " / " << parsed.lesson->title.zh
                  << "\n";
    }
    return status;
}

int checkLessons(int argc, char **argv)
{
    std::vector<LessonSource> sources;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::cout
                << "usage: tcplab-cli check [FILE...]\n\n"
                   "Runs every built-in lesson (or the lesson files given) in the simulator and checks\n"
                   "its expectations and that every text is given in English and Chinese. Prints each\n"
                   "failure as FILE:LINE: ..., then 'N passed, N failed'.\n"
                   "exit status: 0 all passed, 1 a lesson failed, 2 bad arguments or an unreadable file.\n";
            return kExitOk;
        }
        if (arg.starts_with("-")) {
            std::cerr << "tcplab-cli check: unknown option '" << arg << "'\nTry 'tcplab-cli check --help'.\n";
            return kExitUsage;
        }
        std::ifstream in{std::string(arg), std::ios::binary};
        if (!in) {
            std::cerr << "tcplab-cli check: cannot read " << arg << "\n";
            return kExitUsage;
        }
        std::ostringstream text;
        text << in.rdbuf();
        sources.push_back({std::string(arg), text.str()});
    }
    const bool builtins = sources.empty();
    if (builtins) sources = builtinSources();

    int passed = 0, failed = 0;
    std::set<std::string> ids;
    for (const LessonSource &source : sources) {
        const LessonParseResult parsed = parseLesson(source.text);
        if (!parsed.ok()) {
            std::cout << formatParseError(source.fileName, parsed.error) << "\n";
            ++failed;
            continue;
        }
        LessonCheck check = checkLesson(*parsed.lesson, source.fileName);
        // Built-in lessons share one picker: an id may appear once.
        if (builtins && !ids.insert(parsed.lesson->id).second) {
            check.ok = false;
            check.failures.push_back(source.fileName + ":1: the lesson id \"" + parsed.lesson->id +
                                     "\" is used by another built-in lesson");
        }
        for (const std::string &failure : check.failures)
            std::cout << failure << "\n";
        std::cout << (check.ok ? "PASS " : "FAIL ") << source.fileName << " (" << parsed.lesson->id << ")\n";
        ++(check.ok ? passed : failed);
    }
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed == 0 ? kExitOk : kExitFailed;
}

bool lessonScenario(const std::string &id, bool contrast, const LessonParseOptions &options,
                    Scenario &scenario, std::string &error)
{
    for (const LessonSource &source : builtinSources()) {
        LessonParseResult parsed = parseLesson(source.text, options);
        if (!parsed.ok() || parsed.lesson->id != id) continue;
        if (contrast && !parsed.lesson->contrast) {
            error = "lesson '" + id + "' has no contrast scenario";
            return false;
        }
        scenario = contrast ? std::move(*parsed.lesson->contrast) : std::move(parsed.lesson->scenario);
        return true;
    }
    error = "no lesson '" + id + "'; 'tcplab-cli list' shows the lessons";
    return false;
}

} // namespace tcplab::cli
