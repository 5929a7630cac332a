// When to scrape each tracker of one torrent (BEP 48 over HTTP, BEP 15 over UDP). Pure code:
// no timers, no sockets; the caller passes `now`, sends the jobs takeDue() returns, and reports
// each result. Scrapes only fill in swarm counts, so nothing here ever touches announcing.
//
// Rules: every tracker that can be scraped is due when the torrent starts, then every
// `interval` (or the tracker's min_request_interval when longer). A tracker with an announce in
// flight waits for it, and one whose announce reply brought complete/incomplete less than
// `freshFor` ago is not scraped: the reply already said what a scrape would; its next scrape
// is one interval after those counts. A failed scrape backs off exponentially. One scrape per
// tracker at a time; results of jobs from before a stop()/start() are ignored.
#pragma once

#include "util/clock.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace swarmscope::tracker {

struct ScrapeScheduleSettings {
    Duration interval = std::chrono::minutes(30);
    Duration freshFor = std::chrono::minutes(1);      // announce counts this recent make a scrape redundant
    Duration retryBase = std::chrono::minutes(5);     // after the first failure, doubling
    Duration retryMax = std::chrono::hours(4);        // cap: a tracker without scrape costs little
    Duration maximumInterval = std::chrono::hours(24); // ceiling on a tracker's min_request_interval
};

struct ScrapeJob {
    int tracker = -1;  // same index as in TrackerTiers
    QString url;       // the BEP 48 scrape URL, or the udp:// announce URL (BEP 15 scrapes there)
    bool udp = false;
    quint64 serial = 0;
};

// Where a scrape for this announce URL goes: a udp:// tracker's own URL, an http(s) tracker's
// BEP 48 scrape URL when its last path segment starts with "announce"; nullopt otherwise.
std::optional<QString> scrapeTargetFor(const QString &announceUrl);

class ScrapeSchedule {
public:
    // One entry per tracker, indexed like TrackerTiers; nullopt: never scraped.
    explicit ScrapeSchedule(const QList<std::optional<QString>> &targets, const ScrapeScheduleSettings &settings = {});

    int trackerCount() const { return int(m_entries.size()); }
    bool supports(int tracker) const { return valid(tracker) && m_entries[tracker].target.has_value(); }
    bool isRunning() const { return m_running; }

    // Every scrapeable tracker becomes due at once; failure back-offs start over.
    void start(TimePoint now);
    // Nothing is due until start(); results of jobs still out are ignored.
    void stop();

    // An announce reply carried complete and incomplete for this tracker.
    void onAnnounceCounts(int tracker, TimePoint now);

    // The scrapes to send now; marks them in flight. `announcing(i)` tells whether tracker i
    // has an announce out (those wait for its reply).
    QList<ScrapeJob> takeDue(TimePoint now, const std::function<bool(int)> &announcing = {});

    // A reply (whether or not it listed our torrent); `minRequestInterval` in seconds.
    void onSuccess(const ScrapeJob &job, std::optional<qint64> minRequestInterval, TimePoint now);
    void onFailure(const ScrapeJob &job, TimePoint now);

    // For tests and the trackers tab: when the next scrape is due (nullopt: not scheduled).
    std::optional<TimePoint> nextScrape(int tracker) const;
    bool inFlight(int tracker) const { return valid(tracker) && m_entries[tracker].inFlight.has_value(); }
    int failures(int tracker) const { return valid(tracker) ? m_entries[tracker].failures : 0; }
    std::optional<TimePoint> lastScrape(int tracker) const
    {
        return valid(tracker) ? m_entries[tracker].lastSuccess : std::nullopt;
    }

private:
    struct Entry {
        std::optional<QString> target;
        bool udp = false;
        std::optional<TimePoint> due;
        std::optional<quint64> inFlight;      // serial of the scrape out
        std::optional<TimePoint> lastCounts;  // last announce reply with counts
        std::optional<TimePoint> lastSuccess; // last scrape reply
        int failures = 0;                     // consecutive
    };

    bool valid(int tracker) const { return tracker >= 0 && tracker < trackerCount(); }
    Entry *current(const ScrapeJob &job);
    Duration backoff(int failures) const;

    ScrapeScheduleSettings m_settings;
    std::vector<Entry> m_entries;
    bool m_running = false;
    quint64 m_nextSerial = 1;
};

} // namespace swarmscope::tracker
