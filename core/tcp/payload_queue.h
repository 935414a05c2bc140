#pragma once
// A FIFO of octets kept as shared Payload pieces (payload.h) rather than copied bytes: what a SEND hands
// over is queued as it is, moves from the send queue to the retransmission queue, and goes out in segments
// as narrower windows onto the same buffer. Only a segment that spans two SENDs' buffers is copied.
#include "payload.h"

#include <cstddef>
#include <vector>

namespace tcplab {

class PayloadQueue {
public:
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    void append(Payload bytes)
    {
        if (bytes.empty()) return;
        m_size += bytes.size();
        if (m_head < m_pieces.size() && m_pieces.back().joinIfAdjacent(bytes)) return;
        m_pieces.push_back(std::move(bytes));
    }

    // Drops the first n octets (all of them when n is larger).
    void popFront(std::size_t n) { takeFront(n, nullptr); }
    // Moves the first n octets to the back of `to`, sharing their buffers.
    void moveFrontTo(std::size_t n, PayloadQueue &to) { takeFront(n, &to); }

    // Octets [offset, offset + count), clamped to the queue: shared when they lie in one piece.
    Payload slice(std::size_t offset, std::size_t count) const
    {
        std::size_t i = m_head;
        while (i < m_pieces.size() && offset >= m_pieces[i].size())
            offset -= m_pieces[i++].size();
        if (i == m_pieces.size() || count == 0) return {};
        if (offset + count <= m_pieces[i].size()) return m_pieces[i].slice(offset, count);
        std::vector<std::uint8_t> bytes;
        bytes.reserve(count);
        for (; i < m_pieces.size() && bytes.size() < count; ++i, offset = 0) {
            const Payload &piece = m_pieces[i];
            const std::size_t n = std::min(piece.size() - offset, count - bytes.size());
            bytes.insert(bytes.end(), piece.begin() + offset, piece.begin() + offset + n);
        }
        return Payload(bytes);
    }

    void clear()
    {
        m_pieces.clear();
        m_head = 0;
        m_size = 0;
    }

private:
    // Appends the first n octets of `piece`, widening the last piece when they continue it.
    void appendFrontOf(const Payload &piece, std::size_t n)
    {
        m_size += n;
        const Payload part = piece.slice(0, n);
        if (m_head < m_pieces.size() && m_pieces.back().joinIfAdjacent(part)) return;
        m_pieces.push_back(part);
    }

    void takeFront(std::size_t n, PayloadQueue *to)
    {
        while (n > 0 && m_head < m_pieces.size()) {
            Payload &front = m_pieces[m_head];
            if (front.size() <= n) {
                n -= front.size();
                m_size -= front.size();
                if (to) to->append(std::move(front));
                front = Payload();
                ++m_head;
            } else {
                if (to) to->appendFrontOf(front, n);
                front.dropFront(n);
                m_size -= n;
                n = 0;
            }
        }
        if (m_head == m_pieces.size()) {
            clear();
        } else if (m_head > 8 && m_head * 2 > m_pieces.size()) {
            m_pieces.erase(m_pieces.begin(), m_pieces.begin() + static_cast<std::ptrdiff_t>(m_head));
            m_head = 0;
        }
    }

    std::vector<Payload> m_pieces; // [m_head, end) are live
    std::size_t m_head = 0;
    std::size_t m_size = 0;
};

} // namespace tcplab
