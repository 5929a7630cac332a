#include "swarm/torrent.h"

#include "metainfo/pathsanitizer.h"
#include "state/statewriter.h"
#include "storage/diskio.h"
#include "swarm/peerdialing.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <limits>

namespace swarmscope::swarm {

using peer::PeerConnection;
using session::PeerSource;
using state::TorrentState;

namespace {
constexpr qint64 kUploadReadsPerPeer = 4;
constexpr auto kProgressSaveInterval = std::chrono::seconds(2);
constexpr int kMaxQueuedUploads = 500;
} // namespace

Torrent::Torrent(storage::StorageId storageId, TorrentParams params, const TorrentServices &services,
                 QObject *parent)
    : QObject(parent), m_storageId(storageId), m_info(params.info), m_params(std::move(params)),
      m_services(services),
      m_picker(m_info.pieceLength, m_info.totalSize, std::uint32_t((*services.rng)())),
      m_choker(services.settings->choker, std::uint32_t((*services.rng)())), m_filePriorities(m_params.filePriorities)
{
    if (m_filePriorities.size() != m_info.files.size())
        m_filePriorities = QByteArray(m_info.files.size(), '\x01');
    applyFilePriorities();
    m_picker.setSequential(m_params.sequential);
    makeAnnouncer();
    if (!m_params.addedAt.isValid())
        m_params.addedAt = QDateTime::currentDateTimeUtc();
    m_metadata = wire::ext::MetadataSource(m_info.infoBytes);
    for (const Endpoint &e : m_params.peers)
        m_candidates.add(e, PeerSource::Manual);
}

void Torrent::makeAnnouncer()
{
    const TorrentServices &services = m_services;
    m_announcer = std::make_unique<Announcer>(m_info.trackerTiers, m_info.infoHash,
                                              services.peerOptions.ourPeerId, services.trackerKey,
                                              services.settings->announceToTrackers ? services.trackers : nullptr,
                                              services.settings->announceToTrackers ? services.udpTrackers : nullptr,
                                              *services.rng);
    m_announcer->setStats([this] {
        return AnnounceStats{m_sessionUploaded, m_sessionDownloaded, m_info.totalSize - wantedDoneBytes()};
    });
    m_announcer->setPeersFound([this](const QList<tracker::TrackerPeer> &peers) {
        QList<Endpoint> endpoints;
        for (const tracker::TrackerPeer &p : peers)
            endpoints << Endpoint{p.address, p.port};
        addPeers(endpoints, PeerSource::Tracker);
    });
}

bool Torrent::hasPendingAnnounces() const
{
    if (m_announcer->pendingCount() > 0)
        return true;
    return std::any_of(m_retiredAnnouncers.begin(), m_retiredAnnouncers.end(),
                       [](const auto &a) { return a->pendingCount() > 0; });
}

bool Torrent::setTrackers(const QList<QStringList> &tiers)
{
    if (tiers == m_info.trackerTiers)
        return false;
    // The tiers' bookkeeping (who answered, back-off, the tier order BEP 12 keeps) belongs to
    // the old list: start over with the new one, telling the old trackers we stopped.
    const TimePoint now = Clock::now();
    const bool running = isActive(); // not the announcer's state: with no trackers it never ran
    m_announcer->stop(now);
    m_retiredAnnouncers.push_back(std::move(m_announcer)); // its `stopped` requests finish on their own
    while (m_retiredAnnouncers.size() > 4)
        m_retiredAnnouncers.pop_front();
    m_info.trackerTiers = tiers;
    makeAnnouncer();
    if (running) {
        if (m_services.listenPort)
            m_announcer->setPort(m_services.listenPort());
        m_announcer->start(now);
    }
    if (m_services.state)
        m_services.state->saveTorrentFile(infoHash(), metainfo::encodeTorrentFile(m_info));
    return true;
}

Torrent::~Torrent()
{
    for (PeerInfo &p : m_peers) {
        p.connection->setHandler(nullptr);
        p.connection->deleteLater();
    }
}

QList<quint8> Torrent::filePriorityList() const
{
    QList<quint8> out;
    for (char c : m_filePriorities)
        out << quint8(c);
    return out;
}

void Torrent::applyFilePriorities()
{
    QList<PiecePriority> files;
    for (char c : m_filePriorities)
        files << static_cast<PiecePriority>(std::clamp(int(c), 0, 2));
    m_picker.setPiecePriorities(piecePrioritiesFromFiles(m_info, files));
}

void Torrent::setFilePriorities(const QByteArray &priorities)
{
    if (priorities.size() != m_info.files.size())
        return;
    m_filePriorities = priorities;
    applyFilePriorities();
    m_services.disk->setFilePriorities(m_storageId, filePriorityList());
    if (m_services.state)
        m_services.state->saveFilePriorities(infoHash(), m_filePriorities);
    for (PeerInfo &p : m_peers)
        updateInterest(p);
    if (m_state == TorrentState::Seeding && !isComplete())
        setState(TorrentState::Downloading);
    else if (m_state == TorrentState::Downloading && isComplete())
        finishDownload();
}

bool Torrent::isActive() const
{
    return m_state == TorrentState::Downloading || m_state == TorrentState::Seeding;
}

void Torrent::setState(TorrentState s, const QString &error)
{
    if (s == m_state && error == m_error)
        return;
    m_state = s;
    m_error = error;
    if (m_services.state)
        m_services.state->saveState(infoHash(), s, error, m_params.completedAt);
    if (s == TorrentState::Error)
        emit errorOccurred(infoHash(), error);
}

void Torrent::start(TimePoint now)
{
    m_started = true;
    m_downRate.start(now);
    m_upRate.start(now);
    Bitfield have = m_params.trustedHave.size() == m_info.pieceCount() ? m_params.trustedHave
                                                                        : Bitfield(m_info.pieceCount());
    const bool mustCheck = m_params.piecesToCheck.size() == m_info.pieceCount() && !m_params.piecesToCheck.none();
    if (mustCheck)
        for (int i = 0; i < have.size(); ++i)
            if (m_params.piecesToCheck.test(i))
                have.reset(i);
    m_picker.setHave(have);
    if (mustCheck) {
        m_checking = true;
        m_checkDone = 0;
        m_checkTotal = m_params.piecesToCheck.count();
        m_checkPieces = m_params.piecesToCheck;
        setState(TorrentState::Checking);
        m_services.disk->check(m_storageId, m_params.piecesToCheck);
        return;
    }
    if (m_params.paused)
        setState(TorrentState::Paused);
    else
        startDownloading(now);
}

void Torrent::startDownloading(TimePoint now)
{
    if (m_queued) { // it waits for a slot; the session releases it with setQueued(false)
        stopRunning(now, QStringLiteral("torrent queued"));
        setState(TorrentState::Queued);
        saveProgress();
        return;
    }
    setState(isComplete() ? TorrentState::Seeding : TorrentState::Downloading);
    if (m_services.listenPort)
        m_announcer->setPort(m_services.listenPort());
    m_announcer->start(now);
    m_needsRechoke = true;
    saveProgress();
}

void Torrent::stopRunning(TimePoint now, const QString &why)
{
    const QList<PeerId> ids = m_peers.keys();
    for (PeerId id : ids)
        dropPeer(id, why, true);
    m_announcer->stop(now);
}

void Torrent::setQueued(bool queued, TimePoint now)
{
    if (queued == m_queued)
        return;
    m_queued = queued;
    if (queued && isActive())
        startDownloading(now); // which now stops it, in Queued
    else if (!queued && m_state == TorrentState::Queued && m_started && !m_checking && !m_params.paused)
        startDownloading(now);
}

void Torrent::pause(TimePoint now)
{
    if (m_state == TorrentState::Paused)
        return;
    m_params.paused = true;
    if (m_checking) {
        m_services.disk->cancelCheck(m_storageId);
        m_checking = false;
    }
    stopRunning(now, QStringLiteral("torrent paused"));
    setState(TorrentState::Paused);
    saveProgress();
    m_services.disk->releaseFiles(m_storageId); // a paused torrent leaves its volume free to unmount
}

void Torrent::resume(TimePoint now)
{
    m_params.paused = false;
    if (m_state == TorrentState::StorageUnavailable) {
        storageRestored(now); // the user insists: try it (the storage policy warns first)
        return;
    }
    if (m_state != TorrentState::Paused && m_state != TorrentState::Error)
        return;
    m_services.disk->clearStorageError(m_storageId);
    if (!m_started) {
        start(now); // paused before it ever started (restored paused): verify what it must first
        return;
    }
    startDownloading(now);
}

void Torrent::stop(TimePoint now)
{
    stopRunning(now, QStringLiteral("shutting down"));
    saveProgress();
}

void Torrent::setSequential(bool sequential)
{
    m_picker.setSequential(sequential);
    if (m_services.state)
        m_services.state->saveOptions(infoHash(), m_params.savePath, m_params.queuePosition, sequential);
}

void Torrent::setQueuePosition(int position)
{
    if (position == m_params.queuePosition)
        return;
    m_params.queuePosition = position;
    if (m_services.state)
        m_services.state->saveOptions(infoHash(), m_params.savePath, position, isSequential());
}

void Torrent::addPeers(const QList<Endpoint> &peers, PeerSource source)
{
    for (const Endpoint &e : peers)
        if (!m_services.isOurselves || !m_services.isOurselves(e.address, e.port))
            m_candidates.add(e, source);
}

void Torrent::connectMorePeers(TimePoint now)
{
    const int limit = m_services.settings->maxConnectionsPerTorrent;
    while (auto dialled = dialNext(m_candidates, m_services, infoHash(), m_peers, limit, now, this)) {
        PeerConnection *connection = dialled->connection;
        connection->setHandler(this);
        connection->setPieceCount(m_info.pieceCount());
        connection->setReadAllowance(downloadLimited() ? 0 : -1); // the next tick hands out its share
        PeerInfo info;
        info.connection = connection;
        info.source = dialled->source;
        info.endpoint = dialled->endpoint;
        m_peers.insert(connection->id(), info);
    }
}

void Torrent::attachIncoming(PeerConnection *peer)
{
    if (!isActive() || int(m_peers.size()) >= m_services.settings->maxConnectionsPerTorrent
        || m_candidates.isBanned(peer->address())) {
        peer->close(QStringLiteral("not accepting peers for this torrent"));
        peer->deleteLater();
        return;
    }
    peer->setParent(this);
    peer->setHandler(this);
    peer->setPieceCount(m_info.pieceCount());
    peer->setReadAllowance(downloadLimited() ? 0 : -1);
    PeerInfo info;
    info.connection = peer;
    info.source = PeerSource::Incoming;
    info.endpoint = Endpoint{peer->address(), peer->port()};
    m_peers.insert(peer->id(), info);
    peer->acceptFor(infoHash());
}

void Torrent::peerHandshake(PeerConnection *peer)
{
    auto it = m_peers.find(peer->id());
    if (it == m_peers.end())
        return;
    if (alreadyConnectedTo(m_peers, peer)) { // one connection per remote peer id
        peer->close(QStringLiteral("already connected to this peer"));
        return;
    }
    if (!peer->isIncoming())
        m_candidates.connected(it->endpoint);
    peer->sendBitfield(m_picker.have());
    sendAllowedFast(*it);
    greetExtensions(*it);
    m_needsRechoke = true;
}

void Torrent::updateInterest(PeerInfo &p)
{
    if (!p.connection->handshakeDone())
        return;
    p.connection->setInterested(m_picker.isInteresting(p.connection->id()));
}

void Torrent::peerHave(PeerConnection *peer, int piece)
{
    auto it = m_peers.find(peer->id());
    if (it == m_peers.end())
        return;
    m_picker.peerHasPiece(peer->id(), piece);
    if (!peer->amInterested())
        updateInterest(*it);
    if (isComplete() && peer->isSeed())
        peer->close(QStringLiteral("both are seeds"));
}

void Torrent::peerBitfield(PeerConnection *peer)
{
    auto it = m_peers.find(peer->id());
    if (it == m_peers.end())
        return;
    if (peer->isSeed())
        m_picker.peerHasAll(peer->id());
    else if (peer->pieces().none())
        m_picker.peerHasNone(peer->id());
    else
        m_picker.peerHasBitfield(peer->id(), peer->pieces());
    if (isComplete() && peer->isSeed()) {
        peer->close(QStringLiteral("both are seeds"));
        return;
    }
    updateInterest(*it);
}

void Torrent::peerChoked(PeerConnection *peer, bool choked)
{
    auto it = m_peers.find(peer->id());
    if (it == m_peers.end())
        return;
    if (choked) {
        // Without the fast extension a choke drops every request; with it, rejects will come.
        if (!peer->supportsFast()) {
            m_picker.abortAllRequests(peer->id());
            peer->takeOutstanding();
        }
        return;
    }
    fillRequests(*it, Clock::now());
}

void Torrent::peerInterested(PeerConnection *peer, bool interested)
{
    Q_UNUSED(peer)
    Q_UNUSED(interested)
    m_needsRechoke = true; // a slot may open or a candidate appear; the choker decides at its pace
}

void Torrent::peerRequest(PeerConnection *peer, const BlockRequest &block)
{
    auto it = m_peers.find(peer->id());
    if (it == m_peers.end())
        return;
    const bool valid = block.begin >= 0 && block.length > 0
                       && qint64(block.begin) + block.length <= m_info.pieceSize(block.piece);
    if (!valid) {
        peer->close(QStringLiteral("request beyond the end of piece %1").arg(block.piece));
        return;
    }
    if (!m_picker.have().test(block.piece) || (peer->amChoking() && !it->allowedForIt.contains(block.piece))
        || !isActive() || it->uploadQueue.size() >= kMaxQueuedUploads) {
        peer->sendReject(block); // fast extension: say so instead of dropping it silently
        return;
    }
    it->uploadQueue.push_back(block);
    serviceUploads(*it, Clock::now());
}

void Torrent::peerCancel(PeerConnection *peer, const BlockRequest &block)
{
    auto it = m_peers.find(peer->id());
    if (it == m_peers.end())
        return;
    // With the fast extension every request gets exactly one answer (BEP 6): a cancelled one
    // is rejected, now if it was still queued, or when its disk read comes back.
    auto &q = it->uploadQueue;
    const auto queued = std::find(q.begin(), q.end(), block);
    if (queued != q.end()) {
        q.erase(queued);
        peer->sendReject(block);
        return;
    }
    for (auto r = m_reads.begin(); r != m_reads.end(); ++r) {
        if (r->peer == peer->id() && r->block == block && !r->cancelled) {
            r->cancelled = true;
            return;
        }
    }
}

void Torrent::serviceUploads(PeerInfo &p, TimePoint now)
{
    PeerConnection *c = p.connection;
    while (!p.uploadQueue.empty() && p.readsInFlight < kUploadReadsPerPeer && c->canSendMore()) {
        const BlockRequest block = p.uploadQueue.front();
        // Whole blocks only: wait (for the tick) until every limit can pay for one.
        for (TokenBucket *b : {m_services.globalUp, &m_up})
            if (b && !b->unlimited() && b->available(now) < block.length)
                return;
        requestFromAll({m_services.globalUp, &m_up}, block.length, now);
        p.uploadQueue.pop_front();
        const quint64 tag = m_nextReadTag++;
        m_reads.insert(tag, {c->id(), block});
        ++p.readsInFlight;
        m_services.disk->readBlock(m_storageId, block.piece, block.begin, block.length, tag);
    }
}

void Torrent::onBlockRead(quint64 tag, const QByteArray &data, const QString &error)
{
    const PendingRead read = m_reads.take(tag);
    auto it = m_peers.find(read.peer);
    if (it != m_peers.end())
        --it->readsInFlight;
    if (!error.isEmpty()) {
        setState(TorrentState::Error, error);
        return;
    }
    if (it == m_peers.end())
        return; // the peer left
    PeerConnection *c = it->connection;
    if (read.cancelled || (c->amChoking() && !it->allowedForIt.contains(read.block.piece))) {
        c->sendReject(read.block); // it must not wait for a request we will not serve
        serviceUploads(*it, Clock::now());
        return;
    }
    if (data.size() != read.block.length)
        return;
    const TimePoint now = Clock::now();
    c->sendBlock(read.block, data, now);
    m_upRate.add(data.size(), now);
    m_sessionUploaded += data.size();
    m_params.uploaded += data.size();
    serviceUploads(*it, now);
}

void Torrent::peerWritable(PeerConnection *peer)
{
    auto it = m_peers.find(peer->id());
    if (it != m_peers.end())
        serviceUploads(*it, Clock::now());
}

int Torrent::desiredQueue(const PeerInfo &p, TimePoint now) const
{
    const session::SessionSettings &s = *m_services.settings;
    // Enough requests to cover about 3 s of the peer's recent rate, so a fast link stays full.
    const double rate = p.connection->downloadMeter().rate(now, std::chrono::seconds(3));
    const int byRate = int(rate * 3.0 / BlockSize);
    const int theirs = p.extensions ? p.extensions->maxRequests() : 0;
    const int most = theirs > 0 ? std::min(s.maxRequestQueue, theirs) : s.maxRequestQueue;
    return std::clamp(byRate + s.minRequestQueue, std::min(s.minRequestQueue, most), most);
}

void Torrent::fillRequests(PeerInfo &p, TimePoint now)
{
    PeerConnection *c = p.connection;
    if (!isActive() || !c->handshakeDone() || !c->amInterested() || (p.snubbed && !c->outstanding().empty()))
        return;
    const bool choked = c->peerChoking();
    if (choked && p.allowedFast.isEmpty())
        return;
    // Refill in batches: topping up one block at a time would run the picker per block.
    const int desired = desiredQueue(p, now);
    const int outstanding = int(c->outstanding().size());
    if (outstanding > desired - std::max(2, desired / 8))
        return;
    const int want = desired - outstanding;
    Bitfield allowed;
    if (choked) {
        allowed = Bitfield(m_info.pieceCount());
        for (int piece : std::as_const(p.allowedFast))
            allowed.set(piece);
    }
    const QList<BlockRequest> blocks = m_picker.pick(c->id(), want, choked ? &allowed : nullptr);
    for (const BlockRequest &b : blocks)
        c->sendRequest(b, now);
}

void Torrent::peerBlock(PeerConnection *peer, const BlockRequest &block, const QByteArray &data)
{
    auto it = m_peers.find(peer->id());
    if (it == m_peers.end())
        return;
    const TimePoint now = Clock::now();
    m_downRate.add(data.size(), now);
    m_sessionDownloaded += data.size();
    m_params.downloaded += data.size();
    it->snubbed = false;
    const PiecePicker::ReceiveResult r = m_picker.blockReceived(peer->id(), block);
    switch (r.status) {
    case PiecePicker::Receive::Accepted: {
        QByteArray &buffer = m_pieceBuffers[block.piece];
        if (buffer.isEmpty())
            buffer = QByteArray(m_info.pieceSize(block.piece), Qt::Uninitialized);
        std::memcpy(buffer.data() + block.begin, data.constData(), size_t(data.size()));
        m_contributors[block.piece].insert(peer->id());
        for (PeerId other : r.cancelFrom) {
            auto o = m_peers.find(other);
            if (o != m_peers.end())
                o->connection->sendCancel(block);
        }
        if (r.pieceComplete)
            pieceCompleted(block.piece);
        break;
    }
    case PiecePicker::Receive::Duplicate:
    case PiecePicker::Receive::Unwanted:
        m_wastedBytes += data.size();
        break;
    case PiecePicker::Receive::Invalid:
        m_wastedBytes += data.size();
        break;
    }
    fillRequests(*it, now);
}

void Torrent::pieceCompleted(int piece)
{
    QByteArray data = m_pieceBuffers.take(piece);
    m_writing.insert(piece);
    // Hashed first on the disk worker; only a piece that matches is written.
    m_services.disk->writePiece(m_storageId, piece, data);
    if (m_services.diskLoadChanged)
        m_services.diskLoadChanged();
}

void Torrent::onPieceWritten(int piece, bool ok, bool hashMismatch, const QString &error)
{
    m_writing.remove(piece);
    const QSet<PeerId> contributors = m_contributors.take(piece);
    if (ok) {
        m_picker.pieceVerified(piece);
        for (PeerInfo &p : m_peers) {
            if (p.connection->handshakeDone())
                p.connection->sendHave(piece);
            if (p.connection->amInterested())
                updateInterest(p);
        }
        const TimePoint now = Clock::now();
        if (now - m_lastProgressSave > kProgressSaveInterval || isComplete())
            saveProgress();
        if (isComplete() && m_state == TorrentState::Downloading)
            finishDownload();
        return;
    }
    const QList<PeerId> senders = m_picker.pieceFailed(piece);
    if (hashMismatch) {
        // A strike for everyone who sent part of it; the sole sender of a bad piece is banned at once.
        const bool sole = contributors.size() == 1;
        for (PeerId id : contributors) {
            auto it = m_peers.find(id);
            if (it == m_peers.end())
                continue;
            if (sole || ++it->strikes >= m_services.settings->badPiecesBeforeBan) {
                m_candidates.ban(it->endpoint);
                it->connection->close(QStringLiteral("sent data that failed the hash check"));
            }
        }
        Q_UNUSED(senders)
        return;
    }
    if (m_state == TorrentState::StorageUnavailable)
        return; // a write in flight when the volume went: the piece is fetched again later
    setState(TorrentState::Error, error);
}

void Torrent::finishDownload()
{
    createEmptyFiles();
    m_params.completedAt = QDateTime::currentDateTimeUtc();
    setState(TorrentState::Seeding);
    saveProgress();
    m_announcer->completed(Clock::now());
    // Seeds have nothing to give each other.
    const QList<PeerId> ids = m_peers.keys();
    for (PeerId id : ids) {
        PeerInfo &p = m_peers[id];
        p.connection->setInterested(false);
        if (p.connection->isSeed())
            p.connection->close(QStringLiteral("both are seeds"));
    }
    emit completed(infoHash());
}

void Torrent::peerReject(PeerConnection *peer, const BlockRequest &block)
{
    m_picker.abortRequest(peer->id(), block);
}

void Torrent::peerAllowedFast(PeerConnection *peer, int piece)
{
    auto it = m_peers.find(peer->id());
    if (it != m_peers.end() && it->allowedFast.size() < 64)
        it->allowedFast.insert(piece);
}

void Torrent::peerClosed(PeerConnection *peer, const QString &reason)
{
    Q_UNUSED(reason)
    dropPeer(peer->id(), QString());
}

void Torrent::dropPeer(PeerId id, const QString &reason, bool ourChoice)
{
    auto it = m_peers.find(id);
    if (it == m_peers.end())
        return;
    PeerInfo info = *it;
    m_peers.erase(it);
    m_picker.removePeer(id); // its reads in flight find no peer when they come back
    // TimePoint{}: settled long ago, so its back-off is over.
    settleAttempt(m_candidates, *info.connection, info.endpoint, ourChoice ? TimePoint{} : Clock::now());
    info.connection->setHandler(nullptr);
    if (!reason.isEmpty())
        info.connection->close(reason);
    info.connection->deleteLater();
    m_needsRechoke = true;
}

void Torrent::checkTimeouts(PeerInfo &p, TimePoint now)
{
    PeerConnection *c = p.connection;
    const session::SessionSettings &s = *m_services.settings;
    if (!c->outstanding().empty() && now - c->outstanding().front().sentAt > s.requestTimeout) {
        // Give its blocks to others; keep the connection, it may recover.
        for (const peer::OutstandingRequest &r : c->takeOutstanding()) {
            m_picker.abortRequest(c->id(), r.block);
            c->sendCancel(r.block);
        }
    }
    p.snubbed = !c->peerChoking() && c->amInterested() && now - c->lastPieceAt() > s.snubTimeout;
}

void Torrent::rechoke(TimePoint now, bool force)
{
    if (!force && !m_choker.rechokeDue(now) && !m_choker.optimisticDue(now))
        return;
    std::vector<ChokerPeer> peers;
    peers.reserve(size_t(m_peers.size()));
    for (const PeerInfo &p : std::as_const(m_peers)) {
        const PeerConnection *c = p.connection;
        if (!c->handshakeDone())
            continue;
        ChokerPeer cp;
        cp.id = c->id();
        cp.interested = c->peerInterested();
        cp.downloadRate = c->downloadMeter().rate(now);
        cp.uploadRate = c->uploadMeter().rate(now);
        cp.snubbed = p.snubbed;
        cp.connectedAt = c->connectedAt();
        cp.unchoked = !c->amChoking();
        peers.push_back(cp);
    }
    const ChokeDecision d = m_choker.evaluate(now, peers, isComplete());
    for (PeerId id : d.toChoke) {
        auto it = m_peers.find(id);
        if (it == m_peers.end())
            continue;
        it->connection->setChoking(true);
        // Requests for its allowed fast pieces (BEP 6) stay; the rest are rejected, not dropped.
        std::deque<BlockRequest> kept;
        for (const BlockRequest &b : it->uploadQueue) {
            if (it->allowedForIt.contains(b.piece))
                kept.push_back(b);
            else
                it->connection->sendReject(b);
        }
        it->uploadQueue = std::move(kept);
    }
    for (PeerId id : d.toUnchoke) {
        auto it = m_peers.find(id);
        if (it != m_peers.end())
            it->connection->setChoking(false);
    }
}

void Torrent::pumpPeers(TimePoint now, bool diskBackedUp)
{
    const bool limited = downloadLimited();
    // By id: a peer may close, and leave m_peers, while it is pumped.
    const QList<PeerId> ids = m_peers.keys();
    for (PeerId id : ids) {
        auto it = m_peers.find(id);
        if (it == m_peers.end())
            continue;
        PeerInfo &p = *it;
        if (diskBackedUp) {
            p.connection->setReadAllowance(0);
            continue;
        }
        if (limited) {
            // Each peer may read its share of one tick's budget; what it leaves is not carried over.
            std::int64_t rate = std::numeric_limits<std::int64_t>::max();
            for (const TokenBucket *b : {m_services.globalDown, &m_down})
                if (b && !b->unlimited())
                    rate = std::min(rate, b->rate());
            const std::int64_t perTick = rate * m_services.settings->tickIntervalMs / 1000;
            const std::int64_t share = std::max<std::int64_t>(BlockSize, perTick / std::max<qsizetype>(1, ids.size()));
            p.connection->setReadAllowance(requestFromAll({m_services.globalDown, &m_down}, share, now));
        } else {
            p.connection->setReadAllowance(-1);
        }
        p.connection->pump(now);
    }
}

bool Torrent::downloadLimited() const
{
    return !m_down.unlimited() || (m_services.globalDown && !m_services.globalDown->unlimited());
}

void Torrent::tick(TimePoint now)
{
    if (!isActive())
        return;
    m_announcer->tick(now);
    connectMorePeers(now);
    const QList<PeerId> ids = m_peers.keys();
    for (PeerId id : ids) {
        auto it = m_peers.find(id);
        if (it == m_peers.end())
            continue;
        it->connection->tick(now);
        it = m_peers.find(id); // tick() may have closed it
        if (it == m_peers.end() || !it->connection->handshakeDone())
            continue;
        PeerInfo &p = *it;
        checkTimeouts(p, now);
        fillRequests(p, now);
        serviceUploads(p, now);
    }
    // Evaluated on the choker's own schedule, and whenever peers come, go or change interest:
    // between rechokes the choker only fills empty slots.
    rechoke(now, std::exchange(m_needsRechoke, false));
    sendPex(now);
    if (now - m_lastProgressSave > std::chrono::seconds(30))
        saveProgress();
}

qint64 Torrent::wantedBytes() const
{
    qint64 total = 0;
    for (int i = 0; i < m_info.pieceCount(); ++i)
        if (m_picker.priority(i) != PiecePriority::Skip)
            total += m_info.pieceSize(i);
    return total;
}

qint64 Torrent::wantedDoneBytes() const
{
    qint64 done = 0;
    const Bitfield &have = m_picker.have();
    if (have.all())
        return m_info.totalSize;
    for (int i = 0; i < have.size(); ++i)
        if (have.test(i))
            done += m_info.pieceSize(i);
    return done;
}

} // namespace swarmscope::swarm
