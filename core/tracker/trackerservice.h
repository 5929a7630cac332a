// The embedded tracker's logic, free of sockets: turns decoded announce and scrape queries
// into bencoded response bodies, and keeps one TrackerSwarm per info-hash. Pure code: the
// caller passes `now`; randomness comes from a seedable generator.
#pragma once

#include "metainfo/infohash.h"
#include "tracker/trackerswarm.h"
#include "tracker/urlencoding.h"
#include "util/clock.h"

#include <QHash>
#include <QHostAddress>
#include <QSet>

#include <optional>
#include <random>

namespace swarmscope::tracker {

struct TrackerServiceSettings {
    Duration interval = std::chrono::seconds(1800); // peers expire after 2 x interval
    Duration minInterval = std::chrono::seconds(60); // sent as "min interval" (capped by interval)
    int defaultNumWant = 50;
    int maxNumWant = 200;
    int maxTorrents = 10'000;
    int maxPeersPerTorrent = 10'000;
    int maxScrapeFiles = 1000;      // entries in a full scrape
    bool allowIpParameter = false;  // honour `ip=`; off: the connection's address is the truth
};

class TrackerService {
public:
    explicit TrackerService(const TrackerServiceSettings &settings = {}, std::uint32_t seed = std::random_device{}());

    const TrackerServiceSettings &settings() const { return m_settings; }
    void setSettings(const TrackerServiceSettings &settings) { m_settings = settings; }

    // Restricts the tracker to these torrents; nullopt (the default) serves any info-hash.
    void setAllowedTorrents(std::optional<QSet<metainfo::InfoHash>> allowed) { m_allowed = std::move(allowed); }

    // `source` is the connection's address (IPv4-mapped IPv6 is treated as IPv4).
    // Always returns a bencoded dictionary: peers, or a "failure reason".
    QByteArray announce(const QueryItems &query, const QHostAddress &source, TimePoint now);
    QByteArray scrape(const QueryItems &query, TimePoint now);

    // Drops expired peers and empty swarms.
    void expire(TimePoint now);

    int torrentCount() const { return int(m_swarms.size()); }
    const TrackerSwarm *swarm(const metainfo::InfoHash &hash) const;

private:
    Duration peerLifetime() const { return 2 * m_settings.interval; }

    TrackerServiceSettings m_settings;
    std::optional<QSet<metainfo::InfoHash>> m_allowed;
    QHash<metainfo::InfoHash, TrackerSwarm> m_swarms;
    std::mt19937 m_rng;
};

// An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as plain IPv4; other addresses unchanged.
QHostAddress normalizedAddress(const QHostAddress &address);

} // namespace swarmscope::tracker
