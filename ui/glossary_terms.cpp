#include "ui/glossary_terms.h"

#include <array>

namespace tcplab::ui {

namespace {

// Order: the 11 states in the order a connection meets them, the 6 flags in header order, the numbers in
// the header, the timers, then the ideas. Chinese terms follow 谢希仁《计算机网络》 usage.
constexpr std::array kTerms = {
    GlossaryTerm{"CLOSED",
                 "No connection at all: the state before a connection is opened and after it is gone.",
                 "CLOSED（关闭）：没有任何连接，是连接建立之前和释放之后的状态。"},
    GlossaryTerm{"LISTEN", "A server waits for a connection request (a SYN) from any client (passive open).",
                 "LISTEN（监听）：服务器等待任意客户端发来的连接请求（SYN），即被动打开。"},
    GlossaryTerm{"SYN_SENT", "The client has sent its SYN and waits for the server's SYN,ACK (active open).",
                 "SYN_SENT（同步已发送）：客户端已发出 SYN，等待服务器的 SYN,ACK，即主动打开。"},
    GlossaryTerm{
        "SYN_RECEIVED",
        "The server has received a SYN and answered with SYN,ACK; it waits for the ACK that completes "
        "the three-way handshake.",
        "SYN_RECEIVED（同步已收到）：服务器收到 SYN 并回复了 SYN,ACK，等待完成三次握手的 ACK。"},
    GlossaryTerm{"ESTABLISHED", "The connection is open: both sides may send and receive data.",
                 "ESTABLISHED（已建立连接）：连接已建立，双方都可以发送和接收数据。"},
    GlossaryTerm{"FIN_WAIT_1",
                 "The side that closes first has sent its FIN and waits for it to be acknowledged.",
                 "FIN_WAIT_1（终止等待 1）：主动关闭的一方已发出 FIN，等待对方确认。"},
    GlossaryTerm{
        "FIN_WAIT_2",
        "Its FIN is acknowledged; it waits for the peer's FIN. It can still receive data (half-close).",
        "FIN_WAIT_2（终止等待 2）：己方的 FIN 已被确认，等待对方的 FIN；此时仍可接收数据（半关闭）。"},
    GlossaryTerm{
        "CLOSE_WAIT",
        "The peer has closed its direction (its FIN arrived); this side may still send, then closes.",
        "CLOSE_WAIT（关闭等待）：对方已关闭它那个方向（收到了 FIN）；本方仍可发送数据，发完后再关闭。"},
    GlossaryTerm{
        "CLOSING",
        "Both sides sent FIN at the same time (simultaneous close); each waits for the ACK of its FIN.",
        "CLOSING（同时关闭）：双方同时发出 FIN（同时关闭），各自等待对己方 FIN 的确认。"},
    GlossaryTerm{"LAST_ACK", "The side that closed second has sent its FIN and waits for the last ACK.",
                 "LAST_ACK（最后确认）：被动关闭的一方已发出 FIN，等待最后一个 ACK。"},
    GlossaryTerm{"TIME_WAIT",
                 "The side that closed first waits 2·MSL before CLOSED, so that a lost last ACK can be sent "
                 "again and old duplicate segments die out.",
                 "TIME_WAIT（时间等待）：主动关闭的一方等待 2MSL 后才进入 CLOSED，以便重传可能丢失的最后一个 "
                 "ACK，并使本连接的旧报文段在网络中消失。"},
    GlossaryTerm{"URG", "Urgent flag: the urgent pointer field is significant. Rarely used today.",
                 "URG（紧急）：紧急标志位，表示紧急指针字段有效。现在已很少使用。"},
    GlossaryTerm{"ACK",
                 "Acknowledgment flag: the acknowledgment number is valid. Set on every segment after the "
                 "first SYN.",
                 "ACK（确认）：确认标志位，表示确认号字段有效。除最初的 SYN 外，所有报文段都置 1。"},
    GlossaryTerm{"PSH", "Push flag: the receiver should hand the data to the application without waiting.",
                 "PSH（推送）：推送标志位，接收方应尽快将数据交付应用进程，而不必等缓存填满。"},
    GlossaryTerm{"RST",
                 "Reset flag: abort the connection at once, or refuse a segment that belongs to no "
                 "connection.",
                 "RST（复位）：复位标志位，立即中止连接，或拒绝一个不属于任何连接的报文段。"},
    GlossaryTerm{"SYN",
                 "Synchronize flag: opens a connection and carries the sender's initial sequence number.",
                 "SYN（同步）：同步标志位，用于建立连接，并携带发送方的初始序号。"},
    GlossaryTerm{"FIN", "Finish flag: the sender has no more data to send; it closes its direction.",
                 "FIN（终止）：终止标志位，表示发送方的数据已发送完毕，要释放这一方向的连接。"},
    GlossaryTerm{"ISN",
                 "Initial sequence number: the number a side starts counting its bytes from, sent in its "
                 "SYN.",
                 "ISN（初始序号）：一方为其字节流编号的起始值，在 SYN 报文段中发送。"},
    GlossaryTerm{
        "seq",
        "Sequence number: the number of the first byte of data in this segment. SYN and FIN each count "
        "as one.",
        "seq（序号）：本报文段所发送数据的第一个字节的序号。SYN 和 FIN 各占一个序号。"},
    GlossaryTerm{"ack", "Acknowledgment number: the next sequence number the sender expects to receive.",
                 "ack（确认号）：期望收到对方下一个报文段数据的第一个字节的序号。"},
    GlossaryTerm{"window",
                 "Receive window: how many more bytes the sender of this segment is able to receive now.",
                 "window（窗口）：接收窗口，即发送本报文段的一方现在还能接收多少字节，用于流量控制。"},
    GlossaryTerm{"MSS",
                 "Maximum segment size: the largest amount of data a side will accept in one segment, "
                 "announced in the SYN.",
                 "MSS（最大报文段长度）：一个报文段中数据部分的最大长度，在 SYN 中通告。"},
    GlossaryTerm{
        "RTO",
        "Retransmission timeout: how long a sender waits for an ACK before sending again (RFC 6298); it "
        "doubles after each timeout.",
        "RTO（超时重传时间）：发送方等待确认的时间，超时后重传（RFC 6298）；每次超时后加倍。"},
    GlossaryTerm{"MSL", "Maximum segment lifetime: the longest a segment may exist in the network.",
                 "MSL（报文段最长寿命）：报文段在网络中可能存在的最长时间。"},
    GlossaryTerm{
        "2·MSL",
        "Twice the MSL: how long TIME_WAIT lasts, long enough for a segment to go and an answer to come "
        "back.",
        "2MSL：两倍的报文段最长寿命，即 TIME_WAIT 持续的时间，足够一个报文段一去一回。"},
    GlossaryTerm{"half-close",
                 "One direction is closed (its FIN acknowledged) while the other still carries data.",
                 "半关闭：一个方向的连接已释放（其 FIN 已被确认），另一个方向仍可传送数据。"},
    GlossaryTerm{
        "half-open",
        "One side believes the connection is open while the other has lost it (for example after a "
        "crash); the next segment draws an RST.",
        "半开连接：一方认为连接仍然存在，另一方却已丢失了它（例如崩溃重启后）；下一个报文段会引来 RST。"},
    GlossaryTerm{"retransmission",
                 "Sending a segment again because its acknowledgment did not arrive in time.",
                 "重传：在规定时间内没有收到确认，于是再次发送同一报文段。"},
    GlossaryTerm{"keep-alive",
                 "An empty probe sent after a long silence to learn whether the peer is still there.",
                 "保活（keep-alive）：连接长时间空闲后发送的探测报文段，用来确认对方是否仍然存在。"},
    GlossaryTerm{"three-way handshake", "Opening a connection with three segments: SYN, SYN,ACK, ACK.",
                 "三次握手：用三个报文段建立连接：SYN、SYN,ACK、ACK。"},
    GlossaryTerm{
        "four-way close",
        "Closing a connection with four segments: each side sends a FIN, and the other acknowledges it.",
        "四次挥手：用四个报文段释放连接：双方各发送一个 FIN，并由对方分别确认。"},
    GlossaryTerm{
        "simultaneous open",
        "Both sides send a SYN at the same time; each answers with SYN,ACK and the connection opens.",
        "同时打开：双方同时发送 SYN，各自回复 SYN,ACK 后连接建立。"},
    GlossaryTerm{"simultaneous close",
                 "Both sides send a FIN at the same time; both pass through CLOSING and TIME_WAIT.",
                 "同时关闭：双方同时发送 FIN，都经过 CLOSING 和 TIME_WAIT 状态。"},
};

} // namespace

std::span<const GlossaryTerm> glossaryTerms()
{
    return kTerms;
}

} // namespace tcplab::ui
