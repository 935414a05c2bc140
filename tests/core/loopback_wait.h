#pragma once
// Waiting on a loopback run by what it should reach, not by a fixed stretch of wall clock: a loaded machine
// (other builds on two cores) can stall the process for a good part of a second, and the driver's clock,
// the wall clock, runs on meanwhile, so "by 300 ms it is ESTABLISHED" fails where "it becomes ESTABLISHED"
// holds. The limit is generous; a test fails on it only when the event never comes.
#include "io/loopback_driver.h"

#include <algorithm>

namespace tcplab::loopback_test {

constexpr TimeUs kGenerousWait = 20 * kSecond;

// Runs `driver` until `done()` holds or `limit` more of its time has passed; returns done().
template <class Done> bool runUntilTrue(LoopbackDriver &driver, Done &&done, TimeUs limit = kGenerousWait)
{
    const TimeUs end = driver.now() + limit;
    while (!done()) {
        const TimeUs now = driver.now();
        if (now >= end) return done();
        driver.pollOnce(std::min<TimeUs>(10 * kMillisecond, end - now));
    }
    return true;
}

// Runs until both ends of pair 0 are in `state`.
inline bool runUntilBoth(LoopbackDriver &driver, TcpState state, TimeUs limit = kGenerousWait)
{
    return runUntilTrue(
        driver,
        [&] {
            return driver.endpoint(Side::Client).state() == state &&
                   driver.endpoint(Side::Server).state() == state;
        },
        limit);
}

} // namespace tcplab::loopback_test
