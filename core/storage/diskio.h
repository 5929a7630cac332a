// Disk I/O for the engine thread, which must never wait on a disk or a hash. DiskIo lives in the
// engine thread; every command returns at once and its result comes back later as a signal,
// emitted in the engine thread. Work runs on two threads of its own: one for writes and seeding
// reads, one for rechecks, so a long recheck never holds up a peer waiting for a block.
//
// Storages are named by an id the engine picks. Results of a storage removed in the meantime
// are dropped. An I/O fault (save folder missing, permission denied, disk full, read error)
// puts the storage into an error state that the engine can read and clear once the user has
// fixed the cause; commands keep being accepted, so a retry is simply the next command.
#pragma once

#include "storage/diskiotypes.h"
#include "storage/storageworker.h"

#include <QHash>
#include <QObject>
#include <QThread>

#include <memory>

namespace swarmscope::storage {

class DiskIo : public QObject {
    Q_OBJECT
public:
    struct Options {
        int maxOpenFiles = 64;                 // per worker thread
        qint64 readCacheBytes = 8 * 1024 * 1024; // whole pieces kept for seeding
    };

    explicit DiskIo(QObject *parent = nullptr);
    explicit DiskIo(const Options &options, QObject *parent = nullptr);
    // Finishes the writes already queued (no downloaded data is lost), cancels checks, then
    // stops the threads.
    ~DiskIo() override;

    // False when the id is taken or the spec does not hold together (hash count, priorities).
    bool addStorage(StorageId id, const StorageSpec &spec);
    // Cancels its checks; results still in flight are dropped. Files stay on disk.
    void removeStorage(StorageId id);
    // 0 = skip: a skipped file is never created; slices of a shared piece that fall in it are
    // not written, so such a piece cannot be verified from disk later.
    void setFilePriorities(StorageId id, const QList<quint8> &priorities);
    bool hasStorage(StorageId id) const { return m_storages.contains(id); }

    // Hashes `data` against the piece's SHA-1 on the worker and writes it only when it matches.
    // Replies pieceWritten once the data has been handed to the OS.
    void writePiece(StorageId id, int piece, const QByteArray &data);
    // Replies blockRead with the same tag.
    void readBlock(StorageId id, int piece, qint64 begin, qint64 length, quint64 tag);
    // Rehashes the pieces in `toCheck` (every piece when empty). Missing or short files simply
    // leave their pieces unverified. Replies checkProgress now and then, then checkFinished.
    void check(StorageId id, const Bitfield &toCheck = {});
    // Stops the running and queued checks of this storage; they finish with "Check cancelled".
    void cancelCheck(StorageId id);
    // fsync of everything written so far (before saving state on shutdown). Replies synced.
    void sync(StorageId id);

    QString storageError(StorageId id) const;
    void clearStorageError(StorageId id);
    // Closes the storage's open files (after the writes queued before) and drops its read cache:
    // a paused torrent, or one whose volume is going, must not keep the volume busy. The next
    // write or read opens them again.
    void releaseFiles(StorageId id);
    bool isChecking(StorageId id) const;
    // Bytes handed to writePiece and not answered yet: the engine stops reading from peers when
    // this grows too large, so TCP slows them down instead of memory filling up.
    qint64 pendingWriteBytes() const { return m_pendingWriteBytes; }
    qint64 pendingWriteBytes(StorageId id) const;

signals:
    // ok: the hash matched and the data was written. On a hash mismatch nothing was written.
    void pieceWritten(swarmscope::storage::StorageId id, int piece, bool ok, bool hashMismatch, const QString &error);
    // data is empty when error is set.
    void blockRead(swarmscope::storage::StorageId id, quint64 tag, const QByteArray &data, const QString &error);
    void checkProgress(swarmscope::storage::StorageId id, int done, int total);
    // verified: pieces whose data on disk matched their hash. When error is set (save folder
    // missing, read errors, cancelled) the unverified pieces may still be fine: an engine should
    // not drop progress it had, only add what was verified.
    void checkFinished(swarmscope::storage::StorageId id, const swarmscope::Bitfield &verified, const QString &error);
    void synced(swarmscope::storage::StorageId id, const QString &error);
    // The storage entered the error state (error set) or left it (error empty).
    void storageErrorChanged(swarmscope::storage::StorageId id, const QString &error);

private:
    struct Entry {
        quint64 generation = 0;
        int pieceCount = 0;
        QString error;
        qint64 pendingWriteBytes = 0;
        QList<CancelFlag> checks; // one per check not finished yet, oldest first
        QByteArray pieceHashes;   // for the hashing stage
    };

    void startWorkers(const Options &options);
    Entry *entryFor(const StorageTicket &ticket);
    StorageTicket ticketFor(StorageId id) const;
    void setError(StorageId id, Entry &entry, const QString &error);
    template <typename F> void replyLater(F &&emitter);
    template <typename F> void toWriter(F &&job);

    void onPieceWritten(const WriteResult &r);
    void onBlockRead(const ReadResult &r);
    void onCheckProgress(const StorageTicket &ticket, int done, int total);
    void onCheckFinished(const CheckResult &r);
    void onSynced(const StorageTicket &ticket, const IoStatus &status);

    QThread m_hashThread; // SHA-1 of complete pieces, ahead of the writer: the two overlap
    QObject *m_hasher = nullptr;
    QThread m_ioThread;
    QThread m_checkThread;
    StorageWorker *m_io = nullptr;    // lives in m_ioThread
    StorageWorker *m_check = nullptr; // lives in m_checkThread
    QHash<StorageId, Entry> m_storages;
    quint64 m_nextGeneration = 0;
    qint64 m_pendingWriteBytes = 0;
};

} // namespace swarmscope::storage
