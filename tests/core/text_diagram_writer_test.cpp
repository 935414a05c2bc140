// The Mermaid and PlantUML exports: one message per segment sent, lost ones crossed, state changes as notes.
#include "sim/scenario.h"
#include "sim/session.h"
#include "trace/mermaid_writer.h"
#include "trace/plantuml_writer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace tcplab {
namespace {

std::vector<std::string> linesOf(const std::string &text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

std::size_t countKind(const Trace &trace, TraceKind kind)
{
    std::size_t n = 0;
    for (const TraceEvent &event : trace.events())
        n += event.kind == kind;
    return n;
}

std::size_t countContaining(const std::vector<std::string> &lines, const std::string &needle)
{
    std::size_t n = 0;
    for (const std::string &line : lines)
        n += line.find(needle) != std::string::npos;
    return n;
}

TEST(MermaidWriter, WritesOneMessagePerSegmentSentAndANotePerStateChange)
{
    Session session(defaultScenario());
    session.runToEnd();
    const auto lines = linesOf(traceToMermaid(session.trace()));
    ASSERT_GE(lines.size(), 3u);
    EXPECT_EQ(lines[0], "sequenceDiagram");
    EXPECT_EQ(lines[1], "    participant Client");
    EXPECT_EQ(lines[2], "    participant Server");
    EXPECT_EQ(countContaining(lines, "->>") + countContaining(lines, "-x"),
              countKind(session.trace(), TraceKind::SegmentSent));
    EXPECT_EQ(countContaining(lines, "Note over"), countKind(session.trace(), TraceKind::StateChanged));
    EXPECT_EQ(lines[3], "    Note over Server: LISTEN");
    EXPECT_EQ(countContaining(lines, "    Client->>Server: SYN seq=1000"), 1u);
    EXPECT_EQ(countContaining(lines, "Note over Client: SYN_SENT"), 1u);
}

TEST(MermaidWriter, ALostSegmentEndsInACross)
{
    // Only LISTEN and CONNECT: the default session's scheduled CLOSE would end SYN_SENT before the RTO fires.
    Scenario scenario = defaultScenario();
    std::erase_if(scenario.calls, [](const ScheduledCall &c) {
        return c.call != CallKind::Listen && c.call != CallKind::Connect;
    });
    Session session(scenario);
    session.dropNextFrom(Side::Client);
    session.runToEnd();
    const auto lines = linesOf(traceToMermaid(session.trace()));
    ASSERT_EQ(countContaining(lines, "    Client-xServer: SYN seq=1000"), 1u);
    // The retransmitted SYN gets through.
    EXPECT_EQ(countContaining(lines, "    Client->>Server: SYN seq=1000"), 1u);
}

TEST(PlantUmlWriter, WritesTheSameMessagesBetweenStartAndEnd)
{
    Session session(defaultScenario());
    session.dropNextFrom(Side::Client);
    session.runToEnd();
    const auto lines = linesOf(traceToPlantUml(session.trace()));
    ASSERT_GE(lines.size(), 4u);
    EXPECT_EQ(lines.front(), "@startuml");
    EXPECT_EQ(lines.back(), "@enduml");
    EXPECT_EQ(countContaining(lines, " -> ") + countContaining(lines, " ->x "),
              countKind(session.trace(), TraceKind::SegmentSent));
    EXPECT_EQ(countContaining(lines, "Client ->x Server : SYN seq=1000"), 1u);
    EXPECT_EQ(countContaining(lines, "note over Client : SYN_SENT"), 1u);
}

} // namespace
} // namespace tcplab
