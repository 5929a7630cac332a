#include "swarm/ratemeter.h"

#include <algorithm>
#include <limits>

namespace swarmscope::swarm {

namespace {

// Floor division that stays correct for time points before the clock's epoch.
std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

std::int64_t floorMod(std::int64_t a, std::int64_t b)
{
    const std::int64_t m = a % b;
    return m < 0 ? m + b : m;
}

double seconds(Duration d)
{
    return std::chrono::duration<double>(d).count();
}

} // namespace

RateMeter::RateMeter(Duration window, Duration bucketWidth)
    : m_bucketWidth(std::max(bucketWidth, Duration(1)))
{
    const auto width = m_bucketWidth.count();
    const auto wanted = std::max<Duration::rep>(window.count(), 1);
    const std::int64_t count = std::max<std::int64_t>((wanted + width - 1) / width, 1);
    // An index no real time point maps to, so fresh buckets never look current.
    m_buckets.assign(static_cast<std::size_t>(count + 1),
                     Bucket{std::numeric_limits<std::int64_t>::min(), 0});
}

std::int64_t RateMeter::bucketIndex(TimePoint t) const
{
    return floorDiv(t.time_since_epoch().count(), m_bucketWidth.count());
}

TimePoint RateMeter::bucketStart(std::int64_t index) const
{
    return TimePoint(m_bucketWidth * index);
}

RateMeter::Bucket &RateMeter::slot(std::int64_t index)
{
    return m_buckets[static_cast<std::size_t>(
        floorMod(index, static_cast<std::int64_t>(m_buckets.size())))];
}

const RateMeter::Bucket &RateMeter::slot(std::int64_t index) const
{
    return m_buckets[static_cast<std::size_t>(
        floorMod(index, static_cast<std::int64_t>(m_buckets.size())))];
}

void RateMeter::start(TimePoint now)
{
    m_start = now;
    if (!m_started || now > m_latest)
        m_latest = now;
    m_started = true;
}

void RateMeter::add(std::int64_t bytes, TimePoint now)
{
    if (!m_started)
        start(now);
    now = std::max(now, m_latest);
    m_latest = now;
    if (bytes <= 0)
        return;
    const std::int64_t index = bucketIndex(now);
    Bucket &b = slot(index);
    if (b.index != index)
        b = Bucket{index, 0};
    b.bytes += bytes;
    m_total += bytes;
}

double RateMeter::rate(TimePoint now) const
{
    return rate(now, window());
}

double RateMeter::rate(TimePoint now, Duration span) const
{
    if (!m_started)
        return 0.0;
    now = std::max(now, m_latest);
    const auto width = m_bucketWidth.count();
    const std::int64_t k =
        std::clamp<std::int64_t>((span.count() + width - 1) / width, 1, windowBuckets());
    const std::int64_t current = bucketIndex(now);

    std::int64_t sum = 0;
    for (std::int64_t i = current - k; i <= current; ++i) {
        const Bucket &b = slot(i);
        if (b.index == i)
            sum += b.bytes;
    }
    // k whole buckets plus the elapsed part of the current one...
    Duration covered = m_bucketWidth * k + (now - bucketStart(current));
    // ...unless measuring began inside that span (at least one bucket, so one early sample
    // does not read as an enormous rate).
    covered = std::min(covered, std::max(now - m_start, m_bucketWidth));
    return static_cast<double>(sum) / seconds(covered);
}

} // namespace swarmscope::swarm
