#include "payload.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <new>
#include <stdexcept>

namespace tcplab {

Payload &Payload::operator=(const Payload &other) noexcept
{
    if (this == &other) return *this;
    if (other.m_block) other.m_block->refs.fetch_add(1, std::memory_order_relaxed);
    release();
    m_block = other.m_block;
    m_offset = other.m_offset;
    m_size = other.m_size;
    return *this;
}

Payload &Payload::operator=(Payload &&other) noexcept
{
    if (this == &other) return *this;
    release();
    m_block = other.m_block;
    m_offset = other.m_offset;
    m_size = other.m_size;
    other.m_block = nullptr;
    other.m_offset = other.m_size = 0;
    return *this;
}

void Payload::release() noexcept
{
    // The last owner frees the buffer; acquire/release so that its bytes were fully written before.
    if (m_block && m_block->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        m_block->~Block();
        ::operator delete(m_block);
    }
    m_block = nullptr;
    m_offset = m_size = 0;
}

std::uint8_t *Payload::allocate(size_type count)
{
    if (count > std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("a segment payload is limited to 4 GiB");
    if (count == 0) return nullptr;
    void *memory = ::operator new(sizeof(Block) + count);
    m_block = new (memory) Block{{1}, static_cast<std::uint32_t>(count)};
    m_size = static_cast<std::uint32_t>(count);
    return bytesOf(m_block);
}

void Payload::assignBytes(const std::uint8_t *bytes, size_type count)
{
    // Into a new buffer first: the bytes may lie in this payload's own.
    Payload fresh;
    std::uint8_t *out = fresh.allocate(count);
    if (count != 0) std::memcpy(out, bytes, count);
    *this = std::move(fresh);
}

void Payload::assign(size_type count, std::uint8_t value)
{
    Payload fresh;
    std::uint8_t *out = fresh.allocate(count);
    if (count != 0) std::memset(out, value, count);
    *this = std::move(fresh);
}

void Payload::resize(size_type count, std::uint8_t value)
{
    if (count <= m_size) {
        m_size = static_cast<std::uint32_t>(count);
        if (m_size == 0) release();
        return;
    }
    Payload grown;
    std::uint8_t *out = grown.allocate(count);
    if (m_size != 0) std::memcpy(out, data(), m_size);
    std::memset(out + m_size, value, count - m_size);
    *this = std::move(grown);
}

void Payload::push_back(std::uint8_t byte)
{
    resize(m_size + std::size_t{1}, byte);
}

Payload::const_iterator Payload::erase(const_iterator first, const_iterator last)
{
    const auto from = static_cast<std::uint32_t>(first - begin());
    const auto count = static_cast<std::uint32_t>(last - first);
    if (count == 0) return first;
    if (from == 0) { // the front: move the window's start
        m_offset += count;
        m_size -= count;
        if (m_size == 0) release();
        return begin();
    }
    if (from + count == m_size) { // the back: shorten the window
        m_size = from;
        return end();
    }
    Payload rest;
    std::uint8_t *out = rest.allocate(m_size - count);
    std::memcpy(out, data(), from);
    std::memcpy(out + from, data() + from + count, m_size - from - count);
    *this = std::move(rest);
    return begin() + from;
}

Payload Payload::slice(size_type offset, size_type count) const noexcept
{
    Payload part;
    if (offset >= m_size || count == 0) return part;
    part = *this;
    part.m_offset = m_offset + static_cast<std::uint32_t>(offset);
    part.m_size = static_cast<std::uint32_t>(std::min<size_type>(count, m_size - offset));
    return part;
}

bool Payload::joinIfAdjacent(const Payload &next) noexcept
{
    if (!m_block || m_block != next.m_block || m_offset + m_size != next.m_offset) return false;
    m_size += next.m_size;
    return true;
}

long Payload::useCount() const noexcept
{
    return m_block ? static_cast<long>(m_block->refs.load(std::memory_order_relaxed)) : 0;
}

bool Payload::sameBytes(const std::uint8_t *a, size_type aSize, const std::uint8_t *b,
                        size_type bSize) noexcept
{
    if (aSize != bSize) return false;
    return aSize == 0 || a == b || std::memcmp(a, b, aSize) == 0;
}

} // namespace tcplab
