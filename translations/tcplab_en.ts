<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>main</name>
    <message>
        <source>tcplab — watch TCP open a connection (three-way handshake) and close it (four-way close).</source>
        <translation>tcplab — watch TCP open a connection (three-way handshake) and close it (four-way close).</translation>
    </message>
    <message>
        <source>Language of the interface: zh or en (default: the system&apos;s).</source>
        <translation>Language of the interface: zh or en (default: the system&apos;s).</translation>
    </message>
    <message>
        <source>Save a PNG of the main window to &lt;file&gt; and exit.</source>
        <translation>Save a PNG of the main window to &lt;file&gt; and exit.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>With --screenshot: run the session to virtual time &lt;T&gt; microseconds (default: to its end).</source>
        <translation>With --screenshot: run the session to virtual time &lt;T&gt; microseconds (default: to its end).</translation>
    </message>
    <message>
        <source>Seed of the session (default: 1).</source>
        <translation>Seed of the session (default: 1).</translation>
    </message>
    <message>
        <source>Timer and ISN settings: teaching (short TIME_WAIT, fixed ISN) or linux (default: teaching).</source>
        <translation>Timer and ISN settings: teaching (short TIME_WAIT, fixed ISN) or linux (default: teaching).</translation>
    </message>
    <message>
        <source>Window size in pixels (default: 1600x1000).</source>
        <translation>Window size in pixels (default: 1600x1000).</translation>
    </message>
    <message>
        <source>unknown language &apos;%1&apos; (use zh or en)</source>
        <translation>unknown language &apos;%1&apos; (use zh or en)</translation>
    </message>
    <message>
        <source>--seed needs a whole number</source>
        <translation>--seed needs a whole number</translation>
    </message>
    <message>
        <source>unknown profile &apos;%1&apos; (use teaching or linux)</source>
        <translation>unknown profile &apos;%1&apos; (use teaching or linux)</translation>
    </message>
    <message>
        <source>--at-us needs a time in microseconds, 0 or more</source>
        <translation>--at-us needs a time in microseconds, 0 or more</translation>
    </message>
    <message>
        <source>--size needs WIDTHxHEIGHT, e.g. 1600x1000</source>
        <translation>--size needs WIDTHxHEIGHT, e.g. 1600x1000</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>cannot write %1</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::MainWindow</name>
    <message>
        <source>tcplab — TCP Handshake Lab</source>
        <translation>tcplab — TCP Handshake Lab</translation>
    </message>
    <message>
        <source>Click a segment in flight to lose it.   Space: play/pause   ←/→: previous/next event   Home/End: start/end</source>
        <translation>Click a segment in flight to lose it.   Space: play/pause   ←/→: previous/next event   Home/End: start/end</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>Step back</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>Step forward</source>
        <translation>Step forward</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Playback</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Speed:</translation>
    </message>
    <message>
        <source>Virtual time per second of real time</source>
        <translation>Virtual time per second of real time</translation>
    </message>
    <message>
        <source>Virtual time now / when the session ends</source>
        <translation>Virtual time now / when the session ends</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>t = %1 / %2</source>
        <translation>t = %1 / %2</translation>
    </message>
    <message>
        <source>Segment #%1 was lost on the wire (you dropped it).</source>
        <translation>Segment #%1 was lost on the wire (you dropped it).</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::SequenceDiagram</name>
    <message>
        <source>(retransmission)</source>
        <translation>(retransmission)</translation>
    </message>
    <message>
        <source>(lost)</source>
        <translation>(lost)</translation>
    </message>
    <message>
        <source>▼ now: %1</source>
        <translation>▼ now: %1</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::SequenceView</name>
    <message>
        <source>Time (ms)</source>
        <translation>Time (ms)</translation>
    </message>
    <message>
        <source>Client :%1</source>
        <translation>Client :%1</translation>
    </message>
    <message>
        <source>Server :%1</source>
        <translation>Server :%1</translation>
    </message>
    <message>
        <source>Click to lose this segment on the wire</source>
        <translation>Click to lose this segment on the wire</translation>
    </message>
</context>
</TS>
