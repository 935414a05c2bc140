#include "script/packetdrill_parser.h"

#include "script/script_cursor.h"
#include "tcp/segment.h"

#include <cctype>
#include <limits>
#include <string>

namespace tcplab::packetdrill {

std::optional<std::string> Script::option(std::string_view optionName) const
{
    std::optional<std::string> value;
    for (const ScriptOption &opt : options) {
        if (opt.name == optionName) value = opt.value;
    }
    return value;
}

std::string ParseError::format(std::string_view file) const
{
    std::string out(file.empty() ? std::string_view("<script>") : file);
    out += ':' + std::to_string(line) + ':' + std::to_string(column) + ": " + message;
    return out;
}

namespace {

using namespace detail;

// The end of the line's code, before a "//" comment that is outside `...` and %{ }%.
std::size_t codeEnd(std::string_view line, bool &inCode)
{
    bool inCommand = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        const char next = i + 1 < line.size() ? line[i + 1] : '\0';
        if (inCode) {
            if (c == '}' && next == '%') {
                inCode = false;
                ++i;
            }
        } else if (inCommand) {
            if (c == '`') inCommand = false;
        } else if (c == '`') {
            inCommand = true;
        } else if (c == '%' && next == '{') {
            inCode = true;
            ++i;
        } else if (c == '/' && next == '/') {
            return i;
        }
    }
    return line.size();
}

EventTime parseTime(Cursor &cur)
{
    EventTime time;
    if (cur.peek() == '*') {
        cur.advance();
        time.kind = TimeKind::Any;
    } else {
        if (cur.peek() == '+') {
            time.kind = TimeKind::Relative;
            cur.advance();
            cur.skipSpaces();
        } else if (isDigit(cur.peek()) || cur.peek() == '.') {
            time.kind = TimeKind::Absolute;
        } else {
            cur.fail("expected a time ('0.100', '+0.10' or '*')" + cur.found());
        }
        time.start = cur.seconds();
        if (cur.startsWith("...")) {
            cur.advance(3);
            if (cur.peek() == '+') cur.advance();
            time.end = cur.seconds();
            if (time.kind == TimeKind::Absolute && *time.end < time.start)
                cur.fail("the end of a time range is before its start");
        }
    }
    if (!cur.atEnd() && !isSpace(cur.peek())) cur.fail("expected a space after the time" + cur.found());
    cur.skipSpaces();
    if (cur.atEnd()) cur.fail("expected an event after the time");
    return time;
}

void parseOptionList(Cursor &cur, PacketSpec &packet)
{
    const std::size_t open = cur.pos();
    cur.advance(); // '<'
    const std::size_t from = cur.pos();
    while (!cur.atEnd() && cur.peek() != '>')
        cur.advance();
    if (cur.atEnd()) cur.failAt(open, "unterminated TCP option list: '<' without '>'");
    const std::string_view list = cur.slice(from);
    cur.advance(); // '>'
    packet.options = std::string(trim(list));

    std::size_t itemStart = 0;
    while (itemStart <= list.size()) {
        std::size_t comma = list.find(',', itemStart);
        if (comma == std::string_view::npos) comma = list.size();
        const std::string_view item = trim(list.substr(itemStart, comma - itemStart));
        const std::size_t itemColumn = from + itemStart;
        if (item.empty()) {
            if (comma != list.size() || itemStart != 0) cur.failAt(itemColumn, "empty TCP option");
        } else if (item.substr(0, 3) == "mss" && (item.size() == 3 || isSpace(item[3]))) {
            const std::string_view value = trim(item.substr(3));
            if (value.empty() || value.size() > 5) cur.failAt(itemColumn, "expected 'mss N' with N <= 65535");
            std::uint32_t mss = 0;
            for (char c : value) {
                if (!isDigit(c)) cur.failAt(itemColumn, "expected 'mss N' with N <= 65535");
                mss = mss * 10 + static_cast<std::uint32_t>(c - '0');
            }
            if (mss > 65535) cur.failAt(itemColumn, "expected 'mss N' with N <= 65535");
            packet.mss = static_cast<std::uint16_t>(mss);
        } else {
            packet.otherOptions = true;
        }
        itemStart = comma + 1;
    }
}

PacketSpec parsePacket(Cursor &cur)
{
    PacketSpec packet;
    packet.direction = cur.peek() == '<' ? Direction::Inbound : Direction::Outbound;
    cur.advance();
    if (!isSpace(cur.peek())) cur.fail("expected a space after the direction" + cur.found());
    cur.skipSpaces();

    const std::size_t flagsFrom = cur.pos();
    while (!cur.atEnd() && !isSpace(cur.peek())) {
        switch (cur.peek()) {
        case 'S':
            packet.flags |= kSyn;
            break;
        case 'F':
            packet.flags |= kFin;
            break;
        case 'R':
            packet.flags |= kRst;
            break;
        case 'P':
            packet.flags |= kPsh;
            break;
        case '.':
            packet.flags |= kAck;
            break;
        case 'U':
            packet.flags |= kUrg;
            break;
        case 'E':
            packet.ece = true;
            break;
        case 'W':
            packet.cwr = true;
            break;
        default:
            cur.fail("unknown TCP flag '" + std::string(1, cur.peek()) + "' (expected S F R P . U E W)");
        }
        cur.advance();
    }
    packet.flagText = std::string(cur.slice(flagsFrom));
    if (packet.flagText.empty()) cur.fail("expected TCP flags" + cur.found());
    cur.skipSpaces();

    if (cur.startsWith("...")) {
        cur.advance(3);
    } else {
        packet.seqStart = cur.number32("a sequence number");
        cur.expect(':', "':' after the first sequence number");
        packet.seqEnd = cur.number32("the end sequence number");
    }
    const std::size_t lengthAt = cur.pos();
    cur.expect('(', "'(' before the payload length");
    packet.length = cur.number32("the payload length");
    cur.expect(')', "')' after the payload length");
    if (packet.seqStart && packet.seqEnd - *packet.seqStart != packet.length) {
        cur.failAt(lengthAt, "sequence range " + std::to_string(*packet.seqStart) + ":" +
                                 std::to_string(packet.seqEnd) + " does not span the length " +
                                 std::to_string(packet.length));
    }
    if (!packet.seqStart) packet.seqEnd = packet.length;

    while (true) {
        const std::size_t before = cur.pos();
        cur.skipSpaces();
        if (cur.atEnd()) break;
        if (cur.pos() == before) cur.fail("expected a space" + cur.found());
        if (cur.peek() == '<') {
            if (packet.options) cur.fail("a second TCP option list");
            parseOptionList(cur, packet);
            continue;
        }
        const std::size_t wordAt = cur.pos();
        if (!isIdentStart(cur.peek())) cur.fail("expected 'ack', 'win' or '<options>'" + cur.found());
        const std::string word = cur.identifier();
        cur.skipSpaces();
        if (word == "ack") {
            if (packet.ack) cur.failAt(wordAt, "a second 'ack'");
            packet.ack = cur.number32("the acknowledgment number");
        } else if (word == "win") {
            if (packet.window) cur.failAt(wordAt, "a second 'win'");
            packet.window = cur.number32("the window");
        } else {
            cur.failAt(wordAt, "unknown packet field '" + word + "' (expected 'ack', 'win' or '<options>')");
        }
    }
    return packet;
}

SyscallSpec parseSyscall(Cursor &cur)
{
    SyscallSpec call;
    call.name = cur.identifier();
    cur.skipSpaces();
    const std::size_t open = cur.pos();
    cur.expect('(', "'(' after the system call name");

    // Arguments: split at top-level commas; brackets nest.
    std::string closers;
    std::size_t argFrom = cur.pos();
    bool sawAny = false;
    while (true) {
        if (cur.atEnd()) cur.failAt(open, "unterminated argument list: '(' without ')'");
        const char c = cur.peek();
        if (closers.empty() && (c == ',' || c == ')')) {
            const std::string_view arg = trim(cur.slice(argFrom));
            if (arg.empty() && (c == ',' || sawAny)) cur.fail("empty argument");
            if (!arg.empty()) call.args.emplace_back(arg);
            sawAny = true;
            cur.advance();
            if (c == ')') break;
            argFrom = cur.pos();
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            if (closers.size() >= 64) cur.fail("brackets nested too deeply");
            closers.push_back(c == '(' ? ')' : c == '[' ? ']' : '}');
        } else if (c == ')' || c == ']' || c == '}') {
            if (closers.empty() || closers.back() != c)
                cur.fail("unbalanced '" + std::string(1, c) + "' in the arguments");
            closers.pop_back();
        }
        cur.advance();
    }

    cur.skipSpaces();
    cur.expect('=', "'=' and the expected result");
    cur.skipSpaces();
    const std::size_t resultFrom = cur.pos();
    if (cur.startsWith("...")) {
        cur.advance(3);
    } else {
        bool negative = false;
        if (cur.peek() == '-') {
            negative = true;
            cur.advance();
        }
        if (!isDigit(cur.peek())) cur.fail("expected the result (a number or '...')" + cur.found());
        const bool hex = cur.peek() == '0' && (cur.peek(1) == 'x' || cur.peek(1) == 'X');
        if (hex) cur.advance(2);
        long long value = 0;
        int digits = 0;
        while (true) {
            const char c = cur.peek();
            int digit = -1;
            if (isDigit(c))
                digit = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            if (digit < 0) break;
            if (++digits > 15) cur.failAt(resultFrom, "the result is too large");
            value = value * (hex ? 16 : 10) + digit;
            cur.advance();
        }
        if (digits == 0) cur.fail("expected hexadecimal digits" + cur.found());
        call.resultValue = negative ? -value : value;
    }
    call.result = std::string(cur.slice(resultFrom));

    cur.skipSpaces();
    if (isIdentStart(cur.peek())) {
        call.errnoName = cur.identifier();
        cur.skipSpaces();
    }
    if (cur.peek() == '(') {
        const std::size_t noteOpen = cur.pos();
        cur.advance();
        const std::size_t from = cur.pos();
        int depth = 1;
        while (!cur.atEnd()) {
            if (cur.peek() == '(') ++depth;
            if (cur.peek() == ')' && --depth == 0) break;
            cur.advance();
        }
        if (cur.atEnd()) cur.failAt(noteOpen, "unterminated '(' after the result");
        call.note = std::string(cur.slice(from));
        cur.advance();
        cur.skipSpaces();
    }
    if (!cur.atEnd()) cur.fail("unexpected text after the system call" + cur.found());
    return call;
}

struct Conditional {
    int line;
    bool parentActive;
    bool active;
    bool seenElse;
};

class Parser {
public:
    Parser(std::string_view text, std::string_view name, const ParseOptions &options)
        : m_text(text), m_options(options)
    {
        m_script.name = std::string(name);
    }

