#pragma once
// A lesson: a scenario plus what a class sees around it — a title and summary, narration for each step in
// Chinese and English, quiz questions that pause the playback, and the lesson's own expectations, which
// `tcplab-cli check` verifies against the core's trace. Format: docs/lesson-format.md (the scenario format
// with the directives this layer registers).
#include "lesson/scenario_parser.h"
#include "sim/scenario.h"
#include "trace/trace.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tcplab {

// Text in both languages; a lesson missing either fails its check.
struct LocalizedText {
    std::string en;
    std::string zh;
    bool complete() const { return !en.empty() && !zh.empty(); }
};

// Shown when playback reaches `at` (virtual time).
struct NarrationStep {
    TimeUs at = 0;
    LocalizedText text;
    int line = 0; // where it stands in the file, for error messages
};

// The lesson pauses before `pauseAt` and asks; choices are shown in order, `correct` indexes them.
struct QuizQuestion {
    TimeUs pauseAt = 0;
    LocalizedText question;
    std::vector<LocalizedText> choices;
    int correct = 0;
    LocalizedText explanation;
    int line = 0;
};

// Something the trace must show; each is one a wrong state machine would fail.
struct Expectation {
    enum class Kind {
        States,    // the exact sequence of states one side (of connection `conn`) goes through
        Segment,   // a segment sent by `side` with these flags (and seq/ack/len when given) exists
        NoData,    // no payload on segments carrying SYN (e.g. "no data rides on the handshake")
        Final,     // the side's state at the end
        Text,      // an event of `side` (a note, an error, a discard) whose text contains `text`
        Delivered, // the bytes `side`'s application received, all of them in order, are exactly `text`
        NoSegment, // no segment sent by `side` matches flags (and seq/ack/len when given)
    };
    Kind kind = Kind::States;
    Side side = Side::Client;
    int conn = 0;
    std::vector<TcpState> states;     // States; Final uses states[0]
    std::uint8_t flags = 0;           // Segment: exact flags
    std::optional<std::uint32_t> seq; // Segment
    std::optional<std::uint32_t> ack; // Segment
    std::optional<std::uint32_t> len; // Segment
    bool retransmission = false;      // Segment: must be a retransmission
    int line = 0;
    bool contrast = false; // checked against the contrast scenario instead of the main one
    std::string text;      // Text, Delivered
};

struct Lesson {
    std::string id; // "handshake", "close", ...
    int order = 0;  // position in the picker
    LocalizedText title;
    LocalizedText summary;
    Scenario scenario;
    // A second scenario played beside the first (a hypothetical protocol, HTTP/1.1 beside HTTP/1.0).
    std::optional<Scenario> contrast;
    LocalizedText contrastTitle;
    // The contrast is a hypothetical protocol, not TCP as RFC 9293 specifies it (a two-way handshake, TCP
    // without TIME_WAIT): the views label it so. Set by `contrast.hypothetical`; a contrast that uses a
    // `variant` must say so.
    bool contrastHypothetical = false;
    std::vector<NarrationStep> narration;
    std::vector<QuizQuestion> quiz;
    std::vector<Expectation> expectations;
    // Where the texts stand in the file, so that a missing language is reported with its line.
    int titleLine = 1;
    int summaryLine = 1;
    int contrastLine = 0; // the contrast.begin line; 0 without a contrast
};

struct LessonParseResult {
    std::optional<Lesson> lesson;
    ParseError error;
    bool ok() const { return lesson.has_value(); }
};

// Overrides from the command line (`tcplab-cli run --lesson ID --profile P --seed N`): the profile is the
// base of both scenarios' endpoint settings, and the lesson's own client.* and server.* lines still apply
// on top, as for a scenario file.
struct LessonParseOptions {
    std::optional<Profile> profile;
    std::optional<std::uint64_t> seed;
};

LessonParseResult parseLesson(std::string_view text, const LessonParseOptions &options = {});

// The sequence of states `side` of connection `conn` goes through in a trace, starting from CLOSED (a crash
// counts as a return to CLOSED, which the trace records as a call rather than a state change).
std::vector<TcpState> statesOf(const Trace &trace, Side side, int conn = 0);

struct LessonCheck {
    bool ok = true;
    std::vector<std::string> failures; // "FILE:LINE: expected ..., the trace shows ..."
};

// Runs the lesson's scenario(s) to the end and checks every expectation and that every text exists in both
// languages.
LessonCheck checkLesson(const Lesson &lesson, std::string_view fileName);

// The lessons built into the program (resources/lessons/*.lesson, compiled in), in picker order.
struct BuiltinLesson {
    std::string_view fileName; // "01-handshake.lesson"
    std::string_view text;
};
std::vector<BuiltinLesson> builtinLessonFiles();

} // namespace tcplab
