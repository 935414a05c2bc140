// Reading a capture of 100,000 packets: the file format, the conversation list and one conversation's
// decoded segments (target: under a second for all of it).
#include "trace/pcap_reader.h"
#include "trace/pcap_writer.h"

#include <benchmark/benchmark.h>

namespace {

using namespace tcplab;

constexpr int kPackets = 100'000;

// One long conversation: the client sends 100-byte segments, the server acknowledges each.
const std::vector<std::uint8_t> &capture100k()
{
    static const std::vector<std::uint8_t> bytes = [] {
        PcapWriter writer(PcapLinkType::Ethernet);
        Segment data;
        data.srcPort = 40000;
        data.dstPort = 80;
        data.flags = kAck | kPsh;
        data.window = 65535;
        data.payload.assign(100, 'x');
        Segment ack;
        ack.srcPort = 80;
        ack.dstPort = 40000;
        ack.flags = kAck;
        ack.window = 65535;
        for (int i = 0; i < kPackets / 2; ++i) {
            data.seq = 1001 + 100u * static_cast<std::uint32_t>(i);
            data.ack = 5001;
            writer.addSegment(2 * i * 10, data);
            ack.seq = 5001;
            ack.ack = data.seq + 100;
            writer.addSegment(2 * i * 10 + 10, ack);
        }
        return writer.takeBytes();
    }();
    return bytes;
}

void BM_ReadPcapRecords100k(benchmark::State &state)
{
    const auto &bytes = capture100k();
    for (auto _ : state) {
        PcapCapture capture = readPcap(bytes);
        benchmark::DoNotOptimize(capture.packets.data());
        if (capture.packets.size() != kPackets) state.SkipWithError("wrong packet count");
    }
    state.SetItemsProcessed(state.iterations() * kPackets);
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes.size()));
}
BENCHMARK(BM_ReadPcapRecords100k)->Unit(benchmark::kMillisecond);

// What the "open a capture" action does: read, list conversations, decode the one conversation with
// checksums verified.
void BM_ReadPcapAndDecodeConversation100k(benchmark::State &state)
{
    const auto &bytes = capture100k();
    for (auto _ : state) {
        const PcapCapture capture = readPcap(bytes);
        const ConversationList list = listTcpConversations(capture);
        const ConversationSegments segments = conversationSegments(capture, list.conversations.at(0));
        benchmark::DoNotOptimize(segments.segments.data());
        if (segments.segments.size() != kPackets || !segments.issues.empty())
            state.SkipWithError("wrong segment count");
    }
    state.SetItemsProcessed(state.iterations() * kPackets);
}
BENCHMARK(BM_ReadPcapAndDecodeConversation100k)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
