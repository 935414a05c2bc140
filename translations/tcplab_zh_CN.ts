<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CoreText</name>
    <message>
        <source>ACK in LISTEN: answered with RST</source>
        <translation>LISTEN 状态收到 ACK：以 RST 回应</translation>
    </message>
    <message>
        <source>ACK of something not yet sent</source>
        <translation>确认了尚未发送的数据</translation>
    </message>
    <message>
        <source>FIN on a SYN not accepted (the peer sends it again)</source>
        <translation>SYN 上携带的 FIN 不被接受（对方会重发）</translation>
    </message>
    <message>
        <source>RST in LISTEN ignored</source>
        <translation>LISTEN 状态忽略 RST</translation>
    </message>
    <message>
        <source>RST in window but not at RCV.NXT: challenge ACK</source>
        <translation>RST 在窗口内但不等于 RCV.NXT：回复挑战 ACK</translation>
    </message>
    <message>
        <source>RST with an unacceptable ACK in SYN_SENT</source>
        <translation>SYN_SENT 状态收到带不可接受 ACK 的 RST</translation>
    </message>
    <message>
        <source>RST without ACK in SYN_SENT ignored</source>
        <translation>SYN_SENT 状态忽略不带 ACK 的 RST</translation>
    </message>
    <message>
        <source>SYN in a synchronized state: challenge ACK</source>
        <translation>同步状态下收到 SYN：回复挑战 ACK</translation>
    </message>
    <message>
        <source>TIME_WAIT: a pure ACK needs no answer</source>
        <translation>TIME_WAIT：纯 ACK 无需应答</translation>
    </message>
    <message>
        <source>neither SYN nor RST in SYN_SENT</source>
        <translation>SYN_SENT 状态收到的报文段既无 SYN 也无 RST</translation>
    </message>
    <message>
        <source>neither SYN, ACK nor RST in LISTEN</source>
        <translation>LISTEN 状态收到的报文段既无 SYN、ACK 也无 RST</translation>
    </message>
    <message>
        <source>no ACK bit</source>
        <translation>没有 ACK 位</translation>
    </message>
    <message>
        <source>no connection: RST ignored</source>
        <translation>没有连接：忽略 RST</translation>
    </message>
    <message>
        <source>no connection: answered with RST</source>
        <translation>没有连接：以 RST 回应</translation>
    </message>
    <message>
        <source>not addressed to this port</source>
        <translation>不是发往本端口的</translation>
    </message>
    <message>
        <source>out of order: text dropped, RCV.NXT acknowledged again</source>
        <translation>乱序：丢弃数据，再次确认 RCV.NXT</translation>
    </message>
    <message>
        <source>receive window is zero: text dropped, ACK processed</source>
        <translation>接收窗口为零：丢弃数据，处理 ACK</translation>
    </message>
    <message>
        <source>text after the peer&apos;s FIN ignored</source>
        <translation>忽略对方 FIN 之后的数据</translation>
    </message>
    <message>
        <source>unacceptable ACK in SYN_RCVD: answered with RST</source>
        <translation>SYN_RCVD 状态收到不可接受的 ACK：以 RST 回应</translation>
    </message>
    <message>
        <source>unacceptable ACK in SYN_SENT: answered with RST</source>
        <translation>SYN_SENT 状态收到不可接受的 ACK：以 RST 回应</translation>
    </message>
    <message>
        <source>RST outside the receive window</source>
        <translation>RST 在接收窗口之外</translation>
    </message>
    <message>
        <source>not acceptable: outside the window</source>
        <translation>不可接受：在窗口之外</translation>
    </message>
    <message>
        <source>connection timed out</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>connection timed out (keep-alive)</source>
        <translation>连接超时（保活探测无应答）</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>connection reset</source>
        <translation>连接被重置</translation>
    </message>
    <message>
        <source>connection already exists</source>
        <translation>连接已存在</translation>
    </message>
    <message>
        <source>connection closing</source>
        <translation>连接正在关闭</translation>
    </message>
    <message>
        <source>connection does not exist</source>
        <translation>连接不存在</translation>
    </message>
    <message>
        <source>foreign socket unspecified</source>
        <translation>未指定远端套接字</translation>
    </message>
    <message>
        <source>dropped by user</source>
        <translation>被你丢弃</translation>
    </message>
    <message>
        <source>duplicated by user</source>
        <translation>被你复制</translation>
    </message>
    <message>
        <source>an old SYN, delayed in the network</source>
        <translation>一个在网络中滞留的旧 SYN</translation>
    </message>
    <message>
        <source>an old data segment, delayed in the network</source>
        <translation>一个在网络中滞留的旧数据报文段</translation>
    </message>
    <message>
        <source>the SYN+ACK is lost</source>
        <translation>SYN+ACK 丢失</translation>
    </message>
    <message>
        <source>the final ACK is lost</source>
        <translation>最后的 ACK 丢失</translation>
    </message>
    <message>
        <source>the last ACK is lost</source>
        <translation>最后一个 ACK 丢失</translation>
    </message>
    <message>
        <source>the link is cut</source>
        <translation>链路中断</translation>
    </message>
    <message>
        <source>the network loses every SYN</source>
        <translation>网络丢失每一个 SYN</translation>
    </message>
    <message>
        <source>the new SYN takes longer</source>
        <translation>新的 SYN 在路上耗时更长</translation>
    </message>
    <message>
        <source>not modelled by the hypothetical two-way handshake</source>
        <translation>假想的两次握手没有对此建模</translation>
    </message>
    <message>
        <source>a listening two-way server waits for a SYN</source>
        <translation>处于监听的两次握手服务器只等待 SYN</translation>
    </message>
    <message>
        <source>not an answer to this SYN; a two-way client has no message to refuse it with</source>
        <translation>不是对这个 SYN 的应答；两次握手的客户端没有可用来拒绝它的报文</translation>
    </message>
    <message>
        <source>already ESTABLISHED: a further SYN is ignored</source>
        <translation>已经是 ESTABLISHED：忽略后来的 SYN</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>没有连接</translation>
    </message>
</context>
<context>
    <name>ExportCommandLine</name>
    <message>
        <source>Run the session to its end, write it to &lt;file&gt; and exit. The extension picks the format: .png .svg .pdf (the diagram), .jsonl .json .pcap (the trace), .mmd (Mermaid), .puml (PlantUML).</source>
        <translation>将会话运行到结束，写入 &lt;文件&gt; 后退出。格式由扩展名决定：.png .svg .pdf（时序图）、.jsonl .json .pcap（轨迹）、.mmd（Mermaid）、.puml（PlantUML）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>cannot export %1: unknown extension (use one of %2)</source>
        <translation>无法导出 %1：未知的扩展名（请使用 %2 之一）</translation>
    </message>
    <message>
        <source>Colours of an exported picture: print (light, for paper; the default) or screen (the theme of this run, see --theme).</source>
        <translation>导出图片的配色：print（浅色，适合打印；默认）或 screen（本次运行的主题，见 --theme）。</translation>
    </message>
</context>
<context>
    <name>ExportWriter</name>
    <message>
        <source>Cannot export %1: %2</source>
        <translation>无法导出 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>TCP sequence diagram</source>
        <translation>TCP 时序图</translation>
    </message>
    <message>
        <source>the picture could not be encoded</source>
        <translation>无法编码图片</translation>
    </message>
    <message>
        <source>the SVG could not be drawn</source>
        <translation>无法绘制 SVG</translation>
    </message>
    <message>
        <source>the PDF could not be drawn</source>
        <translation>无法绘制 PDF</translation>
    </message>
