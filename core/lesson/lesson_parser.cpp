// The lesson format (docs/lesson-format.md): the scenario format plus the directives registered here. A
// contrast block is cut out of the text before parsing and parsed as a scenario of its own; both texts keep
// every line (the other's lines become blank), so every error names the line of the original file.
#include "lesson/lesson.h"

#include <algorithm>
#include <limits>

namespace tcplab {

namespace {

std::string quote(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

ParseError missing(const DirectiveLine &line, std::string message)
{
    return {line.line, line.tokens.back().endColumn, std::move(message)};
}

std::optional<Side> parseSide(std::string_view text)
{
    if (text == "client") return Side::Client;
    if (text == "server") return Side::Server;
    return std::nullopt;
}

// State names as the trace prints them; the textbook spelling SYN_SEND is pointed out, not accepted, so a
// lesson's author learns the RFC name.
std::optional<ParseError> parseState(const DirectiveLine &line, const ScenarioToken &token, TcpState &out)
{
    if (auto state = stateFromName(token.text)) {
        out = *state;
        return std::nullopt;
    }
    if (token.text == "SYN_SEND")
        return line.error(token, "unknown state \"SYN_SEND\"; RFC 9293 calls it SYN-SENT, written SYN_SENT");
    return line.error(token, "unknown state " + quote(token.text) +
                                 "; expected CLOSED, LISTEN, SYN_SENT, SYN_RCVD, ESTABLISHED, FIN_WAIT_1, "
                                 "FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK or TIME_WAIT");
}

// en="..." zh="..." into `text`; other words are left to the caller (returns their indices).
std::optional<ParseError> languages(const DirectiveLine &line, std::size_t first, LocalizedText &text,
                                    std::vector<std::size_t> *rest = nullptr)
{
    for (std::size_t i = first; i < line.tokens.size(); ++i) {
        const ScenarioToken &token = line.tokens[i];
        if (token.hasKey && (token.key == "en" || token.key == "zh")) {
            std::string &target = token.key == "en" ? text.en : text.zh;
            if (!target.empty())
                return line.error(token, "the " + token.key + " text is already given on this line");
            if (token.value.empty()) return ParseError{line.line, token.valueColumn, "expected a text"};
            target = token.value;
        } else if (rest) {
            rest->push_back(i);
        } else {
            return line.error(token, "expected en=\"...\" or zh=\"...\", found " + quote(token.text));
        }
    }
    return std::nullopt;
}

// One parse: the directives' handlers write here.
struct LessonBuilder {
    Lesson lesson;
    int idLine = 0, orderLine = 0, hypotheticalLine = 0;
    bool inContrast = false; // the handlers are those of the contrast block's parse

    std::optional<ParseError> single(const DirectiveLine &line, std::string &target, std::string_view what)
    {
        if (line.tokens.size() < 2) return missing(line, "expected " + std::string(what));
        if (line.tokens.size() > 2) return line.error(line.tokens[2], "unexpected extra word after the text");
        if (!target.empty())
            return line.error(line.tokens[0], quote(line.tokens[0].text) + " is already set");
        if (line.tokens[1].text.empty()) return line.error(line.tokens[1], "expected a text");
        target = line.tokens[1].text;
        return std::nullopt;
    }

    std::optional<ParseError> narrate(const DirectiveLine &line);
    std::optional<ParseError> quiz(const DirectiveLine &line);
    std::optional<ParseError> quizPart(const DirectiveLine &line);
    std::optional<ParseError> expect(const DirectiveLine &line);
    std::optional<ParseError> finish(int lastLine);
};

std::optional<ParseError> LessonBuilder::narrate(const DirectiveLine &line)
{
    if (line.tokens.size() < 2)
        return missing(line, "expected a time, e.g. narrate 10ms en=\"...\" zh=\"...\"");
    TimeUs at = 0;
    if (auto message = parseTime(line.tokens[1].text, at)) return line.error(line.tokens[1], *message);
    if (line.tokens.size() < 3) return missing(line, "expected en=\"...\" and/or zh=\"...\"");
    LocalizedText text;
    if (auto e = languages(line, 2, text)) return e;
    // A step may be written on two lines, one per language, with the same time.
    auto &steps = lesson.narration;
    auto same = std::find_if(steps.begin(), steps.end(), [&](const NarrationStep &s) {
        return s.at == at && (text.en.empty() || s.text.en.empty()) && (text.zh.empty() || s.text.zh.empty());
    });
    if (same != steps.end()) {
        if (!text.en.empty()) same->text.en = text.en;
        if (!text.zh.empty()) same->text.zh = text.zh;
        return std::nullopt;
    }
    if (!steps.empty() && steps.back().at > at)
        return line.error(line.tokens[1], "narration goes back in time: the step on line " +
                                              std::to_string(steps.back().line) + " is later");
    steps.push_back({at, std::move(text), line.line});
    return std::nullopt;
}

std::optional<ParseError> LessonBuilder::quiz(const DirectiveLine &line)
{
    if (line.tokens.size() < 2) return missing(line, "expected a time, e.g. quiz 1s en=\"...\" zh=\"...\"");
    QuizQuestion question;
    question.line = line.line;
    if (auto message = parseTime(line.tokens[1].text, question.pauseAt))
        return line.error(line.tokens[1], *message);
    if (line.tokens.size() < 3) return missing(line, "expected the question: en=\"...\" zh=\"...\"");
    if (auto e = languages(line, 2, question.question)) return e;
    question.correct = -1;
    lesson.quiz.push_back(std::move(question));
    return std::nullopt;
}

// quiz.choice [correct] en=".." zh=".." and quiz.explain en=".." zh="..", for the quiz line above them.
std::optional<ParseError> LessonBuilder::quizPart(const DirectiveLine &line)
{
    if (lesson.quiz.empty())
        return line.error(line.tokens[0], quote(line.tokens[0].text) + " needs a quiz line before it");
    QuizQuestion &question = lesson.quiz.back();
    if (line.tokens.size() < 2) return missing(line, "expected en=\"...\" and zh=\"...\"");
    if (line.tokens[0].text == "quiz.explain") return languages(line, 1, question.explanation);
    LocalizedText choice;
    std::vector<std::size_t> rest;
    if (auto e = languages(line, 1, choice, &rest)) return e;
    for (std::size_t i : rest) {
        const ScenarioToken &token = line.tokens[i];
        if (token.text != "correct" || token.quoted)
            return line.error(token,
                              "expected correct, en=\"...\" or zh=\"...\", found " + quote(token.text));
        if (question.correct >= 0)
            return line.error(token, "the quiz on line " + std::to_string(question.line) +
                                         " already has a correct choice");
        question.correct = static_cast<int>(question.choices.size());
    }
    question.choices.push_back(std::move(choice));
    return std::nullopt;
}

std::optional<ParseError> LessonBuilder::expect(const DirectiveLine &line)
{
    const std::string usage =
        "expected SIDE states|segment|no-segment|final|text|delivered ..., or nodata-on-syn";
    Expectation expectation;
    expectation.line = line.line;
    std::size_t i = 1;
    if (i < line.tokens.size() && line.tokens[i].text == "contrast") {
        expectation.contrast = true;
        ++i;
    }
    if (i >= line.tokens.size()) return missing(line, usage);
    const ScenarioToken &first = line.tokens[i];
    if (first.text == "nodata-on-syn") {
        expectation.kind = Expectation::Kind::NoData;
        if (i + 1 < line.tokens.size()) return line.error(line.tokens[i + 1], "unexpected extra word");
        lesson.expectations.push_back(std::move(expectation));
        return std::nullopt;
    }
    const std::optional<Side> side = parseSide(first.text);
    if (!side) return line.error(first, usage + ", found " + quote(first.text));
    expectation.side = *side;
    const std::string kinds = "states, segment, no-segment, final, text or delivered";
    if (++i >= line.tokens.size()) return missing(line, "expected " + kinds);
    const ScenarioToken &what = line.tokens[i++];
    // conn=N may stand anywhere after the kind.
    std::vector<const ScenarioToken *> words;
    for (; i < line.tokens.size(); ++i) {
        const ScenarioToken &token = line.tokens[i];
        if (token.hasKey && token.key == "conn") {
            std::uint64_t n = 0;
            if (auto message = parseCount(token.value, 255, n))
                return ParseError{line.line, token.valueColumn, *message};
            expectation.conn = static_cast<int>(n);
        } else {
            words.push_back(&token);
        }
    }
    if (what.text == "states" || what.text == "final") {
        expectation.kind = what.text == "states" ? Expectation::Kind::States : Expectation::Kind::Final;
        if (words.empty()) return missing(line, "expected state names, e.g. CLOSED SYN_SENT ESTABLISHED");
        if (expectation.kind == Expectation::Kind::Final && words.size() > 1)
            return line.error(*words[1], "expected one final state");
        for (const ScenarioToken *word : words) {
            TcpState state = TcpState::Closed;
            if (auto e = parseState(line, *word, state)) return e;
            expectation.states.push_back(state);
        }
    } else if (what.text == "text" || what.text == "delivered") {
        expectation.kind = what.text == "text" ? Expectation::Kind::Text : Expectation::Kind::Delivered;
        if (words.size() != 1 || words[0]->hasKey)
            return words.empty() ? missing(line, "expected the text to look for, in quotes")
                                 : line.error(*words[0], "expected one quoted text");
        expectation.text = words[0]->text;
    } else if (what.text == "segment" || what.text == "no-segment") {
        expectation.kind = what.text == "segment" ? Expectation::Kind::Segment : Expectation::Kind::NoSegment;
        bool haveFlags = false;
        for (const ScenarioToken *word : words) {
            const auto fail = [&](std::string message) {
                return ParseError{line.line, word->valueColumn, std::move(message)};
            };
            if (!word->hasKey && word->text == "retransmission") {
                expectation.retransmission = true;
            } else if (word->hasKey && word->key == "flags") {
                const std::optional<std::uint8_t> flags = flagsFromString(word->value);
                if (!flags) return fail("expected flags such as SYN|ACK (names: SYN FIN RST PSH ACK URG)");
                expectation.flags = *flags;
                haveFlags = true;
            } else if (word->hasKey && (word->key == "seq" || word->key == "ack" || word->key == "len")) {
                std::uint64_t n = 0;
                if (auto message = parseCount(word->value, 0xffffffffULL, n)) return fail(*message);
                auto &field = word->key == "seq"   ? expectation.seq
                              : word->key == "ack" ? expectation.ack
                                                   : expectation.len;
                field = static_cast<std::uint32_t>(n);
            } else {
                return line.error(*word,
                                  "expected flags=, seq=, ack=, len=, conn= or retransmission, found " +
                                      quote(word->text));
            }
        }
        if (!haveFlags) return missing(line, "expected flags=..., e.g. flags=SYN|ACK");
    } else {
        return line.error(what, "expected " + kinds + ", found " + quote(what.text));
    }
    lesson.expectations.push_back(std::move(expectation));
    return std::nullopt;
}

std::optional<ParseError> LessonBuilder::finish(int lastLine)
{
    if (lesson.id.empty()) return ParseError{lastLine, 1, "expected a \"lesson ID\" line naming the lesson"};
    for (const QuizQuestion &question : lesson.quiz) {
        if (question.choices.size() < 2)
            return ParseError{question.line, 1, "the quiz needs at least two quiz.choice lines after it"};
        if (question.correct < 0)
            return ParseError{question.line, 1, "the quiz needs one quiz.choice marked correct"};
    }
    return std::nullopt;
}

// Splits the text into the main part and the contrast block, each with every line of the file (blank where
// it belongs to the other), so that line numbers stay those of the file.
struct SplitText {
    std::string main;
    std::string contrast;
    int beginLine = 0;
    int lines = 0;
    std::optional<ParseError> error;
};

SplitText splitContrast(std::string_view text)
{
    SplitText split;
    int endLine = 0;
    bool inside = false;
    while (true) {
        ++split.lines;
        const std::size_t newline = text.find('\n');
        const std::string_view lineText = text.substr(0, newline);
        std::vector<ScenarioToken> tokens;
        const bool tokenized = !ScenarioParser::tokenize(lineText, split.lines, tokens).has_value();
        const std::string_view keyword = tokenized && !tokens.empty() ? tokens[0].text : std::string_view{};
        if (keyword == "contrast.begin") {
            if (inside || split.beginLine != 0)
                split.error = ParseError{split.lines, tokens[0].column,
                                         "a lesson has one contrast block (the first begins on line " +
                                             std::to_string(split.beginLine) + ")"};
            if (tokens.size() > 1)
                split.error =
                    ParseError{split.lines, tokens[1].column, "expected nothing after contrast.begin"};
            if (split.error) return split;
            inside = true;
            split.beginLine = split.lines;
        } else if (keyword == "contrast.end") {
            if (!inside)
                split.error =
                    ParseError{split.lines, tokens[0].column, "contrast.end without contrast.begin"};
            if (split.error) return split;
            inside = false;
            endLine = split.lines;
        } else {
            (inside ? split.contrast : split.main) += lineText;
        }
        if (newline == std::string_view::npos) break;
        split.main += '\n';
        split.contrast += '\n';
        text.remove_prefix(newline + 1);
    }
    if (inside)
        split.error =
            ParseError{split.beginLine, 1, "the contrast block is not closed: expected contrast.end"};
    (void)endLine;
    return split;
}

void registerLessonDirectives(ScenarioParser &parser, LessonBuilder &b, bool contrast);

} // namespace

void registerVariantDirectives(ScenarioParser &parser); // lesson_sim_directives.cpp

namespace {

void registerLessonDirectives(ScenarioParser &parser, LessonBuilder &b, bool contrast)
{
    registerVariantDirectives(parser);
    using Line = const DirectiveLine &;
    // Inside the contrast block only the scenario itself and its title belong.
    const auto mainOnly = [&b, contrast](std::string keyword, auto handler) {
        return std::pair{
            keyword, ScenarioParser::Handler([&b, contrast, handler,
                                              keyword](Line line, Scenario &) -> std::optional<ParseError> {
                if (contrast)
                    return line.error(line.tokens[0], quote(keyword) + " belongs outside the contrast block");
                return handler(line);
            })};
    };
    const auto add = [&parser](std::pair<std::string, ScenarioParser::Handler> entry) {
        parser.registerDirective(std::move(entry.first), std::move(entry.second));
    };
    add(mainOnly("lesson", [&b](Line line) -> std::optional<ParseError> {
        if (line.tokens.size() != 2)
            return line.tokens.size() < 2 ? missing(line, "expected an id, e.g. lesson handshake")
                                          : line.error(line.tokens[2], "unexpected extra word after the id");
        const std::string &id = line.tokens[1].text;
        const bool valid = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        });
        if (!valid) return line.error(line.tokens[1], "expected an id of a-z, 0-9 and -, e.g. three-way");
        if (!b.lesson.id.empty())
            return line.error(line.tokens[0],
                              "\"lesson\" is already set on line " + std::to_string(b.idLine));
        b.lesson.id = id;
        b.idLine = line.line;
        return std::nullopt;
    }));
    add(mainOnly("order", [&b](Line line) -> std::optional<ParseError> {
        if (line.tokens.size() != 2) return missing(line, "expected a number, e.g. order 3");
        std::uint64_t n = 0;
        if (auto message = parseCount(line.tokens[1].text, 9999, n))
            return line.error(line.tokens[1], *message);
        b.lesson.order = static_cast<int>(n);
        return std::nullopt;
    }));
    for (std::string_view field : {"title", "summary"}) {
        for (std::string_view language : {"en", "zh"}) {
            const std::string keyword = std::string(field) + "." + std::string(language);
            add(mainOnly(keyword, [&b, field, language](Line line) {
                LocalizedText &text = field == "title" ? b.lesson.title : b.lesson.summary;
                (field == "title" ? b.lesson.titleLine : b.lesson.summaryLine) = line.line;
                return b.single(line, language == "en" ? text.en : text.zh, "a text in quotes");
            }));
        }
    }
    for (std::string_view language : {"en", "zh"}) {
        // The contrast's title may stand inside its block or outside it.
        parser.registerDirective("contrast.title." + std::string(language), [&b, language](Line line,
                                                                                           Scenario &) {
            return b.single(line, language == "en" ? b.lesson.contrastTitle.en : b.lesson.contrastTitle.zh,
                            "a text in quotes");
        });
    }
    // Marks the contrast as a hypothetical protocol; like the title, inside the block or outside it.
    parser.registerDirective(
        "contrast.hypothetical", [&b](Line line, Scenario &) -> std::optional<ParseError> {
            if (line.tokens.size() > 1)
                return line.error(line.tokens[1], "expected nothing after contrast.hypothetical");
            b.lesson.contrastHypothetical = true;
            b.hypotheticalLine = line.line;
            return std::nullopt;
        });
    add(mainOnly("narrate", [&b](Line line) { return b.narrate(line); }));
    add(mainOnly("quiz", [&b](Line line) { return b.quiz(line); }));
    add(mainOnly("quiz.choice", [&b](Line line) { return b.quizPart(line); }));
    add(mainOnly("quiz.explain", [&b](Line line) { return b.quizPart(line); }));
    add(mainOnly("expect", [&b](Line line) { return b.expect(line); }));
}

} // namespace

