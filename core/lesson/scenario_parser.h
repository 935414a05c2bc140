#pragma once
// The scenario text format (docs/scenario-format.md): one directive per line, words separated by blanks,
// "quoted strings" with escapes, key=value options, '#' comments. The parser takes text, never a path, and
// never throws or crashes: every problem is a ParseError naming the line and column and what was expected.
//
// Later layers (lesson narration, quizzes, expectations) add their own directives with registerDirective();
// any other unknown directive is an error.
#include "sim/scenario.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcplab {

struct ParseError {
    int line = 0;        // 1-based
    int column = 0;      // 1-based, in bytes
    std::string message; // what was expected
};

// One word of a line. For `key=value` the key and value are split at the first '=' outside quotes.
struct ScenarioToken {
    std::string text;  // the whole word, quotes removed and escapes resolved
    int column = 0;    // where the word starts
    int endColumn = 0; // just past its last character
    bool quoted = false;
    bool hasKey = false;
    std::string key;   // when hasKey
    std::string value; // when hasKey
    int valueColumn = 0;
};

struct DirectiveLine {
    int line = 0;
    std::vector<ScenarioToken> tokens; // tokens[0] is the directive's keyword; never empty

    ParseError error(const ScenarioToken &at, std::string message) const
    {
        return {line, at.column, std::move(message)};
    }
};

struct ParseResult {
    std::optional<Scenario> scenario; // set when the text parsed
    ParseError error;                 // meaningful when !scenario
    bool ok() const { return scenario.has_value(); }
};

class ScenarioParser {
public:
    // Handles a directive the scenario layer does not know; returns an error to stop the parse.
    using Handler = std::function<std::optional<ParseError>(const DirectiveLine &line, Scenario &scenario)>;

    // Registers `keyword` (e.g. "narration.en"). A later layer's directives may not replace the built-in
    // ones. Returns false when the keyword is taken.
    bool registerDirective(std::string keyword, Handler handler);

    // Command-line overrides: used instead of the file's `profile` and `seed` lines.
    void setProfileOverride(Profile profile) { m_profileOverride = profile; }
    void setSeedOverride(std::uint64_t seed) { m_seedOverride = seed; }

    ParseResult parse(std::string_view text) const;

    // Splits one line into words (used by parse; public for the lesson layer and tests). A line that is
    // blank or a comment gives no tokens.
    static std::optional<ParseError> tokenize(std::string_view line, int lineNumber,
                                              std::vector<ScenarioToken> &tokens);

private:
    std::map<std::string, Handler, std::less<>> m_extra;
    std::optional<Profile> m_profileOverride;
    std::optional<std::uint64_t> m_seedOverride;
};

// Parses with no extra directives and no overrides.
ParseResult parseScenario(std::string_view text);

// "FILE:LINE:COLUMN: error: MESSAGE", the form compilers use (editors jump to it).
std::string formatParseError(std::string_view file, const ParseError &error);

// Values of the format, exposed for the lesson layer's directives. Each returns the error message on failure.
// Times: a decimal number with a unit, "50ms", "1.5s", "200us" (0 may stand alone).
std::optional<std::string> parseTime(std::string_view text, TimeUs &out);
std::optional<std::string> parseCount(std::string_view text, std::uint64_t max, std::uint64_t &out);

} // namespace tcplab
