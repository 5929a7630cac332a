// The part of disk I/O that runs on a worker thread: hashing, writes, reads for seeding (with a
// small piece cache) and rechecks. DiskIo owns two of these, each in its own thread, and calls
// the public functions through queued invocations; results go back as signals (queued to DiskIo).
#pragma once

#include "storage/diskiotypes.h"
#include "storage/filecache.h"
#include "storage/piececache.h"
#include "storage/storagefiles.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <unordered_map>

namespace swarmscope::storage {

using CancelFlag = std::shared_ptr<std::atomic_bool>;

class StorageWorker : public QObject {
    Q_OBJECT
public:
    StorageWorker(int maxOpenFiles, qint64 readCacheBytes, QObject *parent = nullptr);
    ~StorageWorker() override;

    // Everything below runs on the worker's own thread.
    void addStorage(StorageId id, const StorageSpec &spec);
    void removeStorage(StorageId id);
    void setFilePriorities(StorageId id, const QList<quint8> &priorities);
    // Closes handles and forgets cached pieces, so the next access sees the disk afresh.
    void resetStorage(StorageId id);

    // SHA-1 first; only matching data is written.
    // `hash`: whether the hashing stage already compared the piece with its SHA-1.
    enum class PieceHash { Unchecked, Matched, Mismatched };
    void writePiece(StorageTicket ticket, int piece, const QByteArray &data, PieceHash hash = PieceHash::Unchecked);
    void readBlock(StorageTicket ticket, int piece, qint64 begin, qint64 length, quint64 tag);
    // Hashes every piece set in `toCheck` (all pieces when it is empty), one piece-sized read at a
    // time; stops early when `cancel` becomes true.
    void check(StorageTicket ticket, const Bitfield &toCheck, const CancelFlag &cancel);
    void sync(StorageTicket ticket);

    int openFileCount() const { return m_files.openCount(); }
    static constexpr int ProgressIntervalMs = 200;

signals:
    void pieceWritten(const swarmscope::storage::WriteResult &result);
    void blockRead(const swarmscope::storage::ReadResult &result);
    void checkProgress(const swarmscope::storage::StorageTicket &ticket, int done, int total);
    void checkFinished(const swarmscope::storage::CheckResult &result);
    void synced(const swarmscope::storage::StorageTicket &ticket, const swarmscope::storage::IoStatus &status);

private:
    StorageFiles *find(StorageId id);
    IoStatus explainReadFailure(StorageFiles &s, int piece, const IoStatus &status) const;
    QByteArray readPiece(StorageFiles &s, int piece, IoStatus *status);

    FileCache m_files;
    PieceCache m_cache;
    std::unordered_map<StorageId, std::unique_ptr<StorageFiles>> m_storages;
};

} // namespace swarmscope::storage
