#pragma once
// A FIFO of octets that is contiguous (segments are copied out of it in one block) and drops from the
// front by moving a head index, compacting only when the dead prefix outgrows the live bytes. The send,
// retransmission and receive queues all take bytes at the back and give them up at the front.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tcplab {

class ByteQueue {
public:
    const std::uint8_t *begin() const { return m_bytes.data() + m_head; }
    const std::uint8_t *end() const { return m_bytes.data() + m_bytes.size(); }
    std::size_t size() const { return m_bytes.size() - m_head; }
    bool empty() const { return size() == 0; }

    template <typename It> void append(It first, It last)
    {
        compact();
        m_bytes.insert(m_bytes.end(), first, last);
    }
    void popFront(std::size_t n)
    {
        m_head += n < size() ? n : size();
        if (m_head == m_bytes.size()) clear();
    }
    void clear()
    {
        m_bytes.clear();
        m_head = 0;
    }

private:
    void compact()
    {
        if (m_head == 0 || m_head < m_bytes.size() - m_head) return;
        m_bytes.erase(m_bytes.begin(), m_bytes.begin() + static_cast<std::ptrdiff_t>(m_head));
        m_head = 0;
    }

    std::vector<std::uint8_t> m_bytes;
    std::size_t m_head = 0;
};

} // namespace tcplab
