#include "storage/storageworker.h"

#include "crypto/sha1.h"

#include <QDir>
#include <QElapsedTimer>

namespace swarmscope::storage {

namespace {
IoStatus unknownStorage(StorageId id)
{
    return IoStatus::invalid(QStringLiteral("Unknown storage %1").arg(id));
}
} // namespace

StorageWorker::StorageWorker(int maxOpenFiles, qint64 readCacheBytes, QObject *parent)
    : QObject(parent), m_files(maxOpenFiles), m_cache(readCacheBytes)
{
}

StorageWorker::~StorageWorker() = default;

StorageFiles *StorageWorker::find(StorageId id)
{
    const auto it = m_storages.find(id);
    return it == m_storages.end() ? nullptr : it->second.get();
}

void StorageWorker::addStorage(StorageId id, const StorageSpec &spec)
{
    removeStorage(id);
    m_storages.emplace(id, std::make_unique<StorageFiles>(id, spec, &m_files));
}

void StorageWorker::removeStorage(StorageId id)
{
    resetStorage(id);
    m_storages.erase(id);
}

void StorageWorker::setFilePriorities(StorageId id, const QList<quint8> &priorities)
{
    if (StorageFiles *s = find(id)) {
        s->setFilePriorities(priorities);
        m_cache.eraseStorage(id);
    }
}

void StorageWorker::resetStorage(StorageId id)
{
    m_files.closeStorage(id);
    m_cache.eraseStorage(id);
}

void StorageWorker::writePiece(StorageTicket ticket, int piece, const QByteArray &data, PieceHash hash)
{
    WriteResult r{ticket, piece, data.size(), false, {}};
    StorageFiles *s = find(ticket.id);
    if (!s) {
        r.status = unknownStorage(ticket.id);
    } else if (piece < 0 || piece >= s->layout().pieceCount() || data.size() != s->layout().pieceSize(piece)) {
        r.status = IoStatus::invalid(QStringLiteral("Piece %1 has the wrong size or index (%2 bytes)").arg(piece).arg(data.size()));
    } else if (hash == PieceHash::Mismatched
               || (hash == PieceHash::Unchecked && crypto::Sha1::hash(data) != s->pieceHash(piece))) {
        r.hashMismatch = true;
        r.status = IoStatus::invalid(QStringLiteral("Piece %1 failed the hash check").arg(piece));
    } else {
        m_cache.erase(ticket.id, piece);
        r.status = s->write(s->layout().pieceOffset(piece), data);
    }
    emit pieceWritten(r);
}

IoStatus StorageWorker::explainReadFailure(StorageFiles &s, int piece, const IoStatus &status) const
{
    if (status.kind != IoStatus::Kind::Missing)
        return status;
    if (!s.saveFolderExists())
        return IoStatus::fault(QStringLiteral("Save folder '%1' does not exist (is its disk mounted?)")
                                   .arg(QDir::toNativeSeparators(s.savePath())));
    // A skipped file sharing the piece is expected to be absent: not a storage fault.
    if (s.pieceTouchesSkipped(piece))
        return IoStatus::missing(QStringLiteral("Piece %1 overlaps a skipped file: %2").arg(piece).arg(status.message));
    // A file we wrote has gone or shrunk since: data was lost, the user has to know.
    return IoStatus::fault(status.message);
}

QByteArray StorageWorker::readPiece(StorageFiles &s, int piece, IoStatus *status)
{
    const qint64 size = s.layout().pieceSize(piece);
    QByteArray buf(size, Qt::Uninitialized);
    *status = s.read(s.layout().pieceOffset(piece), size, buf.data());
    return status->isOk() ? buf : QByteArray();
}

void StorageWorker::readBlock(StorageTicket ticket, int piece, qint64 begin, qint64 length, quint64 tag)
{
    ReadResult r{ticket, tag, {}, {}};
    StorageFiles *s = find(ticket.id);
    if (!s) {
        r.status = unknownStorage(ticket.id);
        emit blockRead(r);
        return;
    }
    const qint64 pieceSize = s->layout().pieceSize(piece);
    if (pieceSize <= 0 || begin < 0 || length <= 0 || begin + length > pieceSize) {
        r.status = IoStatus::invalid(QStringLiteral("Invalid block: piece %1, %2 bytes at %3").arg(piece).arg(length).arg(begin));
        emit blockRead(r);
        return;
    }
    QByteArray whole = m_cache.find(ticket.id, piece);
    // Only pieces small enough for at least two to fit are cached, so one big piece cannot evict
    // the piece a peer is still working through.
    if (whole.isNull() && pieceSize * 2 <= m_cache.capacity()) {
        IoStatus st;
        whole = readPiece(*s, piece, &st);
        if (!whole.isNull())
            m_cache.insert(ticket.id, piece, whole);
    }
    if (!whole.isNull()) {
        r.data = whole.mid(begin, length);
    } else {
        // Also the fallback when the whole piece could not be read (a skipped file shares it):
        // the block itself may well be in a file that is present.
        r.data = QByteArray(length, Qt::Uninitialized);
        r.status = explainReadFailure(*s, piece, s->read(s->layout().pieceOffset(piece) + begin, length, r.data.data()));
        if (!r.status.isOk())
            r.data.clear();
    }
    emit blockRead(r);
}

void StorageWorker::check(StorageTicket ticket, const Bitfield &toCheck, const CancelFlag &cancel)
{
    CheckResult r{ticket, {}, false, {}};
    StorageFiles *s = find(ticket.id);
    if (!s) {
        r.status = unknownStorage(ticket.id);
        emit checkFinished(r);
        return;
    }
    const FileLayout &layout = s->layout();
    const int pieces = layout.pieceCount();
    r.verified = Bitfield(pieces);
    if (!toCheck.isEmpty() && toCheck.size() != pieces) {
        r.status = IoStatus::invalid(QStringLiteral("Check set has %1 pieces, the torrent %2").arg(toCheck.size()).arg(pieces));
        emit checkFinished(r);
        return;
    }
    // A missing save folder is not "nothing downloaded yet": report it rather than let the
    // engine conclude every piece is gone.
    if (!s->saveFolderExists()) {
        r.status = IoStatus::fault(QStringLiteral("Save folder '%1' does not exist (is its disk mounted?)")
                                       .arg(QDir::toNativeSeparators(s->savePath())));
        emit checkFinished(r);
        return;
    }
    const int total = toCheck.isEmpty() ? pieces : toCheck.count();
    int done = 0;
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    QByteArray buf;
    for (int p = 0; p < pieces; ++p) {
        if (!toCheck.isEmpty() && !toCheck.test(p))
            continue;
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            r.cancelled = true;
            break;
        }
        const qint64 size = layout.pieceSize(p);
        buf.resize(size);
        const IoStatus st = s->read(layout.pieceOffset(p), size, buf.data());
        if (st.isOk()) {
            if (crypto::Sha1::hash(buf) == s->pieceHash(p))
                r.verified.set(p);
        } else if (st.isFault() && r.status.isOk()) {
            r.status = st; // keep going: one unreadable file should not hide the others' pieces
        }
        ++done;
        if (sinceProgress.elapsed() >= ProgressIntervalMs) {
            emit checkProgress(ticket, done, total);
            sinceProgress.restart();
        }
    }
    if (!r.cancelled) {
        emit checkProgress(ticket, done, total);
        if (r.status.isOk() && !s->saveFolderExists())
            r.status = IoStatus::fault(QStringLiteral("Save folder '%1' disappeared during the check")
                                           .arg(QDir::toNativeSeparators(s->savePath())));
    }
    // A check reads each file once: holding its handles afterwards would only pin stale files.
    s->closeFiles();
    emit checkFinished(r);
}

void StorageWorker::sync(StorageTicket ticket)
{
    StorageFiles *s = find(ticket.id);
    emit synced(ticket, s ? s->sync() : unknownStorage(ticket.id));
}

} // namespace swarmscope::storage