</context>
<context>
    <name>Narrator</name>
    <message>
        <source>The client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>The server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The %1 from %2 is lost on the way (%3): it never arrives.</source>
        <translation>%2发出的 %1 在途中丢失（%3）：它永远不会到达。</translation>
    </message>
    <message>
        <source>%1 ignores the segment it received: %2.</source>
        <translation>%1丢弃了收到的报文段：%2。</translation>
    </message>
    <message>
        <source>%1 calls %2, which is refused: %3.</source>
        <translation>%1调用 %2，被拒绝：%3。</translation>
    </message>
    <message numerus="yes">
        <source>%1&apos;s application reads %n byte(s).</source>
        <translation>
            <numerusform>%1的应用进程读取了 %n 字节。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 reports an error to its application: %2.</source>
        <translation>%1向其应用进程报告错误：%2。</translation>
    </message>
    <message>
        <source>%1 sends a keep-alive probe: an empty ACK with seq = %2, one below what the peer expects, so the peer must answer with an ACK.</source>
        <translation>%1发送保活探测报文段：一个不带数据的 ACK，seq = %2，比对方期望的序号小 1，因此对方必须回复 ACK。</translation>
    </message>
    <message>
        <source>%1 sends RST (seq = %2): the connection is reset, nothing more is exchanged on it.</source>
        <translation>%1发送 RST（seq = %2）：连接被复位，此后不再交换任何报文段。</translation>
    </message>
    <message>
        <source>%1 answers SYN+ACK: seq = %2 is its own initial sequence number, ack = %3 is the peer&apos;s ISN + 1 (a SYN takes up one sequence number).</source>
        <translation>%1回复 SYN+ACK：seq = %2 是自己的初始序号，ack = %3 是对方的 ISN + 1（SYN 要消耗一个序号）。</translation>
    </message>
    <message>
        <source>%1 sends SYN with seq = %2, its initial sequence number (ISN). A SYN carries no data.</source>
        <translation>%1发送 SYN，seq = %2，即它的初始序号（ISN）。SYN 报文段不携带数据。</translation>
    </message>
    <message>
        <source>%1 sends FIN (seq = %2, ack = %3): it has no more data to send, but it can still receive (a half-close).</source>
        <translation>%1发送 FIN（seq = %2，ack = %3）：它已没有数据要发送，但仍可以接收数据（半关闭）。</translation>
    </message>
    <message numerus="yes">
        <source>%1 sends its last %n byte(s) together with FIN (seq = %2, ack = %3).</source>
        <translation>
            <numerusform>%1将最后 %n 字节数据与 FIN 一起发送（seq = %2，ack = %3）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 sends %n byte(s) of data: seq = %2 numbers the first byte, ack = %3 acknowledges what it has received.</source>
        <translation>
            <numerusform>%1发送 %n 字节数据：seq = %2 是第一个字节的序号，ack = %3 确认已收到的数据。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sends ACK with ack = %2: it has received every byte before %2 and expects %2 next.</source>
        <translation>%1发送 ACK，ack = %2：序号 %2 之前的字节都已收到，期望下一个收到序号 %2。</translation>
    </message>
    <message>
        <source>Retransmission: %1</source>
        <translation>重传：%1</translation>
    </message>
    <message>
        <source>%1 restarts its retransmission timer with a doubled RTO of %2 (attempt %3).</source>
        <translation>%1重启重传计时器，RTO 加倍为 %2（第 %3 次尝试）。</translation>
    </message>
    <message>
        <source>%1 waits 2·MSL = %2 in TIME_WAIT: long enough for its last ACK to be resent if it is lost, and for old segments of this connection to die out.</source>
        <translation>%1在 TIME_WAIT 状态等待 2MSL = %2：足以在最后一个 ACK 丢失时重传它，并让本连接的旧报文段在网络中消失。</translation>
    </message>
    <message>
        <source>%1 arms its keep-alive timer: %2 of silence before it probes the peer.</source>
        <translation>%1启动保活计时器：空闲 %2 后向对方发送探测报文段。</translation>
    </message>
    <message>
        <source>%1&apos;s retransmission timer expires: no ACK came in time, so it sends the oldest unacknowledged segment again.</source>
        <translation>%1的重传计时器超时：未按时收到 ACK，于是重传最早的未被确认的报文段。</translation>
    </message>
    <message>
        <source>2·MSL has passed: %1 leaves TIME_WAIT.</source>
        <translation>2MSL 时间已到：%1离开 TIME_WAIT 状态。</translation>
    </message>
    <message>
        <source>%1 has heard nothing for the keep-alive interval.</source>
        <translation>%1在整个保活间隔内没有收到任何报文段。</translation>
    </message>
    <message>
        <source>%1 calls LISTEN (a passive open) and enters %2: it waits for a SYN.</source>
        <translation>%1调用 LISTEN（被动打开），进入 %2 状态：等待 SYN 的到来。</translation>
    </message>
    <message>
        <source>%1 calls CONNECT (an active open): it sends SYN and enters %2.</source>
        <translation>%1调用 CONNECT（主动打开）：发送 SYN，进入 %2 状态。</translation>
    </message>
    <message>
        <source>%1 sends data while listening: it must first open the connection, so it sends SYN and enters %2.</source>
        <translation>%1在监听时要发送数据：必须先建立连接，因此发送 SYN，进入 %2 状态。</translation>
    </message>
    <message>
        <source>%1 has finished sending too: it calls CLOSE, sends its FIN and enters %2, waiting for the ACK of that FIN.</source>
        <translation>%1的数据也已发送完毕：调用 CLOSE，发送 FIN，进入 %2 状态，等待对该 FIN 的确认。</translation>
    </message>
    <message>
        <source>%1 calls CLOSE: it sends FIN and enters %2. It will send no more data, but it can still receive.</source>
        <translation>%1调用 CLOSE：发送 FIN，进入 %2 状态。它不再发送数据，但仍可以接收数据。</translation>
    </message>
    <message>
        <source>%1 calls CLOSE before the connection exists: it simply enters %2.</source>
        <translation>%1在连接建立之前调用 CLOSE：直接进入 %2 状态。</translation>
    </message>
    <message>
        <source>%1 aborts the connection: it sends RST if it was synchronized and enters %2 at once.</source>
        <translation>%1中止连接：若已同步则发送 RST，并立即进入 %2 状态。</translation>
    </message>
    <message>
        <source>%1 got a SYN while its own SYN is still unanswered: a simultaneous open. It answers SYN+ACK (ack = %2) and enters %3.</source>
        <translation>%1自己的 SYN 尚未得到应答，又收到了对方的 SYN：这是同时打开。它回复 SYN+ACK（ack = %2），进入 %3 状态。</translation>
    </message>
    <message>
        <source>%1 got a SYN, answers SYN+ACK (ack = %2) and enters %3.</source>
        <translation>%1收到 SYN，回复 SYN+ACK（ack = %2），进入 %3 状态。</translation>
    </message>
    <message>
        <source>%1 got SYN+ACK acknowledging its SYN: it answers ACK (ack = %2) and enters %3.</source>
        <translation>%1收到确认其 SYN 的 SYN+ACK：回复 ACK（ack = %2），进入 %3 状态。</translation>
    </message>
    <message>
        <source>%1 got the ACK of its SYN: the three-way handshake is complete, it enters %2.</source>
        <translation>%1收到对其 SYN 的确认：三次握手完成，进入 %2 状态。</translation>
    </message>
    <message>
        <source>%1 got the peer&apos;s FIN before the ACK of its own: both sides are closing at once. It ACKs the FIN and enters %2.</source>
        <translation>%1在自己的 FIN 被确认之前收到了对方的 FIN：双方同时关闭。它确认该 FIN，进入 %2 状态。</translation>
    </message>
    <message>
        <source>%1 got the peer&apos;s FIN: it ACKs it (ack = %2) and enters %3, in case that ACK is lost and the FIN comes again.</source>
        <translation>%1收到对方的 FIN：发送确认（ack = %2），进入 %3 状态，以防该 ACK 丢失、FIN 被重传。</translation>
    </message>
    <message>
        <source>%1 got FIN: the peer will send no more. It ACKs it (ack = %2) and enters %3; it may still send data of its own (a half-close).</source>
        <translation>%1收到 FIN：对方不再发送数据。它发送确认（ack = %2），进入 %3 状态；自己仍可继续发送数据（半关闭）。</translation>
    </message>
    <message>
        <source>%1&apos;s FIN is acknowledged: it enters %2 and waits for the peer&apos;s FIN.</source>
        <translation>%1的 FIN 已被确认：进入 %2 状态，等待对方的 FIN。</translation>
    </message>
    <message>
        <source>%1&apos;s FIN is acknowledged: it enters %2.</source>
        <translation>%1的 FIN 已被确认：进入 %2 状态。</translation>
    </message>
    <message>
        <source>%1&apos;s FIN is acknowledged: the connection is closed (%2).</source>
        <translation>%1的 FIN 已被确认：连接已关闭（%2）。</translation>
    </message>
    <message>
        <source>%1 got the peer&apos;s FIN together with the ACK of its own FIN: it ACKs it and goes straight to %2.</source>
        <translation>%1收到对方的 FIN，同时其中确认了自己的 FIN：它确认该 FIN，直接进入 %2 状态。</translation>
    </message>
    <message>
        <source>%1 got RST: the connection attempt was not wanted (an old duplicate SYN), so it goes back to %2.</source>
        <translation>%1收到 RST：这次连接请求是不需要的（一个过时的重复 SYN），因此回到 %2 状态。</translation>
    </message>
    <message>
        <source>%1 got RST in answer to its SYN: connection refused, nobody listens on that port. It enters %2.</source>
        <translation>%1的 SYN 得到的应答是 RST：连接被拒绝，该端口上没有进程在监听。它进入 %2 状态。</translation>
    </message>
    <message>
        <source>%1 got an acceptable RST: the connection is reset, it enters %2.</source>
        <translation>%1收到一个可接受的 RST：连接被复位，进入 %2 状态。</translation>
    </message>
    <message>
        <source>%1&apos;s TIME_WAIT timer (2·MSL) expires: the connection is finally %2.</source>
        <translation>%1的 TIME_WAIT 计时器（2MSL）超时：连接终于进入 %2 状态。</translation>
    </message>
    <message>
        <source>%1 has retransmitted too often without an answer: it gives up, reports a timeout and enters %2.</source>
        <translation>%1重传次数过多仍无应答：放弃连接，报告超时，进入 %2 状态。</translation>
    </message>
    <message>
        <source>%1&apos;s keep-alive probes went unanswered: it declares the peer dead and enters %2.</source>
        <translation>%1的保活探测报文段都没有得到应答：判定对方已失效，进入 %2 状态。</translation>
    </message>
    <message>
        <source>%1 holds its ACK for up to %2, so that data or its own FIN can carry it.</source>
        <translation>%1 推迟发送 ACK，最多等待 %2，以便让数据或自己的 FIN 捎带这个确认。</translation>
    </message>
    <message>
        <source>%1&apos;s delayed-ACK timer expires: nothing came to carry the ACK, so it goes alone.</source>
        <translation>%1 的延迟确认计时器超时：没有可以捎带 ACK 的报文段，于是单独发送 ACK。</translation>
    </message>
