// The scenario text format (docs/scenario-format.md): good files parse to what they say, every broken file
// gives its exact error with line and column, and no input makes the parser crash.
#include "lesson/scenario_parser.h"
#include "sim/random.h"
#include "sim/session.h"
#include "trace/json_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace tcplab {
namespace {

namespace fs = std::filesystem;

const fs::path kScenarios = fs::path(TCPLAB_TEST_DATA_DIR) / "scenarios";

std::string readText(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Scenario parseOk(std::string_view text)
{
    ParseResult result = parseScenario(text);
    EXPECT_TRUE(result.ok()) << result.error.line << ":" << result.error.column << ": "
                             << result.error.message;
    return result.ok() ? *result.scenario : Scenario{};
}

std::string errorOf(std::string_view text)
{
    const ParseResult result = parseScenario(text);
    if (result.ok()) return "(parsed)";
    return std::to_string(result.error.line) + ":" + std::to_string(result.error.column) +
           ": error: " + result.error.message;
}

std::vector<std::uint8_t> bytes(std::string_view text)
{
    return {text.begin(), text.end()};
}

TEST(ScenarioParser, EmptyTextAndCommentsGiveTheDefaults)
{
    const Scenario scenario = parseOk("# nothing here\n\n   \t# still nothing\n");
    EXPECT_EQ(scenario.profile, Profile::Teaching);
    EXPECT_EQ(scenario.seed, 1u);
    EXPECT_EQ(scenario.client.fixedIsn, 1000u);
    EXPECT_EQ(scenario.server.fixedIsn, 5000u);
    EXPECT_TRUE(scenario.calls.empty());
    EXPECT_TRUE(scenario.link.rules.empty());
}

TEST(ScenarioParser, DefaultFileGivesTheSameTraceAsTheBuiltInDefault)
{
    Session fromFile(parseOk(readText(kScenarios / "default.scenario")));
    Session builtIn(defaultScenario());
    fromFile.runToEnd();
    builtIn.runToEnd();
    EXPECT_EQ(traceToJsonLines(fromFile.trace()), traceToJsonLines(builtIn.trace()));
}

TEST(ScenarioParser, EveryGoodFileParsesAndRuns)
{
    int files = 0;
    for (const fs::directory_entry &entry : fs::directory_iterator(kScenarios)) {
        if (entry.path().extension() != ".scenario") continue;
        ++files;
        const ParseResult result = parseScenario(readText(entry.path()));
        ASSERT_TRUE(result.ok()) << formatParseError(entry.path().filename().string(), result.error);
        Session session(*result.scenario);
        session.runToEnd();
        EXPECT_GT(session.trace().size(), 0u) << entry.path();
    }
    EXPECT_GE(files, 7);
}

TEST(ScenarioParser, EveryBrokenFileGivesItsExactError)
{
    int files = 0;
    for (const fs::directory_entry &entry : fs::directory_iterator(kScenarios / "broken")) {
        if (entry.path().extension() != ".scenario") continue;
        ++files;
        fs::path expectedPath = entry.path();
        expectedPath.replace_extension(".expected");
        ASSERT_TRUE(fs::exists(expectedPath)) << expectedPath;
        std::string expected = readText(expectedPath);
        while (!expected.empty() && expected.back() == '\n')
            expected.pop_back();
        EXPECT_EQ(errorOf(readText(entry.path())), expected) << entry.path().filename();
    }
    EXPECT_GE(files, 30);
}

TEST(ScenarioParser, EverySettingReachesTheScenario)
{
    const Scenario s = parseOk(readText(kScenarios / "every_setting.scenario"));
    EXPECT_EQ(s.name, "every setting");
    EXPECT_EQ(s.profile, Profile::Linux);
    EXPECT_EQ(s.seed, 42u);
    EXPECT_EQ(s.connections, 2);
    EXPECT_EQ(s.endAt, 120 * kSecond);
    EXPECT_EQ(s.link.delayClientToServer, 35 * kMillisecond);
    EXPECT_EQ(s.link.delayServerToClient, 25 * kMillisecond);
    EXPECT_EQ(s.client.isnMode, IsnMode::Fixed);
    EXPECT_EQ(s.client.fixedIsn, 1000u);
    EXPECT_EQ(s.server.isnMode, IsnMode::ClockDriven);
    EXPECT_EQ(s.clientPort, 50000);
    EXPECT_EQ(s.serverPort, 8080);
    EXPECT_EQ(s.client.mss, 1460);
    EXPECT_EQ(s.server.mss, 536);
    EXPECT_EQ(s.client.receiveBuffer, 8192u);
    EXPECT_FALSE(s.server.autoRead);
    EXPECT_TRUE(s.client.autoRead);
    EXPECT_EQ(s.client.initialRto, kSecond);
    EXPECT_EQ(s.client.minRto, 200 * kMillisecond);
    EXPECT_EQ(s.client.maxRto, 60 * kSecond);
    EXPECT_EQ(s.client.synRetries, 3);
    EXPECT_EQ(s.server.dataRetries, 5);
    EXPECT_EQ(s.client.msl, 500 * kMillisecond);
    EXPECT_TRUE(s.server.keepAlive);
    EXPECT_EQ(s.server.keepAliveIdle, 10 * kSecond);
    EXPECT_EQ(s.server.keepAliveInterval, kSecond);
    EXPECT_EQ(s.server.keepAliveProbes, 3);

    ASSERT_EQ(s.calls.size(), 12u);
    EXPECT_EQ(s.calls[2].at, 1500);
    EXPECT_EQ(s.calls[2].call, CallKind::Connect);
    EXPECT_EQ(s.calls[4].data, bytes("a \"quoted\" word\tA\\"));
    EXPECT_EQ(s.calls[4].conn, 1);
    EXPECT_EQ(s.calls[5].data.size(), 1000u);
    EXPECT_EQ(s.calls[5].data[0], 'a');
    EXPECT_EQ(s.calls[5].data[26], 'a');
    EXPECT_EQ(s.calls[6].call, CallKind::Receive);
    EXPECT_EQ(s.calls[6].receiveBytes, 100u);
    EXPECT_EQ(s.calls[7].receiveBytes, 0u);
    EXPECT_EQ(s.calls[9].call, CallKind::Abort);
    EXPECT_EQ(s.calls[10].call, CallKind::Crash);
    EXPECT_EQ(s.calls[11].call, CallKind::Restart);

    const std::vector<LinkRule> &rules = s.link.rules;
    ASSERT_EQ(rules.size(), 8u);
    EXPECT_EQ(rules[0].action, LinkRule::Action::Drop);
    EXPECT_EQ(rules[0].from, Side::Client);
    EXPECT_EQ(rules[0].nth, 1);
    EXPECT_EQ(rules[1].from, Side::Server);
    EXPECT_EQ(rules[1].flagsMask, kSyn | kAck);
    EXPECT_EQ(rules[1].flagsValue, kSyn | kAck);
    EXPECT_EQ(rules[1].count, 1);
    EXPECT_EQ(rules[1].label, "drop the SYN+ACK # not a comment");
    EXPECT_EQ(rules[2].segmentId, 7u);
    EXPECT_EQ(rules[3].fromTime, 10 * kSecond);
    EXPECT_EQ(rules[3].untilTime, 11 * kSecond);
    EXPECT_DOUBLE_EQ(rules[4].probability, 0.05);
    EXPECT_EQ(rules[4].conn, 1);
    EXPECT_EQ(rules[5].action, LinkRule::Action::Duplicate);
    EXPECT_DOUBLE_EQ(rules[5].probability, 0.1);
    EXPECT_EQ(rules[5].extraDelay, 30 * kMillisecond);
    EXPECT_EQ(rules[6].action, LinkRule::Action::Delay);
    EXPECT_EQ(rules[6].flagsMask, kPsh);
    EXPECT_EQ(rules[6].extraDelay, 80 * kMillisecond);
    EXPECT_EQ(rules[7].action, LinkRule::Action::Hold);
    EXPECT_EQ(rules[7].flagsMask, kSyn | kAck);
    EXPECT_EQ(rules[7].flagsValue, kSyn);
    EXPECT_EQ(rules[7].releaseAt, 900 * kMillisecond);
}

TEST(ScenarioParser, ProfileMayComeAfterEndpointSettingsWhichStillWin)
{
    const Scenario s = parseOk("client.isn 7\nprofile linux\n");
    EXPECT_EQ(s.profile, Profile::Linux);
    EXPECT_EQ(s.client.isnMode, IsnMode::Fixed);
    EXPECT_EQ(s.client.fixedIsn, 7u);
    EXPECT_EQ(s.server.isnMode, IsnMode::ClockDriven);
}

TEST(ScenarioParser, CommandLineOverridesReplaceProfileAndSeed)
{
    ScenarioParser parser;
    parser.setProfileOverride(Profile::Linux);
    parser.setSeedOverride(99);
    const ParseResult result = parser.parse("profile teaching\nseed 7\nclient.msl 3s\n");
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.scenario->profile, Profile::Linux);
    EXPECT_EQ(result.scenario->seed, 99u);
    EXPECT_EQ(result.scenario->client.msl, 3 * kSecond); // the file's settings still apply on top
}

TEST(ScenarioParser, CrlfLineEndingsAndTabsAreBlanks)
{
    const Scenario s = parseOk("seed\t5\r\nat 1ms\tclient connect\r\n");
    EXPECT_EQ(s.seed, 5u);
    ASSERT_EQ(s.calls.size(), 1u);
    EXPECT_EQ(s.calls[0].at, kMillisecond);
}

TEST(ScenarioParser, TimesTakeUnitsAndDecimalsDownToTheMicrosecond)
{
    TimeUs t = 0;
    EXPECT_FALSE(parseTime("50ms", t));
    EXPECT_EQ(t, 50 * kMillisecond);
    EXPECT_FALSE(parseTime("1.5s", t));
    EXPECT_EQ(t, 1500 * kMillisecond);
    EXPECT_FALSE(parseTime("0.000001s", t));
    EXPECT_EQ(t, 1);
    EXPECT_FALSE(parseTime("250us", t));
    EXPECT_EQ(t, 250);
    EXPECT_FALSE(parseTime("0", t));
    EXPECT_EQ(t, 0);
    EXPECT_TRUE(parseTime("5", t));
    EXPECT_TRUE(parseTime("ms", t));
    EXPECT_TRUE(parseTime("1.s", t));
    EXPECT_TRUE(parseTime(".5s", t));
    EXPECT_TRUE(parseTime("1.2.3s", t));
    EXPECT_TRUE(parseTime("-1s", t));
    EXPECT_TRUE(parseTime("5min", t));
    EXPECT_TRUE(parseTime("99999999999999999999s", t));
    EXPECT_TRUE(parseTime("1000001s", t));
    EXPECT_FALSE(parseTime("1000000s", t));
}

TEST(ScenarioParser, ProbabilitiesAsFractionsOrPercentages)
{
    const Scenario s = parseOk("drop p=0.25\ndrop p=12.5%\ndrop p=1\ndrop p=0\n");
    EXPECT_DOUBLE_EQ(s.link.rules[0].probability, 0.25);
    EXPECT_DOUBLE_EQ(s.link.rules[1].probability, 0.125);
    EXPECT_DOUBLE_EQ(s.link.rules[2].probability, 1.0);
    EXPECT_DOUBLE_EQ(s.link.rules[3].probability, 0.0);
    EXPECT_EQ(errorOf("drop p=101%"), "1:8: error: expected a probability from 0 to 1, e.g. 0.2 or 20%");
    EXPECT_EQ(errorOf("drop p=0.5.5"), "1:8: error: expected a probability from 0 to 1, e.g. 0.2 or 20%");
}

TEST(ScenarioParser, ErrorsPointAtTheWordThatIsWrong)
{
    EXPECT_EQ(errorOf("name x\n\n   bogus"),
              "3:4: error: unknown directive \"bogus\"; expected a setting (name, "
              "profile, seed, connections, end, link.delay, client.*, server.*), a "
              "call (at ...) or a link rule (drop, duplicate, delay, hold)");
    EXPECT_EQ(errorOf("at 1s client send \"ok\" conn=x"),
              "1:29: error: expected a whole number, found \"x\"");
    EXPECT_EQ(errorOf("at 1s client send \"ok\" \"again\""),
              "1:24: error: unexpected \"again\"; expected \"data\", size=N or conn=N");
    EXPECT_EQ(errorOf("seed 1\x01"), "1:7: error: unexpected control character");
    EXPECT_EQ(errorOf("name \"a\x02\""), "1:8: error: unexpected control character in a string");
    EXPECT_EQ(errorOf("name \"abc\\"), "1:6: error: unterminated string: expected a closing \"");
}

TEST(ScenarioParser, TokensSplitKeysAndValuesOutsideQuotes)
{
    std::vector<ScenarioToken> tokens;
    ASSERT_FALSE(ScenarioParser::tokenize("drop label=\"a = b # c\" x=\"\" # end", 1, tokens));
    ASSERT_EQ(tokens.size(), 3u);
    EXPECT_EQ(tokens[1].key, "label");
    EXPECT_EQ(tokens[1].value, "a = b # c");
    EXPECT_EQ(tokens[1].column, 6);
    EXPECT_EQ(tokens[1].valueColumn, 12);
    EXPECT_EQ(tokens[1].endColumn, 23);
    EXPECT_TRUE(tokens[1].quoted);
    EXPECT_TRUE(tokens[2].hasKey);
    EXPECT_EQ(tokens[2].value, "");
}

TEST(ScenarioParser, LaterLayersRegisterTheirOwnDirectives)
{
    ScenarioParser parser;
    std::vector<std::string> narration;
    EXPECT_TRUE(parser.registerDirective("narration.en", [&](const DirectiveLine &line, Scenario &) {
        if (line.tokens.size() != 2 || !line.tokens[1].quoted)
            return std::optional<ParseError>(line.error(line.tokens[0], "expected one quoted text"));
        narration.push_back(line.tokens[1].text);
        return std::optional<ParseError>();
    }));
    EXPECT_FALSE(parser.registerDirective(
        "narration.en", [](const DirectiveLine &, Scenario &) { return std::optional<ParseError>(); }));
    EXPECT_FALSE(parser.registerDirective(
        "seed", [](const DirectiveLine &, Scenario &) { return std::optional<ParseError>(); }));
    EXPECT_FALSE(parser.registerDirective(
        "client.colour", [](const DirectiveLine &, Scenario &) { return std::optional<ParseError>(); }));

    ParseResult ok = parser.parse("narration.en \"The client says hello.\"\nseed 3\n");
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(narration, std::vector<std::string>{"The client says hello."});

    ParseResult bad = parser.parse("seed 3\nnarration.en hello\n");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error.line, 2);
    EXPECT_EQ(bad.error.column, 1);
    EXPECT_EQ(bad.error.message, "expected one quoted text");

