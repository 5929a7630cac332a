// Peers other nodes announced to us (announce_peer), to answer get_peers with.
//
// Bounded against floods: at most `maxPeersPerHash` peers per info-hash (a new one replaces the
// oldest), at most `maxPerAddress` ports per IP address and hash (so one host cannot fill a
// swarm), at most `maxHashes` info-hashes (a new one evicts the hash announced to least recently).
// Entries expire `lifetime` after their last announce; peers announce again every ~15-30 minutes.
#pragma once

#include "dht/endpoint.h"
#include "dht/nodeid.h"
#include "util/clock.h"

#include <QHash>

#include <vector>

namespace swarmscope::dht {

class PeerStore {
public:
    struct Limits {
        int maxPeersPerHash = 100;
        int maxHashes = 2000;
        int maxPerAddress = 4;
        Duration lifetime = std::chrono::minutes(30);
    };

    PeerStore() = default;
    explicit PeerStore(const Limits &limits) : m_limits(limits) {}

    // Returns false when the endpoint is unusable (port 0, unspecified address...).
    bool announce(const NodeId &infoHash, const Endpoint &peer, TimePoint now);
    // Up to `max` live peers of `family`, a uniformly random choice when there are more.
    std::vector<Endpoint> peers(const NodeId &infoHash, Family family, int max, TimePoint now,
                                Rng &rng) const;
    // Drops expired entries and empty hashes.
    void expire(TimePoint now);

    int hashCount() const { return int(m_swarms.size()); }
    int peerCount(const NodeId &infoHash, TimePoint now) const;

private:
    struct Entry {
        Endpoint endpoint;
        TimePoint announcedAt;
    };
    struct Swarm {
        std::vector<Entry> entries;
        TimePoint lastAnnounce;
    };
    bool isLive(const Entry &e, TimePoint now) const { return now < e.announcedAt + m_limits.lifetime; }
    void makeRoomForHash(TimePoint now);

    Limits m_limits;
    QHash<NodeId, Swarm> m_swarms;
};

} // namespace swarmscope::dht
