// Time for protocol logic. Pure code (picker, choker, rate meters, timeouts) never reads a
// clock: the caller passes `now`, so tests drive it with a fake clock.
#pragma once

#include <chrono>

namespace swarmscope {

using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;
using Duration = Clock::duration;
using namespace std::chrono_literals;

} // namespace swarmscope
