#pragma once
// The simulator's event queue: a binary heap of small plain entries ordered by time, then by the order in
// which they were pushed, so two events at the same microsecond always run in the same order. Entries carry
// two integers that the session interprets; there are no callbacks, so pushing allocates nothing once the
// heap has grown to its working size.
#include "tcp/time.h"

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
        // Sift up from a hole at the end: parents that run later move down into it.
        const QueueEntry entry{t, m_nextSequence++, kind, index, tag};
        std::size_t hole = m_heap.size();
        m_heap.emplace_back();
        while (hole > 0) {
            const std::size_t parent = (hole - 1) / 2;
            if (!runsBefore(entry, m_heap[parent])) break;
            m_heap[hole] = m_heap[parent];
            hole = parent;
        }
        m_heap[hole] = entry;
    }

    bool empty() const { return m_heap.empty(); }
    std::size_t size() const { return m_heap.size(); }
    const QueueEntry &top() const { return m_heap.front(); }

    QueueEntry pop()
    {
        const QueueEntry first = m_heap.front();
        const QueueEntry last = m_heap.back();
        m_heap.pop_back();
        const std::size_t n = m_heap.size();
        if (n == 0) return first;
        // Sift the last entry down from the root's hole: the earlier child moves up into it.
        std::size_t hole = 0;
        while (true) {
            std::size_t child = 2 * hole + 1;
            if (child >= n) break;
            if (child + 1 < n && runsBefore(m_heap[child + 1], m_heap[child])) ++child;
            if (!runsBefore(m_heap[child], last)) break;
            m_heap[hole] = m_heap[child];
            hole = child;
        }
        m_heap[hole] = last;
        return first;
    }

    void clear()
    {
        m_heap.clear();
        m_nextSequence = 0;
    }

private:
    // Earlier time first; at the same time, the one pushed first.
    static bool runsBefore(const QueueEntry &a, const QueueEntry &b)
    {
        return a.t < b.t || (a.t == b.t && a.sequence < b.sequence);
    }

    std::vector<QueueEntry> m_heap; // a binary min-heap by runsBefore
    std::uint64_t m_nextSequence = 0;
};

} // namespace tcplab
