#pragma once
// The glossary's terms: each with its English and its Chinese explanation. Both are shown side by side
// whatever the interface's language (a class often reads both), so this is plain data, not tr() strings.
#include <span>

namespace tcplab::ui {

struct GlossaryTerm {
    const char *term;    // as RFC 9293 writes it, or the English name of the idea
    const char *english; // UTF-8
    const char *chinese; // UTF-8, in the words of a Chinese networking textbook
};

std::span<const GlossaryTerm> glossaryTerms();

} // namespace tcplab::ui