    Script run()
    {
        std::size_t at = 0;
        int lineNo = 0;
        while (at <= m_text.size()) {
            std::size_t eol = m_text.find('\n', at);
            if (eol == std::string_view::npos) eol = m_text.size();
            ++lineNo;
            handleLine(m_text.substr(at, eol - at), lineNo, eol);
            if (m_skipTo > eol) {
                // A %{ }% block that went on over later lines: continue after its last line.
                lineNo += m_skippedLines;
                at = m_skipTo;
                m_skipTo = 0;
                m_skippedLines = 0;
                continue;
            }
            at = eol + 1;
        }
        if (!m_conditionals.empty()) {
            throw ScriptFailure{m_conditionals.back().line, 1, "#if without #endif"};
        }
        return std::move(m_script);
    }

private:
    bool active() const { return m_conditionals.empty() || m_conditionals.back().active; }
    bool defined(std::string_view name) const
    {
        for (const std::string &d : m_options.defines) {
            if (d == name) return true;
        }
        return false;
    }

    void handleLine(std::string_view raw, int lineNo, std::size_t lineEnd)
    {
        bool inCode = false;
        const std::string_view line = raw.substr(0, codeEnd(raw, inCode));
        Cursor cur(line, lineNo);
        cur.skipSpaces();
        if (cur.atEnd()) return;

        if (cur.peek() == '#') {
            directive(cur);
            return;
        }
        if (!active()) {
            // Skip the lines of an inactive branch, including a %{ }% block that starts in one.
            if (inCode) skipCodeBlock(lineNo, static_cast<int>(raw.find("%{")) + 1, lineEnd, nullptr);
            return;
        }
        if (cur.startsWith("--")) {
            option(cur);
            return;
        }

        ScriptEvent event;
        event.line = lineNo;
        event.time = parseTime(cur);
        event.column = cur.column();
        const std::size_t bodyFrom = cur.pos();
        const char c = cur.peek();
        if (c == '<' || c == '>') {
            event.body = parsePacket(cur);
        } else if (c == '`') {
            cur.advance();
            const std::size_t from = cur.pos();
            while (!cur.atEnd() && cur.peek() != '`')
                cur.advance();
            if (cur.atEnd()) cur.failAt(bodyFrom, "unterminated command: '`' without a closing '`'");
            event.body = CommandSpec{std::string(cur.slice(from))};
            cur.advance();
            cur.skipSpaces();
            if (!cur.atEnd()) cur.fail("unexpected text after the command" + cur.found());
        } else if (cur.startsWith("%{")) {
            if (inCode) {
                std::string body(line.substr(bodyFrom + 2));
                skipCodeBlock(lineNo, static_cast<int>(bodyFrom) + 1, lineEnd, &body);
                event.body = CodeSpec{std::string(trim(body))};
                event.source = std::string(trim(line.substr(bodyFrom))) + " ...";
            } else {
                const std::size_t close = line.find("}%", bodyFrom + 2);
                event.body = CodeSpec{std::string(trim(line.substr(bodyFrom + 2, close - bodyFrom - 2)))};
                Cursor after(line, lineNo);
                after.advance(close + 2);
                after.skipSpaces();
                if (!after.atEnd()) after.fail("unexpected text after the code block" + after.found());
            }
        } else if (isIdentStart(c)) {
            event.body = parseSyscall(cur);
        } else {
            cur.fail("expected '<', '>', a system call, a `command` or %{ code }%" + cur.found());
        }
        if (event.source.empty()) event.source = std::string(trim(line));
        m_script.events.push_back(std::move(event));
    }

