<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CoreText</name>
    <message>
        <source>ACK in LISTEN: answered with RST</source>
        <translation>ACK in LISTEN: answered with RST</translation>
    </message>
    <message>
        <source>ACK of something not yet sent</source>
        <translation>ACK of something not yet sent</translation>
    </message>
    <message>
        <source>FIN on a SYN not accepted (the peer sends it again)</source>
        <translation>FIN on a SYN not accepted (the peer sends it again)</translation>
    </message>
    <message>
        <source>RST in LISTEN ignored</source>
        <translation>RST in LISTEN ignored</translation>
    </message>
    <message>
        <source>RST in window but not at RCV.NXT: challenge ACK</source>
        <translation>RST in window but not at RCV.NXT: challenge ACK</translation>
    </message>
    <message>
        <source>RST with an unacceptable ACK in SYN_SENT</source>
        <translation>RST with an unacceptable ACK in SYN_SENT</translation>
    </message>
    <message>
        <source>RST without ACK in SYN_SENT ignored</source>
        <translation>RST without ACK in SYN_SENT ignored</translation>
    </message>
    <message>
        <source>SYN in a synchronized state: challenge ACK</source>
        <translation>SYN in a synchronized state: challenge ACK</translation>
    </message>
    <message>
        <source>TIME_WAIT: a pure ACK needs no answer</source>
        <translation>TIME_WAIT: a pure ACK needs no answer</translation>
    </message>
    <message>
        <source>neither SYN nor RST in SYN_SENT</source>
        <translation>neither SYN nor RST in SYN_SENT</translation>
    </message>
    <message>
        <source>neither SYN, ACK nor RST in LISTEN</source>
        <translation>neither SYN, ACK nor RST in LISTEN</translation>
    </message>
    <message>
        <source>no ACK bit</source>
        <translation>no ACK bit</translation>
    </message>
    <message>
        <source>no connection: RST ignored</source>
        <translation>no connection: RST ignored</translation>
    </message>
    <message>
        <source>no connection: answered with RST</source>
        <translation>no connection: answered with RST</translation>
    </message>
    <message>
        <source>not addressed to this port</source>
        <translation>not addressed to this port</translation>
    </message>
    <message>
        <source>out of order: text dropped, RCV.NXT acknowledged again</source>
        <translation>out of order: text dropped, RCV.NXT acknowledged again</translation>
    </message>
    <message>
        <source>receive window is zero: text dropped, ACK processed</source>
        <translation>receive window is zero: text dropped, ACK processed</translation>
    </message>
    <message>
        <source>text after the peer&apos;s FIN ignored</source>
        <translation>text after the peer&apos;s FIN ignored</translation>
    </message>
    <message>
        <source>unacceptable ACK in SYN_RCVD: answered with RST</source>
        <translation>unacceptable ACK in SYN_RCVD: answered with RST</translation>
    </message>
    <message>
        <source>unacceptable ACK in SYN_SENT: answered with RST</source>
        <translation>unacceptable ACK in SYN_SENT: answered with RST</translation>
    </message>
    <message>
        <source>RST outside the receive window</source>
        <translation>RST outside the receive window</translation>
    </message>
    <message>
        <source>not acceptable: outside the window</source>
        <translation>not acceptable: outside the window</translation>
    </message>
    <message>
        <source>connection timed out</source>
        <translation>connection timed out</translation>
    </message>
    <message>
        <source>connection timed out (keep-alive)</source>
        <translation>connection timed out (keep-alive)</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>connection refused</translation>
    </message>
    <message>
        <source>connection reset</source>
        <translation>connection reset</translation>
    </message>
    <message>
        <source>connection already exists</source>
        <translation>connection already exists</translation>
    </message>
    <message>
        <source>connection closing</source>
        <translation>connection closing</translation>
    </message>
    <message>
        <source>connection does not exist</source>
        <translation>connection does not exist</translation>
    </message>
    <message>
        <source>foreign socket unspecified</source>
        <translation>foreign socket unspecified</translation>
    </message>
    <message>
        <source>dropped by user</source>
        <translation>dropped by user</translation>
    </message>
    <message>
        <source>duplicated by user</source>
        <translation>duplicated by user</translation>
    </message>
    <message>
        <source>an old SYN, delayed in the network</source>
        <translation>an old SYN, delayed in the network</translation>
    </message>
    <message>
        <source>an old data segment, delayed in the network</source>
        <translation>an old data segment, delayed in the network</translation>
    </message>
    <message>
        <source>the SYN+ACK is lost</source>
        <translation>the SYN+ACK is lost</translation>
    </message>
    <message>
        <source>the final ACK is lost</source>
        <translation>the final ACK is lost</translation>
    </message>
    <message>
        <source>the last ACK is lost</source>
        <translation>the last ACK is lost</translation>
    </message>
    <message>
        <source>the link is cut</source>
        <translation>the link is cut</translation>
    </message>
    <message>
        <source>the network loses every SYN</source>
        <translation>the network loses every SYN</translation>
    </message>
    <message>
        <source>the new SYN takes longer</source>
        <translation>the new SYN takes longer</translation>
    </message>
    <message>
        <source>not modelled by the hypothetical two-way handshake</source>
        <translation>not modelled by the hypothetical two-way handshake</translation>
    </message>
    <message>
        <source>a listening two-way server waits for a SYN</source>
        <translation>a listening two-way server waits for a SYN</translation>
    </message>
    <message>
        <source>not an answer to this SYN; a two-way client has no message to refuse it with</source>
        <translation>not an answer to this SYN; a two-way client has no message to refuse it with</translation>
    </message>
    <message>
        <source>already ESTABLISHED: a further SYN is ignored</source>
        <translation>already ESTABLISHED: a further SYN is ignored</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>no connection</translation>
    </message>
</context>
<context>
    <name>ExportCommandLine</name>
    <message>
        <source>Run the session to its end, write it to &lt;file&gt; and exit. The extension picks the format: .png .svg .pdf (the diagram), .jsonl .json .pcap (the trace), .mmd (Mermaid), .puml (PlantUML).</source>
        <translation>Run the session to its end, write it to &lt;file&gt; and exit. The extension picks the format: .png .svg .pdf (the diagram), .jsonl .json .pcap (the trace), .mmd (Mermaid), .puml (PlantUML).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>cannot export %1: unknown extension (use one of %2)</source>
        <translation>cannot export %1: unknown extension (use one of %2)</translation>
    </message>
    <message>
        <source>Colours of an exported picture: print (light, for paper; the default) or screen (the theme of this run, see --theme).</source>
        <translation>Colours of an exported picture: print (light, for paper; the default) or screen (the theme of this run, see --theme).</translation>
    </message>
</context>
<context>
    <name>ExportWriter</name>
    <message>
        <source>Cannot export %1: %2</source>
        <translation>Cannot export %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>TCP sequence diagram</source>
        <translation>TCP sequence diagram</translation>
    </message>
    <message>
        <source>the picture could not be encoded</source>
        <translation>the picture could not be encoded</translation>
    </message>
    <message>
        <source>the SVG could not be drawn</source>
        <translation>the SVG could not be drawn</translation>
    </message>
    <message>
        <source>the PDF could not be drawn</source>
        <translation>the PDF could not be drawn</translation>
    </message>
