#pragma once
// The simulator's only source of randomness: xoshiro256** (Blackman and Vigna, https://prng.di.unimi.it/),
// seeded through splitmix64 from the scenario's seed. Self-contained on purpose: std::random_device is not
// reproducible and the standard distributions are implementation-defined, so a trace would differ between
// standard libraries. Every draw is specified here, bit for bit.
#include <cstdint>

namespace tcplab {

// splitmix64 (Steele, Lea, Flood 2014): spreads a small seed over 64 bits; used to seed xoshiro.
constexpr std::uint64_t splitmix64(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

class Random {
public:
    explicit constexpr Random(std::uint64_t seed)
    {
        std::uint64_t sm = seed;
        for (std::uint64_t &word : m_s)
            word = splitmix64(sm);
    }

    constexpr std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // A double in [0, 1) from the top 53 bits: exact, the same on every platform.
    constexpr double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    // True with probability p (p <= 0: never, p >= 1: always, and no draw is made in either case).
    constexpr bool chance(double p)
    {
        if (p <= 0.0) return false;
        if (p >= 1.0) return true;
        return uniform() < p;
    }

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    std::uint64_t m_s[4] = {};
};

} // namespace tcplab
