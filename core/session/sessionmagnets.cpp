// Session: magnet links (the metadata fetch and the hand-over to a torrent) and the DHT.
#include "session/session.h"

#include "dht/dhtservice.h"
#include "state/statewriter.h"
#include "storage/diskio.h"

#include <QDir>
#include <QFileInfo>

namespace swarmscope::session {

using metainfo::InfoHash;
using state::TorrentState;

namespace {
const QString kDhtStateKey = QStringLiteral("dht/state");
constexpr auto kDhtSaveInterval = std::chrono::minutes(5);
} // namespace

swarm::MetadataFetch *Session::createFetch(swarm::MetadataFetch::Params params)
{
    auto *f = new swarm::MetadataFetch(std::move(params), m_services, this);
    m_fetches.insert(f->infoHash(), f);
    m_order << f->infoHash();
    connect(f, &swarm::MetadataFetch::metadataReady, this, &Session::onMetadataReady, Qt::QueuedConnection);
    if (!f->isPaused())
        trackInDht(f->infoHash(), false);
    return f;
}

std::optional<InfoHash> Session::addMagnet(const AddMagnetParams &params, QString *error)
{
    const InfoHash hash = params.magnet.infoHash;
    if (swarm::Torrent *existing = m_torrents.value(hash)) {
        existing->addPeers(params.peers, PeerSource::Manual);
        if (!params.paused)
            existing->resume(Clock::now());
        return hash;
    }
    if (swarm::MetadataFetch *existing = m_fetches.value(hash)) {
        existing->addPeers(params.peers, PeerSource::Manual);
        if (!params.paused)
            existing->resume(Clock::now());
        return hash;
    }
    if (params.savePath.isEmpty() || !QDir().mkpath(params.savePath)) {
        if (error)
            *error = QStringLiteral("cannot create the save folder %1").arg(params.savePath);
        return std::nullopt;
    }
    swarm::MetadataFetch::Params fp;
    fp.magnet = params.magnet;
    fp.savePath = QFileInfo(params.savePath).absoluteFilePath();
    fp.paused = params.paused;
    fp.pauseAfterMetadata = params.pauseAfterMetadata;
    fp.addedAt = QDateTime::currentDateTimeUtc();
    fp.queuePosition = int(m_order.size());
    fp.peers = params.peers;
    swarm::MetadataFetch *f = createFetch(fp);
    if (m_state) {
        // Saved at once, so a restart goes on fetching; the .torrent follows when it is in.
        state::TorrentRecord r;
        r.infoHash = hash;
        r.name = f->name();
        r.magnet = params.magnet.toString();
        r.savePath = fp.savePath;
        r.state = fp.paused ? TorrentState::Paused : TorrentState::Downloading;
        r.addedAt = fp.addedAt;
        r.queuePosition = fp.queuePosition;
        r.pauseAfterMetadata = fp.pauseAfterMetadata;
        m_state->saveTorrent(r);
    }
    f->start(Clock::now());
    emit torrentAdded(hash);
    return hash;
}

void Session::restoreMagnet(const state::TorrentRecord &r)
{
    QString why;
    auto magnet = metainfo::parseMagnet(r.magnet, &why);
    if (!magnet || !(magnet->infoHash == r.infoHash))
        return;
    swarm::MetadataFetch::Params fp;
    fp.magnet = *magnet;
    fp.savePath = r.savePath;
    fp.paused = r.state == TorrentState::Paused || !QFileInfo(r.savePath).isDir();
    fp.pauseAfterMetadata = r.pauseAfterMetadata;
    fp.sequential = r.sequential;
    fp.addedAt = r.addedAt;
    fp.queuePosition = r.queuePosition;
    createFetch(fp)->start(Clock::now());
}

void Session::onMetadataReady(const InfoHash &hash, const QByteArray &infoBytes)
{
    swarm::MetadataFetch *f = m_fetches.value(hash);
    if (!f || m_shuttingDown)
        return;
    metainfo::ParseError parseError;
    auto info = metainfo::parseInfoDictionary(infoBytes, &parseError);
    if (!info || !(info->infoHash == hash)) {
        // It hashed right but we cannot use it (over our limits, a v2-only torrent ...).
        emit torrentError(hash, QStringLiteral("the metadata cannot be used: %1").arg(parseError.message));
        f->pause(Clock::now());
        return;
    }
    const swarm::MetadataFetch::Params fp = f->params();
    for (const QString &t : fp.magnet.trackers)
        info->trackerTiers << QStringList{t};
    info->webSeeds = fp.magnet.webSeeds;

    const QList<swarm::MetadataFetch::HandedPeer> peers = f->takePeers();
    const auto candidates = f->candidates();
    m_fetches.remove(hash);
    m_order.removeOne(hash);
    f->stop(Clock::now());
    f->deleteLater();

    swarm::TorrentParams tp;
    tp.info = *info;
    tp.savePath = fp.savePath;
    tp.trustedHave = Bitfield(info->pieceCount());
    tp.piecesToCheck = Bitfield(info->pieceCount(), true); // what is already there counts
    tp.paused = fp.paused || fp.pauseAfterMetadata;
    tp.sequential = fp.sequential;
    tp.addedAt = fp.addedAt;
    tp.queuePosition = fp.queuePosition;
    swarm::Torrent *t = createTorrent(tp, tp.paused ? TorrentState::Paused : TorrentState::Queued);
    m_order.move(m_order.size() - 1, std::min<qsizetype>(fp.queuePosition, m_order.size() - 1));
    if (m_state) {
        state::TorrentRecord r = t->record();
        r.magnet = fp.magnet.toString();
        r.state = TorrentState::Checking;
        m_state->saveTorrent(r);
    }
    t->start(Clock::now());
    for (const swarm::MetadataFetch::HandedPeer &p : peers)
        t->adoptPeer(p.connection, p.source, p.endpoint, p.extensions);
    for (const auto &[endpoint, source] : candidates)
        t->addPeers({endpoint}, source);
    emit metadataReceived(hash);
}

void Session::startDht(const QByteArray &savedState)
{
    if (!m_settings.dhtEnabled)
        return;
    dht::DhtServiceSettings ds;
    ds.bindAddress = m_settings.listenAddress;
    ds.port = m_settings.dhtPort ? m_settings.dhtPort : listenPort();
    ds.bootstrap = m_settings.dhtBootstrap.isEmpty() ? dht::defaultBootstrap() : m_settings.dhtBootstrap;
    m_dht = new dht::DhtService(ds, this);
    QString why;
    if (!m_dht->start(savedState, &why)) {
        delete m_dht;
        m_dht = nullptr;
        emit stateError(QStringLiteral("the DHT is off: %1").arg(why));
        return;
    }
    connect(m_dht, &dht::DhtService::peersFound, this, &Session::onDhtPeers);
    m_services.dhtPort = [this] { return m_dht ? m_dht->port() : quint16(0); };
    m_services.dhtNode = [this](const QHostAddress &address, quint16 port) {
        if (m_dht)
            m_dht->addNode(address, port);
    };
    m_services.peerOptions.ourReserved.setDht(true);
    // Torrents restored before the DHT was up.
    for (swarm::Torrent *t : std::as_const(m_torrents))
        if (t->state() != TorrentState::Paused && t->state() != TorrentState::StorageUnavailable)
            trackInDht(t->infoHash(), t->info().isPrivate);
    for (swarm::MetadataFetch *f : std::as_const(m_fetches))
        if (!f->isPaused())
            trackInDht(f->infoHash(), false);
}

void Session::trackInDht(const InfoHash &hash, bool isPrivate)
{
    if (!m_dht)
        return;
    if (isPrivate) {
        m_dht->untrack(hash); // BEP 27: a private torrent's peers come from its tracker alone
        return;
    }
    m_dht->track(hash, listenPort(), true);
}

void Session::onDhtPeers(const InfoHash &hash, const QList<dht::Endpoint> &peers)
{
    QList<swarm::Endpoint> endpoints;
    for (const dht::Endpoint &e : peers)
        endpoints << swarm::Endpoint{e.address, e.port};
    if (swarm::Torrent *t = m_torrents.value(hash)) {
        if (!t->info().isPrivate)
            t->addPeers(endpoints, PeerSource::Dht);
    } else if (swarm::MetadataFetch *f = m_fetches.value(hash)) {
        f->addPeers(endpoints, PeerSource::Dht);
    }
}

void Session::saveDhtState(bool force)
{
    const TimePoint now = Clock::now();
    if (!force && now - m_lastDhtSave < kDhtSaveInterval)
        return;
    m_lastDhtSave = now;
    if (m_dht && m_state)
        m_state->saveSetting(kDhtStateKey, QString::fromLatin1(m_dht->exportState().toBase64()));
}

} // namespace swarmscope::session
