#include "tracker/trackertiers.h"

#include <QSet>

#include <algorithm>

namespace swarmscope::tracker {

using std::chrono::seconds;

TrackerTiers::TrackerTiers(const QList<QStringList> &tiers, std::mt19937 &rng, const TiersSettings &settings)
    : m_settings(settings)
{
    QSet<QString> seen;
    for (const QStringList &urls : tiers) {
        QList<int> tier;
        for (const QString &url : urls) {
            const QString trimmed = url.trimmed();
            if (trimmed.isEmpty() || seen.contains(trimmed))
                continue;
            seen.insert(trimmed);
            Entry e;
            e.state.url = trimmed;
            e.state.tier = int(m_tiers.size());
            tier.append(int(m_entries.size()));
            m_entries.push_back(std::move(e));
        }
        if (tier.isEmpty())
            continue;
        // BEP 12: shuffle once, so load spreads over the trackers of a tier.
        std::shuffle(tier.begin(), tier.end(), rng);
        m_tiers.append(tier);
    }
}

Duration TrackerTiers::backoff(int failures) const
{
    Duration d = m_settings.retryBase;
    for (int i = 1; i < failures && d < m_settings.retryMax; ++i)
        d *= 2;
    return std::min(d, m_settings.retryMax);
}

Duration TrackerTiers::clampInterval(std::optional<qint64> secs, Duration fallback) const
{
    // Compare in seconds first: a hostile 2^62 must not overflow the nanosecond clock.
    const qint64 maxSecs = std::chrono::duration_cast<seconds>(m_settings.maximumInterval).count();
    const Duration d = secs ? Duration(seconds(std::min(*secs, maxSecs))) : fallback;
    return std::clamp(d, m_settings.minimumInterval, m_settings.maximumInterval);
}

void TrackerTiers::moveToFront(int tracker)
{
    for (QList<int> &tier : m_tiers) {
        const qsizetype i = tier.indexOf(tracker);
        if (i > 0)
            tier.move(i, 0);
    }
}

bool TrackerTiers::isCurrent(const AnnounceJob &job) const
{
    return m_running && m_inFlight && *m_inFlight == job.serial && job.tracker >= 0
           && job.tracker < trackerCount();
}

void TrackerTiers::clearUpdatingOfSideJob(const AnnounceJob &job)
{
    // Keep the flag when a regular announce to the same tracker is out right now.
    if (!(m_inFlight && m_inFlightTracker == job.tracker))
        m_entries[job.tracker].state.updating = false;
}

void TrackerTiers::start(TimePoint now)
{
    if (m_running)
        return;
    m_running = true;
    m_inFlight.reset();
    m_due = now;
    m_working = -1;
    for (Entry &e : m_entries) {
        e.acknowledged = false; // a new run: every tracker needs `started` again
        e.state.updating = false;
    }
}

QList<AnnounceJob> TrackerTiers::stop(TimePoint now)
{
    Q_UNUSED(now);
    QList<AnnounceJob> jobs;
    if (!m_running)
        return jobs;
    for (int i = 0; i < trackerCount(); ++i) {
        Entry &e = m_entries[i];
        // An announce in flight may already have registered us: tell that tracker too.
        if (!e.acknowledged && !e.state.updating)
            continue;
        e.state.updating = true;
        e.state.nextAnnounce.reset();
        jobs.append({i, e.state.url, AnnounceEvent::Stopped, e.trackerId, m_nextSerial++});
        e.acknowledged = false;
    }
    for (Entry &e : m_entries)
        e.state.nextAnnounce.reset();
    m_running = false;
    m_due.reset();
    m_inFlight.reset();
    m_completedPending = false;
    return jobs;
}

void TrackerTiers::setCompleted(TimePoint now)
{
    if (m_completedReported || m_completedPending)
        return;
    m_completedPending = true;
    if (m_running && !m_inFlight)
        m_due = now; // a result in flight reschedules itself (see onSuccess)
}

std::optional<TimePoint> TrackerTiers::announceNow(TimePoint now)
{
    if (!m_running)
        return std::nullopt;
    for (Entry &e : m_entries)
        e.retryAt = {};
    if (m_inFlight)
        return now;
    TimePoint when = now;
    if (m_working >= 0 && m_entries[m_working].state.earliestManual)
        when = std::max(when, *m_entries[m_working].state.earliestManual);
    m_due = when;
    if (m_working >= 0)
        m_entries[m_working].state.nextAnnounce = when;
    return when;
}

std::optional<TimePoint> TrackerTiers::nextWakeUp() const
{
    if (!m_running || m_inFlight)
        return std::nullopt;
    return m_due;
}

std::optional<AnnounceJob> TrackerTiers::nextJob(TimePoint now)
{
    if (!m_running || m_inFlight || !m_due || *m_due > now)
        return std::nullopt;
    int chosen = -1;
    std::optional<TimePoint> earliestRetry;
    for (const QList<int> &tier : std::as_const(m_tiers)) {
        for (const int i : tier) {
            const TimePoint retryAt = m_entries[i].retryAt;
            if (retryAt <= now) {
                chosen = i;
                break;
            }
            earliestRetry = earliestRetry ? std::min(*earliestRetry, retryAt) : retryAt;
        }
        if (chosen >= 0)
            break;
    }
    if (chosen < 0) {
        m_due = earliestRetry; // every tracker is backing off: wake when the first may retry
        return std::nullopt;
    }
    Entry &e = m_entries[chosen];
    AnnounceEvent event = AnnounceEvent::None;
    if (m_completedPending)
        event = AnnounceEvent::Completed; // also registers us with a tracker that never saw `started`
    else if (!e.acknowledged)
        event = AnnounceEvent::Started;
    e.state.updating = true;
    const AnnounceJob job{chosen, e.state.url, event, e.trackerId, m_nextSerial++};
    m_inFlight = job.serial;
    m_inFlightTracker = chosen;
    m_due.reset();
    return job;
}

void TrackerTiers::onSuccess(const AnnounceJob &job, const AnnounceResponse &response, TimePoint now)
{
    if (response.failed()) {
        if (job.tracker >= 0 && job.tracker < trackerCount() && !response.warningMessage.isEmpty())
            m_entries[job.tracker].state.lastWarning = response.warningMessage;
        onFailure(job, response.failureReason, now);
        return;
    }
    if (job.tracker < 0 || job.tracker >= trackerCount())
        return;
    Entry &e = m_entries[job.tracker];
    TrackerState &s = e.state;
    if (!isCurrent(job)) {
        // A `stopped` answer, or a result that a stop()/start() made stale: just record it.
        clearUpdatingOfSideJob(job);
        return;
    }
    m_inFlight.reset();
    s.updating = false;
    s.working = true;
    s.failures = 0;
    s.lastError.clear();
    s.lastWarning = response.warningMessage;
    s.lastAnnounce = now;
    s.lastPeerCount = int(response.peers.size());
    if (response.complete)
        s.seeds = response.complete;
    if (response.incomplete)
        s.leechers = response.incomplete;
    if (response.downloaded)
        s.downloaded = response.downloaded;
    if (!response.trackerId.isEmpty())
        e.trackerId = response.trackerId;
    e.retryAt = {};
    e.acknowledged = true;
    if (job.event == AnnounceEvent::Completed) {
        m_completedPending = false;
        m_completedReported = true;
    }
    const Duration minInterval = response.minInterval
                                     ? clampInterval(response.minInterval, m_settings.minimumInterval)
                                     : m_settings.minimumInterval;
    const Duration interval = std::max(clampInterval(response.interval, m_settings.defaultInterval), minInterval);
    s.earliestManual = now + minInterval;
    // `completed` arrived while this announce was out: send it now rather than an interval later.
    m_due = m_completedPending ? now : now + interval;
    s.nextAnnounce = m_due;
    if (m_working >= 0 && m_working != job.tracker) {
        m_entries[m_working].state.working = false;
        m_entries[m_working].state.nextAnnounce.reset();
    }
    m_working = job.tracker;
    moveToFront(job.tracker);
}

void TrackerTiers::onFailure(const AnnounceJob &job, const QString &error, TimePoint now)
{
    if (job.tracker < 0 || job.tracker >= trackerCount())
        return;
    Entry &e = m_entries[job.tracker];
    TrackerState &s = e.state;
    if (!isCurrent(job)) {
        clearUpdatingOfSideJob(job);
        s.lastError = error;
        return;
    }
    m_inFlight.reset();
    s.updating = false;
    s.working = false;
    s.lastError = error;
    ++s.failures;
    e.retryAt = now + backoff(s.failures);
    s.nextAnnounce = e.retryAt;
    if (m_working == job.tracker)
        m_working = -1;
    m_due = now; // BEP 12: go on to the next tracker at once
}

void TrackerTiers::onScrape(int tracker, const ScrapeStats &stats)
{
    if (tracker < 0 || tracker >= trackerCount())
        return;
    TrackerState &s = m_entries[tracker].state;
    if (stats.complete)
        s.seeds = stats.complete;
    if (stats.incomplete)
        s.leechers = stats.incomplete;
    if (stats.downloaded)
        s.downloaded = stats.downloaded;
}

} // namespace swarmscope::tracker
