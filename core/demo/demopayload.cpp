#include "demo/demopayload.h"

#include "crypto/sha1.h"
#include "metainfo/torrentcreator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

#include <algorithm>
#include <cstring>

namespace swarmscope::demo {

namespace {

constexpr qint64 kChunk = 1024 * 1024;
// Changing the content or layout must change this, so older payloads are not reused.
constexpr quint64 kContentVersion = 1;

QString torrentFilePath(const QString &folder)
{
    return QDir(folder).filePath(QStringLiteral("demo.torrent"));
}

// splitmix64: tiny, fast and fully specified, so the payload is the same everywhere.
struct SplitMix64 {
    quint64 state;
    quint64 next()
    {
        quint64 z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
};

bool layoutMatches(const metainfo::TorrentInfo &info, const QList<PayloadFile> &expected, qint64 pieceSize)
{
    if (info.pieceLength != pieceSize || !info.isPrivate || !info.multiFile || info.name != payloadRootName())
        return false;
    QHash<QString, qint64> sizes;
    for (const metainfo::FileEntry &f : info.files) {
        if (f.padFile)
            continue;
        sizes.insert(f.path, f.size);
    }
    if (sizes.size() != expected.size())
        return false;
    return std::all_of(expected.begin(), expected.end(),
                       [&](const PayloadFile &f) { return sizes.value(f.path, -1) == f.size; });
}

std::optional<metainfo::TorrentInfo> loadCachedTorrent(const PayloadSpec &spec)
{
    const QString path = torrentFilePath(spec.folder);
    if (!QFileInfo::exists(path))
        return std::nullopt;
    auto info = metainfo::loadTorrentFile(path);
    if (!info || !layoutMatches(*info, payloadLayout(spec.totalSize), spec.pieceSize))
        return std::nullopt;
    return info;
}

} // namespace

QString payloadRootName()
{
    return QStringLiteral("Swarmscope demo");
}

QList<PayloadFile> payloadLayout(qint64 totalSize)
{
    // Odd offsets keep file boundaries off piece boundaries; every file keeps at least 1 byte.
    const QString root = payloadRootName() + u'/';
    const qint64 a = std::max<qint64>(1, totalSize * 45 / 100 + 12'345);
    const qint64 b = std::max<qint64>(1, totalSize * 30 / 100 - 777);
    const qint64 c = std::max<qint64>(1, totalSize * 15 / 100 + 4'097);
    const qint64 d = std::max<qint64>(1, totalSize - a - b - c);
    return {
        {root + QStringLiteral("README.txt"), payloadReadme().size()},
        {root + QStringLiteral("part-1.bin"), a},
        {root + QStringLiteral("part-2.bin"), b},
        {root + QStringLiteral("extras/part-3.bin"), c},
        {root + QStringLiteral("extras/part-4.bin"), d},
    };
}

QByteArray payloadReadme()
{
    return QByteArrayLiteral(
        "Swarmscope demo swarm\n"
        "=====================\n\n"
        "These files are generated pseudo-random bytes. They exist so that a local swarm\n"
        "(an embedded tracker, one seeder and several leechers, all on 127.0.0.1) has\n"
        "something to trade while you watch the peers, piece maps and choke states.\n"
        "The torrent is private: it is never announced to the DHT or shared over PEX.\n");
}

bool writeDeterministicFile(const QString &path, qint64 size, quint64 seed, const std::atomic<bool> &cancel)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    SplitMix64 rng{seed * 0x2545f4914f6cdd1dULL + kContentVersion};
    QByteArray chunk(kChunk, Qt::Uninitialized);
    for (qint64 left = size; left > 0;) {
        if (cancel.load(std::memory_order_relaxed))
            return false;
        for (qsizetype i = 0; i < chunk.size(); i += 8) {
            const quint64 word = rng.next();
            std::memcpy(chunk.data() + i, &word, sizeof word);
        }
        const qint64 n = std::min(left, kChunk);
        if (file.write(chunk.constData(), n) != n)
            return false;
        left -= n;
    }
    return file.flush();
}

bool verifyPayload(const metainfo::TorrentInfo &info, const QString &folder, const std::atomic<bool> &cancel)
{
    crypto::Sha1 sha;
    int piece = 0;
    qint64 inPiece = 0; // bytes of `piece` hashed so far
    QByteArray buffer;
    auto feed = [&](const char *data, qint64 n) {
        while (n > 0) {
            const qint64 take = std::min(n, info.pieceSize(piece) - inPiece);
            sha.add(data, qsizetype(take));
            data += take;
            n -= take;
            inPiece += take;
            if (inPiece == info.pieceSize(piece)) {
                if (sha.result() != info.pieceHash(piece))
                    return false;
                ++piece;
                inPiece = 0;
            }
        }
        return true;
    };
    for (const metainfo::FileEntry &f : info.files) {
        if (f.padFile) {
            const QByteArray zeros(qsizetype(f.size), '\0');
            if (!feed(zeros.constData(), f.size))
                return false;
            continue;
        }
        QFile file(QDir(folder).filePath(f.path));
        if (!file.open(QIODevice::ReadOnly) || file.size() != f.size)
            return false;
        for (qint64 left = f.size; left > 0;) {
            if (cancel.load(std::memory_order_relaxed))
                return false;
            buffer = file.read(std::min(left, kChunk));
            if (buffer.isEmpty() || !feed(buffer.constData(), buffer.size()))
                return false;
            left -= buffer.size();
        }
    }
    return piece == info.pieceCount();
}

std::optional<PreparedPayload> preparePayload(const PayloadSpec &spec, const std::atomic<bool> &cancel,
                                              QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<PreparedPayload> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (spec.totalSize < 64 * 1024 || !metainfo::isValidPieceSize(spec.pieceSize))
        return fail(QStringLiteral("demo payload: size %1 or piece size %2 out of range")
                        .arg(spec.totalSize)
                        .arg(spec.pieceSize));

    if (auto cached = loadCachedTorrent(spec); cached && verifyPayload(*cached, spec.folder, cancel))
        return PreparedPayload{*cached, false};
    if (cancel)
        return fail(QStringLiteral("demo payload: cancelled"));

    // Start from nothing: a stale torrent must never describe new files.
    QFile::remove(torrentFilePath(spec.folder));
    const QString root = QDir(spec.folder).filePath(payloadRootName());
    QDir(root).removeRecursively();
    const QList<PayloadFile> files = payloadLayout(spec.totalSize);
    quint64 seed = 1;
    for (const PayloadFile &f : files) {
        const QString path = QDir(spec.folder).filePath(f.path);
        if (f.path.endsWith(QLatin1String(".txt"))) {
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile readme(path);
            if (!readme.open(QIODevice::WriteOnly | QIODevice::Truncate)
                || readme.write(payloadReadme()) != payloadReadme().size())
                return fail(QStringLiteral("demo payload: cannot write %1").arg(path));
            continue;
        }
        if (!writeDeterministicFile(path, f.size, seed++, cancel))
            return fail(cancel ? QStringLiteral("demo payload: cancelled")
                               : QStringLiteral("demo payload: cannot write %1").arg(path));
    }

    metainfo::CreateOptions options;
    options.sourcePath = root;
    options.pieceSize = spec.pieceSize;
    options.isPrivate = true; // BEP 27: no DHT, no PEX: the demo never leaves loopback
    options.includeCreationDate = false;
    options.comment = QStringLiteral("Swarmscope demo swarm (127.0.0.1 only)");
    options.progress = [&cancel](qint64, qint64) { return !cancel.load(std::memory_order_relaxed); };
    QString why;
    const std::optional<QByteArray> data = metainfo::createTorrent(options, &why);
    if (!data)
        return fail(QStringLiteral("demo payload: cannot create the torrent: %1").arg(why));
    metainfo::ParseError parseError;
    auto info = metainfo::parseTorrent(*data, &parseError);
    if (!info)
        return fail(QStringLiteral("demo payload: created torrent does not parse: %1").arg(parseError.toString()));
    // Written last: its presence marks a complete payload (still verified before reuse).
    QSaveFile out(torrentFilePath(spec.folder));
    if (!out.open(QIODevice::WriteOnly) || out.write(*data) != data->size() || !out.commit())
        return fail(QStringLiteral("demo payload: cannot save %1").arg(torrentFilePath(spec.folder)));
    return PreparedPayload{*info, true};
}

} // namespace swarmscope::demo
