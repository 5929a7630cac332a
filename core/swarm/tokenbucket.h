// Bandwidth limiting: a token bucket per limit (session-wide, per torrent, ...).
//
// Tokens (bytes) accrue at `rate` per second up to `burst`; a request takes what is there and
// the caller sends only that much, asking timeUntil() when to try again. Over any interval T the
// bucket grants at most burst + rate * T bytes, which is the property the tests pin down.
// Rate 0 means unlimited. Grants are partial by design: a socket writer writes what it was
// granted; nothing waits inside the bucket, so fairness between peers sharing a bucket is the
// scheduler's job (serve waiting peers round-robin), not this class's.
//
// Several limits apply to one transfer (the global limit and the torrent's): requestFromAll()
// grants the minimum available across the buckets and charges each of them that amount.
#pragma once

#include "util/clock.h"

#include <cstdint>
#include <initializer_list>
#include <span>

namespace swarmscope::swarm {

class TokenBucket {
public:
    // One 16 KiB block at least, so a slow limit still lets a whole block go in one write.
    static constexpr std::int64_t kMinDefaultBurst = 16 * 1024;

    TokenBucket() = default; // unlimited
    TokenBucket(std::int64_t bytesPerSecond, std::int64_t burst, TimePoint now);

    // Changes the limit at `now`. Tokens earned until `now` are credited at the old rate first,
    // so a change neither forgives nor forfeits earned time; the balance is then capped at the new
    // burst (lowering a limit takes effect at once). From unlimited the bucket starts full, as a
    // new one does. `burst` <= 0 picks the default: one second of rate, at least kMinDefaultBurst.
    void setRate(std::int64_t bytesPerSecond, std::int64_t burst, TimePoint now);

    std::int64_t rate() const { return m_rate; }
    std::int64_t burst() const { return m_burst; }
    bool unlimited() const { return m_rate <= 0; }

    // Whole bytes that could be granted at `now` (the maximum int64 when unlimited).
    std::int64_t available(TimePoint now);
    // Grants min(bytes, available) and charges it.
    std::int64_t request(std::int64_t bytes, TimePoint now);
    // Charges `bytes` already granted against this bucket (after available(now) refilled it).
    void consume(std::int64_t bytes);
    // How long until min(bytes, burst) bytes are available; zero when they already are.
    Duration timeUntil(std::int64_t bytes, TimePoint now);

private:
    void refill(TimePoint now);

    std::int64_t m_rate = 0;
    std::int64_t m_burst = 0;
    double m_tokens = 0.0;
    TimePoint m_last{};
};

// Grants the smallest amount every bucket allows (null entries are skipped) and charges them all.
std::int64_t requestFromAll(std::span<TokenBucket *const> buckets, std::int64_t bytes,
                            TimePoint now);
std::int64_t requestFromAll(std::initializer_list<TokenBucket *> buckets, std::int64_t bytes,
                            TimePoint now);
// When every bucket can grant min(bytes, smallest burst among them): the latest of their waits.
Duration timeUntilAll(std::span<TokenBucket *const> buckets, std::int64_t bytes, TimePoint now);
Duration timeUntilAll(std::initializer_list<TokenBucket *> buckets, std::int64_t bytes,
                      TimePoint now);

} // namespace swarmscope::swarm
