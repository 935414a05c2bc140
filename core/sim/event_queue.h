#pragma once
// The simulator's event queue: a binary heap of small plain entries ordered by time, then by the order in
// which they were pushed, so two events at the same microsecond always run in the same order. Entries carry
// two integers that the session interprets; there are no callbacks, so pushing allocates nothing once the
// heap has grown to its working size.
#include "tcp/time.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace tcplab {

struct QueueEntry {
    TimeUs t = 0;
    std::uint64_t sequence = 0; // insertion order, assigned by the queue
    std::uint32_t kind = 0;
    std::uint32_t index = 0;
    std::uint64_t tag = 0; // e.g. a generation number that tells a stale entry from a live one
};

class EventQueue {
public:
    void reserve(std::size_t n) { m_heap.reserve(n); }

    void push(TimeUs t, std::uint32_t kind, std::uint32_t index, std::uint64_t tag = 0)
    {
        m_heap.push_back({t, m_nextSequence++, kind, index, tag});
        std::push_heap(m_heap.begin(), m_heap.end(), later);
    }

    bool empty() const { return m_heap.empty(); }
    std::size_t size() const { return m_heap.size(); }
    const QueueEntry &top() const { return m_heap.front(); }

    QueueEntry pop()
    {
        std::pop_heap(m_heap.begin(), m_heap.end(), later);
        QueueEntry entry = m_heap.back();
        m_heap.pop_back();
        return entry;
    }

    void clear()
    {
        m_heap.clear();
        m_nextSequence = 0;
    }

private:
    // std::push_heap keeps the greatest element first, so "greater" means "runs later".
    static bool later(const QueueEntry &a, const QueueEntry &b)
    {
        if (a.t != b.t) return a.t > b.t;
        return a.sequence > b.sequence;
    }

    std::vector<QueueEntry> m_heap;
    std::uint64_t m_nextSequence = 0;
};

} // namespace tcplab
