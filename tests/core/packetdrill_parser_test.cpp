// The packetdrill parser: good lines give the right model, malformed lines give one error at the exact
// line and column.
#include "script/packetdrill_parser.h"
#include "tcp/segment.h"

#include <gtest/gtest.h>

#include <cctype>
#include <ostream>
#include <string>

using namespace tcplab;
using namespace tcplab::packetdrill;

namespace {

Script parseOk(std::string_view text)
{
    ParseResult result = parseScript(text, "test.pkt");
    EXPECT_TRUE(result.ok()) << (result.error ? result.error->format("test.pkt") : "");
    return result.script.value_or(Script{});
}

ParseError parseError(std::string_view text)
{
    ParseResult result = parseScript(text, "test.pkt");
    EXPECT_FALSE(result.ok());
    return result.error.value_or(ParseError{});
}

} // namespace

TEST(PacketdrillParser, ReadsTimesAbsoluteRelativeAnyAndRanges)
{
    const Script script = parseOk(" 0.100 close(3) = 0\n"
                                  "+0.10 close(3) = 0\n"
                                  "+ 2.20 close(3) = 0\n"
                                  "*      close(3) = 0\n"
                                  " 1.00...6.00 connect(3, ..., ...) = -1 ETIMEDOUT (Operation timed out)\n");
    ASSERT_EQ(script.events.size(), 5u);
    EXPECT_EQ(script.events[0].time.kind, TimeKind::Absolute);
    EXPECT_EQ(script.events[0].time.start, 100 * kMillisecond);
    EXPECT_EQ(script.events[1].time.kind, TimeKind::Relative);
    EXPECT_EQ(script.events[1].time.start, 100 * kMillisecond);
    EXPECT_EQ(script.events[2].time.start, 2200 * kMillisecond);
    EXPECT_EQ(script.events[3].time.kind, TimeKind::Any);
    EXPECT_EQ(script.events[4].time.start, 1 * kSecond);
    ASSERT_TRUE(script.events[4].time.end.has_value());
    EXPECT_EQ(*script.events[4].time.end, 6 * kSecond);
    EXPECT_EQ(script.events[4].line, 5);
}

TEST(PacketdrillParser, ReadsAnInboundSegmentWithOptions)
{
    const Script script = parseOk("+0.10 < S. 0:0(0) ack 1 win 32767 <mss 1460,sackOK,eol,eol>\n");
    ASSERT_EQ(script.events.size(), 1u);
    const PacketSpec *packet = script.events[0].packet();
    ASSERT_NE(packet, nullptr);
    EXPECT_EQ(packet->direction, Direction::Inbound);
    EXPECT_EQ(packet->flags, kSyn | kAck);
    EXPECT_EQ(packet->flagText, "S.");
    EXPECT_EQ(packet->seqStart, 0u);
    EXPECT_EQ(packet->length, 0u);
    EXPECT_EQ(packet->ack, 1u);
    EXPECT_EQ(packet->window, 32767u);
    EXPECT_EQ(packet->mss, 1460);
    EXPECT_TRUE(packet->otherOptions);
    EXPECT_EQ(packet->options, "mss 1460,sackOK,eol,eol");
    EXPECT_EQ(script.events[0].column, 7);
}

TEST(PacketdrillParser, ReadsOutboundSegmentsWithDataAnySeqAndEcn)
{
    const Script script = parseOk("+0 > P. 1:101(100) ack 1\n"
                                  "+0 > S. ...(0) ack 65538 win 65535\n"
                                  "+0 > SEW 0:0(0) win 65535 <...>\n"
                                  "+0 < SF 65537:65537(0) win 32767\n");
    ASSERT_EQ(script.events.size(), 4u);
    const PacketSpec &data = *script.events[0].packet();
    EXPECT_EQ(data.direction, Direction::Outbound);
    EXPECT_EQ(data.flags, kPsh | kAck);
    EXPECT_EQ(data.seqStart, 1u);
    EXPECT_EQ(data.seqEnd, 101u);
    EXPECT_EQ(data.length, 100u);
    EXPECT_FALSE(data.window.has_value());
    EXPECT_FALSE(script.events[1].packet()->seqStart.has_value());
    const PacketSpec &ecn = *script.events[2].packet();
    EXPECT_EQ(ecn.flags, kSyn);
    EXPECT_TRUE(ecn.ece);
    EXPECT_TRUE(ecn.cwr);
    EXPECT_TRUE(ecn.otherOptions);
    EXPECT_EQ(script.events[3].packet()->flags, kSyn | kFin);
}

