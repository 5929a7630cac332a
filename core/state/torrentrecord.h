// What is saved of a torrent so that nothing is lost across restarts and crashes.
#pragma once

#include "metainfo/infohash.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace swarmscope::state {

enum class TorrentState { Queued, Checking, Downloading, Seeding, Paused, Error, StorageUnavailable };

QString toString(TorrentState s);
TorrentState torrentStateFromString(const QString &s);

struct FileStamp {
    qint64 size = -1;    // -1: the file did not exist
    qint64 mtimeMs = -1; // modification time in ms since the epoch
    friend bool operator==(const FileStamp &, const FileStamp &) = default;
};

struct TorrentRecord {
    metainfo::InfoHash infoHash;
    QString name;
    QByteArray torrentFile; // the whole .torrent (empty while a magnet waits for metadata)
    QString magnet;         // the magnet link it came from, if any
    QString savePath;
    TorrentState state = TorrentState::Queued;
    QString error;
    QByteArray filePriorities; // one byte per file: 0 skip, 1 normal, 2 high
    QByteArray havePieces;     // verified pieces, wire-order bitfield
    int pieceCount = 0;
    QList<FileStamp> fileStamps; // size and mtime of each file when havePieces was saved
    qint64 uploaded = 0;
    qint64 downloaded = 0;
    QDateTime addedAt;
    QDateTime completedAt;
    int queuePosition = 0;
    bool sequential = false;
    // A magnet whose torrent is to wait, paused, once its metadata is in (the add dialog was
    // still open, or confirmed with "start paused"): kept so a restart does not start it.
    bool pauseAfterMetadata = false;
};

} // namespace swarmscope::state
