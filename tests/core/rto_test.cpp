// The retransmission timeout estimator of RFC 6298.
#include "tcp/rto.h"

#include <gtest/gtest.h>

namespace tcplab {
namespace {

TEST(Rfc6298_2_1, BeforeAnySampleTheRtoIsTheInitialOne)
{
    RtoEstimator e(1 * kSecond, 1 * kSecond, 60 * kSecond);
    EXPECT_EQ(e.rto(), 1 * kSecond);
    EXPECT_FALSE(e.srtt().has_value());
}

TEST(Rfc6298_2_2, FirstSampleSetsSrttAndHalfOfItAsRttvar)
{
    RtoEstimator e(1 * kSecond, 200 * kMillisecond, 120 * kSecond);
    e.addSample(100 * kMillisecond);
    EXPECT_EQ(e.srtt(), std::optional<TimeUs>(100 * kMillisecond));
    EXPECT_EQ(e.rttvar(), 50 * kMillisecond);
    EXPECT_EQ(e.rto(), 300 * kMillisecond); // 100 + 4·50
}

TEST(Rfc6298_2_3, LaterSamplesUseAlphaOneEighthAndBetaOneQuarter)
{
    RtoEstimator e(1 * kSecond, 1 * kMillisecond, 120 * kSecond);
    e.addSample(100 * kMillisecond);
    e.addSample(200 * kMillisecond);
    // RTTVAR = 3/4·50 + 1/4·|100-200| = 62.5 ms; SRTT = 7/8·100 + 1/8·200 = 112.5 ms.
    EXPECT_EQ(e.rttvar(), 62500);
    EXPECT_EQ(e.srtt(), std::optional<TimeUs>(112500));
    EXPECT_EQ(e.rto(), 112500 + 4 * 62500);
}

TEST(Rfc6298_2_4, RtoIsRoundedUpToTheMinimum)
{
    RtoEstimator e(1 * kSecond, 1 * kSecond, 60 * kSecond);
    e.addSample(100 * kMillisecond);
    EXPECT_EQ(e.rto(), 1 * kSecond);
}

TEST(Rfc6298_5_5, BackOffDoublesUpToTheMaximum)
{
    RtoEstimator e(1 * kSecond, 1 * kSecond, 5 * kSecond);
    e.backOff();
    EXPECT_EQ(e.rto(), 2 * kSecond);
    e.backOff();
    EXPECT_EQ(e.rto(), 4 * kSecond);
    e.backOff();
    EXPECT_EQ(e.rto(), 5 * kSecond);
    e.backOff();
    EXPECT_EQ(e.rto(), 5 * kSecond);
}

TEST(Rfc6298_2_5, RtoIsCappedAtTheMaximum)
{
    RtoEstimator e(1 * kSecond, 1 * kSecond, 60 * kSecond);
    e.addSample(50 * kSecond);
    EXPECT_EQ(e.rto(), 60 * kSecond);
}

TEST(Rfc6298_5_7, ASampleAfterBackOffRecomputesFromSrtt)
{
    RtoEstimator e(1 * kSecond, 200 * kMillisecond, 120 * kSecond);
    e.backOff();
    e.backOff();
    EXPECT_EQ(e.rto(), 4 * kSecond);
    e.addSample(100 * kMillisecond);
    EXPECT_EQ(e.rto(), 300 * kMillisecond);
}

} // namespace
} // namespace tcplab