TEST(PacketdrillParser, ReadsSystemCallsWithErrnoAndNote)
{
    const Script script = parseOk("+0 connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)\n"
                                  "+0 fcntl(3, F_GETFL) = 0x02 (flags O_RDWR)\n"
                                  "+0 getsockopt(3, SOL_SOCKET, SO_ERROR, [ECONNRESET], [4]) = 0\n"
                                  "+0 setsockopt(3, SOL_SOCKET, SO_LINGER, {onoff=1, linger=0}, 8) = 0\n"
                                  "+0.00 close(3) = 0// a comment glued to the line\n");
    ASSERT_EQ(script.events.size(), 5u);
    const SyscallSpec &connect = *script.events[0].syscall();
    EXPECT_EQ(connect.name, "connect");
    EXPECT_EQ(connect.args, (std::vector<std::string>{"3", "...", "..."}));
    EXPECT_EQ(connect.resultValue, -1);
    EXPECT_EQ(connect.errnoName, "EINPROGRESS");
    EXPECT_EQ(connect.note, "Operation now in progress");
    const SyscallSpec &fcntl = *script.events[1].syscall();
    EXPECT_EQ(fcntl.resultValue, 2);
    EXPECT_EQ(fcntl.errnoName, "");
    EXPECT_EQ(fcntl.note, "flags O_RDWR");
    EXPECT_EQ(script.events[2].syscall()->args[3], "[ECONNRESET]");
    EXPECT_EQ(script.events[3].syscall()->args[3], "{onoff=1, linger=0}");
    EXPECT_EQ(script.events[4].syscall()->resultValue, 0);
}

TEST(PacketdrillParser, ReadsCommandsCodeBlocksAndOptions)
{
    const Script script = parseOk("// comment\n"
                                  "--ip_version=ipv4\n"
                                  "--tolerance_usecs=50000\n"
                                  "\n"
                                  " 0.00 `sysctl -w net.inet.tcp.blackhole=0`\n"
                                  "+0.00 %{ assert tcpi_state == TCPI_LISTEN }%\n"
                                  "+0.00 %{\n"
                                  "assert tcpi_state == TCPI_CLOSED\n"
                                  "}%\n"
                                  "+0.00 close(3) = 0\n");
    EXPECT_EQ(script.option("tolerance_usecs"), "50000");
    EXPECT_EQ(script.option("ip_version"), "ipv4");
    EXPECT_FALSE(script.option("mtu").has_value());
    ASSERT_EQ(script.events.size(), 4u);
    EXPECT_EQ(script.events[0].command()->text, "sysctl -w net.inet.tcp.blackhole=0");
    EXPECT_EQ(script.events[1].code()->text, "assert tcpi_state == TCPI_LISTEN");
    EXPECT_EQ(script.events[2].code()->text, "assert tcpi_state == TCPI_CLOSED");
    EXPECT_EQ(script.events[3].line, 10);
}

TEST(PacketdrillParser, KeepsTheStandardBranchOfIfdef)
{
    const std::string_view text = "+0 close(3) = 0\n"
                                  "#ifdef STANDARD\n"
                                  "+0 > . 2:2(0) ack 2\n"
                                  "#endif\n"
                                  "#ifdef FreeBSD\n"
                                  "+0 `tcpdrop -s TIME_WAIT`\n"
                                  "#else\n"
                                  "+0 close(4) = 0\n"
                                  "#endif\n";
    const Script standard = parseOk(text);
    ASSERT_EQ(standard.events.size(), 3u);
    EXPECT_NE(standard.events[1].packet(), nullptr);
    EXPECT_EQ(standard.events[2].line, 8);

    ParseOptions freebsd;
    freebsd.defines = {"FreeBSD"};
    const ParseResult other = parseScript(text, "test.pkt", freebsd);
    ASSERT_TRUE(other.ok());
    ASSERT_EQ(other.script->events.size(), 2u);
    EXPECT_NE(other.script->events[1].command(), nullptr);
}

