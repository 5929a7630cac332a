// Where the bytes of a torrent live on disk: maps a range of the torrent's byte stream (a piece,
// a block) to the files it covers. Pieces span file boundaries; pad files (BEP 47) and files the
// user skipped take part in the layout but are never written.
#pragma once

#include "metainfo/torrentinfo.h"

#include <QList>
#include <QString>

namespace swarmscope::storage {

struct FileSlice {
    int fileIndex = -1;
    qint64 fileOffset = 0; // where in the file
    qint64 length = 0;
    qint64 bufferOffset = 0; // where in the caller's buffer (relative to the range start)
};

class FileLayout {
public:
    FileLayout() = default;
    explicit FileLayout(const metainfo::TorrentInfo &info);

    int fileCount() const { return int(m_files.size()); }
    const metainfo::FileEntry &file(int index) const { return m_files[index]; }
    qint64 totalSize() const { return m_totalSize; }
    qint64 pieceLength() const { return m_pieceLength; }
    int pieceCount() const { return m_pieceCount; }
    qint64 pieceSize(int piece) const;
    qint64 pieceOffset(int piece) const { return qint64(piece) * m_pieceLength; }

    // The file pieces that make up [offset, offset + length) of the torrent, in order.
    // Zero-length files never appear. Empty when the range is out of bounds.
    QList<FileSlice> slices(qint64 offset, qint64 length) const;
    QList<FileSlice> pieceSlices(int piece) const { return slices(pieceOffset(piece), pieceSize(piece)); }

    // Files a piece touches (first and last index, inclusive); {-1, -1} when out of range.
    std::pair<int, int> filesOfPiece(int piece) const;
    // Pieces a file covers (first and last index, inclusive); {-1, -1} for an empty file.
    std::pair<int, int> piecesOfFile(int fileIndex) const;

private:
    QList<metainfo::FileEntry> m_files;
    qint64 m_totalSize = 0;
    qint64 m_pieceLength = 0;
    int m_pieceCount = 0;
};

} // namespace swarmscope::storage
