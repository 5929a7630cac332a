// Bytes per second over a sliding window, for the choker's ranking and the UI's speed columns.
//
// Why 20 s by default: BitTorrent's choker ranks peers by what they sent us over roughly the last
// 20 s, long enough that a peer cannot win a slot with one lucky burst between two 10 s rechokes,
// short enough that a peer that stopped sending falls behind within two rechokes. The UI wants a
// more current figure; it asks the same meter for a shorter span (rate(now, 5s)): one ring serves
// both, so a peer carries one meter per direction.
//
// How: fixed-width buckets (1 s by default) in a ring allocated once. Each bucket remembers the
// absolute bucket number it holds, so a stale bucket is recognised and cleared on use: add() is
// O(1), rate() is O(window buckets), and an idle gap of any length costs nothing (no catch-up loop).
// The current, partly filled bucket counts with the time elapsed in it, so steady input reads as
// its true rate at any instant and not as a saw-tooth at bucket boundaries.
#pragma once

#include "util/clock.h"

#include <cstdint>
#include <vector>

namespace swarmscope::swarm {

class RateMeter {
public:
    static constexpr Duration kDefaultWindow = std::chrono::seconds(20);
    static constexpr Duration kDefaultBucket = std::chrono::seconds(1);

    // `window` is rounded up to whole buckets; both are clamped to at least 1 ns / 1 bucket.
    explicit RateMeter(Duration window = kDefaultWindow, Duration bucketWidth = kDefaultBucket);

    // Marks when measuring began (e.g. the connection time). Until a full window has passed the
    // rate is divided by the time since then, not by the whole window, so a young peer's rate is
    // not understated. Without start(), the first add() starts the meter.
    void start(TimePoint now);

    // Counts `bytes` (ignored when <= 0) at `now`. A `now` older than the latest sample is
    // treated as the latest sample's time (time never runs backwards for the meter).
    void add(std::int64_t bytes, TimePoint now);

    // Bytes per second over the whole window ending at `now`.
    double rate(TimePoint now) const;
    // Bytes per second over the last `span` (rounded up to whole buckets, at most the window).
    double rate(TimePoint now, Duration span) const;

    std::int64_t total() const { return m_total; }
    Duration window() const { return m_bucketWidth * windowBuckets(); }
    Duration bucketWidth() const { return m_bucketWidth; }
    bool started() const { return m_started; }

private:
    struct Bucket {
        std::int64_t index = 0; // absolute bucket number (time / width)
        std::int64_t bytes = 0;
    };

    std::int64_t bucketIndex(TimePoint t) const;
    TimePoint bucketStart(std::int64_t index) const;
    std::int64_t windowBuckets() const { return static_cast<std::int64_t>(m_buckets.size()) - 1; }
    Bucket &slot(std::int64_t index);
    const Bucket &slot(std::int64_t index) const;

    Duration m_bucketWidth;
    // window buckets + 1 for the current one; `index` of an unused bucket never matches (see ctor).
    std::vector<Bucket> m_buckets;
    std::int64_t m_total = 0;
    TimePoint m_start{};
    TimePoint m_latest{};
    bool m_started = false;
};

} // namespace swarmscope::swarm
