#include "swarm/peerextensions.h"

#include "swarm/torrent.h"
#include "wire/extension/utpex.h"

namespace swarmscope::swarm {

namespace {
wire::ext::Endpoint toWire(const Endpoint &e)
{
    return wire::ext::Endpoint{e.address, e.port};
}
} // namespace

PeerExtensions::PeerExtensions(const Endpoint &remote, bool incoming, bool withPex)
    : m_registry(wire::ext::ExtensionRegistry::defaultOurs(withPex)), m_remote(remote), m_incoming(incoming),
      m_pexOffered(withPex)
{
}

QByteArray PeerExtensions::ourHandshake(const TorrentServices &services, const QHostAddress &peerAddress,
                                        std::optional<qint64> metadataSize, bool uploadOnly) const
{
    // BEP 10: what we speak, who we are, where we listen, how many requests we queue, and how
    // the peer looks from here.
    wire::ext::ExtensionHandshake h = m_registry.ourHandshake();
    h.client = services.clientName;
    if (services.listenPort)
        h.listenPort = services.listenPort();
    h.requestQueue = services.settings->maxRequestQueue;
    h.yourIp = peerAddress;
    h.metadataSize = metadataSize;
    if (uploadOnly)
        h.uploadOnly = true;
    return wire::ext::encodeExtensionHandshake(h);
}

bool PeerExtensions::applyHandshake(const QByteArray &payload)
{
    QString error;
    auto h = wire::ext::decodeExtensionHandshake(payload, &error);
    if (!h)
        return false;
    m_registry.applyPeerHandshake(*h);
    if (!h->client.isEmpty())
        m_client = h->client;
    if (h->requestQueue)
        m_maxRequests = *h->requestQueue;
    if (h->listenPort)
        m_listenPort = h->listenPort;
    if (h->metadataSize)
        m_metadataSize = h->metadataSize;
    if (m_pexOffered && m_registry.peerSupports(wire::ext::kUtPex)) {
        // Where the peer accepts connections: for an incoming one, the port it told us.
        Endpoint remote = m_remote;
        if (m_incoming)
            remote.port = m_listenPort.value_or(0);
        if (!m_pex)
            m_pex.emplace(toWire(remote));
        else
            m_pex->setRemote(toWire(remote));
    } else {
        m_pex.reset();
    }
    return true;
}

QList<Endpoint> PeerExtensions::receivePex(const QByteArray &payload, TimePoint now)
{
    QList<Endpoint> out;
    if (!m_pex)
        return out; // we never offered it (private torrent) or the peer did not
    auto message = wire::ext::decodePexMessage(payload);
    if (!message)
        return out;
    const wire::ext::PexState::Received r = m_pex->receive(*message, now);
    for (const wire::ext::PexPeer &p : r.added)
        out << Endpoint{p.endpoint.address, p.endpoint.port};
    return out;
}

QByteArray PeerExtensions::pexToSend(const QList<wire::ext::PexPeer> &connected, TimePoint now)
{
    const quint8 id = m_registry.peerId(wire::ext::kUtPex);
    if (!m_pex || id == 0)
        return {};
    auto message = m_pex->makeMessage(connected, now);
    if (!message)
        return {};
    return wire::ext::encodePexMessage(*message);
}

quint8 pexFlags(bool seed, bool outgoing)
{
    quint8 flags = 0;
    if (seed)
        flags |= wire::ext::PexSeed;
    if (outgoing)
        flags |= wire::ext::PexReachable;
    return flags;
}

} // namespace swarmscope::swarm
