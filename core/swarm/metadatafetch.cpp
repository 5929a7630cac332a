#include "swarm/metadatafetch.h"

#include "state/statewriter.h"
#include "swarm/peerdialing.h"

namespace swarmscope::swarm {

using peer::PeerConnection;
using session::PeerSource;
using state::TorrentState;

namespace {
// A magnet needs only a few peers that have the metadata; more connections would only be
// handed over, and the torrent opens its own as it needs them.
constexpr int kMaxFetchConnections = 30;

QList<QStringList> tiersOf(const metainfo::MagnetLink &magnet)
{
    // Each tracker its own tier: a magnet's trackers are alternatives nobody ranked, and every
    // one of them may know different peers.
    QList<QStringList> tiers;
    for (const QString &t : magnet.trackers)
        tiers << QStringList{t};
    return tiers;
}
} // namespace

MetadataFetch::MetadataFetch(Params params, const TorrentServices &services, QObject *parent)
    : QObject(parent), m_params(std::move(params)), m_services(services), m_assembler(m_params.magnet.infoHash)
{
    m_announcer = std::make_unique<Announcer>(tiersOf(m_params.magnet), infoHash(), services.peerOptions.ourPeerId,
                                              services.trackerKey,
                                              services.settings->announceToTrackers ? services.trackers : nullptr,
                                              services.settings->announceToTrackers ? services.udpTrackers : nullptr,
                                              *services.rng);
    // Nothing downloaded yet; the size is unknown, and `left` must not be 0 or trackers take
    // us for a seed (libtorrent sends 16 KiB for the same reason).
    m_announcer->setStats([] { return AnnounceStats{0, 0, 16 * 1024}; });
    m_announcer->setPeersFound([this](const QList<tracker::TrackerPeer> &peers) {
        QList<Endpoint> endpoints;
        for (const tracker::TrackerPeer &p : peers)
            endpoints << Endpoint{p.address, p.port};
        addPeers(endpoints, PeerSource::Tracker);
    });
    if (!m_params.addedAt.isValid())
        m_params.addedAt = QDateTime::currentDateTimeUtc();
    m_paused = m_params.paused;
    for (const Endpoint &e : std::as_const(m_params.peers))
        m_candidates.add(e, PeerSource::Manual);
    for (const QString &text : std::as_const(m_params.magnet.peers)) {
        // x.pe: "host:port" or "[v6]:port"; the magnet parser checked the form.
        const qsizetype colon = text.lastIndexOf(u':');
        QString host = text.left(colon);
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.mid(1, host.size() - 2);
        const QHostAddress address(host);
        const quint16 port = text.mid(colon + 1).toUShort();
        if (!address.isNull() && port)
            m_candidates.add(Endpoint{address, port}, PeerSource::Manual);
    }
}

MetadataFetch::~MetadataFetch()
{
    for (FetchPeer &p : m_peers) {
        p.connection->setHandler(nullptr);
        p.connection->deleteLater();
    }
}

QString MetadataFetch::name() const
{
    return m_params.magnet.displayName.isEmpty() ? infoHash().toHex()
                                                 : m_params.magnet.displayName;
}

void MetadataFetch::start(TimePoint now)
{
    m_started = true;
    if (m_paused)
        return;
    if (m_services.listenPort)
        m_announcer->setPort(m_services.listenPort());
    m_announcer->start(now);
}

void MetadataFetch::pause(TimePoint now)
{
    m_paused = true;
    m_params.paused = true;
    const QList<PeerId> ids = m_peers.keys();
    for (PeerId id : ids)
        dropPeer(id, QStringLiteral("torrent paused"));
    m_announcer->stop(now);
    if (m_services.state)
        m_services.state->saveState(infoHash(), TorrentState::Paused, {}, {});
}

void MetadataFetch::resume(TimePoint now)
{
    if (!m_paused)
        return;
    m_paused = false;
    m_params.paused = false;
    if (m_services.state)
        m_services.state->saveState(infoHash(), TorrentState::Downloading, {}, {});
    start(now);
}

void MetadataFetch::stop(TimePoint now)
{
    const QList<PeerId> ids = m_peers.keys();
    for (PeerId id : ids)
        dropPeer(id, QStringLiteral("shutting down"));
    m_announcer->stop(now);
}

void MetadataFetch::addPeers(const QList<Endpoint> &peers, PeerSource source)
{
    for (const Endpoint &e : peers)
        if (!m_services.isOurselves || !m_services.isOurselves(e.address, e.port))
            m_candidates.add(e, source);
}

void MetadataFetch::connectMorePeers(TimePoint now)
{
    const int limit = std::min(kMaxFetchConnections, m_services.settings->maxConnectionsPerTorrent);
    while (auto dialled = dialNext(m_candidates, m_services, infoHash(), m_peers, limit, now, this)) {
        dialled->connection->setHandler(this);
        FetchPeer p;
        p.connection = dialled->connection;
        p.source = dialled->source;
        p.endpoint = dialled->endpoint;
        m_peers.insert(p.connection->id(), p);
    }
}

void MetadataFetch::attachIncoming(PeerConnection *peer)
{
    if (m_paused || m_done || int(m_peers.size()) >= kMaxFetchConnections || m_candidates.isBanned(peer->address())) {
        peer->close(QStringLiteral("not accepting peers for this torrent"));
        peer->deleteLater();
        return;
    }
    peer->setParent(this);
    peer->setHandler(this);
    FetchPeer p;
    p.connection = peer;
    p.source = PeerSource::Incoming;
    p.endpoint = Endpoint{peer->address(), peer->port()};
    m_peers.insert(peer->id(), p);
    peer->acceptFor(infoHash());
}

void MetadataFetch::peerHandshake(PeerConnection *peer)
{
    auto it = m_peers.find(peer->id());
    if (it == m_peers.end())
        return;
    if (alreadyConnectedTo(m_peers, peer)) {
        peer->close(QStringLiteral("already connected to this peer"));
        return;
    }
    if (!peer->isIncoming())
        m_candidates.connected(it->endpoint);
    // We have nothing yet: "have none" (BEP 6) where the peer understands it, else silence.
    peer->sendBitfield(Bitfield(1));
    if (!peer->remoteReserved().extensionProtocol()) {
        // Without BEP 10 it cannot give us the metadata; keep it for the torrent only if it is
        // cheap to do so, which it is not: free the slot for a peer that can.
        peer->close(QStringLiteral("no extension protocol: cannot send metadata"));
        return;
    }
    // Whether the torrent is private is not known yet: PEX stays on until the metadata says.
    it->extensions = std::make_shared<PeerExtensions>(it->endpoint, peer->isIncoming(), true);
    peer->sendExtended(0, it->extensions->ourHandshake(m_services, peer->address(), std::nullopt, false));
    if (m_services.dhtPort && peer->remoteReserved().dht())
        if (const quint16 port = m_services.dhtPort())
            peer->sendPort(port);
}

void MetadataFetch::peerExtended(PeerConnection *peer, quint8 id, const QByteArray &payload)
{
    auto it = m_peers.find(peer->id());
    if (it == m_peers.end() || !it->extensions)
        return;
    FetchPeer &p = *it;
    const TimePoint now = Clock::now();
    if (id == 0) {
        if (!p.extensions->applyHandshake(payload))
            return;
        if (peer->isIncoming() && p.extensions->listenPort())
            m_candidates.add(Endpoint{peer->address(), *p.extensions->listenPort()}, PeerSource::Incoming);
        if (p.extensions->speaks(wire::ext::kUtMetadata) && p.extensions->metadataSize())
            m_assembler.addPeer(peer->id(), *p.extensions->metadataSize());
        else
            m_assembler.removePeer(peer->id());
        requestMetadata(p, now);
        return;
    }
    const QByteArray name = p.extensions->registry().incomingName(id);
    if (name == wire::ext::kUtMetadata)
        handleMetadata(p, payload, now);
    else if (name == wire::ext::kUtPex)
        addPeers(p.extensions->receivePex(payload, now), PeerSource::Pex);
}

void MetadataFetch::requestMetadata(FetchPeer &p, TimePoint now)
{
    if (m_done || !p.extensions)
        return;
    const quint8 theirId = p.extensions->registry().peerId(wire::ext::kUtMetadata);
    if (theirId == 0)
        return;
    for (int piece : m_assembler.takeRequests(p.connection->id(), now))
        p.connection->sendExtended(theirId, wire::ext::encodeMetadataRequest(piece));
}

void MetadataFetch::handleMetadata(FetchPeer &p, const QByteArray &payload, TimePoint now)
{
    const auto message = wire::ext::decodeMetadataMessage(payload);
    if (!message || m_done)
        return;
    const PeerId id = p.connection->id();
    switch (message->type) {
    case wire::ext::MetadataMessage::Type::Request: {
        // We have nothing to give yet.
        const quint8 theirId = p.extensions->registry().peerId(wire::ext::kUtMetadata);
        if (theirId)
            p.connection->sendExtended(theirId, wire::ext::encodeMetadataReject(message->piece));
        return;
    }
    case wire::ext::MetadataMessage::Type::Reject:
        m_assembler.onReject(id, message->piece, now);
        return;
    case wire::ext::MetadataMessage::Type::Unknown:
        return;
    case wire::ext::MetadataMessage::Type::Data:
        break;
    }
    const auto result = m_assembler.onData(id, *message, now);
    using Status = wire::ext::MetadataAssembler::DataResult::Status;
    switch (result.status) {
    case Status::Complete:
        m_done = true;
        emit metadataReady(infoHash(), result.info);
        return;
    case Status::PeerDropped:
        p.connection->close(QStringLiteral("metadata: %1").arg(result.reason));
        return;
    case Status::HashMismatch:
        for (auto blamed : result.dropped) {
            auto it = m_peers.find(PeerId(blamed));
            if (it == m_peers.end())
                continue;
            m_candidates.ban(it->endpoint);
            it->connection->close(QStringLiteral("sent metadata that does not match the info-hash"));
        }
        break;
    case Status::Accepted:
    case Status::Ignored:
        break;
    }
    // Ask again, from this peer and from any other that now has room.
    const QList<PeerId> ids = m_peers.keys();
    for (PeerId other : ids) {
        auto it = m_peers.find(other);
        if (it != m_peers.end() && it->connection->handshakeDone())
            requestMetadata(*it, now);
    }
}

void MetadataFetch::peerPort(PeerConnection *peer, quint16 port)
{
    if (m_services.dhtNode)
        m_services.dhtNode(peer->address(), port);
}

void MetadataFetch::peerClosed(PeerConnection *peer, const QString &reason)
{
    Q_UNUSED(reason)
    dropPeer(peer->id(), QString());
}

void MetadataFetch::dropPeer(PeerId id, const QString &reason)
{
    auto it = m_peers.find(id);
    if (it == m_peers.end())
        return;
    FetchPeer p = *it;
    m_peers.erase(it);
    m_assembler.removePeer(id);
    settleAttempt(m_candidates, *p.connection, p.endpoint, Clock::now());
    p.connection->setHandler(nullptr);
    if (!reason.isEmpty())
        p.connection->close(reason);
    p.connection->deleteLater();
}

void MetadataFetch::pumpPeers(TimePoint now)
{
    const QList<PeerId> ids = m_peers.keys();
    for (PeerId id : ids) {
        auto it = m_peers.find(id);
        if (it == m_peers.end())
            continue;
        it->connection->setReadAllowance(-1); // metadata and control messages only: never limited
        it->connection->pump(now);
    }
}

void MetadataFetch::tick(TimePoint now)
{
    if (m_paused || m_done || !m_started)
        return;
    m_announcer->tick(now);
    connectMorePeers(now);
    for (auto key : m_assembler.expire(now)) {
        auto it = m_peers.find(PeerId(key));
        if (it != m_peers.end() && m_assembler.isDropped(key))
            it->connection->close(QStringLiteral("metadata requests timed out"));
    }
    const QList<PeerId> ids = m_peers.keys();
    for (PeerId id : ids) {
        auto it = m_peers.find(id);
        if (it == m_peers.end())
            continue;
        it->connection->tick(now);
        it = m_peers.find(id);
        if (it != m_peers.end() && it->connection->handshakeDone())
            requestMetadata(*it, now);
    }
}

QList<MetadataFetch::HandedPeer> MetadataFetch::takePeers()
{
    QList<HandedPeer> out;
    const QList<PeerId> ids = m_peers.keys();
    for (PeerId id : ids) {
        FetchPeer p = m_peers.take(id);
        if (!p.connection->handshakeDone() || !p.connection->isConnected() || !p.extensions) {
            p.connection->setHandler(nullptr);
            p.connection->close(QStringLiteral("metadata complete"));
            p.connection->deleteLater();
            continue;
        }
        p.connection->setHandler(nullptr);
        p.connection->setParent(nullptr);
        out << HandedPeer{p.connection, p.source, p.endpoint, *p.extensions};
    }
    return out;
}

session::TorrentSnapshot MetadataFetch::snapshot(TimePoint now, bool withDetail) const
{
    session::TorrentSnapshot s;
    s.infoHash = infoHash();
    s.name = name();
    s.savePath = m_params.savePath;
    s.state = m_paused ? TorrentState::Paused : TorrentState::Downloading;
    s.hasMetadata = false;
    s.sequential = m_params.sequential;
    s.totalSize = m_params.magnet.exactLength.value_or(0);
    s.metadataSize = m_assembler.size();
    s.metadataPieces = m_assembler.pieceCount();
    s.metadataPiecesReceived = m_assembler.piecesReceived();
    for (const FetchPeer &p : m_peers)
        if (p.connection->handshakeDone())
            ++s.peersConnected;
    const auto [seeds, leechers] = m_announcer->swarmSize();
    s.seedsInSwarm = int(seeds);
    s.peersInSwarm = int(leechers);
    s.addedAt = m_params.addedAt;
    s.queuePosition = m_params.queuePosition;
    if (withDetail) {
        auto detail = std::make_shared<session::TorrentDetail>();
        for (const FetchPeer &p : m_peers) {
            const PeerConnection *c = p.connection;
            if (!c->handshakeDone())
                continue;
            session::PeerSnapshot ps;
            ps.address = c->address();
            ps.port = c->port();
            ps.client = p.extensions && !p.extensions->client().isEmpty() ? p.extensions->client() : c->clientName();
            ps.incoming = c->isIncoming();
            ps.source = p.source;
            ps.supportsFast = c->supportsFast();
            ps.supportsExtensions = c->remoteReserved().extensionProtocol();
            detail->peers << ps;
        }
        detail->trackers = m_announcer->snapshot(now);
        s.detail = detail;
    }
    return s;
}

} // namespace swarmscope::swarm
