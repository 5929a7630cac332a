#include "tracker/trackerswarm.h"

#include "tracker/trackerpeer.h"

namespace swarmscope::tracker {

bool TrackerSwarm::update(const QHostAddress &address, quint16 port, const QByteArray &peerId, qint64 left,
                          AnnounceEvent event, TimePoint now, int maxPeers)
{
    const QByteArray key = compactEndpoint(address, port);
    auto it = m_peers.find(key);
    if (it == m_peers.end()) {
        if (size() >= maxPeers)
            return false;
        it = m_peers.insert(key, SwarmPeer{address, port, peerId, false, false, now});
    }
    SwarmPeer &p = *it;
    const bool seed = left == 0;
    if (seed != p.seed)
        m_seeds += seed ? 1 : -1;
    p.seed = seed;
    p.peerId = peerId;
    p.lastSeen = now;
    if (event == AnnounceEvent::Completed && !p.completedCounted) {
        p.completedCounted = true;
        ++m_downloaded;
    }
    return true;
}

void TrackerSwarm::remove(const QHostAddress &address, quint16 port)
{
    const auto it = m_peers.find(compactEndpoint(address, port));
    if (it == m_peers.end())
        return;
    if (it->seed)
        --m_seeds;
    m_peers.erase(it);
}

int TrackerSwarm::expire(TimePoint cutoff)
{
    int removed = 0;
    for (auto it = m_peers.begin(); it != m_peers.end();) {
        if (it->lastSeen < cutoff) {
            if (it->seed)
                --m_seeds;
            it = m_peers.erase(it);
            ++removed;
        } else {
            ++it;
        }
    }
    return removed;
}

const SwarmPeer *TrackerSwarm::find(const QHostAddress &address, quint16 port) const
{
    const auto it = m_peers.constFind(compactEndpoint(address, port));
    return it == m_peers.cend() ? nullptr : &*it;
}

QList<SwarmPeer> TrackerSwarm::select(const Selection &s, std::mt19937 &rng) const
{
    std::vector<const SwarmPeer *> candidates;
    candidates.reserve(m_peers.size());
    for (const SwarmPeer &p : m_peers) {
        const bool v4 = p.address.protocol() == QAbstractSocket::IPv4Protocol;
        if ((v4 && !s.includeIPv4) || (!v4 && !s.includeIPv6))
            continue;
        if ((p.address == s.requester && p.port == s.requesterPort)
            || (!s.requesterId.isEmpty() && p.peerId == s.requesterId))
            continue;
        if (s.requesterIsSeed && p.seed)
            continue;
        candidates.push_back(&p);
    }
    // Partial Fisher-Yates: a uniform random subset without shuffling everything.
    const size_t want = std::min(candidates.size(), size_t(std::max(s.count, 0)));
    QList<SwarmPeer> out;
    out.reserve(qsizetype(want));
    for (size_t i = 0; i < want; ++i) {
        std::uniform_int_distribution<size_t> pick(i, candidates.size() - 1);
        std::swap(candidates[i], candidates[pick(rng)]);
        out.append(*candidates[i]);
    }
    return out;
}

} // namespace swarmscope::tracker
