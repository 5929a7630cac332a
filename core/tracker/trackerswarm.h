// The embedded tracker's registry of the peers of one torrent. Pure code. Peers are keyed by
// their endpoint (address and port), not by peer id: a stranger who learns a peer id cannot
// remove or move another host's entry, only the host that sent it can.
#pragma once

#include "tracker/announcerequest.h"
#include "util/clock.h"

#include <QHash>
#include <QHostAddress>
#include <QList>

#include <random>

namespace swarmscope::tracker {

struct SwarmPeer {
    QHostAddress address;
    quint16 port = 0;
    QByteArray peerId;
    bool seed = false;          // left == 0 on its last announce
    bool completedCounted = false;
    TimePoint lastSeen{};
};

class TrackerSwarm {
public:
    // Registers or refreshes a peer. `left` < 0 (not sent) counts as a leecher. A `completed`
    // event counts one download per peer entry. Returns false when the swarm is full and the
    // peer is new (it is then not stored).
    bool update(const QHostAddress &address, quint16 port, const QByteArray &peerId, qint64 left,
                AnnounceEvent event, TimePoint now, int maxPeers);
    void remove(const QHostAddress &address, quint16 port);
    // Drops peers not seen since `cutoff`; returns how many.
    int expire(TimePoint cutoff);

    int size() const { return int(m_peers.size()); }
    bool isEmpty() const { return m_peers.isEmpty(); }
    int seeds() const { return m_seeds; }
    int leechers() const { return size() - m_seeds; }
    qint64 downloaded() const { return m_downloaded; }
    const SwarmPeer *find(const QHostAddress &address, quint16 port) const;

    struct Selection {
        QHostAddress requester;
        quint16 requesterPort = 0;
        QByteArray requesterId;
        bool requesterIsSeed = false; // seeds get no seeds back: they have nothing to trade
        bool includeIPv4 = true;
        bool includeIPv6 = false;
        int count = 50;
    };
    // Up to `count` peers chosen at random, never the requester itself (same endpoint or id).
    QList<SwarmPeer> select(const Selection &s, std::mt19937 &rng) const;

private:
    QHash<QByteArray, SwarmPeer> m_peers; // key: compact endpoint
    int m_seeds = 0;
    qint64 m_downloaded = 0;
};

} // namespace swarmscope::tracker
