// Helpers shared by the engine's integration tests: payloads of random bytes, torrents made
// from them, byte-for-byte comparison and per-piece hash checks of what lands on disk.
#pragma once

#include "crypto/sha1.h"
#include "metainfo/torrentcreator.h"
#include "metainfo/torrentinfo.h"
#include "util/bitfield.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QTcpServer>

#include <optional>

namespace swarmscope::testutil {

// A file of `size` pseudo-random bytes; the same seed gives the same content.
inline bool writeRandomFile(const QString &path, qint64 size, quint32 seed)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QRandomGenerator rng(seed);
    QByteArray chunk;
    qint64 left = size;
    while (left > 0) {
        const qsizetype n = qsizetype(std::min<qint64>(left, 256 * 1024));
        chunk.resize((n + 3) / 4 * 4);
        rng.fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
        if (f.write(chunk.constData(), n) != n)
            return false;
        left -= n;
    }
    return true;
}

struct PayloadFile {
    QString relativePath;
    qint64 size;
};

// A folder whose files are deliberately not piece-aligned (so pieces span files), with a
// zero-length file in the middle of the torrent order and one in a subfolder.
inline QList<PayloadFile> multiFileLayout(qint64 scale)
{
    return {
        {QStringLiteral("a.bin"), 3 * scale + 1234},
        {QStringLiteral("empty.txt"), 0},
        {QStringLiteral("m/b.bin"), 17 * scale + 7},
        {QStringLiteral("m/c.bin"), 5000},
        {QStringLiteral("m/d/none.dat"), 0},
        {QStringLiteral("m/e.bin"), 9 * scale - 999},
        {QStringLiteral("z.bin"), 1},
    };
}

inline bool writePayload(const QString &folder, const QList<PayloadFile> &files, quint32 seed)
{
    for (const PayloadFile &f : files)
        if (!writeRandomFile(QDir(folder).filePath(f.relativePath), f.size, seed++))
            return false;
    return true;
}

// Makes a torrent of `source` and parses it back, as a user's client would receive it.
inline std::optional<metainfo::TorrentInfo> makeTorrent(const QString &source, qint64 pieceSize,
                                                        const QStringList &trackers = {},
                                                        QByteArray *torrentFile = nullptr,
                                                        QString *error = nullptr)
{
    metainfo::CreateOptions options;
    options.sourcePath = source;
    options.pieceSize = pieceSize;
    for (const QString &t : trackers)
        options.trackerTiers << QStringList{t};
    options.includeCreationDate = false;
    const std::optional<QByteArray> data = metainfo::createTorrent(options, error);
    if (!data)
        return std::nullopt;
    if (torrentFile)
        *torrentFile = *data;
    metainfo::ParseError parseError;
    auto info = metainfo::parseTorrent(*data, &parseError);
    if (!info && error)
        *error = parseError.toString();
    return info;
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Empty when every file of the torrent is the same under both save paths; otherwise what differs.
inline QString compareTrees(const metainfo::TorrentInfo &info, const QString &expectedRoot, const QString &actualRoot)
{
    for (const metainfo::FileEntry &f : info.files) {
        if (f.padFile)
            continue;
        const QString expected = QDir(expectedRoot).filePath(f.path);
        const QString actual = QDir(actualRoot).filePath(f.path);
        if (!QFileInfo(actual).isFile())
            return QStringLiteral("%1 is missing").arg(actual);
        if (QFileInfo(actual).size() != f.size)
            return QStringLiteral("%1 has %2 bytes, expected %3").arg(actual).arg(QFileInfo(actual).size()).arg(f.size);
        if (readFile(expected) != readFile(actual))
            return QStringLiteral("%1 differs from %2").arg(actual, expected);
    }
    return {};
}

// The bytes of one piece as they are on disk now (short when files are missing or short).
inline QByteArray readPiece(const metainfo::TorrentInfo &info, const QString &root, int piece)
{
    const qint64 begin = qint64(piece) * info.pieceLength;
    const qint64 end = begin + info.pieceSize(piece);
    QByteArray out;
    for (const metainfo::FileEntry &f : info.files) {
        const qint64 from = std::max(begin, f.offset);
        const qint64 to = std::min(end, f.offset + f.size);
        if (from >= to)
            continue;
        QFile file(QDir(root).filePath(f.path));
        if (!file.open(QIODevice::ReadOnly) || !file.seek(from - f.offset))
            return out;
        const QByteArray part = file.read(to - from);
        out += part;
        if (part.size() != to - from)
            return out;
    }
    return out;
}

inline bool pieceMatches(const metainfo::TorrentInfo &info, const QString &root, int piece)
{
    return crypto::Sha1::hash(readPiece(info, root, piece)) == info.pieceHash(piece);
}

// Pieces set in `have` whose bytes on disk do not hash right.
inline QList<int> badPieces(const metainfo::TorrentInfo &info, const QString &root, const Bitfield &have)
{
    QList<int> bad;
    for (int i = 0; i < have.size(); ++i)
        if (have.test(i) && !pieceMatches(info, root, i))
            bad << i;
    return bad;
}

// Flips one byte at `offset` of the torrent's byte stream, keeping the file's size and
// modification time: silent corruption that a resume check based on size and mtime cannot see.
inline bool flipByteKeepingStamp(const metainfo::TorrentInfo &info, const QString &root, qint64 offset)
{
    for (const metainfo::FileEntry &f : info.files) {
        if (offset < f.offset || offset >= f.offset + f.size)
            continue;
        const QString path = QDir(root).filePath(f.path);
        const QDateTime mtime = QFileInfo(path).lastModified();
        QFile file(path);
        if (!file.open(QIODevice::ReadWrite) || !file.seek(offset - f.offset))
            return false;
        char byte = 0;
        if (file.read(&byte, 1) != 1 || !file.seek(offset - f.offset))
            return false;
        byte = char(byte ^ 0x5a);
        if (file.write(&byte, 1) != 1)
            return false;
        file.flush();
        return file.setFileTime(mtime, QFileDevice::FileModificationTime);
    }
    return false;
}

// A port free on `address` right now, for programs that need a number up front (the CLI's
// --peer). Another process could take it before it is used; on loopback that is unlikely.
inline quint16 freePort(const QHostAddress &address)
{
    QTcpServer probe;
    if (!probe.listen(address, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace swarmscope::testutil
