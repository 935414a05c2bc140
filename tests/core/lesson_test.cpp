// Lessons (docs/lesson-format.md): every built-in lesson passes its own expectations, a mutated expectation
// fails (the checks bite), every broken file gives its exact error, and the simulator's reactive parts the
// lessons rely on (triggers, heartbeats, the hypothetical two-way handshake, HTTP metrics) do what they say.
#include "lesson/http_lesson.h"
#include "lesson/lesson.h"
#include "sim/session.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tcplab {
namespace {

namespace fs = std::filesystem;

const fs::path kBroken = fs::path(TCPLAB_TEST_DATA_DIR) / "lessons" / "broken";

std::string readText(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string builtinText(std::string_view id)
{
    for (const BuiltinLesson &builtin : builtinLessonFiles())
        if (builtin.fileName.find(id) != std::string_view::npos) return std::string(builtin.text);
    ADD_FAILURE() << "no built-in lesson " << id;
    return {};
}

LessonCheck checkText(const std::string &text)
{
    const LessonParseResult parsed = parseLesson(text);
    EXPECT_TRUE(parsed.ok()) << formatParseError("lesson", parsed.error);
    return parsed.ok() ? checkLesson(*parsed.lesson, "lesson") : LessonCheck{false, {"unparsed"}};
}

// The lesson with the first occurrence of `from` replaced by `to`.
std::string mutate(std::string text, std::string_view from, std::string_view to)
{
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

TEST(Lesson, EveryBuiltinLessonPassesItsOwnCheck)
{
    const auto files = builtinLessonFiles();
    ASSERT_GE(files.size(), 13u);
    std::vector<std::string> ids;
    for (const BuiltinLesson &builtin : files) {
        const LessonParseResult parsed = parseLesson(builtin.text);
        ASSERT_TRUE(parsed.ok()) << formatParseError(builtin.fileName, parsed.error);
        const LessonCheck check = checkLesson(*parsed.lesson, builtin.fileName);
        EXPECT_TRUE(check.ok) << builtin.fileName << ": "
                              << (check.failures.empty() ? "" : check.failures[0]);
        EXPECT_FALSE(parsed.lesson->expectations.empty()) << builtin.fileName;
        ids.push_back(parsed.lesson->id);
    }
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end()) << "lesson ids must be unique";
}

TEST(Lesson, Rfc9293_3_5_AWrongAckInTheSynAckExpectationFails)
{
    const LessonCheck check = checkText(mutate(builtinText("handshake"), "flags=SYN|ACK seq=5000 ack=1001",
                                               "flags=SYN|ACK seq=5000 ack=1000"));
    ASSERT_FALSE(check.ok);
    EXPECT_NE(
        check.failures[0].find("lesson:29: expected server segment flags=SYN|ACK seq=5000 ack=1000; the "
                               "closest is flags=SYN|ACK seq=5000 ack=1001"),
        std::string::npos)
        << check.failures[0];
}

TEST(Lesson, Rfc9293_3_6_AMissingTimeWaitInTheCloseExpectationFails)
{
    EXPECT_FALSE(
        checkText(mutate(builtinText("close"), "FIN_WAIT_2 TIME_WAIT CLOSED", "FIN_WAIT_2 CLOSED")).ok);
}

TEST(Lesson, Rfc9293_3_5_Figure8_AWrongRstSequenceFails)
{
    EXPECT_FALSE(
        checkText(mutate(builtinText("old-duplicate-syn"), "flags=RST seq=1001", "flags=RST seq=2001")).ok);
}

TEST(Lesson, AMissingChineseTextFailsTheCheck)
{
    const LessonCheck check = checkText(mutate(builtinText("refused"), "title.zh \"连接被拒绝\"", ""));
    ASSERT_FALSE(check.ok);
    EXPECT_EQ(check.failures[0], "lesson:4: the title has no Chinese text");
}

TEST(Lesson, AProfileFromTheCommandLineIsTheBaseAndTheLessonsOwnSettingsStay)
{
    const LessonParseResult parsed = parseLesson(builtinText("half-close"), {Profile::Linux, 7});
    ASSERT_TRUE(parsed.ok() && parsed.lesson->contrast);
    EXPECT_EQ(parsed.lesson->scenario.profile, Profile::Linux);
    EXPECT_EQ(parsed.lesson->scenario.client.msl, 30 * kSecond); // Linux: TIME_WAIT 60 s
    EXPECT_EQ(parsed.lesson->scenario.seed, 7u);
    // The contrast's own server.delayed_ack.timeout 200ms wins over Linux's 40 ms.
    EXPECT_EQ(parsed.lesson->contrast->server.delayedAckTimeout, 200 * kMillisecond);
    EXPECT_EQ(parsed.lesson->contrast->client.delayedAckTimeout, 40 * kMillisecond);
}

TEST(Lesson, Rfc9293_3_10_7_4_ALoneAckOfTheFinFailsTheThreeSegmentClose)
{
    EXPECT_FALSE(checkText(mutate(builtinText("half-close"), "FIN_WAIT_1 TIME_WAIT CLOSED",
                                  "FIN_WAIT_1 FIN_WAIT_2 TIME_WAIT CLOSED"))
                     .ok);
    EXPECT_FALSE(checkText(mutate(builtinText("half-close"), "no-segment flags=ACK ack=1002",
                                  "no-segment flags=FIN|ACK ack=1002"))
                     .ok);
}

TEST(Lesson, Rfc9293_3_4_2_WithoutTimeWaitTheNewConnectionDeliversTheOldBytes)
{
    const LessonParseResult parsed = parseLesson(builtinText("old-segment"));
    ASSERT_TRUE(parsed.ok() && parsed.lesson->contrast && parsed.lesson->contrastHypothetical);
    const LessonCheck wrong =
        checkText(mutate(builtinText("old-segment"), "contrast server delivered \"old dataold data\"",
                         "contrast server delivered \"old datanew data\""));
    ASSERT_FALSE(wrong.ok);
    EXPECT_NE(wrong.failures[0].find("the application received \"old dataold data\""), std::string::npos)
        << wrong.failures[0];
}

TEST(Lesson, AContrastWithAVariantMustBeMarkedHypothetical)
{
    const LessonParseResult parsed =
        parseLesson(mutate(builtinText("old-duplicate-syn"), "contrast.hypothetical\n", ""));
    ASSERT_FALSE(parsed.ok());
    EXPECT_NE(parsed.error.message.find("contrast.hypothetical"), std::string::npos) << parsed.error.message;
}

TEST(Lesson, EveryBrokenFileGivesItsExactError)
{
    int files = 0;
    for (const fs::directory_entry &entry : fs::directory_iterator(kBroken)) {
        if (entry.path().extension() != ".lesson") continue;
        ++files;
        fs::path expectedPath = entry.path();
        expectedPath.replace_extension(".expected");
        std::string expected = readText(expectedPath);
        while (!expected.empty() && expected.back() == '\n')
            expected.pop_back();
        const LessonParseResult parsed = parseLesson(readText(entry.path()));
        ASSERT_FALSE(parsed.ok()) << entry.path().filename();
        EXPECT_EQ(formatParseError(entry.path().filename().string(), parsed.error), expected);
    }
    EXPECT_GE(files, 15);
}

TEST(Lesson, Rfc9293_3_5_Figure8_TheRstSendsTheServerBackToListen)
{
    const LessonParseResult parsed = parseLesson(builtinText("old-duplicate-syn"));
    ASSERT_TRUE(parsed.ok());
    Session session(parsed.lesson->scenario);
    session.runToEnd();
    const std::vector<TcpState> server = statesOf(session.trace(), Side::Server);
    const std::vector<TcpState> expected = {TcpState::Closed, TcpState::Listen,  TcpState::SynRcvd,
                                            TcpState::Listen, TcpState::SynRcvd, TcpState::Established};
    EXPECT_EQ(server, expected);
}

TEST(TwoWayVariant, TheServerCommitsOnAnOldSynAndHoldsAGhostConnection)
{
    const LessonParseResult parsed = parseLesson(builtinText("old-duplicate-syn"));
    ASSERT_TRUE(parsed.ok() && parsed.lesson->contrast);
    Session session(*parsed.lesson->contrast);
    session.runToEnd();
    // The ghost: ESTABLISHED on the old SYN (seq 1000), while the real client, with ISN 2000, never connects.
    const std::vector<TcpState> expected = {TcpState::Closed, TcpState::Listen, TcpState::Established};
    EXPECT_EQ(statesOf(session.trace(), Side::Server), expected);
    EXPECT_EQ(statesOf(session.trace(), Side::Client).back(), TcpState::SynSent);
    const auto &events = session.trace().events();
    EXPECT_TRUE(std::any_of(events.begin(), events.end(), [](const TraceEvent &e) {
        return e.kind == TraceKind::Note && e.side == Side::Server &&
               e.text.find("hypothetical") != std::string::npos;
    }));
}

TEST(Triggers, ACallOnEstablishedRunsWhenTheStateIsEnteredAndOnlyOnce)
{
    const ParseResult parsed = parseScenario("at 0 server listen\nat 10ms client connect\n"
                                             "on client ESTABLISHED delay=5ms client send \"hi\"\n");
    ASSERT_TRUE(parsed.ok()) << parsed.error.message;
    Session session(*parsed.scenario);
    session.runToEnd();
    int sends = 0;
    for (const TraceEvent &e : session.trace().events()) {
        if (e.kind != TraceKind::UserCall || e.call != CallKind::Send) continue;
        ++sends;
        EXPECT_EQ(e.t, 115 * kMillisecond); // ESTABLISHED at 110 ms, plus the 5 ms delay
    }
    EXPECT_EQ(sends, 1);
}

TEST(Heartbeat, TheMonitorDeclaresTheSenderOfflineAfterKMisses)
{
    const ParseResult parsed = parseScenario("at 0 server listen\nat 10ms client connect\n"
                                             "drop after=2s\nend 20s\n");
    ASSERT_TRUE(parsed.ok());
    Scenario scenario = *parsed.scenario;
    scenario.heartbeats.push_back({Side::Client, 0, 1 * kSecond, 2, {'h', 'b'}});
    Session session(scenario);
    session.runToEnd();
    std::vector<TimeUs> misses;
    TimeUs offline = -1;
    for (const TraceEvent &e : session.trace().events()) {
        if (e.kind != TraceKind::Note || e.side != Side::Server) continue;
        if (e.text.find("declares client offline after 2 missed") != std::string::npos)
            offline = e.t;
        else if (e.text.find("no heartbeat") != std::string::npos)
            misses.push_back(e.t);
    }
    ASSERT_EQ(misses.size(), 2u);
    EXPECT_EQ(offline, misses.back());
}

HttpMetrics run(HttpMode mode, int objects)
{
    Session session(httpScenario(mode, objects));
    session.runToEnd();
    return measureHttp(session.trace());
}

TEST(Http, Http10OpensOneConnectionPerObjectAndTheServerKeepsTheTimeWaits)
{
    const HttpMetrics m = run(HttpMode::Http10, 4);
    EXPECT_EQ(m.connectionsOpened, 4);
    EXPECT_EQ(m.timeWaitServer, 4); // the server closes first
    EXPECT_EQ(m.timeWaitClient, 0);
    EXPECT_EQ(m.roundTrips, 8); // a handshake and a request per object
    EXPECT_EQ(m.totalTime, 800 * kMillisecond);
}

TEST(Http, Http11ReusesOneConnection)
{
    const HttpMetrics m = run(HttpMode::Http11, 4);
    EXPECT_EQ(m.connectionsOpened, 1);
    EXPECT_EQ(m.timeWaitSockets(), 1);
    EXPECT_EQ(m.roundTrips, 5);
}

TEST(Http, PipeliningTakesFewerRoundTrips)
{
    const HttpMetrics pipelined = run(HttpMode::Http11Pipelined, 4);
    const HttpMetrics persistent = run(HttpMode::Http11, 4);
    EXPECT_EQ(pipelined.roundTrips, 2);
    EXPECT_LT(pipelined.roundTrips, persistent.roundTrips);
    EXPECT_LT(pipelined.totalTime, persistent.totalTime);
}

TEST(Http, TheLessonFileMatchesHttpScenario)
{
    const LessonParseResult parsed = parseLesson(builtinText("http"));
    ASSERT_TRUE(parsed.ok());
    Session fromFile(parsed.lesson->scenario);
    fromFile.runToEnd();
    const HttpMetrics file = measureHttp(fromFile.trace());
    const HttpMetrics built = run(HttpMode::Http10, 3);
    EXPECT_EQ(file.roundTrips, built.roundTrips);
    EXPECT_EQ(file.connectionsOpened, built.connectionsOpened);
    EXPECT_EQ(file.timeWaitServer, built.timeWaitServer);
    EXPECT_EQ(file.totalTime, built.totalTime);
}

} // namespace
} // namespace tcplab
