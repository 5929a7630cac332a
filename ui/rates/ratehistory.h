// The swarm's transfer rates over time, recorded from engine snapshots: the session's totals,
// each torrent's, and each neighbour's of the torrents being watched. No widgets here.
//
// Snapshots arrive about four times a second; each series keeps one sample per second (the mean
// of the snapshots in that second) in a fixed ring, so memory is bounded by the ring's capacity
// times the number of series, and the number of series is capped: a torrent or neighbour gets a
// series only once it moves data and loses it when nothing moved for a whole ring. At a cap, a
// newcomer takes the place of the least recently active series that is idle now, or waits: a
// crowd of newcomers cannot churn out series that are moving.
#pragma once

#include "metainfo/infohash.h"
#include "session/snapshot.h"

#include <QHash>
#include <QList>
#include <QString>

#include <algorithm>
#include <vector>

namespace swarmscope::ui {

// One rate over time: a ring of `capacity` per-second samples indexed by absolute second, so that
// series created at different times line up without copying or shifting.
class RateSeries {
public:
    explicit RateSeries(int capacity = 0);

    // Records `value` (bytes/s) for `second`. Several values for the newest second are averaged;
    // seconds skipped since the last write read as zero; an older second than the newest is ignored.
    void add(qint64 second, double value);
    // The sample for `second`; zero for seconds never written or no longer held.
    double at(qint64 second) const;

    int capacity() const { return m_capacity; }
    qint64 lastSecond() const { return m_last; }    // -1 before the first write
    qint64 lastActive() const { return m_lastActive; } // last second with a non-zero mean, -1 never
    qint64 memoryBytes() const { return static_cast<qint64>(m_ring.capacity() * sizeof(float)); }

private:
    size_t slot(qint64 second) const { return static_cast<size_t>(second % m_capacity); }

    int m_capacity;
    std::vector<float> m_ring; // allocated on the first write; floats: rates need no more
    qint64 m_last = -1;
    qint64 m_lastActive = -1;
    int m_hits = 0;            // values averaged into the newest second so far
};

class RateHistory {
public:
    enum class Direction { Download, Upload };

    // One hour at one sample a second by default.
    explicit RateHistory(int capacitySeconds = 3600, int maxTorrents = 256, int maxPeersPerTorrent = 64);

    // Adds a snapshot at the second of its takenAt (now if it has none).
    void record(const session::SessionSnapshot &snapshot);
    // Adds a snapshot at `second` (seconds since the epoch, or any steady count). A second older
    // than the newest recorded counts as the newest: the timeline never runs backwards.
    void record(const session::SessionSnapshot &snapshot, qint64 second);
    void clear();

    int capacity() const { return m_capacity; }
    int maxTorrents() const { return m_maxTorrents; }
    int maxPeersPerTorrent() const { return m_maxPeers; }
    qint64 lastSecond() const { return m_last; } // -1 before the first record
    // Seconds recorded so far that are still held (at most capacity()).
    int recordedSeconds() const;

    // `span` samples (clamped to capacity()) for the seconds ending at lastSecond(), oldest first.
    // Seconds with no data, and series never seen, read as zero.
    QList<double> sessionRates(Direction direction, int span) const;
    QList<double> torrentRates(const metainfo::InfoHash &hash, Direction direction, int span) const;
    QList<double> peerRates(const metainfo::InfoHash &hash, const QString &peerKey, Direction direction,
                            int span) const;

    // The neighbours of `hash` that moved most data in `direction` over the last `span` seconds,
    // biggest first, at most `count`, leaving out ones that moved nothing. Neighbours that left
    // recently still count: they did contribute.
    QList<QString> topPeers(const metainfo::InfoHash &hash, Direction direction, int span, int count) const;

    bool hasTorrent(const metainfo::InfoHash &hash) const { return m_torrents.contains(hash); }
    int torrentCount() const { return static_cast<int>(m_torrents.size()); }
    int peerCount(const metainfo::InfoHash &hash) const;
    qint64 memoryBytes() const; // what the sample rings hold

private:
    struct Pair {
        RateSeries down;
        RateSeries up;
        qint64 since = 0; // the second it was created
        void add(qint64 second, double d, double u) { down.add(second, d); up.add(second, u); }
        qint64 lastActive() const { return std::max(down.lastActive(), up.lastActive()); }
        qint64 createdAt() const { return since; }
        const RateSeries &of(Direction direction) const { return direction == Direction::Download ? down : up; }
    };
    struct TorrentRates {
        Pair rates;
        QHash<QString, Pair> peers; // by address:port
        qint64 lastActive() const;
        qint64 createdAt() const { return rates.since; }
        qint64 peersFullAt = -1; // the second the peer cap last refused a newcomer
    };

    Pair makePair(qint64 since = 0) const { return {RateSeries(m_capacity), RateSeries(m_capacity), since}; }
    QList<double> samples(const RateSeries *series, int span) const;
    void prune();

    int m_capacity;
    int m_maxTorrents;
    int m_maxPeers;
    qint64 m_last = -1;
    qint64 m_first = -1; // the first second ever recorded (since the last clear)
    Pair m_session;
    QHash<metainfo::InfoHash, TorrentRates> m_torrents;
    qint64 m_torrentsFullAt = -1; // the second the torrent cap last refused a newcomer
};

} // namespace swarmscope::ui
