#include "rto.h"

#include <algorithm>

namespace tcplab {

namespace {

// RFC 6298 §2: K = 4, alpha = 1/8, beta = 1/4, and G the clock granularity. The core's clock counts
// microseconds, so G is one microsecond; the floor of §2.4 (minRto) dominates it in practice.
constexpr TimeUs kClockGranularity = 1 * kMicrosecond;
constexpr TimeUs kK = 4;

} // namespace

RtoEstimator::RtoEstimator(TimeUs initialRto, TimeUs minRto, TimeUs maxRto)
    : m_initialRto(initialRto), m_minRto(minRto), m_maxRto(std::max(minRto, maxRto)),
      m_rto(std::clamp(m_initialRto, m_minRto, m_maxRto))
{
}

void RtoEstimator::addSample(TimeUs rtt)
{
    rtt = std::max<TimeUs>(rtt, 0);
    if (!m_srtt) {
        // §2.2: SRTT <- R, RTTVAR <- R/2.
        m_srtt = rtt;
        m_rttvar = rtt / 2;
    } else {
        // §2.3: RTTVAR first, with the old SRTT; then SRTT.
        const TimeUs delta = *m_srtt > rtt ? *m_srtt - rtt : rtt - *m_srtt;
        m_rttvar = (3 * m_rttvar + delta) / 4;
        m_srtt = (7 * *m_srtt + rtt) / 8;
    }
    // RTO <- SRTT + max(G, K*RTTVAR), then the floor (§2.4) and the ceiling (§2.5).
    m_rto = std::clamp(*m_srtt + std::max(kClockGranularity, kK * m_rttvar), m_minRto, m_maxRto);
}

void RtoEstimator::backOff()
{
    // §5.5: double, but never past the ceiling (§5.5 allows the §2.5 maximum).
    m_rto = std::min(2 * m_rto, m_maxRto);
}

} // namespace tcplab
