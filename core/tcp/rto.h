#pragma once
// The retransmission timeout estimator of RFC 6298 §2: SRTT, RTTVAR, RTO, Karn's rule (no samples from
// retransmitted segments, §3), and the back-off (§5.5).
#include "time.h"

#include <optional>

namespace tcplab {

class RtoEstimator {
public:
    RtoEstimator(TimeUs initialRto, TimeUs minRto, TimeUs maxRto);

    void addSample(TimeUs rtt); // §2.2 first sample, §2.3 later samples, §2.4 floor, §2.5 ceiling
    void backOff();             // §5.5: RTO = min(2·RTO, max)
    TimeUs rto() const { return m_rto; }
    std::optional<TimeUs> srtt() const { return m_srtt; }
    TimeUs rttvar() const { return m_rttvar; }

private:
    TimeUs m_initialRto, m_minRto, m_maxRto;
    TimeUs m_rto;
    std::optional<TimeUs> m_srtt;
    TimeUs m_rttvar = 0;
};

} // namespace tcplab
