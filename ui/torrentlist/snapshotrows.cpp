#include "torrentlist/snapshotrows.h"

#include <QCoreApplication>
#include <QDir>

namespace swarmscope::ui {

namespace {

TorrentState stateOf(const session::TorrentSnapshot &t)
{
    using S = state::TorrentState;
    const bool complete = t.hasMetadata && t.wantedSize > 0 && t.wantedDone >= t.wantedSize;
    switch (t.state) {
    case S::Queued: return TorrentState::Queued;
    case S::Checking: return TorrentState::Checking;
    case S::Downloading: return t.hasMetadata ? TorrentState::Downloading : TorrentState::FetchingMetadata;
    case S::Seeding: return TorrentState::Seeding;
    case S::Paused: return complete ? TorrentState::Completed : TorrentState::Paused;
    case S::Error: return TorrentState::Error;
    case S::StorageUnavailable: return TorrentState::StorageUnavailable;
    }
    return TorrentState::Queued;
}

} // namespace

TorrentRow rowFromSnapshot(const session::TorrentSnapshot &t)
{
    TorrentRow r;
    r.infoHash = t.infoHash;
    r.name = t.name;
    r.size = t.hasMetadata ? t.wantedSize : -1;
    r.progress = t.hasMetadata ? t.progress : 0.0;
    r.state = stateOf(t);
    // The engine gives no error text for a missing volume; the save folder says which one.
    r.errorText = t.state == state::TorrentState::StorageUnavailable && t.error.isEmpty()
                      ? QCoreApplication::translate("TorrentListModel",
                                                    "Waiting for the volume holding %1 to be mounted again.")
                            .arg(QDir::toNativeSeparators(t.savePath))
                      : t.error;
    r.downloadRate = qint64(t.downloadRate);
    r.uploadRate = qint64(t.uploadRate);
    r.seeds = t.seedsConnected;
    r.seedsInSwarm = t.seedsInSwarm;
    r.peers = t.peersConnected;
    r.peersInSwarm = t.peersInSwarm;
    r.etaSeconds = t.etaSeconds;
    r.ratio = t.downloaded > 0 ? t.ratio() : -1.0;
    r.added = t.addedAt;
    r.queuePosition = t.queuePosition;
    return r;
}

QList<TorrentRow> rowsFromSnapshot(const session::SessionSnapshot &snapshot)
{
    QList<TorrentRow> rows;
    rows.reserve(snapshot.torrents.size());
    for (const session::TorrentSnapshot &t : snapshot.torrents)
        rows << rowFromSnapshot(t);
    return rows;
}

} // namespace swarmscope::ui
