#pragma once
// The octets a segment carries, shared rather than copied. A segment's payload is copied many times on
// its way (the sender's queue, the trace's SegmentSent, the link, the trace's SegmentDelivered, the
// receiver's trimmed copy, DataDelivered): copying a Payload only counts a reference, so all of them read
// one buffer. The buffer never changes once written; a Payload is a window (offset, length) onto it, so
// trimming the front or the back (as a receiver trims to its window, RFC 9293 §3.10.7.4) copies nothing.
//
// It reads like a const std::vector<std::uint8_t> and converts to one, so code that wants a vector keeps
// working; changes that cannot be a narrower window (growing, erasing the middle) copy into a new buffer.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <span>
#include <vector>

namespace tcplab {

class Payload {
public:
    using value_type = std::uint8_t;
    using size_type = std::size_t;
    using difference_type = std::ptrdiff_t;
    using const_reference = const std::uint8_t &;
    using reference = const_reference;
    using const_pointer = const std::uint8_t *;
    using pointer = const_pointer;
    using const_iterator = const std::uint8_t *;
    using iterator = const_iterator;

    Payload() noexcept = default;
    Payload(std::span<const std::uint8_t> bytes) { assign(bytes.begin(), bytes.end()); }
    Payload(const std::vector<std::uint8_t> &bytes) : Payload(std::span<const std::uint8_t>(bytes)) {}
    Payload(std::initializer_list<std::uint8_t> bytes) { assign(bytes.begin(), bytes.end()); }
    Payload(size_type count, std::uint8_t value) { assign(count, value); }
    template <std::input_iterator It> Payload(It first, It last) { assign(first, last); }

    Payload(const Payload &other) noexcept
        : m_block(other.m_block), m_offset(other.m_offset), m_size(other.m_size)
    {
        if (m_block) m_block->refs.fetch_add(1, std::memory_order_relaxed);
    }
    Payload(Payload &&other) noexcept : m_block(other.m_block), m_offset(other.m_offset), m_size(other.m_size)
    {
        other.m_block = nullptr;
        other.m_offset = other.m_size = 0;
    }
    Payload &operator=(const Payload &other) noexcept;
    Payload &operator=(Payload &&other) noexcept;
    ~Payload()
    {
        if (m_block) release();
    }

    size_type size() const noexcept { return m_size; }
    bool empty() const noexcept { return m_size == 0; }
    const std::uint8_t *data() const noexcept { return m_block ? bytesOf(m_block) + m_offset : nullptr; }
    const_iterator begin() const noexcept { return data(); }
    const_iterator end() const noexcept { return data() + m_size; }
    const_iterator cbegin() const noexcept { return begin(); }
    const_iterator cend() const noexcept { return end(); }
    std::uint8_t operator[](size_type i) const noexcept { return data()[i]; }
    std::uint8_t front() const noexcept { return *begin(); }
    std::uint8_t back() const noexcept { return end()[-1]; }

    template <std::input_iterator It> void assign(It first, It last)
    {
        if constexpr (std::contiguous_iterator<It> && sizeof(std::iter_value_t<It>) == 1) {
            assignBytes(reinterpret_cast<const std::uint8_t *>(std::to_address(first)),
                        static_cast<size_type>(last - first));
        } else if constexpr (std::forward_iterator<It>) {
            // Into a new buffer first: [first, last) may lie in this payload's own.
            Payload fresh;
            std::uint8_t *out = fresh.allocate(static_cast<size_type>(std::distance(first, last)));
            for (; first != last; ++first)
                *out++ = static_cast<std::uint8_t>(*first);
            *this = std::move(fresh);
        } else {
            const std::vector<std::uint8_t> bytes(first, last);
            assignBytes(bytes.data(), bytes.size());
        }
    }
    void assign(size_type count, std::uint8_t value);
    void assign(std::initializer_list<std::uint8_t> bytes) { assign(bytes.begin(), bytes.end()); }

    void clear() noexcept { release(); }
    // Appends by copying into a new buffer: for building small payloads in tests, not for hot paths.
    void push_back(std::uint8_t byte);
    // Keeps [0, count); a longer payload is filled with `value` (a new buffer).
    void resize(size_type count, std::uint8_t value = 0);
    // Removes [first, last): from the front or the back by narrowing the window, elsewhere by a copy.
    // Returns the position after the removed range, as std::vector::erase does.
    const_iterator erase(const_iterator first, const_iterator last);

    // [offset, offset + count), clamped to this payload: a narrower window onto the same buffer, no copy.
    Payload slice(size_type offset, size_type count) const noexcept;
    // Widens this window over `next` when `next` continues it in the same buffer (two slices cut one after
    // the other); returns whether it did. Lets a queue of slices keep one piece per original buffer.
    bool joinIfAdjacent(const Payload &next) noexcept;
    // Drops the first n octets by narrowing the window (all of them when n is larger); no copy.
    void dropFront(size_type n) noexcept
    {
        if (n >= m_size) {
            clear();
            return;
        }
        m_offset += static_cast<std::uint32_t>(n);
        m_size -= static_cast<std::uint32_t>(n);
    }

    std::vector<std::uint8_t> toVector() const { return {begin(), end()}; }
    operator std::vector<std::uint8_t>() const { return toVector(); }
    operator std::span<const std::uint8_t>() const noexcept { return {data(), m_size}; }

    // How many Payloads share this one's buffer (0 for an empty one): for tests of the sharing.
    long useCount() const noexcept;

    friend bool operator==(const Payload &a, const Payload &b) noexcept
    {
        return sameBytes(a.data(), a.size(), b.data(), b.size());
    }
    friend bool operator==(const Payload &a, const std::vector<std::uint8_t> &b) noexcept
    {
        return sameBytes(a.data(), a.size(), b.data(), b.size());
    }

private:
    // The shared buffer: a reference count, then the bytes, in one allocation.
    struct Block {
        std::atomic<std::uint32_t> refs;
        std::uint32_t capacity;
    };
    static std::uint8_t *bytesOf(Block *block) noexcept
    {
        return reinterpret_cast<std::uint8_t *>(block + 1);
    }

    void assignBytes(const std::uint8_t *bytes, size_type count);
    // Gives an empty Payload a new buffer of `count` bytes and returns where to write them.
    std::uint8_t *allocate(size_type count);
    void release() noexcept;
    static bool sameBytes(const std::uint8_t *a, size_type aSize, const std::uint8_t *b,
                          size_type bSize) noexcept;

    Block *m_block = nullptr;
    std::uint32_t m_offset = 0;
    std::uint32_t m_size = 0;
};

} // namespace tcplab
