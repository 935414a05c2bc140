// The JSON-lines writer: one object per event per line, with the fields of docs/trace-format.md.
#include "trace/json_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace tcplab {
namespace {

using nlohmann::json;

TraceEvent base(TraceKind kind)
{
    TraceEvent e;
    e.eventId = 4;
    e.t = 60000;
    e.kind = kind;
    e.side = Side::Server;
    e.conn = 1;
    return e;
}

Segment synAck()
{
    Segment s;
    s.srcPort = 80;
    s.dstPort = 40000;
    s.seq = 5000;
    s.ack = 1001;
    s.flags = kSyn | kAck;
    s.window = 65535;
    s.mss = 536;
    return s;
}

TEST(JsonWriter, EveryEventHasTimeKindEndpointIdAndConnectionFirst)
{
    const std::string line = traceEventToJson(base(TraceKind::Note));
    EXPECT_EQ(line.find('\n'), std::string::npos);
    EXPECT_EQ(line.rfind(R"({"t_us":60000,"kind":"note","endpoint":"server","event":4,"conn":1)", 0), 0u)
        << line;
}

TEST(JsonWriter, SegmentEventsCarryTheHeaderFields)
{
    TraceEvent e = base(TraceKind::SegmentSent);
    e.segmentId = 2;
    e.segment = synAck();
    e.segment.payload = {'h', 'i'};
    e.retransmission = true;
    e.arrival = 110000;
    const json j = json::parse(traceEventToJson(e));
    EXPECT_EQ(j["id"], 2);
    EXPECT_EQ(j["flags"], "SYN|ACK");
    EXPECT_EQ(j["seq"], 5000);
    EXPECT_EQ(j["ack"], 1001);
    EXPECT_EQ(j["len"], 2);
    EXPECT_EQ(j["win"], 65535);
    EXPECT_EQ(j["sport"], 80);
    EXPECT_EQ(j["dport"], 40000);
    EXPECT_EQ(j["mss"], 536);
    EXPECT_EQ(j["retransmission"], true);
    EXPECT_EQ(j["arrival_us"], 110000);
    EXPECT_FALSE(j.contains("duplicate_of"));
    EXPECT_FALSE(j.contains("note"));
}

TEST(JsonWriter, DuplicateAndRuleNoteAppearOnlyWhenSet)
{
    TraceEvent e = base(TraceKind::SegmentSent);
    e.segmentId = 3;
    e.duplicateOf = 2;
    e.text = "rule: duplicate segments";
    const json j = json::parse(traceEventToJson(e));
    EXPECT_EQ(j["duplicate_of"], 2);
    EXPECT_EQ(j["note"], "rule: duplicate segments");
    EXPECT_FALSE(j.contains("mss"));
}

TEST(JsonWriter, DroppedAndDiscardedSegmentsSayWhy)
{
    TraceEvent dropped = base(TraceKind::SegmentDropped);
    dropped.segment = synAck();
    dropped.text = "dropped by user";
    EXPECT_EQ(json::parse(traceEventToJson(dropped))["reason"], "dropped by user");

    TraceEvent discarded = base(TraceKind::SegmentDiscarded);
    discarded.segment = synAck();
    discarded.text = "not acceptable: seq outside window";
    discarded.rfc = "RFC 9293 §3.10.7.4";
    const json j = json::parse(traceEventToJson(discarded));
    EXPECT_EQ(j["reason"], "not acceptable: seq outside window");
    EXPECT_EQ(j["rfc"], "RFC 9293 §3.10.7.4");
    EXPECT_EQ(j["flags"], "SYN|ACK");
}

TEST(JsonWriter, StateChangesCarryFromToCauseAndRfc)
{
    TraceEvent e = base(TraceKind::StateChanged);
    e.from = TcpState::Listen;
    e.to = TcpState::SynRcvd;
    e.transition = TcpEvent::RcvSyn;
    e.text = "rcv SYN";
    e.rfc = "RFC 9293 §3.10.7.2";
    const json j = json::parse(traceEventToJson(e));
    EXPECT_EQ(j["from"], "LISTEN");
    EXPECT_EQ(j["to"], "SYN_RCVD");
    EXPECT_EQ(j["cause"], "rcv SYN");
    EXPECT_EQ(j["rfc"], "RFC 9293 §3.10.7.2");
    EXPECT_EQ(j["transition"], eventName(TcpEvent::RcvSyn));
}

TEST(JsonWriter, TimersCarryNameDeadlineAndAttempt)
{
    TraceEvent e = base(TraceKind::TimerArmed);
    e.timer = TimerKind::TimeWait;
    e.deadline = 2950000;
    e.duration = 2000000;
    e.attempt = 0;
    json j = json::parse(traceEventToJson(e));
    EXPECT_EQ(j["timer"], "2MSL");
    EXPECT_EQ(j["deadline_us"], 2950000);
    EXPECT_EQ(j["duration_us"], 2000000);
    EXPECT_EQ(j["attempt"], 0);

    e.kind = TraceKind::TimerFired;
    e.timer = TimerKind::Retransmission;
    e.attempt = 2;
    j = json::parse(traceEventToJson(e));
    EXPECT_EQ(j["kind"], "timer_fired");
    EXPECT_EQ(j["timer"], "RTO");
    EXPECT_EQ(j["attempt"], 2);
    EXPECT_TRUE(j.contains("deadline_us"));
}

TEST(JsonWriter, UserCallsCarryCallOkAndError)
{
    TraceEvent e = base(TraceKind::UserCall);
    e.call = CallKind::Send;
    e.callOk = false;
    e.text = "connection does not exist";
    e.data = {1, 2, 3};
    const json j = json::parse(traceEventToJson(e));
    EXPECT_EQ(j["call"], "SEND");
    EXPECT_EQ(j["ok"], false);
    EXPECT_EQ(j["error"], "connection does not exist");
    EXPECT_EQ(j["len"], 3);
}

TEST(JsonWriter, DeliveredDataIsLatin1SoEveryByteSurvives)
{
    TraceEvent e = base(TraceKind::DataDelivered);
    for (int b = 0; b < 256; ++b)
        e.data.push_back(static_cast<std::uint8_t>(b));
    const json j = json::parse(traceEventToJson(e));
    EXPECT_EQ(j["len"], 256);
    // Decode: each character's code point is one byte.
    const std::string utf8 = j["data"];
    std::vector<std::uint8_t> bytes;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            bytes.push_back(c);
        } else {
            bytes.push_back(static_cast<std::uint8_t>(((c & 0x1f) << 6) | (utf8[i + 1] & 0x3f)));
            ++i;
        }
    }
    EXPECT_EQ(bytes, e.data);
}

