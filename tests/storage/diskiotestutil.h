// Builds torrents in memory for the disk I/O tests: a file list, deterministic content and the
// matching piece hashes, so tests can write pieces and compare what lands on disk.
#pragma once

#include "crypto/sha1.h"
#include "metainfo/torrentinfo.h"
#include "storage/diskiotypes.h"

#include <QDir>
#include <QFile>

#include <random>

namespace diskiotest {

struct FileDef {
    // Implicit on purpose: tests list files as {size}, {size, pad} or {size, pad, path}.
    FileDef(qint64 s, bool p = false, const QString &customPath = {}) : size(s), pad(p), path(customPath) {}
    qint64 size = 0;
    bool pad = false;
    QString path; // empty: "t/f<index>", or "t/.pad/<index>" for a pad file
};

struct Torrent {
    swarmscope::metainfo::TorrentInfo info;
    QByteArray content; // the whole byte stream; pad files are zeros

    QByteArray piece(int p) const
    {
        return content.mid(p * info.pieceLength, info.pieceSize(p));
    }
    QByteArray fileContent(int f) const
    {
        return content.mid(info.files[f].offset, info.files[f].size);
    }
    swarmscope::storage::StorageSpec spec(const QString &savePath, const QList<quint8> &prio = {}) const
    {
        return swarmscope::storage::StorageSpec::fromTorrent(info, savePath, prio);
    }
};

inline Torrent makeTorrent(const QList<FileDef> &files, qint64 pieceLength, unsigned seed = 1)
{
    Torrent t;
    std::mt19937 rng(seed);
    qint64 offset = 0;
    for (int i = 0; i < files.size(); ++i) {
        swarmscope::metainfo::FileEntry f;
        f.path = files[i].path.isEmpty()
            ? (files[i].pad ? QStringLiteral("t/.pad/%1").arg(i) : QStringLiteral("t/f%1").arg(i))
            : files[i].path;
        f.size = files[i].size;
        f.offset = offset;
        f.padFile = files[i].pad;
        QByteArray bytes(files[i].size, '\0');
        if (!files[i].pad)
            for (char &c : bytes)
                c = static_cast<char>(rng() & 0xff);
        t.content += bytes;
        offset += f.size;
        t.info.files << f;
    }
    t.info.totalSize = offset;
    t.info.pieceLength = pieceLength;
    t.info.multiFile = true;
    const int pieces = int((offset + pieceLength - 1) / pieceLength);
    for (int p = 0; p < pieces; ++p)
        t.info.pieceHashes += swarmscope::crypto::Sha1::hash(t.content.mid(p * pieceLength, pieceLength));
    return t;
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace diskiotest