    // The %{ of line `lineNo` is not closed on it: find the "}%" on a later line. Appends the block's
    // text to `body` when given.
    void skipCodeBlock(int lineNo, int column, std::size_t lineEnd, std::string *body)
    {
        std::size_t at = lineEnd + 1;
        int extra = 0;
        while (at <= m_text.size()) {
            std::size_t eol = m_text.find('\n', at);
            if (eol == std::string_view::npos) eol = m_text.size();
            ++extra;
            const std::string_view next = m_text.substr(at, eol - at);
            const std::size_t close = next.find("}%");
            if (close != std::string_view::npos) {
                if (body) {
                    *body += '\n';
                    *body += next.substr(0, close);
                }
                if (!trim(next.substr(close + 2)).empty() &&
                    trim(next.substr(close + 2)).substr(0, 2) != "//") {
                    throw ScriptFailure{lineNo + extra, static_cast<int>(close) + 3,
                                        "unexpected text after the code block"};
                }
                m_skipTo = eol + 1;
                m_skippedLines = extra;
                return;
            }
            if (body) {
                *body += '\n';
                *body += next;
            }
            at = eol + 1;
        }
        throw ScriptFailure{lineNo, column, "unterminated code block: '%{' without '}%'"};
    }

    void directive(Cursor &cur)
    {
        const int column = cur.column();
        cur.advance(); // '#'
        const std::string word = isIdentStart(cur.peek()) ? cur.identifier() : std::string();
        cur.skipSpaces();
        if (word == "ifdef" || word == "ifndef") {
            if (m_conditionals.size() >= 64) cur.fail("#if nested too deeply");
            const std::string name = cur.identifier();
            cur.skipSpaces();
            if (!cur.atEnd()) cur.fail("unexpected text after #" + word + cur.found());
            const bool condition = defined(name) == (word == "ifdef");
            m_conditionals.push_back({cur.line(), active(), active() && condition, false});
        } else if (word == "else") {
            if (!cur.atEnd()) cur.fail("unexpected text after #else" + cur.found());
            if (m_conditionals.empty()) throw ScriptFailure{cur.line(), column, "#else without #if"};
            Conditional &top = m_conditionals.back();
            if (top.seenElse) throw ScriptFailure{cur.line(), column, "a second #else for the same #if"};
            top.seenElse = true;
            top.active = top.parentActive && !top.active;
        } else if (word == "endif") {
            if (!cur.atEnd()) cur.fail("unexpected text after #endif" + cur.found());
            if (m_conditionals.empty()) throw ScriptFailure{cur.line(), column, "#endif without #if"};
            m_conditionals.pop_back();
        } else {
            throw ScriptFailure{cur.line(), column,
                                "unknown directive '#" + word +
                                    "' (expected #ifdef, #ifndef, #else, #endif)"};
        }
    }