</context>
<context>
    <name>SequenceTimerPainter</name>
    <message>
        <source>RTO %1 (#%2)</source>
        <translation>重传超时 %1（第 %2 次）</translation>
    </message>
    <message>
        <source>RTO %1</source>
        <translation>重传超时 %1</translation>
    </message>
    <message>
        <source>2·MSL %1</source>
        <translation>2·MSL %1</translation>
    </message>
    <message>
        <source>keep-alive %1 (probe %2)</source>
        <translation>保活 %1（第 %2 次探测）</translation>
    </message>
    <message>
        <source>keep-alive %1</source>
        <translation>保活 %1</translation>
    </message>
    <message>
        <source>delayed ACK %1</source>
        <translation>延迟确认 %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>tcplab — watch TCP open a connection (three-way handshake) and close it (four-way close).</source>
        <translation>tcplab — 观察 TCP 如何建立连接（三次握手）与释放连接（四次挥手）。</translation>
    </message>
    <message>
        <source>Language of the interface: zh or en (default: the system&apos;s).</source>
        <translation>界面语言：zh 或 en（默认跟随系统）。</translation>
    </message>
    <message>
        <source>Save a PNG of the main window to &lt;file&gt; and exit.</source>
        <translation>将主窗口截图保存为 PNG 文件 &lt;文件&gt; 后退出。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>With --screenshot: run the session to virtual time &lt;T&gt; microseconds (default: to its end).</source>
        <translation>与 --screenshot 同用：先将会话运行到虚拟时间 &lt;T&gt; 微秒处（默认运行到会话结束）。</translation>
    </message>
    <message>
        <source>Seed of the session (default: 1).</source>
        <translation>会话的随机数种子（默认：1）。</translation>
    </message>
    <message>
        <source>Timer and ISN settings: teaching (short TIME_WAIT, fixed ISN) or linux (default: teaching).</source>
        <translation>定时器与初始序号（ISN）的设置：teaching（教学用，TIME_WAIT 较短，ISN 固定）或 linux（默认：teaching）。</translation>
    </message>
    <message>
        <source>Window size in pixels (default: 1600x1000).</source>
        <translation>窗口大小，单位为像素（默认：1600x1000）。</translation>
    </message>
    <message>
        <source>unknown language &apos;%1&apos; (use zh or en)</source>
        <translation>未知的语言“%1”（请使用 zh 或 en）</translation>
    </message>
    <message>
        <source>--seed needs a whole number</source>
        <translation>--seed 需要一个非负整数</translation>
    </message>
    <message>
        <source>unknown profile &apos;%1&apos; (use teaching or linux)</source>
        <translation>未知的配置“%1”（请使用 teaching 或 linux）</translation>
    </message>
    <message>
        <source>--at-us needs a time in microseconds, 0 or more</source>
        <translation>--at-us 需要一个以微秒为单位、不小于 0 的时间</translation>
    </message>
    <message>
        <source>--size needs WIDTHxHEIGHT, e.g. 1600x1000</source>
        <translation>--size 需要“宽x高”形式的值，例如 1600x1000</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>With --screenshot: lose segment &lt;N&gt; half-way on the wire, as a click on it would.</source>
        <translation>与 --screenshot 一起使用：让报文段 &lt;N&gt; 在传输途中丢失，如同单击它一样。</translation>
    </message>
    <message>
        <source>With --screenshot: select segment &lt;N&gt;, as a click on it would.</source>
        <translation>与 --screenshot 一起使用：选中报文段 &lt;N&gt;，如同单击它一样。</translation>
    </message>
    <message>
        <source>Show sequence numbers relative to each side&apos;s ISN.</source>
        <translation>显示相对于各方初始序号（ISN）的相对序号。</translation>
    </message>
    <message>
        <source>Open the glossary of TCP terms (English and Chinese) at start.</source>
        <translation>启动时打开 TCP 术语表（中英对照）。</translation>
    </message>
    <message>
        <source>segment %1 is never on the wire</source>
        <translation>报文段 %1 从未出现在线路上</translation>
    </message>
    <message>
        <source>Open the built-in lesson &lt;id&gt; (e.g. handshake, close).</source>
        <translation>打开内置课程 &lt;id&gt;（例如 handshake、close）。</translation>
    </message>
    <message>
        <source>no built-in lesson &apos;%1&apos;</source>
        <translation>没有内置课程“%1”</translation>
    </message>
    <message>
        <source>Colours for this run: system, light, dark or contrast (default: the theme last chosen, else the system&apos;s).</source>
        <translation>本次运行的配色：system、light、dark 或 contrast（默认：上次选择的主题，否则跟随系统）。</translation>
    </message>
    <message>
        <source>Open a pcap or pcapng capture and step through its first TCP connection (or the one picked in the dialog).</source>
        <translation>打开 pcap 或 pcapng 抓包文件，逐步查看其中第一个 TCP 连接（或在对话框中选定的连接）。</translation>
    </message>
    <message>
        <source>Open the kernel TCP lab; with --screenshot, play the default session&apos;s calls on 127.0.0.1 and save a PNG of the lab.</source>
        <translation>打开内核 TCP 实验室；与 --screenshot 一起使用时，在 127.0.0.1 上执行默认会话的调用，并保存实验室的 PNG 截图。</translation>
    </message>
    <message>
        <source>Run the scenario simulated, or over real UDP sockets on 127.0.0.1 (loopback; with --screenshot, --at-us is wall-clock time).</source>
        <translation>以模拟方式运行场景，或通过 127.0.0.1 上真实的 UDP 套接字运行（环回；与 --screenshot 一起使用时，--at-us 为挂钟时间）。</translation>
    </message>
    <message>
        <source>unknown theme &apos;%1&apos; (use system, light, dark or contrast)</source>
        <translation>未知主题“%1”（请使用 system、light、dark 或 contrast）</translation>
    </message>
    <message>
        <source>unknown mode &apos;%1&apos; (use simulated or loopback)</source>
        <translation>未知模式“%1”（请使用 simulated 或 loopback）</translation>
    </message>
    <message>
        <source>unknown export theme &apos;%1&apos; (use print or screen)</source>
        <translation>未知的导出配色“%1”（请用 print 或 screen）</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::AboutDialog</name>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About tcplab</source>
        <translation>关于 tcplab(&amp;A)</translation>
    </message>
    <message>
        <source>About tcplab</source>
        <translation>关于 tcplab</translation>
    </message>
    <message>
        <source>(version unknown)</source>
        <translation>（版本未知）</translation>
    </message>
    <message>
        <source>A teaching lab for TCP connection management: the three-way handshake, the close, retransmission timers and every RFC 9293 state, drawn as sequence and state diagrams and stepped through one segment at a time.</source>
        <translation>TCP 连接管理教学实验室：三次握手、连接释放、重传定时器以及 RFC 9293 的每一个状态，都画成时序图和状态图，可以逐个报文段地单步查看。</translation>
    </message>
    <message>
        <source>Licence: GNU General Public License, version 3 or later. This program comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>许可证：GNU 通用公共许可证第 3 版或更高版本。本程序不提供任何担保。</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>基于 Qt %1 构建，运行于 Qt %2。</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::CaptureDialog</name>
    <message>
        <source>Open capture: %1</source>
        <translation>打开抓包文件：%1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Packets (client + server)</source>
        <translation>分组数（客户端 + 服务器）</translation>
    </message>
    <message>
        <source>Payload bytes (client + server)</source>
        <translation>数据字节数（客户端 + 服务器）</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <source>Sent the first SYN</source>
        <translation>发送了第一个 SYN</translation>
    </message>
    <message>
        <source>No SYN in the capture: the first sender is taken as the client</source>
        <translation>抓包中没有 SYN：把最先发送的一方当作客户端</translation>
    </message>
    <message>
        <source>Draw at the capture&apos;s times (otherwise one step per segment, as Wireshark&apos;s flow graph)</source>
        <translation>按抓包中的时间绘制（否则每个报文段一步，如 Wireshark 的流图）</translation>
    </message>
    <message>
        <source>Captured on one machine, a segment&apos;s flight time is unknown: on the capture&apos;s clock the arrows are flat.</source>
        <translation>在一台机器上抓包，无法知道报文段在网络中的传输时间：按抓包时钟绘制时箭头是水平的。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n packets, %2 TCP connections, %3 other packets. Pick the connection to step through.</source>
        <translation>
            <numerusform>%1：%n 个分组，%2 个 TCP 连接，%3 个其他分组。请选择要逐步查看的连接。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tcplab::ui::CaptureFile</name>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: link type %2 is not one tcplab reads (Ethernet, raw IP, Linux cooked)</source>
        <translation>%1：tcplab 不支持链路类型 %2（支持以太网、原始 IP、Linux cooked）</translation>
    </message>
    <message numerus="yes">
        <source>%1 is damaged or truncated. What could be read is shown: %n packets.</source>
        <translation>
            <numerusform>%1 已损坏或被截断。显示可读取的部分：%n 个分组。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be read as a capture.</source>
        <translation>无法把 %1 作为抓包文件读取。</translation>
    </message>
    <message>
        <source>%1: states are not reconstructed: %2</source>
        <translation>%1：未能重建状态：%2</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::CaptureSegmentList</name>
    <message>
        <source>retransmission</source>
        <translation>重传</translation>
    </message>
    <message numerus="yes">
        <source>gap: %n bytes before it are not in the capture</source>
        <translation>
            <numerusform>缺口：此前有 %n 字节不在抓包中</numerusform>
        </translation>
    </message>
    <message>
        <source>not what the core would send</source>
        <translation>与核心的发送不同</translation>
    </message>
    <message>
        <source>before the first SYN: not replayed</source>
        <translation>在第一个 SYN 之前：不重放</translation>
    </message>
    <message>
        <source>No capture is open (File ▸ Open capture…).</source>
        <translation>没有打开的抓包文件（文件 ▸ 打开抓包文件…）。</translation>
    </message>
    <message numerus="yes">
        <source>%1, connection %2 (%3): %n segments</source>
        <translation>
            <numerusform>%1，连接 %2（%3）：%n 个报文段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retransmissions</source>
        <translation>
            <numerusform>%n 次重传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gaps</source>
        <translation>
            <numerusform>%n 个缺口</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not as the core would send</source>
        <translation>
            <numerusform>%n 个与核心的发送不同</numerusform>
        </translation>
    </message>
    <message>
        <source>at the end: client %1, server %2</source>
        <translation>结束时：客户端 %1，服务器 %2</translation>
    </message>
    <message>
        <source>The diagram draws one step per segment (its time axis counts steps); the list gives the captured times.</source>
        <translation>时序图中每个报文段占一步（时间轴按步计数）；列表给出抓包时间。</translation>
    </message>
    <message>
        <source>The diagram uses the capture&apos;s clock: one machine&apos;s capture cannot show a segment&apos;s flight, so the arrows are flat.</source>
        <translation>时序图使用抓包时钟：在一台机器上抓包无法显示报文段的传输过程，所以箭头是水平的。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>时间（s）</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标志位</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Ack</source>
        <translation>确认号</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Len</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Client state</source>
        <translation>客户端状态</translation>
    </message>
    <message>
        <source>Server state</source>
        <translation>服务器状态</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>client → server</source>
        <translation>客户端 → 服务器</translation>
    </message>
    <message>
        <source>server → client</source>
        <translation>服务器 → 客户端</translation>
    </message>
    <message>
        <source>bad TCP checksum %1 (expected %2)</source>
        <translation>TCP 校验和错误 %1（应为 %2）</translation>
    </message>
    <message>
        <source>checksum unverified (offloaded): the sending host left it to the network card, so the capture holds only the pseudo-header sum %1</source>
        <translation>校验和未验证（已卸载）：发送主机把校验和留给网卡计算，所以抓包中只有伪首部之和 %1</translation>
    </message>
    <message numerus="yes">
        <source>checksum unverified: the snaplen cut the packet (%1 of %n payload bytes captured)</source>
        <translation>
            <numerusform>校验和未验证：报文被 snaplen 截断（%n 字节载荷只抓到 %1 字节）</numerusform>
        </translation>
    </message>
    <message>
        <source>Both ends negotiated window scaling (RFC 7323): client windows count in units of %1 bytes, server windows in units of %2, and the core&apos;s two ends negotiated the same. The Window column shows the value on the wire.</source>
        <translation>两端协商了窗口缩放（RFC 7323）：客户端的窗口以 %1 字节为单位，服务器的窗口以 %2 字节为单位，核心的两端也协商了相同的缩放。“窗口”一列显示的是线路上的原始值。</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::CaptureUi</name>
    <message>
        <source>Open capture</source>
        <translation>打开抓包文件</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap *.dmp);;All files (*)</source>
        <translation>抓包文件 (*.pcap *.pcapng *.cap *.dmp);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds no TCP connection (%n packets read).</source>
        <translation>
            <numerusform>%1 中没有 TCP 连接（已读取 %n 个分组）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no connection %2.</source>
        <translation>%1 中没有连接 %2。</translation>
    </message>
    <message>
        <source>&amp;Open capture…</source>
        <translation>打开抓包文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a pcap or pcapng capture (Wireshark, tcpdump) and step through one of its TCP connections (%1)</source>
        <translation>打开 pcap 或 pcapng 抓包文件（Wireshark、tcpdump），逐步查看其中的一个 TCP 连接（%1）</translation>
    </message>
    <message>
        <source>Recent &amp;captures</source>
        <translation>最近的抓包文件(&amp;C)</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>抓包</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::ContrastView</name>
    <message>
        <source>Hypothetical two-way handshake (not TCP)</source>
        <translation>假想的两次握手（不是 TCP）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>For comparison</source>
        <translation>对照</translation>
    </message>
    <message>
        <source>Hypothetical: not TCP as RFC 9293 specifies it</source>
        <translation>假想情形：并非 RFC 9293 所规定的 TCP</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::ControlsPanel</name>
    <message>
        <source>Hands-on controls</source>
        <translation>动手操作</translation>
    </message>
    <message>
        <source>Data to send from %1</source>
        <translation>%1要发送的数据</translation>
    </message>
    <message>
        <source>The bytes SEND hands to TCP</source>
        <translation>SEND 交给 TCP 的字节</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Passive open: wait for a peer&apos;s SYN (RFC 9293 §3.10.1)</source>
        <translation>被动打开：等待对方的 SYN（RFC 9293 §3.10.1）</translation>
    </message>
    <message>
        <source>Active open: send SYN to the peer and start the three-way handshake (RFC 9293 §3.10.1)</source>
        <translation>主动打开：向对方发送 SYN，开始三次握手（RFC 9293 §3.10.1）</translation>
    </message>
    <message>
        <source>Hand the data to TCP; it goes out once the connection is established (RFC 9293 §3.10.2)</source>
        <translation>把数据交给 TCP；连接建立后即发送（RFC 9293 §3.10.2）</translation>
    </message>
    <message>
        <source>No more data from this side: send FIN once the queued data is out, a half-close (RFC 9293 §3.10.4)</source>
        <translation>本方不再发送数据：队列中的数据发完后发送 FIN，即半关闭（RFC 9293 §3.10.4）</translation>
    </message>
    <message>
        <source>Drop the connection at once and tell the peer with RST (RFC 9293 §3.10.5)</source>
        <translation>立即中止连接，并用 RST 通知对方（RFC 9293 §3.10.5）</translation>
    </message>
    <message>
        <source>%1 needs a connection that is open or opening and not yet closed by this side; the state is %2</source>
        <translation>%1 要求连接已建立或正在建立，且本方尚未关闭；当前状态为 %2</translation>
    </message>
    <message>
        <source>%1 is already under way in %2</source>
        <translation>%1 已在 %2 状态下进行中</translation>
    </message>
    <message>
        <source>%1 needs %2; the state is %3</source>
        <translation>%1 要求处于 %2 状态；当前状态为 %3</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 called %2.</source>
        <translation>%1调用了 %2。</translation>
    </message>
    <message>
        <source>%1 called %2, refused: %3.</source>
        <translation>%1调用了 %2，被拒绝：%3。</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::DesktopIntegration</name>
    <message>
        <source>Start in presentation mode: full screen, high contrast, larger text.</source>
        <translation>以演示模式启动：全屏、高对比度、放大文字。</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::ExportMenu</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Diagram as &amp;PNG…</source>
        <translation>时序图导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Diagram as &amp;SVG…</source>
        <translation>时序图导出为 SVG(&amp;S)…</translation>
    </message>
    <message>
        <source>Diagram as P&amp;DF…</source>
        <translation>时序图导出为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Pictures show only the &amp;visible part</source>
        <translation>图片只包含可见部分(&amp;V)</translation>
    </message>
    <message>
        <source>Trace as &amp;JSON lines…</source>
        <translation>轨迹导出为 JSON lines(&amp;J)…</translation>
    </message>
    <message>
        <source>Trace as p&amp;cap (Wireshark)…</source>
        <translation>轨迹导出为 pcap（Wireshark）(&amp;C)…</translation>
    </message>
    <message>
        <source>Sequence as &amp;Mermaid…</source>
        <translation>时序导出为 Mermaid(&amp;M)…</translation>
    </message>
    <message>
        <source>Sequence as Plant&amp;UML…</source>
        <translation>时序导出为 PlantUML(&amp;U)…</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.json)</source>
        <translation>JSON lines (*.jsonl *.json)</translation>
    </message>
    <message>
        <source>pcap captures (*.pcap)</source>
        <translation>pcap 抓包文件 (*.pcap)</translation>
    </message>
    <message>
        <source>Mermaid diagrams (*.mmd)</source>
        <translation>Mermaid 图 (*.mmd)</translation>
    </message>
    <message>
        <source>PlantUML diagrams (*.puml)</source>
        <translation>PlantUML 图 (*.puml)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Pictures keep the &amp;theme&apos;s colours (otherwise light, for printing)</source>
        <translation>图片保留主题配色(&amp;T)（否则用浅色，便于打印）</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::GlossaryPanel</name>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Filter terms (e.g. TIME_WAIT, window, half-close)</source>
        <translation>筛选术语（如 TIME_WAIT、窗口、半关闭）</translation>
    </message>
    <message>
        <source>Filter terms</source>
        <translation>筛选术语</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>术语表(&amp;G)</translation>
    </message>
    <message>
        <source>Terms of TCP connection management in English and Chinese (F1, Ctrl+G)</source>
        <translation>TCP 连接管理术语，中英对照（F1，Ctrl+G）</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::HexView</name>
    <message>
        <source>Segment bytes</source>
        <translation>报文段字节</translation>
    </message>
    <message>
        <source>The segment&apos;s wire bytes in hexadecimal, 16 a row, with an ASCII column</source>
        <translation>报文段在传输时的字节，十六进制显示，每行 16 个，附 ASCII 列</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::HttpChart</name>
    <message>
        <source>HTTP/1.0 (a connection per object)</source>
        <translation>HTTP/1.0（每个对象一个连接）</translation>
    </message>
    <message>
        <source>HTTP/1.1 persistent</source>
        <translation>HTTP/1.1 持续连接</translation>
    </message>
    <message>
        <source>HTTP/1.1 pipelined</source>
        <translation>HTTP/1.1 流水线方式</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Objects on the page (N)</source>
        <translation>页面上的对象数 (N)</translation>
    </message>
    <message>
        <source>Total time (ms)</source>
        <translation>总时间 (ms)</translation>
    </message>
    <message>
        <source>Counters for N =</source>
        <translation>N = 时的计数</translation>
    </message>
    <message>
        <source>Objects on the page</source>
        <translation>页面上的对象数</translation>
    </message>
    <message>
        <source>Round trips</source>
        <translation>往返次数</translation>
    </message>
    <message>
        <source>Connections opened</source>
        <translation>建立的连接数</translation>
    </message>
    <message>
        <source>TIME_WAIT sockets left</source>
        <translation>遗留的 TIME_WAIT 套接字</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>总时间</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::KernelDifferenceText</name>
    <message>
        <source>the client&apos;s %1</source>
        <translation>客户端的 %1</translation>
    </message>
    <message>
        <source>the server&apos;s %1</source>
        <translation>服务器的 %1</translation>
    </message>
    <message>
        <source>No segments were captured, so only the states are compared.</source>
        <translation>没有抓到报文段，因此只比较状态。</translation>
    </message>
    <message>
        <source>MSS: the kernel offers %1 (the loopback MTU of 65536 minus 40 bytes of headers); the core offers %2, its Linux profile&apos;s default (RFC 9293 §3.7.1).</source>
        <translation>MSS：内核通告 %1（环回接口的 MTU 65536 减去 40 字节首部）；核心通告 %2，即其 Linux 配置的默认值（RFC 9293 §3.7.1）。</translation>
    </message>
    <message>
        <source>ISN: the kernel chose %1 from a keyed hash and a clock (RFC 6528); the core chose %2 from its clock and seed. Both are valid: only their unpredictability matters.</source>
        <translation>ISN：内核根据带密钥的散列和时钟选择了 %1（RFC 6528）；核心根据其时钟和种子选择了 %2。两者都合法：重要的只是不可预测。</translation>
    </message>
    <message>
        <source>Delayed ACK: %1 left %2 ms after the data it acknowledges; the core acknowledges at once. RFC 9293 §3.8.6.3 lets a receiver wait up to 0.5 s in the hope of sending data with it.</source>
        <translation>延迟确认：%1 在它所确认的数据到达 %2 ms 后才发出；核心立即确认。RFC 9293 §3.8.6.3 允许接收方最多等待 0.5 s，以便与数据一起发送。</translation>
    </message>
    <message>
        <source>PSH: %1 differs from the core&apos;s in the PSH flag, which the sender sets as it sees fit.</source>
        <translation>PSH：%1 的 PSH 标志位与核心不同，该标志位由发送方自行决定是否设置。</translation>
    </message>
    <message>
        <source>Only the kernel sent %1: its FIN rode on the last data, while the core sends the FIN in a segment of its own.</source>
        <translation>只有内核发送了 %1：它的 FIN 捎带在最后的数据上，而核心用单独的报文段发送 FIN。</translation>
    </message>
    <message>
        <source>Only the kernel sent %1: a retransmission.</source>
        <translation>只有内核发送了 %1：这是一次重传。</translation>
    </message>
    <message>
        <source>Only the kernel sent %1.</source>
        <translation>只有内核发送了 %1。</translation>
    </message>
    <message>
        <source>Only the core sent %1: the kernel acknowledged later together with other data (delayed ACK, RFC 9293 §3.8.6.3).</source>
        <translation>只有核心发送了 %1：内核稍后才与其他数据一起确认（延迟确认，RFC 9293 §3.8.6.3）。</translation>
    </message>
    <message>
        <source>Only the core sent %1.</source>
        <translation>只有核心发送了 %1。</translation>
    </message>
    <message>
        <source>Client states: the kernel went %1; the core %2.</source>
        <translation>客户端状态：内核经历了 %1；核心经历了 %2。</translation>
    </message>
    <message>
        <source>Server states: the kernel went %1; the core %2.</source>
        <translation>服务器状态：内核经历了 %1；核心经历了 %2。</translation>
    </message>
    <message numerus="yes">
        <source>%n of the kernel&apos;s states were too brief to poll and are inferred from the captured segments (on loopback a handshake or a close completes inside one system call).</source>
        <translation>
            <numerusform>内核有 %n 个状态持续时间太短，无法轮询到，是根据抓到的报文段推断的（在环回接口上，一次握手或关闭在一次系统调用内就完成了）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Options: the kernel&apos;s SYN carries %1; the core&apos;s Linux profile sends MSS (RFC 9293 §3.7.1) and window scale (RFC 7323 §2). SACK (RFC 2018) and timestamps (RFC 7323 §3) are extensions the core does not model.</source>
        <translation>选项：内核的 SYN 携带 %1；核心的 Linux 配置发送 MSS（RFC 9293 §3.7.1）和窗口缩放（RFC 7323 §2）。SACK（RFC 2018）和时间戳（RFC 7323 §3）是核心未建模的扩展。</translation>
    </message>
    <message>
        <source>Window: after the handshake the kernel writes %1 in the window field and the core %2. Each is multiplied by its sender&apos;s window scale (RFC 7323 §2.3) to give the bytes that side may still receive.</source>
        <translation>窗口：握手之后内核在窗口字段中写入 %1，核心写入 %2。每个值都要乘以发送方的窗口缩放因子（RFC 7323 §2.3），才是该方还能接收的字节数。</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::KernelLab</name>
    <message>
        <source>MSS %1 sent / %2 received</source>
        <translation>MSS 发送 %1 / 收到 %2</translation>
    </message>
    <message>
        <source>window scale %1 / %2</source>
        <translation>窗口扩大因子 %1 / %2</translation>
    </message>
    <message>
        <source>no window scaling</source>
        <translation>无窗口扩大</translation>
    </message>
    <message>
        <source>SACK</source>
        <translation>SACK</translation>
    </message>
    <message>
        <source>no SACK</source>
        <translation>无 SACK</translation>
    </message>
    <message>
        <source>timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>no timestamps</source>
        <translation>无时间戳</translation>
    </message>
    <message numerus="yes">
        <source>%n retransmissions</source>
        <translation>
            <numerusform>%n 次重传</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Kernel TCP lab…</source>
        <translation>内核 TCP 实验室(&amp;K)…</translation>
    </message>
    <message>
        <source>Drive the operating system&apos;s own TCP on 127.0.0.1 and compare it with the core&apos;s prediction (%1)</source>
        <translation>在 127.0.0.1 上驱动操作系统自己的 TCP，并与核心的预测比较（%1）</translation>
    </message>
    <message>
        <source>Kernel TCP lab — the operating system&apos;s TCP on 127.0.0.1</source>
        <translation>内核 TCP 实验室 — 127.0.0.1 上操作系统的 TCP</translation>
    </message>
    <message>
        <source>These buttons call the operating system&apos;s own TCP (socket, listen, connect, send, shutdown, close) on 127.0.0.1. Left: what the kernel did. Right: what tcplab&apos;s core predicts for the same calls (Linux profile). Below: where they differ, and why.</source>
        <translation>这些按钮在 127.0.0.1 上调用操作系统自己的 TCP（socket、listen、connect、send、shutdown、close）。左侧：内核的实际行为。右侧：tcplab 核心对同样调用的预测（Linux 配置）。下方：两者的差异及原因。</translation>
    </message>
    <message>
        <source>Server socket</source>
        <translation>服务器套接字</translation>
    </message>
    <message>
        <source>Client socket</source>
        <translation>客户端套接字</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>send() the text below on this socket</source>
        <translation>在此套接字上用 send() 发送下面的文本</translation>
    </message>
    <message>
        <source>Shut down</source>
        <translation>关闭发送</translation>
    </message>
    <message>
        <source>shutdown(SHUT_WR): send a FIN and keep reading (a half-close)</source>
        <translation>shutdown(SHUT_WR)：发送 FIN 并继续读取（半关闭）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>close() the accepted socket and the listening one</source>
        <translation>用 close() 关闭已接受的套接字和监听套接字</translation>
    </message>
    <message>
        <source>close() the socket</source>
        <translation>用 close() 关闭套接字</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
    <message>
        <source>socket, bind to 127.0.0.1 and listen(); connections are accepted as they come</source>
        <translation>创建套接字，绑定到 127.0.0.1 并调用 listen()；连接到来时即被接受</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>socket and a non-blocking connect() to the server&apos;s port</source>
        <translation>创建套接字，并以非阻塞方式 connect() 到服务器端口</translation>
    </message>
    <message>
        <source>Data to send:</source>
        <translation>要发送的数据：</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Close both sockets and forget what was recorded</source>
        <translation>关闭两个套接字并丢弃已记录的内容</translation>
    </message>
    <message>
        <source>Play a whole session</source>
        <translation>运行完整会话</translation>
    </message>
    <message>
        <source>Start again and make the default session&apos;s calls: listen, connect, a request, a reply, the client closes, then the server</source>
        <translation>重新开始并执行默认会话的调用：监听、连接、一个请求、一个应答、客户端关闭，然后服务器关闭</translation>
    </message>
    <message>
        <source>The kernel (captured on lo), one step per segment</source>
        <translation>内核（在 lo 上抓包），每个报文段一步</translation>
    </message>
    <message>
        <source>The core&apos;s prediction (Linux profile), one step per segment</source>
        <translation>核心的预测（Linux 配置），每个报文段一步</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>时间（ms）</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标志位</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Ack</source>
        <translation>确认号</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Len</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Where the kernel and the core differ</source>
        <translation>内核与核心的差异</translation>
    </message>
    <message>
        <source>The kernel refused: %1</source>
        <translation>内核拒绝了：%1</translation>
    </message>
    <message>
        <source>seen through sock_diag (the socket is closed; the kernel still keeps the connection)</source>
        <translation>通过 sock_diag 观察到（套接字已关闭，内核仍保留着该连接）</translation>
    </message>
    <message>
        <source>seen through getsockopt(TCP_INFO)</source>
        <translation>通过 getsockopt(TCP_INFO) 观察到</translation>
    </message>
    <message>
        <source>too brief to poll: inferred from the captured segment</source>
        <translation>持续时间太短无法轮询：根据抓到的报文段推断</translation>
    </message>
    <message>
        <source>Capturing the segments on lo with libpcap (filter: tcp port %1).</source>
        <translation>正在用 libpcap 在 lo 上抓取报文段（过滤器：tcp port %1）。</translation>
    </message>
    <message>
        <source>Start with Listen: the capture on lo begins once the server&apos;s port is known.</source>
        <translation>请先点“监听”：知道服务器端口后才开始在 lo 上抓包。</translation>
    </message>
    <message>
        <source>States only: tcplab may not capture on lo here (%1). Capturing needs root or the CAP_NET_RAW capability; the states still come from TCP_INFO and sock_diag.</source>
        <translation>仅有状态：tcplab 在这里无权在 lo 上抓包（%1）。抓包需要 root 权限或 CAP_NET_RAW 能力；状态仍然来自 TCP_INFO 和 sock_diag。</translation>
    </message>
    <message>
        <source>TCP_INFO: %1</source>
        <translation>TCP_INFO：%1</translation>
    </message>
    <message>
        <source>client → server</source>
        <translation>客户端 → 服务器</translation>
    </message>
    <message>
        <source>server → client</source>
        <translation>服务器 → 客户端</translation>
    </message>
    <message>
        <source>seq %1 — the kernel&apos;s real initial sequence number (ISN)</source>
        <translation>seq %1 — 内核真实的初始序号（ISN）</translation>
    </message>
    <message>
        <source>seq %1</source>
        <translation>seq %1</translation>
    </message>
    <message>
        <source>ack %1</source>
        <translation>ack %1</translation>
    </message>
    <message>
        <source>window %1 (never scaled in a SYN)</source>
        <translation>窗口 %1（SYN 中的窗口从不扩大）</translation>
    </message>
    <message>
        <source>window field %1 (times 2^wscale when window scaling was agreed)</source>
        <translation>窗口字段 %1（协商了窗口扩大时需乘以 2^wscale）</translation>
    </message>
    <message>
        <source>MSS %1</source>
        <translation>MSS %1</translation>
    </message>
    <message>
        <source>no options</source>
        <translation>无选项</translation>
    </message>
    <message>
        <source>options as sent: %1</source>
        <translation>发送的选项：%1</translation>
    </message>
    <message>
        <source>Pick a segment to see the kernel&apos;s real ISN, window and options (MSS, window scale, SACK permitted, timestamps).</source>
        <translation>选择一个报文段，查看内核真实的 ISN、窗口和选项（MSS、窗口扩大因子、允许 SACK、时间戳）。</translation>
    </message>
    <message>
        <source>Nothing to compare yet: press Listen, then Connect.</source>
        <translation>还没有可比较的内容：请先点“监听”，再点“连接”。</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::KernelTracePlot</name>
    <message>
        <source>Client :%1</source>
        <translation>客户端 :%1</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Server :%1</source>
        <translation>服务器 :%1</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::LessonPicker</name>
    <message>
        <source>The lesson file could not be read:
