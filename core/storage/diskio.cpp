#include "storage/diskio.h"

#include "crypto/sha1.h"

#include <QMetaObject>

namespace swarmscope::storage {

DiskIo::DiskIo(QObject *parent) : DiskIo(Options{}, parent) {}

DiskIo::DiskIo(const Options &options, QObject *parent) : QObject(parent)
{
    startWorkers(options);
}

void DiskIo::startWorkers(const Options &options)
{
    m_ioThread.setObjectName(QStringLiteral("swarmscope-disk-io"));
    m_checkThread.setObjectName(QStringLiteral("swarmscope-disk-check"));
    m_io = new StorageWorker(options.maxOpenFiles, options.readCacheBytes);
    // The check worker reads each piece once: a read cache would only churn.
    m_check = new StorageWorker(options.maxOpenFiles, 0);
    m_io->moveToThread(&m_ioThread);
    m_check->moveToThread(&m_checkThread);

    // Worker and DiskIo live in different threads: these connections are queued.
    connect(m_io, &StorageWorker::pieceWritten, this, &DiskIo::onPieceWritten);
    connect(m_io, &StorageWorker::blockRead, this, &DiskIo::onBlockRead);
    connect(m_io, &StorageWorker::synced, this, &DiskIo::onSynced);
    connect(m_check, &StorageWorker::checkProgress, this, &DiskIo::onCheckProgress);
    connect(m_check, &StorageWorker::checkFinished, this, &DiskIo::onCheckFinished);

    m_hashThread.setObjectName(QStringLiteral("swarmscope-hash"));
    m_hasher = new QObject;
    m_hasher->moveToThread(&m_hashThread);

    m_hashThread.start();
    m_ioThread.start();
    m_checkThread.start();
}

DiskIo::~DiskIo()
{
    for (Entry &e : m_storages)
        for (const CancelFlag &flag : e.checks)
            flag->store(true);
    // Quitting from a job queued behind the pending ones lets every queued write finish first:
    // the hasher first, since it feeds the writer.
    QMetaObject::invokeMethod(m_hasher, [t = &m_hashThread] { t->quit(); }, Qt::QueuedConnection);
    m_hashThread.wait();
    delete m_hasher;
    for (auto [worker, thread] : {std::pair{m_io, &m_ioThread}, std::pair{m_check, &m_checkThread}}) {
        QThread *t = thread; // clang 14 cannot capture a structured binding
        QMetaObject::invokeMethod(worker, [t] { t->quit(); }, Qt::QueuedConnection);
        thread->wait();
        delete worker; // its thread has ended: nothing else can touch it
    }
}

// Every command for the writer passes through the hashing thread's queue, so the writer sees
// them in the order they were given, writes included.
template <typename F> void DiskIo::toWriter(F &&job)
{
    QMetaObject::invokeMethod(
        m_hasher,
        [w = m_io, job = std::forward<F>(job)]() mutable {
            QMetaObject::invokeMethod(w, std::move(job), Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

template <typename F> void DiskIo::replyLater(F &&emitter)
{
    // Replies are never emitted from inside the call that asked: callers need not be reentrant.
    QMetaObject::invokeMethod(this, std::forward<F>(emitter), Qt::QueuedConnection);
}

bool DiskIo::addStorage(StorageId id, const StorageSpec &spec)
{
    const FileLayout &layout = spec.layout;
    if (m_storages.contains(id) || layout.pieceLength() <= 0
        || spec.pieceHashes.size() != qsizetype(layout.pieceCount()) * 20
        || spec.filePriority.size() > layout.fileCount())
        return false;
    Entry e;
    e.generation = ++m_nextGeneration;
    e.pieceCount = layout.pieceCount();
    e.pieceHashes = spec.pieceHashes;
    m_storages.insert(id, e);
    toWriter([w = m_io, id, spec] { w->addStorage(id, spec); });
    QMetaObject::invokeMethod(m_check, [w = m_check, id, spec] { w->addStorage(id, spec); }, Qt::QueuedConnection);
    return true;
}

void DiskIo::removeStorage(StorageId id)
{
    const auto it = m_storages.find(id);
    if (it == m_storages.end())
        return;
    m_pendingWriteBytes -= it->pendingWriteBytes; // their replies will be dropped
    for (const CancelFlag &flag : it->checks)
        flag->store(true);
    m_storages.erase(it);
    // The writer hears of it behind the writes still being hashed, which then complete.
    toWriter([w = m_io, id] { w->removeStorage(id); });
    QMetaObject::invokeMethod(m_check, [w = m_check, id] { w->removeStorage(id); }, Qt::QueuedConnection);
}

void DiskIo::setFilePriorities(StorageId id, const QList<quint8> &priorities)
{
    if (!m_storages.contains(id))
        return;
    toWriter([w = m_io, id, priorities] { w->setFilePriorities(id, priorities); });
    QMetaObject::invokeMethod(m_check, [w = m_check, id, priorities] { w->setFilePriorities(id, priorities); },
                              Qt::QueuedConnection);
}

StorageTicket DiskIo::ticketFor(StorageId id) const
{
    const auto it = m_storages.constFind(id);
    return {id, it == m_storages.constEnd() ? 0 : it->generation};
}

DiskIo::Entry *DiskIo::entryFor(const StorageTicket &ticket)
{
    const auto it = m_storages.find(ticket.id);
    return it != m_storages.end() && it->generation == ticket.generation ? &*it : nullptr;
}

void DiskIo::writePiece(StorageId id, int piece, const QByteArray &data)
{
    const auto it = m_storages.find(id);
    if (it == m_storages.end()) {
        replyLater([this, id, piece] { emit pieceWritten(id, piece, false, false, QStringLiteral("Unknown storage %1").arg(id)); });
        return;
    }
    it->pendingWriteBytes += data.size();
    m_pendingWriteBytes += data.size();
    const StorageTicket t{id, it->generation};
    if (piece < 0 || piece >= it->pieceCount) {
        toWriter([w = m_io, t, piece, data] { w->writePiece(t, piece, data); });
        return;
    }
    // Hash on the hashing thread, then hand the verdict and the data to the writer, in order.
    const QByteArray expected = it->pieceHashes.mid(qsizetype(piece) * 20, 20);
    QMetaObject::invokeMethod(
        m_hasher,
        [w = m_io, t, piece, data, expected] {
            const auto verdict = crypto::Sha1::hash(data) == expected ? StorageWorker::PieceHash::Matched
                                                                      : StorageWorker::PieceHash::Mismatched;
            QMetaObject::invokeMethod(w, [w, t, piece, data, verdict] { w->writePiece(t, piece, data, verdict); },
                                      Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void DiskIo::readBlock(StorageId id, int piece, qint64 begin, qint64 length, quint64 tag)
{
    if (!m_storages.contains(id)) {
        replyLater([this, id, tag] { emit blockRead(id, tag, {}, QStringLiteral("Unknown storage %1").arg(id)); });
        return;
    }
    const StorageTicket t = ticketFor(id);
    QMetaObject::invokeMethod(m_io, [w = m_io, t, piece, begin, length, tag] { w->readBlock(t, piece, begin, length, tag); },
                              Qt::QueuedConnection);
}

void DiskIo::check(StorageId id, const Bitfield &toCheck)
{
    const auto it = m_storages.find(id);
    if (it == m_storages.end()) {
        replyLater([this, id] { emit checkFinished(id, {}, QStringLiteral("Unknown storage %1").arg(id)); });
        return;
    }
    auto cancel = std::make_shared<std::atomic_bool>(false);
    it->checks.append(cancel);
    const StorageTicket t{id, it->generation};
    QMetaObject::invokeMethod(m_check, [w = m_check, t, toCheck, cancel] { w->check(t, toCheck, cancel); },
                              Qt::QueuedConnection);
}

void DiskIo::cancelCheck(StorageId id)
{
    const auto it = m_storages.constFind(id);
    if (it != m_storages.constEnd())
        for (const CancelFlag &flag : it->checks)
            flag->store(true);
}

void DiskIo::sync(StorageId id)
{
    if (!m_storages.contains(id)) {
        replyLater([this, id] { emit synced(id, QStringLiteral("Unknown storage %1").arg(id)); });
        return;
    }
    const StorageTicket t = ticketFor(id);
    toWriter([w = m_io, t] { w->sync(t); });
}

QString DiskIo::storageError(StorageId id) const
{
    return m_storages.value(id).error;
}

void DiskIo::clearStorageError(StorageId id)
{
    const auto it = m_storages.find(id);
    if (it == m_storages.end() || it->error.isEmpty())
        return;
    it->error.clear();
    // The user may have remounted the disk or fixed permissions: stale handles must go.
    releaseFiles(id);
    emit storageErrorChanged(id, QString());
}

void DiskIo::releaseFiles(StorageId id)
{
    if (!m_storages.contains(id))
        return;
    toWriter([w = m_io, id] { w->resetStorage(id); });
    QMetaObject::invokeMethod(m_check, [w = m_check, id] { w->resetStorage(id); }, Qt::QueuedConnection);
}

bool DiskIo::isChecking(StorageId id) const
{
    const auto it = m_storages.constFind(id);
    return it != m_storages.constEnd() && !it->checks.isEmpty();
}

qint64 DiskIo::pendingWriteBytes(StorageId id) const
{
    return m_storages.value(id).pendingWriteBytes;
}

void DiskIo::setError(StorageId id, Entry &entry, const QString &error)
{
    // The first fault is the cause; later ones are usually its consequences.
    if (!entry.error.isEmpty())
        return;
    entry.error = error;
    emit storageErrorChanged(id, error);
}

void DiskIo::onPieceWritten(const WriteResult &r)
{
    Entry *e = entryFor(r.ticket);
    if (!e)
        return;
    e->pendingWriteBytes -= r.bytes;
    m_pendingWriteBytes -= r.bytes;
    if (r.status.isFault())
        setError(r.ticket.id, *e, r.status.message);
    emit pieceWritten(r.ticket.id, r.piece, r.status.isOk(), r.hashMismatch, r.status.message);
}

void DiskIo::onBlockRead(const ReadResult &r)
{
    Entry *e = entryFor(r.ticket);
    if (!e)
        return;
    if (r.status.isFault())
        setError(r.ticket.id, *e, r.status.message);
    emit blockRead(r.ticket.id, r.tag, r.data, r.status.message);
}

void DiskIo::onCheckProgress(const StorageTicket &ticket, int done, int total)
{
    if (entryFor(ticket))
        emit checkProgress(ticket.id, done, total);
}

void DiskIo::onCheckFinished(const CheckResult &r)
{
    Entry *e = entryFor(r.ticket);
    if (!e)
        return;
    if (!e->checks.isEmpty())
        e->checks.removeFirst(); // checks of one storage run in order on one thread
    QString error = r.status.message;
    if (r.cancelled)
        error = QStringLiteral("Check cancelled");
    else if (r.status.isFault())
        setError(r.ticket.id, *e, error);
    emit checkFinished(r.ticket.id, r.verified, error);
}

void DiskIo::onSynced(const StorageTicket &ticket, const IoStatus &status)
{
    Entry *e = entryFor(ticket);
    if (!e)
        return;
    if (status.isFault())
        setError(ticket.id, *e, status.message);
    emit synced(ticket.id, status.message);
}

} // namespace swarmscope::storage