TEST(JsonWriter, InvalidUtf8InALabelIsReplacedNotThrown)
{
    TraceEvent e = base(TraceKind::SegmentDropped);
    e.text = "bad \xff byte";
    std::string line;
    EXPECT_NO_THROW(line = traceEventToJson(e));
    EXPECT_TRUE(json::accept(line));
}

TEST(JsonWriter, ErrorsAndNotes)
{
    TraceEvent error = base(TraceKind::ConnectionError);
    error.text = "connection reset";
    EXPECT_EQ(json::parse(traceEventToJson(error))["message"], "connection reset");

    TraceEvent note = base(TraceKind::Note);
    note.text = "delayed by user by 30 ms";
    note.segmentId = 5;
    note.arrival = 90000;
    const json j = json::parse(traceEventToJson(note));
    EXPECT_EQ(j["text"], "delayed by user by 30 ms");
    EXPECT_EQ(j["id"], 5);
    EXPECT_EQ(j["arrival_us"], 90000);
}

TEST(JsonWriter, LinesAreOnePerEventEachEndingInNewline)
{
    Trace trace;
    trace.append(base(TraceKind::Note));
    trace.append(base(TraceKind::UserCall));
    trace.append(base(TraceKind::ConnectionError));
    const std::string all = traceToJsonLines(trace);
    EXPECT_EQ(std::count(all.begin(), all.end(), '\n'), 3);
    EXPECT_EQ(all.back(), '\n');
    std::string tail;
    appendJsonLines(trace, tail, 2);
    EXPECT_EQ(tail, traceEventToJson(trace[2]) + "\n");
}

} // namespace
} // namespace tcplab
