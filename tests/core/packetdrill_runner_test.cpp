// The packetdrill runner on small inline scripts: a handshake passes, a wrong '>' line fails with the
// mismatch at its line, skipped lines are counted, and a script that cannot apply is skipped.
#include "script/packetdrill_parser.h"
#include "script/packetdrill_runner.h"

#include <gtest/gtest.h>

using namespace tcplab;
using namespace tcplab::packetdrill;

namespace {

RunResult run(std::string_view text)
{
    ParseResult parsed = parseScript(text, "inline.pkt");
    EXPECT_TRUE(parsed.ok()) << (parsed.error ? parsed.error->format("inline.pkt") : "");
    if (!parsed.ok()) return {};
    return runScript(*parsed.script);
}

constexpr std::string_view kPassiveOpen = "--tolerance_usecs=10000\n"
                                          " 0.00 `sysctl -w net.inet.tcp.blackhole=0`\n"
                                          "+0.00 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n"
                                          "+0.00 fcntl(3, F_SETFL, O_RDWR | O_NONBLOCK) = 0\n"
                                          "+0.00 bind(3, ..., ...) = 0\n"
                                          "+0.00 listen(3, 1) = 0\n"
                                          "+0.00 %{ assert tcpi_state == TCPI_LISTEN }%\n"
                                          "+0.10 < S  0:0(0) win 32767 <mss 1460,sackOK,eol,eol>\n"
                                          "+0.00 > S. 0:0(0) ack 1 win 65535 <mss 1460,sackOK,eol,eol>\n"
                                          "+0.10 <  . 1:1(0) ack 1 win 32767\n"
                                          "+0.00 accept(3, ..., ...) = 4\n"
                                          "+0.00 %{ assert tcpi_state == TCPI_ESTABLISHED }%\n";

} // namespace

TEST(PacketdrillRunner, PassiveThreeWayHandshakePasses_Rfc9293_3_5)
{
    const RunResult result = run(kPassiveOpen);
    EXPECT_EQ(result.outcome, ScriptOutcome::Passed) << result.describe("inline.pkt");
    EXPECT_EQ(result.finalState, TcpState::Established);
    EXPECT_EQ(result.skippedCount(SkipKind::Sysctl), 1);
    EXPECT_EQ(result.skippedCount(SkipKind::Fcntl), 1);
    EXPECT_EQ(result.uncheckedCount(SkipKind::Window), 1);
    EXPECT_EQ(result.uncheckedCount(SkipKind::TcpOptions), 2);
    ASSERT_EQ(result.lines.size(), 11u);
    EXPECT_EQ(result.lines[0].status, LineStatus::Skipped);
    EXPECT_EQ(result.lines[7].status, LineStatus::Passed);
    EXPECT_EQ(result.lines[7].at, 100 * kMillisecond);
    EXPECT_FALSE(result.trace.events().empty());
}

TEST(PacketdrillRunner, ActiveOpenAndCloseWithFinAckPasses_Rfc9293_3_6)
{
    const RunResult result =
        run("--tolerance_usecs=10000\n"
            " 0.00 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n"
            "+0.00 connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)\n"
            "+0.00 > S  0:0(0) win 65535 <mss 1460,nop,wscale 6,sackOK,TS val 100 ecr 0>\n"
            "+0.10 < S. 0:0(0) ack 1 win 32767 <mss 1460,sackOK,eol,eol>\n"
            "+0.00 >  . 1:1(0) ack 1 win 65535\n"
            "+0.00 getsockopt(3, SOL_SOCKET, SO_ERROR, [0], [4]) = 0\n"
            "+0.00 close(3) = 0\n"
            "+0.00 > F. 1:1(0) ack 1 win 65535\n"
            "+0.10 < F. 1:1(0) ack 2 win 32767\n"
            "+0.00 >  . 2:2(0) ack 2 win 65535\n"
            "+0.00 `sockstat -4 -P tcp -s | grep packetdril | grep -c TIME_WAIT | grep 1`\n");
    EXPECT_EQ(result.outcome, ScriptOutcome::Passed) << result.describe("inline.pkt");
    EXPECT_EQ(result.finalState, TcpState::TimeWait);
}

TEST(PacketdrillRunner, WrongOutboundLineFailsWithTheMismatch)
{
    std::string text(kPassiveOpen);
    const std::string right = "> S. 0:0(0) ack 1 win";
    text.replace(text.find(right), right.size(), "> S. 0:0(0) ack 2 win");
    const RunResult result = run(text);
    ASSERT_EQ(result.outcome, ScriptOutcome::Failed);
    ASSERT_TRUE(result.mismatch.has_value());
    EXPECT_EQ(result.mismatch->line, 9);
    EXPECT_EQ(result.mismatch->expected, "S. 0:0(0) ack 2 at 0.100000 s");
    EXPECT_EQ(result.mismatch->got, "S. 0:0(0) ack 1 at 0.100000 s");
    EXPECT_EQ(result.describe("inline.pkt"),
              "inline.pkt:9: expected S. 0:0(0) ack 2 at 0.100000 s, got S. 0:0(0) ack 1 at 0.100000 s");
    EXPECT_EQ(result.lines[7].status, LineStatus::Failed);
    EXPECT_EQ(result.lines[8].status, LineStatus::NotReached);
}

TEST(PacketdrillRunner, SegmentOutsideTheToleranceFails)
{
    std::string text(kPassiveOpen);
    const std::string right = "+0.00 > S.";
    text.replace(text.find(right), right.size(), "+0.05 > S.");
    const RunResult result = run(text);
    ASSERT_EQ(result.outcome, ScriptOutcome::Failed);
    EXPECT_EQ(result.mismatch->line, 9);
    EXPECT_EQ(result.mismatch->got, "S. 0:0(0) ack 1 at 0.100000 s (too early)");
}

TEST(PacketdrillRunner, UnexpectedSegmentBeforeAnActionFails)
{
    std::string text(kPassiveOpen);
    const std::string synAck = "+0.00 > S. 0:0(0) ack 1 win 65535 <mss 1460,sackOK,eol,eol>\n";
    text.erase(text.find(synAck), synAck.size());
    const RunResult result = run(text);
    ASSERT_EQ(result.outcome, ScriptOutcome::Failed);
    EXPECT_EQ(result.mismatch->line, 9);
    EXPECT_EQ(result.mismatch->got, "S. 0:0(0) ack 1 at 0.100000 s");
}

TEST(PacketdrillRunner, WrongStateAssertionFails)
{
    std::string text(kPassiveOpen);
    text += "+0.00 %{ assert tcpi_state == TCPI_CLOSE_WAIT }%\n";
    const RunResult result = run(text);
    ASSERT_EQ(result.outcome, ScriptOutcome::Failed);
    EXPECT_EQ(result.mismatch->line, 13);
    EXPECT_EQ(result.mismatch->expected, "tcpi_state == TCPI_CLOSE_WAIT");
    EXPECT_EQ(result.mismatch->got, "tcpi_state == TCPI_ESTABLISHED");
}

TEST(PacketdrillRunner, Ipv6ScriptIsSkippedWithAReason)
{
    const RunResult result = run("--ip_version=ipv6\n0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n");
    EXPECT_EQ(result.outcome, ScriptOutcome::Skipped);
    EXPECT_EQ(result.reason, "--ip_version=ipv6: tcplab models TCP over IPv4 only");
}
