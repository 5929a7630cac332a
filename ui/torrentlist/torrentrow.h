// What the torrent list shows about one torrent: a plain value the engine fills in and hands to
// the UI, so the list never reaches into engine objects (or their threads) to paint.
#pragma once

#include "metainfo/infohash.h"

#include <QDateTime>
#include <QString>

namespace swarmscope::ui {

enum class TorrentState {
    FetchingMetadata, // a magnet link still waiting for the info dictionary
    Checking,
    Queued,
    Downloading,
    Seeding,
    Completed, // all data present, not uploading
    Paused,
    Error,
    StorageUnavailable, // stopped because the volume holding its save folder is gone (keep last)
};
inline constexpr int kTorrentStateCount = static_cast<int>(TorrentState::StorageUnavailable) + 1;

// The side filter's categories (storage unavailable counts under Error: it needs the user).
enum class StatusFilter { All, Downloading, Seeding, Completed, Paused, Error };
inline constexpr int kStatusFilterCount = 6;

struct TorrentRow {
    metainfo::InfoHash infoHash; // identity: rows are matched by it when the list is updated
    QString name;
    qint64 size = -1;        // bytes wanted; -1 while a magnet has no metadata
    double progress = 0;     // 0..1
    TorrentState state = TorrentState::Queued;
    QString errorText;       // why, when state is Error or StorageUnavailable
    qint64 downloadRate = 0; // bytes per second
    qint64 uploadRate = 0;
    int seeds = 0;           // connected
    int seedsInSwarm = -1;   // as the tracker reports; -1 unknown
    int peers = 0;
    int peersInSwarm = -1;
    qint64 etaSeconds = -1;  // -1 unknown
    double ratio = 0;        // uploaded / downloaded; negative when nothing was downloaded yet
    QDateTime added;
    int queuePosition = 0;   // 0 is the top of the queue

    friend bool operator==(const TorrentRow &, const TorrentRow &) = default;
};

bool matchesFilter(const TorrentRow &row, StatusFilter filter);

} // namespace swarmscope::ui
