// Which torrents stop because the volume holding their save folder went away, and which resume
// when it comes back (only those stopped that way). Fed the torrents from the engine's snapshots
// and the events of a StorageMonitor; acts through a callback (Engine::setStorageAvailable).
#pragma once

#include "metainfo/infohash.h"
#include "state/torrentrecord.h"
#include "storage/storagemonitor.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

namespace swarmscope::session {
struct SessionSnapshot;
}

namespace swarmscope::storage {

struct TorrentStorage {
    metainfo::InfoHash hash;
    QString savePath;
    state::TorrentState state = state::TorrentState::Queued;
};

class StoragePolicy : public QObject {
    Q_OBJECT
public:
    using SetAvailable = std::function<void(const metainfo::InfoHash &, bool available)>;
    StoragePolicy(StorageMonitor *monitor, SetAvailable setAvailable, QObject *parent = nullptr);

    // The torrents as the engine sees them now (each snapshot); those gone are forgotten.
    void update(const QList<TorrentStorage> &torrents);
    void update(const session::SessionSnapshot &snapshot);

    // Before a start or resume: empty when the torrent's volume is there, otherwise a sentence
    // saying which volume is missing (shown instead of starting).
    QString missingStorage(const metainfo::InfoHash &hash) const;
    // Before adding a torrent into `folder`: empty unless the folder lies on a volume that holds
    // other torrents and is not mounted now (the folder would be made on the empty mount point).
    QString missingVolumeFor(const QString &folder) const;
    // The volume a known torrent's save folder is on ("" before it was seen mounted).
    QString mountRootFor(const metainfo::InfoHash &hash) const;

signals:
    // Torrents were stopped (volume gone) or warned (unmount asked for) on this volume.
    void storageStopped(const QString &mountRoot, const QList<swarmscope::metainfo::InfoHash> &hashes);
    void storageResumed(const QString &mountRoot, const QList<swarmscope::metainfo::InfoHash> &hashes);

private:
    struct Entry {
        QString savePath;
        QString mountRoot;  // known once the save folder was seen on a mounted volume
        state::TorrentState state = state::TorrentState::Queued;
        bool stoppedByUs = false; // ours to resume: stopped for its storage, by us or the engine
    };

    void onAvailabilityChanged(const QString &mountRoot, bool available);
    void stopOn(const QString &mountRoot);
    static bool isUnder(const QString &path, const QString &mountRoot);

    StorageMonitor *m_monitor;
    SetAvailable m_setAvailable;
    QHash<metainfo::InfoHash, Entry> m_torrents;
};

} // namespace swarmscope::storage
