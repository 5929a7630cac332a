// Opening connections to candidate peers and settling them when they end: the bookkeeping a
// Torrent and a magnet's MetadataFetch share. `Peers` is a QHash<PeerId, T> whose T has
// `connection` and `endpoint`.
#pragma once

#include "peer/peerconnection.h"
#include "swarm/peercandidates.h"
#include "swarm/torrent.h"

#include <optional>

namespace swarmscope::swarm {

struct Dialled {
    peer::PeerConnection *connection = nullptr;
    Endpoint endpoint;
    session::PeerSource source = session::PeerSource::Manual;
};

// The next candidate worth dialling, connecting (parented to `parent`), or nothing when the
// limits are reached or nobody is left to try now.
template <typename Peers>
std::optional<Dialled> dialNext(PeerCandidates &candidates, const TorrentServices &services,
                                const metainfo::InfoHash &hash, const Peers &peers, int limit, TimePoint now,
                                QObject *parent)
{
    if (int(peers.size()) >= limit || (services.mayOpenConnection && !services.mayOpenConnection()))
        return std::nullopt;
    auto next = candidates.takeNext(now, [&peers](const Endpoint &e) {
        for (const auto &p : peers)
            if (p.endpoint == e)
                return true;
        return false;
    });
    if (!next)
        return std::nullopt;
    auto *connection = new peer::PeerConnection(services.nextPeerId(), next->first.address, next->first.port, hash,
                                                services.peerOptions, now, parent);
    return Dialled{connection, next->first, next->second};
}

// Another connection already reached the peer with this one's peer id (it dialled us while
// we dialled it, or it sits behind two addresses).
template <typename Peers> bool alreadyConnectedTo(const Peers &peers, const peer::PeerConnection *peer)
{
    for (const auto &other : peers)
        if (other.connection != peer && other.connection->handshakeDone()
            && other.connection->remotePeerId() == peer->remotePeerId())
            return true;
    return false;
}

// A connection we dialled ended: a peer that spoke may be retried later, one that never
// answered backs off.
inline void settleAttempt(PeerCandidates &candidates, const peer::PeerConnection &connection, const Endpoint &endpoint,
                          TimePoint now)
{
    if (connection.isIncoming())
        return;
    if (connection.handshakeDone())
        candidates.disconnected(endpoint, now);
    else
        candidates.failed(endpoint, now);
}

} // namespace swarmscope::swarm
