// .torrent metainfo (BEP 3, v1), with announce-list (BEP 12), url-list (BEP 19),
// private (BEP 27) and pad-file attributes (BEP 47).
#pragma once

#include "bencode/reader.h"
#include "metainfo/infohash.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace swarmscope::metainfo {

struct FileEntry {
    // Relative path on disk with '/' separators, already sanitized. For a multi-file torrent it
    // starts with the torrent's (sanitized) name; for a single-file torrent it is that name.
    QString path;
    qint64 size = 0;
    qint64 offset = 0;      // where the file starts in the torrent's byte stream
    bool padFile = false;   // BEP 47 'p': filler bytes, never written to disk
    bool executable = false; // BEP 47 'x'
    bool hidden = false;     // BEP 47 'h'
    bool renamed = false;    // sanitizing changed the path the torrent asked for
};

struct ParseLimits {
    qsizetype maxTorrentSize = 64 * 1024 * 1024; // whole .torrent file, bytes
    qsizetype maxFiles = 1'000'000;
    qint64 maxPieceLength = 512LL * 1024 * 1024;
    int maxTrackers = 1000;
};

struct ParseError {
    QString message;
    qsizetype offset = -1; // byte offset in the input, when the problem is a bencode one
    QString toString() const;
};

struct TorrentInfo {
    InfoHash infoHash;
    QByteArray infoBytes; // the exact info dictionary bytes the info-hash was computed over

    QString name; // sanitized
    qint64 pieceLength = 0;
    QByteArray pieceHashes; // 20 bytes per piece
    qint64 totalSize = 0;
    QList<FileEntry> files;
    bool multiFile = false;
    bool isPrivate = false;

    QList<QStringList> trackerTiers; // announce-list, or announce alone as one tier
    QStringList webSeeds;            // url-list
    std::optional<QDateTime> creationDate;
    QString comment;
    QString createdBy;

    QStringList warnings; // things accepted but worth knowing (unsorted keys, renamed files)

    int pieceCount() const { return static_cast<int>(pieceHashes.size() / 20); }
    QByteArray pieceHash(int piece) const { return pieceHashes.mid(qsizetype(piece) * 20, 20); }
    qint64 pieceSize(int piece) const;
    QStringList trackers() const; // every tracker in tier order, without duplicates
};

// Parses a whole .torrent file. The info-hash is taken over the info dictionary's exact bytes.
std::optional<TorrentInfo> parseTorrent(const QByteArray &data, ParseError *error = nullptr,
                                        const ParseLimits &limits = {});
// Parses a bare info dictionary (as fetched with ut_metadata); trackers come from elsewhere.
std::optional<TorrentInfo> parseInfoDictionary(const QByteArray &infoBytes,
                                               ParseError *error = nullptr,
                                               const ParseLimits &limits = {});
// Reads and parses a .torrent file from disk, refusing files over limits.maxTorrentSize.
std::optional<TorrentInfo> loadTorrentFile(const QString &path, ParseError *error = nullptr,
                                           const ParseLimits &limits = {});

// Encodes a .torrent file around the info dictionary's original bytes, so the info-hash holds.
QByteArray encodeTorrentFile(const TorrentInfo &info);

} // namespace swarmscope::metainfo
