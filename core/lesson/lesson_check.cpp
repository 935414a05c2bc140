// checkLesson: runs a lesson's scenario (and its contrast) in the simulator and holds the trace against
// the lesson's expectations. Each failure names the file and line of the expectation and says what the
// trace shows instead, so an author (or CI) sees at once which claim of the lesson is wrong.
#include "lesson/lesson.h"
#include "sim/session.h"

#include <algorithm>

namespace tcplab {

namespace {

std::string joinStates(const std::vector<TcpState> &states)
{
    std::string out;
    for (TcpState state : states) {
        if (!out.empty()) out += ' ';
        out += stateName(state);
    }
    return out;
}

std::string describeSegment(const Segment &segment)
{
    return "flags=" + flagsToString(segment.flags) + " seq=" + std::to_string(segment.seq) +
           " ack=" + std::to_string(segment.ack) + " len=" + std::to_string(segment.payload.size());
}

std::string describe(const Expectation &e)
{
    const std::string side(sideName(e.side));
    const std::string conn = e.conn != 0 ? " conn=" + std::to_string(e.conn) : "";
    switch (e.kind) {
    case Expectation::Kind::States:
        return side + " states " + joinStates(e.states) + conn;
    case Expectation::Kind::Final:
        return side + " final " + joinStates(e.states) + conn;
    case Expectation::Kind::NoData:
        return "no data on any segment carrying SYN";
    case Expectation::Kind::Text:
        return side + " text \"" + e.text + "\"" + conn;
    case Expectation::Kind::Delivered:
        return side + " delivered \"" + e.text + "\"" + conn;
    case Expectation::Kind::Segment:
    case Expectation::Kind::NoSegment: {
        std::string out = side + (e.kind == Expectation::Kind::Segment ? " segment" : " no-segment") +
                          " flags=" + flagsToString(e.flags);
        if (e.seq) out += " seq=" + std::to_string(*e.seq);
        if (e.ack) out += " ack=" + std::to_string(*e.ack);
        if (e.len) out += " len=" + std::to_string(*e.len);
        if (e.retransmission) out += " retransmission";
        return out + conn;
    }
    }
    return side;
}

// What the trace shows, for the message of a failed expectation; empty when the expectation holds.
std::string verify(const Expectation &e, const Trace &trace)
{
    const auto &events = trace.events();
    const auto ofSide = [&e](const TraceEvent &t) { return t.side == e.side && t.conn == e.conn; };
    switch (e.kind) {
    case Expectation::Kind::States: {
        const std::vector<TcpState> seen = statesOf(trace, e.side, e.conn);
        return seen == e.states ? std::string() : "the trace shows " + joinStates(seen);
    }
    case Expectation::Kind::Final: {
        const std::vector<TcpState> seen = statesOf(trace, e.side, e.conn);
        return seen.back() == e.states.front() ? std::string()
                                               : "the trace ends in " + std::string(stateName(seen.back()));
    }
    case Expectation::Kind::NoData:
        for (const TraceEvent &t : events)
            if (t.kind == TraceKind::SegmentSent && t.segment.has(kSyn) && !t.segment.payload.empty())
                return "segment " + std::to_string(t.segmentId) + " from " + std::string(sideName(t.side)) +
                       " carries " + std::to_string(t.segment.payload.size()) + " bytes on its SYN";
        return {};
    case Expectation::Kind::Text:
        for (const TraceEvent &t : events)
            if (ofSide(t) && t.text.find(e.text) != std::string::npos) return {};
        return "no event of the " + std::string(sideName(e.side)) + " says so";
    case Expectation::Kind::Delivered: {
        std::string delivered;
        for (const TraceEvent &t : events)
            if (ofSide(t) && t.kind == TraceKind::DataDelivered)
                delivered.append(t.data.begin(), t.data.end());
        return delivered == e.text ? std::string() : "the application received \"" + delivered + "\"";
    }
    case Expectation::Kind::NoSegment:
        for (const TraceEvent &t : events) {
            if (t.kind != TraceKind::SegmentSent || !ofSide(t) || t.duplicateOf != 0) continue;
            const Segment &s = t.segment;
            if (s.flags == e.flags && (!e.seq || s.seq == *e.seq) && (!e.ack || s.ack == *e.ack) &&
                (!e.len || s.payload.size() == *e.len))
                return "segment " + std::to_string(t.segmentId) + " is " + describeSegment(s);
        }
        return {};
    case Expectation::Kind::Segment: {
        std::string closest;
        for (const TraceEvent &t : events) {
            if (t.kind != TraceKind::SegmentSent || !ofSide(t) || t.duplicateOf != 0) continue;
            const Segment &s = t.segment;
            if (s.flags != e.flags) continue;
            if ((e.seq && s.seq != *e.seq) || (e.ack && s.ack != *e.ack) ||
                (e.len && s.payload.size() != *e.len) || (e.retransmission && !t.retransmission)) {
                if (closest.empty()) closest = describeSegment(s);
                continue;
            }
            return {};
        }
        return closest.empty() ? "the " + std::string(sideName(e.side)) + " sends no segment with flags " +
                                     flagsToString(e.flags)
                               : "the closest is " + closest;
    }
    }
    return {};
}

void requireBoth(LessonCheck &check, std::string_view file, int line, const LocalizedText &text,
                 std::string_view what)
{
    const auto fail = [&](std::string_view language) {
        check.ok = false;
        check.failures.push_back(std::string(file) + ":" + std::to_string(line) + ": " + std::string(what) +
                                 " has no " + std::string(language) + " text");
    };
    if (text.en.empty()) fail("English");
    if (text.zh.empty()) fail("Chinese");
}

} // namespace

std::vector<TcpState> statesOf(const Trace &trace, Side side, int conn)
{
    std::vector<TcpState> states{TcpState::Closed};
    for (const TraceEvent &t : trace.events()) {
        if (t.side != side || t.conn != conn) continue;
        if (t.kind == TraceKind::StateChanged) states.push_back(t.to);
        const bool lost =
            t.kind == TraceKind::UserCall && (t.call == CallKind::Crash || t.call == CallKind::Restart);
        if (lost && states.back() != TcpState::Closed) states.push_back(TcpState::Closed);
    }
    return states;
}

LessonCheck checkLesson(const Lesson &lesson, std::string_view fileName)
{
    LessonCheck check;
    requireBoth(check, fileName, lesson.titleLine, lesson.title, "the title");
    requireBoth(check, fileName, lesson.summaryLine, lesson.summary, "the summary");
    for (const NarrationStep &step : lesson.narration)
        requireBoth(check, fileName, step.line, step.text, "the narration");
    for (const QuizQuestion &question : lesson.quiz) {
        requireBoth(check, fileName, question.line, question.question, "the quiz question");
        for (const LocalizedText &choice : question.choices)
            requireBoth(check, fileName, question.line, choice, "a choice of the quiz");
        requireBoth(check, fileName, question.line, question.explanation, "the quiz explanation");
    }
    if (lesson.contrast)
        requireBoth(check, fileName, lesson.contrastLine, lesson.contrastTitle, "the contrast title");

    Session main(lesson.scenario);
    main.runToEnd();
    std::optional<Session> contrast;
    if (lesson.contrast) {
        contrast.emplace(*lesson.contrast);
        contrast->runToEnd();
    }
    for (const Expectation &expectation : lesson.expectations) {
        const Trace &trace = expectation.contrast && contrast ? contrast->trace() : main.trace();
        const std::string shown = verify(expectation, trace);
        if (shown.empty()) continue;
        check.ok = false;
        check.failures.push_back(std::string(fileName) + ":" + std::to_string(expectation.line) +
                                 ": expected " + (expectation.contrast ? "contrast " : "") +
                                 describe(expectation) + "; " + shown);
    }
    return check;
}

} // namespace tcplab
