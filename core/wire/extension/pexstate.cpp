#include "wire/extension/pexstate.h"

#include <set>

namespace swarmscope::wire::ext {

PexState::PexState(const Endpoint &remote) : PexState(remote, Options{}) {}

PexState::PexState(const Endpoint &remote, const Options &options) : m_remote(remote), m_options(options) {}

bool PexState::usable(const Endpoint &e) const
{
    const QHostAddress &a = e.address;
    if (e.port == 0 || a.isNull() || a.protocol() == QAbstractSocket::UnknownNetworkLayerProtocol)
        return false;
    if (a == QHostAddress(QHostAddress::AnyIPv4) || a == QHostAddress(QHostAddress::AnyIPv6)
        || a.isMulticast() || a.isBroadcast())
        return false;
    return !(e == m_remote);
}

std::optional<PexMessage> PexState::makeMessage(const QList<PexPeer> &connected, TimePoint now)
{
    if (m_options.privateTorrent)
        return std::nullopt;
    if (m_lastSent && now - *m_lastSent < m_options.sendInterval)
        return std::nullopt;

    std::set<QByteArray> current;
    for (const PexPeer &p : connected) {
        if (usable(p.endpoint))
            current.insert(endpointKey(p.endpoint));
    }
    PexMessage m;
    std::set<QByteArray> addedKeys;
    // In the caller's order, so a caller listing its best peers first has them sent first.
    for (const PexPeer &p : connected) {
        if (m.added.size() >= m_options.maxAdded)
            break;
        const QByteArray key = endpointKey(p.endpoint);
        if (!current.count(key) || m_advertised.count(key) || !addedKeys.insert(key).second)
            continue;
        m.added.append(p);
    }
    std::vector<QByteArray> droppedKeys;
    for (const auto &[key, endpoint] : m_advertised) {
        if (m.dropped.size() >= m_options.maxDropped)
            break;
        if (current.count(key))
            continue;
        m.dropped.append(endpoint);
        droppedKeys.push_back(key);
    }
    if (m.isEmpty())
        return std::nullopt;
    for (const PexPeer &p : std::as_const(m.added))
        m_advertised.emplace(endpointKey(p.endpoint), p.endpoint);
    for (const QByteArray &key : droppedKeys)
        m_advertised.erase(key);
    m_lastSent = now;
    return m;
}

PexState::Received PexState::receive(const PexMessage &message, TimePoint now)
{
    Received r;
    if (m_options.privateTorrent) {
        r.ignored = int(message.added.size() + message.dropped.size());
        return r;
    }
    if (m_lastReceived && now - *m_lastReceived < m_options.minReceiveInterval) {
        r.tooSoon = true;
        r.ignored = int(message.added.size() + message.dropped.size());
        return r;
    }
    m_lastReceived = now;
    const bool remoteIsLoopback = m_remote.address.isLoopback();
    std::set<QByteArray> seen;
    for (const PexPeer &p : message.added) {
        const Endpoint &e = p.endpoint;
        const bool ours = m_ours.contains(e);
        if (!usable(e) || ours || (e.address.isLoopback() && !remoteIsLoopback)
            || !seen.insert(endpointKey(e)).second) {
            ++r.ignored;
            continue;
        }
        r.added.append(p);
    }
    for (const Endpoint &e : message.dropped) {
        if (e.port == 0 || e.address.isNull()) {
            ++r.ignored;
            continue;
        }
        r.dropped.append(e);
    }
    return r;
}

} // namespace swarmscope::wire::ext