struct MalformedCase {
    const char *text;
    int line;
    int column;
    const char *message;
};

// Shown by --gtest_list_tests and in failures instead of the struct's raw bytes.
void PrintTo(const MalformedCase &c, std::ostream *out)
{
    *out << c.line << ':' << c.column << ": " << c.message;
}

// The test's name: its expected message in CamelCase, e.g. "UnknownTCPFlagQExpectedSFRPUEW".
std::string caseName(const ::testing::TestParamInfo<MalformedCase> &info)
{
    std::string name;
    bool upper = true;
    for (const char *p = info.param.message; *p != '\0' && name.size() < 40; ++p) {
        const unsigned char ch = static_cast<unsigned char>(*p);
        if (!std::isalnum(ch)) {
            upper = true;
            continue;
        }
        name += upper ? static_cast<char>(std::toupper(ch)) : static_cast<char>(ch);
        upper = false;
    }
    return name;
}

class PacketdrillParserErrors : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(PacketdrillParserErrors, ReportsLineAndColumn)
{
    const MalformedCase &c = GetParam();
    const ParseError error = parseError(c.text);
    EXPECT_EQ(error.line, c.line) << error.format("test.pkt");
    EXPECT_EQ(error.column, c.column) << error.format("test.pkt");
    EXPECT_EQ(error.message, c.message);
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, PacketdrillParserErrors,
    ::testing::Values(
        MalformedCase{"0.1 < Q 0:0(0)\n", 1, 7, "unknown TCP flag 'Q' (expected S F R P . U E W)"},
        MalformedCase{"+0 < S 0:1(0) win 10\n", 1, 11, "sequence range 0:1 does not span the length 0"},
        MalformedCase{"\n\n+0 connect(3, ..., ... = 0\n", 3, 11,
                      "unterminated argument list: '(' without ')'"},
        MalformedCase{"#endif\n", 1, 1, "#endif without #if"},
        MalformedCase{"// x\n#ifdef STANDARD\n+0 close(3) = 0\n", 2, 1, "#if without #endif"},
        MalformedCase{"+0 close(3) = 0\n  +0 %{ assert\n", 2, 6,
                      "unterminated code block: '%{' without '}%'"},
        MalformedCase{"abc\n", 1, 1, "expected a time ('0.100', '+0.10' or '*'), found 'a'"},
        MalformedCase{"+0.1< S 0:0(0)\n", 1, 5, "expected a space after the time, found '<'"},
        MalformedCase{"+0 > S 0:0(0) ack 99999999999\n", 1, 19,
                      "the acknowledgment number is larger than 4294967295"},
        MalformedCase{"+0 `sysctl -w x=1\n", 1, 4, "unterminated command: '`' without a closing '`'"},
        MalformedCase{"+0 > S 0:0(0) <mss 1460\n", 1, 15, "unterminated TCP option list: '<' without '>'"},
        MalformedCase{"+0 > S 0:0(0) urg 5\n", 1, 15,
                      "unknown packet field 'urg' (expected 'ack', 'win' or '<options>')"},
        MalformedCase{"+0 close(3) 0\n", 1, 13, "expected '=' and the expected result, found '0'"},
        MalformedCase{"+0 close(3) = 0 junk (\n", 1, 22, "unterminated '(' after the result"},
        MalformedCase{"#if 1\n", 1, 1, "unknown directive '#if' (expected #ifdef, #ifndef, #else, #endif)"},
        MalformedCase{"--=3\n", 1, 3, "expected an option name after '--', found '='"},
        MalformedCase{"+0\n", 1, 3, "expected an event after the time"},
        MalformedCase{"+0 > S 0:0(0) <mss 99999>\n", 1, 16, "expected 'mss N' with N <= 65535"}),
    caseName);