    void option(Cursor &cur)
    {
        cur.advance(2);
        ScriptOption opt;
        opt.line = cur.line();
        const std::size_t from = cur.pos();
        while (isIdentChar(cur.peek()) || cur.peek() == '-')
            cur.advance();
        opt.name = std::string(cur.slice(from));
        if (opt.name.empty()) cur.fail("expected an option name after '--'" + cur.found());
        if (cur.peek() == '=') {
            cur.advance();
            opt.value = std::string(trim(cur.rest()));
            if (opt.value.empty()) cur.fail("expected a value after '='");
        } else {
            cur.skipSpaces();
            if (!cur.atEnd()) cur.fail("expected '=' or the end of the option" + cur.found());
        }
        m_script.options.push_back(std::move(opt));
    }

    std::string_view m_text;
    const ParseOptions &m_options;
    Script m_script;
    std::vector<Conditional> m_conditionals;
    std::size_t m_skipTo = 0;
    int m_skippedLines = 0;
};

} // namespace

ParseResult parseScript(std::string_view text, std::string_view name, const ParseOptions &options)
{
    ParseResult result;
    try {
        result.script = Parser(text, name, options).run();
    } catch (const detail::ScriptFailure &failure) {
        result.error = ParseError{failure.line, failure.column, failure.message};
    }
    return result;
}

} // namespace tcplab::packetdrill