    // Without the registration the same line is an unknown directive.
    EXPECT_FALSE(parseScenario("narration.en \"x\"").ok());
}

TEST(ScenarioParser, FormatsErrorsLikeACompiler)
{
    EXPECT_EQ(formatParseError("a.scenario", {3, 7, "expected client or server"}),
              "a.scenario:3:7: error: expected client or server");
}

TEST(ScenarioParser, NeverCrashesOnRandomOrMutatedInput)
{
    // A small in-test fuzzer until the libFuzzer target exists: random bytes, and good files with bytes
    // replaced, inserted and deleted. Every result must be a scenario or an error with a real position.
    std::vector<std::string> seeds;
    for (const fs::directory_entry &entry : fs::recursive_directory_iterator(kScenarios))
        if (entry.path().extension() == ".scenario") seeds.push_back(readText(entry.path()));
    ASSERT_FALSE(seeds.empty());
    const std::string alphabet =
        "at ms s us client server send \"\\x=|!#.0123456789\n\tSYN ACK drop hold nth p";
    Random random(2024);
    for (int i = 0; i < 3000; ++i) {
        std::string text;
        if (i % 3 == 0) {
            const std::size_t n = random.next() % 200;
            for (std::size_t k = 0; k < n; ++k)
                text += static_cast<char>(random.next() % 256);
        } else {
            text = seeds[random.next() % seeds.size()];
            const int edits = 1 + static_cast<int>(random.next() % 8);
            for (int e = 0; e < edits && !text.empty(); ++e) {
                const std::size_t at = random.next() % text.size();
                const char c = i % 3 == 1 ? alphabet[random.next() % alphabet.size()]
                                          : static_cast<char>(random.next() % 256);
                switch (random.next() % 3) {
                case 0:
                    text[at] = c;
                    break;
                case 1:
                    text.insert(text.begin() + static_cast<long>(at), c);
                    break;
                default:
                    text.erase(at, 1);
                    break;
                }
            }
        }
        const ParseResult result = parseScenario(text);
        if (!result.ok()) {
            const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
            EXPECT_GE(result.error.line, 1);
            EXPECT_LE(result.error.line, lines);
            EXPECT_GE(result.error.column, 1);
            EXPECT_FALSE(result.error.message.empty());
        }
    }
}

} // namespace
} // namespace tcplab