</context>
<context>
    <name>Narrator</name>
    <message>
        <source>The client</source>
        <translation>The client</translation>
    </message>
    <message>
        <source>The server</source>
        <translation>The server</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The %1 from %2 is lost on the way (%3): it never arrives.</source>
        <translation>The %1 from %2 is lost on the way (%3): it never arrives.</translation>
    </message>
    <message>
        <source>%1 ignores the segment it received: %2.</source>
        <translation>%1 ignores the segment it received: %2.</translation>
    </message>
    <message>
        <source>%1 calls %2, which is refused: %3.</source>
        <translation>%1 calls %2, which is refused: %3.</translation>
    </message>
    <message numerus="yes">
        <source>%1&apos;s application reads %n byte(s).</source>
        <translation>
            <numerusform>%1&apos;s application reads %n byte.</numerusform>
            <numerusform>%1&apos;s application reads %n bytes.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 reports an error to its application: %2.</source>
        <translation>%1 reports an error to its application: %2.</translation>
    </message>
    <message>
        <source>%1 sends a keep-alive probe: an empty ACK with seq = %2, one below what the peer expects, so the peer must answer with an ACK.</source>
        <translation>%1 sends a keep-alive probe: an empty ACK with seq = %2, one below what the peer expects, so the peer must answer with an ACK.</translation>
    </message>
    <message>
        <source>%1 sends RST (seq = %2): the connection is reset, nothing more is exchanged on it.</source>
        <translation>%1 sends RST (seq = %2): the connection is reset, nothing more is exchanged on it.</translation>
    </message>
    <message>
        <source>%1 answers SYN+ACK: seq = %2 is its own initial sequence number, ack = %3 is the peer&apos;s ISN + 1 (a SYN takes up one sequence number).</source>
        <translation>%1 answers SYN+ACK: seq = %2 is its own initial sequence number, ack = %3 is the peer&apos;s ISN + 1 (a SYN takes up one sequence number).</translation>
    </message>
    <message>
        <source>%1 sends SYN with seq = %2, its initial sequence number (ISN). A SYN carries no data.</source>
        <translation>%1 sends SYN with seq = %2, its initial sequence number (ISN). A SYN carries no data.</translation>
    </message>
    <message>
        <source>%1 sends FIN (seq = %2, ack = %3): it has no more data to send, but it can still receive (a half-close).</source>
        <translation>%1 sends FIN (seq = %2, ack = %3): it has no more data to send, but it can still receive (a half-close).</translation>
    </message>
    <message numerus="yes">
        <source>%1 sends its last %n byte(s) together with FIN (seq = %2, ack = %3).</source>
        <translation>
            <numerusform>%1 sends its last %n byte together with FIN (seq = %2, ack = %3).</numerusform>
            <numerusform>%1 sends its last %n bytes together with FIN (seq = %2, ack = %3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 sends %n byte(s) of data: seq = %2 numbers the first byte, ack = %3 acknowledges what it has received.</source>
        <translation>
            <numerusform>%1 sends %n byte of data: seq = %2 numbers the first byte, ack = %3 acknowledges what it has received.</numerusform>
            <numerusform>%1 sends %n bytes of data: seq = %2 numbers the first byte, ack = %3 acknowledges what it has received.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sends ACK with ack = %2: it has received every byte before %2 and expects %2 next.</source>
        <translation>%1 sends ACK with ack = %2: it has received every byte before %2 and expects %2 next.</translation>
    </message>
    <message>
        <source>Retransmission: %1</source>
        <translation>Retransmission: %1</translation>
    </message>
    <message>
        <source>%1 restarts its retransmission timer with a doubled RTO of %2 (attempt %3).</source>
        <translation>%1 restarts its retransmission timer with a doubled RTO of %2 (attempt %3).</translation>
    </message>
    <message>
        <source>%1 waits 2·MSL = %2 in TIME_WAIT: long enough for its last ACK to be resent if it is lost, and for old segments of this connection to die out.</source>
        <translation>%1 waits 2·MSL = %2 in TIME_WAIT: long enough for its last ACK to be resent if it is lost, and for old segments of this connection to die out.</translation>
    </message>
    <message>
        <source>%1 arms its keep-alive timer: %2 of silence before it probes the peer.</source>
        <translation>%1 arms its keep-alive timer: %2 of silence before it probes the peer.</translation>
    </message>
    <message>
        <source>%1&apos;s retransmission timer expires: no ACK came in time, so it sends the oldest unacknowledged segment again.</source>
        <translation>%1&apos;s retransmission timer expires: no ACK came in time, so it sends the oldest unacknowledged segment again.</translation>
    </message>
    <message>
        <source>2·MSL has passed: %1 leaves TIME_WAIT.</source>
        <translation>2·MSL has passed: %1 leaves TIME_WAIT.</translation>
    </message>
    <message>
        <source>%1 has heard nothing for the keep-alive interval.</source>
        <translation>%1 has heard nothing for the keep-alive interval.</translation>
    </message>
    <message>
        <source>%1 calls LISTEN (a passive open) and enters %2: it waits for a SYN.</source>
        <translation>%1 calls LISTEN (a passive open) and enters %2: it waits for a SYN.</translation>
    </message>
    <message>
        <source>%1 calls CONNECT (an active open): it sends SYN and enters %2.</source>
        <translation>%1 calls CONNECT (an active open): it sends SYN and enters %2.</translation>
    </message>
    <message>
        <source>%1 sends data while listening: it must first open the connection, so it sends SYN and enters %2.</source>
        <translation>%1 sends data while listening: it must first open the connection, so it sends SYN and enters %2.</translation>
    </message>
    <message>
        <source>%1 has finished sending too: it calls CLOSE, sends its FIN and enters %2, waiting for the ACK of that FIN.</source>
        <translation>%1 has finished sending too: it calls CLOSE, sends its FIN and enters %2, waiting for the ACK of that FIN.</translation>
    </message>
    <message>
        <source>%1 calls CLOSE: it sends FIN and enters %2. It will send no more data, but it can still receive.</source>
        <translation>%1 calls CLOSE: it sends FIN and enters %2. It will send no more data, but it can still receive.</translation>
    </message>
    <message>
        <source>%1 calls CLOSE before the connection exists: it simply enters %2.</source>
        <translation>%1 calls CLOSE before the connection exists: it simply enters %2.</translation>
    </message>
    <message>
        <source>%1 aborts the connection: it sends RST if it was synchronized and enters %2 at once.</source>
        <translation>%1 aborts the connection: it sends RST if it was synchronized and enters %2 at once.</translation>
    </message>
    <message>
        <source>%1 got a SYN while its own SYN is still unanswered: a simultaneous open. It answers SYN+ACK (ack = %2) and enters %3.</source>
        <translation>%1 got a SYN while its own SYN is still unanswered: a simultaneous open. It answers SYN+ACK (ack = %2) and enters %3.</translation>
    </message>
    <message>
        <source>%1 got a SYN, answers SYN+ACK (ack = %2) and enters %3.</source>
        <translation>%1 got a SYN, answers SYN+ACK (ack = %2) and enters %3.</translation>
    </message>
    <message>
        <source>%1 got SYN+ACK acknowledging its SYN: it answers ACK (ack = %2) and enters %3.</source>
        <translation>%1 got SYN+ACK acknowledging its SYN: it answers ACK (ack = %2) and enters %3.</translation>
    </message>
    <message>
        <source>%1 got the ACK of its SYN: the three-way handshake is complete, it enters %2.</source>
        <translation>%1 got the ACK of its SYN: the three-way handshake is complete, it enters %2.</translation>
    </message>
    <message>
        <source>%1 got the peer&apos;s FIN before the ACK of its own: both sides are closing at once. It ACKs the FIN and enters %2.</source>
        <translation>%1 got the peer&apos;s FIN before the ACK of its own: both sides are closing at once. It ACKs the FIN and enters %2.</translation>
    </message>
    <message>
        <source>%1 got the peer&apos;s FIN: it ACKs it (ack = %2) and enters %3, in case that ACK is lost and the FIN comes again.</source>
        <translation>%1 got the peer&apos;s FIN: it ACKs it (ack = %2) and enters %3, in case that ACK is lost and the FIN comes again.</translation>
    </message>
    <message>
        <source>%1 got FIN: the peer will send no more. It ACKs it (ack = %2) and enters %3; it may still send data of its own (a half-close).</source>
        <translation>%1 got FIN: the peer will send no more. It ACKs it (ack = %2) and enters %3; it may still send data of its own (a half-close).</translation>
    </message>
    <message>
        <source>%1&apos;s FIN is acknowledged: it enters %2 and waits for the peer&apos;s FIN.</source>
        <translation>%1&apos;s FIN is acknowledged: it enters %2 and waits for the peer&apos;s FIN.</translation>
    </message>
    <message>
        <source>%1&apos;s FIN is acknowledged: it enters %2.</source>
        <translation>%1&apos;s FIN is acknowledged: it enters %2.</translation>
    </message>
    <message>
        <source>%1&apos;s FIN is acknowledged: the connection is closed (%2).</source>
        <translation>%1&apos;s FIN is acknowledged: the connection is closed (%2).</translation>
    </message>
    <message>
        <source>%1 got the peer&apos;s FIN together with the ACK of its own FIN: it ACKs it and goes straight to %2.</source>
        <translation>%1 got the peer&apos;s FIN together with the ACK of its own FIN: it ACKs it and goes straight to %2.</translation>
    </message>
    <message>
        <source>%1 got RST: the connection attempt was not wanted (an old duplicate SYN), so it goes back to %2.</source>
        <translation>%1 got RST: the connection attempt was not wanted (an old duplicate SYN), so it goes back to %2.</translation>
    </message>
    <message>
        <source>%1 got RST in answer to its SYN: connection refused, nobody listens on that port. It enters %2.</source>
        <translation>%1 got RST in answer to its SYN: connection refused, nobody listens on that port. It enters %2.</translation>
    </message>
    <message>
        <source>%1 got an acceptable RST: the connection is reset, it enters %2.</source>
        <translation>%1 got an acceptable RST: the connection is reset, it enters %2.</translation>
    </message>
    <message>
        <source>%1&apos;s TIME_WAIT timer (2·MSL) expires: the connection is finally %2.</source>
        <translation>%1&apos;s TIME_WAIT timer (2·MSL) expires: the connection is finally %2.</translation>
    </message>
    <message>
        <source>%1 has retransmitted too often without an answer: it gives up, reports a timeout and enters %2.</source>
        <translation>%1 has retransmitted too often without an answer: it gives up, reports a timeout and enters %2.</translation>
    </message>
    <message>
        <source>%1&apos;s keep-alive probes went unanswered: it declares the peer dead and enters %2.</source>
        <translation>%1&apos;s keep-alive probes went unanswered: it declares the peer dead and enters %2.</translation>
    </message>
    <message>
        <source>%1 holds its ACK for up to %2, so that data or its own FIN can carry it.</source>
        <translation>%1 holds its ACK for up to %2, so that data or its own FIN can carry it.</translation>
    </message>
    <message>
        <source>%1&apos;s delayed-ACK timer expires: nothing came to carry the ACK, so it goes alone.</source>
        <translation>%1&apos;s delayed-ACK timer expires: nothing came to carry the ACK, so it goes alone.</translation>
    </message>
</context>
<context>
    <name>SequenceTimerPainter</name>
    <message>
        <source>RTO %1 (#%2)</source>
        <translation>RTO %1 (#%2)</translation>
    </message>
    <message>
        <source>RTO %1</source>
        <translation>RTO %1</translation>
    </message>
    <message>
        <source>2·MSL %1</source>
        <translation>2·MSL %1</translation>
    </message>
    <message>
        <source>keep-alive %1 (probe %2)</source>
        <translation>keep-alive %1 (probe %2)</translation>
    </message>
    <message>
        <source>keep-alive %1</source>
        <translation>keep-alive %1</translation>
    </message>
    <message>
        <source>delayed ACK %1</source>
        <translation>delayed ACK %1</translation>
    </message>
</context>
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
    <message>
        <source>With --screenshot: lose segment &lt;N&gt; half-way on the wire, as a click on it would.</source>
        <translation>With --screenshot: lose segment &lt;N&gt; half-way on the wire, as a click on it would.</translation>
    </message>
    <message>
        <source>With --screenshot: select segment &lt;N&gt;, as a click on it would.</source>
        <translation>With --screenshot: select segment &lt;N&gt;, as a click on it would.</translation>
    </message>
    <message>
        <source>Show sequence numbers relative to each side&apos;s ISN.</source>
        <translation>Show sequence numbers relative to each side&apos;s ISN.</translation>
    </message>
    <message>
        <source>Open the glossary of TCP terms (English and Chinese) at start.</source>
        <translation>Open the glossary of TCP terms (English and Chinese) at start.</translation>
    </message>
    <message>
        <source>segment %1 is never on the wire</source>
        <translation>segment %1 is never on the wire</translation>
    </message>
    <message>
        <source>Open the built-in lesson &lt;id&gt; (e.g. handshake, close).</source>
        <translation>Open the built-in lesson &lt;id&gt; (e.g. handshake, close).</translation>
    </message>
    <message>
        <source>no built-in lesson &apos;%1&apos;</source>
        <translation>no built-in lesson &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Colours for this run: system, light, dark or contrast (default: the theme last chosen, else the system&apos;s).</source>
        <translation>Colours for this run: system, light, dark or contrast (default: the theme last chosen, else the system&apos;s).</translation>
    </message>
    <message>
        <source>Open a pcap or pcapng capture and step through its first TCP connection (or the one picked in the dialog).</source>
        <translation>Open a pcap or pcapng capture and step through its first TCP connection (or the one picked in the dialog).</translation>
    </message>
    <message>
        <source>Open the kernel TCP lab; with --screenshot, play the default session&apos;s calls on 127.0.0.1 and save a PNG of the lab.</source>
        <translation>Open the kernel TCP lab; with --screenshot, play the default session&apos;s calls on 127.0.0.1 and save a PNG of the lab.</translation>
    </message>
    <message>
        <source>Run the scenario simulated, or over real UDP sockets on 127.0.0.1 (loopback; with --screenshot, --at-us is wall-clock time).</source>
        <translation>Run the scenario simulated, or over real UDP sockets on 127.0.0.1 (loopback; with --screenshot, --at-us is wall-clock time).</translation>
    </message>
    <message>
        <source>unknown theme &apos;%1&apos; (use system, light, dark or contrast)</source>
        <translation>unknown theme &apos;%1&apos; (use system, light, dark or contrast)</translation>
    </message>
    <message>
        <source>unknown mode &apos;%1&apos; (use simulated or loopback)</source>
        <translation>unknown mode &apos;%1&apos; (use simulated or loopback)</translation>
    </message>
    <message>
        <source>unknown export theme &apos;%1&apos; (use print or screen)</source>
        <translation>unknown export theme &apos;%1&apos; (use print or screen)</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::AboutDialog</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About tcplab</source>
        <translation>&amp;About tcplab</translation>
    </message>
    <message>
        <source>About tcplab</source>
        <translation>About tcplab</translation>
    </message>
    <message>
        <source>(version unknown)</source>
        <translation>(version unknown)</translation>
    </message>
    <message>
        <source>A teaching lab for TCP connection management: the three-way handshake, the close, retransmission timers and every RFC 9293 state, drawn as sequence and state diagrams and stepped through one segment at a time.</source>
        <translation>A teaching lab for TCP connection management: the three-way handshake, the close, retransmission timers and every RFC 9293 state, drawn as sequence and state diagrams and stepped through one segment at a time.</translation>
    </message>
    <message>
        <source>Licence: GNU General Public License, version 3 or later. This program comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>Licence: GNU General Public License, version 3 or later. This program comes with ABSOLUTELY NO WARRANTY.</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Built with Qt %1, running on Qt %2.</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::CaptureDialog</name>
    <message>
        <source>Open capture: %1</source>
        <translation>Open capture: %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Packets (client + server)</source>
        <translation>Packets (client + server)</translation>
    </message>
    <message>
        <source>Payload bytes (client + server)</source>
        <translation>Payload bytes (client + server)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Sent the first SYN</source>
        <translation>Sent the first SYN</translation>
    </message>
    <message>
        <source>No SYN in the capture: the first sender is taken as the client</source>
        <translation>No SYN in the capture: the first sender is taken as the client</translation>
    </message>
    <message>
        <source>Draw at the capture&apos;s times (otherwise one step per segment, as Wireshark&apos;s flow graph)</source>
        <translation>Draw at the capture&apos;s times (otherwise one step per segment, as Wireshark&apos;s flow graph)</translation>
    </message>
    <message>
        <source>Captured on one machine, a segment&apos;s flight time is unknown: on the capture&apos;s clock the arrows are flat.</source>
        <translation>Captured on one machine, a segment&apos;s flight time is unknown: on the capture&apos;s clock the arrows are flat.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n packets, %2 TCP connections, %3 other packets. Pick the connection to step through.</source>
        <translation>
            <numerusform>%1: %n packet, %2 TCP connections, %3 other packets. Pick the connection to step through.</numerusform>
            <numerusform>%1: %n packets, %2 TCP connections, %3 other packets. Pick the connection to step through.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tcplab::ui::CaptureFile</name>
    <message>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 cannot be opened: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: link type %2 is not one tcplab reads (Ethernet, raw IP, Linux cooked)</source>
        <translation>%1: link type %2 is not one tcplab reads (Ethernet, raw IP, Linux cooked)</translation>
    </message>
    <message numerus="yes">
        <source>%1 is damaged or truncated. What could be read is shown: %n packets.</source>
        <translation>
            <numerusform>%1 is damaged or truncated. What could be read is shown: %n packet.</numerusform>
            <numerusform>%1 is damaged or truncated. What could be read is shown: %n packets.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be read as a capture.</source>
        <translation>%1 cannot be read as a capture.</translation>
    </message>
    <message>
        <source>%1: states are not reconstructed: %2</source>
        <translation>%1: states are not reconstructed: %2</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::CaptureSegmentList</name>
    <message>
        <source>retransmission</source>
        <translation>retransmission</translation>
    </message>
    <message numerus="yes">
        <source>gap: %n bytes before it are not in the capture</source>
        <translation>
            <numerusform>gap: %n byte before it are not in the capture</numerusform>
            <numerusform>gap: %n bytes before it are not in the capture</numerusform>
        </translation>
    </message>
    <message>
        <source>not what the core would send</source>
        <translation>not what the core would send</translation>
    </message>
    <message>
        <source>before the first SYN: not replayed</source>
        <translation>before the first SYN: not replayed</translation>
    </message>
    <message>
        <source>No capture is open (File ▸ Open capture…).</source>
        <translation>No capture is open (File ▸ Open capture…).</translation>
    </message>
    <message numerus="yes">
        <source>%1, connection %2 (%3): %n segments</source>
        <translation>
            <numerusform>%1, connection %2 (%3): %n segment</numerusform>
            <numerusform>%1, connection %2 (%3): %n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retransmissions</source>
        <translation>
            <numerusform>%n retransmission</numerusform>
            <numerusform>%n retransmissions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gaps</source>
        <translation>
            <numerusform>%n gap</numerusform>
            <numerusform>%n gaps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not as the core would send</source>
        <translation>
            <numerusform>%n not as the core would send</numerusform>
            <numerusform>%n not as the core would send</numerusform>
        </translation>
    </message>
    <message>
        <source>at the end: client %1, server %2</source>
        <translation>at the end: client %1, server %2</translation>
    </message>
    <message>
        <source>The diagram draws one step per segment (its time axis counts steps); the list gives the captured times.</source>
        <translation>The diagram draws one step per segment (its time axis counts steps); the list gives the captured times.</translation>
    </message>
    <message>
        <source>The diagram uses the capture&apos;s clock: one machine&apos;s capture cannot show a segment&apos;s flight, so the arrows are flat.</source>
        <translation>The diagram uses the capture&apos;s clock: one machine&apos;s capture cannot show a segment&apos;s flight, so the arrows are flat.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Time (s)</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Seq</translation>
    </message>
    <message>
        <source>Ack</source>
        <translation>Ack</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Len</source>
        <translation>Len</translation>
    </message>
    <message>
        <source>Client state</source>
        <translation>Client state</translation>
    </message>
    <message>
        <source>Server state</source>
        <translation>Server state</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>client → server</source>
        <translation>client → server</translation>
    </message>
    <message>
        <source>server → client</source>
        <translation>server → client</translation>
    </message>
    <message>
        <source>bad TCP checksum %1 (expected %2)</source>
        <translation>bad TCP checksum %1 (expected %2)</translation>
    </message>
    <message>
        <source>checksum unverified (offloaded): the sending host left it to the network card, so the capture holds only the pseudo-header sum %1</source>
        <translation>checksum unverified (offloaded): the sending host left it to the network card, so the capture holds only the pseudo-header sum %1</translation>
    </message>
    <message numerus="yes">
        <source>checksum unverified: the snaplen cut the packet (%1 of %n payload bytes captured)</source>
        <translation>
            <numerusform>checksum unverified: the snaplen cut the packet (%1 of %n payload byte captured)</numerusform>
            <numerusform>checksum unverified: the snaplen cut the packet (%1 of %n payload bytes captured)</numerusform>
        </translation>
    </message>
    <message>
        <source>Both ends negotiated window scaling (RFC 7323): client windows count in units of %1 bytes, server windows in units of %2, and the core&apos;s two ends negotiated the same. The Window column shows the value on the wire.</source>
        <translation>Both ends negotiated window scaling (RFC 7323): client windows count in units of %1 bytes, server windows in units of %2, and the core&apos;s two ends negotiated the same. The Window column shows the value on the wire.</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::CaptureUi</name>
    <message>
        <source>Open capture</source>
        <translation>Open capture</translation>
    </message>
    <message>
        <source>Captures (*.pcap *.pcapng *.cap *.dmp);;All files (*)</source>
        <translation>Captures (*.pcap *.pcapng *.cap *.dmp);;All files (*)</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds no TCP connection (%n packets read).</source>
        <translation>
            <numerusform>%1 holds no TCP connection (%n packet read).</numerusform>
            <numerusform>%1 holds no TCP connection (%n packets read).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no connection %2.</source>
        <translation>%1 has no connection %2.</translation>
    </message>
    <message>
        <source>&amp;Open capture…</source>
        <translation>&amp;Open capture…</translation>
    </message>
    <message>
        <source>Open a pcap or pcapng capture (Wireshark, tcpdump) and step through one of its TCP connections (%1)</source>
        <translation>Open a pcap or pcapng capture (Wireshark, tcpdump) and step through one of its TCP connections (%1)</translation>
    </message>
    <message>
        <source>Recent &amp;captures</source>
        <translation>Recent &amp;captures</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::ContrastView</name>
    <message>
        <source>Hypothetical two-way handshake (not TCP)</source>
        <translation>Hypothetical two-way handshake (not TCP)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>For comparison</source>
        <translation>For comparison</translation>
    </message>
    <message>
        <source>Hypothetical: not TCP as RFC 9293 specifies it</source>
        <translation>Hypothetical: not TCP as RFC 9293 specifies it</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::ControlsPanel</name>
    <message>
        <source>Hands-on controls</source>
        <translation>Hands-on controls</translation>
    </message>
    <message>
        <source>Data to send from %1</source>
        <translation>Data to send from %1</translation>
    </message>
    <message>
        <source>The bytes SEND hands to TCP</source>
        <translation>The bytes SEND hands to TCP</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Passive open: wait for a peer&apos;s SYN (RFC 9293 §3.10.1)</source>
        <translation>Passive open: wait for a peer&apos;s SYN (RFC 9293 §3.10.1)</translation>
    </message>
    <message>
        <source>Active open: send SYN to the peer and start the three-way handshake (RFC 9293 §3.10.1)</source>
        <translation>Active open: send SYN to the peer and start the three-way handshake (RFC 9293 §3.10.1)</translation>
    </message>
    <message>
        <source>Hand the data to TCP; it goes out once the connection is established (RFC 9293 §3.10.2)</source>
        <translation>Hand the data to TCP; it goes out once the connection is established (RFC 9293 §3.10.2)</translation>
    </message>
    <message>
        <source>No more data from this side: send FIN once the queued data is out, a half-close (RFC 9293 §3.10.4)</source>
        <translation>No more data from this side: send FIN once the queued data is out, a half-close (RFC 9293 §3.10.4)</translation>
    </message>
    <message>
        <source>Drop the connection at once and tell the peer with RST (RFC 9293 §3.10.5)</source>
        <translation>Drop the connection at once and tell the peer with RST (RFC 9293 §3.10.5)</translation>
    </message>
    <message>
        <source>%1 needs a connection that is open or opening and not yet closed by this side; the state is %2</source>
        <translation>%1 needs a connection that is open or opening and not yet closed by this side; the state is %2</translation>
    </message>
    <message>
        <source>%1 is already under way in %2</source>
        <translation>%1 is already under way in %2</translation>
    </message>
    <message>
        <source>%1 needs %2; the state is %3</source>
        <translation>%1 needs %2; the state is %3</translation>
    </message>
    <message>
        <source> or </source>
        <translation> or </translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>State: %1</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 called %2.</source>
        <translation>%1 called %2.</translation>
    </message>
    <message>
        <source>%1 called %2, refused: %3.</source>
        <translation>%1 called %2, refused: %3.</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::DesktopIntegration</name>
    <message>
        <source>Start in presentation mode: full screen, high contrast, larger text.</source>
        <translation>Start in presentation mode: full screen, high contrast, larger text.</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::ExportMenu</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Diagram as &amp;PNG…</source>
        <translation>Diagram as &amp;PNG…</translation>
    </message>
    <message>
        <source>Diagram as &amp;SVG…</source>
        <translation>Diagram as &amp;SVG…</translation>
    </message>
    <message>
        <source>Diagram as P&amp;DF…</source>
        <translation>Diagram as P&amp;DF…</translation>
    </message>
    <message>
        <source>Pictures show only the &amp;visible part</source>
        <translation>Pictures show only the &amp;visible part</translation>
    </message>
    <message>
        <source>Trace as &amp;JSON lines…</source>
        <translation>Trace as &amp;JSON lines…</translation>
    </message>
    <message>
        <source>Trace as p&amp;cap (Wireshark)…</source>
        <translation>Trace as p&amp;cap (Wireshark)…</translation>
    </message>
    <message>
        <source>Sequence as &amp;Mermaid…</source>
        <translation>Sequence as &amp;Mermaid…</translation>
    </message>
    <message>
        <source>Sequence as Plant&amp;UML…</source>
        <translation>Sequence as Plant&amp;UML…</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG pictures (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG drawings (*.svg)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.json)</source>
        <translation>JSON lines (*.jsonl *.json)</translation>
    </message>
    <message>
        <source>pcap captures (*.pcap)</source>
        <translation>pcap captures (*.pcap)</translation>
    </message>
    <message>
        <source>Mermaid diagrams (*.mmd)</source>
        <translation>Mermaid diagrams (*.mmd)</translation>
    </message>
    <message>
        <source>PlantUML diagrams (*.puml)</source>
        <translation>PlantUML diagrams (*.puml)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Pictures keep the &amp;theme&apos;s colours (otherwise light, for printing)</source>
        <translation>Pictures keep the &amp;theme&apos;s colours (otherwise light, for printing)</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::GlossaryPanel</name>
    <message>
        <source>Glossary</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <source>Filter terms (e.g. TIME_WAIT, window, half-close)</source>
        <translation>Filter terms (e.g. TIME_WAIT, window, half-close)</translation>
    </message>
    <message>
        <source>Filter terms</source>
        <translation>Filter terms</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>&amp;Glossary</source>
        <translation>&amp;Glossary</translation>
    </message>
    <message>
        <source>Terms of TCP connection management in English and Chinese (F1, Ctrl+G)</source>
        <translation>Terms of TCP connection management in English and Chinese (F1, Ctrl+G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::HexView</name>
    <message>
        <source>Segment bytes</source>
        <translation>Segment bytes</translation>
    </message>
    <message>
        <source>The segment&apos;s wire bytes in hexadecimal, 16 a row, with an ASCII column</source>
        <translation>The segment&apos;s wire bytes in hexadecimal, 16 a row, with an ASCII column</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::HttpChart</name>
    <message>
        <source>HTTP/1.0 (a connection per object)</source>
        <translation>HTTP/1.0 (a connection per object)</translation>
    </message>
    <message>
        <source>HTTP/1.1 persistent</source>
        <translation>HTTP/1.1 persistent</translation>
    </message>
    <message>
        <source>HTTP/1.1 pipelined</source>
        <translation>HTTP/1.1 pipelined</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Objects on the page (N)</source>
        <translation>Objects on the page (N)</translation>
    </message>
    <message>
        <source>Total time (ms)</source>
        <translation>Total time (ms)</translation>
    </message>
    <message>
        <source>Counters for N =</source>
        <translation>Counters for N =</translation>
    </message>
    <message>
        <source>Objects on the page</source>
        <translation>Objects on the page</translation>
    </message>
    <message>
        <source>Round trips</source>
        <translation>Round trips</translation>
    </message>
    <message>
        <source>Connections opened</source>
        <translation>Connections opened</translation>
    </message>
    <message>
        <source>TIME_WAIT sockets left</source>
        <translation>TIME_WAIT sockets left</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>Total time</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::KernelDifferenceText</name>
    <message>
        <source>the client&apos;s %1</source>
        <translation>the client&apos;s %1</translation>
    </message>
    <message>
        <source>the server&apos;s %1</source>
        <translation>the server&apos;s %1</translation>
    </message>
    <message>
        <source>No segments were captured, so only the states are compared.</source>
        <translation>No segments were captured, so only the states are compared.</translation>
    </message>
    <message>
        <source>MSS: the kernel offers %1 (the loopback MTU of 65536 minus 40 bytes of headers); the core offers %2, its Linux profile&apos;s default (RFC 9293 §3.7.1).</source>
        <translation>MSS: the kernel offers %1 (the loopback MTU of 65536 minus 40 bytes of headers); the core offers %2, its Linux profile&apos;s default (RFC 9293 §3.7.1).</translation>
    </message>
    <message>
        <source>ISN: the kernel chose %1 from a keyed hash and a clock (RFC 6528); the core chose %2 from its clock and seed. Both are valid: only their unpredictability matters.</source>
        <translation>ISN: the kernel chose %1 from a keyed hash and a clock (RFC 6528); the core chose %2 from its clock and seed. Both are valid: only their unpredictability matters.</translation>
    </message>
    <message>
        <source>Delayed ACK: %1 left %2 ms after the data it acknowledges; the core acknowledges at once. RFC 9293 §3.8.6.3 lets a receiver wait up to 0.5 s in the hope of sending data with it.</source>
        <translation>Delayed ACK: %1 left %2 ms after the data it acknowledges; the core acknowledges at once. RFC 9293 §3.8.6.3 lets a receiver wait up to 0.5 s in the hope of sending data with it.</translation>
    </message>
    <message>
        <source>PSH: %1 differs from the core&apos;s in the PSH flag, which the sender sets as it sees fit.</source>
        <translation>PSH: %1 differs from the core&apos;s in the PSH flag, which the sender sets as it sees fit.</translation>
    </message>
    <message>
        <source>Only the kernel sent %1: its FIN rode on the last data, while the core sends the FIN in a segment of its own.</source>
        <translation>Only the kernel sent %1: its FIN rode on the last data, while the core sends the FIN in a segment of its own.</translation>
    </message>
    <message>
        <source>Only the kernel sent %1: a retransmission.</source>
        <translation>Only the kernel sent %1: a retransmission.</translation>
    </message>
    <message>
        <source>Only the kernel sent %1.</source>
        <translation>Only the kernel sent %1.</translation>
    </message>
    <message>
        <source>Only the core sent %1: the kernel acknowledged later together with other data (delayed ACK, RFC 9293 §3.8.6.3).</source>
        <translation>Only the core sent %1: the kernel acknowledged later together with other data (delayed ACK, RFC 9293 §3.8.6.3).</translation>
    </message>
    <message>
        <source>Only the core sent %1.</source>
        <translation>Only the core sent %1.</translation>
    </message>
    <message>
        <source>Client states: the kernel went %1; the core %2.</source>
        <translation>Client states: the kernel went %1; the core %2.</translation>
    </message>
    <message>
        <source>Server states: the kernel went %1; the core %2.</source>
        <translation>Server states: the kernel went %1; the core %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n of the kernel&apos;s states were too brief to poll and are inferred from the captured segments (on loopback a handshake or a close completes inside one system call).</source>
        <translation>
            <numerusform>%n of the kernel&apos;s state was too brief to poll and is inferred from the captured segments (on loopback a handshake or a close completes inside one system call).</numerusform>
            <numerusform>%n of the kernel&apos;s states were too brief to poll and are inferred from the captured segments (on loopback a handshake or a close completes inside one system call).</numerusform>
        </translation>
    </message>
    <message>
        <source>Options: the kernel&apos;s SYN carries %1; the core&apos;s Linux profile sends MSS (RFC 9293 §3.7.1) and window scale (RFC 7323 §2). SACK (RFC 2018) and timestamps (RFC 7323 §3) are extensions the core does not model.</source>
        <translation>Options: the kernel&apos;s SYN carries %1; the core&apos;s Linux profile sends MSS (RFC 9293 §3.7.1) and window scale (RFC 7323 §2). SACK (RFC 2018) and timestamps (RFC 7323 §3) are extensions the core does not model.</translation>
    </message>
    <message>
        <source>Window: after the handshake the kernel writes %1 in the window field and the core %2. Each is multiplied by its sender&apos;s window scale (RFC 7323 §2.3) to give the bytes that side may still receive.</source>
        <translation>Window: after the handshake the kernel writes %1 in the window field and the core %2. Each is multiplied by its sender&apos;s window scale (RFC 7323 §2.3) to give the bytes that side may still receive.</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::KernelLab</name>
    <message>
        <source>MSS %1 sent / %2 received</source>
        <translation>MSS %1 sent / %2 received</translation>
    </message>
    <message>
        <source>window scale %1 / %2</source>
        <translation>window scale %1 / %2</translation>
    </message>
    <message>
        <source>no window scaling</source>
        <translation>no window scaling</translation>
    </message>
    <message>
        <source>SACK</source>
        <translation>SACK</translation>
    </message>
    <message>
        <source>no SACK</source>
        <translation>no SACK</translation>
    </message>
    <message>
        <source>timestamps</source>
        <translation>timestamps</translation>
    </message>
    <message>
        <source>no timestamps</source>
        <translation>no timestamps</translation>
    </message>
    <message numerus="yes">
        <source>%n retransmissions</source>
        <translation>
            <numerusform>%n retransmission</numerusform>
            <numerusform>%n retransmissions</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Kernel TCP lab…</source>
        <translation>&amp;Kernel TCP lab…</translation>
    </message>
    <message>
        <source>Drive the operating system&apos;s own TCP on 127.0.0.1 and compare it with the core&apos;s prediction (%1)</source>
        <translation>Drive the operating system&apos;s own TCP on 127.0.0.1 and compare it with the core&apos;s prediction (%1)</translation>
    </message>
    <message>
        <source>Kernel TCP lab — the operating system&apos;s TCP on 127.0.0.1</source>
        <translation>Kernel TCP lab — the operating system&apos;s TCP on 127.0.0.1</translation>
    </message>
    <message>
        <source>These buttons call the operating system&apos;s own TCP (socket, listen, connect, send, shutdown, close) on 127.0.0.1. Left: what the kernel did. Right: what tcplab&apos;s core predicts for the same calls (Linux profile). Below: where they differ, and why.</source>
        <translation>These buttons call the operating system&apos;s own TCP (socket, listen, connect, send, shutdown, close) on 127.0.0.1. Left: what the kernel did. Right: what tcplab&apos;s core predicts for the same calls (Linux profile). Below: where they differ, and why.</translation>
    </message>
    <message>
        <source>Server socket</source>
        <translation>Server socket</translation>
    </message>
    <message>
        <source>Client socket</source>
        <translation>Client socket</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>send() the text below on this socket</source>
        <translation>send() the text below on this socket</translation>
    </message>
    <message>
        <source>Shut down</source>
        <translation>Shut down</translation>
    </message>
    <message>
        <source>shutdown(SHUT_WR): send a FIN and keep reading (a half-close)</source>
        <translation>shutdown(SHUT_WR): send a FIN and keep reading (a half-close)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>close() the accepted socket and the listening one</source>
        <translation>close() the accepted socket and the listening one</translation>
    </message>
    <message>
        <source>close() the socket</source>
        <translation>close() the socket</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>socket, bind to 127.0.0.1 and listen(); connections are accepted as they come</source>
        <translation>socket, bind to 127.0.0.1 and listen(); connections are accepted as they come</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>socket and a non-blocking connect() to the server&apos;s port</source>
        <translation>socket and a non-blocking connect() to the server&apos;s port</translation>
    </message>
    <message>
        <source>Data to send:</source>
        <translation>Data to send:</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Start again</translation>
    </message>
    <message>
        <source>Close both sockets and forget what was recorded</source>
        <translation>Close both sockets and forget what was recorded</translation>
    </message>
    <message>
        <source>Play a whole session</source>
        <translation>Play a whole session</translation>
    </message>
    <message>
        <source>Start again and make the default session&apos;s calls: listen, connect, a request, a reply, the client closes, then the server</source>
        <translation>Start again and make the default session&apos;s calls: listen, connect, a request, a reply, the client closes, then the server</translation>
    </message>
    <message>
        <source>The kernel (captured on lo), one step per segment</source>
        <translation>The kernel (captured on lo), one step per segment</translation>
    </message>
    <message>
        <source>The core&apos;s prediction (Linux profile), one step per segment</source>
        <translation>The core&apos;s prediction (Linux profile), one step per segment</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>Time (ms)</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Seq</translation>
    </message>
    <message>
        <source>Ack</source>
        <translation>Ack</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Len</source>
        <translation>Len</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Where the kernel and the core differ</source>
        <translation>Where the kernel and the core differ</translation>
    </message>
    <message>
        <source>The kernel refused: %1</source>
        <translation>The kernel refused: %1</translation>
    </message>
    <message>
        <source>seen through sock_diag (the socket is closed; the kernel still keeps the connection)</source>
        <translation>seen through sock_diag (the socket is closed; the kernel still keeps the connection)</translation>
    </message>
    <message>
        <source>seen through getsockopt(TCP_INFO)</source>
        <translation>seen through getsockopt(TCP_INFO)</translation>
    </message>
    <message>
        <source>too brief to poll: inferred from the captured segment</source>
        <translation>too brief to poll: inferred from the captured segment</translation>
    </message>
    <message>
        <source>Capturing the segments on lo with libpcap (filter: tcp port %1).</source>
        <translation>Capturing the segments on lo with libpcap (filter: tcp port %1).</translation>
    </message>
    <message>
        <source>Start with Listen: the capture on lo begins once the server&apos;s port is known.</source>
        <translation>Start with Listen: the capture on lo begins once the server&apos;s port is known.</translation>
    </message>
    <message>
        <source>States only: tcplab may not capture on lo here (%1). Capturing needs root or the CAP_NET_RAW capability; the states still come from TCP_INFO and sock_diag.</source>
        <translation>States only: tcplab may not capture on lo here (%1). Capturing needs root or the CAP_NET_RAW capability; the states still come from TCP_INFO and sock_diag.</translation>
    </message>
    <message>
        <source>TCP_INFO: %1</source>
        <translation>TCP_INFO: %1</translation>
    </message>
    <message>
        <source>client → server</source>
        <translation>client → server</translation>
    </message>
    <message>
        <source>server → client</source>
        <translation>server → client</translation>
    </message>
    <message>
        <source>seq %1 — the kernel&apos;s real initial sequence number (ISN)</source>
        <translation>seq %1 — the kernel&apos;s real initial sequence number (ISN)</translation>
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
        <translation>window %1 (never scaled in a SYN)</translation>
    </message>
    <message>
        <source>window field %1 (times 2^wscale when window scaling was agreed)</source>
        <translation>window field %1 (times 2^wscale when window scaling was agreed)</translation>
    </message>
    <message>
        <source>MSS %1</source>
        <translation>MSS %1</translation>
    </message>
    <message>
        <source>no options</source>
        <translation>no options</translation>
    </message>
    <message>
        <source>options as sent: %1</source>
        <translation>options as sent: %1</translation>
    </message>
    <message>
        <source>Pick a segment to see the kernel&apos;s real ISN, window and options (MSS, window scale, SACK permitted, timestamps).</source>
        <translation>Pick a segment to see the kernel&apos;s real ISN, window and options (MSS, window scale, SACK permitted, timestamps).</translation>
    </message>
    <message>
        <source>Nothing to compare yet: press Listen, then Connect.</source>
        <translation>Nothing to compare yet: press Listen, then Connect.</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::KernelTracePlot</name>
    <message>
        <source>Client :%1</source>
        <translation>Client :%1</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Server :%1</source>
        <translation>Server :%1</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::LessonPicker</name>
    <message>
        <source>The lesson file could not be read:
%1</source>
        <translation>The lesson file could not be read:
%1</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <source>Open lesson file</source>
        <translation>Open lesson file</translation>
    </message>
    <message>
        <source>Lessons (*.lesson);;All files (*)</source>
        <translation>Lessons (*.lesson);;All files (*)</translation>
    </message>
    <message>
        <source>Lesson file</source>
        <translation>Lesson file</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <source>Choose a lesson</source>
        <translation>Choose a lesson</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Open lesson &amp;file…</source>
        <translation>Open lesson &amp;file…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Built-in lessons</source>
        <translation>Built-in lessons</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::LessonPlayer</name>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Lesson steps so far</source>
        <translation>Lesson steps so far</translation>
    </message>
    <message>
        <source>No lesson open</source>
        <translation>No lesson open</translation>
    </message>
    <message>
        <source>Choose one from the Lessons menu (Ctrl+L).</source>
        <translation>Choose one from the Lessons menu (Ctrl+L).</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::LessonText</name>
    <message>
        <source>en</source>
        <comment>The code of this translation&apos;s language: zh in Chinese, en in English</comment>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::LessonUi</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>&amp;Lessons</translation>
    </message>
    <message>
        <source>Open &amp;lesson…</source>
        <translation>Open &amp;lesson…</translation>
    </message>
    <message>
        <source>Open lesson… (%1)</source>
        <translation>Open lesson… (%1)</translation>
    </message>
    <message>
        <source>&amp;Quiz mode</source>
        <translation>&amp;Quiz mode</translation>
    </message>
    <message>
        <source>Stop at each of the lesson&apos;s questions</source>
        <translation>Stop at each of the lesson&apos;s questions</translation>
    </message>
    <message>
        <source>Open &amp;packetdrill script…</source>
        <translation>Open &amp;packetdrill script…</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lesson</translation>
    </message>
    <message>
        <source>Plots</source>
        <translation>Plots</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Contrast</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::LoopbackLiveDriver</name>
    <message>
        <source>UDP port %1 on 127.0.0.1 is already in use by another program. Close it, or let tcplab choose free ports (port 0).</source>
        <translation>UDP port %1 on 127.0.0.1 is already in use by another program. Close it, or let tcplab choose free ports (port 0).</translation>
    </message>
    <message>
        <source>The UDP sockets on 127.0.0.1 could not be opened: %1</source>
        <translation>The UDP sockets on 127.0.0.1 could not be opened: %1</translation>
    </message>
    <message>
        <source>Loopback: not running (%1)</source>
        <translation>Loopback: not running (%1)</translation>
    </message>
    <message>
        <source>Loopback on 127.0.0.1 — client UDP port %1, server UDP port %2 · wall clock %3 · %4 datagrams sent, %5 received, %6 discarded</source>
        <translation>Loopback on 127.0.0.1 — client UDP port %1, server UDP port %2 · wall clock %3 · %4 datagrams sent, %5 received, %6 discarded</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::LoopbackPortsDialog</name>
    <message>
        <source>Port %1 is below %2: ports below %2 belong to the system. Choose a port from %2 to 65535, or any free port.</source>
        <translation>Port %1 is below %2: ports below %2 belong to the system. Choose a port from %2 to 65535, or any free port.</translation>
    </message>
    <message>
        <source>The client and the server need different ports; both are %1.</source>
        <translation>The client and the server need different ports; both are %1.</translation>
    </message>
    <message>
        <source>UDP port %1 on 127.0.0.1 (client) is already in use by another program. Choose another port, or any free port.</source>
        <translation>UDP port %1 on 127.0.0.1 (client) is already in use by another program. Choose another port, or any free port.</translation>
    </message>
    <message>
        <source>UDP port %1 on 127.0.0.1 (server) is already in use by another program. Choose another port, or any free port.</source>
        <translation>UDP port %1 on 127.0.0.1 (server) is already in use by another program. Choose another port, or any free port.</translation>
    </message>
    <message>
        <source>Loopback ports</source>
        <translation>Loopback ports</translation>
    </message>
    <message>
        <source>Loopback mode gives each endpoint its own UDP socket on 127.0.0.1. Choose their ports (1024–65535, different), or let the system pick any free port. With several connections, pair i uses the port plus i. New ports take effect when the run restarts.</source>
        <translation>Loopback mode gives each endpoint its own UDP socket on 127.0.0.1. Choose their ports (1024–65535, different), or let the system pick any free port. With several connections, pair i uses the port plus i. New ports take effect when the run restarts.</translation>
    </message>
    <message>
        <source>&amp;Client UDP port:</source>
        <translation>&amp;Client UDP port:</translation>
    </message>
    <message>
        <source>&amp;Server UDP port:</source>
        <translation>&amp;Server UDP port:</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>any free port</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::MainWindow</name>
    <message>
        <source>tcplab — TCP Handshake Lab</source>
        <translation>tcplab — TCP Handshake Lab</translation>
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
    <message>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Playback</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>&amp;Network</translation>
    </message>
    <message>
        <source>Jump to the start</source>
        <translation>Jump to the start</translation>
    </message>
    <message>
        <source>Step back to the previous event</source>
        <translation>Step back to the previous event</translation>
    </message>
    <message>
        <source>Step forward to the next event</source>
        <translation>Step forward to the next event</translation>
    </message>
    <message>
        <source>Jump to the end</source>
        <translation>Jump to the end</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Follow</translation>
    </message>
    <message>
        <source>Follow the current time again</source>
        <translation>Follow the current time again</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>Page up</translation>
    </message>
    <message>
        <source>Show earlier times</source>
        <translation>Show earlier times</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>Page down</translation>
    </message>
    <message>
        <source>Show later times</source>
        <translation>Show later times</translation>
    </message>
    <message>
        <source>Relative numbers</source>
        <translation>Relative numbers</translation>
    </message>
    <message>
        <source>Sequence and acknowledgment numbers relative to each side&apos;s ISN</source>
        <translation>Sequence and acknowledgment numbers relative to each side&apos;s ISN</translation>
    </message>
    <message>
        <source>Lose client&apos;s next</source>
        <translation>Lose client&apos;s next</translation>
    </message>
    <message>
        <source>The link loses the next segment the client sends</source>
        <translation>The link loses the next segment the client sends</translation>
    </message>
    <message>
        <source>Lose server&apos;s next</source>
        <translation>Lose server&apos;s next</translation>
    </message>
    <message>
        <source>The link loses the next segment the server sends</source>
        <translation>The link loses the next segment the server sends</translation>
    </message>
    <message>
        <source>Virtual time per second of real time (0.1× to 10×)</source>
        <translation>Virtual time per second of real time (0.1× to 10×)</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <source>Current time</source>
        <translation>Current time</translation>
    </message>
    <message>
        <source>Click an arrow to select it; click a segment in flight to lose it, right-click it to delay or duplicate it.   Space: play/pause   ←/→: previous/next event   +/−: zoom   F: follow</source>
        <translation>Click an arrow to select it; click a segment in flight to lose it, right-click it to delay or duplicate it.   Space: play/pause   ←/→: previous/next event   +/−: zoom   F: follow</translation>
    </message>
    <message>
        <source>Play/Pause</source>
        <translation>Play/Pause</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::ModeMenu</name>
    <message>
        <source>Loopback mode</source>
        <translation>Loopback mode</translation>
    </message>
    <message>
        <source>Loopback mode could not start, so the simulation stays.

%1</source>
        <translation>Loopback mode could not start, so the simulation stays.

%1</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Mode</translation>
    </message>
    <message>
        <source>&amp;Simulated</source>
        <translation>&amp;Simulated</translation>
    </message>
    <message>
        <source>The core&apos;s simulated link and virtual clock: replayable, stepping back and forward (%1)</source>
        <translation>The core&apos;s simulated link and virtual clock: replayable, stepping back and forward (%1)</translation>
    </message>
    <message>
        <source>&amp;Loopback (real UDP sockets on 127.0.0.1)</source>
        <translation>&amp;Loopback (real UDP sockets on 127.0.0.1)</translation>
    </message>
    <message>
        <source>Each endpoint on its own UDP socket on 127.0.0.1, carrying the exact TCP bytes; timers on the wall clock. Stepping back starts a fresh run (%1)</source>
        <translation>Each endpoint on its own UDP socket on 127.0.0.1, carrying the exact TCP bytes; timers on the wall clock. Stepping back starts a fresh run (%1)</translation>
    </message>
    <message>
        <source>The real UDP ports on 127.0.0.1 and the wall-clock time of the loopback run</source>
        <translation>The real UDP ports on 127.0.0.1 and the wall-clock time of the loopback run</translation>
    </message>
    <message>
        <source>Loopback &amp;ports…</source>
        <translation>Loopback &amp;ports…</translation>
    </message>
    <message>
        <source>Choose the UDP ports on 127.0.0.1 that loopback mode binds, or any free ones</source>
        <translation>Choose the UDP ports on 127.0.0.1 that loopback mode binds, or any free ones</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::NarrationPanel</name>
    <message>
        <source>So far</source>
        <translation>So far</translation>
    </message>
    <message>
        <source>Narration history</source>
        <translation>Narration history</translation>
    </message>
    <message>
        <source>What just happened</source>
        <translation>What just happened</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>Narration</translation>
    </message>
    <message>
        <source>%1   %2</source>
        <translation>%1   %2</translation>
    </message>
    <message>
        <source>Nothing has happened yet</source>
        <translation>Nothing has happened yet</translation>
    </message>
    <message>
        <source>Press → (step) or Space (play) to start.</source>
        <translation>Press → (step) or Space (play) to start.</translation>
    </message>
    <message>
        <source>At %1:</source>
        <translation>At %1:</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::PacketInspector</name>
    <message>
        <source>Source port</source>
        <translation>Source port</translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation>Destination port</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>Sequence number</translation>
    </message>
    <message>
        <source>Acknowledgment number</source>
        <translation>Acknowledgment number</translation>
    </message>
    <message>
        <source>Data offset</source>
        <translation>Data offset</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Checksum</translation>
    </message>
    <message>
        <source>Urgent pointer</source>
        <translation>Urgent pointer</translation>
    </message>
    <message>
        <source>Option: maximum segment size</source>
        <translation>Option: maximum segment size</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>Padding</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Header fields</source>
        <translation>Header fields</translation>
    </message>
    <message>
        <source>Packet inspector</source>
        <translation>Packet inspector</translation>
    </message>
    <message>
        <source>No segment has been sent yet.</source>
        <translation>No segment has been sent yet.</translation>
    </message>
    <message>
        <source>Segment #%1 has not been sent yet at this time.</source>
        <translation>Segment #%1 has not been sent yet at this time.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Latest segment #%1: %2, %3, sent at %4</source>
        <translation>Latest segment #%1: %2, %3, sent at %4</translation>
    </message>
    <message>
        <source>Segment #%1: %2, %3, sent at %4</source>
        <translation>Segment #%1: %2, %3, sent at %4</translation>
    </message>
    <message>
        <source>no flags</source>
        <translation>no flags</translation>
    </message>
    <message>
        <source>the sending application&apos;s port</source>
        <translation>the sending application&apos;s port</translation>
    </message>
    <message>
        <source>the receiving application&apos;s port</source>
        <translation>the receiving application&apos;s port</translation>
    </message>
    <message>
        <source>number of the first octet of this segment (a SYN or FIN counts as one)</source>
        <translation>number of the first octet of this segment (a SYN or FIN counts as one)</translation>
    </message>
    <message>
        <source>Relative sequence number</source>
        <translation>Relative sequence number</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>seq − the sender&apos;s ISN %1</source>
        <translation>seq − the sender&apos;s ISN %1</translation>
    </message>
    <message>
        <source>the sender&apos;s SYN is not in the trace</source>
        <translation>the sender&apos;s SYN is not in the trace</translation>
    </message>
    <message>
        <source>the next sequence number the sender expects to receive</source>
        <translation>the next sequence number the sender expects to receive</translation>
    </message>
    <message>
        <source>not in use: the ACK bit is 0</source>
        <translation>not in use: the ACK bit is 0</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Relative acknowledgment number</source>
        <translation>Relative acknowledgment number</translation>
    </message>
    <message>
        <source>ack − the receiver&apos;s ISN %1</source>
        <translation>ack − the receiver&apos;s ISN %1</translation>
    </message>
    <message>
        <source>the receiver&apos;s SYN is not in the trace yet</source>
        <translation>the receiver&apos;s SYN is not in the trace yet</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 bytes)</translation>
    </message>
    <message>
        <source>length of the header in 32-bit words</source>
        <translation>length of the header in 32-bit words</translation>
    </message>
    <message>
        <source>the control bits</source>
        <translation>the control bits</translation>
    </message>
    <message>
        <source>urgent: the urgent pointer field is significant</source>
        <translation>urgent: the urgent pointer field is significant</translation>
    </message>
    <message>
        <source>acknowledgment: the acknowledgment number is significant</source>
        <translation>acknowledgment: the acknowledgment number is significant</translation>
    </message>
    <message>
        <source>push: hand the data to the application at once</source>
        <translation>push: hand the data to the application at once</translation>
    </message>
    <message>
        <source>reset: abort the connection</source>
        <translation>reset: abort the connection</translation>
    </message>
    <message>
        <source>synchronize sequence numbers: opens a connection</source>
        <translation>synchronize sequence numbers: opens a connection</translation>
    </message>
    <message>
        <source>finish: the sender has no more data (closes one direction)</source>
        <translation>finish: the sender has no more data (closes one direction)</translation>
    </message>
    <message>
        <source>how many more octets the sender is willing to receive</source>
        <translation>how many more octets the sender is willing to receive</translation>
    </message>
    <message>
        <source>over the pseudo-header, the header and the data (RFC 9293 §3.1)</source>
        <translation>over the pseudo-header, the header and the data (RFC 9293 §3.1)</translation>
    </message>
    <message>
        <source>where urgent data ends; read only when URG is 1</source>
        <translation>where urgent data ends; read only when URG is 1</translation>
    </message>
    <message>
        <source>the largest segment the sender can receive; sent only with SYN (RFC 9293 §3.7.1)</source>
        <translation>the largest segment the sender can receive; sent only with SYN (RFC 9293 §3.7.1)</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>zeros that end the header on a 32-bit boundary</source>
        <translation>zeros that end the header on a 32-bit boundary</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s): %1</source>
        <translation>
            <numerusform>%n byte: %1</numerusform>
            <numerusform>%n bytes: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>the application&apos;s bytes</source>
        <translation>the application&apos;s bytes</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>options such as MSS are sent only with SYN</source>
        <translation>options such as MSS are sent only with SYN</translation>
    </message>
    <message>
        <source>0 bytes</source>
        <translation>0 bytes</translation>
    </message>
    <message>
        <source>a segment without data still takes a sequence number if it carries SYN or FIN</source>
        <translation>a segment without data still takes a sequence number if it carries SYN or FIN</translation>
    </message>
    <message>
        <source>client</source>
        <translation>client</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Point at a field to see its bytes and what it means.</source>
        <translation>Point at a field to see its bytes and what it means.</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::PacketdrillPlayer</name>
    <message>
        <source>The packetdrill script could not be read:
%1</source>
        <translation>The packetdrill script could not be read:
%1</translation>
    </message>
    <message>
        <source>%1: not a script</source>
        <translation>%1: not a script</translation>
    </message>
    <message>
        <source>Open packetdrill script</source>
        <translation>Open packetdrill script</translation>
    </message>
    <message>
        <source>packetdrill scripts (*.pkt);;All files (*)</source>
        <translation>packetdrill scripts (*.pkt);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <source>packetdrill script</source>
        <translation>packetdrill script</translation>
    </message>
    <message>
        <source>      expected %1, got %2</source>
        <translation>      expected %1, got %2</translation>
    </message>
    <message>
        <source>      not checked: outside tcplab&apos;s model</source>
        <translation>      not checked: outside tcplab&apos;s model</translation>
    </message>
    <message>
        <source>packetdrill: %1</source>
        <translation>packetdrill: %1</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>Time (ms)</translation>
    </message>
    <message>
        <source>Script (peer)</source>
        <translation>Script (peer)</translation>
    </message>
    <message>
        <source>tcplab (under test)</source>
        <translation>tcplab (under test)</translation>
    </message>
    <message>
        <source>%1: passed</source>
        <translation>%1: passed</translation>
    </message>
    <message>
        <source>%1: skipped — %2</source>
        <translation>%1: skipped — %2</translation>
    </message>
    <message>
        <source>%1: failed at line %2: expected %3, got %4</source>
        <translation>%1: failed at line %2: expected %3, got %4</translation>
    </message>
    <message>
        <source>%1: failed — %2</source>
        <translation>%1: failed — %2</translation>
    </message>
    <message>
        <source>✗ line %1: expected %2</source>
        <translation>✗ line %1: expected %2</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::PlotsPanel</name>
    <message>
        <source>States over time</source>
        <translation>States over time</translation>
    </message>
    <message>
        <source>Sequence number / time</source>
        <translation>Sequence number / time</translation>
    </message>
    <message>
        <source>HTTP/1.0 vs 1.1</source>
        <translation>HTTP/1.0 vs 1.1</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::PresentationMode</name>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <source>Show the window full screen</source>
        <translation>Show the window full screen</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <source>Make all text and the diagram&apos;s labels larger</source>
        <translation>Make all text and the diagram&apos;s labels larger</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>&amp;Smaller text</translation>
    </message>
    <message>
        <source>Make all text and the diagram&apos;s labels smaller</source>
        <translation>Make all text and the diagram&apos;s labels smaller</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>&amp;Normal text size</translation>
    </message>
    <message>
        <source>Text at its normal size</source>
        <translation>Text at its normal size</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;High contrast</translation>
    </message>
    <message>
        <source>Black on white, bold: readable from the back of a room</source>
        <translation>Black on white, bold: readable from the back of a room</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>As the &amp;system</source>
        <translation>As the &amp;system</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::QuizPanel</name>
    <message>
        <source>This lesson has no questions.</source>
        <translation>This lesson has no questions.</translation>
    </message>
    <message>
        <source>A question will stop the playback at its moment.</source>
        <translation>A question will stop the playback at its moment.</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Question %1 of %2</translation>
    </message>
    <message>
        <source>Right! %1</source>
        <translation>Right! %1</translation>
    </message>
    <message>
        <source>Wrong. The right answer is %1. %2</source>
        <translation>Wrong. The right answer is %1. %2</translation>
    </message>
    <message>
        <source>Quiz mode: stop at each question</source>
        <translation>Quiz mode: stop at each question</translation>
    </message>
    <message>
        <source>Continue playback</source>
        <translation>Continue playback</translation>
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
    <message>
        <source>(keep-alive probe)</source>
        <translation>(keep-alive probe)</translation>
    </message>
    <message>
        <source>(copy)</source>
        <translation>(copy)</translation>
    </message>
    <message>
        <source>(delayed +%1)</source>
        <translation>(delayed +%1)</translation>
    </message>
    <message>
        <source>you dropped it</source>
        <translation>you dropped it</translation>
    </message>
    <message>
        <source>you dropped the client&apos;s next segment</source>
        <translation>you dropped the client&apos;s next segment</translation>
    </message>
    <message>
        <source>you dropped the server&apos;s next segment</source>
        <translation>you dropped the server&apos;s next segment</translation>
    </message>
    <message>
        <source>link rule: %1</source>
        <translation>link rule: %1</translation>
    </message>
    <message>
        <source>dropped by the link</source>
        <translation>dropped by the link</translation>
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
        <source>Sequence diagram</source>
        <translation>Sequence diagram</translation>
    </message>
    <message>
        <source>Segment #%1</source>
        <translation>Segment #%1</translation>
    </message>
    <message>
        <source>Drop it (lose it on the wire)</source>
        <translation>Drop it (lose it on the wire)</translation>
    </message>
    <message>
        <source>Delay it by %1</source>
        <translation>Delay it by %1</translation>
    </message>
    <message>
        <source>Duplicate it (the network sends a copy)</source>
        <translation>Duplicate it (the network sends a copy)</translation>
    </message>
    <message>
        <source>Click to lose this segment on the wire; right-click for more</source>
        <translation>Click to lose this segment on the wire; right-click for more</translation>
    </message>
    <message>
        <source>%1: armed at %2, deadline %3</source>
        <translation>%1: armed at %2, deadline %3</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::SettingsStore</name>
    <message>
        <source>&amp;Recent Files</source>
        <translation>&amp;Recent Files</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>&amp;Clear the list</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::ShortcutsDialog</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (%1)</source>
        <translation>Keyboard shortcuts (%1)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Every key of the main window. The keys work wherever the focus is in the window.</source>
        <translation>Every key of the main window. The keys work wherever the focus is in the window.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::StateDiagramWidget</name>
    <message>
        <source>Show all transitions</source>
        <translation>Show all transitions</translation>
    </message>
    <message>
        <source>Also draw the resets, aborts and timeouts of RFC 9293 §3.10 that Figure 5 leaves out</source>
        <translation>Also draw the resets, aborts and timeouts of RFC 9293 §3.10 that Figure 5 leaves out</translation>
    </message>
    <message>
        <source>TCP state diagram</source>
        <translation>TCP state diagram</translation>
    </message>
    <message>
        <source>%1 → %2: %3 (%4)</source>
        <translation>%1 → %2: %3 (%4)</translation>
    </message>
    <message>
        <source>client</source>
        <translation>client</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::StateTimelinePlot</name>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>Time (ms)</translation>
    </message>
    <message>
        <source>States of each endpoint over time</source>
        <translation>States of each endpoint over time</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::StevensPlot</name>
    <message>
        <source>Time (ms)</source>
        <translation>Time (ms)</translation>
    </message>
    <message>
        <source>Relative sequence number</source>
        <translation>Relative sequence number</translation>
    </message>
    <message>
        <source>Client data</source>
        <translation>Client data</translation>
    </message>
    <message>
        <source>Client retransmission</source>
        <translation>Client retransmission</translation>
    </message>
    <message>
        <source>Server data</source>
        <translation>Server data</translation>
    </message>
    <message>
        <source>Server retransmission</source>
        <translation>Server retransmission</translation>
    </message>
    <message>
        <source>Sequence number against time</source>
        <translation>Sequence number against time</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::TeachingDocks</name>
    <message>
        <source>State diagram (RFC 9293 Figure 5)</source>
        <translation>State diagram (RFC 9293 Figure 5)</translation>
    </message>
    <message>
        <source>What happened and why</source>
        <translation>What happened and why</translation>
    </message>
    <message>
        <source>Packet inspector</source>
        <translation>Packet inspector</translation>
    </message>
    <message>
        <source>Hands-on controls</source>
        <translation>Hands-on controls</translation>
    </message>
    <message>
        <source>State diagram (RFC 9293 Figure 5) — connection #%1</source>
        <translation>State diagram (RFC 9293 Figure 5) — connection #%1</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::TimelineScrubber</name>
    <message>
        <source>Timeline: one mark per event; click or drag to go to a moment</source>
        <translation>Timeline: one mark per event; click or drag to go to a moment</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
</context>
<context>
    <name>tcplab::ui::TransitionLabel</name>
    <message>
        <source>call LISTEN</source>
        <translation>call LISTEN</translation>
    </message>
    <message>
        <source>call CONNECT / snd SYN</source>
        <translation>call CONNECT / snd SYN</translation>
    </message>
    <message>
        <source>call SEND / snd SYN</source>
        <translation>call SEND / snd SYN</translation>
    </message>
    <message>
        <source>rcv SYN / snd SYN,ACK</source>
        <translation>rcv SYN / snd SYN,ACK</translation>
    </message>
    <message>
        <source>call CLOSE</source>
        <translation>call CLOSE</translation>
    </message>
    <message>
        <source>call ABORT</source>
        <translation>call ABORT</translation>
    </message>
    <message>
        <source>rcv SYN,ACK / snd ACK</source>
        <translation>rcv SYN,ACK / snd ACK</translation>
    </message>
    <message>
        <source>rcv SYN / snd SYN,ACK (simultaneous open)</source>
        <translation>rcv SYN / snd SYN,ACK (simultaneous open)</translation>
    </message>
    <message>
        <source>rcv RST,ACK (connection refused)</source>
        <translation>rcv RST,ACK (connection refused)</translation>
    </message>
    <message>
        <source>SYN retransmitted too often</source>
        <translation>SYN retransmitted too often</translation>
    </message>
    <message>
        <source>rcv ACK of SYN</source>
        <translation>rcv ACK of SYN</translation>
    </message>
    <message>
        <source>rcv SYN,ACK (simultaneous open)</source>
        <translation>rcv SYN,ACK (simultaneous open)</translation>
    </message>
    <message>
        <source>rcv ACK of SYN + FIN / snd ACK</source>
        <translation>rcv ACK of SYN + FIN / snd ACK</translation>
    </message>
    <message>
        <source>call CLOSE / snd FIN</source>
        <translation>call CLOSE / snd FIN</translation>
    </message>
    <message>
        <source>rcv RST (passive open)</source>
        <translation>rcv RST (passive open)</translation>
    </message>
    <message>
        <source>rcv RST (connection refused)</source>
        <translation>rcv RST (connection refused)</translation>
    </message>
    <message>
        <source>rcv SYN (passive open)</source>
        <translation>rcv SYN (passive open)</translation>
    </message>
    <message>
        <source>call ABORT / snd RST</source>
        <translation>call ABORT / snd RST</translation>
    </message>
    <message>
        <source>SYN,ACK retransmitted too often</source>
        <translation>SYN,ACK retransmitted too often</translation>
    </message>
    <message>
        <source>rcv FIN / snd ACK</source>
        <translation>rcv FIN / snd ACK</translation>
    </message>
    <message>
        <source>rcv RST (connection reset)</source>
        <translation>rcv RST (connection reset)</translation>
    </message>
    <message>
        <source>data retransmitted too often</source>
        <translation>data retransmitted too often</translation>
    </message>
    <message>
        <source>keep-alive unanswered / snd RST</source>
        <translation>keep-alive unanswered / snd RST</translation>
    </message>
    <message>
        <source>rcv ACK of FIN</source>
        <translation>rcv ACK of FIN</translation>
    </message>
    <message>
        <source>rcv FIN,ACK of FIN / snd ACK</source>
        <translation>rcv FIN,ACK of FIN / snd ACK</translation>
    </message>
    <message>
        <source>FIN retransmitted too often</source>
        <translation>FIN retransmitted too often</translation>
    </message>
    <message>
        <source>rcv RST</source>
        <translation>rcv RST</translation>
    </message>
    <message>
        <source>timeout 2·MSL</source>
        <translation>timeout 2·MSL</translation>
    </message>
</context>
</TS>
