#include "swarm/tokenbucket.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace swarmscope::swarm {

namespace {

constexpr std::int64_t kUnlimited = std::numeric_limits<std::int64_t>::max();

// Tokens are a double (fractions of a byte carry over between calls); this slack keeps a balance
// of 999.9999999 after exactly the advertised wait from reading as 999.
constexpr double kEpsilon = 1e-6;

} // namespace

TokenBucket::TokenBucket(std::int64_t bytesPerSecond, std::int64_t burst, TimePoint now)
{
    setRate(bytesPerSecond, burst, now);
}

void TokenBucket::refill(TimePoint now)
{
    if (now <= m_last)
        return; // same instant, or a caller's clock running backwards: nothing earned
    if (!unlimited()) {
        const double elapsed = std::chrono::duration<double>(now - m_last).count();
        m_tokens = std::min(static_cast<double>(m_burst),
                            m_tokens + elapsed * static_cast<double>(m_rate));
    }
    m_last = now;
}

void TokenBucket::setRate(std::int64_t bytesPerSecond, std::int64_t burst, TimePoint now)
{
    const bool wasUnlimited = unlimited();
    refill(now);
    m_last = std::max(m_last, now);
    if (bytesPerSecond <= 0) {
        m_rate = 0;
        m_burst = 0;
        m_tokens = 0.0;
        return;
    }
    m_rate = bytesPerSecond;
    m_burst = burst > 0 ? burst : std::max(bytesPerSecond, kMinDefaultBurst);
    m_tokens = wasUnlimited ? static_cast<double>(m_burst)
                            : std::min(m_tokens, static_cast<double>(m_burst));
}

std::int64_t TokenBucket::available(TimePoint now)
{
    if (unlimited())
        return kUnlimited;
    refill(now);
    return std::max<std::int64_t>(0, static_cast<std::int64_t>(std::floor(m_tokens + kEpsilon)));
}

void TokenBucket::consume(std::int64_t bytes)
{
    if (unlimited() || bytes <= 0)
        return;
    m_tokens -= static_cast<double>(bytes);
}

std::int64_t TokenBucket::request(std::int64_t bytes, TimePoint now)
{
    if (bytes <= 0)
        return 0;
    const std::int64_t granted = std::min(bytes, available(now));
    consume(granted);
    return granted;
}

Duration TokenBucket::timeUntil(std::int64_t bytes, TimePoint now)
{
    if (unlimited() || bytes <= 0)
        return Duration::zero();
    refill(now);
    const double missing = static_cast<double>(std::min(bytes, m_burst)) - m_tokens;
    if (missing <= kEpsilon)
        return Duration::zero();
    const std::chrono::duration<double> wait(missing / static_cast<double>(m_rate));
    return std::chrono::ceil<Duration>(wait);
}

std::int64_t requestFromAll(std::span<TokenBucket *const> buckets, std::int64_t bytes,
                            TimePoint now)
{
    if (bytes <= 0)
        return 0;
    std::int64_t granted = bytes;
    for (TokenBucket *b : buckets) {
        if (b)
            granted = std::min(granted, b->available(now));
    }
    for (TokenBucket *b : buckets) {
        if (b)
            b->consume(granted);
    }
    return granted;
}

std::int64_t requestFromAll(std::initializer_list<TokenBucket *> buckets, std::int64_t bytes,
                            TimePoint now)
{
    return requestFromAll(std::span<TokenBucket *const>(buckets.begin(), buckets.size()), bytes,
                          now);
}

Duration timeUntilAll(std::span<TokenBucket *const> buckets, std::int64_t bytes, TimePoint now)
{
    // A request larger than some bucket's burst can never be granted whole; wait only for the
    // part the tightest bucket can hold, or the wait would outlast what the grant can use.
    std::int64_t wanted = bytes;
    for (TokenBucket *b : buckets) {
        if (b && !b->unlimited())
            wanted = std::min(wanted, b->burst());
    }
    Duration wait = Duration::zero();
    for (TokenBucket *b : buckets) {
        if (b)
            wait = std::max(wait, b->timeUntil(wanted, now));
    }
    return wait;
}

Duration timeUntilAll(std::initializer_list<TokenBucket *> buckets, std::int64_t bytes,
                      TimePoint now)
{
    return timeUntilAll(std::span<TokenBucket *const>(buckets.begin(), buckets.size()), bytes,
                        now);
}

} // namespace swarmscope::swarm
