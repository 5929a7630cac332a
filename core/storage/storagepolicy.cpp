#include "storage/storagepolicy.h"

#include "session/snapshot.h"

#include <QDir>

namespace swarmscope::storage {

using state::TorrentState;

StoragePolicy::StoragePolicy(StorageMonitor *monitor, SetAvailable setAvailable, QObject *parent)
    : QObject(parent), m_monitor(monitor), m_setAvailable(std::move(setAvailable))
{
    connect(m_monitor, &StorageMonitor::availabilityChanged, this, &StoragePolicy::onAvailabilityChanged);
    // Stopping at the warning closes the torrent's files before the unmount, which then succeeds.
    connect(m_monitor, &StorageMonitor::teardownRequested, this, &StoragePolicy::stopOn);
}

bool StoragePolicy::isUnder(const QString &path, const QString &mountRoot)
{
    if (mountRoot == QLatin1String("/"))
        return path.startsWith(QLatin1Char('/'));
    return path == mountRoot || (path.startsWith(mountRoot) && path.at(mountRoot.size()) == QLatin1Char('/'));
}

void StoragePolicy::update(const session::SessionSnapshot &snapshot)
{
    QList<TorrentStorage> torrents;
    torrents.reserve(snapshot.torrents.size());
    for (const session::TorrentSnapshot &t : snapshot.torrents)
        if (t.hasMetadata) // a magnet still fetching has no files to protect
            torrents << TorrentStorage{t.infoHash, t.savePath, t.state};
    update(torrents);
}

void StoragePolicy::update(const QList<TorrentStorage> &torrents)
{
    QHash<metainfo::InfoHash, Entry> next;
    for (const TorrentStorage &t : torrents) {
        Entry e = m_torrents.value(t.hash);
        const bool isNew = !m_torrents.contains(t.hash);
        if (isNew || e.savePath != t.savePath) {
            e.savePath = QDir::cleanPath(t.savePath);
            e.mountRoot.clear();
        }
        e.state = t.state;
        // Stopped for its storage (by us, or by the engine at startup): ours to resume. Any other
        // state (running again, or the user's pause, which wins) ends that.
        e.stoppedByUs = t.state == TorrentState::StorageUnavailable;
        if (e.mountRoot.isEmpty() && t.state != TorrentState::StorageUnavailable) {
            // Seen running or paused with its folder usable: its volume is the one holding it now.
            e.mountRoot = m_monitor->mountRootOf(e.savePath);
        }
        const bool volumeThere = e.mountRoot.isEmpty() || m_monitor->isAvailable(e.mountRoot);
        if (!volumeThere && t.state != TorrentState::StorageUnavailable && t.state != TorrentState::Paused) {
            // Its volume went while we were not told (added then, or an event missed).
            e.stoppedByUs = true;
            m_setAvailable(t.hash, false);
        } else if (isNew && volumeThere && t.state == TorrentState::StorageUnavailable) {
            // Restored as waiting, yet a volume holds the path now: let the engine try (it keeps
            // waiting while the save folder is missing, and never creates it).
            const QString root = m_monitor->mountRootOf(e.savePath);
            if (m_monitor->isAvailable(root))
                m_setAvailable(t.hash, true);
        }
        next.insert(t.hash, e);
    }
    m_torrents = std::move(next);
}

void StoragePolicy::stopOn(const QString &mountRoot)
{
    QList<metainfo::InfoHash> stopped;
    for (auto it = m_torrents.begin(); it != m_torrents.end(); ++it) {
        Entry &e = *it;
        if (e.mountRoot != mountRoot || e.state == TorrentState::Paused || e.stoppedByUs)
            continue;
        e.stoppedByUs = true;
        stopped << it.key();
        m_setAvailable(it.key(), false);
    }
    if (!stopped.isEmpty())
        emit storageStopped(mountRoot, stopped);
}

void StoragePolicy::onAvailabilityChanged(const QString &mountRoot, bool available)
{
    if (!available) {
        stopOn(mountRoot);
        return;
    }
    QList<metainfo::InfoHash> resumed;
    for (auto it = m_torrents.begin(); it != m_torrents.end(); ++it) {
        Entry &e = *it;
        if (!e.stoppedByUs || e.state == TorrentState::Paused)
            continue;
        // Its own volume is back; or, never seen mounted, a volume now holds its path.
        const bool ours = e.mountRoot.isEmpty() ? isUnder(e.savePath, mountRoot) : e.mountRoot == mountRoot;
        if (!ours)
            continue;
        if (e.mountRoot.isEmpty() && m_monitor->mountRootOf(e.savePath) != mountRoot)
            continue; // a deeper volume holds it, and that one is not back
        e.stoppedByUs = false;
        e.mountRoot = mountRoot;
        resumed << it.key();
        m_setAvailable(it.key(), true);
    }
    if (!resumed.isEmpty())
        emit storageResumed(mountRoot, resumed);
}

QString StoragePolicy::mountRootFor(const metainfo::InfoHash &hash) const
{
    return m_torrents.value(hash).mountRoot;
}

QString StoragePolicy::missingVolumeFor(const QString &folder) const
{
    const QString path = QDir::cleanPath(folder);
    QString deepest; // the innermost missing volume holding the folder
    for (const Entry &e : m_torrents) {
        if (e.mountRoot.isEmpty() || e.mountRoot == QLatin1String("/") || e.mountRoot.size() <= deepest.size()
            || !isUnder(path, e.mountRoot) || m_monitor->isAvailable(e.mountRoot))
            continue;
        deepest = e.mountRoot;
    }
    if (deepest.isEmpty())
        return {};
    return tr("The volume %1, where this folder is, is not mounted.").arg(deepest);
}

QString StoragePolicy::missingStorage(const metainfo::InfoHash &hash) const
{
    const auto it = m_torrents.constFind(hash);
    if (it == m_torrents.constEnd())
        return {};
    if (!it->mountRoot.isEmpty() && !m_monitor->isAvailable(it->mountRoot))
        return tr("The volume %1 holding %2 is not mounted.").arg(it->mountRoot, it->savePath);
    if (it->mountRoot.isEmpty() && it->state == TorrentState::StorageUnavailable)
        return tr("The volume holding %1 is not mounted.").arg(it->savePath);
    return {};
}

} // namespace swarmscope::storage