%1</source>
        <translation>无法读取课程文件：
%1</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Open lesson file</source>
        <translation>打开课程文件</translation>
    </message>
    <message>
        <source>Lessons (*.lesson);;All files (*)</source>
        <translation>课程 (*.lesson);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Lesson file</source>
        <translation>课程文件</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Choose a lesson</source>
        <translation>选择一节课程</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open lesson &amp;file…</source>
        <translation>打开课程文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Built-in lessons</source>
        <translation>内置课程</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::LessonPlayer</name>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Lesson steps so far</source>
        <translation>到目前为止的课程步骤</translation>
    </message>
    <message>
        <source>No lesson open</source>
        <translation>尚未打开课程</translation>
    </message>
    <message>
        <source>Choose one from the Lessons menu (Ctrl+L).</source>
        <translation>请从“课程”菜单中选择（Ctrl+L）。</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::LessonText</name>
    <message>
        <source>en</source>
        <comment>The code of this translation&apos;s language: zh in Chinese, en in English</comment>
        <translation>zh</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::LessonUi</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Open &amp;lesson…</source>
        <translation>打开课程(&amp;L)…</translation>
    </message>
    <message>
        <source>Open lesson… (%1)</source>
        <translation>打开课程…（%1）</translation>
    </message>
    <message>
        <source>&amp;Quiz mode</source>
        <translation>测验模式(&amp;Q)</translation>
    </message>
    <message>
        <source>Stop at each of the lesson&apos;s questions</source>
        <translation>在课程的每道测验题处暂停</translation>
    </message>
    <message>
        <source>Open &amp;packetdrill script…</source>
        <translation>打开 packetdrill 脚本(&amp;P)…</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>对照</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::LoopbackLiveDriver</name>
    <message>
        <source>UDP port %1 on 127.0.0.1 is already in use by another program. Close it, or let tcplab choose free ports (port 0).</source>
        <translation>127.0.0.1 上的 UDP 端口 %1 已被其他程序占用。请关闭该程序，或让 tcplab 自动选择空闲端口（端口 0）。</translation>
    </message>
    <message>
        <source>The UDP sockets on 127.0.0.1 could not be opened: %1</source>
        <translation>无法打开 127.0.0.1 上的 UDP 套接字：%1</translation>
    </message>
    <message>
        <source>Loopback: not running (%1)</source>
        <translation>环回：未运行（%1）</translation>
    </message>
    <message>
        <source>Loopback on 127.0.0.1 — client UDP port %1, server UDP port %2 · wall clock %3 · %4 datagrams sent, %5 received, %6 discarded</source>
        <translation>127.0.0.1 环回 — 客户端 UDP 端口 %1，服务器 UDP 端口 %2 · 挂钟时间 %3 · 已发送 %4 个数据报，收到 %5 个，丢弃 %6 个</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::LoopbackPortsDialog</name>
    <message>
        <source>Port %1 is below %2: ports below %2 belong to the system. Choose a port from %2 to 65535, or any free port.</source>
        <translation>端口 %1 小于 %2：%2 以下的端口归系统使用。请选择 %2 到 65535 之间的端口，或任一空闲端口。</translation>
    </message>
    <message>
        <source>The client and the server need different ports; both are %1.</source>
        <translation>客户端和服务器需要不同的端口；现在两者都是 %1。</translation>
    </message>
    <message>
        <source>UDP port %1 on 127.0.0.1 (client) is already in use by another program. Choose another port, or any free port.</source>
        <translation>127.0.0.1 上的 UDP 端口 %1（客户端）已被其他程序占用。请选择其他端口，或任一空闲端口。</translation>
    </message>
    <message>
        <source>UDP port %1 on 127.0.0.1 (server) is already in use by another program. Choose another port, or any free port.</source>
        <translation>127.0.0.1 上的 UDP 端口 %1（服务器）已被其他程序占用。请选择其他端口，或任一空闲端口。</translation>
    </message>
    <message>
        <source>Loopback ports</source>
        <translation>回环端口</translation>
    </message>
    <message>
        <source>Loopback mode gives each endpoint its own UDP socket on 127.0.0.1. Choose their ports (1024–65535, different), or let the system pick any free port. With several connections, pair i uses the port plus i. New ports take effect when the run restarts.</source>
        <translation>回环模式为每个端点在 127.0.0.1 上分配一个 UDP 套接字。请选择它们的端口（1024–65535，且互不相同），或让系统任选空闲端口。有多个连接时，第 i 对使用端口号加 i。新端口在重新运行时生效。</translation>
    </message>
    <message>
        <source>&amp;Client UDP port:</source>
        <translation>客户端 UDP 端口(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Server UDP port:</source>
        <translation>服务器 UDP 端口(&amp;S)：</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任一空闲端口</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::MainWindow</name>
    <message>
        <source>tcplab — TCP Handshake Lab</source>
        <translation>tcplab — TCP 握手实验室</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开头</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Step forward</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结尾</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>播放控制</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>速度：</translation>
    </message>
    <message>
        <source>Virtual time now / when the session ends</source>
        <translation>当前虚拟时间 / 会话结束的时间</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>t = %1 / %2</source>
        <translation>t = %1 / %2</translation>
    </message>
    <message>
        <source>Segment #%1 was lost on the wire (you dropped it).</source>
        <translation>报文段 #%1 在传输途中丢失（由你丢弃）。</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>网络(&amp;N)</translation>
    </message>
    <message>
        <source>Jump to the start</source>
        <translation>跳到开头</translation>
    </message>
    <message>
        <source>Step back to the previous event</source>
        <translation>退回到上一个事件</translation>
    </message>
    <message>
        <source>Step forward to the next event</source>
        <translation>前进到下一个事件</translation>
    </message>
    <message>
        <source>Jump to the end</source>
        <translation>跳到结尾</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Follow the current time again</source>
        <translation>重新跟随当前时间</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>向上翻页</translation>
    </message>
    <message>
        <source>Show earlier times</source>
        <translation>显示更早的时间</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>向下翻页</translation>
    </message>
    <message>
        <source>Show later times</source>
        <translation>显示更晚的时间</translation>
    </message>
    <message>
        <source>Relative numbers</source>
        <translation>相对序号</translation>
    </message>
    <message>
        <source>Sequence and acknowledgment numbers relative to each side&apos;s ISN</source>
        <translation>序号和确认号相对于各方的初始序号（ISN）</translation>
    </message>
    <message>
        <source>Lose client&apos;s next</source>
        <translation>丢弃客户端的下一个</translation>
    </message>
    <message>
        <source>The link loses the next segment the client sends</source>
        <translation>链路丢弃客户端发送的下一个报文段</translation>
    </message>
    <message>
        <source>Lose server&apos;s next</source>
        <translation>丢弃服务器的下一个</translation>
    </message>
    <message>
        <source>The link loses the next segment the server sends</source>
        <translation>链路丢弃服务器发送的下一个报文段</translation>
    </message>
    <message>
        <source>Virtual time per second of real time (0.1× to 10×)</source>
        <translation>每秒真实时间对应的虚拟时间（0.1× 到 10×）</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Current time</source>
        <translation>当前时间</translation>
    </message>
    <message>
        <source>Click an arrow to select it; click a segment in flight to lose it, right-click it to delay or duplicate it.   Space: play/pause   ←/→: previous/next event   +/−: zoom   F: follow</source>
        <translation>单击箭头可选中它；单击传输途中的报文段可使其丢失，右键单击可延迟或复制它。   空格：播放/暂停   ←/→：上一个/下一个事件   +/−：缩放   F：跟随</translation>
    </message>
    <message>
        <source>Play/Pause</source>
        <translation>播放/暂停</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::ModeMenu</name>
    <message>
        <source>Loopback mode</source>
        <translation>环回模式</translation>
    </message>
    <message>
        <source>Loopback mode could not start, so the simulation stays.

%1</source>
        <translation>环回模式无法启动，因此继续使用模拟。

%1</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>模式(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Simulated</source>
        <translation>模拟(&amp;S)</translation>
    </message>
    <message>
        <source>The core&apos;s simulated link and virtual clock: replayable, stepping back and forward (%1)</source>
        <translation>核心的模拟链路和虚拟时钟：可重放，可前进和后退（%1）</translation>
    </message>
    <message>
        <source>&amp;Loopback (real UDP sockets on 127.0.0.1)</source>
        <translation>环回(&amp;L)（127.0.0.1 上真实的 UDP 套接字）</translation>
    </message>
    <message>
        <source>Each endpoint on its own UDP socket on 127.0.0.1, carrying the exact TCP bytes; timers on the wall clock. Stepping back starts a fresh run (%1)</source>
        <translation>每个端点使用 127.0.0.1 上自己的 UDP 套接字，承载原样的 TCP 字节；计时器使用挂钟时间。后退会重新开始一次运行（%1）</translation>
    </message>
    <message>
        <source>The real UDP ports on 127.0.0.1 and the wall-clock time of the loopback run</source>
        <translation>环回运行在 127.0.0.1 上真实的 UDP 端口和挂钟时间</translation>
    </message>
    <message>
        <source>Loopback &amp;ports…</source>
        <translation>回环端口(&amp;P)…</translation>
    </message>
    <message>
        <source>Choose the UDP ports on 127.0.0.1 that loopback mode binds, or any free ones</source>
        <translation>选择回环模式在 127.0.0.1 上绑定的 UDP 端口，或任选空闲端口</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::NarrationPanel</name>
    <message>
        <source>So far</source>
        <translation>到目前为止</translation>
    </message>
    <message>
        <source>Narration history</source>
        <translation>讲解记录</translation>
    </message>
    <message>
        <source>What just happened</source>
        <translation>刚刚发生了什么</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>讲解</translation>
    </message>
    <message>
        <source>%1   %2</source>
        <translation>%1   %2</translation>
    </message>
    <message>
        <source>Nothing has happened yet</source>
        <translation>还没有发生任何事件</translation>
    </message>
    <message>
        <source>Press → (step) or Space (play) to start.</source>
        <translation>按 →（单步）或空格（播放）开始。</translation>
    </message>
    <message>
        <source>At %1:</source>
        <translation>在 %1：</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::PacketInspector</name>
    <message>
        <source>Source port</source>
        <translation>源端口</translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation>目的端口</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Acknowledgment number</source>
        <translation>确认号</translation>
    </message>
    <message>
        <source>Data offset</source>
        <translation>数据偏移</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标志位</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <source>Urgent pointer</source>
        <translation>紧急指针</translation>
    </message>
    <message>
        <source>Option: maximum segment size</source>
        <translation>选项：最大报文段长度（MSS）</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Header fields</source>
        <translation>首部字段</translation>
    </message>
    <message>
        <source>Packet inspector</source>
        <translation>报文段检查器</translation>
    </message>
    <message>
        <source>No segment has been sent yet.</source>
        <translation>还没有发送任何报文段。</translation>
    </message>
    <message>
        <source>Segment #%1 has not been sent yet at this time.</source>
        <translation>此时报文段 #%1 尚未发送。</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Latest segment #%1: %2, %3, sent at %4</source>
        <translation>最新报文段 #%1：%2，%3，发送于 %4</translation>
    </message>
    <message>
        <source>Segment #%1: %2, %3, sent at %4</source>
        <translation>报文段 #%1：%2，%3，发送于 %4</translation>
    </message>
    <message>
        <source>no flags</source>
        <translation>无标志位</translation>
    </message>
    <message>
        <source>the sending application&apos;s port</source>
        <translation>发送方应用进程的端口</translation>
    </message>
    <message>
        <source>the receiving application&apos;s port</source>
        <translation>接收方应用进程的端口</translation>
    </message>
    <message>
        <source>number of the first octet of this segment (a SYN or FIN counts as one)</source>
        <translation>本报文段第一个字节的序号（SYN 或 FIN 各占一个序号）</translation>
    </message>
    <message>
        <source>Relative sequence number</source>
        <translation>相对序号</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>seq − the sender&apos;s ISN %1</source>
        <translation>seq − 发送方的 ISN %1</translation>
    </message>
    <message>
        <source>the sender&apos;s SYN is not in the trace</source>
        <translation>事件记录中没有发送方的 SYN</translation>
    </message>
    <message>
        <source>the next sequence number the sender expects to receive</source>
        <translation>发送方期望收到的下一个序号</translation>
    </message>
    <message>
        <source>not in use: the ACK bit is 0</source>
        <translation>未使用：ACK 标志位为 0</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Relative acknowledgment number</source>
        <translation>相对确认号</translation>
    </message>
    <message>
        <source>ack − the receiver&apos;s ISN %1</source>
        <translation>ack − 接收方的 ISN %1</translation>
    </message>
    <message>
        <source>the receiver&apos;s SYN is not in the trace yet</source>
        <translation>事件记录中还没有接收方的 SYN</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <source>length of the header in 32-bit words</source>
        <translation>首部长度，以 32 位字为单位</translation>
    </message>
    <message>
        <source>the control bits</source>
        <translation>控制位</translation>
    </message>
    <message>
        <source>urgent: the urgent pointer field is significant</source>
        <translation>紧急：紧急指针字段有效</translation>
    </message>
    <message>
        <source>acknowledgment: the acknowledgment number is significant</source>
        <translation>确认：确认号字段有效</translation>
    </message>
    <message>
        <source>push: hand the data to the application at once</source>
        <translation>推送：立即将数据交付应用进程</translation>
    </message>
    <message>
        <source>reset: abort the connection</source>
        <translation>复位：中止连接</translation>
    </message>
    <message>
        <source>synchronize sequence numbers: opens a connection</source>
        <translation>同步序号：用于建立连接</translation>
    </message>
    <message>
        <source>finish: the sender has no more data (closes one direction)</source>
        <translation>终止：发送方没有更多数据（释放一个方向的连接）</translation>
    </message>
    <message>
        <source>how many more octets the sender is willing to receive</source>
        <translation>发送方还愿意接收多少字节</translation>
    </message>
    <message>
        <source>over the pseudo-header, the header and the data (RFC 9293 §3.1)</source>
        <translation>对伪首部、首部和数据计算（RFC 9293 §3.1）</translation>
    </message>
    <message>
        <source>where urgent data ends; read only when URG is 1</source>
        <translation>紧急数据的结束位置；仅当 URG 为 1 时有效</translation>
    </message>
    <message>
        <source>the largest segment the sender can receive; sent only with SYN (RFC 9293 §3.7.1)</source>
        <translation>发送方能接收的最大报文段长度；只在 SYN 中发送（RFC 9293 §3.7.1）</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>zeros that end the header on a 32-bit boundary</source>
        <translation>使首部在 32 位边界结束的填充零</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s): %1</source>
        <translation>
            <numerusform>%n 字节：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>the application&apos;s bytes</source>
        <translation>应用进程的数据</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>options such as MSS are sent only with SYN</source>
        <translation>MSS 等选项只在 SYN 中发送</translation>
    </message>
    <message>
        <source>0 bytes</source>
        <translation>0 字节</translation>
    </message>
    <message>
        <source>a segment without data still takes a sequence number if it carries SYN or FIN</source>
        <translation>不携带数据的报文段若带有 SYN 或 FIN，仍要消耗一个序号</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Point at a field to see its bytes and what it means.</source>
        <translation>指向一个字段，即可看到它的字节和含义。</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::PacketdrillPlayer</name>
    <message>
        <source>The packetdrill script could not be read:
%1</source>
        <translation>无法读取 packetdrill 脚本：
%1</translation>
    </message>
    <message>
        <source>%1: not a script</source>
        <translation>%1：不是脚本</translation>
    </message>
    <message>
        <source>Open packetdrill script</source>
        <translation>打开 packetdrill 脚本</translation>
    </message>
    <message>
        <source>packetdrill scripts (*.pkt);;All files (*)</source>
        <translation>packetdrill 脚本 (*.pkt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>packetdrill script</source>
        <translation>packetdrill 脚本</translation>
    </message>
    <message>
        <source>      expected %1, got %2</source>
        <translation>      期望 %1，实际 %2</translation>
    </message>
    <message>
        <source>      not checked: outside tcplab&apos;s model</source>
        <translation>      未检查：超出 tcplab 的模型</translation>
    </message>
    <message>
        <source>packetdrill: %1</source>
        <translation>packetdrill：%1</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>时间 (ms)</translation>
    </message>
    <message>
        <source>Script (peer)</source>
        <translation>脚本（对端）</translation>
    </message>
    <message>
        <source>tcplab (under test)</source>
        <translation>tcplab（被测端）</translation>
    </message>
    <message>
        <source>%1: passed</source>
        <translation>%1：通过</translation>
    </message>
    <message>
        <source>%1: skipped — %2</source>
        <translation>%1：跳过 — %2</translation>
    </message>
    <message>
        <source>%1: failed at line %2: expected %3, got %4</source>
        <translation>%1：第 %2 行失败：期望 %3，实际 %4</translation>
    </message>
    <message>
        <source>%1: failed — %2</source>
        <translation>%1：失败 — %2</translation>
    </message>
    <message>
        <source>✗ line %1: expected %2</source>
        <translation>✗ 第 %1 行：期望 %2</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::PlotsPanel</name>
    <message>
        <source>States over time</source>
        <translation>状态随时间变化</translation>
    </message>
    <message>
        <source>Sequence number / time</source>
        <translation>序号 / 时间</translation>
    </message>
    <message>
        <source>HTTP/1.0 vs 1.1</source>
        <translation>HTTP/1.0 与 1.1 对比</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::PresentationMode</name>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>Show the window full screen</source>
        <translation>全屏显示窗口</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <source>Make all text and the diagram&apos;s labels larger</source>
        <translation>放大所有文字和时序图的标签</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <source>Make all text and the diagram&apos;s labels smaller</source>
        <translation>缩小所有文字和时序图的标签</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>正常文字大小(&amp;N)</translation>
    </message>
    <message>
        <source>Text at its normal size</source>
        <translation>文字恢复正常大小</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>高对比度(&amp;H)</translation>
    </message>
    <message>
        <source>Black on white, bold: readable from the back of a room</source>
        <translation>白底黑字、粗体：教室后排也能看清</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>As the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::QuizPanel</name>
    <message>
        <source>This lesson has no questions.</source>
        <translation>本课程没有测验题。</translation>
    </message>
    <message>
        <source>A question will stop the playback at its moment.</source>
        <translation>播放到测验题的时刻时会暂停并提问。</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>第 %1 题（共 %2 题）</translation>
    </message>
    <message>
        <source>Right! %1</source>
        <translation>回答正确！%1</translation>
    </message>
    <message>
        <source>Wrong. The right answer is %1. %2</source>
        <translation>回答错误。正确答案是 %1。%2</translation>
    </message>
    <message>
        <source>Quiz mode: stop at each question</source>
        <translation>测验模式：在每道题处暂停</translation>
    </message>
    <message>
        <source>Continue playback</source>
        <translation>继续播放</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::SequenceDiagram</name>
    <message>
        <source>(retransmission)</source>
        <translation>（重传）</translation>
    </message>
    <message>
        <source>(lost)</source>
        <translation>（丢失）</translation>
    </message>
    <message>
        <source>▼ now: %1</source>
        <translation>▼ 当前：%1</translation>
    </message>
    <message>
        <source>(keep-alive probe)</source>
        <translation>（保活探测）</translation>
    </message>
    <message>
        <source>(copy)</source>
        <translation>（副本）</translation>
    </message>
    <message>
        <source>(delayed +%1)</source>
        <translation>（延迟 +%1）</translation>
    </message>
    <message>
        <source>you dropped it</source>
        <translation>由你丢弃</translation>
    </message>
    <message>
        <source>you dropped the client&apos;s next segment</source>
        <translation>你丢弃了客户端的下一个报文段</translation>
    </message>
    <message>
        <source>you dropped the server&apos;s next segment</source>
        <translation>你丢弃了服务器的下一个报文段</translation>
    </message>
    <message>
        <source>link rule: %1</source>
        <translation>链路规则：%1</translation>
    </message>
    <message>
        <source>dropped by the link</source>
        <translation>被链路丢弃</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::SequenceView</name>
    <message>
        <source>Time (ms)</source>
        <translation>时间 (ms)</translation>
    </message>
    <message>
        <source>Client :%1</source>
        <translation>客户端 :%1</translation>
    </message>
    <message>
        <source>Server :%1</source>
        <translation>服务器 :%1</translation>
    </message>
    <message>
        <source>Sequence diagram</source>
        <translation>时序图</translation>
    </message>
    <message>
        <source>Segment #%1</source>
        <translation>报文段 #%1</translation>
    </message>
    <message>
        <source>Drop it (lose it on the wire)</source>
        <translation>丢弃（让它在传输途中丢失）</translation>
    </message>
    <message>
        <source>Delay it by %1</source>
        <translation>延迟 %1</translation>
    </message>
    <message>
        <source>Duplicate it (the network sends a copy)</source>
        <translation>复制（网络多发送一份副本）</translation>
    </message>
    <message>
        <source>Click to lose this segment on the wire; right-click for more</source>
        <translation>单击可使该报文段在传输途中丢失；右键单击查看更多操作</translation>
    </message>
    <message>
        <source>%1: armed at %2, deadline %3</source>
        <translation>%1：启动于 %2，到期于 %3</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::SettingsStore</name>
    <message>
        <source>&amp;Recent Files</source>
        <translation>最近的文件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::ShortcutsDialog</name>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (%1)</source>
        <translation>键盘快捷键（%1）</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Every key of the main window. The keys work wherever the focus is in the window.</source>
        <translation>主窗口的全部快捷键。无论焦点在窗口的哪个位置，这些键都有效。</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::StateDiagramWidget</name>
    <message>
        <source>Show all transitions</source>
        <translation>显示全部状态转换</translation>
    </message>
    <message>
        <source>Also draw the resets, aborts and timeouts of RFC 9293 §3.10 that Figure 5 leaves out</source>
        <translation>同时画出图 5 省略的、RFC 9293 §3.10 中的复位、中止和超时转换</translation>
    </message>
    <message>
        <source>TCP state diagram</source>
        <translation>TCP 状态图</translation>
    </message>
    <message>
        <source>%1 → %2: %3 (%4)</source>
        <translation>%1 → %2：%3（%4）</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::StateTimelinePlot</name>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>时间 (ms)</translation>
    </message>
    <message>
        <source>States of each endpoint over time</source>
        <translation>各端点的状态随时间变化</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::StevensPlot</name>
    <message>
        <source>Time (ms)</source>
        <translation>时间 (ms)</translation>
    </message>
    <message>
        <source>Relative sequence number</source>
        <translation>相对序号</translation>
    </message>
    <message>
        <source>Client data</source>
        <translation>客户端数据</translation>
    </message>
    <message>
        <source>Client retransmission</source>
        <translation>客户端重传</translation>
    </message>
    <message>
        <source>Server data</source>
        <translation>服务器数据</translation>
    </message>
    <message>
        <source>Server retransmission</source>
        <translation>服务器重传</translation>
    </message>
    <message>
        <source>Sequence number against time</source>
        <translation>序号随时间变化</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::TeachingDocks</name>
    <message>
        <source>State diagram (RFC 9293 Figure 5)</source>
        <translation>状态图（RFC 9293 图 5）</translation>
    </message>
    <message>
        <source>What happened and why</source>
        <translation>发生了什么，为什么</translation>
    </message>
    <message>
        <source>Packet inspector</source>
        <translation>报文段检查器</translation>
    </message>
    <message>
        <source>Hands-on controls</source>
        <translation>动手操作</translation>
    </message>
    <message>
        <source>State diagram (RFC 9293 Figure 5) — connection #%1</source>
        <translation>状态图（RFC 9293 图 5）— 连接 #%1</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::TimelineScrubber</name>
    <message>
        <source>Timeline: one mark per event; click or drag to go to a moment</source>
        <translation>时间轴：每个事件一个刻度；单击或拖动可跳到某一时刻</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::TransitionLabel</name>
    <message>
        <source>call LISTEN</source>
        <translation>调用 LISTEN</translation>
    </message>
    <message>
        <source>call CONNECT / snd SYN</source>
        <translation>调用 CONNECT / 发送 SYN</translation>
    </message>
    <message>
        <source>call SEND / snd SYN</source>
        <translation>调用 SEND / 发送 SYN</translation>
    </message>
    <message>
        <source>rcv SYN / snd SYN,ACK</source>
        <translation>收到 SYN / 发送 SYN,ACK</translation>
    </message>
    <message>
        <source>call CLOSE</source>
        <translation>调用 CLOSE</translation>
    </message>
    <message>
        <source>call ABORT</source>
        <translation>调用 ABORT</translation>
    </message>
    <message>
        <source>rcv SYN,ACK / snd ACK</source>
        <translation>收到 SYN,ACK / 发送 ACK</translation>
    </message>
    <message>
        <source>rcv SYN / snd SYN,ACK (simultaneous open)</source>
        <translation>收到 SYN / 发送 SYN,ACK（同时打开）</translation>
    </message>
    <message>
        <source>rcv RST,ACK (connection refused)</source>
        <translation>收到 RST,ACK（连接被拒绝）</translation>
    </message>
    <message>
        <source>SYN retransmitted too often</source>
        <translation>SYN 重传次数过多</translation>
    </message>
    <message>
        <source>rcv ACK of SYN</source>
        <translation>收到对 SYN 的 ACK</translation>
    </message>
    <message>
        <source>rcv SYN,ACK (simultaneous open)</source>
        <translation>收到 SYN,ACK（同时打开）</translation>
    </message>
    <message>
        <source>rcv ACK of SYN + FIN / snd ACK</source>
        <translation>收到对 SYN 的 ACK 和 FIN / 发送 ACK</translation>
    </message>
    <message>
        <source>call CLOSE / snd FIN</source>
        <translation>调用 CLOSE / 发送 FIN</translation>
    </message>
    <message>
        <source>rcv RST (passive open)</source>
        <translation>收到 RST（被动打开）</translation>
    </message>
    <message>
        <source>rcv RST (connection refused)</source>
        <translation>收到 RST（连接被拒绝）</translation>
    </message>
    <message>
        <source>rcv SYN (passive open)</source>
        <translation>收到 SYN（被动打开）</translation>
    </message>
    <message>
        <source>call ABORT / snd RST</source>
        <translation>调用 ABORT / 发送 RST</translation>
    </message>
    <message>
        <source>SYN,ACK retransmitted too often</source>
        <translation>SYN,ACK 重传次数过多</translation>
    </message>
    <message>
        <source>rcv FIN / snd ACK</source>
        <translation>收到 FIN / 发送 ACK</translation>
    </message>
    <message>
        <source>rcv RST (connection reset)</source>
        <translation>收到 RST（连接被复位）</translation>
    </message>
    <message>
        <source>data retransmitted too often</source>
        <translation>数据重传次数过多</translation>
    </message>
    <message>
        <source>keep-alive unanswered / snd RST</source>
        <translation>保活探测无应答 / 发送 RST</translation>
    </message>
    <message>
        <source>rcv ACK of FIN</source>
        <translation>收到对 FIN 的 ACK</translation>
    </message>
    <message>
        <source>rcv FIN,ACK of FIN / snd ACK</source>
        <translation>收到 FIN 及对 FIN 的 ACK / 发送 ACK</translation>
    </message>
    <message>
        <source>FIN retransmitted too often</source>
        <translation>FIN 重传次数过多</translation>
    </message>
    <message>
        <source>rcv RST</source>
        <translation>收到 RST</translation>
    </message>
    <message>
        <source>timeout 2·MSL</source>
        <translation>超时 2·MSL</translation>
    </message>
</context>
</TS>
