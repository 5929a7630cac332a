// Session: the user's commands that reorder, relocate and reconfigure (the add dialog, the
// queue buttons, the settings dialog), and the listening sockets they may move.
#include "session/session.h"

#include "dht/dhtservice.h"
#include "state/statewriter.h"
#include "tracker/embeddedtracker.h"

#include <QDir>
#include <QFileInfo>

#include <QTcpServer>

namespace swarmscope::session {

using metainfo::InfoHash;

bool Session::listen(QString *error)
{
    auto *listener = new QTcpServer(this);
    if (!listener->listen(m_settings.listenAddress, m_settings.listenPort)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1 port %2: %3")
                         .arg(m_settings.listenAddress.toString())
                         .arg(m_settings.listenPort)
                         .arg(listener->errorString());
        delete listener;
        return false;
    }
    if (m_listener) {
        m_listener->close();
        m_listener->deleteLater();
    }
    m_listener = listener;
    connect(m_listener, &QTcpServer::newConnection, this, &Session::onNewConnection);
    return true;
}

void Session::startEmbeddedTracker()
{
    if (m_embeddedTracker) {
        m_embeddedTracker->close();
        m_embeddedTracker->deleteLater();
        m_embeddedTracker = nullptr;
    }
    if (!m_settings.embeddedTracker)
        return;
    m_embeddedTracker = new tracker::EmbeddedTracker({}, this);
    if (!m_embeddedTracker->listen(m_settings.listenAddress, m_settings.embeddedTrackerPort)) {
        emit stateError(QStringLiteral("the embedded tracker is off: %1").arg(m_embeddedTracker->errorString()));
        delete m_embeddedTracker;
        m_embeddedTracker = nullptr;
    }
}

void Session::stopDht()
{
    if (!m_dht)
        return;
    saveDhtState(true);
    m_dht->stop();
    m_dht->deleteLater();
    m_dht = nullptr;
    m_services.peerOptions.ourReserved.setDht(false);
}

void Session::setSequential(const InfoHash &hash, bool sequential)
{
    if (swarm::Torrent *t = m_torrents.value(hash)) {
        t->setSequential(sequential);
    } else if (swarm::MetadataFetch *f = m_fetches.value(hash)) {
        // Chosen before the metadata arrived: its torrent is made with it, now or after a restart.
        f->setSequential(sequential);
        saveFetchOptions(*f);
    }
}

void Session::addTracker(const InfoHash &hash, const QString &url)
{
    swarm::Torrent *t = m_torrents.value(hash);
    if (!t)
        return;
    QList<QStringList> tiers = t->info().trackerTiers;
    for (const QStringList &tier : std::as_const(tiers))
        if (tier.contains(url))
            return;
    tiers << QStringList{url};
    t->setTrackers(tiers);
}

void Session::removeTracker(const InfoHash &hash, const QString &url)
{
    swarm::Torrent *t = m_torrents.value(hash);
    if (!t)
        return;
    QList<QStringList> tiers;
    for (QStringList tier : t->info().trackerTiers) {
        tier.removeAll(url);
        if (!tier.isEmpty())
            tiers << tier;
    }
    t->setTrackers(tiers);
}

void Session::saveFetchOptions(const swarm::MetadataFetch &f)
{
    if (m_state)
        m_state->saveOptions(f.infoHash(), f.params().savePath, f.params().queuePosition, f.params().sequential);
}

void Session::setSavePath(const InfoHash &hash, const QString &path)
{
    if (swarm::MetadataFetch *f = m_fetches.value(hash)) {
        // Made now, as addMagnet does: a restored magnet whose folder is missing waits paused.
        if (!QDir().mkpath(path)) {
            emit torrentError(hash, QStringLiteral("cannot create the save folder %1").arg(path));
            return;
        }
        f->setSavePath(QFileInfo(path).absoluteFilePath());
        saveFetchOptions(*f); // a restart before the metadata arrives keeps the chosen folder
        return;
    }
    swarm::Torrent *t = m_torrents.value(hash);
    QString error;
    if (t && !t->setSavePath(path, &error))
        emit torrentError(hash, error);
}

void Session::setPauseAfterMetadata(const InfoHash &hash, bool pause)
{
    if (swarm::MetadataFetch *f = m_fetches.value(hash)) {
        f->setPauseAfterMetadata(pause);
        if (m_state)
            m_state->savePauseAfterMetadata(hash, pause);
    }
}

void Session::moveInQueue(const InfoHash &hash, int delta)
{
    const qsizetype from = m_order.indexOf(hash);
    if (from < 0 || delta == 0)
        return;
    const qsizetype to = std::clamp<qsizetype>(from + delta, 0, m_order.size() - 1);
    m_order.move(from, to);
    for (qsizetype i = std::min(from, to); i <= std::max(from, to); ++i) {
        if (swarm::Torrent *t = m_torrents.value(m_order[i]))
            t->setQueuePosition(int(i));
        else if (swarm::MetadataFetch *f = m_fetches.value(m_order[i])) {
            f->setQueuePosition(int(i));
            saveFetchOptions(*f);
        }
    }
    applyQueue(); // a torrent moved above a running one takes its slot
}

void Session::prepareWaitingStart(swarm::Torrent *t)
{
    const auto it = m_waitingStamps.constFind(t->infoHash());
    if (it == m_waitingStamps.constEnd() || !QFileInfo(t->savePath()).isDir())
        return;
    const state::TorrentRecord r = t->record();
    const int pieces = t->info().pieceCount();
    const Bitfield claimed = Bitfield::fromWire(r.havePieces, pieces).value_or(Bitfield(pieces));
    t->setPiecesToCheck(piecesToVerify(t->info(), t->savePath(), *it, claimed));
    m_waitingStamps.erase(it);
}

void Session::setStorageAvailable(const InfoHash &hash, bool available)
{
    swarm::Torrent *t = m_torrents.value(hash);
    if (!t)
        return; // a magnet still fetching has no files yet: nothing to protect
    const TimePoint now = Clock::now();
    if (!available) {
        t->storageLost(now);
        if (m_dht && t->state() == state::TorrentState::StorageUnavailable)
            m_dht->untrack(hash); // it wants no peers until the volume is back
        return;
    }
    // Whatever a monitor says, a missing save folder means the volume is not really back (an
    // empty mount point): keep waiting rather than create the folder on the wrong disk.
    if (!QFileInfo(t->savePath()).isDir())
        return;
    prepareWaitingStart(t);
    if (t->storageRestored(now) && !t->isQueued())
        trackInDht(hash, t->info().isPrivate);
    applyQueue();
}

void Session::applySettings(const SessionSettings &wanted)
{
    const SessionSettings old = m_settings;
    SessionSettings next = wanted;
    // The state folder is the session's identity: only a restart changes it.
    next.stateDir = old.stateDir;
    next.persistState = old.persistState;
    m_settings = next; // torrents read connection limits, timeouts and the queue sizes from here
    setRateLimits(next.maxDownloadRate, next.maxUploadRate);
    setChokerSettings(next.choker);

    const bool listenMoved = next.listenAddress != old.listenAddress || next.listenPort != old.listenPort;
    if (listenMoved) {
        QString error;
        if (!listen(&error)) {
            m_settings.listenAddress = old.listenAddress;
            m_settings.listenPort = old.listenPort;
            emit stateError(error);
        }
    }
    const bool dhtChanged = next.dhtEnabled != old.dhtEnabled || next.dhtPort != old.dhtPort
                            || next.dhtBootstrap != old.dhtBootstrap || (listenMoved && next.dhtPort == 0);
    if (dhtChanged) {
        QByteArray saved = m_dht ? m_dht->exportState() : QByteArray();
        stopDht();
        startDht(saved);
        untrackQueued();
    }
    if (next.embeddedTracker != old.embeddedTracker || next.embeddedTrackerPort != old.embeddedTrackerPort
        || (listenMoved && next.embeddedTracker))
        startEmbeddedTracker();
    applyQueue(); // the queue's limits, or queueing itself, may have changed
}

} // namespace swarmscope::session
