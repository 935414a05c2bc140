#pragma once
// The parser's reading position in one line of a packetdrill script, with the small scanners it needs
// (names, numbers, seconds). Errors are thrown as ScriptFailure with the line and 1-based column; only the
// parser uses this (packetdrill_parser.cpp), and it catches them.
#include "tcp/time.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace tcplab::packetdrill::detail {

// Thrown by the Cursor; parseScript turns it into a ParseError.
struct ScriptFailure {
    int line;
    int column;
    std::string message;
};

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
inline bool isIdentStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
}
inline bool isIdentChar(char c)
{
    return isIdentStart(c) || isDigit(c);
}

inline std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

// A position in one logical line; columns are 1-based and count from the start of the physical line.
class Cursor {
public:
    Cursor(std::string_view text, int line) : m_text(text), m_line(line) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek(std::size_t ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0';
    }
    bool startsWith(std::string_view s) const { return m_text.substr(m_pos).substr(0, s.size()) == s; }
    void advance(std::size_t n = 1) { m_pos = std::min(m_text.size(), m_pos + n); }
    std::size_t pos() const { return m_pos; }
    int column() const { return static_cast<int>(m_pos) + 1; }
    int line() const { return m_line; }
    std::string_view rest() const { return m_text.substr(m_pos); }
    std::string_view slice(std::size_t from) const { return m_text.substr(from, m_pos - from); }

    void skipSpaces()
    {
        while (!atEnd() && isSpace(peek()))
            advance();
    }
    [[noreturn]] void fail(std::string message) const { failAt(m_pos, std::move(message)); }
    [[noreturn]] void failAt(std::size_t pos, std::string message) const
    {
        throw ScriptFailure{m_line, static_cast<int>(pos) + 1, std::move(message)};
    }
    void expect(char c, std::string_view what)
    {
        if (peek() != c || atEnd()) fail("expected " + std::string(what) + found());
        advance();
    }
    std::string found() const
    {
        if (atEnd()) return ", found the end of the line";
        return ", found '" + std::string(1, peek()) + "'";
    }

    std::string identifier()
    {
        if (!isIdentStart(peek())) fail("expected a name" + found());
        const std::size_t from = m_pos;
        while (isIdentChar(peek()))
            advance();
        return std::string(slice(from));
    }

    // An unsigned decimal number that fits in 32 bits.
    std::uint32_t number32(std::string_view what)
    {
        if (!isDigit(peek())) fail("expected " + std::string(what) + found());
        const std::size_t from = m_pos;
        std::uint64_t value = 0;
        while (isDigit(peek())) {
            value = value * 10 + static_cast<std::uint64_t>(peek() - '0');
            if (value > std::numeric_limits<std::uint32_t>::max())
                failAt(from, std::string(what) + " is larger than 4294967295");
            advance();
        }
        return static_cast<std::uint32_t>(value);
    }

    // Seconds with up to six decimals ("0.100", "65", ".5") in microseconds.
    TimeUs seconds()
    {
        const std::size_t from = m_pos;
        if (!isDigit(peek()) && !(peek() == '.' && isDigit(peek(1))))
            fail("expected a time in seconds" + found());
        TimeUs whole = 0;
        int digits = 0;
        while (isDigit(peek())) {
            if (++digits > 9) failAt(from, "time is too large (more than 9 digits of seconds)");
            whole = whole * 10 + (peek() - '0');
            advance();
        }
        TimeUs fraction = 0;
        if (peek() == '.' && peek(1) != '.') {
            advance();
            TimeUs scale = 100000;
            while (isDigit(peek())) {
                fraction += (peek() - '0') * scale;
                scale /= 10;
                advance();
            }
        }
        return whole * kSecond + fraction;
    }

private:
    std::string_view m_text;
    int m_line;
    std::size_t m_pos = 0;
};

} // namespace tcplab::packetdrill::detail