LessonParseResult parseLesson(std::string_view text, const LessonParseOptions &options)
{
    const auto applyOptions = [&options](ScenarioParser &parser) {
        if (options.profile) parser.setProfileOverride(*options.profile);
        if (options.seed) parser.setSeedOverride(*options.seed);
    };
    LessonParseResult result;
    const SplitText split = splitContrast(text);
    if (split.error) {
        result.error = *split.error;
        return result;
    }
    LessonBuilder builder;
    ScenarioParser parser;
    registerLessonDirectives(parser, builder, false);
    applyOptions(parser);
    ParseResult main = parser.parse(split.main);
    if (!main.ok()) {
        result.error = main.error;
        return result;
    }
    builder.lesson.scenario = std::move(*main.scenario);
    if (split.beginLine != 0) {
        ScenarioParser contrastParser;
        registerLessonDirectives(contrastParser, builder, true);
        applyOptions(contrastParser);
        ParseResult contrast = contrastParser.parse(split.contrast);
        if (!contrast.ok()) {
            result.error = contrast.error;
            return result;
        }
        builder.lesson.contrast = std::move(*contrast.scenario);
        builder.lesson.contrastLine = split.beginLine;
        const bool variant = builder.lesson.contrast->clientKind != EndpointKind::Tcp ||
                             builder.lesson.contrast->serverKind != EndpointKind::Tcp;
        if (variant && !builder.lesson.contrastHypothetical) {
            result.error = {split.beginLine, 1,
                            "this contrast uses a variant, a hypothetical protocol: add a "
                            "\"contrast.hypothetical\" line so that it is labelled as not TCP"};
            return result;
        }
    }
    if (builder.hypotheticalLine != 0 && !builder.lesson.contrast) {
        result.error = {builder.hypotheticalLine, 1,
                        "\"contrast.hypothetical\" needs a contrast.begin ... contrast.end block"};
        return result;
    }
    for (const Expectation &expectation : builder.lesson.expectations) {
        if (expectation.contrast && !builder.lesson.contrast) {
            result.error = {expectation.line, 8,
                            "\"expect contrast\" needs a contrast.begin ... contrast.end block"};
            return result;
        }
    }
    if (auto error = builder.finish(split.lines)) {
        result.error = *error;
        return result;
    }
    result.lesson = std::move(builder.lesson);
    return result;
}

} // namespace tcplab
