// Torrent: the BEP 10 extensions on its connections (metadata serving, peer exchange), the
// PORT message for the DHT, and peers handed over by a magnet's metadata fetch.
#include "swarm/torrent.h"

#include "wire/allowedfast.h"

namespace swarmscope::swarm {

using peer::PeerConnection;
using session::PeerSource;

namespace {
// How often the torrent looks whether a ut_pex message is due; PexState keeps the per-peer
// one-minute pace, this only saves building the connected list on every tick.
constexpr auto kPexCheckInterval = std::chrono::seconds(5);
} // namespace

void Torrent::sendExtensionHandshake(PeerInfo &p)
{
    std::optional<qint64> metadataSize;
    if (m_metadata.isValid())
        metadataSize = m_metadata.size();
    p.connection->sendExtended(0, p.extensions->ourHandshake(m_services, p.connection->address(), metadataSize,
                                                             isComplete()));
}

void Torrent::greetExtensions(PeerInfo &p)
{
    PeerConnection *c = p.connection;
    if (c->remoteReserved().extensionProtocol() && m_services.peerOptions.ourReserved.extensionProtocol()) {
        // No peer exchange on a private torrent (BEP 27): the tracker alone says who is in it.
        p.extensions = std::make_shared<PeerExtensions>(p.endpoint, c->isIncoming(), !m_info.isPrivate);
        sendExtensionHandshake(p);
    }
    if (!m_info.isPrivate && m_services.dhtPort && c->remoteReserved().dht())
        if (const quint16 port = m_services.dhtPort())
            c->sendPort(port);
}

void Torrent::peerExtended(PeerConnection *peer, quint8 id, const QByteArray &payload)
{
    auto it = m_peers.find(peer->id());
    if (it == m_peers.end() || !it->extensions)
        return;
    if (id == 0) {
        if (!it->extensions->applyHandshake(payload))
            return; // a malformed extension handshake costs the extensions, not the connection
        if (it->extensions->listenPort() && peer->isIncoming())
            m_candidates.add(Endpoint{peer->address(), *it->extensions->listenPort()}, PeerSource::Incoming);
        return;
    }
    const QByteArray name = it->extensions->registry().incomingName(id);
    const TimePoint now = Clock::now();
    if (name == wire::ext::kUtMetadata)
        serveMetadata(*it, payload, now);
    else if (name == wire::ext::kUtPex)
        addPeers(it->extensions->receivePex(payload, now), PeerSource::Pex);
}

void Torrent::serveMetadata(PeerInfo &p, const QByteArray &payload, TimePoint now)
{
    const auto message = wire::ext::decodeMetadataMessage(payload);
    const quint8 theirId = p.extensions->registry().peerId(wire::ext::kUtMetadata);
    if (!message || message->type != wire::ext::MetadataMessage::Type::Request || theirId == 0)
        return;
    // A whole dictionary a minute is plenty for any honest peer; more is someone fishing.
    if (now - p.metadataWindow > std::chrono::minutes(1)) {
        p.metadataWindow = now;
        p.metadataRequests = 0;
    }
    const bool allowed = m_metadata.isValid() && !m_info.isPrivate
                         && ++p.metadataRequests <= m_metadata.pieceCount() + 4;
    p.connection->sendExtended(theirId, allowed ? m_metadata.replyTo(message->piece)
                                                : wire::ext::encodeMetadataReject(message->piece));
}

void Torrent::sendAllowedFast(PeerInfo &p)
{
    // BEP 6: a few pieces a newcomer may fetch while choked, so it has something to trade
    // before it wins an unchoke slot. The set depends on its /24 and the info-hash only; we
    // announce those we have (the others would only make it ask in vain).
    constexpr int kAllowedFastSetSize = 10;
    PeerConnection *c = p.connection;
    if (!c->supportsFast() || !m_services.peerOptions.ourReserved.fastExtension() || m_picker.have().none())
        return;
    for (int piece : wire::allowedFastSet(c->address(), infoHash(), m_info.pieceCount(), kAllowedFastSetSize)) {
        if (!m_picker.have().test(piece))
            continue;
        p.allowedForIt.insert(piece);
        c->sendAllowedFast(piece);
    }
}

void Torrent::peerPort(PeerConnection *peer, quint16 port)
{
    if (!m_info.isPrivate && m_services.dhtNode)
        m_services.dhtNode(peer->address(), port);
}

void Torrent::sendPex(TimePoint now)
{
    if (m_info.isPrivate || now - m_lastPexCheck < kPexCheckInterval)
        return;
    m_lastPexCheck = now;
    // Whom we are connected to, as others can reach them: outgoing connections at the address
    // we dialled, incoming ones at their advertised listen port (unknown: left out by PexState).
    QList<wire::ext::PexPeer> connected;
    for (const PeerInfo &p : std::as_const(m_peers)) {
        const PeerConnection *c = p.connection;
        if (!c->handshakeDone())
            continue;
        Endpoint e = p.endpoint;
        if (c->isIncoming())
            e.port = p.extensions ? p.extensions->listenPort().value_or(0) : 0;
        connected << wire::ext::PexPeer{wire::ext::Endpoint{e.address, e.port}, pexFlags(c->isSeed(), !c->isIncoming())};
    }
    for (PeerInfo &p : m_peers) {
        if (!p.extensions || !p.connection->handshakeDone())
            continue;
        const QByteArray message = p.extensions->pexToSend(connected, now);
        if (!message.isEmpty())
            p.connection->sendExtended(p.extensions->registry().peerId(wire::ext::kUtPex), message);
    }
}

void Torrent::adoptPeer(PeerConnection *peer, PeerSource source, const Endpoint &endpoint,
                        const PeerExtensions &extensions)
{
    if (int(m_peers.size()) >= m_services.settings->maxConnectionsPerTorrent || m_candidates.isBanned(peer->address())) {
        peer->close(QStringLiteral("too many peers for this torrent"));
        peer->deleteLater();
        return;
    }
    peer->setParent(this);
    peer->setHandler(this);
    PeerInfo info;
    info.connection = peer;
    info.source = source;
    info.endpoint = endpoint;
    info.extensions = std::make_shared<PeerExtensions>(extensions);
    if (m_info.isPrivate)
        info.extensions->disablePex();
    const PeerId id = peer->id();
    m_peers.insert(id, info);
    if (!peer->isIncoming())
        m_candidates.add(endpoint, source); // connectMorePeers skips endpoints already connected
    // What it said it has while we had no metadata is applied now, and checked against the
    // real piece count (a lying bitfield closes the connection here).
    peer->setPieceCount(m_info.pieceCount());
    if (!peer->isConnected()) {
        dropPeer(id, QString());
        return;
    }
    peer->setReadAllowance(downloadLimited() ? 0 : -1);
    // Our metadata size is known now: tell it (BEP 10 allows a later handshake with changes).
    sendExtensionHandshake(m_peers[id]);
    if (!peer->pieces().none())
        peerBitfield(peer);
    m_needsRechoke = true;
}

} // namespace swarmscope::swarm
