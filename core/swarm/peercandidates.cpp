#include "swarm/peercandidates.h"

namespace swarmscope::swarm {

bool PeerCandidates::add(const Endpoint &endpoint, session::PeerSource source)
{
    if (endpoint.port == 0 || endpoint.address.isNull() || m_entries.contains(endpoint)
        || m_entries.size() >= MaxCandidates || m_bannedAddresses.contains(endpoint.address))
        return false;
    Entry e;
    e.source = source;
    m_entries.insert(endpoint, e);
    return true;
}

void PeerCandidates::connected(const Endpoint &endpoint)
{
    auto it = m_entries.find(endpoint);
    if (it != m_entries.end()) {
        it->failures = 0;
        it->connecting = true; // stays "in use" until disconnected
    }
}

void PeerCandidates::failed(const Endpoint &endpoint, TimePoint now)
{
    auto it = m_entries.find(endpoint);
    if (it == m_entries.end())
        return;
    if (++it->failures >= MaxFailures) {
        m_entries.erase(it);
        return;
    }
    it->connecting = false;
    it->retryAt = now + std::chrono::seconds(10 << it->failures);
}

void PeerCandidates::disconnected(const Endpoint &endpoint, TimePoint now)
{
    auto it = m_entries.find(endpoint);
    if (it == m_entries.end())
        return;
    it->connecting = false;
    it->retryAt = now + std::chrono::seconds(30);
}

void PeerCandidates::ban(const Endpoint &endpoint)
{
    m_bannedAddresses.insert(endpoint.address);
    auto it = m_entries.find(endpoint);
    if (it != m_entries.end())
        it->banned = true;
}

bool PeerCandidates::isBanned(const QHostAddress &address) const
{
    return m_bannedAddresses.contains(address);
}

QList<std::pair<Endpoint, session::PeerSource>> PeerCandidates::usable() const
{
    QList<std::pair<Endpoint, session::PeerSource>> out;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (!it->banned && !m_bannedAddresses.contains(it.key().address))
            out.emplace_back(it.key(), it->source);
    return out;
}

} // namespace swarmscope::swarm
