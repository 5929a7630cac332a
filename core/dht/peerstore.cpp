#include "dht/peerstore.h"

#include <algorithm>

namespace swarmscope::dht {

bool PeerStore::announce(const NodeId &infoHash, const Endpoint &peer, TimePoint now)
{
    if (!peer.isUsable())
        return false;
    if (!m_swarms.contains(infoHash) && m_swarms.size() >= m_limits.maxHashes)
        makeRoomForHash(now);
    Swarm &swarm = m_swarms[infoHash];
    swarm.lastAnnounce = now;
    auto &entries = swarm.entries;
    std::erase_if(entries, [&](const Entry &e) { return !isLive(e, now); });

    auto same = std::find_if(entries.begin(), entries.end(), [&](const Entry &e) { return e.endpoint == peer; });
    if (same != entries.end()) {
        same->announcedAt = now;
        return true;
    }
    const auto oldestWhere = [&](auto pred) {
        auto oldest = entries.end();
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            if (pred(*it) && (oldest == entries.end() || it->announcedAt < oldest->announcedAt))
                oldest = it;
        }
        return oldest;
    };
    const auto sameAddress = [&](const Entry &e) { return e.endpoint.address == peer.address; };
    const auto fromAddress = std::count_if(entries.begin(), entries.end(), sameAddress);
    if (fromAddress >= m_limits.maxPerAddress) {
        *oldestWhere(sameAddress) = Entry{peer, now};
    } else if (entries.size() >= size_t(m_limits.maxPeersPerHash)) {
        *oldestWhere([](const Entry &) { return true; }) = Entry{peer, now};
    } else {
        entries.push_back(Entry{peer, now});
    }
    return true;
}

std::vector<Endpoint> PeerStore::peers(const NodeId &infoHash, Family family, int max, TimePoint now,
                                       Rng &rng) const
{
    std::vector<Endpoint> out;
    const auto it = m_swarms.constFind(infoHash);
    if (it == m_swarms.constEnd() || max <= 0)
        return out;
    for (const Entry &e : it->entries) {
        if (isLive(e, now) && e.endpoint.family() == family)
            out.push_back(e.endpoint);
    }
    // A partial Fisher-Yates shuffle picks `max` of them uniformly.
    const size_t take = std::min(out.size(), size_t(max));
    for (size_t i = 0; i < take; ++i) {
        std::uniform_int_distribution<size_t> pick(i, out.size() - 1);
        std::swap(out[i], out[pick(rng)]);
    }
    out.resize(take);
    return out;
}

void PeerStore::expire(TimePoint now)
{
    for (auto it = m_swarms.begin(); it != m_swarms.end();) {
        std::erase_if(it->entries, [&](const Entry &e) { return !isLive(e, now); });
        it = it->entries.empty() ? m_swarms.erase(it) : std::next(it);
    }
}

int PeerStore::peerCount(const NodeId &infoHash, TimePoint now) const
{
    const auto it = m_swarms.constFind(infoHash);
    if (it == m_swarms.constEnd())
        return 0;
    return int(std::count_if(it->entries.begin(), it->entries.end(), [&](const Entry &e) { return isLive(e, now); }));
}

void PeerStore::makeRoomForHash(TimePoint now)
{
    expire(now);
    if (m_swarms.size() < m_limits.maxHashes)
        return;
    auto stalest = m_swarms.begin();
    for (auto it = m_swarms.begin(); it != m_swarms.end(); ++it) {
        if (it->lastAnnounce < stalest->lastAnnounce)
            stalest = it;
    }
    m_swarms.erase(stalest);
}

} // namespace swarmscope::dht
