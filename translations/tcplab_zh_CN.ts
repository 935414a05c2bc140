<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
</context>
<context>
    <name>tcplab::ui::MainWindow</name>
    <message>
        <source>tcplab — TCP Handshake Lab</source>
        <translation>tcplab — TCP 握手实验室</translation>
    </message>
    <message>
        <source>Click a segment in flight to lose it.   Space: play/pause   ←/→: previous/next event   Home/End: start/end</source>
        <translation>单击传输途中的报文段可使其丢失。   空格：播放/暂停   ←/→：上一个/下一个事件   Home/End：开头/结尾</translation>
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
        <source>Virtual time per second of real time</source>
        <translation>每秒真实时间对应的虚拟时间</translation>
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
        <source>Click to lose this segment on the wire</source>
        <translation>单击使该报文段在传输途中丢失</translation>
    </message>
</context>
</TS>
