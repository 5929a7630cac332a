// BEP 12 multitracker logic for one torrent. Pure code: no timers, no sockets; the caller passes
// `now`, asks nextJob() when nextWakeUp() is reached, runs the announce, and reports the result.
//
// Rules: each tier is shuffled once; one regular announce is in flight at a time; trackers are
// tried in tier order and, within a tier, in list order, skipping those in failure back-off;
// the tracker that answers moves to the front of its tier and its interval (floored by settings
// and by "min interval") sets the next round. A failure backs that tracker off exponentially
// and moves on to the next tracker at once. Events: `started` on the first successful contact
// with each tracker, `completed` once after setCompleted(), `stopped` from stop() to every
// tracker that may know us.
#pragma once

#include "tracker/announcerequest.h"
#include "tracker/announceresponse.h"
#include "tracker/scrape.h"
#include "util/clock.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <random>

namespace swarmscope::tracker {

struct TiersSettings {
    Duration defaultInterval = std::chrono::minutes(30); // when the tracker gives none
    Duration minimumInterval = std::chrono::minutes(1);  // floor for the tracker's intervals
    Duration maximumInterval = std::chrono::hours(24);   // ceiling, against absurd values
    Duration retryBase = std::chrono::seconds(30);       // back-off after the first failure
    Duration retryMax = std::chrono::minutes(30);        // back-off cap
};

// What the trackers tab shows for one tracker.
struct TrackerState {
    QString url;
    int tier = 0;
    bool updating = false;                   // an announce to it is in flight
    bool working = false;                    // its last announce succeeded
    std::optional<TimePoint> lastAnnounce;   // last successful announce
    std::optional<TimePoint> nextAnnounce;   // next regular announce, or next retry after errors
    std::optional<TimePoint> earliestManual; // "announce now" not before this (min interval)
    int failures = 0;                        // consecutive
    QString lastError;
    QString lastWarning;
    std::optional<qint64> seeds;             // complete
    std::optional<qint64> leechers;          // incomplete
    std::optional<qint64> downloaded;
    int lastPeerCount = 0;                   // peers in the last response
};

struct AnnounceJob {
    int tracker = -1;           // index for state()/onSuccess()
    QString url;
    AnnounceEvent event = AnnounceEvent::None;
    QByteArray trackerId;       // send as `trackerid` when non-empty
    quint64 serial = 0;         // matches results to jobs; stale results are ignored
};

class TrackerTiers {
public:
    // Empty URLs, empty tiers and URLs already seen in an earlier tier are dropped.
    TrackerTiers(const QList<QStringList> &tiers, std::mt19937 &rng, const TiersSettings &settings = {});

    int trackerCount() const { return int(m_entries.size()); }
    const TrackerState &state(int tracker) const { return m_entries[tracker].state; }
    // Tracker indices of each tier in the current try order.
    const QList<QList<int>> &tierOrder() const { return m_tiers; }

    bool isRunning() const { return m_running; }
    // Begins announcing: the first round is due at once and sends `started`.
    void start(TimePoint now);
    // Ends announcing; returns one `stopped` job per tracker that acknowledged us or has an
    // announce in flight. Results of those jobs only update the trackers' states.
    QList<AnnounceJob> stop(TimePoint now);
    // The download finished: the next announce (due now) carries `completed`, once per object.
    void setCompleted(TimePoint now);
    // Manual re-announce: clears failure back-offs and schedules a round at once, or when the
    // working tracker's min interval allows. Returns the time it will go out.
    std::optional<TimePoint> announceNow(TimePoint now);

    // When nextJob() will have something: nullopt when stopped or an announce is in flight.
    std::optional<TimePoint> nextWakeUp() const;
    // The regular announce due at `now`, if any; marks its tracker as updating.
    std::optional<AnnounceJob> nextJob(TimePoint now);

    // A parsed response; one with a failure reason counts as a failure.
    void onSuccess(const AnnounceJob &job, const AnnounceResponse &response, TimePoint now);
    void onFailure(const AnnounceJob &job, const QString &error, TimePoint now);
    // Counts from a scrape of this tracker.
    void onScrape(int tracker, const ScrapeStats &stats);

private:
    struct Entry {
        TrackerState state;
        TimePoint retryAt{};        // in back-off until then
        bool acknowledged = false;  // it answered a `started` (or `completed`) this run
        QByteArray trackerId;
    };

    Duration backoff(int failures) const;
    Duration clampInterval(std::optional<qint64> seconds, Duration fallback) const;
    void moveToFront(int tracker);
    bool isCurrent(const AnnounceJob &job) const;
    void clearUpdatingOfSideJob(const AnnounceJob &job);

    TiersSettings m_settings;
    std::vector<Entry> m_entries;
    QList<QList<int>> m_tiers;
    bool m_running = false;
    std::optional<TimePoint> m_due;     // next round, when not in flight
    std::optional<quint64> m_inFlight;  // serial of the regular announce out
    int m_inFlightTracker = -1;
    quint64 m_nextSerial = 1;
    int m_working = -1;                 // tracker that answered last
    bool m_completedPending = false;
    bool m_completedReported = false;
};

} // namespace swarmscope::tracker
