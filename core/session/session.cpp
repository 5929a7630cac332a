#include "session/session.h"

#include "metainfo/pathsanitizer.h"
#include "dht/dhtservice.h"
#include "state/statestore.h"
#include "state/statewriter.h"
#include "storage/diskio.h"
#include "tracker/embeddedtracker.h"
#include "tracker/httptrackerclient.h"
#include "tracker/udptrackerclient.h"
#include "version.h"
#include "wire/peerid.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkInterface>
#include <QTcpServer>

namespace swarmscope::session {

using metainfo::InfoHash;
using state::TorrentState;

namespace {
// Reading from peers stops while this much is waiting to be hashed and written, and resumes
// below half of it: TCP then slows the senders down instead of our memory filling up.
constexpr qint64 kDiskBacklogLimit = 64LL * 1024 * 1024;
constexpr int kMaxHandshaking = 64;
} // namespace

Session::Session(const SessionSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_rng(std::random_device{}())
{
    m_peerId = wire::generatePeerId(m_rng);
    m_disk = std::make_unique<storage::DiskIo>();
    m_trackers = std::make_unique<tracker::HttpTrackerClient>(nullptr, this);
    const TimePoint now = Clock::now();
    m_globalDown.setRate(m_settings.maxDownloadRate, 0, now);
    m_globalUp.setRate(m_settings.maxUploadRate, 0, now);
    m_downRate.start(now);
    m_upRate.start(now);

    connect(m_disk.get(), &storage::DiskIo::pieceWritten, this,
            [this](storage::StorageId id, int piece, bool ok, bool mismatch, const QString &error) {
                if (auto *t = torrentFor(id))
                    t->onPieceWritten(piece, ok, mismatch, error);
                updateReading(true);
            });
    connect(m_disk.get(), &storage::DiskIo::blockRead, this,
            [this](storage::StorageId id, quint64 tag, const QByteArray &data, const QString &error) {
                if (auto *t = torrentFor(id))
                    t->onBlockRead(tag, data, error);
            });
    connect(m_disk.get(), &storage::DiskIo::checkProgress, this, [this](storage::StorageId id, int done, int total) {
        if (auto *t = torrentFor(id))
            t->onCheckProgress(done, total);
    });
    connect(m_disk.get(), &storage::DiskIo::checkFinished, this,
            [this](storage::StorageId id, const Bitfield &verified, const QString &error) {
                if (auto *t = torrentFor(id))
                    t->onCheckFinished(verified, error);
                applyQueue(); // it may run now, or wait for a slot
            });

    m_services.disk = m_disk.get();
    m_services.trackers = m_trackers.get();
    m_services.globalDown = &m_globalDown;
    m_services.globalUp = &m_globalUp;
    m_services.settings = &m_settings;
    m_services.peerOptions.ourPeerId = m_peerId;
    m_services.peerOptions.ourReserved.setFastExtension(true);
    m_services.peerOptions.ourReserved.setExtensionProtocol(true);
    m_services.clientName = clientName();
    m_services.trackerKey = QByteArray::number(quint32(m_rng()), 16);
    m_services.listenPort = [this] { return listenPort(); };
    m_services.nextPeerId = [this] { return m_nextPeerId++; };
    m_services.mayOpenConnection = [this] { return connectionCount() < m_settings.maxConnections; };
    m_services.isOurselves = [this](const QHostAddress &address, quint16 port) {
        if (port != listenPort())
            return false;
        return address.isLoopback() || QNetworkInterface::allAddresses().contains(address);
    };
    m_services.rng = &m_rng;
    m_services.diskLoadChanged = [this] { updateReading(false); }; // may pause, never resumes here

    // A torrent or magnet just added waits for the queue before it dials anyone.
    connect(this, &Session::torrentAdded, this, &Session::applyQueue);
    m_tickTimer.setInterval(m_settings.tickIntervalMs);
    connect(&m_tickTimer, &QTimer::timeout, this, &Session::tick);
    m_snapshotTimer.setInterval(m_settings.snapshotIntervalMs);
    connect(&m_snapshotTimer, &QTimer::timeout, this, &Session::publishSnapshot);
}

Session::~Session()
{
    qDeleteAll(m_handshaking);
    for (const auto &[t, deadline] : m_retiring)
        delete t;
    for (swarm::Torrent *t : std::as_const(m_torrents)) {
        m_disk->removeStorage(t->storageId());
        delete t;
    }
}

bool Session::start(QString *error)
{
    if (m_settings.persistState) {
        m_state = std::make_unique<state::StateWriter>();
        const QString dir = m_settings.stateDir.isEmpty() ? state::StateStore::defaultStateDir() : m_settings.stateDir;
        QString why;
        if (!m_state->open(dir, &why)) {
            if (error)
                *error = QStringLiteral("cannot open the state in %1: %2").arg(dir, why);
            return false;
        }
        connect(m_state.get(), &state::StateWriter::writeFailed, this, &Session::stateError);
        m_services.state = m_state.get();
    }
    if (!listen(error))
        return false;
    if (m_settings.announceToTrackers) {
        // One UDP socket for every UDP tracker, on the address we listen on.
        m_udpTrackers = new tracker::UdpTrackerClient(this, quint32(m_rng()));
        QString why;
        if (m_udpTrackers->bind(m_settings.listenAddress, 0, &why))
            m_services.udpTrackers = m_udpTrackers;
        else
            emit stateError(QStringLiteral("UDP trackers are off: %1").arg(why));
    }
    QByteArray dhtState;
    if (m_settings.persistState)
        dhtState = restore();
    startDht(dhtState);
    untrackQueued();
    applyQueue();
    startEmbeddedTracker();
    m_tickTimer.start();
    m_snapshotTimer.start();
    return true;
}

quint16 Session::listenPort() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

int Session::connectionCount() const
{
    int n = int(m_handshaking.size());
    for (const swarm::Torrent *t : m_torrents)
        n += t->connectedPeers();
    for (const swarm::MetadataFetch *f : m_fetches)
        n += f->connectedPeers();
    return n;
}

swarm::Torrent *Session::createTorrent(swarm::TorrentParams params, TorrentState savedState)
{
    const storage::StorageId id = m_nextStorageId++;
    const QString savePath = params.savePath;
    QList<quint8> priorities; // empty: every file wanted
    for (char c : params.filePriorities)
        priorities << quint8(c);
    if (priorities.size() != params.info.files.size())
        priorities.clear();
    auto *t = new swarm::Torrent(id, std::move(params), m_services, this);
    m_disk->addStorage(id, storage::StorageSpec::fromTorrent(t->info(), savePath, priorities));
    m_torrents.insert(t->infoHash(), t);
    m_order << t->infoHash();
    m_byStorage.insert(id, t);
    connect(t, &swarm::Torrent::completed, this, &Session::torrentCompleted);
    connect(t, &swarm::Torrent::errorOccurred, this, &Session::torrentError);
    // With queueing on it waits for the queue, unless it has a slot already (a magnet's fetch
    // had it): then its first check does not give the slot away.
    m_queuedFetches.remove(t->infoHash());
    if (m_settings.queueingEnabled && !m_slotHolders.contains(t->infoHash()))
        t->setQueued(true, Clock::now());
    if (savedState != TorrentState::Paused && !t->isQueued())
        trackInDht(t->infoHash(), t->info().isPrivate);
    return t;
}

std::optional<InfoHash> Session::addTorrent(const AddTorrentParams &params, QString *error)
{
    const InfoHash hash = params.info.infoHash;
    if (swarm::Torrent *existing = m_torrents.value(hash)) {
        // Adding it again (a restart of the same download) resumes it with the new peers.
        existing->addPeers(params.peers, PeerSource::Manual);
        if (!params.paused)
            existing->resume(Clock::now());
        applyQueue();
        return hash;
    }
    // The user chose this folder: create it now. Later, a missing folder means an unmounted disk.
    if (params.savePath.isEmpty() || !QDir().mkpath(params.savePath)) {
        if (error)
            *error = QStringLiteral("cannot create the save folder %1").arg(params.savePath);
        return std::nullopt;
    }
    swarm::TorrentParams tp;
    tp.info = params.info;
    tp.savePath = QFileInfo(params.savePath).absoluteFilePath();
    tp.trustedHave = Bitfield(params.info.pieceCount());
    tp.piecesToCheck = Bitfield(params.info.pieceCount(), true); // what is already there counts
    tp.filePriorities = params.filePriorities;
    tp.paused = params.paused;
    tp.sequential = params.sequential;
    tp.addedAt = QDateTime::currentDateTimeUtc();
    tp.queuePosition = int(m_order.size());
    tp.peers = params.peers;
    swarm::Torrent *t = createTorrent(tp, params.paused ? TorrentState::Paused : TorrentState::Queued);
    if (m_state) {
        state::TorrentRecord r = t->record();
        r.state = TorrentState::Checking;
        m_state->saveTorrent(r);
    }
    t->start(Clock::now());
    emit torrentAdded(hash);
    return hash;
}

QByteArray Session::restore()
{
    state::StateStore reader;
    const QString dir = m_settings.stateDir.isEmpty() ? state::StateStore::defaultStateDir() : m_settings.stateDir;
    if (!reader.open(dir))
        return {};
    const QList<state::TorrentRecord> records = reader.loadTorrents();
    const QByteArray dhtState = QByteArray::fromBase64(reader.loadSettings().value(QStringLiteral("dht/state")).toLatin1());
    reader.close();
    for (const state::TorrentRecord &r : records) {
        if (r.torrentFile.isEmpty() && !r.magnet.isEmpty()) {
            restoreMagnetQueued(r); // still waiting for its metadata
            continue;
        }
        metainfo::ParseError parseError;
        auto info = metainfo::parseTorrent(r.torrentFile, &parseError);
        if (!info || !(info->infoHash == r.infoHash))
            continue; // magnets without metadata come with the metadata exchange
        swarm::TorrentParams tp;
        tp.info = *info;
        tp.savePath = r.savePath;
        tp.filePriorities = r.filePriorities;
        tp.paused = r.state == TorrentState::Paused;
        tp.sequential = r.sequential;
        tp.uploaded = r.uploaded;
        tp.downloaded = r.downloaded;
        tp.addedAt = r.addedAt;
        tp.completedAt = r.completedAt;
        tp.queuePosition = r.queuePosition;
        const int pieces = info->pieceCount();
        Bitfield claimed = Bitfield::fromWire(r.havePieces, pieces).value_or(Bitfield(pieces));
        // Trust a file's pieces only when it is exactly as it was when they were recorded; with
        // the volume away that is known only once it is back.
        const bool storageThere = QFileInfo(r.savePath).isDir();
        const Bitfield toCheck = storageThere ? piecesToVerify(*info, r.savePath, r.fileStamps, claimed) : Bitfield(pieces);
        tp.trustedHave = claimed;
        tp.piecesToCheck = toCheck;
        swarm::Torrent *t = createTorrent(tp, storageThere ? r.state : TorrentState::StorageUnavailable);
        if (!storageThere && !tp.paused) {
            // An unmounted disk or a removed folder: wait for it, never recreate it. The storage
            // policy resumes it (setStorageAvailable) when the volume comes back.
            m_waitingStamps.insert(r.infoHash, r.fileStamps);
            t->storageLost(Clock::now());
            continue;
        }
        if (!storageThere) {
            m_waitingStamps.insert(r.infoHash, r.fileStamps);
            t->pause(Clock::now()); // the user's pause: resuming it starts (and verifies) it
            continue;
        }
        t->start(Clock::now());
    }
    return dhtState;
}

Bitfield Session::piecesToVerify(const metainfo::TorrentInfo &info, const QString &savePath,
                                 const QList<state::FileStamp> &saved, const Bitfield &claimed)
{
    Bitfield toCheck(info.pieceCount());
    QStringList paths;
    for (const metainfo::FileEntry &f : info.files)
        paths << QDir(savePath).filePath(f.path);
    const QList<state::FileStamp> now = state::fileStampsOf(paths);
    for (int i = 0; i < info.files.size(); ++i) {
        const bool same = i < saved.size() && saved[i] == now[i];
        if (same || info.files[i].size == 0)
            continue;
        const qint64 first = info.files[i].offset / info.pieceLength;
        const qint64 last = (info.files[i].offset + info.files[i].size - 1) / info.pieceLength;
        for (qint64 p = first; p <= last; ++p)
            if (claimed.test(int(p)))
                toCheck.set(int(p));
    }
    return toCheck;
}

void Session::removeTorrent(const InfoHash &hash, bool deleteFiles)
{
    if (m_dht)
        m_dht->untrack(hash);
    if (swarm::MetadataFetch *f = m_fetches.take(hash)) {
        m_order.removeOne(hash);
        f->stop(Clock::now());
        if (m_state)
            m_state->removeTorrent(hash);
        f->deleteLater(); // no files yet: nothing to delete
        applyQueue();
        return;
    }
    swarm::Torrent *t = m_torrents.take(hash);
    if (!t)
        return;
    m_waitingStamps.remove(hash);
    m_order.removeOne(hash);
    m_byStorage.remove(t->storageId());
    t->stop(Clock::now());
    m_disk->removeStorage(t->storageId());
    if (m_state)
        m_state->removeTorrent(hash);
    if (deleteFiles) {
        const state::TorrentRecord r = t->record();
        for (const metainfo::FileEntry &f : t->info().files) {
            const QString path = QDir(r.savePath).filePath(f.path);
            if (metainfo::isInsideFolder(r.savePath, f.path))
                QFile::remove(path);
        }
        if (t->info().multiFile)
            QDir(QDir(r.savePath).filePath(t->info().name)).removeRecursively();
    }
    // Deleting it now would cancel its `stopped` announces and leave a ghost in the trackers'
    // swarms: it goes once they are answered, or after a few seconds.
    m_retiring.push_back({t, Clock::now() + std::chrono::seconds(5)});
    applyQueue(); // its slot goes to the next in the queue
}

void Session::pauseTorrent(const InfoHash &hash)
{
    if (auto *t = m_torrents.value(hash)) {
        t->pause(Clock::now());
    } else if (auto *f = m_fetches.value(hash)) {
        m_queuedFetches.remove(hash); // the user's pause now, not the queue's
        f->pause(Clock::now());
    }
    if (m_dht)
        m_dht->untrack(hash); // a paused torrent wants no peers
    applyQueue(); // its slot goes to the next in the queue
}

void Session::resumeTorrent(const InfoHash &hash)
{
    if (auto *t = m_torrents.value(hash)) {
        if (!QFileInfo(t->savePath()).isDir()) {
            // Its disk is not mounted (or the folder was removed): say so rather than start and
            // create the folder elsewhere. A torrent waiting for its storage keeps waiting.
            emit torrentError(hash, QStringLiteral("the save folder %1 is missing: is its disk mounted?").arg(t->savePath()));
            return;
        }
        prepareWaitingStart(t);
        t->resume(Clock::now()); // held by the queue: Queued, and applyQueue() decides
        if (!t->isQueued())
            trackInDht(hash, t->info().isPrivate);
    } else if (auto *f = m_fetches.value(hash)) {
        if (m_settings.queueingEnabled) {
            if (f->isPaused())
                m_queuedFetches.insert(hash); // waits for a slot: applyQueue() resumes it
        } else {
            f->resume(Clock::now());
            trackInDht(hash, false);
        }
    }
    applyQueue();
}

void Session::recheckTorrent(const InfoHash &hash)
{
    if (auto *t = m_torrents.value(hash))
        t->recheck(Clock::now());
    applyQueue();
}

void Session::setFilePriorities(const InfoHash &hash, const QByteArray &priorities)
{
    if (auto *t = m_torrents.value(hash))
        t->setFilePriorities(priorities);
}

void Session::connectPeer(const InfoHash &hash, const QHostAddress &address, quint16 port)
{
    if (auto *t = m_torrents.value(hash))
        t->addPeers({swarm::Endpoint{address, port}}, PeerSource::Manual);
    else if (auto *f = m_fetches.value(hash))
        f->addPeers({swarm::Endpoint{address, port}}, PeerSource::Manual);
}

void Session::setWatched(const QList<InfoHash> &hashes)
{
    m_watched = QSet<InfoHash>(hashes.begin(), hashes.end());
}

void Session::setRateLimits(qint64 down, qint64 up)
{
    const TimePoint now = Clock::now();
    m_settings.maxDownloadRate = down;
    m_settings.maxUploadRate = up;
    m_globalDown.setRate(down, 0, now);
    m_globalUp.setRate(up, 0, now);
    for (swarm::Torrent *t : std::as_const(m_torrents))
        t->pumpPeers(now, m_readingPaused); // re-deal the read budgets under the new limits
}

void Session::setChokerSettings(const swarm::ChokerSettings &choker)
{
    m_settings.choker = choker;
    for (swarm::Torrent *t : std::as_const(m_torrents))
        t->setChokerSettings(choker); // the next evaluation rechokes with them
}

void Session::onNewConnection()
{
    while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
        if (m_shuttingDown || m_handshaking.size() >= kMaxHandshaking
            || connectionCount() >= m_settings.maxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        const swarm::PeerId id = m_nextPeerId++;
        auto *peer = new peer::PeerConnection(id, socket, m_services.peerOptions, Clock::now(), this);
        peer->setHandler(this);
        m_handshaking.insert(id, peer);
    }
}

void Session::peerHandshake(peer::PeerConnection *peer)
{
    m_handshaking.remove(peer->id());
    m_incomingSeen = true;
    swarm::Torrent *t = m_torrents.value(peer->infoHash());
    if (!t) {
        if (swarm::MetadataFetch *f = m_fetches.value(peer->infoHash())) {
            f->attachIncoming(peer);
            return;
        }
        peer->setHandler(nullptr);
        peer->close(QStringLiteral("unknown torrent"));
        peer->deleteLater();
        return;
    }
    t->attachIncoming(peer);
}

void Session::peerClosed(peer::PeerConnection *peer, const QString &)
{
    m_handshaking.remove(peer->id());
    peer->deleteLater();
}

void Session::tick()
{
    const TimePoint now = Clock::now();
    for (auto it = m_handshaking.begin(); it != m_handshaking.end();) {
        peer::PeerConnection *p = *it;
        ++it;
        p->tick(now); // closes (and removes itself through peerClosed) after the handshake limit
    }
    updateReading(true);
    // Under a global download limit the torrent pumped first takes the tick's whole budget: in
    // a fixed order one torrent would starve the others (not even reading their bitfields),
    // so the first place goes round.
    const QList<swarm::Torrent *> torrents = m_torrents.values();
    for (qsizetype i = 0; i < torrents.size(); ++i) {
        swarm::Torrent *t = torrents[(i + m_pumpRotation) % torrents.size()];
        t->pumpPeers(now, m_readingPaused);
        t->tick(now);
    }
    m_pumpRotation = torrents.isEmpty() ? 0 : (m_pumpRotation + 1) % torrents.size();
    // By hash: a fetch that completes leaves m_fetches (queued, so not during this loop).
    for (swarm::MetadataFetch *f : std::as_const(m_fetches)) {
        f->pumpPeers(now);
        f->tick(now);
    }
    saveDhtState(false);
    applyQueue(); // checks that ended, downloads that completed, torrents gone slow
    for (auto it = m_retiring.begin(); it != m_retiring.end();) {
        if (!it->first->hasPendingAnnounces() || now > it->second) {
            delete it->first;
            it = m_retiring.erase(it);
        } else {
            ++it;
        }
    }
}

void Session::updateReading(bool mayResume)
{
    const qint64 pending = m_disk->pendingWriteBytes();
    const bool pause = m_readingPaused ? pending > kDiskBacklogLimit / 2 : pending > kDiskBacklogLimit;
    if (pause == m_readingPaused || (!pause && !mayResume))
        return;
    m_readingPaused = pause;
    const TimePoint now = Clock::now();
    for (swarm::Torrent *t : std::as_const(m_torrents))
        t->pumpPeers(now, pause); // resuming also reads what waited in the socket buffers
}

SessionSnapshotPtr Session::takeSnapshot()
{
    const TimePoint now = Clock::now();
    auto s = std::make_shared<SessionSnapshot>();
    s->sequence = ++m_snapshotSequence;
    s->takenAt = QDateTime::currentDateTimeUtc();
    s->listenPort = listenPort();
    s->dhtNodes = m_dht ? m_dht->nodeCount() : -1;
    s->dhtPort = m_dht ? m_dht->port() : 0;
    s->incomingSeen = m_incomingSeen;
    s->embeddedTrackerPort = m_embeddedTracker && m_embeddedTracker->isListening() ? m_embeddedTracker->port() : 0;
    for (const InfoHash &hash : std::as_const(m_order)) {
        const swarm::Torrent *t = m_torrents.value(hash);
        if (!t) {
            if (const swarm::MetadataFetch *f = m_fetches.value(hash)) {
                s->torrents << f->snapshot(now, m_watched.contains(hash));
                if (m_queuedFetches.contains(hash))
                    s->torrents.back().state = TorrentState::Queued; // paused by the queue, not the user
            }
            continue;
        }
        s->torrents << t->snapshot(now, m_watched.contains(hash));
        s->downloadRate += s->torrents.back().downloadRate;
        s->uploadRate += s->torrents.back().uploadRate;
    }
    return s;
}

void Session::publishSnapshot()
{
    emit snapshotReady(takeSnapshot());
}

void Session::shutdown(std::function<void()> done)
{
    m_shuttingDown = true;
    m_tickTimer.stop();
    m_snapshotTimer.stop();
    if (m_listener)
        m_listener->close();
    const TimePoint now = Clock::now();
    // No fsync here: written pieces are with the OS, which survives our crash (not a power cut,
    // as with libtorrent and Transmission); the disk worker finishes queued writes before exit.
    for (swarm::Torrent *t : std::as_const(m_torrents))
        t->stop(now);
    for (swarm::MetadataFetch *f : std::as_const(m_fetches))
        f->stop(now);
    saveDhtState(true);
    if (m_dht)
        m_dht->stop();
    // Give the `stopped` announces a moment; the state is committed either way.
    auto finish = [this, done = std::move(done)] {
        if (m_state)
            m_state->flush();
        if (done)
            done();
    };
    auto pending = [this] { return m_trackers->pendingCount() + (m_udpTrackers ? m_udpTrackers->pendingCount() : 0); };
    if (pending() == 0) {
        finish();
        return;
    }
    auto *timer = new QTimer(this);
    timer->setSingleShot(false);
    timer->setInterval(50);
    auto deadline = std::make_shared<TimePoint>(now + std::chrono::seconds(3));
    connect(timer, &QTimer::timeout, this, [timer, deadline, finish, pending] {
        if (pending() == 0 || Clock::now() > *deadline) {
            timer->stop();
            timer->deleteLater();
            finish();
        }
    });
    timer->start();
}

} // namespace swarmscope::session
