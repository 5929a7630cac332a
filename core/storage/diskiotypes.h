// Value types shared by the disk I/O facade (DiskIo, engine thread) and its workers.
#pragma once

#include "storage/filelayout.h"
#include "util/bitfield.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace swarmscope::storage {

// Chosen by the engine (one per torrent); reusing an id after removeStorage is allowed.
using StorageId = int;

// Everything a worker needs to find a torrent's bytes on disk.
struct StorageSpec {
    QString savePath;           // must already exist: it is never created (unmounted disks)
    FileLayout layout;
    QByteArray pieceHashes;     // 20 bytes per piece, checked before any write and by check()
    QList<quint8> filePriority; // one per file, 0 = skip; missing entries mean "wanted"

    static StorageSpec fromTorrent(const metainfo::TorrentInfo &info, const QString &savePath,
                                   const QList<quint8> &filePriority = {})
    {
        return {savePath, FileLayout(info), info.pieceHashes, filePriority};
    }
};

// Outcome of one file operation. Missing (no file, or a file shorter than the layout says) is
// normal while downloading and during a check; Fault is a real problem with the storage (folder
// gone, permission denied, disk full, read error) that puts it into the error state.
struct IoStatus {
    enum class Kind { Ok, Missing, Invalid, Fault };
    Kind kind = Kind::Ok;
    QString message;

    bool isOk() const { return kind == Kind::Ok; }
    bool isFault() const { return kind == Kind::Fault; }
    static IoStatus ok() { return {}; }
    static IoStatus missing(const QString &m) { return {Kind::Missing, m}; }
    static IoStatus invalid(const QString &m) { return {Kind::Invalid, m}; }
    static IoStatus fault(const QString &m) { return {Kind::Fault, m}; }
};

// Identifies one incarnation of a storage: results of a removed (or removed and re-added)
// storage still in flight are recognised by their generation and dropped.
struct StorageTicket {
    StorageId id = -1;
    quint64 generation = 0;
};

struct WriteResult {
    StorageTicket ticket;
    int piece = -1;
    qint64 bytes = 0; // size of the submitted data (for the pending-bytes account)
    bool hashMismatch = false;
    IoStatus status;
};

struct ReadResult {
    StorageTicket ticket;
    quint64 tag = 0;
    QByteArray data;
    IoStatus status;
};

struct CheckResult {
    StorageTicket ticket;
    Bitfield verified;
    bool cancelled = false;
    IoStatus status; // Fault: the first read error (those pieces count as not verified)
};

} // namespace swarmscope::storage
