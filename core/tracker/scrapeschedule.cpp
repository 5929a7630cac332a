#include "tracker/scrapeschedule.h"

#include "tracker/scrape.h"

#include <algorithm>

namespace swarmscope::tracker {

std::optional<QString> scrapeTargetFor(const QString &announceUrl)
{
    if (announceUrl.startsWith(QLatin1String("udp://"), Qt::CaseInsensitive))
        return announceUrl; // BEP 15: scrape is an action on the same endpoint
    if (announceUrl.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        || announceUrl.startsWith(QLatin1String("https://"), Qt::CaseInsensitive))
        return scrapeUrlFor(announceUrl);
    return std::nullopt;
}

ScrapeSchedule::ScrapeSchedule(const QList<std::optional<QString>> &targets, const ScrapeScheduleSettings &settings)
    : m_settings(settings)
{
    m_entries.reserve(targets.size());
    for (const std::optional<QString> &target : targets) {
        Entry e;
        e.target = target;
        e.udp = target && target->startsWith(QLatin1String("udp://"), Qt::CaseInsensitive);
        m_entries.push_back(std::move(e));
    }
}

Duration ScrapeSchedule::backoff(int failures) const
{
    Duration d = m_settings.retryBase;
    for (int i = 1; i < failures && d < m_settings.retryMax; ++i)
        d *= 2;
    return std::min(d, m_settings.retryMax);
}

void ScrapeSchedule::start(TimePoint now)
{
    m_running = true;
    for (Entry &e : m_entries) {
        e.inFlight.reset(); // a result from the previous run no longer matches
        e.failures = 0;
        e.due = e.target ? std::optional<TimePoint>(now) : std::nullopt;
    }
}

void ScrapeSchedule::stop()
{
    m_running = false;
    for (Entry &e : m_entries) {
        e.inFlight.reset();
        e.due.reset();
    }
}

void ScrapeSchedule::onAnnounceCounts(int tracker, TimePoint now)
{
    if (valid(tracker))
        m_entries[tracker].lastCounts = now;
}

QList<ScrapeJob> ScrapeSchedule::takeDue(TimePoint now, const std::function<bool(int)> &announcing)
{
    QList<ScrapeJob> jobs;
    if (!m_running)
        return jobs;
    for (int i = 0; i < trackerCount(); ++i) {
        Entry &e = m_entries[i];
        if (!e.target || e.inFlight || !e.due || *e.due > now)
            continue;
        if (announcing && announcing(i))
            continue; // its reply may bring the counts; decide when it is in
        if (e.lastCounts && now - *e.lastCounts < m_settings.freshFor) {
            e.due = *e.lastCounts + m_settings.interval;
            continue;
        }
        const ScrapeJob job{i, *e.target, e.udp, m_nextSerial++};
        e.inFlight = job.serial;
        e.due.reset();
        jobs.append(job);
    }
    return jobs;
}

ScrapeSchedule::Entry *ScrapeSchedule::current(const ScrapeJob &job)
{
    if (!m_running || !valid(job.tracker))
        return nullptr;
    Entry &e = m_entries[job.tracker];
    return e.inFlight && *e.inFlight == job.serial ? &e : nullptr;
}

void ScrapeSchedule::onSuccess(const ScrapeJob &job, std::optional<qint64> minRequestInterval, TimePoint now)
{
    Entry *e = current(job);
    if (!e)
        return;
    e->inFlight.reset();
    e->failures = 0;
    e->lastSuccess = now;
    Duration wait = m_settings.interval;
    if (minRequestInterval && *minRequestInterval > 0) {
        // Compare in seconds: a hostile 2^62 must not overflow the nanosecond clock.
        const qint64 maxSecs = std::chrono::duration_cast<std::chrono::seconds>(m_settings.maximumInterval).count();
        wait = std::max(wait, Duration(std::chrono::seconds(std::min(*minRequestInterval, maxSecs))));
    }
    e->due = now + wait;
}

void ScrapeSchedule::onFailure(const ScrapeJob &job, TimePoint now)
{
    Entry *e = current(job);
    if (!e)
        return;
    e->inFlight.reset();
    ++e->failures;
    e->due = now + backoff(e->failures);
}

std::optional<TimePoint> ScrapeSchedule::nextScrape(int tracker) const
{
    return valid(tracker) ? m_entries[tracker].due : std::nullopt;
}

} // namespace swarmscope::tracker
