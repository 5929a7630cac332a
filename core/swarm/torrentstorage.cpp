// Torrent: its data on disk: checking what is there, the save folder, the volume holding it
// going away and coming back, and what is saved of it in the state database.
#include "swarm/torrent.h"

#include "metainfo/pathsanitizer.h"
#include "state/statewriter.h"
#include "storage/diskio.h"

#include <QDir>
#include <QFileInfo>

namespace swarmscope::swarm {

using peer::PeerConnection;
using session::PeerSource;
using state::TorrentState;

void Torrent::storageLost(TimePoint now)
{
    if (m_state == TorrentState::StorageUnavailable || m_state == TorrentState::Paused)
        return;
    if (!m_started) {
        // Restored while the volume was away: show the progress it had, verify it once it is back.
        m_picker.setHave(m_params.trustedHave.size() == m_info.pieceCount() ? m_params.trustedHave
                                                                             : Bitfield(m_info.pieceCount()));
        setState(TorrentState::StorageUnavailable);
        return;
    }
    if (m_checking) {
        m_services.disk->cancelCheck(m_storageId);
        m_checking = false;
        m_checkInterrupted = true;
    }
    const QList<PeerId> ids = m_peers.keys();
    for (PeerId id : ids)
        dropPeer(id, QStringLiteral("storage unavailable"));
    m_announcer->stop(now);
    // Handles held on the volume would keep it busy (after a teardown warning) or point at a
    // mount that is gone: closed now, reopened when the storage is back.
    m_services.disk->releaseFiles(m_storageId);
    // No saveProgress(): it would stamp the files as missing, and the next start would recheck them.
    setState(TorrentState::StorageUnavailable);
}

bool Torrent::storageRestored(TimePoint now)
{
    if (m_state != TorrentState::StorageUnavailable)
        return false;
    m_services.disk->clearStorageError(m_storageId);
    if (!m_started) {
        setState(TorrentState::Queued); // start() decides: checking, paused or running
        start(now);
        return true;
    }
    if (m_checkInterrupted) {
        m_checkInterrupted = false;
        Bitfield rest = m_checkPieces;
        const Bitfield &have = m_picker.have();
        for (int i = 0; i < rest.size() && i < have.size(); ++i)
            if (have.test(i))
                rest.reset(i);
        if (!rest.none()) {
            m_checking = true;
            m_checkDone = 0;
            m_checkTotal = rest.count();
            m_checkPieces = rest;
            setState(TorrentState::Checking);
            m_services.disk->check(m_storageId, rest);
            return true;
        }
    }
    if (m_params.paused) {
        setState(TorrentState::Paused);
        return true;
    }
    startDownloading(now);
    return true;
}

void Torrent::setPiecesToCheck(const Bitfield &pieces)
{
    if (!m_started)
        m_params.piecesToCheck = pieces;
}

void Torrent::recheck(TimePoint now)
{
    Q_UNUSED(now)
    const QList<PeerId> ids = m_peers.keys();
    for (PeerId id : ids)
        dropPeer(id, QStringLiteral("rechecking"));
    m_pieceBuffers.clear();
    m_contributors.clear();
    m_picker.setHave(Bitfield(m_info.pieceCount()));
    m_checking = true;
    m_checkDone = 0;
    m_checkTotal = m_info.pieceCount();
    m_checkPieces = Bitfield(m_info.pieceCount(), true);
    setState(TorrentState::Checking);
    m_services.disk->check(m_storageId, Bitfield(m_info.pieceCount(), true));
}

void Torrent::onCheckProgress(int done, int total)
{
    m_checkDone = done;
    m_checkTotal = total;
}

void Torrent::onCheckFinished(const Bitfield &verified, const QString &error)
{
    if (!m_checking)
        return;
    m_checking = false;
    Bitfield have = m_picker.have();
    QList<int> found;
    for (int i = 0; i < verified.size() && i < have.size(); ++i)
        if (verified.test(i) && !have.test(i)) {
            have.set(i);
            found << i;
        }
    m_picker.setHave(have);
    // Peers handed over by a magnet's fetch were connected while we checked: tell them.
    for (PeerInfo &p : m_peers) {
        if (!p.connection->handshakeDone())
            continue;
        for (int piece : std::as_const(found))
            p.connection->sendHave(piece);
        updateInterest(p);
    }
    if (!error.isEmpty()) {
        setState(TorrentState::Error, error);
        saveProgress();
        return;
    }
    if (m_params.paused) {
        setState(TorrentState::Paused);
        saveProgress();
        return;
    }
    if (isComplete() && !m_params.completedAt.isValid())
        m_params.completedAt = QDateTime::currentDateTimeUtc();
    startDownloading(Clock::now());
}

bool Torrent::setSavePath(const QString &path, QString *error)
{
    if (path == m_params.savePath)
        return true;
    if (!m_picker.have().none() || !m_writing.isEmpty() || !m_pieceBuffers.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1 already has data in %2; moving it is not supported").arg(m_info.name, m_params.savePath);
        return false;
    }
    if (!QDir().mkpath(path)) {
        if (error)
            *error = QStringLiteral("cannot create the save folder %1").arg(path);
        return false;
    }
    if (m_checking)
        m_services.disk->cancelCheck(m_storageId);
    m_services.disk->removeStorage(m_storageId);
    m_services.disk->addStorage(m_storageId, storage::StorageSpec::fromTorrent(m_info, path, filePriorityList()));
    m_params.savePath = QFileInfo(path).absoluteFilePath();
    if (m_services.state)
        m_services.state->saveOptions(infoHash(), m_params.savePath, m_params.queuePosition, isSequential());
    // What the new folder already holds counts, as when a torrent is added.
    m_checking = true;
    m_checkDone = 0;
    m_checkTotal = m_info.pieceCount();
    m_checkPieces = Bitfield(m_info.pieceCount(), true);
    setState(TorrentState::Checking);
    m_services.disk->check(m_storageId, Bitfield(m_info.pieceCount(), true));
    return true;
}

void Torrent::createEmptyFiles()
{
    // Zero-length files hold no piece, so the disk worker never creates them. A handful of
    // tiny operations once per download: done here rather than queued behind the writes.
    const QDir root(m_params.savePath);
    if (!root.exists())
        return;
    for (int i = 0; i < m_info.files.size(); ++i) {
        const metainfo::FileEntry &f = m_info.files[i];
        if (f.size != 0 || f.padFile || m_filePriorities.at(i) == 0 || !metainfo::isInsideFolder(root.path(), f.path))
            continue;
        const QString path = root.filePath(f.path);
        if (QFileInfo::exists(path))
            continue;
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.close();
    }
}

void Torrent::saveProgress()
{
    m_lastProgressSave = Clock::now();
    if (!m_services.state)
        return;
    QStringList paths;
    for (const metainfo::FileEntry &f : m_info.files)
        paths << QDir(m_params.savePath).filePath(f.path);
    m_services.state->saveProgress(infoHash(), m_picker.have().toWire(), paths, m_params.uploaded,
                                   m_params.downloaded);
}

state::TorrentRecord Torrent::record() const
{
    state::TorrentRecord r;
    r.infoHash = infoHash();
    r.name = m_info.name;
    r.torrentFile = metainfo::encodeTorrentFile(m_info);
    r.savePath = m_params.savePath;
    r.state = m_state;
    r.error = m_error;
    r.filePriorities = m_filePriorities;
    r.havePieces = m_picker.have().toWire();
    r.pieceCount = m_info.pieceCount();
    r.uploaded = m_params.uploaded;
    r.downloaded = m_params.downloaded;
    r.addedAt = m_params.addedAt;
    r.completedAt = m_params.completedAt;
    r.queuePosition = m_params.queuePosition;
    r.sequential = m_picker.settings().sequential;
    return r;
}

} // namespace swarmscope::swarm
